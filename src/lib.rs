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
pub use input::decode;
pub use lexicon::user::Builder as UserLexiconBuilder;
pub use lexicon::{expand_abbreviation, Abbr, AbbrKind, UserLexicon};
pub use model::{
    Dec, Document, DocumentInfo, Fact, Kind, LunarDate, Organization, Precision, Qualifier,
    Relative, Season, TimeUnit, Value, Weekday,
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
pub fn extract(text: &str, options: &Options) -> Document {
    let lex = options
        .lexicon
        .as_ref()
        .map_or(lexicon::Lexicon::builtin(), |u| &u.lexicon);
    let reading = text::Reading::new(text, lex);
    let ctx = recognize::Ctx::new(&reading, lex);
    let needed = options
        .kinds
        .as_deref()
        .map(|k| recognize::needed_kinds(k, options));
    let cands = recognize::run(&ctx, needed.as_deref());
    let r = resolve::resolve(text, &reading.norm, cands, options);
    Document {
        source: "-".to_owned(),
        document: r.info,
        facts: r.facts,
        warnings: r.warnings,
    }
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
