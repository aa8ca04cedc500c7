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
    /// Facts that are the same but for their place (`start`, `end`, `line`): text was added or
    /// removed before them. Not a difference unless the check is strict (then they are
    /// `changed`).
    pub moved: usize,
    /// How far most moved facts moved, in chars (negative: towards the start).
    pub shift: i64,
}

impl Diff {
    /// True when nothing differs (moved facts are not a difference).
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
            // A context is compared by what the expectation gives of it: a hand-written one
            // may give only `metric.label`.
            let same = match k.as_str() {
                "context" if ev.is_object() => within(&ev, &av),
                _ => ev == av,
            };
            (!same).then(|| (k.clone(), ev, av))
        })
        .collect()
}

/// Does `actual` hold everything `expected` gives (objects compared key by key, the keys
/// `expected` has)?
fn within(expected: &Json, actual: &Json) -> bool {
    match (expected, actual) {
        (Json::Object(e), Json::Object(a)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| within(v, av))),
        _ => expected == actual,
    }
}

/// A context with the offsets of its mentions (`start`, `end` of each part) moved by `by`.
fn moved(context: &Json, by: i64) -> Json {
    let mut c = context.clone();
    if let Some(parts) = c.as_object_mut() {
        for part in parts.values_mut().filter_map(Json::as_object_mut) {
            for k in ["start", "end"] {
                if let Some(n) = part.get(k).and_then(Json::as_i64) {
                    part.insert(k.to_owned(), Json::from(n + by));
                }
            }
        }
    }
    c
}

/// The fields that only say where a fact is.
const PLACE: [&str; 3] = ["start", "end", "line"];

/// What is wrong with an expected file, if anything: it must be a document object whose
/// `facts` (when present) is a list of objects, each with a known `kind` and a `text` or a
/// `start` to be found by.
///
/// ```
/// use serde_json::json;
/// use vnfacts::check::validate;
/// assert!(validate(&json!({"facts": [{"kind": "money", "text": "5 triệu đồng"}]})).is_ok());
/// assert!(validate(&json!([1, 2, 3])).is_err());
/// assert!(validate(&json!({"facts": {"kind": "money"}})).is_err());
/// assert!(validate(&json!({"facts": [{"kind": "monney", "text": "5 triệu"}]})).is_err());
/// ```
pub fn validate(expected: &Json) -> Result<(), String> {
    let Some(top) = expected.as_object() else {
        return Err(format!(
            "not an expected document: a JSON object {{\"document\": …, \"facts\": […]}} is \
             needed, this is {}",
            kind_of(expected)
        ));
    };
    if let Some(d) = top.get("document") {
        if !d.is_object() {
            return Err(format!(
                "\"document\" must be an object, not {}",
                kind_of(d)
            ));
        }
    }
    let Some(facts) = top.get("facts") else {
        if top.contains_key("document") {
            return Ok(());
        }
        return Err("neither \"facts\" nor \"document\": nothing to check".to_owned());
    };
    let Some(facts) = facts.as_array() else {
        return Err(format!("\"facts\" must be a list, not {}", kind_of(facts)));
    };
    for (i, f) in facts.iter().enumerate() {
        let n = i + 1;
        let Some(f) = f.as_object() else {
            return Err(format!("fact {n} is {}, not an object", kind_of(f)));
        };
        match f.get("kind") {
            Some(Json::String(k)) if k.parse::<crate::Kind>().is_ok() => {}
            Some(Json::String(k)) => {
                let known: Vec<&str> = crate::Kind::ALL.iter().map(|k| k.name()).collect();
                return Err(format!(
                    "fact {n}: unknown kind {k:?} (the kinds are {})",
                    known.join(", ")
                ));
            }
            Some(other) => {
                return Err(format!(
                    "fact {n}: \"kind\" must be a string, not {}",
                    kind_of(other)
                ))
            }
            None => return Err(format!("fact {n} has no \"kind\"")),
        }
        if !f.contains_key("text") && !f.contains_key("start") {
            return Err(format!(
                "fact {n} has neither \"text\" nor \"start\": nothing to find it by"
            ));
        }
    }
    Ok(())
}

fn kind_of(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

/// Compares the expected document with the one read now.
///
/// An expected fact is the fact read now of the same kind at the same span; else of the same
/// kind and text nearest to where it was, after the shift of the facts matched before it (so
/// that an edit at the top, which moves every fact, still pairs each fact with itself). A fact
/// that differs only in `start`, `end` and `line` has moved: counted in [`Diff::moved`], and
/// a difference only when `strict`.
pub fn compare(expected: &Json, actual: &Json, strict: bool) -> Diff {
    let mut diff = Diff {
        document: differing(&expected["document"], &actual["document"], strict),
        ..Diff::default()
    };
    let empty = Vec::new();
    let exp = expected["facts"].as_array().unwrap_or(&empty);
    let act = actual["facts"].as_array().unwrap_or(&empty);
    let mut used = vec![false; act.len()];
    let start_of = |f: &Json| f["start"].as_i64();
    let mut shift = 0i64;
    let mut shifts: Vec<i64> = Vec::new();
    for e in exp {
        let same_span = |a: &Json| {
            a["kind"] == e["kind"]
                && e.get("start").is_some()
                && a["start"] == e["start"]
                && a["end"] == e["end"]
        };
        let same_text =
            |a: &Json| a["kind"] == e["kind"] && e.get("text").is_some() && a["text"] == e["text"];
        let found = (0..act.len())
            .find(|&i| {
                !used[i] && same_span(&act[i]) && (e.get("text").is_none() || same_text(&act[i]))
            })
            .or_else(|| {
                let near = start_of(e).map(|s| s + shift);
                (0..act.len())
                    .filter(|&i| !used[i] && same_text(&act[i]))
                    .min_by_key(|&i| match (near, start_of(&act[i])) {
                        (Some(n), Some(a)) => (a - n).unsigned_abs(),
                        _ => i as u64,
                    })
            });
        let Some(i) = found else {
            diff.missing.push(e.clone());
            continue;
        };
        used[i] = true;
        if let (Some(s), Some(a)) = (start_of(e), start_of(&act[i])) {
            shift = a - s;
        }
        let mut fields = differing(e, &act[i], strict);
        // A context whose mentions moved with the fact has only moved.
        fields.retain(|(k, ev, av)| !(k == "context" && within(&moved(ev, shift), av)));
        if fields.is_empty() {
            continue;
        }
        let only_place = fields.iter().all(|(k, _, _)| PLACE.contains(&k.as_str()));
        if only_place && !strict {
            diff.moved += 1;
            shifts.push(shift);
            continue;
        }
        if only_place {
            diff.moved += 1;
            shifts.push(shift);
        }
        diff.changed.push(Changed {
            expected: e.clone(),
            actual: act[i].clone(),
            fields,
        });
    }
    diff.shift = most_common(&shifts);
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

fn most_common(xs: &[i64]) -> i64 {
    let mut sorted = xs.to_vec();
    sorted.sort_unstable();
    let mut best = (0usize, 0i64);
    let mut i = 0;
    while i < sorted.len() {
        let j = sorted[i..].iter().take_while(|&&x| x == sorted[i]).count();
        if j > best.0 {
            best = (j, sorted[i]);
        }
        i += j;
    }
    best.1
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
    if diff.moved > 0 {
        let _ = writeln!(
            out,
            "  {} offsets moved by {} ({} {})",
            style.paint("36", "→"),
            diff.shift,
            diff.moved,
            if diff.moved == 1 { "fact" } else { "facts" }
        );
    }
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

/// The report an expected file `X.facts.json` belongs to: the `X.*` beside it that `wants`
/// accepts (`X.txt` first), or `None` when `path` is not an expected file or has no report.
pub fn report_of(
    path: &std::path::Path,
    wants: impl Fn(&std::path::Path) -> bool,
) -> Option<std::path::PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".facts.json")?;
    let txt = path.with_file_name(format!("{stem}.txt"));
    if txt.is_file() && wants(&txt) {
        return Some(txt);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.strip_prefix(stem)
                    .is_some_and(|rest| rest.starts_with('.'))
                    && !n.ends_with(".facts.json")
            }) && p.is_file()
                && wants(p)
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The text of an expected file for a document (pretty JSON, keys sorted, a final newline).
pub fn blessed(doc: &crate::Document) -> String {
    let v = serde_json::to_value(doc).unwrap_or(Json::Null);
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
