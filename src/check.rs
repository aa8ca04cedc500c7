//! Regression checks: a document's facts against the facts a user expects.
//!
//! An expected file is the document JSON of SPEC.md (`X.facts.json` beside `X.txt`). A
//! hand-written expected fact may hold only some fields: only those are compared, and the
//! facts it does not list are not reported, unless the check is strict.
//!
//! ```
//! use serde_json::json;
//! use vnfacts::check::compare;
//! let actual = json!({"document": {"date": null}, "facts": [
//!     {"kind": "money", "text": "15.500 000 đồng", "start": 10, "end": 25, "line": 2, "value": 15500000},
//!     {"kind": "count", "text": "3 hộ", "start": 30, "end": 34, "line": 2, "value": 3}]});
//! let expected = json!({"facts": [{"kind": "money", "text": "15.500 000 đồng", "value": 15500000}]});
//! assert!(compare(&expected, &actual, false).is_empty());
//! // Strict: the count is a new fact the expectation does not list.
//! assert_eq!(compare(&expected, &actual, true).new.len(), 1);
//! ```

use serde_json::{Map, Value as Json};
use std::fmt::Write as _;

/// A fact whose fields differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    /// The expected fact.
    pub expected: Json,
    /// The fact read now.
    pub actual: Json,
    /// (field, expected, actual) for each field that differs.
    pub fields: Vec<(String, Json, Json)>,
}

/// How a document's facts differ from the expected ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    /// `document` fields that differ: (field, expected, actual).
    pub document: Vec<(String, Json, Json)>,
    /// Expected facts that are not read now.
    pub missing: Vec<Json>,
    /// Facts read now that the expectation does not list (strict checks only).
    pub new: Vec<Json>,
    /// Facts read now whose fields differ from the expected ones.
    pub changed: Vec<Changed>,
}

impl Diff {
    /// True when nothing differs.
    pub fn is_empty(&self) -> bool {
        self.document.is_empty()
            && self.missing.is_empty()
            && self.new.is_empty()
            && self.changed.is_empty()
    }
}

fn fields_of(v: &Json) -> Map<String, Json> {
    v.as_object().cloned().unwrap_or_default()
}

/// The fields of `expected` (all fields of both, when strict) that differ in `actual`.
fn differing(expected: &Json, actual: &Json, strict: bool) -> Vec<(String, Json, Json)> {
    let (e, a) = (fields_of(expected), fields_of(actual));
    let mut keys: Vec<&String> = e.keys().collect();
    if strict {
        keys.extend(a.keys().filter(|k| !e.contains_key(*k)));
    }
    keys.into_iter()
        .filter_map(|k| {
            let ev = e.get(k).cloned().unwrap_or(Json::Null);
            let av = a.get(k).cloned().unwrap_or(Json::Null);
            (ev != av).then(|| (k.clone(), ev, av))
        })
        .collect()
}

/// Compares the expected document with the one read now.
pub fn compare(expected: &Json, actual: &Json, strict: bool) -> Diff {
    let mut diff = Diff {
        document: differing(&expected["document"], &actual["document"], strict),
        ..Diff::default()
    };
    let empty = Vec::new();
    let exp = expected["facts"].as_array().unwrap_or(&empty);
    let act = actual["facts"].as_array().unwrap_or(&empty);
    let mut used = vec![false; act.len()];
    for e in exp {
        // The same fact: same kind and span, else same kind and text.
        let same_span = |a: &Json| {
            a["kind"] == e["kind"]
                && e.get("start").is_some()
                && a["start"] == e["start"]
                && a["end"] == e["end"]
        };
        let same_text =
            |a: &Json| a["kind"] == e["kind"] && e.get("text").is_some() && a["text"] == e["text"];
        let found = (0..act.len())
            .find(|&i| !used[i] && same_span(&act[i]))
            .or_else(|| (0..act.len()).find(|&i| !used[i] && same_text(&act[i])));
        match found {
            Some(i) => {
                used[i] = true;
                let fields = differing(e, &act[i], strict);
                if !fields.is_empty() {
                    diff.changed.push(Changed {
                        expected: e.clone(),
                        actual: act[i].clone(),
                        fields,
                    });
                }
            }
            None => diff.missing.push(e.clone()),
        }
    }
    if strict {
        diff.new = act
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(a, _)| a.clone())
            .collect();
    }
    diff
}

/// Colours for a terminal, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\u{1b}[{code}m{s}\u{1b}[0m")
        } else {
            s.to_owned()
        }
    }
}

fn short(f: &Json) -> String {
    let line = f["line"]
        .as_u64()
        .map_or(String::new(), |l| format!("line {l}: "));
    let text = serde_json::to_string(&f["text"]).unwrap_or_default();
    format!("{line}{} {text}", f["kind"].as_str().unwrap_or("?"))
}

/// The diff as readable lines: missing (`-`), new (`+`) and changed (`~`) facts, field by field.
pub fn render(diff: &Diff, style: Style) -> String {
    let mut out = String::new();
    for (k, e, a) in &diff.document {
        let _ = writeln!(out, "  {} document.{k}: {e} → {a}", style.paint("33", "~"));
    }
    for f in &diff.missing {
        let _ = writeln!(
            out,
            "  {} missing {}  {}",
            style.paint("31", "-"),
            short(f),
            f
        );
    }
    for f in &diff.new {
        let _ = writeln!(out, "  {} new {}  {}", style.paint("32", "+"), short(f), f);
    }
    for c in &diff.changed {
        let _ = writeln!(
            out,
            "  {} changed {}",
            style.paint("33", "~"),
            short(&c.actual)
        );
        for (k, e, a) in &c.fields {
            let _ = writeln!(
                out,
                "      {k}: {} → {}",
                style.paint("31", &e.to_string()),
                style.paint("32", &a.to_string())
            );
        }
    }
    out
}

/// The expected file of a document: `X.facts.json` beside `X.txt`.
pub fn expected_path(doc: &std::path::Path) -> std::path::PathBuf {
    doc.with_extension("facts.json")
}

/// The text of an expected file for a document (pretty JSON, keys sorted, a final newline).
pub fn blessed(doc: &crate::Document) -> String {
    let v = serde_json::to_value(doc).unwrap_or(Json::Null);
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
