//! Batch runs: many documents, thread counts, spreadsheets, broken inputs, JSON Lines streams.
mod common;
use common::{corpus_texts, json_lines, temp, vnfacts};

use serde_json::Value as Json;
use std::path::Path;

/// 1,000 documents made from the corpus, each with its own figures, in nested folders.
fn thousand(dir: &Path) {
    let texts = corpus_texts();
    for i in 0..1000 {
        let sub = dir.join(format!("khoi-{}", i % 7));
        std::fs::create_dir_all(&sub).unwrap();
        let t = format!(
            "Báo cáo số {i}\nTổng thu {} triệu đồng, {} hội viên.\n{}",
            i + 1,
            3 * i + 2,
            texts[i % texts.len()]
        );
        std::fs::write(sub.join(format!("bao-cao-{i:04}.txt")), t).unwrap();
    }
    // Files the default glob leaves out.
    std::fs::write(dir.join("ghi-chu.md"), "không đọc").unwrap();
}

#[test]
fn a_thousand_documents_give_the_same_bytes_whatever_the_threads() {
    let tmp = temp();
    let dir = tmp.path().to_path_buf();
    thousand(&dir);
    let run = |jobs: &str| {
        vnfacts()
            .args(["extract", "--quiet", "--jobs", jobs])
            .arg(&dir)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    let two = run("2");
    assert!(one == two, "--jobs 1 and --jobs 2 differ");
    let recs = json_lines(&one);
    assert_eq!(recs.len(), 1000);
    let sources: Vec<&str> = recs.iter().map(|r| r["source"].as_str().unwrap()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted, "records are in path order");
    // The figures of each document are its own.
    let r = recs
        .iter()
        .find(|r| r["source"].as_str().unwrap().ends_with("bao-cao-0042.txt"))
        .unwrap();
    assert!(r["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["text"] == "43 triệu đồng" && f["value"] == 43_000_000));
}

#[test]
fn csv_read_back_equals_the_json_facts() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let json = vnfacts()
        .args(["extract", "--quiet", "--format", "jsonl"])
        .arg(&corpus)
        .output()
        .unwrap();
    let csv_out = vnfacts()
        .args(["extract", "--quiet", "--format", "csv", "--bom"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(csv_out
        .stdout
        .starts_with(b"\xEF\xBB\xBFsource,line,kind,text"));
    let mut rdr = csv::Reader::from_reader(&csv_out.stdout[3..]);
    let header = rdr.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let facts: Vec<(String, Json)> = json_lines(&json.stdout)
        .into_iter()
        .flat_map(|d| {
            let src = d["source"].as_str().unwrap().to_owned();
            d["facts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| (src.clone(), f.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(rows.len(), facts.len());
    for (row, (src, f)) in rows.iter().zip(&facts) {
        assert_eq!(&row[col("source")], src);
        assert_eq!(&row[col("kind")], f["kind"].as_str().unwrap());
        assert_eq!(&row[col("text")], f["text"].as_str().unwrap());
        assert_eq!(
            row[col("start")].parse::<u64>().unwrap(),
            f["start"].as_u64().unwrap()
        );
        let value = match &f["value"] {
            Json::Number(n) => n.to_string(),
            Json::String(s) => s.clone(),
            _ => String::new(),
        };
        assert_eq!(&row[col("value")], value, "{f}");
        assert_eq!(
            &row[col("canonical")],
            f["canonical"].as_str().unwrap_or("")
        );
    }
    // TSV has the same rows.
    let tsv = vnfacts()
        .args(["extract", "--quiet", "--format", "tsv"])
        .arg(&corpus)
        .output()
        .unwrap();
    let tsv_rows = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(&tsv.stdout[..])
        .records()
        .count();
    assert_eq!(tsv_rows, rows.len());
}

#[test]
fn the_workbook_has_typed_cells_a_frozen_header_and_a_documents_sheet() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let tmp = temp();
    let dir = tmp.path().to_path_buf();
    let out = dir.join("facts.xlsx");
    // Bytes no encoding reads as Vietnamese.
    std::fs::write(dir.join("bad.txt"), b"\x8f\x8e\x8d\x9d\x9e zz \xa4\xa5\xa6").unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/hoi-nong-dan-so-ket-6-thang.txt"),
        dir.join("good.txt"),
    )
    .unwrap();
    vnfacts()
        .args(["extract", "--quiet", "--format", "xlsx", "-o"])
        .arg(&out)
        .arg(&dir)
        .assert()
        .code(1);
    assert!(!dir.join("facts.xlsx.partial").exists());
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let facts = book.worksheet_range("facts").unwrap();
    let header: Vec<String> = facts
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..5], ["source", "line", "kind", "text", "value"]);
    let value = header.iter().position(|h| h == "value").unwrap();
    let text = header.iter().position(|h| h == "text").unwrap();
    let row = facts
        .rows()
        .find(|r| r[text] == "1 tỷ 350 triệu đồng")
        .unwrap();
    assert_eq!(row[value], Data::Float(1_350_000_000.0));
    let date = facts
        .rows()
        .find(|r| r[text].to_string().contains("5/7/2024"))
        .unwrap();
    assert!(
        matches!(date[value], Data::DateTime(_)),
        "a date is a date: {:?}",
        date[value]
    );
    let docs = book.worksheet_range("documents").unwrap();
    let rows: Vec<Vec<String>> = docs
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "source",
            "title",
            "date",
            "reference_year",
            "number",
            "agency",
            "place",
            "district",
            "province",
            "code",
            "facts",
            "error"
        ]
    );
    assert_eq!(rows.len(), 3);
    assert!(rows[1][0].ends_with("bad.txt") && rows[1][11].contains("cannot tell the encoding"));
    assert!(rows[2][0].ends_with("good.txt") && rows[2][11].is_empty());
    // The report's own place, from its title.
    assert_eq!(rows[2][6], "xã Đồng Tâm");
}

#[test]
fn broken_inputs_lose_none_of_the_good_ones() {
    let tmp = temp();
    let dir = tmp.path().to_path_buf();
    let texts = corpus_texts();
    for (i, t) in texts.iter().take(5).enumerate() {
        std::fs::write(dir.join(format!("good-{i}.txt")), t).unwrap();
    }
    std::fs::write(dir.join("binary.txt"), b"\x7fELF\x02\x01\x00\x00binary").unwrap();
    // An old 8-bit file is read (its encoding detected); bytes that read as nothing are refused.
    std::fs::write(dir.join("latin1.txt"), b"B\xe1o c\xe1o").unwrap();
    std::fs::write(
        dir.join("noise.txt"),
        b"\x8f\x8e\x8d\x9d\x9e zz \xa4\xa5\xa6",
    )
    .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("broken-link.txt")).unwrap();
        std::fs::create_dir_all(dir.join("loop")).unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("loop").join("back")).unwrap();
    }
    let out = vnfacts()
        .args(["extract", "--quiet"])
        .arg(&dir)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let recs = json_lines(&out);
    let good = recs.iter().filter(|r| r["facts"].is_array()).count();
    let errors: Vec<&Json> = recs.iter().filter(|r| r["error"].is_string()).collect();
    assert_eq!(good, 6, "{recs:?}");
    let latin1 = recs
        .iter()
        .find(|r| r["source"].as_str().unwrap().ends_with("latin1.txt"))
        .unwrap();
    assert_eq!(latin1["document"]["title"], "Báo cáo");
    let why = |name: &str| {
        errors
            .iter()
            .find(|e| e["source"].as_str().unwrap().ends_with(name))
            .map(|e| e["error"].as_str().unwrap().to_owned())
    };
    assert!(why("binary.txt").unwrap().contains("binary"));
    assert!(why("noise.txt")
        .unwrap()
        .contains("cannot tell the encoding"));
    #[cfg(unix)]
    {
        assert!(why("broken-link.txt").is_some(), "{errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e["error"].as_str().unwrap().contains("loop")),
            "{errors:?}"
        );
    }
}

#[test]
fn ten_thousand_json_lines_records_come_back_complete_and_in_order() {
    let mut input = String::new();
    for i in 0..10_000 {
        input.push_str(&serde_json::json!({"id": format!("r{i}"), "text": format!("Hội có {} hội viên, quỹ {} triệu đồng.", i, i + 1)}).to_string());
        input.push('\n');
    }
    input.push_str("not json\n");
    let out = vnfacts()
        .args(["extract", "--input", "jsonl", "--quiet", "--jobs", "2"])
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 10_001);
    for (i, r) in recs.iter().take(10_000).enumerate() {
        assert_eq!(r["source"], format!("r{i}"));
        let money = r["facts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["kind"] == "money")
            .unwrap();
        assert_eq!(money["value"], (i as i64 + 1) * 1_000_000);
    }
    assert_eq!(recs[10_000]["source"], "-:10001");
    assert!(recs[10_000]["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON record"));
}

#[test]
fn xlsx_needs_a_file_and_usage_errors_exit_2() {
    vnfacts()
        .args(["extract", "--format", "xlsx", "corpus"])
        .assert()
        .code(2);
    vnfacts()
        .args(["extract", "--format", "pdf", "corpus"])
        .assert()
        .code(2);
    vnfacts()
        .args(["extract", "--glob", "[", "corpus"])
        .assert()
        .code(2);
}
