//! `vnfacts check`: regression checks on a user's own sample documents.
mod common;
use common::{temp, vnfacts};

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A folder with one sample report (from the corpus) and no expected file.
fn samples() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = temp();
    let dir = tmp.path().to_path_buf();
    let doc = dir.join("tin-tuan.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/tin-tuan-xa-binh-an.txt"),
        &doc,
    )
    .unwrap();
    (tmp, dir, doc)
}

fn stdout(cmd: &mut Command, code: i32) -> String {
    String::from_utf8(cmd.assert().code(code).get_output().stdout.clone()).unwrap()
}

#[test]
fn bless_then_ok_then_a_changed_value_is_shown_field_by_field() {
    let (_tmp, dir, doc) = samples();
    // No expected file: listed, not failed; --require-expected fails it.
    let out = stdout(vnfacts().arg("check").arg(&dir), 0);
    assert!(
        out.contains("no expectation") && out.contains("1 without an expected file"),
        "{out}"
    );
    stdout(
        vnfacts().arg("check").arg(&dir).arg("--require-expected"),
        1,
    );
    // --bless writes it and says so.
    let out = stdout(vnfacts().arg("check").arg(&dir).arg("--bless"), 0);
    let expected = dir.join("tin-tuan.facts.json");
    assert!(
        out.contains(&format!("wrote {}", expected.display())),
        "{out}"
    );
    assert!(expected.exists());
    let out = stdout(vnfacts().args(["check", "--strict"]).arg(&doc), 0);
    assert!(out.starts_with("ok"), "{out}");
    // Change a value: reported with its line, text, field, old and new value.
    let text = std::fs::read_to_string(&expected)
        .unwrap()
        .replace("\"value\": 420\n", "\"value\": 42\n");
    std::fs::write(&expected, text).unwrap();
    let out = stdout(vnfacts().args(["check", "--color", "never"]).arg(&dir), 1);
    assert!(out.contains("changed"), "{out}");
    assert!(out.contains("line 6: measure \"420 ha\""), "{out}");
    assert!(out.contains("value: 42 → 420"), "{out}");
    assert!(!out.contains('\u{1b}'), "no colour with --color never");
    let coloured = stdout(vnfacts().args(["check", "--color", "always"]).arg(&dir), 1);
    assert!(coloured.contains("\u{1b}[31m"));
    // --bless accepts the change.
    stdout(vnfacts().args(["check", "--bless"]).arg(&dir), 0);
    stdout(vnfacts().arg("check").arg(&dir), 0);
}

#[test]
fn hand_written_expectations_compare_only_what_they_say() {
    let (_tmp, dir, _) = samples();
    std::fs::write(
        dir.join("tin-tuan.facts.json"),
        r#"{
  "document": {"date": "2024-08-14"},
  "facts": [
    {"kind": "ratio", "text": "17/19 tiêu chí", "numerator": 17, "denominator": 19},
    {"kind": "date", "text": "Hôm qua (13/8)", "value": "2024-08-13"},
    {"kind": "money", "text": "312 tỷ\nđồng", "value": 312000000000}
  ]
}"#,
    )
    .unwrap();
    let out = stdout(vnfacts().arg("check").arg(&dir), 0);
    assert!(out.contains("1 ok"), "{out}");
    // Strict: every fact the short expectation leaves out is new.
    let out = stdout(
        vnfacts()
            .args(["check", "--strict", "--color", "never"])
            .arg(&dir),
        1,
    );
    assert!(out.contains("+ new line 3: ratio \"3/5 thôn\""), "{out}");
    // A fact that is expected but not read is missing.
    std::fs::write(
        dir.join("tin-tuan.facts.json"),
        r#"{"facts": [{"kind": "count", "text": "99 con trâu", "value": 99}]}"#,
    )
    .unwrap();
    let out = stdout(vnfacts().args(["check", "--color", "never"]).arg(&dir), 1);
    assert!(out.contains("- missing count \"99 con trâu\""), "{out}");
}

#[test]
fn a_missing_path_is_an_error_record_and_exit_1_as_with_extract() {
    let out = stdout(
        vnfacts().args(["check", "--color", "never", "no-such-folder"]),
        1,
    );
    assert!(out.contains("error   no-such-folder: cannot read"), "{out}");
    assert!(out.contains("1 errors"), "{out}");
    vnfacts()
        .args(["extract", "no-such-folder"])
        .assert()
        .code(1);
    // A usage error is still 2.
    vnfacts()
        .args(["check", "--color", "sometimes"])
        .assert()
        .code(2);
}

#[test]
fn malformed_expectations_are_errors_that_name_the_file_and_the_fault() {
    let (_tmp, dir, _) = samples();
    let expected = dir.join("tin-tuan.facts.json");
    for (text, fault) in [
        ("{ not json", "not JSON"),
        ("[1,2,3]", "not an expected document"),
        (
            r#"{"facts": {"kind": "money"}}"#,
            "\"facts\" must be a list",
        ),
        (
            r#"{"facts": [{"kind": "monney", "text": "5 triệu"}]}"#,
            "unknown kind \"monney\"",
        ),
        (
            r#"{"facts": [{"text": "5 triệu"}]}"#,
            "fact 1 has no \"kind\"",
        ),
        (r#"{"facts": [7]}"#, "fact 1 is a number"),
        (
            r#"{"facts": [{"kind": "money"}]}"#,
            "neither \"text\" nor \"start\"",
        ),
    ] {
        std::fs::write(&expected, text).unwrap();
        let out = stdout(vnfacts().args(["check", "--color", "never"]).arg(&dir), 1);
        assert!(out.contains("tin-tuan.facts.json: "), "{text}: {out}");
        assert!(out.contains(fault), "{text}: {out}");
        // --bless does not hide it: exit 1, and the broken file is left for its author.
        let out = stdout(
            vnfacts()
                .args(["check", "--bless", "--color", "never"])
                .arg(&dir),
            1,
        );
        assert!(out.contains("1 errors"), "{text}: {out}");
        assert_eq!(std::fs::read_to_string(&expected).unwrap(), text);
    }
}

#[test]
fn checking_an_expected_file_checks_its_report() {
    let (_tmp, dir, doc) = samples();
    stdout(vnfacts().args(["check", "--bless"]).arg(&doc), 0);
    let expected = dir.join("tin-tuan.facts.json");
    let out = stdout(
        vnfacts().args(["check", "--color", "never"]).arg(&expected),
        0,
    );
    assert!(out.contains("ok      "), "{out}");
    assert!(out.contains("tin-tuan.txt"), "{out}");
    assert!(!out.contains("facts.facts.json"), "{out}");
}

#[test]
fn an_edit_at_the_top_moves_facts_without_changing_them() {
    let (_tmp, dir, doc) = samples();
    stdout(vnfacts().args(["check", "--bless"]).arg(&doc), 0);
    let text = std::fs::read_to_string(&doc).unwrap();
    // A sentence added at the start of the second line: the title stays, the rest moves.
    let (title, body) = text.split_once('\n').unwrap();
    let added = |s: &str| format!("{title}\n{s}{body}");
    std::fs::write(&doc, added("Bản tin. ")).unwrap();
    let out = stdout(vnfacts().args(["check", "--color", "never"]).arg(&dir), 0);
    assert!(out.contains("ok      "), "{out}");
    assert!(out.contains("offsets moved by 9"), "{out}");
    assert!(!out.contains("changed "), "{out}");
    // Strict asks for offsets: the moved facts are changes, and the move is said once.
    let out = stdout(
        vnfacts()
            .args(["check", "--strict", "--color", "never"])
            .arg(&dir),
        1,
    );
    assert_eq!(out.matches("offsets moved by 9").count(), 1, "{out}");
    assert!(out.contains("start: "), "{out}");
    // A real change among moved facts is still shown, alone.
    std::fs::write(&doc, added("Có 77 con bò. ")).unwrap();
    let out = stdout(
        vnfacts()
            .args(["check", "--strict", "--color", "never"])
            .arg(&dir),
        1,
    );
    assert!(out.contains("+ new line 2: count \"77 con bò\""), "{out}");
    assert!(out.contains("offsets moved by 14"), "{out}");
    // Text added before the title changes the title: that change is shown, nothing else.
    std::fs::write(&doc, format!("Bản tin. {text}")).unwrap();
    let out = stdout(vnfacts().args(["check", "--color", "never"]).arg(&dir), 1);
    assert!(out.contains("~ document.title"), "{out}");
    assert!(!out.contains("~ changed"), "{out}");
}

#[test]
fn the_corpus_passes_its_own_check() {
    let out = stdout(vnfacts().args(["check", "--strict", "corpus"]), 0);
    // Every report, in every encoding of corpus/encodings/ and every format of
    // corpus/formats/, has its expected facts.
    const FORMATS: [&str; 8] = ["txt", "docx", "doc", "odt", "rtf", "pdf", "html", "htm"];
    fn reports(dir: &Path) -> usize {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| match p.is_dir() {
                true => reports(&p),
                false => usize::from(
                    p.extension()
                        .is_some_and(|e| FORMATS.iter().any(|f| e.eq_ignore_ascii_case(f))),
                ),
            })
            .sum()
    }
    let n = reports(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    assert!(n >= 13 + 3 * 18 + 4 * 6, "{n}");
    assert!(
        out.contains(&format!(
            "{n} ok, 0 changed, 0 without an expected file, 0 errors"
        )),
        "{out}"
    );
}
