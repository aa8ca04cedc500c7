//! vnfacts reads Vietnamese reports and writes the facts in them: amounts in đồng, counts,
//! percentages, ratios, measures, durations, dates and periods, each with its exact text, its
//! offsets and the value a careful reader would write down.
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
//! The data flows one way: [`decode`] → [`normalize`] (with a map back to the input) →
//! [`numbers`] → one recogniser per kind ([`recognize`]) → [`resolve`] → the caller's writer.

#![warn(missing_docs)]

pub mod batch;
pub mod calendar;
pub mod check;
pub mod dec;
pub mod decode;
pub mod fact;
pub mod lexicon;
pub mod lunar;
pub mod normalize;
pub mod numbers;
pub mod recognize;
pub mod resolve;
pub mod user_lexicon;
pub mod write;

pub use dec::Dec;
pub use fact::{Document, DocumentInfo, Fact, Kind, Organization, Precision, Qualifier, Value};
pub use user_lexicon::UserLexicon;

/// What to extract, and how.
#[derive(Clone, Default)]
pub struct Options {
    /// The year that completes dates written without one; overrides the one read from the text.
    pub reference_year: Option<i32>,
    /// Only these kinds (all when `None`).
    pub kinds: Option<Vec<Kind>>,
    /// The document's own date, when known from outside the text; relative dates ("hôm qua")
    /// are resolved against it. Otherwise it is read from the text (`document.date`).
    pub document_date: Option<calendar::Date>,
    /// The user's own abbreviations, organisations and places (`--lexicon FILE`).
    pub lexicon: Option<std::sync::Arc<UserLexicon>>,
}

/// Where the input's last non-empty line is in the normalised text.
fn last_line(input: &str, norm: &str) -> Option<(usize, usize)> {
    let line = input.lines().map(str::trim).rfind(|l| !l.is_empty())?;
    let folded = normalize::Normalized::new(line);
    let folded = folded.text().trim();
    let trimmed = norm.trim_end();
    trimmed
        .ends_with(folded)
        .then(|| (trimmed.len() - folded.len(), trimmed.len()))
        .filter(|(s, _)| *s == 0 || norm.as_bytes()[s - 1] == b' ')
}

/// Reads the facts of one decoded text. `source` of the result is `-`; set it to the path.
pub fn extract(text: &str, options: &Options) -> Document {
    let norm = normalize::Normalized::new(text);
    let mut ctx = recognize::Ctx::new(norm.text());
    ctx.user = options.lexicon.as_deref();
    ctx.last_line = last_line(text, norm.text());
    let cands = recognize::run(&ctx);
    let r = resolve::resolve(text, &norm, cands, options);
    Document {
        source: "-".to_owned(),
        document: r.info,
        facts: r.facts,
        warnings: r.warnings,
    }
}
