//! The `vnfacts` command, run as a user runs it.
mod common;
use common::{json_lines, temp, vnfacts};

use predicates::prelude::*;
use serde_json::Value as Json;

#[test]
fn extracts_a_corpus_report() {
    let out = vnfacts()
        .args(["extract", "corpus/hoi-nong-dan-so-ket-6-thang.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["source"], "corpus/hoi-nong-dan-so-ket-6-thang.txt");
    assert_eq!(d["document"]["date"], "2024-07-05");
    let money: Vec<&Json> = d["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "money")
        .collect();
    assert!(money
        .iter()
        .any(|f| f["text"] == "1 tỷ 350 triệu đồng" && f["value"] == 1_350_000_000i64));
}

#[test]
fn reads_standard_input_and_filters_kinds() {
    let out = vnfacts()
        .args(["extract", "-", "--kinds", "money,percent"])
        .write_stdin("Ngày 8/7/2024 hội có 20 hội viên, góp 1.000.000đ, đạt 97%.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let d = &json_lines(&out)[0];
    assert_eq!(d["source"], "-");
    let kinds: Vec<&str> = d["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["money", "percent"]);
}

#[test]
fn pretty_output_is_the_same_document() {
    let plain = vnfacts()
        .args(["extract", "corpus/truong-hoc-tram-y-te.txt"])
        .output()
        .unwrap();
    let pretty = vnfacts()
        .args(["extract", "--pretty", "corpus/truong-hoc-tram-y-te.txt"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&pretty.stdout).contains("\n  \"document\""));
    let a: Json = serde_json::from_slice(&plain.stdout).unwrap();
    let b: Json = serde_json::from_slice(&pretty.stdout).unwrap();
    assert_eq!(a, b);
}

#[test]
fn reference_year_completes_dates_without_one() {
    let out = vnfacts()
        .args(["extract", "-", "--reference-year", "2019"])
        .write_stdin("Nhân dịp ngày QTPN 8/3, hội trao 25 suất quà.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let d = &json_lines(&out)[0];
    assert_eq!(d["document"]["reference_year"], 2019);
    let date = d["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "date")
        .unwrap();
    assert_eq!(date["value"], "2019-03-08");
    assert_eq!(date["year_inferred"], true);
}

#[test]
fn several_files_give_json_lines_in_order() {
    let out = vnfacts()
        .args([
            "extract",
            "corpus/truong-hoc-tram-y-te.txt",
            "corpus/dai-hoi-dang-bo-nhiem-ky.txt",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["source"], "corpus/truong-hoc-tram-y-te.txt");
    assert_eq!(docs[1]["source"], "corpus/dai-hoi-dang-bo-nhiem-ky.txt");
}

#[test]
fn an_old_tcvn3_file_is_read_and_forced_utf8_names_the_byte() {
    let tmp = temp();
    let dir = tmp.path();
    let old = dir.join("tcvn3.txt");
    // "Báo cáo: Hội có 120 hội viên" as an ABC (.VnTime) editor saved it.
    std::fs::write(&old, b"B\xb8o c\xb8o: H\xe9i c\xe3 120 h\xe9i vi\xaan\n").unwrap();
    let out = vnfacts()
        .arg("extract")
        .arg(&old)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let recs = json_lines(&out);
    assert_eq!(recs[0]["document"]["encoding"]["name"], "tcvn3");
    let count = recs[0]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "count")
        .unwrap();
    assert_eq!(count["text"], "120 hội viên");
    assert_eq!(count["start"], 16);
    // `--encoding utf-8` is the strict reading: an error record naming the file and the byte.
    let out = vnfacts()
        .args(["extract", "--encoding", "utf-8"])
        .arg(&old)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("tcvn3.txt")
                .and(predicate::str::contains("invalid UTF-8 at byte 1")),
        )
        .get_output()
        .stdout
        .clone();
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 1);
    assert!(recs[0]["error"]
        .as_str()
        .unwrap()
        .contains("invalid UTF-8 at byte 1"));
}

#[test]
fn missing_files_are_error_records_not_panics() {
    vnfacts()
        .args(["extract", "no-such-report.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-report.txt: cannot read"));
    // A bad file among good ones: the good ones are still written, each input once, in order.
    let out = vnfacts()
        .args([
            "extract",
            "no-such-report.txt",
            "corpus/quy-khuyen-hoc-ung-ho.txt",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["source"], "no-such-report.txt");
    assert!(recs[0]["error"].is_string());
    assert_eq!(recs[1]["source"], "corpus/quy-khuyen-hoc-ung-ho.txt");
}

#[test]
fn usage_errors_and_help() {
    vnfacts()
        .args(["extract", "-", "--kinds", "moneys"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'moneys'"))
        .stderr(predicate::str::contains("possible values: money, count"));
    vnfacts()
        .args(["extract", "-", "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: json, jsonl, csv, tsv, xlsx",
        ));
    // The kinds and formats --help lists are the library's own lists.
    let help = vnfacts()
        .args(["extract", "--help"])
        .output()
        .unwrap()
        .stdout;
    let help = String::from_utf8(help).unwrap();
    for kind in vnfacts::Kind::ALL {
        assert!(
            help.contains(kind.name()),
            "{} missing from --help",
            kind.name()
        );
    }
    vnfacts()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    vnfacts()
        .args(["extract", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--reference-year"));
}

#[test]
fn a_figure_too_large_is_a_warning() {
    let out = vnfacts()
        .args(["extract", "-"])
        .write_stdin(format!("số dư {} đồng và 5 triệu đồng", "9".repeat(40)))
        .assert()
        .success()
        .stderr(predicate::str::contains("too large to hold"))
        .get_output()
        .stdout
        .clone();
    let d = &json_lines(&out)[0];
    let facts = d["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 1);
    assert_eq!(facts[0]["value"], 5_000_000);
}

#[test]
fn a_user_lexicon_adds_names() {
    let out = vnfacts()
        .args([
            "extract",
            "-",
            "--lexicon",
            "lexicon.example.toml",
            "--kinds",
            "organization,location",
        ])
        .write_stdin("HTX BM cung ứng giống cho bà con Liên Sơn; câu lạc bộ dưỡng sinh họp.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let d = &json_lines(&out)[0];
    let facts = d["facts"].as_array().unwrap();
    let canon: Vec<&str> = facts
        .iter()
        .filter_map(|f| f["canonical"].as_str())
        .collect();
    assert!(
        canon.contains(&"Hợp tác xã Dịch vụ nông nghiệp Bình Minh"),
        "{facts:?}"
    );
    assert!(canon.contains(&"Câu lạc bộ Dưỡng sinh"), "{facts:?}");
    assert!(facts
        .iter()
        .any(|f| f["kind"] == "location" && f["name"] == "Liên Sơn" && f["level"] == "xóm"));
}

#[test]
fn a_bad_user_lexicon_is_an_error_that_names_it() {
    let tmp = temp();
    let dir = tmp.path();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[places]\n\"Kim Liên\" = \"làng xã\"\n").unwrap();
    vnfacts()
        .arg("extract")
        .arg("-")
        .arg("--lexicon")
        .arg(&bad)
        .write_stdin("xã Kim Liên")
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("bad.toml").and(predicate::str::contains("is not a level")),
        );
}
