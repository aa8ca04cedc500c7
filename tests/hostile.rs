//! Hostile inputs, each with its documented behaviour (README, "Limits and hostile input"):
//! never a panic, never a span whose text differs from the input, a clear message and a
//! non-zero exit where a run fails.
mod common;
use common::{calm, temp, vnfacts};

use predicates::prelude::*;

#[test]
fn empty_and_blank_documents_have_no_facts() {
    for t in ["", " ", "\n\n\r\n\t  \u{a0}\u{3000}"] {
        let doc = calm(t);
        assert!(doc.facts.is_empty());
        assert_eq!(doc.document.title, None);
    }
}

#[test]
fn nul_bytes_and_control_characters_inside_text() {
    let doc = calm("Hội có\u{0}20 hội viên\u{1}, quỹ 1.500.000đ\u{7f}.");
    assert!(doc.facts.iter().any(|f| f.text == "1.500.000đ"));
}

#[test]
fn a_number_of_100000_digits_is_a_warning_not_a_crash() {
    let doc = calm(&format!(
        "Quỹ có {} đồng và 5 triệu đồng.",
        "7".repeat(100_000)
    ));
    assert_eq!(doc.warnings.len(), 1);
    assert!(doc.warnings[0].contains("too large"));
    assert_eq!(doc.facts.len(), 1);
}

#[test]
fn ten_thousand_combining_marks_on_one_letter() {
    let t = format!("xã Kim Lie{}n có 20 hội viên", "\u{302}".repeat(10_000));
    let doc = calm(&t);
    assert!(doc.facts.iter().any(|f| f.text == "20 hội viên"));
}

#[test]
fn bidirectional_and_zero_width_marks_inside_numbers() {
    let t = "quỹ 1.\u{200b}500.\u{200e}000\u{feff}đ và 2\u{2060}0 hộ";
    let doc = calm(t);
    let money = doc
        .facts
        .iter()
        .find(|f| f.kind == vnfacts::Kind::Money)
        .unwrap();
    assert_eq!(money.number().unwrap().to_i64(), Some(1_500_000));
    assert_eq!(money.text, "1.\u{200b}500.\u{200e}000\u{feff}đ");
    let count = doc
        .facts
        .iter()
        .find(|f| f.kind == vnfacts::Kind::Count)
        .unwrap();
    assert_eq!(count.number().unwrap().to_i64(), Some(20));
}

#[test]
fn crlf_and_lone_cr_line_breaks() {
    let doc = calm("Chiều ngày\r\n8/7/2024, hỗ trợ 200\r000 đ.\r\n");
    assert!(doc.facts.iter().any(|f| f.text == "Chiều ngày\r\n8/7/2024"));
    assert!(doc.facts.iter().any(|f| f.text == "200\r000 đ"));
}

#[test]
fn a_20_mb_line_with_no_line_break() {
    let unit = "Hội có 20 hội viên, quỹ 1.500.000đ; ";
    let line = unit.repeat(20 * 1024 * 1024 / unit.len());
    let doc = calm(&line);
    assert_eq!(doc.facts.len(), 2 * (20 * 1024 * 1024 / unit.len()));
    assert!(doc.facts.iter().all(|f| f.line == 1));
}

#[test]
fn binary_data_and_invalid_utf8_in_the_middle() {
    let tmp = temp();
    let dir = tmp.path().to_path_buf();
    // A zip archive named .txt is read as the document its bytes say it is (here a damaged
    // one); other bytes with a NUL are binary.
    std::fs::write(dir.join("zip.txt"), b"PK\x03\x04\x00\x00\x00binary").unwrap();
    std::fs::write(dir.join("elf.txt"), b"\x7fELF\x00\x00\x00binary").unwrap();
    std::fs::write(dir.join("mid.txt"), b"Hoi co 20 hoi vien\n\xe1\xbb\n").unwrap();
    let out = vnfacts()
        .args(["extract", "--quiet", "--encoding", "utf-8"])
        .arg(&dir)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("invalid UTF-8 at byte 19 (line 2)"), "{text}");
    assert!(text.contains("a binary file (a NUL byte at 4)"), "{text}");
    assert!(text.contains("docx: not a readable zip archive"), "{text}");
}

#[test]
fn missing_files_and_folders_where_files_are_expected() {
    vnfacts()
        .args(["extract", "khong-co.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("khong-co.txt: cannot read"));
    // A folder given as the lexicon file.
    vnfacts()
        .args(["extract", "-", "--lexicon", "corpus"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("corpus: cannot read"));
}

#[test]
fn a_full_device_is_an_error_and_leaves_nothing_half_written() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    vnfacts()
        .args(["extract", "corpus", "--quiet", "-o", "/dev/full"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("cannot write the output")
                .and(predicate::str::contains("No space left")),
        );
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("vnfacts"))
        .args(["extract", "corpus", "--quiet"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the output"));
    // A regular file that cannot be completed is never left as if complete.
    let tmp = temp();
    let dir = tmp.path().to_path_buf();
    let out = dir.join("facts.jsonl");
    vnfacts()
        .args(["extract", "--quiet", "-o"])
        .arg(&out)
        .arg(dir.join("khong-co"))
        .assert()
        .code(1);
    assert!(!dir.join("facts.jsonl.partial").exists());
}

#[test]
fn a_document_larger_than_the_limit_is_refused_with_a_reason() {
    let tmp = temp();
    let dir = tmp.path().to_path_buf();
    let big = dir.join("big.txt");
    // Text at the start (a binary start is refused as binary first), then a sparse tail.
    std::fs::write(&big, "Báo cáo quý I. ".repeat(1000)).unwrap();
    let f = std::fs::OpenOptions::new().write(true).open(&big).unwrap();
    f.set_len(vnfacts::input::MAX_DOCUMENT as u64 + 1).unwrap();
    let out = vnfacts()
        .args(["extract", "--quiet"])
        .arg(&big)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out)
        .unwrap()
        .contains("larger than 64 MiB"));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let run = || {
        vnfacts()
            .args(["extract", "--quiet", "corpus"])
            .output()
            .unwrap()
            .stdout
    };
    let first = run();
    assert!(!first.is_empty());
    assert_eq!(first, run());
}
