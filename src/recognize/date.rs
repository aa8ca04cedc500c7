//! Dates: "8/7/2024", "08/07/2024", "8-7-2024", "8.7.2024", "Chiều ngày 8/7/2024",
//! "ngày 8 tháng 7 năm 2024", "mồng 2 tháng 9", "ngày QTPN 8/3" (the year from the reference
//! year), "ngày 8 và 9/7/2024" (two dates), "tháng 7/2024", "tháng Bảy năm 2024", "tháng 6",
//! "năm 2024", "ngày đầu tiên của tháng 3", and a time or a weekday beside a date
//! ("lúc 14 giờ 30 ngày 8/7" → time "14:30"; "thứ Hai, ngày 8/7/2024").
//!
//! A day and month that do not exist (31/2) are not dates; "12/12 chi hội" is a ratio, not a
//! date: a counted noun follows it. Periods are in [`super::period`], relative dates in
//! [`super::relative`], holidays and lunar dates in [`super::holiday`].

use super::{prio, word_before, word_is, Cand, Ctx, Pending, Point};
use crate::calendar::{days_in_month, Date};
use crate::fact::{Fact, Kind, Precision, Value};
use crate::lexicon::{alternatives, function_words, COUNT_UNITS, MONTH_NAMES, WEEKDAYS};
use regex::{Captures, Regex};
use std::sync::LazyLock;

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

/// `role` words of `data/function_words.txt` as regex alternatives.
pub fn word_alternatives(role: &str) -> String {
    let mut w: Vec<String> = function_words(role)
        .iter()
        .map(|w| regex::escape(w))
        .collect();
    w.sort_by_key(|w| std::cmp::Reverse(w.len()));
    w.join("|")
}

/// A word boundary before what follows (regex's Unicode `\b` is slow on Vietnamese text).
pub const B: &str = r"(?:^|[^\p{L}\p{N}])";

/// Month: a number or a name ("tháng Bảy", "tháng Giêng").
pub static MONTHS: LazyLock<String> =
    LazyLock::new(|| format!(r"\d{{1,2}}|{}", alternatives(&MONTH_NAMES)));

/// The month number of what a `MONTHS` group matched.
pub fn month_of(s: &str) -> Option<u32> {
    match s.parse::<u32>() {
        Ok(m) => (1..=12).contains(&m).then_some(m),
        Err(_) => MONTH_NAMES.get(s).copied(),
    }
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    let (t, d) = (word_alternatives("time_of_day"), word_alternatives("day"));
    Regex::new(&format!(
        r"(?i)(?:{B}(?:(?P<tod>{t}) )?(?P<dw>{d}) (?:(?P<dw2>mùng|mồng) )?|{B}(?P<tod2>{t}) )?(?P<d>\d{{1,2}})(?P<s1>[/.\-])(?P<m>\d{{1,2}})(?:(?P<s2>[/.\-])(?P<y>\d{{4}}|\d{{2}}))?"
    ))
    .unwrap()
});

static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let (t, d) = (word_alternatives("time_of_day"), word_alternatives("day"));
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?:(?P<tod>{t}) )?(?:(?P<dw>{d}) )?(?:(?P<dw2>mùng|mồng) )?(?P<d>\d{{1,2}}) tháng (?P<m>{m})(?: ?,? ?(?:năm |/ ?)(?P<y>\d{{4}}))?)",
        m = *MONTHS
    ))
    .unwrap()
});

static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>tháng (?P<m>{m})(?: ?(?:/|năm |của năm ) ?(?P<y>\d{{4}}))?)",
        m = *MONTHS
    ))
    .unwrap()
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i){B}(?P<all>năm (?P<y>\d{{4}}))")).unwrap());

static DAY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let d = word_alternatives("day");
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?:(?P<from>từ) )?(?:{d}) (?P<d1>\d{{1,2}})(?P<sep> ?- ?| đến | tới | và |, )(?:(?:{d}) )?(?P<d2>\d{{1,2}})(?P<s1>[/.\-])(?P<m>\d{{1,2}})(?:(?P<s2>[/.\-])(?P<y>\d{{4}}))?)"
    ))
    .unwrap()
});

static FIRST_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>ngày (?P<which>đầu tiên|cuối cùng) (?:của )?tháng (?P<m>{m})(?:(?: của)? năm (?P<y>\d{{4}}))?)",
        m = *MONTHS
    ))
    .unwrap()
});

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    let t = word_alternatives("time_of_day");
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?:(?:vào )?(?:lúc|đúng) )?(?P<h>\d{{1,2}})(?: ?giờ ?| ?h ?| ?g ?|:)(?P<mi>\d{{2}})?(?: ?phút)?(?: (?P<pod>{t}))?)"
    ))
    .unwrap()
});

static WEEKDAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?:{}),? )$",
        alternatives(&WEEKDAYS)
    ))
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

/// A digit, or a separator and a digit, at `pos`: the match would cut a number.
pub fn digit_after(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    match b.get(pos) {
        Some(c) if c.is_ascii_digit() => true,
        Some(b'/' | b'.' | b'-' | b',') => b.get(pos + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

/// A year as written: "2024", or "24" for 2024.
pub fn year_of(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    match s.len() {
        2 => Some(if y < 50 { 2000 + y } else { 1900 + y }),
        4 => Some(y),
        _ => None,
    }
}

/// The ISO value of a complete point.
pub fn iso(y: i32, m: u32, d: Option<u32>) -> String {
    match d {
        Some(d) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("{y:04}-{m:02}"),
    }
}

/// A date candidate for a point; its year is completed later when missing.
pub fn point_cand(start: usize, end: usize, p: Point) -> Option<Cand> {
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
            let mut c = Cand::new(start, end, prio::DATE, f);
            c.explicit_year = Some(y);
            c
        }
        None => {
            let mut c = Cand::new(start, end, prio::DATE, f);
            c.pending = Some(Pending::Point(p));
            c
        }
    };
    c.point = Some(p);
    Some(c)
}

/// A year-precision date ("năm 2024").
pub fn year_cand(start: usize, end: usize, y: i32) -> Cand {
    let mut f = Fact::new(Kind::Date);
    f.value = Some(Value::Date(format!("{y:04}")));
    f.precision = Some(Precision::Year);
    f.year_inferred = Some(false);
    let mut c = Cand::new(start, end, prio::DATE, f);
    c.explicit_year = Some(y);
    c
}

fn span_start(c: &Captures, first: &str) -> usize {
    c.name("tod")
        .or_else(|| c.name("tod2"))
        .or_else(|| c.name("dw"))
        .or_else(|| c.name("dw2"))
        .map_or_else(|| c.name(first).unwrap().start(), |m| m.start())
}

fn part_of_day(c: &Captures, f: &mut Fact) {
    if let Some(t) = c.name("tod").or_else(|| c.name("tod2")) {
        f.part_of_day = Some(t.as_str().to_lowercase());
    }
}

fn numeric(text: &str, out: &mut Vec<Cand>) {
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
        let p = Point {
            year: y,
            month: m,
            day: Some(d),
        };
        if let Some(mut cand) = point_cand(span_start(&c, "d"), end, p) {
            part_of_day(&c, &mut cand.fact);
            out.push(cand);
        }
    }
}

fn words(text: &str, out: &mut Vec<Cand>) {
    for c in WORDS.captures_iter(text) {
        let all = c.name("all").unwrap();
        if digit_after(text, all.end()) {
            continue;
        }
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        // "12 tháng 10" with no "ngày" is a date only with its year ("12 tháng 10 năm 2017").
        if c.name("dw").is_none() && c.name("dw2").is_none() && y.is_none() {
            continue;
        }
        let (Some(d), Some(m)) = (num(&c, "d"), month_of(&c["m"])) else {
            continue;
        };
        let p = Point {
            year: y,
            month: m,
            day: Some(d),
        };
        if let Some(mut cand) = point_cand(all.start(), all.end(), p) {
            part_of_day(&c, &mut cand.fact);
            out.push(cand);
        }
    }
}

fn months(text: &str, out: &mut Vec<Cand>) {
    for c in MONTH.captures_iter(text) {
        let all = c.name("all").unwrap();
        if digit_after(text, all.end()) {
            continue;
        }
        let Some(m) = month_of(&c["m"]) else { continue };
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        if y.is_none() {
            // A bare "tháng 7": not after a figure ("6 tháng 7 ngày"), not "tháng năm" / "tháng
            // một" (months and years, one month), and not a word glued on.
            let word = c["m"].to_lowercase();
            let before_figure = text[..all.start()]
                .trim_end()
                .bytes()
                .next_back()
                .is_some_and(|b| b.is_ascii_digit());
            let in_name = word.parse::<u32>().is_err()
                && function_words("not_month")
                    .iter()
                    .any(|w| super::ends_with_ci(text[..all.start()].trim_end(), w).is_some());
            if before_figure || in_name || word == "năm" || word == "một" {
                continue;
            }
            if text[all.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
        }
        let p = Point {
            year: y,
            month: m,
            day: None,
        };
        if let Some(cand) = point_cand(all.start(), all.end(), p) {
            out.push(cand);
        }
    }
}

fn years(text: &str, out: &mut Vec<Cand>) {
    for c in YEAR.captures_iter(text) {
        let all = c.name("all").unwrap();
        if digit_after(text, all.end()) {
            continue;
        }
        let Some(y) = year_of(&c["y"]).filter(|y| (1900..=2100).contains(y)) else {
            continue;
        };
        out.push(year_cand(all.start(), all.end(), y));
    }
}

/// "ngày 8 và 9/7/2024": two dates; "ngày 8 - 9/7/2024", "từ ngày 8 đến 10/7": a period.
fn day_lists(text: &str, out: &mut Vec<Cand>) {
    for c in DAY_LIST.captures_iter(text) {
        let all = c.name("all").unwrap();
        if digit_after(text, all.end()) {
            continue;
        }
        let (Some(d1), Some(d2), Some(m)) = (num(&c, "d1"), num(&c, "d2"), num(&c, "m")) else {
            continue;
        };
        let y = match (c.name("s2"), c.name("y")) {
            (Some(s2), Some(y)) if s2.as_str() == &c["s1"] => year_of(y.as_str()),
            (None, None) => None,
            _ => continue,
        };
        let first = Point {
            year: y,
            month: m,
            day: Some(d1),
        };
        let second = Point {
            day: Some(d2),
            ..first
        };
        let sep = c["sep"].trim();
        // "Trong 2 ngày 12 và 13/6": the "ngày" belongs to "2 ngày"; the dates start at "12".
        let after_figure = text[..all.start()]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
            && c.name("from").is_none();
        let first_start = if after_figure {
            c.name("d1").unwrap().start()
        } else {
            all.start()
        };
        if sep == "và" || sep == "," {
            let first_end = c.name("d1").unwrap().end();
            let second_start = c.name("d2").unwrap().start();
            if let (Some(a), Some(b)) = (
                point_cand(first_start, first_end, first),
                point_cand(second_start, all.end(), second),
            ) {
                out.push(a);
                out.push(b);
            }
        } else if d1 < d2 {
            out.extend(super::period::range_cand(
                first_start,
                all.end(),
                first,
                second,
                true,
            ));
        }
    }
}

fn first_days(text: &str, out: &mut Vec<Cand>) {
    for c in FIRST_DAY.captures_iter(text) {
        let all = c.name("all").unwrap();
        let Some(m) = month_of(&c["m"]) else { continue };
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        let d = if c["which"].to_lowercase().starts_with("đầu") {
            1
        } else {
            match y {
                Some(y) => days_in_month(Some(y), m),
                None => continue,
            }
        };
        let p = Point {
            year: y,
            month: m,
            day: Some(d),
        };
        if let Some(cand) = point_cand(all.start(), all.end(), p) {
            out.push(cand);
        }
    }
}

/// 24-hour time from an hour, minutes and a part of the day.
fn clock(h: u32, mi: u32, pod: Option<&str>) -> Option<String> {
    let h = match pod.map(str::to_lowercase).as_deref() {
        Some("chiều" | "tối") if h < 12 => h + 12,
        Some("đêm") if (7..12).contains(&h) => h + 12,
        Some("đêm") if h == 12 => 0,
        Some("trưa") if h < 3 => h + 12,
        _ => h,
    };
    (h < 24 && mi < 60).then(|| format!("{h:02}:{mi:02}"))
}

/// Adds a time or a weekday written beside a day-precision date to it.
fn attach_time_and_weekday(text: &str, out: &mut [Cand]) {
    let times: Vec<(usize, usize, String, Option<String>)> = TIME
        .captures_iter(text)
        .filter_map(|c| {
            let all = c.name("all").unwrap();
            if text[all.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                return None;
            }
            let pod = c.name("pod").map(|p| p.as_str());
            let t = clock(num(&c, "h")?, num(&c, "mi").unwrap_or(0), pod)?;
            Some((all.start(), all.end(), t, pod.map(str::to_lowercase)))
        })
        .collect();
    for cand in out.iter_mut() {
        if cand.fact.kind != Kind::Date || cand.fact.precision != Some(Precision::Day) {
            continue;
        }
        let gap_ok = |g: &str| matches!(g, "" | " " | ", " | " ngày " | ", ngày " | " lúc ");
        for (s, e, t, pod) in &times {
            // Before the date, or ending inside its "chiều ngày" ("7:30 chiều ngày 20/4").
            let before = (*e <= cand.start && gap_ok(&text[*e..cand.start]))
                || (*s < cand.start && *e > cand.start && *e < cand.end);
            let after = *s >= cand.end && gap_ok(&text[cand.end..*s]);
            if before || after {
                if before {
                    cand.start = *s;
                } else {
                    cand.end = *e;
                }
                cand.fact.time = Some(t.clone());
                if pod.is_some() {
                    cand.fact.part_of_day = pod.clone();
                }
                break;
            }
        }
        if let Some(c) = WEEKDAY_BEFORE.captures(&text[..cand.start]) {
            cand.start = c.name("all").unwrap().start();
        }
    }
}

/// Proposes the dates of the text (and the periods of day lists), then the periods of
/// [`super::period`] that join them.
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    let mut dates = Vec::new();
    numeric(text, &mut dates);
    words(text, &mut dates);
    months(text, &mut dates);
    years(text, &mut dates);
    day_lists(text, &mut dates);
    first_days(text, &mut dates);
    attach_time_and_weekday(text, &mut dates);
    super::period::join_ranges(text, &dates, out);
    out.extend(dates);
}

/// The date a point stands for, when complete.
pub fn date_of(p: Point) -> Option<Date> {
    Date::new(p.year?, p.month, p.day?)
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
                r#"{"value":"2024-07-08","precision":"day","year_inferred":false,"part_of_day":"chiều"}"#,
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
                (
                    "ngày QTPN 8/3",
                    r#"{"value":"2024-03-08","year_inferred":true}"#,
                ),
            ],
        ),
        (
            "Năm 2024, vào ngày 8/3 và mùng 2 tháng 9",
            &[
                ("Năm 2024", r#"{"value":"2024","precision":"year"}"#),
                ("ngày 8/3", r#"{"value":"2024-03-08","year_inferred":true}"#),
                ("mùng 2 tháng 9", r#"{"value":"2024-09-02"}"#),
            ],
        ),
        (
            "Ngày 5/1/2024 họp; đêm 31/12 và mồng 2/9",
            &[
                ("Ngày 5/1/2024", r#"{"value":"2024-01-05"}"#),
                ("đêm 31/12", r#"{"value":"2024-12-31"}"#),
                ("mồng 2/9", r#"{"value":"2024-09-02"}"#),
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
            "tháng Bảy năm 2024, tháng Giêng",
            &[
                (
                    "tháng Bảy năm 2024",
                    r#"{"value":"2024-07","precision":"month"}"#,
                ),
                ("tháng Giêng", r#"{"value":"2024-01","year_inferred":true}"#),
            ],
        ),
        (
            "trong năm 2024 đã",
            &[("năm 2024", r#"{"value":"2024","precision":"year"}"#)],
        ),
        (
            "Đoàn đến ngày 8 và 9/7/2024",
            &[
                ("ngày 8", r#"{"value":"2024-07-08"}"#),
                ("9/7/2024", r#"{"value":"2024-07-09"}"#),
            ],
        ),
        (
            "lúc 14 giờ 30 ngày 8/7/2024",
            &[(
                "lúc 14 giờ 30 ngày 8/7/2024",
                r#"{"value":"2024-07-08","time":"14:30"}"#,
            )],
        ),
        (
            "7:30 chiều ngày 20/4/2017",
            &[(
                "7:30 chiều ngày 20/4/2017",
                r#"{"value":"2017-04-20","time":"19:30","part_of_day":"chiều"}"#,
            )],
        ),
        (
            "Thứ Hai, ngày 8/7/2024",
            &[("Thứ Hai, ngày 8/7/2024", r#"{"value":"2024-07-08"}"#)],
        ),
        (
            "ngày đầu tiên của tháng 3 năm 2024",
            &[(
                "ngày đầu tiên của tháng 3 năm 2024",
                r#"{"value":"2024-03-01"}"#,
            )],
        ),
        // Not dates: days that do not exist, ratios, counts of months.
        ("ngày 30/2/2024 và 31/4", &[]),
        ("có 12/12 chi hội", &[]),
        ("trong 6 tháng, 3/5 xã", &[]),
    ];

    #[test]
    fn dates() {
        check_table(Kind::Date, DATES);
    }
}
