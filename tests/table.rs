//! `vnfacts table`: indicator rows (one a figure, with its organisation, period and metric) in
//! every format, read back as a user's spreadsheet or pandas would.
mod common;
use common::{temp, vnfacts};

use serde_json::Value as Json;
use std::path::Path;

const REPORT: &str = "corpus/hoi-nghi-lien-tich-huyen-nam-giang.txt";

fn stdout(args: &[&str]) -> String {
    let out = vnfacts()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn csv_rows_carry_each_figures_context() {
    let out = stdout(&["table", REPORT]);
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "source",
            "organization",
            "period_from",
            "period_to",
            "metric",
            "metric_key",
            "value",
            "min",
            "max",
            "unit",
            "currency",
            "per",
            "qualifier",
            "kind",
            "text",
            "line",
            "start",
            "end",
            "organization_text",
            "period_text"
        ]
    );
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    // One row a figure: the eight of the report, no date, name or place.
    assert_eq!(rows.len(), 8);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let loans = rows
        .iter()
        .find(|r| &r[col("text")] == "612 tỷ đồng")
        .unwrap();
    assert_eq!(&loans[col("organization")], "Ngân hàng Chính sách xã hội");
    assert_eq!(&loans[col("organization_text")], "Ngân hàng CSXH");
    // A stock: the date of its clause ("dư nợ đến ngày 31/12/2024").
    assert_eq!(&loans[col("period_from")], "2024-12-31");
    assert_eq!(&loans[col("period_to")], "2024-12-31");
    assert_eq!(&loans[col("metric")], "dư nợ");
    assert_eq!(&loans[col("metric_key")], "outstanding_loans");
    assert_eq!(&loans[col("value")], "612000000000");
    assert_eq!(&loans[col("currency")], "VND");
    let grants = rows
        .iter()
        .find(|r| &r[col("text")] == "120 suất học bổng")
        .unwrap();
    assert_eq!(
        &grants[col("organization")],
        "Phòng Giáo dục và Đào tạo huyện Nam Giang"
    );
    // The paragraph's "Năm 2024", not the meeting's day.
    assert_eq!(&grants[col("period_from")], "2024-01-01");
    assert_eq!(&grants[col("period_text")], "Năm 2024");
    assert_eq!(&grants[col("metric_key")], "scholarships");
}

#[test]
fn jsonl_rows_are_exact_numbers_and_nulls() {
    let out = stdout(&["table", REPORT, "--format", "jsonl"]);
    let rows: Vec<Json> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 8);
    let r = rows.iter().find(|r| r["text"] == "58,6 tỷ đồng").unwrap();
    assert_eq!(r["value"], 58_600_000_000i64);
    assert_eq!(r["min"], Json::Null);
    assert_eq!(r["kind"], "money");
    let tsv = stdout(&["table", REPORT, "--format", "tsv"]);
    assert_eq!(tsv.lines().count(), 9, "a header and eight rows");
}

#[test]
fn a_workbook_per_organisation_and_the_usage_errors() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let tmp = temp();
    let out = tmp.path().join("by-org.xlsx");
    vnfacts()
        .args([
            "table",
            REPORT,
            "--quiet",
            "--format",
            "xlsx",
            "--sheets",
            "per-organization",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let names = book.sheet_names();
    // Excel's sheet names hold at most 31 chars.
    assert!(names.iter().all(|n| n.chars().count() <= 31), "{names:?}");
    assert!(
        names.contains(&"Ngân hàng Chính sách xã hội".to_owned()),
        "{names:?}"
    );
    assert!(names.contains(&"documents".to_owned()));
    let bank = book.worksheet_range("Ngân hàng Chính sách xã hội").unwrap();
    let header: Vec<String> = bank
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[1], "organization");
    let value = header.iter().position(|h| h == "value").unwrap();
    let from = header.iter().position(|h| h == "period_from").unwrap();
    assert_eq!(
        bank.rows().count(),
        4,
        "a header and the bank's three figures"
    );
    let row = bank.rows().nth(1).unwrap();
    assert!(
        matches!(row[value], Data::Float(_)),
        "a number: {:?}",
        row[value]
    );
    assert!(
        matches!(row[from], Data::DateTime(_)),
        "a date: {:?}",
        row[from]
    );
    // Usage errors say what to write.
    vnfacts()
        .args(["table", REPORT, "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("csv, tsv, xlsx or jsonl"));
    vnfacts()
        .args(["table", REPORT, "--sheets", "per-organization"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("needs --format xlsx"));
    assert!(Path::new(REPORT).exists());
}

#[test]
fn check_compares_only_the_context_an_expectation_gives() {
    let tmp = temp();
    let dir = tmp.path();
    let doc = dir.join("report.txt");
    std::fs::write(
        &doc,
        "Năm 2024, Hội LHPN xã Kim Liên đã kết nạp 20 hội viên mới.\n",
    )
    .unwrap();
    let expect = |label: &str| {
        let json = format!(
            r#"{{"facts": [{{"kind": "count", "text": "20 hội viên mới", "context": {{"metric": {{"label": "{label}"}}}}}}]}}"#
        );
        std::fs::write(dir.join("report.facts.json"), json).unwrap();
    };
    expect("kết nạp hội viên mới");
    vnfacts().arg("check").arg(&doc).assert().success();
    expect("thu ngân sách");
    vnfacts()
        .args(["check", "--color", "never"])
        .arg(&doc)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("context"));
}
