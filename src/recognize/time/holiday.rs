//! Holidays by name and lunar dates.
//!
//! Holidays (`data/holidays.txt`): "ngày Quốc tế Phụ nữ", "ngày QTPN 8/3", "Quốc khánh 2/9",
//! "ngày Nhà giáo Việt Nam", "Giáng sinh", "Tết Nguyên đán Giáp Thìn 2024", "Tết Trung thu",
//! completed with the reference year.
//!
//! Lunar dates, converted to the solar date in `value` with the lunar date kept in `lunar`:
//! "ngày 15 tháng 7 âm lịch năm 2023", "15/7 âm lịch", "rằm tháng Giêng năm 2024",
//! "mùng 1 tháng Giêng", "mùng 1 Tết", "30 Tết", "ngày 10 tháng 3 năm Giáp Thìn".

use super::{alnum_after, alt, digit_after, month_of, point_cand, year_cand, year_of, MONTHS};
use crate::lexicon::role;
use crate::lexicon::{alternatives_of, Lexicon};
use crate::model::{Fact, Kind, LunarDate, Precision, Value};
use crate::recognize::Captures;
use crate::recognize::Regex;
use crate::recognize::{bounded, needs, needs_of, Cand, Ctx, Gated};
use crate::time::pending::{lunar_day, lunar_month_bounds, Pending, Point};
use std::sync::LazyLock;

/// A year's name in the sixty-year cycle: "Giáp Thìn", "Quý Mão".
static CAN_CHI_NAME: LazyLock<String> = LazyLock::new(|| {
    let a = Lexicon::builtin().can_chi.alternatives();
    format!(r"(?:{a}) (?:{a})")
});

pub(crate) static HOLIDAY: Gated = Gated::new(
    || needs_of(&Lexicon::builtin().holidays),
    || {
        let (cue, year, mark) = (alt("holiday_cue"), alt("year_word"), alt("lunar_mark"));
        Regex::new(&format!(
        r"(?i)(?P<all>(?:(?P<cue>{cue}) )?(?P<name>{names})(?: (?P<cc>{cc}))?(?: (?P<yr>(?:(?:{year}) )?(?P<y>[0-9]{{4}})))?(?: \((?P<bd>[0-9]{{1,2}})[/.-](?P<bm>[0-9]{{1,2}})(?:[/.-](?P<by>[0-9]{{4}}))?(?P<bal> (?:{mark}))?\)| (?P<d>[0-9]{{1,2}})/(?P<m>[0-9]{{1,2}})(?:/(?P<y2>[0-9]{{4}}))?(?P<al> (?:{mark}))?)?)",
        names = Lexicon::builtin().holidays.alternatives(),
        cc = *CAN_CHI_NAME
    ))
    .unwrap()
    },
);

static LUNAR: LazyLock<Regex> = LazyLock::new(|| {
    let (day, prefix, full, month, leap) = (
        alt("day_word"),
        alt("day_prefix"),
        alt("full_moon"),
        alt("month_word"),
        alt("leap"),
    );
    let (mark, year) = (
        alternatives_of(&["lunar_mark", "lunar_mark_short"]),
        alt("year_word"),
    );
    Regex::new(&format!(
        r"(?i)(?P<all>(?:(?:(?:{day}) )?(?:(?:{prefix}) )?(?P<d>[0-9]{{1,2}})|(?P<ram>{full})) (?:{month}) (?P<m>{m})(?P<leap> (?:{leap}))?(?: (?P<al>{mark}))?(?:,? (?:{year}) (?:(?P<y>[0-9]{{4}})|(?P<cc>{cc})))?(?: \(?(?P<al2>{mark})\)?)?)",
        m = *MONTHS,
        cc = *CAN_CHI_NAME
    ))
    .unwrap()
});

/// A lunar month without a day: a leap month or one marked lunar ("tháng 2 nhuận", "tháng
/// Chạp âm lịch năm Giáp Thìn"). Read only where a leap word or a lunar mark is written.
pub(crate) static LUNAR_MONTH: Gated = Gated::hinted(
    || needs(&["leap", "lunar_mark", "lunar_mark_short"]),
    || {
        let (month, leap, year) = (alt("month_word"), alt("leap"), alt("year_word"));
        let mark = alternatives_of(&["lunar_mark", "lunar_mark_short"]);
        Regex::new(&format!(
        r"(?i)(?P<all>(?:{month}) (?P<m>{m})(?P<leap> (?:{leap}))?(?: (?P<al>{mark}))?(?:,? (?:{year}) (?:(?P<y>[0-9]{{4}})|(?P<cc>{cc})))?)",
        m = *MONTHS,
        cc = *CAN_CHI_NAME
    ))
    .unwrap()
    },
);

pub(crate) static LUNAR_NUMERIC: Gated = Gated::new(
    || needs(&["lunar_mark", "lunar_mark_short"]),
    || {
        let day = alternatives_of(&["day_word", "day_prefix"]);
        let mark = alternatives_of(&["lunar_mark", "lunar_mark_short"]);
        Regex::new(&format!(
        r"(?i)(?P<all>(?:(?:{day}) )?(?P<d>[0-9]{{1,2}})/(?P<m>[0-9]{{1,2}})(?:/(?P<y>[0-9]{{4}}))? (?:\((?:{mark})\)|{mark}))"
    ))
    .unwrap()
    },
);

pub(crate) static TET_DAY: Gated = Gated::new(
    || needs(&["lunar_new_year"]),
    || {
        let day = alternatives_of(&["day_word", "day_prefix"]);
        let (month, tet, name, year) = (
            alt("month_word"),
            alt("lunar_new_year"),
            alt("new_year_name"),
            alt("year_word"),
        );
        Regex::new(&format!(
        r"(?i)(?P<all>(?:(?:{day}) )?(?P<d>[0-9]{{1,2}}) (?:(?:{month}) )?(?:{tet})(?: (?:(?:{name}) )?(?P<cc>{cc}))?(?: (?:(?:{year}) )?(?P<y>[0-9]{{4}}))?)",
        cc = *CAN_CHI_NAME
    ))
    .unwrap()
    },
);

/// The index in the sixty-year cycle ((year - 4) mod 60) of a name like "Giáp Thìn".
pub(crate) fn cycle_index(lex: &Lexicon, name: &str) -> Option<i32> {
    let mut words = name.split_whitespace();
    let (stem_w, branch_w) = (words.next()?, words.next()?);
    let &(is_stem, stem) = lex.can_chi.get(&lex.vocab, stem_w)?;
    let &(is_branch_stem, branch) = lex.can_chi.get(&lex.vocab, branch_w)?;
    if !is_stem || is_branch_stem {
        return None;
    }
    (0..60).find(|i| i % 10 == stem as i32 && i % 12 == branch as i32)
}

/// A lunar date as read: the year (or its name in the cycle) when given.
struct Lunar {
    year: Option<i32>,
    cycle: Option<i32>,
    month: u32,
    day: u32,
    leap: bool,
    /// Lunar years before the reference year, when no year is given ("30 Tết": -1).
    year_offset: i32,
}

/// A lunar date candidate: solar value now when the year is known, else completed later.
fn lunar_cand(start: usize, end: usize, l: Lunar) -> Option<Cand> {
    let Lunar {
        year,
        cycle,
        month,
        day,
        leap,
        year_offset,
    } = l;
    let mut f = Fact::new(Kind::Date);
    f.precision = Some(Precision::Day);
    f.lunar = Some(LunarDate {
        year,
        month,
        day: Some(day),
        leap,
    });
    match year {
        Some(y) => {
            let solar = lunar_day(y, month, day, leap)?;
            f.value = Some(Value::Date(solar.iso()));
            f.year_inferred = Some(false);
            let mut c = Cand::new(start, end, f);
            c.explicit_year = Some(solar.year);
            Some(c)
        }
        None => {
            let mut c = Cand::new(start, end, f);
            c.pending = Some(Pending::Lunar {
                month,
                day,
                leap,
                year_offset,
                cycle,
            });
            Some(c)
        }
    }
}

/// The month a lunar date names: "tháng Một" is the eleventh in the lunar calendar.
fn lunar_month_of(ctx: &Ctx, word: &str) -> Option<u32> {
    if ctx.is_role(word, role!("lunar_eleventh")) {
        Some(11)
    } else {
        month_of(ctx, word)
    }
}

fn year_and_cycle(ctx: &Ctx, c: &Captures, y: &str) -> (Option<i32>, Option<i32>) {
    (
        c.name(y).and_then(|y| year_of(y.as_str())),
        c.name("cc").and_then(|n| cycle_index(ctx.lex, n.as_str())),
    )
}

/// Proposes holidays and lunar dates.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    // `all` is the whole match: one that runs on into a figure or a word is passed over unread.
    let cut = |e: usize| digit_after(text, e) || alnum_after(text, e);
    for c in HOLIDAY.matches_where(ctx, |_, e| !cut(e)) {
        let (Some(all), Some(name)) = (c.name("all"), c.name("name")) else {
            continue;
        };
        if digit_after(text, all.end()) || alnum_after(text, all.end()) {
            continue;
        }
        let Some(h) = ctx.w.get_str(&ctx.lex.holidays, name.as_str()) else {
            continue;
        };
        if !h.alone && c.name("cue").is_none() {
            continue;
        }
        // A date written after the name, bare or in brackets, is the value ("ngày QTPN 8/3",
        // "ngày thành lập Đảng (3/2)"); a lunar one for "âm lịch" ("Giỗ Tổ (10/3 âm lịch)").
        let group = |a: &str, b: &str| c.name(a).or_else(|| c.name(b));
        if let (Some(d), Some(m)) = (group("d", "bd"), group("m", "bm")) {
            let year = group("y2", "by")
                .or(c.name("y"))
                .and_then(|y| year_of(y.as_str()));
            let (day, month) = (
                d.as_str().parse().unwrap_or(0),
                m.as_str().parse().unwrap_or(0),
            );
            if group("al", "bal").is_some() {
                let lunar = Lunar {
                    year,
                    cycle: None,
                    month,
                    day,
                    leap: false,
                    year_offset: 0,
                };
                out.extend(lunar_cand(all.start(), all.end(), lunar));
            } else {
                let p = Point {
                    year,
                    month,
                    day: Some(day),
                };
                out.extend(point_cand(all.start(), all.end(), p));
            }
            continue;
        }
        let (y, cycle) = year_and_cycle(ctx, &c, "y");
        // "Tết Nguyên đán Bính Ngọ 2026", "Giỗ Tổ Hùng Vương năm 2024": the year written after
        // the name is a year of its own (what the report dates its occasion by); the holiday's
        // day, found with it, spans the name.
        let mut end = all.end();
        if let (Some(yr), Some(y)) = (c.name("yr"), y) {
            end = yr.start() - 1;
            out.push(year_cand(yr.start(), yr.end(), y));
        }
        if h.lunar {
            out.extend(lunar_cand(
                all.start(),
                end,
                Lunar {
                    year: y,
                    cycle,
                    month: h.month,
                    day: h.day,
                    leap: false,
                    year_offset: 0,
                },
            ));
        } else {
            let p = Point {
                year: y,
                month: h.month,
                day: Some(h.day),
            };
            out.extend(point_cand(all.start(), end, p));
        }
    }
    for c in bounded(&LUNAR, text) {
        let Some(all) = c.name("all") else { continue };
        if digit_after(text, all.end()) {
            continue;
        }
        let word = &c["m"];
        let named = ctx.is_role(word, role!("lunar_month_name"));
        let lunar = c.name("ram").is_some()
            || c.name("al").is_some()
            || c.name("al2").is_some()
            || c.name("leap").is_some()
            || c.name("cc").is_some()
            || named;
        if !lunar {
            continue;
        }
        let Some(month) = lunar_month_of(ctx, word) else {
            continue;
        };
        let day = if c.name("ram").is_some() {
            15
        } else {
            c["d"].parse().unwrap_or(0)
        };
        if !(1..=30).contains(&day) {
            continue;
        }
        let (y, cycle) = year_and_cycle(ctx, &c, "y");
        out.extend(lunar_cand(
            all.start(),
            all.end(),
            Lunar {
                year: y,
                cycle,
                month,
                day,
                leap: c.name("leap").is_some(),
                year_offset: 0,
            },
        ));
    }
    for c in LUNAR_MONTH.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        if digit_after(text, all.end()) || (c.name("leap").is_none() && c.name("al").is_none()) {
            continue;
        }
        let Some(month) = lunar_month_of(ctx, &c["m"]) else {
            continue;
        };
        let leap = c.name("leap").is_some();
        let (y, cycle) = year_and_cycle(ctx, &c, "y");
        let mut f = Fact::new(Kind::Period);
        f.lunar = Some(LunarDate {
            year: y,
            month,
            day: None,
            leap,
        });
        out.push(match y {
            Some(y) => {
                // A leap month the year does not have is no date, nor a solar month.
                let Some((from, to)) = lunar_month_bounds(y, month, leap) else {
                    out.push(Cand::block(all.start(), all.end()));
                    continue;
                };
                f.from = Some(from);
                f.to = Some(to);
                f.year_inferred = Some(false);
                let mut cand = Cand::new(all.start(), all.end(), f);
                cand.explicit_year = Some(y);
                cand
            }
            None => {
                let mut cand = Cand::new(all.start(), all.end(), f);
                cand.pending = Some(Pending::LunarMonth { month, leap, cycle });
                cand
            }
        });
    }
    for c in LUNAR_NUMERIC.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        let (Ok(day), Ok(month)) = (c["d"].parse::<u32>(), c["m"].parse::<u32>()) else {
            continue;
        };
        if !(1..=30).contains(&day) || !(1..=12).contains(&month) {
            continue;
        }
        let y = c.name("y").and_then(|y| year_of(y.as_str()));
        out.extend(lunar_cand(
            all.start(),
            all.end(),
            Lunar {
                year: y,
                cycle: None,
                month,
                day,
                leap: false,
                year_offset: 0,
            },
        ));
    }
    for c in TET_DAY.matches(ctx) {
        let Some(all) = c.name("all") else { continue };
        let Ok(d) = c["d"].parse::<u32>() else {
            continue;
        };
        let (y, cycle) = year_and_cycle(ctx, &c, "y");
        // "mùng 1 Tết" … "mùng 10 Tết" open the year; "23 tháng Chạp" … "30 Tết" close the last.
        if (1..=10).contains(&d) {
            out.extend(lunar_cand(
                all.start(),
                all.end(),
                Lunar {
                    year: y,
                    cycle,
                    month: 1,
                    day: d,
                    leap: false,
                    year_offset: 0,
                },
            ));
        } else if (23..=30).contains(&d) {
            out.extend(lunar_cand(
                all.start(),
                all.end(),
                Lunar {
                    year: y.map(|y| y - 1),
                    cycle: cycle.map(|i| (i + 59) % 60),
                    month: 12,
                    day: d,
                    leap: false,
                    year_offset: -1,
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cycle_names() {
        let lex = crate::lexicon::Lexicon::builtin();
        assert_eq!(super::cycle_index(lex, "Giáp Thìn"), Some((2024 - 4) % 60));
        assert_eq!(super::cycle_index(lex, "Quý Mão"), Some((2023 - 4) % 60));
        assert_eq!(super::cycle_index(lex, "Thìn Giáp"), None);
    }
}
