//! Periods: "6 tháng đầu năm 2024", "6 tháng cuối năm", "6 tháng năm 2024" (the first half),
//! "9 tháng đầu năm", "quý I/2024", "quý 2 năm 2024", "quý IV", "nhiệm kỳ 2020 – 2025",
//! "giai đoạn 2021-2025", "năm học 2023-2024" (September to May), "niên vụ 2023-2024",
//! "tuần đầu tiên của tháng 9", and two dates joined: "từ ngày 1/1 đến ngày 30/6/2024",
//! "từ 1/1/2024 đến 31/12/2024", "ngày 8 - 9/7/2024", "từ tháng 3 đến tháng 5 năm 2024",
//! "từ năm 2020 đến năm 2025".

use super::date::{digit_after, iso, month_of, year_of, B, MONTHS};
use super::{prio, Cand, Ctx, Pending, Point};
use crate::calendar::{days_in_month, Date};
use crate::fact::{Fact, Kind, Precision};
use regex::Regex;
use std::sync::LazyLock;

static HALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?P<n>\d{{1,2}}|ba|sáu|chín) tháng (?:(?P<pos>đầu|cuối) )?năm(?: (?P<y>\d{{4}}))?)"
    ))
    .unwrap()
});

static TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?P<w>nhiệm kỳ|nhiệm kì|giai đoạn|năm học|niên khóa|niên khoá|niên vụ|năm) (?P<a>\d{{4}}) ?- ?(?P<b>\d{{4}}))"
    ))
    .unwrap()
});

static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>quý (?P<q>IV|III|II|I|[1-4]|một|hai|ba|bốn|tư)(?: ?(?:/|năm |của năm ) ?(?P<y>\d{{4}}))?)"
    ))
    .unwrap()
});

static FIRST_WEEK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>tuần (?:đầu tiên|đầu|thứ nhất) (?:của )?tháng (?P<m>{m})(?:(?: của)? năm (?P<y>\d{{4}}))?)",
        m = *MONTHS
    ))
    .unwrap()
});

/// Fills the missing year of one end of a range from the other ("từ 1/1 đến 30/6/2024").
pub fn fill_years(mut a: Point, mut b: Point, year: Option<i32>) -> (Point, Point) {
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
pub fn bounds(a: Point, b: Point, days: bool) -> Option<(String, String)> {
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

/// A period candidate between two points; completed later when a year is missing.
pub fn range_cand(start: usize, end: usize, a: Point, b: Point, days: bool) -> Option<Cand> {
    let (a, b) = fill_years(a, b, None);
    let mut f = Fact::new(Kind::Period);
    if a.year.is_some() && b.year.is_some() {
        let (from, to) = bounds(a, b, days)?;
        f.from = Some(from);
        f.to = Some(to);
        f.year_inferred = Some(false);
        let mut c = Cand::new(start, end, prio::PERIOD, f);
        c.explicit_year = b.year;
        Some(c)
    } else {
        let mut c = Cand::new(start, end, prio::PERIOD, f);
        c.pending = Some(Pending::Range(a, b, days));
        Some(c)
    }
}

/// A period of whole years ("nhiệm kỳ 2020 – 2025").
fn years_cand(start: usize, end: usize, a: i32, b: i32) -> Cand {
    let mut f = Fact::new(Kind::Period);
    f.from = Some(format!("{a:04}"));
    f.to = Some(format!("{b:04}"));
    f.year_inferred = Some(false);
    let mut c = Cand::new(start, end, prio::PERIOD, f);
    c.explicit_year = Some(b);
    c
}

/// The periods this module reads on its own.
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    for c in HALF.captures_iter(text) {
        let all = c.name("all").unwrap();
        if digit_after(text, all.end()) {
            continue;
        }
        let n = match c["n"].to_lowercase().as_str() {
            "ba" => 3,
            "sáu" => 6,
            "chín" => 9,
            s => s.parse().unwrap_or(0),
        };
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        // "6 tháng năm 2024" is the first half; "6 tháng năm" alone says nothing.
        if !(1..=12).contains(&n) || (c.name("pos").is_none() && y.is_none()) {
            continue;
        }
        let last = c
            .name("pos")
            .is_some_and(|p| p.as_str().to_lowercase() == "cuối");
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
    for c in TERM.captures_iter(text) {
        let all = c.name("all").unwrap();
        let (Some(a), Some(b)) = (year_of(&c["a"]), year_of(&c["b"])) else {
            continue;
        };
        if digit_after(text, all.end()) || a >= b {
            continue;
        }
        let w = c["w"].to_lowercase();
        if w == "năm học" || w.starts_with("niên kh") {
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
    for c in QUARTER.captures_iter(text) {
        let all = c.name("all").unwrap();
        if digit_after(text, all.end()) {
            continue;
        }
        let q = match c["q"].to_lowercase().as_str() {
            "i" | "1" | "một" => 1,
            "ii" | "2" | "hai" => 2,
            "iii" | "3" | "ba" => 3,
            _ => 4,
        };
        // "quý hai" and the like need no letter after ("Quý Mão" is a year's name).
        if text[all.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
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
    for c in FIRST_WEEK.captures_iter(text) {
        let all = c.name("all").unwrap();
        let Some(m) = month_of(&c["m"]) else { continue };
        match c.name("y").and_then(|y| year_of(y.as_str())) {
            Some(y) => {
                let (from, to) = first_week(y, m);
                let mut f = Fact::new(Kind::Period);
                f.from = Some(from.iso());
                f.to = Some(to.iso());
                f.year_inferred = Some(false);
                let mut cand = Cand::new(all.start(), all.end(), prio::PERIOD, f);
                cand.explicit_year = Some(y);
                out.push(cand);
            }
            None => {
                let mut cand = Cand::new(
                    all.start(),
                    all.end(),
                    prio::PERIOD,
                    Fact::new(Kind::Period),
                );
                cand.pending = Some(Pending::FirstWeek(m));
                out.push(cand);
            }
        }
    }
}

/// The first week of a month: from its first Monday to the Sunday after.
pub fn first_week(y: i32, m: u32) -> (Date, Date) {
    let first = Date {
        year: y,
        month: m,
        day: 1,
    };
    let monday = first.add_days(((7 - first.weekday()) % 7) as i64);
    (monday, monday.add_days(6))
}

/// Joins two dates into a period: "từ ngày 1/1 đến ngày 30/6/2024", "8/7 - 10/7/2024",
/// "từ tháng 3 đến tháng 5 năm 2024", "từ năm 2020 đến năm 2025".
pub fn join_ranges(text: &str, dates: &[Cand], out: &mut Vec<Cand>) {
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
        let sep = matches!(
            between.as_str(),
            " đến " | " tới " | "-" | " - " | " đến hết " | " cho đến "
        );
        if !sep {
            continue;
        }
        let start = super::ends_with_ci(&text[..a.start], "từ ").unwrap_or(a.start);
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

#[cfg(test)]
mod tests {
    use super::super::check_table;
    use crate::fact::Kind;

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
            "kết quả 6 tháng năm 2024",
            &[(
                "6 tháng năm 2024",
                r#"{"from":"2024-01-01","to":"2024-06-30"}"#,
            )],
        ),
        (
            "nhiệm kỳ 2020 – 2025",
            &[("nhiệm kỳ 2020 – 2025", r#"{"from":"2020","to":"2025"}"#)],
        ),
        (
            "giai đoạn 2021-2025",
            &[("giai đoạn 2021-2025", r#"{"from":"2021","to":"2025"}"#)],
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
            "Năm 2023. Trong 9 tháng đầu năm, quý IV",
            &[
                (
                    "9 tháng đầu năm",
                    r#"{"from":"2023-01-01","to":"2023-09-30","year_inferred":true}"#,
                ),
                (
                    "quý IV",
                    r#"{"from":"2023-10-01","to":"2023-12-31","year_inferred":true}"#,
                ),
            ],
        ),
        (
            "năm học 2023-2024",
            &[("năm học 2023-2024", r#"{"from":"2023-09","to":"2024-05"}"#)],
        ),
        (
            "niên vụ 2023 - 2024",
            &[("niên vụ 2023 - 2024", r#"{"from":"2023","to":"2024"}"#)],
        ),
        (
            "từ ngày 1/1 đến ngày 30/6/2024",
            &[(
                "từ ngày 1/1 đến ngày 30/6/2024",
                r#"{"from":"2024-01-01","to":"2024-06-30","year_inferred":false}"#,
            )],
        ),
        (
            "từ 1/1/2024 đến 31/12/2024",
            &[(
                "từ 1/1/2024 đến 31/12/2024",
                r#"{"from":"2024-01-01","to":"2024-12-31"}"#,
            )],
        ),
        (
            "Đợt 1 diễn ra ngày 8 - 9/7/2024",
            &[(
                "ngày 8 - 9/7/2024",
                r#"{"from":"2024-07-08","to":"2024-07-09"}"#,
            )],
        ),
        (
            "từ tháng 3 đến tháng 5 năm 2024",
            &[(
                "từ tháng 3 đến tháng 5 năm 2024",
                r#"{"from":"2024-03","to":"2024-05"}"#,
            )],
        ),
        (
            "từ năm 2020 đến năm 2025",
            &[("từ năm 2020 đến năm 2025", r#"{"from":"2020","to":"2025"}"#)],
        ),
        (
            "từ 1/10/2023 đến 31/3",
            &[(
                "từ 1/10/2023 đến 31/3",
                r#"{"from":"2023-10-01","to":"2024-03-31"}"#,
            )],
        ),
        (
            "tuần đầu tiên của tháng 9 năm 2017",
            &[(
                "tuần đầu tiên của tháng 9 năm 2017",
                r#"{"from":"2017-09-04","to":"2017-09-10"}"#,
            )],
        ),
    ];

    #[test]
    fn periods() {
        check_table(Kind::Period, PERIODS);
    }
}
