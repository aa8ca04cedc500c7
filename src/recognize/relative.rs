//! Dates said relative to the document's own date: "hôm nay", "hôm qua", "ngày mai",
//! "tuần trước", "tháng trước", "năm ngoái", "năm nay", "quý tới" (`data/relative_time.txt`),
//! days of the week ("thứ Hai tuần tới", "thứ ba vừa rồi", "chủ nhật"), a month ("tháng 3 tới"),
//! spans ("3 tháng tới", "2 năm vừa qua"), seasons ("mùa hè này"), and "hôm qua (14/8)", where
//! the date in brackets is the value.
//!
//! They are completed in [`crate::resolve`] from `document.date`; with no document date the
//! value is `null` and the `relative` field says what the text said. Never the machine's clock.

use super::date::{digit_after, month_of, point_cand, B, MONTHS};
use super::{prio, Cand, Ctx, Pending, Point};
use crate::fact::{Fact, Kind, Relative};
use crate::lexicon::{
    alternatives, function_words, DURATION_UNITS, RELATIVE_TIME, SEASONS, WEEKDAYS,
};
use regex::Regex;
use std::sync::LazyLock;

static PHRASES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?P<p>{})(?: \((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}))?\))?)",
        alternatives(&RELATIVE_TIME)
    ))
    .unwrap()
});

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?P<wd>{})(?:(?: của)? tuần (?P<wk>này|nay|trước|qua|sau|tới|tiếp theo)| (?P<dir>tới|vừa rồi|vừa qua|này|sắp tới))?)",
        alternatives(&WEEKDAYS)
    ))
    .unwrap()
});

static NAMED_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>tháng (?P<m>{m}) (?P<dir>tới|sắp tới|vừa rồi|vừa qua))",
        m = *MONTHS
    ))
    .unwrap()
});

static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>mùa (?P<s>{}) (?:(?P<this>này|năm nay)|năm (?P<y>\d{{4}})))",
        alternatives(&SEASONS)
    ))
    .unwrap()
});

/// The days of the week as `relative.weekday` names them, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The English name of a season word.
fn season_name(w: &str) -> &'static str {
    match w.to_lowercase().as_str() {
        "xuân" => "spring",
        "hè" | "hạ" => "summer",
        "thu" => "autumn",
        _ => "winter",
    }
}

fn relative_cand(start: usize, end: usize, kind: Kind, r: Relative) -> Cand {
    let mut f = Fact::new(kind);
    f.relative = Some(r.clone());
    let mut c = Cand::new(
        start,
        end,
        if kind == Kind::Period {
            prio::PERIOD
        } else {
            prio::DATE
        },
        f,
    );
    c.pending = Some(Pending::Relative(r));
    c
}

/// The kind a relative time of `unit` is reported as.
fn kind_of(unit: &str) -> Kind {
    match unit {
        "week" | "quarter" => Kind::Period,
        _ => Kind::Date,
    }
}

/// Proposes the relative dates and periods of the text.
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    for c in PHRASES.captures_iter(text) {
        let all = c.name("all").unwrap();
        if text[all.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let Some(&(unit, offset)) = RELATIVE_TIME.get(&c["p"]) else {
            continue;
        };
        // "hôm qua (14/8)": the date in brackets is the value.
        if let (Some(d), Some(m)) = (c.name("d"), c.name("m")) {
            let p = Point {
                year: c.name("y").and_then(|y| y.as_str().parse().ok()),
                month: m.as_str().parse().unwrap_or(0),
                day: d.as_str().parse().ok(),
            };
            if let Some(mut cand) = point_cand(all.start(), all.end(), p) {
                cand.fact.relative = Some(Relative::new(unit, offset));
                out.push(cand);
                continue;
            }
        }
        let end = c.name("p").unwrap().end();
        out.push(relative_cand(
            all.start(),
            end,
            kind_of(unit),
            Relative::new(unit, offset),
        ));
    }
    for c in WEEKDAY.captures_iter(text) {
        let all = c.name("all").unwrap();
        if digit_after(text, all.end())
            || text[all.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let Some(&wd) = WEEKDAYS.get(&c["wd"]) else {
            continue;
        };
        let mut r = Relative::new("week", 0);
        r.weekday = Some(WEEKDAY_NAMES[wd as usize]);
        if let Some(wk) = c.name("wk") {
            r.offset = match wk.as_str().to_lowercase().as_str() {
                "này" | "nay" => 0,
                "trước" | "qua" => -1,
                _ => 1,
            };
        } else if let Some(dir) = c.name("dir") {
            // "thứ ba tới": the next Tuesday after the document's date; "vừa rồi": the last one.
            r.unit = "day";
            r.offset = match dir.as_str().to_lowercase().as_str() {
                "vừa rồi" | "vừa qua" => -1,
                "này" => 0,
                _ => 1,
            };
        } else if wd == 6 {
            // "chủ nhật" alone: the coming Sunday (on or after the document's date); but not
            // a name such as "Chủ nhật xanh" (a word follows).
            let rest = &text[all.end()..];
            if rest.starts_with(' ') && rest[1..].starts_with(char::is_alphabetic) {
                continue;
            }
            r.unit = "day";
            r.offset = 0;
        } else {
            // "thứ hai" alone is as often "second" as "Monday": not read.
            continue;
        }
        out.push(relative_cand(all.start(), all.end(), Kind::Date, r));
    }
    for c in NAMED_MONTH.captures_iter(text) {
        let all = c.name("all").unwrap();
        let Some(m) = month_of(&c["m"]) else { continue };
        let mut r = Relative::new(
            "month",
            if c["dir"].to_lowercase().contains("vừa") {
                -1
            } else {
                1
            },
        );
        r.month = Some(m);
        out.push(relative_cand(all.start(), all.end(), Kind::Date, r));
    }
    // Spans: "3 tháng tới", "2 ngày vừa rồi", "ba tháng tiếp theo".
    for (i, f) in ctx.figs.iter().enumerate() {
        if !ctx.usable(i) || !f.value.is_integer() || text.as_bytes().get(f.end) != Some(&b' ') {
            continue;
        }
        let Some(n) = f.value.to_i64().filter(|n| (1..=100).contains(n)) else {
            continue;
        };
        let Some((ue, &unit)) = DURATION_UNITS.match_after(text, f.end + 1) else {
            continue;
        };
        let mut window = (ue + 24).min(text.len());
        while !text.is_char_boundary(window) {
            window -= 1;
        }
        let rest = text[ue..window].to_lowercase();
        // The longest direction word right after the unit ("vừa qua" before "qua").
        let mut dir = 0;
        let mut len = 0;
        for (role, d) in [("span_past", -1), ("span_next", 1)] {
            for w in function_words(role) {
                let n = w.len() + 1;
                let ok = rest.len() >= n
                    && rest.starts_with(' ')
                    && rest[1..].starts_with(w)
                    && !rest[n..].starts_with(char::is_alphanumeric);
                if ok && n > len {
                    (dir, len) = (d, n);
                }
            }
        }
        if dir == 0 {
            continue;
        }
        let mut r = Relative::new(unit, if dir < 0 { -(n as i32) } else { 1 });
        r.count = Some(n as u32);
        out.push(relative_cand(f.start, ue + len, Kind::Period, r));
    }
    for c in SEASON.captures_iter(text) {
        let all = c.name("all").unwrap();
        let season = season_name(&c["s"]);
        let Some(&((d1, m1), (d2, m2))) = SEASONS.get(&c["s"]) else {
            continue;
        };
        if let Some(y) = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok()) {
            let a = Point {
                year: Some(y),
                month: m1,
                day: Some(d1),
            };
            let b = Point {
                year: None,
                month: m2,
                day: Some(d2),
            };
            if let Some(mut cand) = super::period::range_cand(all.start(), all.end(), a, b, true) {
                let mut r = Relative::new("season", 0);
                r.season = Some(season);
                cand.fact.relative = Some(r);
                out.push(cand);
            }
            continue;
        }
        let mut r = Relative::new("season", 0);
        r.season = Some(season);
        out.push(relative_cand(all.start(), all.end(), Kind::Period, r));
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::Kind;
    use crate::{extract, Options};

    /// Resolved against a document date of Thursday 2 February 2017 (Duckling's reference).
    fn at(text: &str) -> Vec<serde_json::Value> {
        let opts = Options {
            document_date: "2017-02-02".parse().ok(),
            ..Options::default()
        };
        extract(text, &opts)
            .facts
            .iter()
            .filter(|f| matches!(f.kind, Kind::Date | Kind::Period))
            .map(|f| serde_json::to_value(f).unwrap())
            .collect()
    }

    const EXAMPLES: &[(&str, &str, &str)] = &[
        ("hôm nay", "value", "2017-02-02"),
        ("hôm qua", "value", "2017-02-01"),
        ("ngày mai", "value", "2017-02-03"),
        ("hôm kia", "value", "2017-01-31"),
        ("tháng trước", "value", "2017-01"),
        ("năm ngoái", "value", "2016"),
        ("năm nay", "value", "2017"),
        ("tuần trước", "from", "2017-01-23"),
        ("quý tới", "to", "2017-06-30"),
        ("thứ Hai tuần tới", "value", "2017-02-06"),
        ("thứ ba vừa rồi", "value", "2017-01-31"),
        ("thứ sáu tới", "value", "2017-02-03"),
        ("chủ nhật", "value", "2017-02-05"),
        ("tháng 3 tới", "value", "2017-03"),
        ("3 tháng tới", "to", "2017-05"),
        ("2 ngày vừa rồi", "from", "2017-01-31"),
        ("mùa hè này", "from", "2017-06-21"),
        ("mùa đông này", "from", "2016-12-21"),
        ("hôm qua (1/2)", "value", "2017-02-01"),
    ];

    #[test]
    fn examples() {
        for (text, field, want) in EXAMPLES {
            let facts = at(text);
            assert_eq!(facts.len(), 1, "{text:?}: {facts:?}");
            assert_eq!(facts[0]["text"], *text);
            assert_eq!(facts[0][*field], *want, "{text:?}: {}", facts[0]);
        }
    }

    #[test]
    fn no_document_date_means_no_value() {
        let doc = extract("Hôm qua hội đã họp.", &Options::default());
        let f = serde_json::to_value(&doc.facts[0]).unwrap();
        assert_eq!(f["kind"], "date");
        assert!(f["value"].is_null());
        assert_eq!(f["relative"]["unit"], "day");
        assert_eq!(f["relative"]["offset"], -1);
    }
}
