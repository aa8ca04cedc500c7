//! Dates and periods: "8/7/2024", "8-7-2024", "8.7.2024", "Chiều ngày 8/7/2024",
//! "ngày 8 tháng 7 năm 2024", "ngày QTPN 8/3" (the year from the reference year),
//! "tháng 7/2024", "năm 2024", and the periods "6 tháng đầu năm 2024", "6 tháng cuối năm",
//! "quý I/2024", "nhiệm kỳ 2020 – 2025".
//!
//! A day and month with no year ("8/3") is completed later from the reference year
//! ([`crate::resolve`]). "12/12 chi hội" is a ratio, not a date: a counted noun follows it.

use super::{prio, word_before, word_is, Cand, Ctx, YearLess};
use crate::fact::{Fact, Kind, Precision, Value};
use crate::lexicon::{function_words, COUNT_UNITS};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Days in a month (February has 29 when the year is unknown).
pub fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// Is day `d` of month `m` a real day (in year `y`, when known)?
pub fn valid_day(y: Option<i32>, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Is a bare "d/m" (no year, no "ngày" before) at `start..end` a date? Not when a counted
/// noun follows ("12/12 chi hội") or a word of achievement precedes ("đạt 3/5").
pub fn bare_day_month_is_date(text: &str, start: usize, end: usize, d: u32, m: u32) -> bool {
    if !valid_day(None, m, d) {
        return false;
    }
    if text.as_bytes().get(end) == Some(&b' ') && COUNT_UNITS.match_after(text, end + 1).is_some() {
        return false;
    }
    !word_is(text, word_before(text, start), function_words("ratio_cue"))
}

/// Is the pair of figures `i`, `i + 1` ("a/b") a date?
pub fn slash_pair_is_date(ctx: &Ctx, i: usize) -> bool {
    let (a, b) = (&ctx.figs[i], &ctx.figs[i + 1]);
    let (Some(d), Some(m)) = (a.value.to_i64(), b.value.to_i64()) else {
        return false;
    };
    if !a.plain || !b.plain || a.end - a.start > 2 || b.end - b.start > 2 {
        return false;
    }
    if word_is(
        ctx.text,
        word_before(ctx.text, a.start),
        function_words("date_cue"),
    ) {
        return valid_day(None, m as u32, d as u32);
    }
    bare_day_month_is_date(ctx.text, a.start, b.end, d as u32, m as u32)
}

/// `time_of_day` and `day` words of `data/function_words.txt` as regex alternatives.
fn alternatives(role: &str) -> String {
    let mut w: Vec<String> = function_words(role)
        .iter()
        .map(|w| regex::escape(w))
        .collect();
    w.sort_by_key(|w| std::cmp::Reverse(w.len()));
    w.join("|")
}

/// A word boundary before what follows (regex's Unicode `\b` is slow on Vietnamese text).
const B: &str = r"(?:^|[^\p{L}\p{N}])";

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    let (t, d) = (alternatives("time_of_day"), alternatives("day"));
    Regex::new(&format!(
        r"(?i)(?:{B}(?:(?P<tod>{t}) )?(?P<dw>{d}) |{B}(?P<tod2>{t}) )?(?P<d>\d{{1,2}})(?P<s1>[/.\-])(?P<m>\d{{1,2}})(?:(?P<s2>[/.\-])(?P<y>\d{{4}}|\d{{2}}))?"
    ))
    .unwrap()
});

static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let (t, d) = (alternatives("time_of_day"), alternatives("day"));
    Regex::new(&format!(
        r"(?i){B}(?:(?P<tod>{t}) )?(?P<dw>{d}) (?P<d>\d{{1,2}}) tháng (?P<m>\d{{1,2}})(?: ?,? ?(?:năm |/ ?)(?P<y>\d{{4}}))?"
    ))
    .unwrap()
});

static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}])(?P<all>tháng (?P<m>\d{1,2}) ?(?:/|năm ) ?(?P<y>\d{4}))")
        .unwrap()
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^\p{L}\p{N}])(?P<all>năm (?P<y>\d{4}))").unwrap());

static HALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}])(?P<all>(?P<n>\d{1,2}|ba|sáu|chín) tháng (?P<pos>đầu|cuối) năm(?: (?P<y>\d{4}))?)")
        .unwrap()
});

static TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}])(?P<all>(?:nhiệm kỳ|nhiệm kì|giai đoạn) (?P<a>\d{4}) ?- ?(?P<b>\d{4}))").unwrap()
});

static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\p{L}\p{N}])(?P<all>quý (?P<q>IV|III|II|I|[1-4]) ?(?:/|năm ) ?(?P<y>\d{4}))",
    )
    .unwrap()
});

fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

fn digit_before(text: &str, pos: usize) -> bool {
    text[..pos]
        .bytes()
        .next_back()
        .is_some_and(|b| b.is_ascii_digit() || b == b'/' || b == b',' || b == b'.')
}

fn digit_after(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    match b.get(pos) {
        Some(c) if c.is_ascii_digit() => true,
        Some(b'/' | b'.' | b'-' | b',') => b.get(pos + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

fn year_of(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    Some(if s.len() == 2 { 2000 + y } else { y })
}

/// A date candidate.
fn date_cand(start: usize, end: usize, y: Option<i32>, m: u32, d: Option<u32>) -> Option<Cand> {
    let mut f = Fact::new(Kind::Date);
    match d {
        Some(d) if !valid_day(y, m, d) => return None,
        None if !(1..=12).contains(&m) => return None,
        _ => {}
    }
    f.precision = Some(if d.is_some() {
        Precision::Day
    } else {
        Precision::Month
    });
    let mut c;
    match (y, d) {
        (Some(y), Some(d)) => {
            f.value = Some(Value::Date(format!("{y:04}-{m:02}-{d:02}")));
            f.year_inferred = Some(false);
            c = Cand::new(start, end, prio::DATE, f);
            c.explicit_year = Some(y);
        }
        (Some(y), None) => {
            f.value = Some(Value::Date(format!("{y:04}-{m:02}")));
            f.year_inferred = Some(false);
            c = Cand::new(start, end, prio::DATE, f);
            c.explicit_year = Some(y);
        }
        (None, Some(d)) => {
            c = Cand::new(start, end, prio::DATE, f);
            c.year_less = Some(YearLess::Day(m, d));
        }
        (None, None) => return None,
    }
    Some(c)
}

fn span_start(c: &Captures, first: &str) -> usize {
    c.name("tod")
        .or_else(|| c.name("tod2"))
        .or_else(|| c.name("dw"))
        .map_or_else(|| c.name(first).unwrap().start(), |m| m.start())
}

/// Proposes the dates and periods of the text.
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    for c in NUMERIC.captures_iter(text) {
        let dm = c.name("d").unwrap();
        let end = c.get(0).unwrap().end();
        if digit_before(text, dm.start()) || digit_after(text, end) {
            continue;
        }
        let (Some(d), Some(m)) = (num(&c, "d"), num(&c, "m")) else {
            continue;
        };
        let s1 = &c["s1"];
        let has_dw = c.name("dw").is_some() || c.name("tod2").is_some();
        let y = match (c.name("s2"), c.name("y")) {
            (Some(s2), Some(y)) if s2.as_str() == s1 => year_of(y.as_str()),
            (None, None) => None,
            _ => continue,
        };
        if y.is_none() {
            if s1 != "/" && !has_dw {
                continue;
            }
            if !has_dw && !bare_day_month_is_date(text, dm.start(), end, d, m) {
                continue;
            }
        }
        if y.is_some() && c["y"].len() == 2 && s1 != "/" {
            continue;
        }
        if let Some(cand) = date_cand(span_start(&c, "d"), end, y, m, Some(d)) {
            out.push(cand);
        }
    }
    for c in WORDS.captures_iter(text) {
        let end = c.get(0).unwrap().end();
        if digit_after(text, end) {
            continue;
        }
        let (Some(d), Some(m)) = (num(&c, "d"), num(&c, "m")) else {
            continue;
        };
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        let start = c.name("tod").or_else(|| c.name("dw")).unwrap().start();
        if let Some(cand) = date_cand(start, end, y, m, Some(d)) {
            out.push(cand);
        }
    }
    for c in MONTH.captures_iter(text) {
        let whole = c.name("all").unwrap();
        if digit_after(text, whole.end()) {
            continue;
        }
        let (Some(m), y) = (num(&c, "m"), c.name("y").and_then(|y| year_of(y.as_str()))) else {
            continue;
        };
        if let Some(cand) = date_cand(whole.start(), whole.end(), y, m, None) {
            out.push(cand);
        }
    }
    for c in YEAR.captures_iter(text) {
        let whole = c.name("all").unwrap();
        if digit_after(text, whole.end()) {
            continue;
        }
        let Some(y) = year_of(&c["y"]).filter(|y| (1900..=2100).contains(y)) else {
            continue;
        };
        let mut f = Fact::new(Kind::Date);
        f.value = Some(Value::Date(format!("{y:04}")));
        f.precision = Some(Precision::Year);
        f.year_inferred = Some(false);
        let mut cand = Cand::new(whole.start(), whole.end(), prio::DATE, f);
        cand.explicit_year = Some(y);
        out.push(cand);
    }
    for c in HALF.captures_iter(text) {
        let whole = c.name("all").unwrap();
        if digit_after(text, whole.end()) {
            continue;
        }
        let n = match c["n"].to_lowercase().as_str() {
            "ba" => 3,
            "sáu" => 6,
            "chín" => 9,
            s => s.parse().unwrap_or(0),
        };
        if !(1..=12).contains(&n) {
            continue;
        }
        let (a, b) = if c["pos"].to_lowercase() == "đầu" {
            (1, n)
        } else {
            (13 - n, 12)
        };
        let mut f = Fact::new(Kind::Period);
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        let mut cand;
        match y {
            Some(y) => {
                f.from = Some(format!("{y:04}-{a:02}-01"));
                f.to = Some(format!("{y:04}-{b:02}-{:02}", days_in_month(Some(y), b)));
                f.year_inferred = Some(false);
                cand = Cand::new(whole.start(), whole.end(), prio::PERIOD, f);
                cand.explicit_year = Some(y);
            }
            None => {
                cand = Cand::new(whole.start(), whole.end(), prio::PERIOD, f);
                cand.year_less = Some(YearLess::Months(a, b));
            }
        }
        out.push(cand);
    }
    for c in TERM.captures_iter(text) {
        let whole = c.name("all").unwrap();
        let (Some(a), Some(b)) = (year_of(&c["a"]), year_of(&c["b"])) else {
            continue;
        };
        if digit_after(text, whole.end()) || a > b {
            continue;
        }
        let mut f = Fact::new(Kind::Period);
        f.from = Some(format!("{a:04}"));
        f.to = Some(format!("{b:04}"));
        f.year_inferred = Some(false);
        out.push(Cand::new(whole.start(), whole.end(), prio::PERIOD, f));
    }
    for c in QUARTER.captures_iter(text) {
        let whole = c.name("all").unwrap();
        if digit_after(text, whole.end()) {
            continue;
        }
        let q = match c["q"].to_uppercase().as_str() {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            _ => 4,
        };
        let Some(y) = year_of(&c["y"]) else { continue };
        let (a, b) = (q * 3 - 2, q * 3);
        let mut f = Fact::new(Kind::Period);
        f.from = Some(format!("{y:04}-{a:02}-01"));
        f.to = Some(format!("{y:04}-{b:02}-{:02}", days_in_month(Some(y), b)));
        f.year_inferred = Some(false);
        let mut cand = Cand::new(whole.start(), whole.end(), prio::PERIOD, f);
        cand.explicit_year = Some(y);
        out.push(cand);
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_table;
    use crate::fact::Kind;

    const DATES: &[(&str, &[(&str, &str)])] = &[
        (
            "Chiều ngày\n8/7/2024, Hội",
            &[(
                "Chiều ngày\n8/7/2024",
                r#"{"value":"2024-07-08","precision":"day","year_inferred":false}"#,
            )],
        ),
        (
            "họp 08/07/2024 và 8-7-2024, 8.7.2024",
            &[
                ("08/07/2024", r#"{"value":"2024-07-08"}"#),
                ("8-7-2024", r#"{"value":"2024-07-08"}"#),
                ("8.7.2024", r#"{"value":"2024-07-08"}"#),
            ],
        ),
        (
            "ngày 8 tháng 7 năm 2024",
            &[("ngày 8 tháng 7 năm 2024", r#"{"value":"2024-07-08"}"#)],
        ),
        (
            "Ngày 8/7/2024. Nhân dịp ngày QTPN 8/3",
            &[
                ("Ngày 8/7/2024", r#"{"value":"2024-07-08"}"#),
                ("8/3", r#"{"value":"2024-03-08","year_inferred":true}"#),
            ],
        ),
        (
            "tháng 10/2023 và tháng 7 năm 2024",
            &[
                (
                    "tháng 10/2023",
                    r#"{"value":"2023-10","precision":"month"}"#,
                ),
                ("tháng 7 năm 2024", r#"{"value":"2024-07"}"#),
            ],
        ),
        (
            "trong năm 2024 đã",
            &[("năm 2024", r#"{"value":"2024","precision":"year"}"#)],
        ),
        ("ngày 30/2/2024 và 31/4", &[]),
        ("có 12/12 chi hội", &[]),
    ];

    const PERIODS: &[(&str, &[(&str, &str)])] = &[
        (
            "Sơ kết 6 tháng đầu năm 2024",
            &[(
                "6 tháng đầu năm 2024",
                r#"{"from":"2024-01-01","to":"2024-06-30","year_inferred":false}"#,
            )],
        ),
        (
            "nhiệm vụ 6 tháng cuối năm\n2024.",
            &[(
                "6 tháng cuối năm\n2024",
                r#"{"from":"2024-07-01","to":"2024-12-31"}"#,
            )],
        ),
        (
            "nhiệm kỳ 2020 – 2025",
            &[("nhiệm kỳ 2020 – 2025", r#"{"from":"2020","to":"2025"}"#)],
        ),
        (
            "quý I/2024 và quý 3 năm 2023",
            &[
                ("quý I/2024", r#"{"from":"2024-01-01","to":"2024-03-31"}"#),
                (
                    "quý 3 năm 2023",
                    r#"{"from":"2023-07-01","to":"2023-09-30"}"#,
                ),
            ],
        ),
        (
            "Năm 2023. Trong 9 tháng đầu năm, xã",
            &[(
                "9 tháng đầu năm",
                r#"{"from":"2023-01-01","to":"2023-09-30","year_inferred":true}"#,
            )],
        ),
    ];

    #[test]
    fn dates() {
        check_table(Kind::Date, DATES);
    }

    #[test]
    fn periods() {
        check_table(Kind::Period, PERIODS);
    }
}
