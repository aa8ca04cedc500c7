//! Runs the examples every recogniser keeps beside it as data (`NAME.tsv` next to `NAME.rs`;
//! the format is described at the top of `quantity/money.tsv`), the way Duckling keeps a corpus
//! per rule set. A failing row names its file and line.

use super::RECOGNISERS;
use crate::model::Kind;
use crate::Options;
use serde_json::Value;

/// One input and the facts expected of it.
struct Example {
    line: usize,
    input: String,
    options: Options,
    want: Vec<(String, Value)>,
}

/// `\n`, `\t` and `\\` back to what they stand for.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            other => panic!(
                "unknown escape \\{}",
                other.map(String::from).unwrap_or_default()
            ),
        }
    }
    out
}

/// The examples of one file; a malformed row panics with FILE:LINE.
fn parse(file: &str, text: &str) -> Vec<Example> {
    let mut kinds: Option<Vec<Kind>> = None;
    let mut document_date = None;
    let mut out: Vec<Example> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = format!("{file}:{}", i + 1);
        if let Some(directive) = line.strip_prefix("#!") {
            let (name, value) = directive
                .trim()
                .split_once(' ')
                .unwrap_or((directive.trim(), ""));
            match name {
                "kinds" => {
                    let parsed = value.split(',').map(|k| k.trim().parse::<Kind>());
                    kinds = Some(
                        parsed
                            .collect::<Result<_, _>>()
                            .unwrap_or_else(|e| panic!("{at}: {e}")),
                    );
                }
                "document-date" if value.trim() == "-" => document_date = None,
                "document-date" => {
                    document_date =
                        Some(value.trim().parse().unwrap_or_else(|e| panic!("{at}: {e}")))
                }
                _ => panic!("{at}: unknown directive {name:?}"),
            }
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            3,
            "{at}: a row has three columns separated by tabs"
        );
        let kinds = kinds
            .clone()
            .unwrap_or_else(|| panic!("{at}: no `#! kinds` before the first row"));
        let (input, text) = (unescape(cols[0]), unescape(cols[1]));
        let fields: Value = if cols[2].trim().is_empty() {
            Value::Object(Default::default())
        } else {
            serde_json::from_str(cols[2])
                .unwrap_or_else(|e| panic!("{at}: fields are not JSON: {e}"))
        };
        assert!(fields.is_object(), "{at}: fields are a JSON object");
        if input.is_empty() {
            let last = out
                .last_mut()
                .unwrap_or_else(|| panic!("{at}: a continuation row with no input above"));
            assert!(!text.is_empty(), "{at}: a continuation row names a fact");
            last.want.push((text, fields));
            continue;
        }
        let want = if text.is_empty() {
            Vec::new()
        } else {
            vec![(text, fields)]
        };
        let options = Options {
            kinds: Some(kinds),
            document_date,
            ..Options::default()
        };
        out.push(Example {
            line: i + 1,
            input,
            options,
            want,
        });
    }
    out
}

/// Does `got` have every field of `want` (objects compared field by field)?
fn has(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => w
            .iter()
            .all(|(k, v)| has(g.get(k).unwrap_or(&Value::Null), v)),
        _ => got == want,
    }
}

/// Every difference between what `e` expects and what the library reads.
fn run(file: &str, e: &Example) -> Vec<String> {
    let kinds = e.options.kinds.clone().unwrap_or_default();
    let got: Vec<Value> = crate::extract(&e.input, &e.options)
        .facts
        .iter()
        .filter(|f| kinds.contains(&f.kind))
        .map(|f| serde_json::to_value(f).unwrap())
        .collect();
    let at = format!("{file}:{}: {:?}", e.line, e.input);
    if got.len() != e.want.len() {
        let texts: Vec<&Value> = got.iter().map(|g| &g["text"]).collect();
        return vec![format!(
            "{at}: {} facts expected, {} read: {texts:?}",
            e.want.len(),
            got.len()
        )];
    }
    let mut bad = Vec::new();
    for (g, (text, fields)) in got.iter().zip(&e.want) {
        if g["text"] != *text.as_str() {
            bad.push(format!(
                "{at}: fact {:?} read where {text:?} was expected",
                g["text"]
            ));
        } else if !has(g, fields) {
            bad.push(format!("{at}: {text:?} should have {fields}, has {g}"));
        }
    }
    bad
}

#[test]
fn every_recogniser() {
    let mut bad = Vec::new();
    let mut rows = 0;
    for r in RECOGNISERS {
        let examples = parse(r.examples.0, r.examples.1);
        assert!(!examples.is_empty(), "{}: no examples", r.examples.0);
        for e in &examples {
            rows += 1;
            bad.extend(run(r.examples.0, e));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {rows} examples fail:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn a_wrong_expectation_fails() {
    let e = &parse(
        "t.tsv",
        "#! kinds money\nchi 5 triệu đồng\t5 triệu đồng\t{\"value\":6000000}\n",
    )[0];
    assert_eq!(run("t.tsv", e).len(), 1);
    let e = &parse("t.tsv", "#! kinds money\nchi 5 triệu đồng\t\t\n")[0];
    assert_eq!(run("t.tsv", e).len(), 1);
}

#[test]
fn escapes() {
    assert_eq!(unescape(r"200\n000 đ\\x\t"), "200\n000 đ\\x\t");
}
