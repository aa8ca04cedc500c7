//! Dates said relative to the document's own date: "hôm nay", "hôm qua", "ngày mai",
//! "tuần trước", "tháng trước", "năm ngoái", "năm nay", "quý tới" (`data/relative_time.txt`),
//! days of the week ("thứ Hai tuần tới", "thứ ba vừa rồi", "chủ nhật"), a month ("tháng 3 tới"),
//! seasons ("mùa hè này"), and "hôm qua (14/8)", where the date in brackets is the value.
//! Spans ("3 tháng tới", "5 năm qua") are durations that carry their direction: see
//! [`crate::recognize::quantity::duration`].
//!
//! They are completed at resolution from `document.date`; with no document date the value is
//! `null` and the `relative` field says what the text said. Never the machine's clock.

use super::{alnum_after, alt, digit_after, month_of, point_cand, range_cand, MONTHS};
use crate::lexicon::{alternatives_of, Lexicon};
use crate::lexicon::{role, Role};
use crate::model::{Fact, Kind, Relative, TimeUnit, Weekday};
use crate::recognize::Regex;
use crate::recognize::{needs, needs_of, Cand, Ctx, Gated};
use crate::time::pending::{Pending, Point};

pub(crate) static PHRASES: Gated = Gated::new(
    || needs_of(&Lexicon::builtin().relative_time),
    || {
        Regex::new(&format!(
        r"(?i)(?P<all>(?P<p>{})(?: \((?P<d>[0-9]{{1,2}})/(?P<m>[0-9]{{1,2}})(?:/(?P<y>[0-9]{{4}}))?\))?)",
        Lexicon::builtin().relative_time.alternatives()
    ))
    .unwrap()
    },
);

pub(crate) static WEEKDAY: Gated = Gated::new(
    || needs_of(&Lexicon::builtin().weekdays),
    || {
        let (of, week) = (alt("of"), alt("week_word"));
        let wk = alternatives_of(&["week_this", "week_last", "week_next"]);
        let dir = alternatives_of(&["day_next", "day_last", "day_this"]);
        Regex::new(&format!(
            r"(?i)(?P<all>(?P<wd>{})(?:(?: (?:{of}))? (?:{week}) (?P<wk>{wk})| (?P<dir>{dir}))?)",
            Lexicon::builtin().weekdays.alternatives()
        ))
        .unwrap()
    },
);

pub(crate) static NAMED_MONTH: Gated = Gated::new(
    || needs(&["month_next", "month_last"]),
    || {
        let month = alt("month_word");
        let dir = alternatives_of(&["month_next", "month_last"]);
        Regex::new(&format!(
            r"(?i)(?P<all>(?:{month}) (?P<m>{m}) (?P<dir>{dir}))",
            m = *MONTHS
        ))
        .unwrap()
    },
);

pub(crate) static SEASON: Gated = Gated::new(
    || needs(&["season_word"]),
    || {
        let (season, this, year) = (alt("season_word"), alt("this_season"), alt("year_word"));
        Regex::new(&format!(
        r"(?i)(?P<all>(?:{season}) (?P<s>{}) (?:(?P<this>{this})|(?:{year}) (?P<y>[0-9]{{4}})))",
        Lexicon::builtin().seasons.alternatives()
    ))
    .unwrap()
    },
);

fn relative_cand(
    start: usize,
    end: usize,
    kind: Kind,
    r: Relative,
    span: Option<((u32, u32), (u32, u32))>,
) -> Cand {
    let mut f = Fact::new(kind);
    f.relative = Some(r.clone());
    let mut c = Cand::new(start, end, f);
    c.pending = Some(Pending::Relative(r, span));
    c
}

/// The kind a relative time of `unit` is reported as.
fn kind_of(unit: TimeUnit) -> Kind {
    match unit {
        TimeUnit::Week | TimeUnit::Quarter => Kind::Period,
        _ => Kind::Date,
    }
}

/// Which of `roles` holds `word`, as its offset: the first role is -1, 0 or 1 as `offsets`.
fn offset_of(ctx: &Ctx, word: &str, roles: &[(Role, i32)]) -> i32 {
    roles
        .iter()
        .find(|(r, _)| ctx.is_role(word, *r))
        .map_or(1, |(_, o)| *o)
}

/// Proposes the relative dates and periods of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    for c in PHRASES.matches(ctx) {
        let (Some(all), Some(phrase)) = (c.name("all"), c.name("p")) else {
            continue;
        };
        if alnum_after(text, all.end()) {
            continue;
        }
        // "3 tháng tới": a span of three months (a duration), not "next month".
        let i = ctx.figs.partition_point(|f| f.end + 1 < all.start());
        let count_before = ctx.figs.get(i).is_some_and(|f| {
            f.end + 1 == all.start()
                && ctx.usable(i)
                && f.value.to_i64().is_some_and(|n| (1..=100).contains(&n))
                && ctx.break_at(f.end).is_none()
        });
        if count_before {
            continue;
        }
        let Some(&(unit, offset)) = ctx.w.get_str(&ctx.lex.relative_time, phrase.as_str()) else {
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
        out.push(relative_cand(
            all.start(),
            phrase.end(),
            kind_of(unit),
            Relative::new(unit, offset),
            None,
        ));
    }
    for c in WEEKDAY.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        if digit_after(text, all.end()) || alnum_after(text, all.end()) {
            continue;
        }
        let Some(&wd) = ctx.w.get_str(&ctx.lex.weekdays, &c["wd"]) else {
            continue;
        };
        let mut r = Relative::new(TimeUnit::Week, 0);
        r.weekday = Some(wd);
        if let Some(wk) = c.name("wk") {
            r.offset = offset_of(
                ctx,
                wk.as_str(),
                &[(role!("week_this"), 0), (role!("week_last"), -1)],
            );
        } else if let Some(dir) = c.name("dir") {
            // "thứ ba tới": the next Tuesday after the document's date; "vừa rồi": the last one.
            r.unit = TimeUnit::Day;
            r.offset = offset_of(
                ctx,
                dir.as_str(),
                &[(role!("day_last"), -1), (role!("day_this"), 0)],
            );
        } else if wd == Weekday::Sunday {
            // "chủ nhật" alone: the coming Sunday (on or after the document's date); but not
            // a name such as "Chủ nhật xanh" (a word follows).
            let rest = &text[all.end()..];
            if rest.starts_with(' ') && rest[1..].starts_with(char::is_alphabetic) {
                continue;
            }
            r.unit = TimeUnit::Day;
            r.offset = 0;
        } else {
            // "thứ hai" alone is as often "second" as "Monday": not read.
            continue;
        }
        out.push(relative_cand(all.start(), all.end(), Kind::Date, r, None));
    }
    for c in NAMED_MONTH.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        let Some(m) = month_of(ctx, &c["m"]) else {
            continue;
        };
        let mut r = Relative::new(
            TimeUnit::Month,
            offset_of(ctx, &c["dir"], &[(role!("month_last"), -1)]),
        );
        r.month = Some(m);
        out.push(relative_cand(all.start(), all.end(), Kind::Date, r, None));
    }
    for c in SEASON.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        let Some(span) = ctx.w.get_str(&ctx.lex.seasons, &c["s"]) else {
            continue;
        };
        let ((d1, m1), (d2, m2)) = (span.from, span.to);
        let mut r = Relative::new(TimeUnit::Season, 0);
        r.season = Some(span.season);
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
            if let Some(mut cand) = range_cand(all.start(), all.end(), a, b, true) {
                cand.fact.relative = Some(r);
                out.push(cand);
            }
            continue;
        }
        out.push(relative_cand(
            all.start(),
            all.end(),
            Kind::Period,
            r,
            Some((span.from, span.to)),
        ));
    }
}
