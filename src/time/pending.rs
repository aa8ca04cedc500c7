//! Times the text gives only in part, and their completion once the document's date and the
//! reference year are known: a date without its year ("ngày 8/3"), a period between two such
//! dates, a lunar date, a time said relative to the document's date ("hôm qua", "tuần tới"),
//! the first week of a month.
//!
//! Recognisers make [`Pending`] values; resolution calls [`complete`] on each. Nothing here
//! reads text.

use super::calendar::{days_in_month, Date};
use super::lunar::lunar_to_solar;
use crate::model::{Fact, Kind, Precision, Relative, TimeUnit, Value};

/// A date as far as the text gives it: a year (or not), a month, a day (or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Point {
    /// The year, when written.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u32,
    /// Day, when written (month precision otherwise).
    pub day: Option<u32>,
}

/// A day of the year: (day, month).
pub(crate) type DayMonth = (u32, u32);

/// What is completed at resolution, once the document's date and the reference year are known.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pending {
    /// A date whose year is missing: it is the reference year's.
    Point(Point),
    /// A period between two points, either of which may lack its year; `days` reports the
    /// bounds as days (a point with no day then stands for its first or last day).
    Range(Point, Point, bool),
    /// A lunar date of the reference year.
    Lunar {
        /// Lunar month.
        month: u32,
        /// Lunar day.
        day: u32,
        /// Leap month.
        leap: bool,
        /// How many lunar years before the reference year ("30 Tết" is in the year before).
        year_offset: i32,
        /// The year's place in the sixty-year cycle when the text names it ("Giáp Thìn"):
        /// the year is the one of that name nearest the reference year.
        cycle: Option<i32>,
    },
    /// A lunar month of the reference year (or of the cycle's year nearest it): a period.
    LunarMonth {
        /// Lunar month.
        month: u32,
        /// Leap month.
        leap: bool,
        /// The year's place in the sixty-year cycle, when the text names it.
        cycle: Option<i32>,
    },
    /// Relative to the document's date; a season carries its first and last day.
    Relative(Relative, Option<(DayMonth, DayMonth)>),
    /// The first week of a month of the reference year.
    FirstWeek(u32),
}

/// Is day `d` of month `m` a real day (in year `y`, when known)?
pub(crate) fn valid_day(y: Option<i32>, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Why day `d` of month `m` (of year `y`) does not exist, when it is in the range a date is
/// written in (day 1–31, month 1–12) but the month has no such day: "31/4", "29/2/2023".
pub(crate) fn no_such_day(y: Option<i32>, m: u32, d: u32) -> Option<String> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || valid_day(y, m, d) {
        return None;
    }
    let days = days_in_month(y, m);
    Some(match y {
        Some(y) if m == 2 => format!("no such day: February {y} has {days} days"),
        _ => format!("no such day: month {m} has {days} days"),
    })
}

/// The ISO value of a complete point.
pub(crate) fn iso(y: i32, m: u32, d: Option<u32>) -> String {
    match d {
        Some(d) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("{y:04}-{m:02}"),
    }
}

/// Fills the missing year of one end of a range from the other ("từ 1/1 đến 30/6/2024").
pub(crate) fn fill_years(mut a: Point, mut b: Point, year: Option<i32>) -> (Point, Point) {
    let order =
        |p: &Point, q: &Point| (p.month, p.day.unwrap_or(0)) > (q.month, q.day.unwrap_or(32));
    match (a.year, b.year) {
        (None, Some(yb)) => a.year = Some(if order(&a, &b) { yb - 1 } else { yb }),
        (Some(ya), None) => b.year = Some(if order(&a, &b) { ya + 1 } else { ya }),
        (None, None) => {
            if let Some(y) = year {
                a.year = Some(y);
                b.year = Some(if order(&a, &b) { y + 1 } else { y });
            }
        }
        _ => {}
    }
    (a, b)
}

/// The ISO bounds of a range whose years are known: days, or months.
pub(crate) fn bounds(a: Point, b: Point, days: bool) -> Option<(String, String)> {
    let (ya, yb) = (a.year?, b.year?);
    if days {
        let from = Date::new(ya, a.month, a.day.unwrap_or(1))?;
        let to = Date::new(
            yb,
            b.month,
            b.day.unwrap_or(days_in_month(Some(yb), b.month)),
        )?;
        (from <= to).then(|| (from.iso(), to.iso()))
    } else {
        ((ya, a.month) <= (yb, b.month)).then(|| (iso(ya, a.month, None), iso(yb, b.month, None)))
    }
}

/// The first week of a month: from its first Monday to the Sunday after.
pub(crate) fn first_week(y: i32, m: u32) -> (Date, Date) {
    let first = Date {
        year: y,
        month: m,
        day: 1,
    };
    let monday = first.add_days(((7 - first.weekday()) % 7) as i64);
    (monday, monday.add_days(6))
}

/// The solar days of a lunar month: its first and last.
pub(crate) fn lunar_month_bounds(y: i32, month: u32, leap: bool) -> Option<(String, String)> {
    let first = lunar_day(y, month, 1, leap)?;
    let last = lunar_day(y, month, 30, leap)?;
    Some((first.iso(), last.iso()))
}

/// The year of a lunar date or month: of the cycle's place `cycle` nearest the reference year,
/// else the reference year moved by `offset` lunar years.
fn lunar_year(cycle: Option<i32>, year: Option<i32>, offset: i32) -> Option<i32> {
    let r = year?;
    Some(match cycle {
        Some(idx) => (r - 30..r + 30)
            .find(|y| (y - 4).rem_euclid(60) == idx)
            .unwrap_or(r),
        None => r + offset,
    })
}

/// The solar date of a lunar one; day 30 of a 29-day month is its last day.
pub(crate) fn lunar_day(y: i32, month: u32, day: u32, leap: bool) -> Option<Date> {
    lunar_to_solar(y, month, day, leap).or_else(|| {
        (day == 30)
            .then(|| lunar_to_solar(y, month, 29, leap))
            .flatten()
    })
}

/// Completes a fact that waits for the reference year or the document's date. Returns false
/// when the fact does not exist after all (29/2 of a year with no such day).
pub(crate) fn complete(
    pending: Pending,
    f: &mut Fact,
    doc: Option<Date>,
    year: Option<i32>,
) -> bool {
    match pending {
        Pending::Point(p) => match year {
            Some(y) => {
                if let Some(why) = p.day.and_then(|d| no_such_day(Some(y), p.month, d)) {
                    // Kept as what the report says, with no value and the reason.
                    f.value = Some(Value::Null);
                    f.year_inferred = Some(true);
                    f.warning = Some(why);
                    return true;
                }
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
            let y = lunar_year(cycle, year, year_offset);
            match y.and_then(|y| lunar_day(y, month, day, leap)) {
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
        Pending::LunarMonth { month, leap, cycle } => match lunar_year(cycle, year, 0) {
            Some(y) => {
                let Some((from, to)) = lunar_month_bounds(y, month, leap) else {
                    return false;
                };
                f.from = Some(from);
                f.to = Some(to);
                f.year_inferred = Some(cycle.is_none());
                if let Some(l) = f.lunar.as_mut() {
                    l.year = Some(y);
                }
            }
            None => f.year_inferred = Some(false),
        },
        Pending::FirstWeek(m) => match year {
            Some(y) => {
                let (from, to) = first_week(y, m);
                f.from = Some(from.iso());
                f.to = Some(to.iso());
                f.year_inferred = Some(true);
            }
            None => return false,
        },
        Pending::Relative(r, span) => {
            // A duration ("5 năm qua") gets its bounds; it has no year to be inferred.
            if f.kind != Kind::Duration {
                f.year_inferred = Some(false);
            }
            match doc.and_then(|d| relative(&r, span, d)) {
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
fn relative(r: &Relative, span: Option<(DayMonth, DayMonth)>, d: Date) -> Option<When> {
    let off = r.offset as i64;
    let count = r.count.map(|n| n as i64);
    let weekday = r.weekday.map(|w| w.index() as i64);
    Some(match r.unit {
        TimeUnit::Day => match (weekday, count) {
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
        TimeUnit::Week => {
            let monday = d.monday().add_days(7 * off);
            match (weekday, count) {
                (Some(w), _) => When::Day(monday.add_days(w)),
                (None, n) => {
                    When::Span(monday.iso(), monday.add_days(7 * n.unwrap_or(1) - 1).iso())
                }
            }
        }
        TimeUnit::Month => match (r.month, count) {
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
        TimeUnit::Quarter => {
            let q0 = (d.month as i64 - 1) / 3 * 3;
            let n = count.unwrap_or(1);
            let from = Date::month_start(d.year, 1, q0 + 3 * off);
            let to = Date::month_start(d.year, 1, q0 + 3 * (off + n) - 1).month_end();
            When::Span(from.iso(), to.iso())
        }
        TimeUnit::Year => match count {
            Some(n) => When::Span(
                format!("{:04}", d.year as i64 + off),
                format!("{:04}", d.year as i64 + off + n - 1),
            ),
            None => When::Year(d.year + r.offset),
        },
        TimeUnit::Season => {
            let ((d1, m1), (d2, m2)) = span?;
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(year: Option<i32>, month: u32, day: Option<u32>) -> Point {
        Point { year, month, day }
    }

    #[test]
    fn ranges_take_the_year_of_the_other_end() {
        let (a, b) = fill_years(p(None, 10, Some(1)), p(Some(2024), 3, Some(31)), None);
        assert_eq!((a.year, b.year), (Some(2023), Some(2024)));
        assert_eq!(
            bounds(p(Some(2024), 1, Some(1)), p(Some(2024), 6, None), true),
            Some(("2024-01-01".into(), "2024-06-30".into()))
        );
        assert_eq!(first_week(2017, 9).0.iso(), "2017-09-04");
    }

    #[test]
    fn completion_against_the_document_date() {
        let doc = Date::new(2017, 2, 2);
        let mut f = Fact::new(Kind::Date);
        let mut r = Relative::new(TimeUnit::Day, 1);
        r.weekday = Some(crate::model::Weekday::Friday);
        assert!(complete(Pending::Relative(r, None), &mut f, doc, None));
        assert_eq!(f.value, Some(Value::Date("2017-02-03".into())));
        // A day the month does not have is kept, with no value and the reason.
        let mut f = Fact::new(Kind::Date);
        assert!(complete(
            Pending::Point(p(None, 2, Some(29))),
            &mut f,
            None,
            Some(2023)
        ));
        assert_eq!(f.value, Some(Value::Null));
        assert_eq!(
            f.warning.as_deref(),
            Some("no such day: February 2023 has 28 days")
        );
        let mut f = Fact::new(Kind::Date);
        assert!(complete(
            Pending::Point(p(None, 3, Some(8))),
            &mut f,
            None,
            None
        ));
        assert_eq!(f.month_day.as_deref(), Some("--03-08"));
    }
}
