//! The document block: the report's own date, the reference year and its organisations.

use crate::lexicon::admin::key;
use crate::lexicon::hash::Map;
use crate::model::{DocumentPlace, Fact, Kind, Organization, Precision, Value};
use crate::recognize::Cand;
use crate::text::segments::OPENING;
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

/// Of places and their tiers, the first of the lowest tier.
fn lowest<'a>(places: impl Iterator<Item = &'a (&'a Cand, u8)>) -> Option<&'a Cand> {
    places.min_by_key(|(c, t)| (*t, c.start)).map(|(c, _)| *c)
}

/// The tier of a location fact on the official map: 0 a commune, 1 a district, 2 a province;
/// `None` for a village or hamlet, or a word both a province and a district have ("thành
/// phố") on a unit the gazetteer did not place.
fn tier(f: &Fact) -> Option<u8> {
    use crate::lexicon::admin::{admin_units, communes};
    let level = f.level.as_deref()?;
    let admin = admin_units();
    if !admin.is_upper_kind(level) {
        return communes().is_kind(level).then_some(0);
    }
    if f.code.is_some() {
        return Some(if f.province.is_some() { 1 } else { 2 });
    }
    match (admin.is_district_kind(level), admin.is_province_kind(level)) {
        (true, false) => Some(1),
        (false, true) => Some(2),
        _ => None,
    }
}

/// The report's own place (`document.place`): its lowest administrative unit the text makes
/// certain. The place in the letterhead's issuing body ("ỦY BAN NHÂN DÂN / XÃ AN THỊNH") comes
/// first, then the place the letterhead dates from ("An Thịnh, ngày …") when a unit of that
/// name is written; else the lowest tier of which the text names one unit only, first written
/// in its title or opening. The district and province come from the gazetteer when it places
/// the unit, else from the one district or province the text names.
pub(crate) fn own_place(
    chosen: &[Cand],
    text: &str,
    letterhead: Option<&crate::text::letterhead::Letterhead>,
    title_end: usize,
) -> Option<DocumentPlace> {
    let places: Vec<(&Cand, u8)> = chosen
        .iter()
        .filter(|c| c.fact.kind == Kind::Location && !c.block)
        .filter_map(|c| Some((c, tier(&c.fact)?)))
        .collect();
    let name_of = |c: &Cand| c.fact.name.clone().unwrap_or_default();
    // The names the text gives units of a tier, each once.
    let names_at = |tier: u8| {
        let mut names: Vec<String> = places
            .iter()
            .filter(|(_, t)| *t == tier)
            .map(|(c, _)| name_of(c))
            .collect();
        names.sort();
        names.dedup();
        names
    };
    let mut found = None;
    if let Some(lh) = letterhead {
        let in_agency = |c: &Cand| lh.agency.iter().any(|&(s, e)| c.start >= s && c.end <= e);
        found = lowest(places.iter().filter(|(c, _)| in_agency(c)))
            .or_else(|| {
                let (s, e) = lh.place?;
                // (Both spellings as the gazetteer compares names.)
                let dated = key(&text[s..e]);
                lowest(
                    places
                        .iter()
                        .filter(|(c, _)| c.fact.name.as_deref().map(key).as_ref() == Some(&dated)),
                )
            })
            .map(|c| (c, "letterhead"));
    }
    if found.is_none() {
        for t in 0..=2u8 {
            match names_at(t).len() {
                0 => continue,
                1 => {
                    let first = places.iter().find(|(_, tt)| *tt == t).map(|(c, _)| *c)?;
                    let how = if first.start < title_end {
                        "title"
                    } else {
                        "opening"
                    };
                    found = (first.start < OPENING).then_some((first, how));
                }
                _ => {}
            }
            break;
        }
    }
    let (c, how) = found?;
    let f = &c.fact;
    let t = tier(f)?;
    // The one unit of a higher tier the text names, when the gazetteer did not place this one.
    let only = |tier: u8| match &names_at(tier)[..] {
        [one] => Some(one.clone()),
        _ => None,
    };
    let district = f
        .district
        .clone()
        .or_else(|| (t < 1 && f.code.is_none()).then(|| only(1)).flatten());
    let province = f
        .province
        .clone()
        .or_else(|| (t < 2 && f.code.is_none()).then(|| only(2)).flatten());
    Some(DocumentPlace {
        name: name_of(c),
        level: f.level.clone().unwrap_or_default(),
        district,
        province,
        code: f.code.clone(),
        current: f.current.clone(),
        found: how,
    })
}

/// The letterhead's parts (`document.letterhead`): the organisations read in its issuing
/// body's lines, its number and the place it dates from.
pub(crate) fn letterhead(
    lh: &crate::text::letterhead::Letterhead,
    chosen: &[Cand],
    text: &str,
) -> crate::model::Letterhead {
    let agency = chosen
        .iter()
        .filter(|c| c.fact.kind == Kind::Organization && !c.block)
        .filter(|c| lh.agency.iter().any(|&(s, e)| c.start >= s && c.end <= e))
        .filter_map(|c| c.fact.canonical.clone())
        .collect();
    let part =
        |r: Option<(usize, usize)>| r.map(|(s, e)| crate::text::chars::fold_spaces(&text[s..e]));
    crate::model::Letterhead {
        agency,
        number: part(lh.number),
        place: part(lh.place),
    }
}
