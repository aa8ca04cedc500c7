//! Resolution: picks among the recognisers' candidates, completes years, and maps every fact
//! back to the characters of the input.
//!
//! Overlaps are settled by priority (a date or period beats money, money beats a count), then
//! by length (the longer reading wins: "68 ngày công" is a count, not "68 ngày"), then by
//! position. The reference year is `--reference-year` when given, else the year of the
//! report's own date, else the most frequent year the text states.

use crate::calendar::{days_in_month, Date};
use crate::fact::{DocumentInfo, Fact, Kind, Organization, Precision, Relative, Value};
use crate::lexicon::SEASONS;
use crate::lunar::lunar_to_solar;
use crate::normalize::Normalized;
use crate::recognize::date::{iso, valid_day};
use crate::recognize::period::{bounds, fill_years, first_week};
use crate::recognize::relative::WEEKDAY_NAMES;
use crate::recognize::{Cand, Pending, Point};
use crate::Options;
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
fn own_date(cands: &[Cand]) -> Option<Date> {
    const NEAR_TOP: usize = 600;
    cands
        .iter()
        .filter(|c| c.start < NEAR_TOP && c.explicit_year.is_some() && c.pending.is_none())
        .find(|c| c.fact.kind == Kind::Date && c.fact.precision == Some(Precision::Day))
        .and_then(|c| match &c.fact.value {
            Some(Value::Date(d)) => d.parse().ok(),
            _ => None,
        })
}

/// Completes the dates and periods that wait for the reference year or the document's date.
/// Returns false when the fact does not exist after all (29/2 of a year with no such day).
fn complete(c: &mut Cand, doc: Option<Date>, year: Option<i32>) -> bool {
    let Some(pending) = c.pending.take() else {
        return true;
    };
    let f = &mut c.fact;
    match pending {
        Pending::Point(p) => match year {
            Some(y) => {
                if p.day.is_some_and(|d| !valid_day(Some(y), p.month, d)) {
                    return false;
                }
                f.value = Some(Value::Date(iso(y, p.month, p.day)));
                f.year_inferred = Some(true);
            }
            None => {
                f.value = Some(Value::Null);
                f.month_day = Some(match p.day {
                    Some(d) => format!("--{:02}-{d:02}", p.month),
                    None => format!("--{:02}", p.month),
                });
                f.year_inferred = Some(false);
            }
        },
        Pending::Range(a, b, days) => {
            let (a, b) = fill_years(a, b, year);
            match bounds(a, b, days) {
                Some((from, to)) => {
                    f.from = Some(from);
                    f.to = Some(to);
                    f.year_inferred = Some(true);
                }
                None if year.is_none() => {
                    let md = |p: Point, last: bool| match (p.day, days) {
                        (Some(d), _) => format!("--{:02}-{d:02}", p.month),
                        (None, true) => {
                            let d = if last {
                                days_in_month(None, p.month)
                            } else {
                                1
                            };
                            format!("--{:02}-{d:02}", p.month)
                        }
                        (None, false) => format!("--{:02}", p.month),
                    };
                    f.from = Some(md(a, false));
                    f.to = Some(md(b, true));
                    f.year_inferred = Some(false);
                }
                None => return false,
            }
        }
        Pending::Lunar {
            month,
            day,
            leap,
            year_offset,
            cycle,
        } => {
            let y = match (cycle, year) {
                (Some(idx), Some(r)) => Some(
                    (r - 30..r + 30)
                        .find(|y| (y - 4).rem_euclid(60) == idx)
                        .unwrap_or(r),
                ),
                (None, Some(r)) => Some(r + year_offset),
                _ => None,
            };
            let solar = y.and_then(|y| {
                lunar_to_solar(y, month, day, leap).or_else(|| {
                    (day == 30)
                        .then(|| lunar_to_solar(y, month, 29, leap))
                        .flatten()
                })
            });
            match solar {
                Some(d) => {
                    f.value = Some(Value::Date(d.iso()));
                    f.year_inferred = Some(cycle.is_none());
                    if let Some(l) = f.lunar.as_mut() {
                        l.year = y;
                    }
                }
                None if y.is_none() => {
                    f.value = Some(Value::Null);
                    f.year_inferred = Some(false);
                }
                None => return false,
            }
        }
        Pending::FirstWeek(m) => match year {
            Some(y) => {
                let (from, to) = first_week(y, m);
                f.from = Some(from.iso());
                f.to = Some(to.iso());
                f.year_inferred = Some(true);
            }
            None => return false,
        },
        Pending::Relative(r) => {
            f.year_inferred = Some(false);
            match doc.and_then(|d| relative(&r, d)) {
                Some(When::Day(d)) => {
                    f.value = Some(Value::Date(d.iso()));
                    f.precision = Some(Precision::Day);
                }
                Some(When::Month(d)) => {
                    f.value = Some(Value::Date(d.iso_month()));
                    f.precision = Some(Precision::Month);
                }
                Some(When::Year(y)) => {
                    f.value = Some(Value::Date(format!("{y:04}")));
                    f.precision = Some(Precision::Year);
                }
                Some(When::Span(from, to)) => {
                    f.from = Some(from);
                    f.to = Some(to);
                }
                None => {
                    if f.kind == Kind::Date {
                        f.value = Some(Value::Null);
                    }
                }
            }
        }
    }
    true
}

/// What a relative time comes to.
enum When {
    Day(Date),
    Month(Date),
    Year(i32),
    Span(String, String),
}

/// Resolves a relative time against the document's date `d`.
fn relative(r: &Relative, d: Date) -> Option<When> {
    let off = r.offset as i64;
    let count = r.count.map(|n| n as i64);
    let weekday = r
        .weekday
        .and_then(|w| WEEKDAY_NAMES.iter().position(|x| *x == w))
        .map(|w| w as i64);
    Some(match r.unit {
        "day" => match (weekday, count) {
            (Some(w), _) => {
                let today = d.weekday() as i64;
                let delta = match off {
                    o if o < 0 => -((today - w - 1).rem_euclid(7) + 1),
                    0 => (w - today).rem_euclid(7),
                    _ => (w - today - 1).rem_euclid(7) + 1,
                };
                When::Day(d.add_days(delta))
            }
            (None, Some(n)) => When::Span(d.add_days(off).iso(), d.add_days(off + n - 1).iso()),
            (None, None) => When::Day(d.add_days(off)),
        },
        "week" => {
            let monday = d.monday().add_days(7 * off);
            match (weekday, count) {
                (Some(w), _) => When::Day(monday.add_days(w)),
                (None, n) => {
                    When::Span(monday.iso(), monday.add_days(7 * n.unwrap_or(1) - 1).iso())
                }
            }
        }
        "month" => match (r.month, count) {
            (Some(m), _) => {
                let y = if off > 0 {
                    if m > d.month {
                        d.year
                    } else {
                        d.year + 1
                    }
                } else if m < d.month {
                    d.year
                } else {
                    d.year - 1
                };
                When::Month(Date {
                    year: y,
                    month: m,
                    day: 1,
                })
            }
            (None, Some(n)) => When::Span(
                Date::month_start(d.year, d.month, off).iso_month(),
                Date::month_start(d.year, d.month, off + n - 1).iso_month(),
            ),
            (None, None) => When::Month(Date::month_start(d.year, d.month, off)),
        },
        "quarter" => {
            let q0 = (d.month as i64 - 1) / 3 * 3;
            let n = count.unwrap_or(1);
            let from = Date::month_start(d.year, 1, q0 + 3 * off);
            let to = Date::month_start(d.year, 1, q0 + 3 * (off + n) - 1).month_end();
            When::Span(from.iso(), to.iso())
        }
        "year" => match count {
            Some(n) => When::Span(
                format!("{:04}", d.year as i64 + off),
                format!("{:04}", d.year as i64 + off + n - 1),
            ),
            None => When::Year(d.year + r.offset),
        },
        "season" => {
            let key = match r.season? {
                "spring" => "xuân",
                "summer" => "hè",
                "autumn" => "thu",
                _ => "đông",
            };
            let &((d1, m1), (d2, m2)) = SEASONS.get(key)?;
            let (y1, y2) = if m1 > m2 {
                // Winter runs over the new year: this winter began last December in its first months.
                if d.month <= m2 {
                    (d.year - 1, d.year)
                } else {
                    (d.year, d.year + 1)
                }
            } else {
                (d.year, d.year)
            };
            When::Span(Date::new(y1, m1, d1)?.iso(), Date::new(y2, m2, d2)?.iso())
        }
        _ => return None,
    })
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
pub fn resolve(input: &str, norm: &Normalized, cands: Vec<Cand>, options: &Options) -> Resolved {
    // Three layers that may nest: figures and dates; organisations and people; places (a
    // place may lie inside an organisation's name).
    let layer = |k: Kind| match k {
        Kind::Organization | Kind::Person => 1,
        Kind::Location => 2,
        _ => 0,
    };
    let mut layers: [Vec<Cand>; 3] = Default::default();
    for c in cands {
        layers[layer(c.fact.kind)].push(c);
    }
    let [figures, named, places] = layers;
    let places = choose(places);
    let mut named = choose(named);
    // A person's name inside a place's ("thành phố Hồ Chí Minh") is the place's.
    named.retain(|c| {
        let i = places.partition_point(|p| p.end <= c.start);
        c.fact.kind != Kind::Person || places.get(i).is_none_or(|p| p.start >= c.end)
    });
    let mut chosen = choose(figures);
    chosen.extend(named);
    chosen.extend(places);
    chosen.sort_by_key(|c| (c.start, c.end));
    let doc = options.document_date.or_else(|| own_date(&chosen));
    let year = options
        .reference_year
        .or(doc.map(|d| d.year))
        .or_else(|| most_frequent_year(&chosen));
    chosen.retain_mut(|c| complete(c, doc, year));
    let kinds = options.kinds.as_deref();

    // Each organisation once, in order of first mention.
    let mut organizations: Vec<Organization> = Vec::new();
    for c in chosen.iter().filter(|c| c.fact.kind == Kind::Organization) {
        let Some(name) = &c.fact.canonical else {
            continue;
        };
        match organizations.iter_mut().find(|o| &o.canonical == name) {
            Some(o) => o.mentions += 1,
            None => organizations.push(Organization {
                canonical: name.clone(),
                mentions: 1,
            }),
        }
    }

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
        let mut f = *c.fact;
        f.text = text.to_owned();
        f.start = chars;
        f.end = chars + text.chars().count();
        f.line = line;
        facts.push(f);
    }
    Resolved {
        info: DocumentInfo {
            title,
            date: doc.map(|d| d.iso()),
            reference_year: year,
            organizations,
        },
        facts,
        warnings,
    }
}
