//! vnfacts reads Vietnamese reports and writes the facts in them: amounts in đồng, counts,
//! percentages, ratios, measures, durations, dates and periods, organisations, people and
//! places, each with its exact text, its offsets and the value a careful reader would write
//! down.
//!
//! ```
//! use vnfacts::{extract, Kind, Options};
//!
//! let text = "Chiều ngày 8/7/2024, Hội đã ủng hộ 3 gia đình với tổng giá trị 15.500 000 đồng.";
//! let doc = extract(text, &Options::default());
//! assert_eq!(doc.document.date.as_deref(), Some("2024-07-08"));
//! let money = doc.facts.iter().find(|f| f.kind == Kind::Money).unwrap();
//! assert_eq!(money.text, "15.500 000 đồng");
//! assert_eq!(money.number().unwrap().to_i64(), Some(15_500_000));
//! // Offsets count chars of the input, so the text is always found where the fact says.
//! let span: String = text.chars().skip(money.start).take(money.end - money.start).collect();
//! assert_eq!(span, money.text);
//! ```
//!
//! The data flows one way, each stage in its own module: [`input`] (bytes and files → decoded
//! text) → text (normalised with a map back, split into words once, figures read once) →
//! recognisers (one per kind, registered in one table) → resolution (overlaps, times completed,
//! the document block, offsets) → [`output`] (writers behind one trait). Word lists are data
//! files in `data/`, loaded strictly.
//!
//! Without its default `cli` feature the library needs only regex (and regex-automata and memchr,
//! which regex brings), aho-corasick,
//! unicode-normalization, serde and serde_json.

#![warn(missing_docs)]

pub mod check;
mod context;
mod error;
pub mod input;
mod lexicon;
mod model;
pub mod output;
mod recognize;
mod resolve;
mod text;
pub mod time;

pub use error::{Error, ErrorKind};
pub use input::{decode, decode_bytes, Decoded, Encoding};
pub use lexicon::user::Builder as UserLexiconBuilder;
pub use lexicon::{expand_abbreviation, Abbr, AbbrKind, UserLexicon};
pub use model::{
    Context, ContextOrganization, ContextPeriod, Dec, Document, DocumentInfo, EncodingInfo,
    EncodingPart, Fact, Kind, LunarDate, Metric, Organization, Precision, Qualifier, Relative,
    Season, TimeUnit, Value, Weekday,
};
pub use text::numbers::parse_number;

use std::sync::Arc;

/// What to extract, and how.
#[derive(Clone, Default, Debug)]
pub struct Options {
    /// The year that completes dates written without one; overrides the one read from the text.
    pub reference_year: Option<i32>,
    /// Only these kinds (all when `None`). Only the recognisers these kinds need run: their
    /// own, those that can win an overlap with them, and the dates and periods the document
    /// block needs (unless `document_date` and `reference_year` are both given).
    pub kinds: Option<Vec<Kind>>,
    /// The document's own date, when known from outside the text; relative dates ("hôm qua")
    /// are resolved against it. Otherwise it is read from the text (`document.date`).
    pub document_date: Option<time::Date>,
    /// The user's own abbreviations, organisations and places (`--lexicon FILE`).
    pub lexicon: Option<Arc<UserLexicon>>,
}

/// Reads the facts of one decoded text. `source` of the result is `-`; set it to the path.
///
/// A text longer than [`WINDOW`] is read in windows (see [`extract_each`]), which keeps the
/// memory of the reading bounded; the facts are all held in the result (about 700 bytes
/// each): to hand them on one by one instead, use [`extract_each`].
pub fn extract(text: &str, options: &Options) -> Document {
    if text.len() <= WINDOW {
        // One reading: its facts are the document's, moved once.
        let (r, _) = read(text, options, &resolve::offsets::Base::whole(text), None);
        return Document {
            source: "-".to_owned(),
            document: r.info,
            facts: r.facts,
            warnings: r.warnings,
        };
    }
    let mut facts = Vec::new();
    let mut info = None;
    let warnings = extract_each(text, options, |piece| {
        match piece {
            Piece::Document(i) => info = Some(i.clone()),
            Piece::Fact(f) => facts.push(f),
        }
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    Document {
        source: "-".to_owned(),
        document: info.unwrap_or_default(),
        facts,
        warnings,
    }
}

/// Reads the facts of a decoded document ([`input::read_document`], [`input::read_path_as`]):
/// as [`extract`] does, and the document block says how the text was read (`format`,
/// `encoding`, a PDF's `pages`), each fact of a PDF its `page`.
///
/// ```
/// use vnfacts::input::{read_document, ReadOptions};
/// let html = "<html><body><p>Hội có 20 hội viên.</p></body></html>".as_bytes().to_vec();
/// let d = read_document(html, None, None, &ReadOptions::default()).unwrap();
/// let doc = vnfacts::extract_decoded(&d, &Default::default());
/// assert_eq!(doc.document.format.as_deref(), Some("html"));
/// assert_eq!(doc.facts[0].text, "20 hội viên");
/// ```
pub fn extract_decoded(d: &input::Decoded, options: &Options) -> Document {
    let mut doc = extract(&d.text, options);
    d.stamp(&mut doc.document);
    if !d.pages.is_empty() {
        for f in &mut doc.facts {
            f.page = d.page_of(f.start);
        }
    }
    doc
}

/// How long a text is read whole, in bytes (256 KiB: a report is a few kilobytes, a long one
/// a hundred; a longer text is most often many reports in one file). A longer text is read in
/// windows of about this size, so that reading it takes the memory of one window.
pub const WINDOW: usize = 256 << 10;

/// How much text a window reads beyond its own part on either side, in bytes: enough that a
/// fact that starts in its part is read whole, with what stands before it.
const MARGIN: usize = 4 << 10;

/// What [`extract_each`] hands on: the document block first, then each fact in order.
#[derive(Debug)]
#[non_exhaustive]
// Each fact is handed on once, by value: boxing it would cost an allocation a fact.
#[allow(clippy::large_enum_variant)]
pub enum Piece<'a> {
    /// The document block (title, date, reference year, organisations).
    Document(&'a DocumentInfo),
    /// A fact.
    Fact(Fact),
}

/// Reads the facts of one decoded text and hands them on one at a time, in order: first the
/// document block, then each fact; returns the warnings. An error `each` returns stops the
/// reading and is returned.
///
/// ```
/// use vnfacts::{extract_each, Kind, Piece};
/// let text = "Chiều ngày 8/7/2024, Hội có 20 hội viên.";
/// let mut kinds = Vec::new();
/// let warnings = extract_each(text, &Default::default(), |piece| {
///     match piece {
///         Piece::Document(info) => assert_eq!(info.date.as_deref(), Some("2024-07-08")),
///         Piece::Fact(fact) => kinds.push(fact.kind),
///         _ => {}
///     }
///     Ok::<(), ()>(())
/// })
/// .unwrap();
/// assert_eq!(kinds, [Kind::Date, Kind::Count]);
/// assert!(warnings.is_empty());
/// ```
///
/// A text longer than [`WINDOW`] is read in windows of about that size, cut at line breaks,
/// each reading a margin of its neighbours' text so that a fact across a cut is read once,
/// whole; the memory a reading takes stays that of one window. What a document as a whole
/// decides is decided once: the title is its first line, the date and the reference year are
/// those of its first window (unless `options` give them), and `organizations` counts every
/// window (which takes a first quick pass over the windows for organisations alone). What a
/// reader infers from the rest of a document (the one commune a report names, the full name of
/// a person named once by a single name) is inferred within a window.
pub fn extract_each<E>(
    text: &str,
    options: &Options,
    mut each: impl FnMut(Piece) -> Result<(), E>,
) -> Result<Vec<String>, E> {
    if text.len() <= WINDOW {
        let (r, _) = read(text, options, &resolve::offsets::Base::whole(text), None);
        each(Piece::Document(&r.info))?;
        for f in r.facts {
            each(Piece::Fact(f))?;
        }
        return Ok(r.warnings);
    }
    let windows = windows(text);
    // The first window decides the document's date and reference year.
    let (first, headline) = read_window(text, &windows[0], options, None);
    let mut info = first.info;
    info.title = text::segments::first_line(text);
    let mut rest = options.clone();
    rest.document_date = rest
        .document_date
        .or_else(|| info.date.as_deref().and_then(|d| d.parse().ok()));
    rest.reference_year = rest.reference_year.or(info.reference_year);
    // Organisations are counted over every window before any fact is handed on.
    if let Some(orgs) = info.organizations.as_mut() {
        let mut index = lexicon::hash::Map::default();
        for (i, o) in orgs.iter().enumerate() {
            index.insert(o.canonical.clone(), i);
        }
        let mut only = rest.clone();
        only.kinds = Some(vec![Kind::Organization]);
        for w in &windows[1..] {
            let (r, _) = read_window(text, w, &only, None);
            resolve::block::add_organizations(orgs, &mut index, &r.facts);
        }
    }
    each(Piece::Document(&info))?;
    let mut warnings = first.warnings;
    for f in first.facts {
        each(Piece::Fact(f))?;
    }
    for w in &windows[1..] {
        let (r, _) = read_window(text, w, &rest, Some(&headline));
        warnings.extend(r.warnings);
        for f in r.facts {
            each(Piece::Fact(f))?;
        }
    }
    Ok(warnings)
}

/// One window of a long text: the text it reads, where that sits in the whole, and the part
/// of it whose facts it keeps.
struct Window {
    /// The bytes of the whole text it reads (its part and its margins).
    read: std::ops::Range<usize>,
    /// Where it sits: chars and line breaks before `read`, and its part (relative to `read`).
    base: resolve::offsets::Base,
}

/// The windows of a long text: parts of about [`WINDOW`] bytes cut after a line break (else
/// after a space, else between two chars), each read with [`MARGIN`] bytes of its neighbours.
fn windows(text: &str) -> Vec<Window> {
    let b = text.as_bytes();
    // A cut at or after `at`: just after a line break (LF), else a space, else a char boundary.
    let cut = |at: usize| -> usize {
        if at >= b.len() {
            return b.len();
        }
        let look = &b[at..(at + MARGIN).min(b.len())];
        let off = memchr::memchr(b'\n', look)
            .or_else(|| memchr::memchr(b' ', look))
            .map_or(0, |i| i + 1);
        let mut c = at + off;
        while !text.is_char_boundary(c) {
            c += 1;
        }
        c
    };
    // A margin's start at or before `at`: just after a line break where there is one near.
    let back = |at: usize| -> usize {
        let from = at.saturating_sub(MARGIN);
        let mut c = memchr::memrchr(b'\n', &b[from..at]).map_or(from, |i| from + i + 1);
        while !text.is_char_boundary(c) {
            c += 1;
        }
        c
    };
    let mut parts = vec![0];
    while let Some(&last) = parts.last() {
        if last >= b.len() {
            break;
        }
        parts.push(cut(last + WINDOW));
    }
    let mut out = Vec::new();
    let (mut chars, mut lines, mut at) = (0, 0, 0);
    let mut breaks = input::lines::Breaks::default();
    for p in parts.windows(2) {
        let (part_start, part_end) = (p[0], p[1]);
        let start = if part_start == 0 {
            0
        } else {
            back(part_start.saturating_sub(MARGIN)).min(part_start)
        };
        let end = if part_end >= b.len() {
            b.len()
        } else {
            cut(part_end + MARGIN)
        };
        let skipped = &text[at..start];
        chars += skipped.chars().count();
        lines += breaks.count(skipped);
        at = start;
        out.push(Window {
            read: start..end,
            base: resolve::offsets::Base {
                chars,
                lines,
                keep: part_start - start..part_end - start,
                fixed: part_start > 0,
            },
        });
    }
    out
}

/// Reads one window of `text`.
fn read_window(
    text: &str,
    w: &Window,
    options: &Options,
    headline: Option<&context::Headline>,
) -> (resolve::Resolved, context::Headline) {
    read(&text[w.read.clone()], options, &w.base, headline)
}

/// Reads a text (a whole document, or a window of one).
/// Reads one text (a document, or a window of a long one): the text stage, the recognisers,
/// resolution and the context of every figure. `headline` is the report's own organisation
/// and period when the text is a later window (else they are read from it, and returned).
fn read(
    text: &str,
    options: &Options,
    base: &resolve::offsets::Base,
    headline: Option<&context::Headline>,
) -> (resolve::Resolved, context::Headline) {
    let lex = options
        .lexicon
        .as_ref()
        .map_or(lexicon::Lexicon::builtin(), |u| &u.lexicon);
    let mut reading = text::Reading::new(text, lex);
    if base.fixed {
        // A later window's top is not the document's.
        reading.letterhead = None;
    }
    let ctx = recognize::Ctx::new(&reading, lex);
    let needed = options
        .kinds
        .as_deref()
        .map(|k| recognize::needed_kinds(k, options));
    let cands = recognize::run(&ctx, needed.as_deref());
    let mut own = context::Headline::default();
    let resolved = resolve::resolve(text, &reading, cands, options, base, |chosen, date| {
        own = context::attach(text, base.chars, &reading, lex, chosen, headline, date);
    });
    (resolved, own)
}

/// The stages one at a time, for benchmarks, profiles and fuzz targets; not a stable
/// interface.
#[doc(hidden)]
pub mod stages {
    use super::*;

    /// The normalised text of `input`.
    pub fn normalized(input: &str) -> String {
        text::normalize::Normalized::new(input).text().to_owned()
    }

    /// A text read up to the recognisers: normalised, split into words and figures.
    pub struct Read(text::Reading);

    impl Read {
        /// Reads `input` with the built-in word lists.
        pub fn new(input: &str) -> Read {
            Read(text::Reading::new(input, lexicon::Lexicon::builtin()))
        }

        /// How many words and figures the text has.
        pub fn counts(&self) -> (usize, usize) {
            (self.0.tokens.toks.len(), self.0.figures.len())
        }

        /// Runs the recognisers named `names` (all when empty): how many candidates they
        /// propose.
        pub fn recognise(&self, names: &[&str]) -> usize {
            let lex = lexicon::Lexicon::builtin();
            let ctx = recognize::Ctx::new(&self.0, lex);
            let mut out = Vec::new();
            for r in recognize::RECOGNISERS {
                if names.is_empty() || names.contains(&r.name) {
                    (r.run)(&ctx, &mut out);
                }
            }
            out.len()
        }
    }

    /// A text read and resolved up to the context stage: what the context stage reads, kept
    /// so that a bench can time that stage alone.
    pub struct Settled {
        reading: text::Reading,
        chosen: Vec<recognize::Cand>,
        date: Option<String>,
        input: String,
    }

    impl Settled {
        /// Reads and resolves `input` (at most [`WINDOW`] bytes) with the built-in lists.
        pub fn new(input: &str) -> Settled {
            let lex = lexicon::Lexicon::builtin();
            let reading = text::Reading::new(input, lex);
            let ctx = recognize::Ctx::new(&reading, lex);
            let cands = recognize::run(&ctx, None);
            let base = resolve::offsets::Base::whole(input);
            let mut chosen = Vec::new();
            let mut date = None;
            resolve::resolve(
                input,
                &reading,
                cands,
                &Options::default(),
                &base,
                |c, d| {
                    chosen = c.to_vec();
                    date = d.map(str::to_owned);
                },
            );
            Settled {
                reading,
                chosen,
                date,
                input: input.to_owned(),
            }
        }

        /// Runs the context stage on a copy of the settled facts: how many figures got one.
        pub fn context(&self) -> usize {
            let lex = lexicon::Lexicon::builtin();
            let mut chosen = self.chosen.clone();
            context::attach(
                &self.input,
                0,
                &self.reading,
                lex,
                &mut chosen,
                None,
                self.date.as_deref(),
            );
            chosen.iter().filter(|c| c.fact.context.is_some()).count()
        }

        /// Copies the settled facts, as [`Settled::context`] does first (to subtract).
        pub fn copy(&self) -> usize {
            self.chosen.clone().len()
        }
    }

    /// The names of the recognisers, in the order they run.
    pub fn recognisers() -> Vec<&'static str> {
        recognize::RECOGNISERS.iter().map(|r| r.name).collect()
    }

    /// A figure as the fuzz target sees it: its span in the normalised text, the span it maps
    /// back to in the input, and its value.
    pub type Span = (usize, usize, usize, usize, f64);

    /// The figures of a text: their byte spans in the normalised text, the spans they map
    /// back to in `input`, and their values; for the number reader's fuzz target.
    pub fn figures(input: &str) -> (String, Vec<Span>) {
        let norm = text::normalize::Normalized::new(input);
        let figures = text::numbers::scan(norm.text(), None)
            .into_iter()
            .map(|f| {
                let (a, b) = norm.to_source(f.start, f.end);
                (f.start, f.end, a, b, f.value.to_f64())
            })
            .collect();
        (norm.text().to_owned(), figures)
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    /// One report repeated past [`WINDOW`]: what a document as a whole infers is the same in
    /// every window, so reading in windows gives exactly the facts of a whole reading, each
    /// once, with true offsets and lines.
    #[test]
    fn windows_read_what_a_whole_reading_reads() {
        let report = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/hoi-nong-dan-so-ket-6-thang.txt"
        ))
        .unwrap();
        let n = 2 * WINDOW / report.len() + 2;
        let text = format!("{report}\n").repeat(n);
        assert!(text.len() > 2 * WINDOW);
        let opts = Options::default();
        let (whole, _) = read(&text, &opts, &resolve::offsets::Base::whole(&text), None);
        let doc = extract(&text, &opts);
        assert_eq!(doc.facts.len(), whole.facts.len());
        assert_eq!(doc.facts, whole.facts);
        assert_eq!(doc.document, whole.info);
        assert_eq!(doc.warnings, whole.warnings);
        assert!(windows(&text).len() >= 3);
    }

    /// Windows cut a line that goes on past them (no line break for megabytes) between words,
    /// and every fact still lies where it says.
    #[test]
    fn a_long_line_is_cut_between_words() {
        let line = "Hội đã trao 25 suất quà, mỗi suất trị giá 500.000 đồng cho xã Kim Liên. ";
        let text = line.repeat(WINDOW / line.len() * 2 + 7);
        let doc = extract(&text, &Options::default());
        let chars: Vec<char> = text.chars().collect();
        for f in &doc.facts {
            let span: String = chars[f.start..f.end].iter().collect();
            assert_eq!(span, f.text);
            assert_eq!(f.line, 1);
        }
        let money = doc.facts.iter().filter(|f| f.kind == Kind::Money).count();
        assert_eq!(money, text.matches("500.000 đồng").count());
        assert!(doc
            .facts
            .windows(2)
            .all(|w| w[0].start < w[1].start || w[0].kind != w[1].kind));
    }
}
