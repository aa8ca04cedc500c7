//! Resolution: picks among the recognisers' candidates ([`overlap`]), completes the times that
//! wait for the reference year or the document's date ([`crate::time::pending`]), reads the
//! document block ([`block`]) and maps every fact back to the characters of the input
//! ([`offsets`]).
//!
//! The reference year is `--reference-year` when given, else the year of the report's own
//! date, else the most frequent year the text states.

pub(crate) mod block;
pub(crate) mod offsets;
pub(crate) mod overlap;

use crate::model::{DocumentInfo, Fact, Kind};
use crate::recognize::Cand;
use crate::text::normalize::Break;
use crate::text::Reading;
use crate::time::pending::complete;
use crate::Options;

/// Everything resolution produces.
pub(crate) struct Resolved {
    /// The document block.
    pub info: DocumentInfo,
    /// The facts, sorted by start.
    pub facts: Vec<Fact>,
    /// Warnings (figures too large to hold).
    pub warnings: Vec<String>,
}

/// Settles overlaps, completes years, reads the document block and maps facts back to the
/// input.
#[inline(never)] // a frame of its own in profiles (scripts/stages.py)
pub(crate) fn resolve(
    input: &str,
    reading: &Reading,
    cands: Vec<Cand>,
    options: &Options,
    base: &offsets::Base,
    context: impl FnOnce(&mut [Cand], Option<&str>),
) -> Resolved {
    let mut chosen = overlap::choose_all(cands);
    // A window after the first of a long document takes the document's date and reference
    // year as they are, known or not.
    let doc = match base.fixed {
        true => options.document_date,
        false => options.document_date.or_else(|| block::own_date(&chosen)),
    };
    let year = match base.fixed {
        true => options.reference_year,
        false => options
            .reference_year
            .or(doc.map(|d| d.year))
            .or_else(|| block::most_frequent_year(&chosen)),
    };
    chosen.retain_mut(|c| match c.pending.take() {
        Some(p) => complete(p, &mut c.fact, doc, year),
        None => true,
    });
    // The next stage (context) reads the settled facts before they are mapped and filtered.
    context(&mut chosen, doc.map(|d| d.iso()).as_deref());
    let kinds = options.kinds.as_deref();
    let text = reading.text();
    let letterhead = reading.letterhead.as_ref();
    let info_letterhead = letterhead.map(|lh| Box::new(block::letterhead(lh, &chosen, text)));
    let title_end = reading
        .breaks
        .iter()
        .find(|b| b.1 != Break::Column)
        .map_or(text.len(), |b| b.0);
    let place = kinds
        .is_none_or(|k| k.contains(&Kind::Location))
        .then(|| block::own_place(&chosen, text, letterhead, title_end))
        .flatten()
        .map(Box::new);
    let (facts, warnings) = offsets::map_back(input, &reading.norm, chosen, base, |f| {
        kinds.is_none_or(|k| k.contains(&f.kind))
    });
    let organizations = kinds
        .is_none_or(|k| k.contains(&Kind::Organization))
        .then(|| block::organizations(&facts));
    Resolved {
        info: DocumentInfo {
            format: None,
            encoding: None,
            pages: None,
            title: crate::text::segments::first_line(input),
            date: doc.map(|d| d.iso()),
            reference_year: year,
            organizations,
            letterhead: info_letterhead,
            place,
        },
        facts,
        warnings,
    }
}
