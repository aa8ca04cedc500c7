//! Data safety: nothing destroyed, nothing lost, nothing lies (issue 11's audit). Each test
//! failed before the fix it names.
mod common;
use common::{json_lines, temp, vnfacts};

use std::process::{Command as Process, Stdio};
use std::time::Duration;

const REPORT: &str =
    "Báo cáo quý I\nHội Nông dân xã Bình An thu 15.500 000 đồng, có 45 hội viên.\n";

#[test]
fn an_output_that_is_an_input_is_refused_before_anything_is_read() {
    let tmp = temp();
    let doc = tmp.path().join("self.txt");
    std::fs::write(&doc, REPORT).unwrap();
    let out = vnfacts()
        .arg("extract")
        .arg(&doc)
        .arg("-o")
        .arg(&doc)
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("the output is one of the inputs"), "{err}");
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), REPORT);
    // A hard link is the same file.
    let link = tmp.path().join("link.txt");
    std::fs::hard_link(&doc, &link).unwrap();
    vnfacts()
        .arg("extract")
        .arg(&doc)
        .arg("-o")
        .arg(&link)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), REPORT);
    // An existing output inside an input folder that the glob selects is one of the inputs.
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), REPORT).unwrap();
    std::fs::write(dir.join("facts.txt"), REPORT).unwrap();
    vnfacts()
        .arg("extract")
        .arg(&dir)
        .arg("-o")
        .arg(dir.join("facts.txt"))
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_to_string(dir.join("facts.txt")).unwrap(),
        REPORT
    );
}

#[test]
fn an_output_inside_an_input_folder_is_never_read_and_is_warned_of() {
    let tmp = temp();
    let dir = tmp.path();
    for i in 0..30 {
        std::fs::write(dir.join(format!("r{i:02}.txt")), REPORT).unwrap();
    }
    // `--glob '*'` would select the run's own temporary file if the walk did not skip it.
    let out = vnfacts()
        .arg("extract")
        .arg(dir)
        .args(["--glob", "*", "--jobs", "1", "-o"])
        .arg(dir.join("out.jsonl"))
        .assert()
        .code(0);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("the next run over that folder will read it"),
        "{err}"
    );
    let records = json_lines(&std::fs::read(dir.join("out.jsonl")).unwrap());
    assert_eq!(records.len(), 30);
    assert!(records
        .iter()
        .all(|r| r["source"].as_str().unwrap().contains("/r")));
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn two_runs_with_the_same_output_each_write_whole() {
    let tmp = temp();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..300 {
        std::fs::write(
            dir.join(format!("r{i:03}.txt")),
            format!("{REPORT}Số {i}.\n"),
        )
        .unwrap();
    }
    let out = tmp.path().join("facts.jsonl");
    let bin = assert_cmd::cargo::cargo_bin("vnfacts");
    let spawn = || {
        Process::new(&bin)
            .arg("extract")
            .arg(&dir)
            .args(["--jobs", "1", "--quiet", "-o"])
            .arg(&out)
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (spawn(), spawn());
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let records = json_lines(&std::fs::read(&out).unwrap());
    assert_eq!(
        records.len(),
        300,
        "one run's records, whole, not both interleaved"
    );
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_file_and_exits_128_plus_the_signal() {
    let tmp = temp();
    // Standard input that never ends keeps the run waiting with its output open.
    for (signal, code) in [("INT", 130), ("TERM", 143)] {
        let out = tmp.path().join(format!("facts-{signal}.jsonl"));
        let mut child = Process::new(assert_cmd::cargo::cargo_bin("vnfacts"))
            .args(["extract", "--input", "jsonl", "-o"])
            .arg(&out)
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until the temporary file exists.
        let partial = || {
            std::fs::read_dir(tmp.path())
                .unwrap()
                .filter(|e| {
                    e.as_ref()
                        .unwrap()
                        .file_name()
                        .to_string_lossy()
                        .ends_with(".partial")
                })
                .count()
        };
        for _ in 0..200 {
            if partial() > 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(partial(), 1);
        let kill = Process::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(kill.success());
        // Standard input stays open until the run has ended (wait() would close it first).
        let stdin = child.stdin.take();
        let status = child.wait().unwrap();
        drop(stdin);
        assert_eq!(status.code(), Some(code), "{signal}");
        assert_eq!(partial(), 0, "{signal}");
        assert!(!out.exists());
    }
}

#[test]
fn jobs_zero_is_refused_and_too_many_are_capped() {
    vnfacts()
        .args(["extract", "--jobs", "0"])
        .write_stdin(REPORT)
        .assert()
        .code(2);
    let out = vnfacts()
        .args(["extract", "--jobs", "100000"])
        .write_stdin(REPORT)
        .assert()
        .code(0);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("a core; using"), "{err}");
}

#[cfg(unix)]
#[test]
fn special_files_in_folders_are_error_records_and_odd_names_stay_recoverable() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = temp();
    let dir = tmp.path();
    std::fs::write(dir.join("a.txt"), REPORT).unwrap();
    let fifo = dir.join("b.txt");
    assert!(Process::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("/dev/null", dir.join("c.txt")).unwrap();
    let odd = dir.join(std::ffi::OsStr::from_bytes(b"bad\xffname.txt"));
    std::fs::write(&odd, REPORT).unwrap();
    let out = vnfacts().arg("extract").arg(dir).assert().code(1);
    let records = json_lines(&out.get_output().stdout);
    let by = |name: &str| {
        records
            .iter()
            .find(|r| r["source"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no record for {name}: {records:?}"))
    };
    assert!(by("a.txt")["facts"].is_array());
    assert!(by("b.txt")["error"]
        .as_str()
        .unwrap()
        .contains("not a regular file (a FIFO)"));
    assert!(by("c.txt")["error"]
        .as_str()
        .unwrap()
        .contains("not a regular file (a device)"));
    assert!(by("bad\\xffname.txt")["facts"].is_array());
    // A device given by name is read, and /dev/zero is called binary at once.
    let out = vnfacts().args(["extract", "/dev/zero"]).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("a binary file"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_stops_the_run_quietly() {
    let tmp = temp();
    for i in 0..2000 {
        std::fs::write(tmp.path().join(format!("r{i:04}.txt")), REPORT).unwrap();
    }
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("vnfacts"))
        .arg("extract")
        .arg(tmp.path())
        .arg("--quiet")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe, as `| head -1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!err.contains("Broken pipe"), "{err}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn every_line_break_counts_for_line_and_title() {
    for sep in ["\r", "\u{2028}", "\u{2029}", "\u{85}", "\r\n", "\n"] {
        let text = ["Báo cáo quý I", "UBND xã Bình An", "Thu 15 triệu đồng."].join(sep);
        let out = vnfacts().arg("extract").write_stdin(text).assert().code(0);
        let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(doc["document"]["title"], "Báo cáo quý I", "{sep:?}");
        let money = doc["facts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["kind"] == "money")
            .unwrap();
        assert_eq!(money["line"], 3, "{sep:?}");
    }
}

#[test]
fn a_warning_quotes_at_most_80_chars_of_a_huge_figure() {
    let text = format!("Thu {} đồng.", "9".repeat(100_000));
    let out = vnfacts().arg("extract").write_stdin(text).assert().code(0);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("is too large to hold"),
        "{}",
        &err[..err.len().min(300)]
    );
    assert!(
        err.lines().all(|l| l.chars().count() < 200),
        "{} bytes",
        err.len()
    );
    assert!(err.contains("…"));
}

#[test]
fn values_are_written_as_exact_decimals_in_json_and_csv() {
    let text = "Diện tích 12345678901234,5678 ha, tỷ lệ 0,000000001%.";
    let out = vnfacts().arg("extract").write_stdin(text).assert().code(0);
    let json = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(json.contains("\"value\":12345678901234.5678"), "{json}");
    assert!(json.contains("\"value\":0.000000001"), "{json}");
    assert!(!json.contains("e-9"), "{json}");
    let out = vnfacts()
        .args(["extract", "--format", "csv"])
        .write_stdin(text)
        .assert()
        .code(0);
    let csv = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(csv.contains(",12345678901234.5678,"), "{csv}");
    assert!(csv.contains(",0.000000001,"), "{csv}");
}

#[test]
fn a_json_lines_record_over_64_mib_is_an_error_record_and_the_run_goes_on() {
    let huge = "x".repeat(vnfacts::input::MAX_DOCUMENT + 10);
    let stream = format!(
        "{{\"id\":\"a\",\"text\":\"Thu 5 triệu đồng.\"}}\n{{\"id\":\"b\",\"text\":\"{huge}\"}}\n{{\"id\":\"c\",\"text\":\"Có 45 hội viên.\"}}\n"
    );
    let out = vnfacts()
        .args(["extract", "--input", "jsonl", "--quiet"])
        .write_stdin(stream)
        .assert()
        .code(1);
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["source"], "a");
    assert_eq!(records[1]["source"], "-:2");
    assert!(records[1]["error"]
        .as_str()
        .unwrap()
        .contains("larger than 64 MiB"));
    assert_eq!(records[2]["source"], "c");
    assert_eq!(records[2]["facts"][0]["value"], 45);
}

#[test]
fn csv_and_xlsx_carry_every_field_of_the_json() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let text =
        "Hôm nay xã họp.\nRằm tháng Giêng năm 2024 xã tổ chức lễ. Ngày 8/3 có 45 hội viên.\n";
    let out = vnfacts()
        .args(["extract", "--format", "csv"])
        .write_stdin(text)
        .assert()
        .code(0);
    let mut csv = csv::Reader::from_reader(&out.get_output().stdout[..]);
    let header = csv.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = csv.records().map(|r| r.unwrap()).collect();
    let find = |t: &str| rows.iter().find(|r| &r[col("text")] == t).unwrap().clone();
    let today = find("Hôm nay");
    assert_eq!(&today[col("relative")], r#"{"unit":"day","offset":0}"#);
    let lunar = find("Rằm tháng Giêng năm 2024");
    assert_eq!(
        &lunar[col("lunar")],
        r#"{"year":2024,"month":1,"day":15,"leap":false}"#
    );
    assert_eq!(&header[header.len() - 1], "error");
    for name in [
        "month_day",
        "time",
        "part_of_day",
        "full_name",
        "author",
        "unit_full",
    ] {
        col(name);
    }
    // The workbook: the same columns, an error row in `facts`, booleans as booleans.
    let tmp = temp();
    std::fs::write(tmp.path().join("a.txt"), text).unwrap();
    // Bytes no encoding reads as Vietnamese: an error row.
    std::fs::write(
        tmp.path().join("b.txt"),
        b"\x8f\x8e\x8d\x9d\x9e zz \xa4\xa5\xa6",
    )
    .unwrap();
    let book_path = tmp.path().join("out.xlsx");
    vnfacts()
        .args(["extract", "--quiet", "--format", "xlsx", "-o"])
        .arg(&book_path)
        .arg(tmp.path().join("a.txt"))
        .arg(tmp.path().join("b.txt"))
        .assert()
        .code(1);
    let mut book: Xlsx<_> = open_workbook(&book_path).unwrap();
    let facts = book.worksheet_range("facts").unwrap();
    let head: Vec<String> = facts
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(head, header.iter().collect::<Vec<_>>());
    let at = |n: &str| head.iter().position(|h| h == n).unwrap();
    let rows: Vec<&[Data]> = facts.rows().skip(1).collect();
    let err = rows
        .iter()
        .find(|r| r[at("kind")] == Data::String("error".into()))
        .unwrap();
    assert!(err[at("error")].to_string().contains("UTF-8"));
    let inferred = rows
        .iter()
        .find(|r| r[at("text")] == Data::String("Ngày 8/3".into()))
        .unwrap();
    assert_eq!(inferred[at("year_inferred")], Data::Bool(true));
}

#[test]
fn an_impossible_date_stays_a_date_with_no_value_and_a_warning() {
    for (text, date, why) in [
        (
            "Ngày 31/4/2024 hội nghị tổng kết.",
            "Ngày 31/4/2024",
            "month 4 has 30 days",
        ),
        (
            "Hội nghị ngày 29/2/2023 có 45 hội viên.",
            "ngày 29/2/2023",
            "February 2023 has 28 days",
        ),
        ("Ngày 30/2 xã họp.", "Ngày 30/2", "month 2 has 29 days"),
    ] {
        let out = vnfacts().arg("extract").write_stdin(text).assert().code(0);
        let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let facts = doc["facts"].as_array().unwrap();
        let d = facts.iter().find(|f| f["kind"] == "date").unwrap();
        assert_eq!(d["text"], date, "{text}");
        assert!(d["value"].is_null(), "{text}");
        assert!(d["warning"].as_str().unwrap().contains(why), "{text}: {d}");
        // Its year is never a count, its day never a count of the next word.
        assert!(
            facts
                .iter()
                .all(|f| f["kind"] != "count" || f["text"] == "45 hội viên"),
            "{text}: {facts:?}"
        );
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains("no such day"), "{err}");
    }
    // A leap day is a day; a ratio is a ratio.
    let out = vnfacts()
        .arg("extract")
        .write_stdin("Ngày 29/2/2024 xã họp, đạt 31/4 chỉ tiêu.")
        .assert()
        .code(0);
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["facts"][0]["value"], "2024-02-29");
    assert_eq!(doc["facts"][1]["kind"], "ratio");
}

/// A document longer than `vnfacts::WINDOW` is read window by window and its facts written as
/// they come: the JSON line and the CSV rows are those of the library's whole `Document`.
#[test]
fn a_long_document_streams_the_facts_of_a_whole_reading() {
    let dir = temp();
    let report =
        std::fs::read_to_string(common::root().join("corpus/quy-khuyen-hoc-ung-ho.txt")).unwrap();
    let text = format!("{report}\n").repeat(vnfacts::WINDOW * 3 / report.len() + 1);
    let path = dir.path().join("long.txt");
    std::fs::write(&path, &text).unwrap();
    let decoded = vnfacts::input::read_path_as(&path, None).unwrap();
    let mut doc = vnfacts::extract_decoded(&decoded, &Default::default());
    doc.source = path.display().to_string();
    let out = vnfacts().arg("extract").arg(&path).assert().code(0);
    let want = serde_json::to_string(&doc).unwrap() + "\n";
    assert_eq!(String::from_utf8_lossy(&out.get_output().stdout), want);
    // Every fact lies where it says, once.
    let chars: Vec<char> = text.chars().collect();
    for f in &doc.facts {
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
    }
    assert!(doc.facts.len() > 1000);
    // CSV: one row a fact, as for a whole document.
    let csv = vnfacts()
        .args(["extract", "--format", "csv"])
        .arg(&path)
        .assert()
        .code(0);
    let rows = csv::Reader::from_reader(&csv.get_output().stdout[..])
        .records()
        .count();
    assert_eq!(rows, doc.facts.len());
}

#[cfg(unix)]
#[test]
fn an_output_file_is_not_left_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    // A file it replaces keeps its permissions (the temporary file it is written through is
    // 0600); so does an expected file `check --bless` rewrites.
    let out = dir.path().join("facts.jsonl");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    vnfacts()
        .args([
            "extract",
            "corpus/hoi-nong-dan-so-ket-6-thang.txt",
            "-q",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let meta = std::fs::metadata(&out).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    assert!(json_lines(&std::fs::read(&out).unwrap()).len() == 1);
    let report = dir.path().join("r.txt");
    std::fs::write(&report, "Hội có 20 hội viên.").unwrap();
    let expected = dir.path().join("r.facts.json");
    std::fs::write(&expected, r#"{"facts": []}"#).unwrap();
    std::fs::set_permissions(&expected, std::fs::Permissions::from_mode(0o664)).unwrap();
    vnfacts()
        .args(["check", "--bless", "--strict"])
        .arg(&report)
        .assert()
        .success();
    let meta = std::fs::metadata(&expected).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o664);
    assert!(std::fs::read_to_string(&expected)
        .unwrap()
        .contains("hội viên"));
}
