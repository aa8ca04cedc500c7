//! The review page: one self-contained HTML file (its CSS and a little JavaScript inline, no
//! other file, works offline) that shows each document's text as read, every fact highlighted by
//! kind, with a table of the facts beside it; for `vnfacts check`, the differences from the
//! expected facts marked in place.
//!
//! The HTML is made with maud, which escapes every value it is given: text from a report can
//! never become markup. Each document goes into a `<template>` (parsed, not laid out) that the
//! page's script shows when it is chosen, so a batch of thousands of documents gives one page
//! that opens at once; the writer streams, holding one document at a time.
//!
//! ```
//! use vnfacts::output::{writer, Format, Record, WriterOptions};
//! let text = "Hội có 20 hội viên, quỹ 15.500 000 đồng.";
//! let doc = vnfacts::extract(text, &Default::default());
//! let mut out = Vec::new();
//! let mut w = writer(Format::Html, &mut out, WriterOptions::default()).unwrap();
//! w.write(&Record::Document(doc), Some(text)).unwrap();
//! w.finish().unwrap();
//! let page = String::from_utf8(out).unwrap();
//! assert!(page.contains(r#"data-kind="money""#));
//! assert!(page.contains("15.500 000 đồng</mark>"));
//! ```

mod marks;

use super::{output_error, Record, Writer};
use crate::check::Diff;
use crate::error::Error;
use crate::model::{Document, Kind};
use marks::{Node, Span};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use serde_json::Value as Json;
use std::io::Write;

const CSS: &str = include_str!("review.css");
const JS: &str = include_str!("review.js");

/// How each kind is drawn: a colour of the Okabe–Ito palette (which readers with the common
/// colour-vision deficiencies tell apart) and a line style; no two kinds share both, so a kind
/// is told by its line too.
const LOOKS: [(Kind, &str, &str); 11] = [
    (Kind::Money, "#E69F00", "solid"),
    (Kind::Count, "#0072B2", "solid"),
    (Kind::Percent, "#009E73", "dashed"),
    (Kind::Ratio, "#CC79A7", "dashed"),
    (Kind::Date, "#56B4E9", "dotted"),
    (Kind::Period, "#D55E00", "dotted"),
    (Kind::Duration, "#B8A200", "double"),
    (Kind::Measure, "#555555", "double"),
    (Kind::Organization, "#0072B2", "double"),
    (Kind::Person, "#CC79A7", "solid"),
    (Kind::Location, "#009E73", "dotted"),
];

/// Lines of text in a chunk of the page (chunks off screen are not laid out).
const CHUNK_LINES: usize = 120;

/// Writes the review page of a run's documents.
pub struct Review<W: Write> {
    out: W,
    /// A check's page (a column and a filter for the differences).
    check: bool,
    began: bool,
    /// Documents written.
    count: usize,
}

/// What a check found of one document, for [`Review::write_checked`].
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Verdict<'a> {
    /// The document has an expected file; this is how the facts differ from it (empty when
    /// they match).
    Compared(&'a Diff),
    /// The document has no expected file.
    NoExpectation,
}

/// A fact's place in a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Same,
    /// Read now with other values: (index into the diff's changed facts).
    Changed(usize),
    /// Read now, not expected (strict checks).
    New,
    /// Expected, not read now.
    Missing,
}

impl Status {
    fn name(self) -> Option<&'static str> {
        match self {
            Status::Same => None,
            Status::Changed(_) => Some("changed"),
            Status::New => Some("new"),
            Status::Missing => Some("missing"),
        }
    }
}

/// One row of a document's table: a fact read now, or one expected and missing.
struct Entry<'a> {
    fact: &'a Json,
    status: Status,
    /// Where it is in the text, in chars (a missing fact is placed by its text).
    span: Option<(usize, usize)>,
    /// Its id in the page.
    id: String,
}

impl<W: Write> Review<W> {
    /// A page of documents (`check`: of a check's documents, with their differences).
    pub fn new(out: W, check: bool) -> Self {
        Review {
            out,
            check,
            began: false,
            count: 0,
        }
    }

    fn put(&mut self, m: Markup) -> Result<(), Error> {
        self.out
            .write_all(m.into_string().as_bytes())
            .map_err(output_error)
    }

    /// The page's head, legend and frame: written before the first document.
    fn begin(&mut self) -> Result<(), Error> {
        if self.began {
            return Ok(());
        }
        self.began = true;
        let check = self.check;
        let page = html! {
            (DOCTYPE)
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="generator" content=(concat!("vnfacts ", env!("CARGO_PKG_VERSION")));
            title { @if check { "vnfacts check" } @else { "vnfacts review" } }
            style { (PreEscaped(CSS)) (PreEscaped(kind_css())) }
            header #top {
                h1 { @if check { "vnfacts check" } @else { "vnfacts review" } }
                div #legend role="group" aria-label="Kinds of facts: untick one to hide it" {
                    @for (kind, _, _) in LOOKS {
                        label.key title=(format!("show or hide {}", kind.name())) {
                            input type="checkbox" checked data-kind=(kind.name());
                            mark class=(format!("f k-{}", kind.name())) { (kind.name()) }
                            span.n data-kind=(kind.name()) {}
                        }
                    }
                }
                @if check {
                    label #diff-only-label {
                        input #diff-only type="checkbox";
                        " only differences"
                    }
                    span.badges {
                        mark.f.st-missing { "missing" } " " mark.f.st-changed { "changed" }
                        " " mark.f.st-new { "new" }
                    }
                }
            }
            div #app {
                nav #docs hidden aria-label="Documents" {
                    input #doc-search type="search" placeholder="Search the documents"
                        aria-label="Search the documents' names and text";
                    p #doc-count {}
                    ol #doc-list {}
                }
                main #view tabindex="-1" {
                    noscript { "The review page needs JavaScript to show its documents." }
                }
                aside #side aria-label="Facts" {
                    div.filters {
                        select #kind-filter aria-label="Show facts of this kind" {
                            option value="" { "every kind" }
                            @for (kind, _, _) in LOOKS {
                                option value=(kind.name()) { (kind.name()) }
                            }
                        }
                        input #fact-filter type="search" placeholder="Filter the facts"
                            aria-label="Filter the facts by their text";
                        span #fact-count aria-live="polite" {}
                    }
                    div #table-slot {}
                }
            }
            div #tip role="tooltip" hidden {}
        };
        self.put(page)
    }

    /// Writes one document with the text it was read from.
    pub fn write_document(&mut self, doc: &Document, text: Option<&str>) -> Result<(), Error> {
        self.document(doc, text, None)
    }

    /// Writes one document of a check, with how its facts differ from the expected ones.
    pub fn write_checked(
        &mut self,
        doc: &Document,
        text: Option<&str>,
        verdict: Verdict,
    ) -> Result<(), Error> {
        self.document(doc, text, Some(verdict))
    }

    /// Writes an input that could not be read.
    pub fn write_error(&mut self, source: &str, error: &str) -> Result<(), Error> {
        self.begin()?;
        let n = self.count;
        self.count += 1;
        let m = html! {
            template.doc data-n=(n) data-source=(source) data-facts="0" data-st="error" {
                section.summary {
                    h2 { (source) }
                    p.error { "Could not be read: " (error) }
                }
            }
        };
        self.put(m)
    }

    fn document(
        &mut self,
        doc: &Document,
        text: Option<&str>,
        verdict: Option<Verdict>,
    ) -> Result<(), Error> {
        self.begin()?;
        let n = self.count;
        self.count += 1;
        let json = serde_json::to_value(doc).map_err(output_error)?;
        let empty = Vec::new();
        let facts = json["facts"].as_array().unwrap_or(&empty);
        let diff = match verdict {
            Some(Verdict::Compared(d)) => Some(d),
            _ => None,
        };
        let entries = entries(n, facts, text, diff);
        let spans: Vec<Span> = entries
            .iter()
            .enumerate()
            .filter_map(|(key, e)| {
                let (start, end) = e.span?;
                Some(Span { start, end, key })
            })
            .collect();
        let nodes = text.map(|t| marks::chunks(marks::mark(t, &spans), CHUNK_LINES));
        let st = match verdict {
            None => "",
            Some(Verdict::NoExpectation) => "no-expectation",
            Some(Verdict::Compared(d)) if d.is_empty() => "ok",
            Some(Verdict::Compared(_)) => "changed",
        };
        let check = self.check;
        let m = html! {
            template.doc data-n=(n) data-source=(doc.source) data-facts=(facts.len())
                data-st=(st) {
                (summary(doc, &json, &entries, verdict))
                @match &nodes {
                    Some(chunks) => {
                        div.text lang="vi" {
                            @for chunk in chunks {
                                div.chunk { (render(chunk, &entries)) }
                            }
                        }
                    }
                    None => p.error { "The text of this document was not kept: its facts are in the table." }
                }
                (table(&entries, check, diff))
            }
        };
        self.put(m)
    }

    /// Ends the page: its script.
    pub fn finish_page(mut self) -> Result<(), Error> {
        self.begin()?;
        let m = html! { script { (PreEscaped(JS)) } };
        self.put(m)?;
        self.out.flush().map_err(output_error)
    }
}

impl<W: Write> Writer for Review<W> {
    fn write(&mut self, record: &Record, text: Option<&str>) -> Result<(), Error> {
        match record {
            Record::Document(d) => self.write_document(d, text),
            Record::Error { source, error } => self.write_error(source, error),
        }
    }

    fn finish(self: Box<Self>) -> Result<(), Error> {
        (*self).finish_page()
    }
}

/// The CSS of each kind: its colour and line.
fn kind_css() -> String {
    let mut css = String::new();
    for (kind, colour, line) in LOOKS {
        let k = kind.name();
        css.push_str(&format!(
            ".k-{k}{{--c:{colour};--u:{line}}}\
             body.off-{k} .text mark.k-{k}{{background:none;border-color:transparent;outline:none}}\n"
        ));
    }
    css
}

/// The rows of a document: its facts, and for a check the expected facts it misses, each
/// with where it is in the text.
fn entries<'a>(
    n: usize,
    facts: &'a [Json],
    text: Option<&str>,
    diff: Option<&'a Diff>,
) -> Vec<Entry<'a>> {
    let mut status = vec![Status::Same; facts.len()];
    if let Some(d) = diff {
        // A changed or new fact is a copy of one read now: find which, among those at its
        // place (a large document that changed throughout has thousands of each).
        let place = |f: &Json| (f["start"].as_u64(), f["end"].as_u64());
        let mut at: std::collections::HashMap<(Option<u64>, Option<u64>), Vec<usize>> =
            std::collections::HashMap::new();
        for (i, f) in facts.iter().enumerate() {
            at.entry(place(f)).or_default().push(i);
        }
        let mut find = |f: &Json, s: Status| {
            let Some(candidates) = at.get(&place(f)) else {
                return;
            };
            if let Some(&i) = candidates
                .iter()
                .find(|&&i| status[i] == Status::Same && facts[i] == *f)
            {
                status[i] = s;
            }
        };
        for (k, c) in d.changed.iter().enumerate() {
            find(&c.actual, Status::Changed(k));
        }
        for f in &d.new {
            find(f, Status::New);
        }
    }
    let span_of = |f: &Json| -> Option<(usize, usize)> {
        Some((f["start"].as_u64()? as usize, f["end"].as_u64()? as usize))
    };
    let mut out: Vec<Entry> = facts
        .iter()
        .zip(status)
        .enumerate()
        .map(|(i, (f, status))| Entry {
            fact: f,
            status,
            span: span_of(f),
            id: format!("d{n}f{i}"),
        })
        .collect();
    if let Some(d) = diff {
        for (i, e) in d.missing.iter().enumerate() {
            out.push(Entry {
                fact: e,
                status: Status::Missing,
                span: text.and_then(|t| place_missing(t, e, d.shift)),
                id: format!("d{n}m{i}"),
            });
        }
        out.sort_by_key(|e| e.span.map_or(usize::MAX, |s| s.0));
    }
    out
}

/// Where an expected fact that is not read now should be: where its text is, nearest to where
/// the expectation puts it (moved as the other facts moved); without a text, its offsets.
fn place_missing(text: &str, e: &Json, shift: i64) -> Option<(usize, usize)> {
    let start = e["start"].as_i64();
    let Some(want) = e["text"].as_str().filter(|s| !s.is_empty()) else {
        let (s, end) = (start?, e["end"].as_i64()?);
        let len = text.chars().count() as i64;
        return (0 <= s && s < end && end <= len).then_some((s as usize, end as usize));
    };
    let near = start.map(|s| s + shift).unwrap_or(0);
    let len = want.chars().count();
    // Char offsets of each occurrence, counted as the search goes.
    let (mut chars, mut last) = (0usize, 0usize);
    let mut best: Option<(u64, usize)> = None;
    for (b, _) in text.match_indices(want) {
        chars += text[last..b].chars().count();
        last = b;
        let d = (chars as i64 - near).unsigned_abs();
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, chars));
        }
    }
    best.map(|(_, s)| (s, s + len))
}

/// A JSON value as a reader wants it: numbers and strings as they are, objects as
/// `key: value`.
fn show(v: &Json) -> String {
    match v {
        Json::Null => "—".to_owned(),
        Json::String(s) => s.clone(),
        Json::Array(a) => a.iter().map(show).collect::<Vec<_>>().join(", "),
        Json::Object(o) => o
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{k}: {}", show(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// What a fact says, in a line: its value with its unit, its bounds, or its name.
fn value_of(f: &Json) -> String {
    let field = |k: &str| f.get(k).filter(|v| !v.is_null());
    let unit = ["currency", "unit"]
        .iter()
        .find_map(|k| field(k).map(show))
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let per = field("per")
        .map(|p| format!("/{}", show(p)))
        .unwrap_or_default();
    if let Some(v) = field("value") {
        return format!("{}{unit}{per}", show(v));
    }
    if let (Some(a), Some(b)) = (field("min"), field("max")) {
        return format!("{} – {}{unit}{per}", show(a), show(b));
    }
    if let (Some(a), Some(b)) = (field("numerator"), field("denominator")) {
        return format!("{}/{}{unit}", show(a), show(b));
    }
    if let (Some(a), Some(b)) = (field("from"), field("to")) {
        return format!("{} – {}", show(a), show(b));
    }
    ["canonical", "name"]
        .iter()
        .find_map(|k| field(k).map(show))
        .unwrap_or_default()
}

/// A context part as a line: an organisation's name, a period's bounds, a metric's label.
fn context_part(f: &Json, part: &str) -> String {
    let c = &f["context"][part];
    if c.is_null() {
        return String::new();
    }
    match part {
        "organization" => show(&c["canonical"]),
        "period" if c["from"] == c["to"] => show(&c["from"]),
        "period" => format!("{} – {}", show(&c["from"]), show(&c["to"])),
        _ => show(&c["label"]),
    }
}

/// Everything a fact holds, a field a line: what the tooltip shows.
fn tip(e: &Entry, diff: Option<&Diff>) -> String {
    let f = e.fact;
    let mut lines = vec![format!("{} · {}", show(&f["kind"]), show(&f["text"]))];
    match e.status {
        Status::Missing => lines.push("MISSING: expected, not read now".to_owned()),
        Status::New => lines.push("NEW: read now, not in the expected facts".to_owned()),
        Status::Changed(k) => {
            if let Some(c) = diff.and_then(|d| d.changed.get(k)) {
                for (field, old, new) in &c.fields {
                    lines.push(format!("CHANGED {field}: {} → {}", show(old), show(new)));
                }
            }
        }
        Status::Same => {}
    }
    if let Some(o) = f.as_object() {
        for (k, v) in o {
            if v.is_null() || ["kind", "text", "start", "end", "context"].contains(&k.as_str()) {
                continue;
            }
            lines.push(format!("{k}: {}", show(v)));
        }
    }
    for (part, label) in [
        ("organization", "organisation"),
        ("period", "period"),
        ("metric", "metric"),
    ] {
        let s = context_part(f, part);
        if !s.is_empty() {
            lines.push(format!("{label}: {s}"));
        }
    }
    lines.join("\n")
}

/// The marked text of a chunk.
fn render(nodes: &[Node], entries: &[Entry]) -> Markup {
    html! {
        @for node in nodes {
            @match node {
                Node::Text(t) => (t),
                Node::Mark { key, first, children } => {
                    @let e = &entries[*key];
                    @let kind = e.fact["kind"].as_str().unwrap_or("");
                    @let class = match e.status.name() {
                        Some(s) => format!("f k-{kind} st-{s}"),
                        None => format!("f k-{kind}"),
                    };
                    @if *first {
                        mark class=(class) id=(e.id) data-f=(e.id) data-kind=(kind)
                            data-st=[e.status.name()] tabindex="0" {
                            (render(children, entries))
                        }
                    } @else {
                        mark class=(class) data-f=(e.id) data-kind=(kind)
                            data-st=[e.status.name()] {
                            (render(children, entries))
                        }
                    }
                }
            }
        }
    }
}

/// A document's summary: its name, how it was read, its facts per kind, and for a check
/// whether it matches.
fn summary(doc: &Document, json: &Json, entries: &[Entry], verdict: Option<Verdict>) -> Markup {
    let info = &json["document"];
    let mut per_kind: Vec<(&str, usize)> = Vec::new();
    for e in entries.iter().filter(|e| e.status != Status::Missing) {
        let k = e.fact["kind"].as_str().unwrap_or("");
        match per_kind.iter_mut().find(|(n, _)| *n == k) {
            Some((_, c)) => *c += 1,
            None => per_kind.push((k, 1)),
        }
    }
    per_kind.sort_by_key(|(k, _)| Kind::ALL.iter().position(|x| x.name() == *k));
    let encoding = &info["encoding"];
    html! {
        section.summary {
            h2 { (doc.source) }
            dl {
                @if !info["format"].is_null() { dt { "format" } dd { (show(&info["format"])) } }
                @if !encoding.is_null() {
                    dt { "encoding" }
                    dd {
                        (show(&encoding["name"]))
                        @if let Some(c) = encoding["confidence"].as_f64() {
                            " (confidence " (format!("{c:.2}")) ")"
                        }
                        @if let Some(r) = encoding["repairs"].as_array().filter(|r| !r.is_empty()) {
                            "; repaired: " (show(&Json::Array(r.clone())))
                        }
                    }
                }
                @if !info["pages"].is_null() { dt { "pages" } dd { (show(&info["pages"])) } }
                @if !info["title"].is_null() { dt { "title" } dd { (show(&info["title"])) } }
                @if !info["date"].is_null() { dt { "date" } dd { (show(&info["date"])) } }
                @if !info["reference_year"].is_null() {
                    dt { "reference year" } dd { (show(&info["reference_year"])) }
                }
                dt { "facts" }
                dd.per-kind {
                    (doc.facts.len())
                    @for (k, c) in &per_kind {
                        " " span class=(format!("pk k-{k}")) { (k) " " (c) }
                    }
                }
            }
            @for w in &doc.warnings { p.warning { "warning: " (w) } }
            @match verdict {
                None => {}
                Some(Verdict::NoExpectation) => p.verdict.none { "No expected file: nothing to compare." }
                Some(Verdict::Compared(d)) if d.is_empty() => p.verdict.ok {
                    "Matches its expected facts."
                    @if d.moved > 0 { " (" (d.moved) " facts moved by " (d.shift) " chars)" }
                }
                Some(Verdict::Compared(d)) => div.verdict.changed {
                    p {
                        "Differs from its expected facts: "
                        (d.missing.len()) " missing, " (d.changed.len()) " changed, "
                        (d.new.len()) " new."
                    }
                    @if !d.document.is_empty() {
                        ul {
                            @for (field, old, new) in &d.document {
                                li { "document." (field) ": " del { (show(old)) } " → " ins { (show(new)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The table of a document's facts, a row each; a row names the mark it scrolls to.
fn table(entries: &[Entry], check: bool, diff: Option<&Diff>) -> Markup {
    html! {
        table.facts {
            thead {
                tr {
                    th data-type="num" { "#" }
                    th { "kind" }
                    th { "text" }
                    th { "value" }
                    th data-type="num" { "line" }
                    th { "organisation" }
                    th { "period" }
                    th { "metric" }
                    @if check { th { "check" } }
                }
            }
            tbody {
                @for (i, e) in entries.iter().enumerate() {
                    @let f = e.fact;
                    @let kind = f["kind"].as_str().unwrap_or("");
                    tr class=(format!("k-{kind}")) data-target=[e.span.map(|_| &e.id)]
                        data-kind=(kind) data-st=[e.status.name()] data-tip=(tip(e, diff))
                        tabindex="0" {
                        td data-v=(i) { (i + 1) }
                        td { mark class=(format!("f k-{kind}")) { (kind) } }
                        td { (show(&f["text"])) }
                        td { (value_of(f)) }
                        td data-v=[f["line"].as_u64()] { (f["line"].as_u64().map(|l| l.to_string()).unwrap_or_default()) }
                        td { (context_part(f, "organization")) }
                        td { (context_part(f, "period")) }
                        td { (context_part(f, "metric")) }
                        @if check {
                            td.st {
                                @match e.status {
                                    Status::Same => {}
                                    Status::New => "new",
                                    Status::Missing => {
                                        "missing"
                                        @if e.span.is_none() { " (not in the text)" }
                                    }
                                    Status::Changed(k) => {
                                        @if let Some(c) = diff.and_then(|d| d.changed.get(k)) {
                                            @for (field, old, new) in &c.fields {
                                                span.change {
                                                    (field) ": " del { (show(old)) } " → " ins { (show(new)) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::compare;

    fn page(text: &str, check: Option<&Json>) -> String {
        let doc = crate::extract(text, &Default::default());
        let mut out = Vec::new();
        let mut w = Review::new(&mut out, check.is_some());
        match check {
            None => w.write_document(&doc, Some(text)).unwrap(),
            Some(expected) => {
                let actual = serde_json::to_value(&doc).unwrap();
                let diff = compare(expected, &actual, true);
                w.write_checked(&doc, Some(text), Verdict::Compared(&diff))
                    .unwrap()
            }
        }
        w.finish_page().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn report_text_is_escaped() {
        let p = page(
            "<script>alert(1)</script> Hội có 20 hội viên & \"quỹ\" 5 triệu đồng.",
            None,
        );
        assert!(!p.contains("<script>alert"));
        assert!(p.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(p.contains("&amp; &quot;quỹ&quot;") || p.contains("&amp; \"quỹ\""));
        // The only script is the page's own.
        assert_eq!(p.matches("<script>").count(), 1);
    }

    #[test]
    fn every_fact_is_marked_with_its_kind() {
        let text = "Ngày 8/7/2024, Hội LHPN xã Kim Liên kết nạp 20 hội viên, quỹ 15.500 000 đồng.";
        let doc = crate::extract(text, &Default::default());
        let p = page(text, None);
        assert!(doc.facts.len() >= 4);
        for (i, f) in doc.facts.iter().enumerate() {
            let open = format!(
                r#"id="d0f{i}" data-f="d0f{i}" data-kind="{}""#,
                f.kind.name()
            );
            assert!(p.contains(&open), "no mark for {f:?}");
        }
        assert!(p.contains(r#"<mark class="f k-money" id="d0f"#));
    }

    #[test]
    fn check_marks_missing_changed_and_new_facts() {
        let text = "Hội có 20 hội viên, quỹ 15.500 000 đồng, 3 chi hội.";
        let doc = crate::extract(text, &Default::default());
        let mut expected = serde_json::to_value(&doc).unwrap();
        let facts = expected["facts"].as_array_mut().unwrap();
        // The money expected at another value; the count of chi hội not expected (new); a
        // fact expected that is not read.
        let money = facts.iter_mut().find(|f| f["kind"] == "money").unwrap();
        money["value"] = Json::from(15_000_000);
        facts.retain(|f| f["unit"] != "chi hội");
        facts.push(serde_json::json!({"kind": "percent", "text": "hội viên", "value": 5}));
        let p = page(text, Some(&expected));
        assert!(p.contains("st-changed"));
        assert!(p.contains("CHANGED value: 15000000 → 15500000"));
        assert!(p.contains(r#"data-st="new""#));
        // The missing percent is placed at its text.
        assert!(p.contains(r#"<mark class="f k-percent st-missing" id="d0m0""#));
    }

    #[test]
    fn a_missing_fact_is_placed_nearest_where_it_was() {
        let t = "5 hộ ... 5 hộ ... 5 hộ";
        let e = serde_json::json!({"kind": "count", "text": "5 hộ", "start": 17, "end": 21});
        assert_eq!(place_missing(t, &e, 0), Some((18, 22)));
        assert_eq!(place_missing(t, &e, -16), Some((0, 4)));
        let e = serde_json::json!({"kind": "count", "text": "7 hộ"});
        assert_eq!(place_missing(t, &e, 0), None);
    }
}
