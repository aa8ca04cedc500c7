//! The review page (`vnfacts review`, `extract --format html`, `check --format html`), read as
//! HTML: every fact marked with its kind and its exact text, report text escaped, batches and
//! check differences. The page's behaviour in a browser is tested in `tests/browser.rs`.
mod common;
use common::{json_lines, temp, vnfacts};

use scraper::{Html, Selector};
use serde_json::Value as Json;
use std::path::Path;

const REPORT: &str = "corpus/hoi-nong-dan-so-ket-6-thang.txt";

/// The page `args` write, parsed.
fn page(args: &[&str]) -> Html {
    let out = vnfacts().args(args).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    Html::parse_document(std::str::from_utf8(&out.stdout).unwrap())
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The text of fact `id` in a document's template: all its pieces, in order.
fn marked_text(doc: scraper::ElementRef, id: &str) -> String {
    doc.select(&sel(&format!(r#"mark[data-f="{id}"]"#)))
        // A piece's text includes the facts nested in it: they are part of this fact.
        .map(|m| m.text().collect::<String>())
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn every_fact_of_a_corpus_report_is_marked_with_its_kind_and_text() {
    let facts = json_lines(&vnfacts().args(["extract", REPORT]).output().unwrap().stdout)[0]
        ["facts"]
        .as_array()
        .unwrap()
        .clone();
    assert!(facts.len() > 30);
    let html = page(&["review", REPORT]);
    let docs: Vec<_> = html.select(&sel("template.doc")).collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].value().attr("data-source"), Some(REPORT));
    for (i, f) in facts.iter().enumerate() {
        let id = format!("d0f{i}");
        let first = docs[0]
            .select(&sel(&format!("mark#{id}")))
            .next()
            .unwrap_or_else(|| panic!("no mark for fact {i}: {f}"));
        assert_eq!(first.value().attr("data-kind"), f["kind"].as_str());
        assert!(first
            .value()
            .classes()
            .any(|c| c == format!("k-{}", f["kind"].as_str().unwrap())));
        assert_eq!(
            marked_text(docs[0], &id),
            f["text"].as_str().unwrap(),
            "fact {i}"
        );
        // Its row in the table names it and says its value.
        let row = docs[0]
            .select(&sel(&format!(r#"tr[data-target="{id}"]"#)))
            .next()
            .unwrap();
        let tip = row.value().attr("data-tip").unwrap();
        assert!(tip.starts_with(&format!("{} · ", f["kind"].as_str().unwrap())));
        if let Some(v) = f["value"].as_i64() {
            assert!(tip.contains(&format!("value: {v}")), "{tip}");
        }
    }
    // The text as read, whole: the marks cut nothing out.
    let text: String = docs[0]
        .select(&sel(".text"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(text, std::fs::read_to_string(REPORT).unwrap());
}

#[test]
fn extract_format_html_is_the_same_page() {
    let a = vnfacts().args(["review", REPORT]).output().unwrap().stdout;
    let b = vnfacts()
        .args(["extract", REPORT, "--format", "html"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(a, b);
}

#[test]
fn report_text_is_escaped() {
    let out = vnfacts()
        .args(["review", "-"])
        .write_stdin("<script>alert('x')</script><b>Hội</b> có 20 hội viên & quỹ 5 triệu đồng.\n")
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains("<script>alert"));
    assert!(!s.contains("<b>Hội"));
    let html = Html::parse_document(&s);
    // The page has its own script only, and the report's text is text.
    assert_eq!(html.select(&sel("script")).count(), 1);
    let text: String = html.select(&sel(".text")).next().unwrap().text().collect();
    assert!(text.starts_with("<script>alert('x')</script><b>Hội</b> có 20 hội viên & quỹ"));
}

#[test]
fn a_batch_is_one_page_with_a_template_per_document() {
    let dir = temp();
    for (i, t) in ["Hội có 20 hội viên.", "Quỹ 15.500 000 đồng.", "Đạt 97%."]
        .iter()
        .enumerate()
    {
        std::fs::write(dir.path().join(format!("bc-{i}.txt")), t).unwrap();
    }
    let out = dir.path().join("review.html");
    let missing = dir.path().join("khong-co.txt");
    vnfacts()
        .args(["review", dir.path().to_str().unwrap(), "-q", "-o"])
        .args([&out, &missing])
        .assert()
        .code(1);
    let html = Html::parse_document(&std::fs::read_to_string(&out).unwrap());
    let docs: Vec<_> = html.select(&sel("template.doc")).collect();
    assert_eq!(docs.len(), 4);
    let kinds: Vec<&str> = docs
        .iter()
        .map(|d| {
            d.select(&sel("mark[id]"))
                .next()
                .and_then(|m| m.value().attr("data-kind"))
                .unwrap_or("none")
        })
        .collect();
    assert_eq!(kinds, ["count", "money", "percent", "none"]);
    // The file that could not be read is in the list, with why.
    assert_eq!(docs[3].value().attr("data-st"), Some("error"));
    assert!(docs[3]
        .text()
        .collect::<String>()
        .contains("Could not be read"));
}

/// A folder with a corpus report and an expected file whose money value and one fact are
/// changed, and a fact added that the report does not give.
fn changed_sample(dir: &Path) -> (i64, i64) {
    let name = Path::new(REPORT).file_stem().unwrap().to_str().unwrap();
    std::fs::copy(REPORT, dir.join(format!("{name}.txt"))).unwrap();
    let doc = &json_lines(&vnfacts().args(["extract", REPORT]).output().unwrap().stdout)[0];
    let mut expected = doc.clone();
    let facts = expected["facts"].as_array_mut().unwrap();
    let money = facts.iter_mut().find(|f| f["kind"] == "money").unwrap();
    let now = money["value"].as_i64().unwrap();
    let old = now + 1000;
    money["value"] = Json::from(old);
    facts.push(serde_json::json!({"kind": "percent", "text": "38 hội viên", "value": 38}));
    std::fs::write(
        dir.join(format!("{name}.facts.json")),
        serde_json::to_string_pretty(&expected).unwrap(),
    )
    .unwrap();
    (old, now)
}

#[test]
fn check_marks_the_differences_in_place() {
    let dir = temp();
    let (old, now) = changed_sample(dir.path());
    let out = dir.path().join("check.html");
    let run = vnfacts()
        .args([
            "check",
            dir.path().to_str().unwrap(),
            "--format",
            "html",
            "-o",
        ])
        .arg(&out)
        .args(["--color", "never"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    // The text report still goes to standard output.
    assert!(String::from_utf8_lossy(&run.stdout).contains("1 changed"));
    let html = Html::parse_document(&std::fs::read_to_string(&out).unwrap());
    let doc = html.select(&sel("template.doc")).next().unwrap();
    assert_eq!(doc.value().attr("data-st"), Some("changed"));
    let changed: Vec<_> = doc.select(&sel("mark.st-changed[id]")).collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].value().attr("data-kind"), Some("money"));
    let row = doc.select(&sel("tr[data-st=changed]")).next().unwrap();
    let cell: String = row.select(&sel("td.st")).next().unwrap().text().collect();
    assert_eq!(cell, format!("value: {old} → {now}"));
    // The missing fact is marked where its text is.
    let missing = doc.select(&sel("mark.st-missing[id]")).next().unwrap();
    assert_eq!(missing.value().attr("data-kind"), Some("percent"));
    assert_eq!(missing.text().collect::<String>(), "38 hội viên");
}

#[test]
fn check_html_without_o_writes_the_page_to_stdout_and_the_report_to_stderr() {
    let dir = temp();
    changed_sample(dir.path());
    let run = vnfacts()
        .args(["check", dir.path().to_str().unwrap(), "--format", "html"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&run.stdout).starts_with("<!DOCTYPE html>"));
    assert!(String::from_utf8_lossy(&run.stderr).contains("1 changed"));
    vnfacts()
        .args(["check", dir.path().to_str().unwrap(), "-o", "x.html"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--format html"));
}
