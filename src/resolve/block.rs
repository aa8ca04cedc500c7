//! The document block: the report's own date, the reference year and its organisations.

use crate::lexicon::hash::Map;
use crate::model::{Fact, Kind, Organization, Precision, Value};
use crate::recognize::Cand;
use crate::time::Date;
use std::collections::BTreeMap;

/// How far from the top the report's own date may be (bytes of normalised text).
const NEAR_TOP: usize = 600;

/// The year most often stated; on a tie, the latest.
pub(crate) fn most_frequent_year(cands: &[Cand]) -> Option<i32> {
    let mut n: BTreeMap<i32, usize> = BTreeMap::new();
    for y in cands.iter().filter_map(|c| c.explicit_year) {
        *n.entry(y).or_default() += 1;
    }
    n.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(y, _)| y)
}

/// The report's own date: the first full date with its year near the top of the text.
pub(crate) fn own_date(cands: &[Cand]) -> Option<Date> {
    cands
        .iter()
        .filter(|c| c.start < NEAR_TOP && c.explicit_year.is_some() && c.pending.is_none())
        .find(|c| c.fact.kind == Kind::Date && c.fact.precision == Some(Precision::Day))
        .and_then(|c| match &c.fact.value {
            Some(Value::Date(d)) => d.parse().ok(),
            _ => None,
        })
}

/// Each organisation once, in order of first mention, with its mentions.
pub(crate) fn organizations(facts: &[Fact]) -> Vec<Organization> {
    let mut out = Vec::new();
    add_organizations(&mut out, &mut Map::default(), facts);
    out
}

/// Adds the organisations of `facts` to `out` (each once, in order of first mention, with
/// their mentions); `index` is where each name is in `out`.
pub(crate) fn add_organizations(
    out: &mut Vec<Organization>,
    index: &mut Map<String, usize>,
    facts: &[Fact],
) {
    for f in facts.iter().filter(|f| f.kind == Kind::Organization) {
        let Some(name) = &f.canonical else {
            continue;
        };
        match index.get(name) {
            Some(&i) => out[i].mentions += 1,
            None => {
                index.insert(name.clone(), out.len());
                out.push(Organization {
                    canonical: name.clone(),
                    mentions: 1,
                });
            }
        }
    }
}
