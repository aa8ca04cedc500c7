//! Resolution: picks among the recognisers' candidates, completes years, and maps every fact
//! back to the characters of the input.
//!
//! Overlaps are settled by priority (a date or period beats money, money beats a count), then
//! by length (the longer reading wins: "68 ngày công" is a count, not "68 ngày"), then by
//! position. The reference year is `--reference-year` when given, else the year of the
//! report's own date, else the most frequent year the text states.

use crate::fact::{DocumentInfo, Fact, Kind, Precision, Value};
use crate::normalize::Normalized;
use crate::recognize::date::{days_in_month, valid_day};
use crate::recognize::{Cand, YearLess};
use std::collections::BTreeMap;

/// Chooses the candidates that do not overlap a better one.
pub fn choose(cands: Vec<Cand>) -> Vec<Cand> {
    // Sort indices, not the candidates themselves (a candidate is a few hundred bytes).
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&cands[i], &cands[j]);
        b.prio
            .cmp(&a.prio)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    // Accepted spans, keyed by start.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut keep = vec![false; cands.len()];
    for i in order {
        let c = &cands[i];
        let clash = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &e)| e > c.start);
        if clash {
            continue;
        }
        taken.insert(c.start, c.end);
        keep[i] = !c.block;
    }
    let mut out: Vec<Cand> = cands
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect();
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// The year most often stated; on a tie, the latest.
fn most_frequent_year(cands: &[Cand]) -> Option<i32> {
    let mut n: BTreeMap<i32, usize> = BTreeMap::new();
    for y in cands.iter().filter_map(|c| c.explicit_year) {
        *n.entry(y).or_default() += 1;
    }
    n.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(y, _)| y)
}

/// The report's own date: the first full date with its year near the top of the text.
fn own_date(cands: &[Cand]) -> Option<String> {
    const NEAR_TOP: usize = 600;
    cands
        .iter()
        .filter(|c| c.start < NEAR_TOP && c.explicit_year.is_some())
        .find(|c| c.fact.kind == Kind::Date && c.fact.precision == Some(Precision::Day))
        .and_then(|c| match &c.fact.value {
            Some(Value::Date(d)) => Some(d.clone()),
            _ => None,
        })
}

/// Completes the dates and periods written without a year.
fn complete_years(cands: &mut Vec<Cand>, year: Option<i32>) {
    cands.retain_mut(|c| {
        let Some(yl) = c.year_less else { return true };
        let f = &mut c.fact;
        match (yl, year) {
            (YearLess::Day(m, d), Some(y)) => {
                if !valid_day(Some(y), m, d) {
                    return false;
                }
                f.value = Some(Value::Date(format!("{y:04}-{m:02}-{d:02}")));
                f.year_inferred = Some(true);
            }
            (YearLess::Day(m, d), None) => {
                f.value = Some(Value::Null);
                f.month_day = Some(format!("--{m:02}-{d:02}"));
                f.year_inferred = Some(false);
            }
            (YearLess::Months(a, b), Some(y)) => {
                f.from = Some(format!("{y:04}-{a:02}-01"));
                f.to = Some(format!("{y:04}-{b:02}-{:02}", days_in_month(Some(y), b)));
                f.year_inferred = Some(true);
            }
            (YearLess::Months(a, b), None) => {
                f.from = Some(format!("--{a:02}-01"));
                f.to = Some(format!("--{b:02}-{:02}", days_in_month(None, b)));
                f.year_inferred = Some(false);
            }
        }
        true
    });
}

/// Everything resolution produces.
pub struct Resolved {
    /// The document block.
    pub info: DocumentInfo,
    /// The facts, sorted by start.
    pub facts: Vec<Fact>,
    /// Warnings (figures too large to hold).
    pub warnings: Vec<String>,
}

/// Settles overlaps, completes years and maps facts back to the input.
pub fn resolve(
    input: &str,
    norm: &Normalized,
    cands: Vec<Cand>,
    reference_year: Option<i32>,
    kinds: Option<&[Kind]>,
) -> Resolved {
    let mut chosen = choose(cands);
    let date = own_date(&chosen);
    let year = reference_year
        .or_else(|| date.as_ref().and_then(|d| d[..4].parse().ok()))
        .or_else(|| most_frequent_year(&chosen));
    complete_years(&mut chosen, year);

    let title = input
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));

    // Map to chars and lines with one forward walk over the input.
    let mut facts = Vec::with_capacity(chosen.len());
    let mut warnings = Vec::new();
    let (mut byte, mut chars, mut line) = (0usize, 0usize, 1usize);
    for c in chosen {
        let (s, e) = norm.to_source(c.start, c.end);
        let skipped = &input[byte..s];
        chars += skipped.chars().count();
        line += skipped.bytes().filter(|&b| b == b'\n').count();
        byte = s;
        let text = &input[s..e];
        if c.overflow {
            warnings.push(format!(
                "line {line}: {:?} is too large to hold; this {} was skipped",
                text, c.fact.kind
            ));
            continue;
        }
        if kinds.is_some_and(|k| !k.contains(&c.fact.kind)) {
            continue;
        }
        let mut f = c.fact;
        f.text = text.to_owned();
        f.start = chars;
        f.end = chars + text.chars().count();
        f.line = line;
        facts.push(f);
    }
    Resolved {
        info: DocumentInfo {
            title,
            date,
            reference_year: year,
        },
        facts,
        warnings,
    }
}
