//! Dates: "8/7/2024", "08/07/2024", "8-7-2024", "8.7.2024", "Chiều ngày 8/7/2024",
//! "ngày 8 tháng 7 năm 2024", "mồng 2 tháng 9", "ngày QTPN 8/3" (the year from the reference
//! year), "ngày 8 và 9/7/2024" (two dates), "tháng 7/2024", "tháng 9.2023", "tháng Bảy năm
//! 2024", "tháng 6",
//! "năm 2024", "ngày đầu tiên của tháng 3", and a time or a weekday beside a date
//! ("lúc 14 giờ 30 ngày 8/7" → time "14:30"; "thứ Hai, ngày 8/7/2024").
//!
//! A day and month that do not exist (31/2) are not dates; "12/12 chi hội" is a ratio, not a
//! date: a counted noun follows it. Periods are in [`super::period`], relative dates in
//! [`super::relative`], holidays and lunar dates in [`super::holiday`].

use super::{alt, digit_after, month_of, num, point_cand, year_cand, year_of, B, MONTHS};
use crate::lexicon::Lexicon;
use crate::lexicon::{role, Role};
use crate::model::{Fact, Kind, Precision};
use crate::recognize::Captures;
use crate::recognize::Regex;
use crate::recognize::{bounded, matches, needs, word_before, Cand, Ctx, Gated};
use crate::time::days_in_month;
use crate::time::pending::{valid_day, Point};
use std::sync::LazyLock;

/// Is a bare "d/m" (no year, no "ngày" before) at `start..end` a date? Not when a counted
/// noun follows ("12/12 chi hội") or a word of achievement precedes ("đạt 3/5").
pub(crate) fn bare_day_month_is_date(ctx: &Ctx, start: usize, end: usize, d: u32, m: u32) -> bool {
    let text = ctx.text;
    if !valid_day(None, m, d) {
        return false;
    }
    if text.as_bytes().get(end) == Some(&b' ')
        && ctx.w.after(&ctx.lex.count_units, end + 1).is_some()
    {
        return false;
    }
    !ctx.word_is(word_before(text, start), role!("ratio_cue"))
}

/// "Ngày thành lập Hội LHPN Việt Nam (20-10)": a day and month alone in brackets, after a
/// phrase of the same clause that opens with the day word, is that day's date, whatever the
/// separator.
fn named_day_in_brackets(ctx: &Ctx, start: usize, end: usize) -> bool {
    let text = ctx.text;
    let (Some(before), Some(b')')) = (
        text[..start].strip_suffix('('),
        text.as_bytes().get(end).copied(),
    ) else {
        return false;
    };
    // The words run back one space apart: punctuation ends the clause.
    let mut pos = before.len();
    for _ in 0..10 {
        let Some(w) = word_before(text, pos) else {
            return false;
        };
        if ctx.word_is(Some(w), role!("day")) {
            return true;
        }
        pos = w.0;
    }
    false
}

/// Is the pair of figures `i`, `i + 1` ("a/b") a date?
pub(crate) fn slash_pair_is_date(ctx: &Ctx, i: usize) -> bool {
    let (a, b) = (&ctx.figs[i], &ctx.figs[i + 1]);
    let (Some(d), Some(m)) = (a.value.to_i64(), b.value.to_i64()) else {
        return false;
    };
    if !a.plain || !b.plain || a.end - a.start > 2 || b.end - b.start > 2 {
        return false;
    }
    if ctx.word_is(word_before(ctx.text, a.start), role!("date_cue")) {
        return valid_day(None, m as u32, d as u32);
    }
    bare_day_month_is_date(ctx, a.start, b.end, d as u32, m as u32)
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    let (t, d, p) = (alt("time_of_day"), alt("day"), alt("day_prefix"));
    Regex::new(&format!(
        r"(?i)(?:{B}(?:(?P<tod>{t}) )?(?P<dw>{d}) (?:(?P<dw2>{p}) )?|{B}(?P<tod2>{t}) )?(?P<d>[0-9]{{1,2}})(?P<s1>[/.\-])(?P<m>[0-9]{{1,2}})(?:(?P<s2>[/.\-])(?P<y>[0-9]{{4}}|[0-9]{{2}}))?"
    ))
    .unwrap()
});

static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let (t, d, p) = (alt("time_of_day"), alt("day"), alt("day_prefix"));
    let (month, year) = (alt("month_word"), alt("year_word"));
    Regex::new(&format!(
        r"(?i)(?P<all>(?:(?P<tod>{t}) )?(?:(?P<dw>{d}) )?(?:(?P<dw2>{p}) )?(?P<d>[0-9]{{1,2}}) (?:{month}) (?P<m>{m})(?: ?,? ?(?:(?:{year}) |/ ?)(?P<y>[0-9]{{4}}))?)",
        m = *MONTHS
    ))
    .unwrap()
});

static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let (month, year, of_year) = (alt("month_word"), alt("year_word"), alt("of_year"));
    Regex::new(&format!(
        r"(?i)(?P<all>(?:{month}) (?P<m>{m})(?:(?:\.|-)(?P<y2>[0-9]{{4}})|(?: ?(?:/|(?:{year}) |(?:{of_year}) ) ?(?P<y>[0-9]{{4}})))?)",
        m = *MONTHS
    ))
    .unwrap()
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let year = alt("year_word");
    Regex::new(&format!(r"(?i)(?P<all>(?:{year}) (?P<y>[0-9]{{4}}))")).unwrap()
});

static DAY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let (d, from, to, and) = (
        alt("day"),
        alt("open_from"),
        alt("dates_to"),
        alt("range_and"),
    );
    Regex::new(&format!(
        r"(?i)(?P<all>(?:(?P<from>{from}) )?(?:{d}) (?P<d1>[0-9]{{1,2}})(?P<sep> ?- ?| (?:{to}) | (?:{and}) |, )(?:(?:{d}) )?(?P<d2>[0-9]{{1,2}})(?P<s1>[/.\-])(?P<m>[0-9]{{1,2}})(?:(?P<s2>[/.\-])(?P<y>[0-9]{{4}}))?)"
    ))
    .unwrap()
});

pub(crate) static FIRST_DAY: Gated = Gated::new(
    || needs(&["first_day", "last_day"]),
    || {
        let (day, first, last, of) = (
            alt("day_word"),
            alt("first_day"),
            alt("last_day"),
            alt("of"),
        );
        let (month, year) = (alt("month_word"), alt("year_word"));
        Regex::new(&format!(
        r"(?i)(?P<all>(?:{day}) (?P<which>{first}|{last}) (?:(?:{of}) )?(?:{month}) (?P<m>{m})(?:(?: (?:{of}))? (?:{year}) (?P<y>[0-9]{{4}}))?)",
        m = *MONTHS
    ))
    .unwrap()
    },
);

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    let t = alt("time_of_day");
    let (pre, at, minute) = (alt("at_time_prefix"), alt("at_time"), alt("minute"));
    let hours: Vec<String> = crate::lexicon::words("hour")
        .iter()
        .map(|h| format!(" ?{} ?", regex::escape(h)))
        .collect();
    Regex::new(&format!(
        r"(?i)(?P<all>(?:(?:(?:{pre}) )?(?:{at}) )?(?P<h>[0-9]{{1,2}})(?:{hours}|:)(?P<mi>[0-9]{{2}})?(?: ?(?:{minute}))?(?: (?P<pod>{t}))?)",
        hours = hours.join("|")
    ))
    .unwrap()
});

static WEEKDAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?P<all>(?:{}),? )$",
        Lexicon::builtin().weekdays.alternatives()
    ))
    .unwrap()
});

fn digit_before(text: &str, pos: usize) -> bool {
    text[..pos]
        .bytes()
        .next_back()
        .is_some_and(|b| b.is_ascii_digit() || b == b'/' || b == b',' || b == b'.')
}

fn span_start(c: &Captures, first: &str) -> usize {
    c.name("tod")
        .or_else(|| c.name("tod2"))
        .or_else(|| c.name("dw"))
        .or_else(|| c.name("dw2"))
        .or_else(|| c.name(first))
        .map_or(0, |m| m.start())
}

fn part_of_day(c: &Captures, f: &mut Fact) {
    if let Some(t) = c.name("tod").or_else(|| c.name("tod2")) {
        f.part_of_day = Some(t.as_str().to_lowercase());
    }
}

fn numeric(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    // Most matches are parts of longer figures ("15.500.000"): turned down from their ends
    // alone (a digit before a match that opens with its day, or a digit after it).
    let part_of_figure = |s: usize, e: usize| {
        (text.as_bytes()[s].is_ascii_digit() && digit_before(text, s)) || digit_after(text, e)
    };
    for c in matches(&NUMERIC, text, false, |s, e| !part_of_figure(s, e)) {
        let (Some(dm), Some(all)) = (c.name("d"), c.get(0)) else {
            continue;
        };
        let end = all.end();
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
            let named = !has_dw && named_day_in_brackets(ctx, dm.start(), end);
            if s1 != "/" && !has_dw && !named {
                continue;
            }
            if !has_dw && !named && !bare_day_month_is_date(ctx, dm.start(), end, d, m) {
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

fn words(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    // `all` is the whole match: one that runs into a figure is passed over unread.
    for c in matches(&WORDS, text, true, |_, e| !digit_after(text, e)) {
        let Some(all) = c.name("all") else { continue };
        if digit_after(text, all.end()) {
            continue;
        }
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        // "12 tháng 10" with no "ngày" is a date only with its year ("12 tháng 10 năm 2017").
        if c.name("dw").is_none() && c.name("dw2").is_none() && y.is_none() {
            continue;
        }
        let (Some(d), Some(m)) = (num(&c, "d"), month_of(ctx, &c["m"])) else {
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

fn months(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    // `all` is the whole match: one that runs into a figure is passed over unread.
    for c in matches(&MONTH, text, true, |_, e| !digit_after(text, e)) {
        let Some(all) = c.name("all") else { continue };
        if digit_after(text, all.end()) {
            continue;
        }
        let Some(m) = month_of(ctx, &c["m"]) else {
            continue;
        };
        // ("tháng 9.2023", "tháng 9-2023": the year after a dot or a dash.)
        let y = c
            .name("y")
            .or_else(|| c.name("y2"))
            .and_then(|y| year_of(y.as_str()));
        if y.is_none() {
            // A bare "tháng 7": not after a figure ("6 tháng 7 ngày"), not "tháng năm" / "tháng
            // một" (months and years, one month), and not a word glued on.
            let word = &c["m"];
            let before_figure = text[..all.start()]
                .trim_end()
                .bytes()
                .next_back()
                .is_some_and(|b| b.is_ascii_digit());
            let in_name = word.parse::<u32>().is_err()
                && ctx.words(role!("not_month")).iter().any(|w| {
                    crate::text::chars::ends_with_ci(text[..all.start()].trim_end(), w).is_some()
                });
            if before_figure || in_name || ctx.is_role(word, role!("not_bare_month")) {
                continue;
            }
            if super::alnum_after(text, all.end()) {
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

fn years(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    // `all` is the whole match: one that runs into a figure is passed over unread.
    for c in matches(&YEAR, text, true, |_, e| !digit_after(text, e)) {
        let Some(all) = c.name("all") else { continue };
        if digit_after(text, all.end()) {
            continue;
        }
        let Some(y) = year_of(&c["y"]).filter(|y| (1900..=2100).contains(y)) else {
            continue;
        };
        out.push(year_cand(all.start(), all.end(), y));
    }
}

/// "Xuân Ất Tỵ 2025", "Tết Giáp Thìn 2024": a year after its own name in the sixty-year cycle
/// (the name and the number agree) is a year, read from the figures (no pattern scan).
fn cycle_years(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    for (i, f) in ctx.figs.iter().enumerate() {
        if !ctx.usable(i) || !f.digits || f.end - f.start != 4 || digit_after(text, f.end) {
            continue;
        }
        let Some(y) = year_of(&text[f.start..f.end]).filter(|y| (1900..=2100).contains(y)) else {
            continue;
        };
        let Some(before) = text[..f.start].strip_suffix(' ') else {
            continue;
        };
        let mut words = before.rsplitn(3, ' ');
        let (Some(branch), Some(stem)) = (words.next(), words.next()) else {
            continue;
        };
        let name = format!("{stem} {branch}");
        if super::holiday::cycle_index(ctx.lex, &name) == Some((y - 4).rem_euclid(60)) {
            out.push(year_cand(f.start, f.end, y));
        }
    }
}

/// "ngày 8 và 9/7/2024": two dates; "ngày 8 - 9/7/2024", "từ ngày 8 đến 10/7": a period.
fn day_lists(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    let and = ctx.words(role!("range_and"));
    // `all` is the whole match: one that runs into a figure is passed over unread.
    for c in matches(&DAY_LIST, text, true, |_, e| !digit_after(text, e)) {
        let Some(all) = c.name("all") else { continue };
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
        let (Some(g1), Some(g2)) = (c.name("d1"), c.name("d2")) else {
            continue;
        };
        // "Trong 2 ngày 12 và 13/6": the "ngày" belongs to "2 ngày"; the dates start at "12".
        let after_figure = text[..all.start()]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
            && c.name("from").is_none();
        let first_start = if after_figure {
            g1.start()
        } else {
            all.start()
        };
        if and.contains(&sep) || sep == "," {
            if let (Some(a), Some(b)) = (
                point_cand(first_start, g1.end(), first),
                point_cand(g2.start(), all.end(), second),
            ) {
                out.push(a);
                out.push(b);
            }
        } else if d1 < d2 {
            out.extend(super::range_cand(
                first_start,
                all.end(),
                first,
                second,
                true,
            ));
        }
    }
}

fn first_days(ctx: &Ctx, out: &mut Vec<Cand>) {
    let _text = ctx.text;
    for c in FIRST_DAY.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        let Some(m) = month_of(ctx, &c["m"]) else {
            continue;
        };
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        let d = if ctx.is_role(&c["which"], role!("first_day")) {
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
fn clock(ctx: &Ctx, h: u32, mi: u32, pod: Option<&str>) -> Option<String> {
    let is = |role: Role| pod.is_some_and(|p| ctx.is_role(p, role));
    let h = if (is(role!("pm")) && h < 12) || (is(role!("night")) && (7..12).contains(&h)) {
        h + 12
    } else if is(role!("night")) && h == 12 {
        0
    } else if is(role!("noon")) && h < 3 {
        h + 12
    } else {
        h
    };
    (h < 24 && mi < 60).then(|| format!("{h:02}:{mi:02}"))
}

/// Adds a time or a weekday written beside a day-precision date to it.
fn attach_time_and_weekday(ctx: &Ctx, out: &mut [Cand]) {
    let text = ctx.text;
    let times: Vec<(usize, usize, String, Option<String>)> =
        matches(&TIME, text, true, |_, e| !super::alnum_after(text, e))
            .filter_map(|c| {
                let all = c.name("all")?;
                if super::alnum_after(text, all.end()) {
                    return None;
                }
                let pod = c.name("pod").map(|p| p.as_str());
                let t = clock(ctx, num(&c, "h")?, num(&c, "mi").unwrap_or(0), pod)?;
                Some((all.start(), all.end(), t, pod.map(str::to_lowercase)))
            })
            .collect();
    let (gap, gap_comma) = (
        ctx.words(role!("date_gap")),
        ctx.words(role!("date_gap_comma")),
    );
    let gap_ok = |g: &str| {
        matches!(g, "" | " " | ", ")
            || g.strip_prefix(' ')
                .and_then(|g| g.strip_suffix(' '))
                .is_some_and(|w| gap.contains(&w))
            || g.strip_prefix(", ")
                .and_then(|g| g.strip_suffix(' '))
                .is_some_and(|w| gap_comma.contains(&w))
    };
    for cand in out.iter_mut() {
        if cand.fact.kind != Kind::Date || cand.fact.precision != Some(Precision::Day) {
            continue;
        }
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
        if let Some(all) = bounded(&WEEKDAY_BEFORE, &text[..cand.start])
            .next()
            .and_then(|c| c.name("all"))
        {
            cand.start = all.start();
        }
    }
}

/// Proposes the dates of the text (and the periods of day lists), then the periods of
/// [`super::period`] that join them.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let mut dates = Vec::new();
    numeric(ctx, &mut dates);
    words(ctx, &mut dates);
    months(ctx, &mut dates);
    years(ctx, &mut dates);
    cycle_years(ctx, &mut dates);
    day_lists(ctx, &mut dates);
    first_days(ctx, &mut dates);
    attach_time_and_weekday(ctx, &mut dates);
    super::period::join_ranges(ctx, &dates, out);
    out.extend(dates);
}
