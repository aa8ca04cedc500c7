//! `vnfacts check`: regression checks on a user's own sample documents.
mod common;
use common::{temp, vnfacts};

use assert_cmd::Command;
use predicates::prelude::*;
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
fn usage_errors_exit_2_and_bad_expectations_are_errors() {
    vnfacts()
        .args(["check", "no-such-folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-folder"));
    let (_tmp, dir, _) = samples();
    std::fs::write(dir.join("tin-tuan.facts.json"), "{ not json").unwrap();
    let out = stdout(vnfacts().args(["check", "--color", "never"]).arg(&dir), 1);
    assert!(out.contains("not JSON"), "{out}");
}

#[test]
fn the_corpus_passes_its_own_check() {
    let out = stdout(vnfacts().args(["check", "--strict", "corpus"]), 0);
    assert!(out.contains("11 ok, 0 changed"), "{out}");
}
