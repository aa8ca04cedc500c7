//! Dates and periods: numeric and written dates, months and years ([`date`]), periods
//! ([`period`]), times relative to the document's date ([`relative`]), holidays and lunar
//! dates ([`holiday`]). What the text leaves open (a missing year, "hôm qua") is left to
//! [`crate::time::pending`], which resolution completes.
//!
//! The patterns are regexes built from the words of `data/calendar_words.txt` and the month,
//! weekday, holiday and cycle lists; each is compiled the first time a text needs it.

pub(crate) mod date;
pub(crate) mod holiday;
pub(crate) mod period;
pub(crate) mod relative;

use super::{Cand, Ctx};
use crate::lexicon::{alternatives_of, Lexicon};
use crate::model::{Fact, Kind, Precision, Value};
use crate::recognize::Captures;
use crate::time::pending::{bounds, fill_years, iso, no_such_day, valid_day, Pending, Point};
use std::sync::LazyLock;

/// A word boundary before what follows, inside a pattern (regex's Unicode `\b` is slow on
/// Vietnamese text); at the head of a pattern, [`crate::recognize::bounded`] does it instead.
/// The class is outside `(?i)`: case folding a class of every letter costs compile time and
/// changes nothing but U+0345, a Greek combining mark.
pub(crate) const B: &str = r"(?:^|(?-i:[^\p{L}\p{N}]))";

/// Month: a number or a name ("tháng Bảy", "tháng Giêng").
pub(crate) static MONTHS: LazyLock<String> =
    LazyLock::new(|| format!(r"[0-9]{{1,2}}|{}", Lexicon::builtin().months.alternatives()));

/// The words of a role as a regex group's alternatives.
pub(crate) fn alt(role: &str) -> String {
    alternatives_of(&[role])
}

/// The month number of what a [`MONTHS`] group matched.
pub(crate) fn month_of(ctx: &Ctx, s: &str) -> Option<u32> {
    match s.parse::<u32>() {
        Ok(m) => (1..=12).contains(&m).then_some(m),
        Err(_) => ctx.w.get_str(&ctx.lex.months, s).copied(),
    }
}

/// A named group as a number.
pub(crate) fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

/// A digit, or a separator and a digit, at `pos`: the match would cut a number.
pub(crate) fn digit_after(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    match b.get(pos) {
        Some(c) if c.is_ascii_digit() => true,
        Some(b'/' | b'.' | b'-' | b',') => b.get(pos + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

/// A letter or digit right at `pos`.
pub(crate) fn alnum_after(text: &str, pos: usize) -> bool {
    crate::text::chars::alnum_at(&text[pos..])
}

/// A year as written: "2024", or "24" for 2024.
pub(crate) fn year_of(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    match s.len() {
        2 => Some(if y < 50 { 2000 + y } else { 1900 + y }),
        4 => Some(y),
        _ => None,
    }
}

/// A date candidate for a point; its year is completed later when missing.
pub(crate) fn point_cand(start: usize, end: usize, p: Point) -> Option<Cand> {
    if let Some(d) = p.day {
        if let Some(why) = no_such_day(p.year, p.month, d) {
            // A date the report gets wrong ("ngày 31/4/2024") stays a date, with no value and
            // the reason: never a count of its year.
            let mut f = Fact::new(Kind::Date);
            f.precision = Some(Precision::Day);
            f.value = Some(Value::Null);
            // The year is the text's when it gives one; none was inferred for a day no year has.
            f.year_inferred = p.year.map(|_| false);
            f.warning = Some(why);
            let mut c = Cand::new(start, end, f);
            c.explicit_year = p.year;
            return Some(c);
        }
    }
    match p.day {
        Some(d) if !valid_day(p.year, p.month, d) => return None,
        None if !(1..=12).contains(&p.month) => return None,
        _ => {}
    }
    let mut f = Fact::new(Kind::Date);
    f.precision = Some(if p.day.is_some() {
        Precision::Day
    } else {
        Precision::Month
    });
    let mut c = match p.year {
        Some(y) => {
            f.value = Some(Value::Date(iso(y, p.month, p.day)));
            f.year_inferred = Some(false);
            let mut c = Cand::new(start, end, f);
            c.explicit_year = Some(y);
            c
        }
        None => {
            let mut c = Cand::new(start, end, f);
            c.pending = Some(Pending::Point(p));
            c
        }
    };
    c.point = Some(p);
    Some(c)
}

/// A year-precision date ("năm 2024").
pub(crate) fn year_cand(start: usize, end: usize, y: i32) -> Cand {
    let mut f = Fact::new(Kind::Date);
    f.value = Some(Value::Date(format!("{y:04}")));
    f.precision = Some(Precision::Year);
    f.year_inferred = Some(false);
    let mut c = Cand::new(start, end, f);
    c.explicit_year = Some(y);
    c
}

/// A period candidate between two points; completed later when a year is missing.
pub(crate) fn range_cand(start: usize, end: usize, a: Point, b: Point, days: bool) -> Option<Cand> {
    let (a, b) = fill_years(a, b, None);
    let mut f = Fact::new(Kind::Period);
    if a.year.is_some() && b.year.is_some() {
        let (from, to) = bounds(a, b, days)?;
        f.from = Some(from);
        f.to = Some(to);
        f.year_inferred = Some(false);
        let mut c = Cand::new(start, end, f);
        c.explicit_year = b.year;
        Some(c)
    } else {
        let mut c = Cand::new(start, end, f);
        c.pending = Some(Pending::Range(a, b, days));
        Some(c)
    }
}

/// A period of whole years ("nhiệm kỳ 2020 – 2025").
pub(crate) fn years_cand(start: usize, end: usize, a: i32, b: i32) -> Cand {
    let mut f = Fact::new(Kind::Period);
    f.from = Some(format!("{a:04}"));
    f.to = Some(format!("{b:04}"));
    f.year_inferred = Some(false);
    let mut c = Cand::new(start, end, f);
    c.explicit_year = Some(b);
    c
}
