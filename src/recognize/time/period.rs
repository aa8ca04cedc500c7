//! Periods: "6 tháng đầu năm 2024", "6 tháng cuối năm", "6 tháng năm 2024" (the first half),
//! "9 tháng đầu năm", "quý I/2024", "quý 2 năm 2024", "quý IV", "nhiệm kỳ 2020 – 2025",
//! "giai đoạn 2021-2025", "năm học 2023-2024" (September to May), "niên vụ 2023-2024",
//! "tuần đầu tiên của tháng 9", and two dates joined: "từ ngày 1/1 đến ngày 30/6/2024",
//! "từ 1/1/2024 đến 31/12/2024", "ngày 8 - 9/7/2024", "từ tháng 3 đến tháng 5 năm 2024",
//! "từ năm 2020 đến năm 2025".

use super::{alnum_after, alt, digit_after, month_of, range_cand, year_of, years_cand, MONTHS};
use crate::lexicon::role;
use crate::model::{Fact, Kind, Precision};
use crate::recognize::Regex;
use crate::recognize::{bounded, needs, Cand, Ctx, Gated};
use crate::text::chars::{ends_with_ci, is_one_of};
use crate::time::pending::{first_week, Pending, Point};
use std::sync::LazyLock;

static HALF: LazyLock<Regex> = LazyLock::new(|| {
    let (n, first, last) = (alt("half_count"), alt("half_first"), alt("half_last"));
    let (month, year) = (alt("month_word"), alt("year_word"));
    Regex::new(&format!(
        r"(?i)(?P<all>(?P<n>[0-9]{{1,2}}|{n}) (?:{month}) (?:(?P<pos>{first}|{last}) )?(?:{year})(?: (?P<y>[0-9]{{4}}))?)"
    ))
    .unwrap()
});

pub(crate) static TERM: Gated = Gated::new(
    || needs(&["term", "school_year"]),
    || {
        Regex::new(&format!(
            r"(?i)(?P<all>(?P<w>{}) (?P<a>[0-9]{{4}}) ?- ?(?P<b>[0-9]{{4}}))",
            crate::lexicon::alternatives_of(&["term", "school_year"])
        ))
        .unwrap()
    },
);

/// The words that may follow "quý", each with its quarter.
fn quarter_numbers() -> Vec<(&'static str, u32)> {
    let mut v: Vec<(&'static str, u32)> = (1..=4)
        .flat_map(|q| {
            crate::lexicon::words(["quarter_1", "quarter_2", "quarter_3", "quarter_4"][q - 1])
                .iter()
                .map(move |w| (*w, q as u32))
        })
        .collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    v
}

pub(crate) static QUARTER: Gated = Gated::new(
    || needs(&["quarter"]),
    || {
        let numbers: Vec<String> = quarter_numbers()
            .iter()
            .map(|(w, _)| regex::escape(w))
            .collect();
        let (quarter, year, of_year) = (alt("quarter"), alt("year_word"), alt("of_year"));
        Regex::new(&format!(
        r"(?i)(?P<all>(?:{quarter}) (?P<q>{})(?: ?(?:/|(?:{year}) |(?:{of_year}) ) ?(?P<y>[0-9]{{4}}))?)",
        numbers.join("|")
    ))
    .unwrap()
    },
);

pub(crate) static FIRST_WEEK: Gated = Gated::new(
    || needs(&["first_week"]),
    || {
        let (week, first, of) = (alt("week_word"), alt("first_week"), alt("of"));
        let (month, year) = (alt("month_word"), alt("year_word"));
        Regex::new(&format!(
        r"(?i)(?P<all>(?:{week}) (?:{first}) (?:(?:{of}) )?(?:{month}) (?P<m>{m})(?:(?: (?:{of}))? (?:{year}) (?P<y>[0-9]{{4}}))?)",
        m = *MONTHS
    ))
    .unwrap()
    },
);

/// The periods this module reads on its own.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    for c in bounded(&HALF, text) {
        let Some(all) = c.name("all") else { continue };
        if digit_after(text, all.end()) {
            continue;
        }
        let n = c["n"]
            .parse::<u32>()
            .ok()
            .or_else(|| {
                crate::parse_number(&c["n"])
                    .and_then(|v| v.to_i64())
                    .map(|v| v as u32)
            })
            .unwrap_or(0);
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        // "6 tháng năm 2024" is the first half; "6 tháng năm" alone says nothing.
        if !(1..=12).contains(&n) || (c.name("pos").is_none() && y.is_none()) {
            continue;
        }
        let last = c
            .name("pos")
            .is_some_and(|p| ctx.is_role(p.as_str(), role!("half_last")));
        let (ma, mb) = if last { (13 - n, 12) } else { (1, n) };
        let a = Point {
            year: y,
            month: ma,
            day: Some(1),
        };
        let b = Point {
            year: y,
            month: mb,
            day: None,
        };
        out.extend(range_cand(all.start(), all.end(), a, b, true));
    }
    for c in TERM.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        let (Some(a), Some(b)) = (year_of(&c["a"]), year_of(&c["b"])) else {
            continue;
        };
        if digit_after(text, all.end()) || a >= b {
            continue;
        }
        if ctx.is_role(&c["w"], role!("school_year")) {
            // A school year runs from September to May.
            if b != a + 1 {
                continue;
            }
            let pa = Point {
                year: Some(a),
                month: 9,
                day: None,
            };
            let pb = Point {
                year: Some(b),
                month: 5,
                day: None,
            };
            out.extend(range_cand(all.start(), all.end(), pa, pb, false));
        } else {
            out.push(years_cand(all.start(), all.end(), a, b));
        }
    }
    let numbers = quarter_numbers();
    for c in QUARTER.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        if digit_after(text, all.end()) {
            continue;
        }
        let Some(q) = numbers
            .iter()
            .find(|(w, _)| is_one_of(&c["q"], &[&w.to_lowercase()]))
            .map(|(_, q)| *q)
        else {
            continue;
        };
        // "quý hai" and the like need no letter after ("Quý Mão" is a year's name).
        if alnum_after(text, all.end()) {
            continue;
        }
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        let a = Point {
            year: y,
            month: q * 3 - 2,
            day: Some(1),
        };
        let b = Point {
            year: y,
            month: q * 3,
            day: None,
        };
        out.extend(range_cand(all.start(), all.end(), a, b, true));
    }
    for c in FIRST_WEEK.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        let Some(m) = month_of(ctx, &c["m"]) else {
            continue;
        };
        match c.name("y").and_then(|y| year_of(y.as_str())) {
            Some(y) => {
                let (from, to) = first_week(y, m);
                let mut f = Fact::new(Kind::Period);
                f.from = Some(from.iso());
                f.to = Some(to.iso());
                f.year_inferred = Some(false);
                let mut cand = Cand::new(all.start(), all.end(), f);
                cand.explicit_year = Some(y);
                out.push(cand);
            }
            None => {
                let mut cand = Cand::new(all.start(), all.end(), Fact::new(Kind::Period));
                cand.pending = Some(Pending::FirstWeek(m));
                out.push(cand);
            }
        }
    }
}

/// Joins two dates into a period: "từ ngày 1/1 đến ngày 30/6/2024", "8/7 - 10/7/2024",
/// "từ tháng 3 đến tháng 5 năm 2024", "từ năm 2020 đến năm 2025".
pub(crate) fn join_ranges(ctx: &Ctx, dates: &[Cand], out: &mut Vec<Cand>) {
    let text = ctx.text;
    let mut joins: Vec<String> = Vec::new();
    for w in ctx.words(role!("join")) {
        if !w.chars().any(char::is_alphabetic) {
            joins.push((*w).to_owned());
        }
        joins.push(format!(" {w} "));
    }
    let from: Vec<String> = ctx
        .words(role!("open_from"))
        .iter()
        .map(|w| format!("{w} "))
        .collect();
    let mut sorted: Vec<&Cand> = dates.iter().filter(|c| c.fact.kind == Kind::Date).collect();
    sorted.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    for (i, a) in sorted.iter().enumerate() {
        // The next date that starts after this one ends.
        let Some(b) = sorted[i + 1..].iter().find(|b| b.start >= a.end) else {
            continue;
        };
        if b.start - a.end > 16 {
            continue;
        }
        let between = text[a.end..b.start].to_lowercase();
        if !joins.contains(&between) {
            continue;
        }
        let start = from
            .iter()
            .find_map(|f| ends_with_ci(&text[..a.start], f))
            .unwrap_or(a.start);
        if between.trim() == "-" && start == a.start && a.fact.precision != b.fact.precision {
            continue;
        }
        match (a.point, b.point) {
            (Some(pa), Some(pb)) => {
                let days = pa.day.is_some() || pb.day.is_some();
                out.extend(range_cand(start, b.end, pa, pb, days));
            }
            (None, None)
                if a.fact.precision == Some(Precision::Year)
                    && b.fact.precision == Some(Precision::Year) =>
            {
                if let (Some(ya), Some(yb)) = (a.explicit_year, b.explicit_year) {
                    if ya < yb {
                        out.push(years_cand(start, b.end, ya, yb));
                    }
                }
            }
            _ => {}
        }
    }
}
