//! Holidays by name and lunar dates.
//!
//! Holidays (`data/holidays.txt`): "ngày Quốc tế Phụ nữ", "ngày QTPN 8/3", "Quốc khánh 2/9",
//! "ngày Nhà giáo Việt Nam", "Giáng sinh", "Tết Nguyên đán Giáp Thìn 2024", "Tết Trung thu",
//! completed with the reference year.
//!
//! Lunar dates, converted to the solar date in `value` with the lunar date kept in `lunar`:
//! "ngày 15 tháng 7 âm lịch năm 2023", "15/7 âm lịch", "rằm tháng Giêng năm 2024",
//! "mùng 1 tháng Giêng", "mùng 1 Tết", "30 Tết", "ngày 10 tháng 3 năm Giáp Thìn".

use super::date::{digit_after, month_of, point_cand, year_of, B, MONTHS};
use super::{prio, Cand, Ctx, Pending, Point};
use crate::fact::{Fact, Kind, LunarDate, Precision, Value};
use crate::lexicon::{alternatives, CAN_CHI, HOLIDAYS};
use crate::lunar::lunar_to_solar;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A year's name in the sixty-year cycle: "Giáp Thìn", "Quý Mão".
static CAN_CHI_NAME: LazyLock<String> = LazyLock::new(|| {
    let a = alternatives(&CAN_CHI);
    format!(r"(?:{a}) (?:{a})")
});

static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?:(?P<cue>ngày|lễ|dịp|tết) )?(?P<name>{names})(?: (?P<cc>{cc}))?(?: (?:năm )?(?P<y>\d{{4}}))?(?: \((?P<bd>\d{{1,2}})/(?P<bm>\d{{1,2}})(?:/(?P<by>\d{{4}}))?(?P<bal> âm lịch| ÂL)?\)| (?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y2>\d{{4}}))?(?P<al> âm lịch| ÂL)?)?)",
        names = alternatives(&HOLIDAYS),
        cc = *CAN_CHI_NAME
    ))
    .unwrap()
});

static LUNAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?:(?:(?:ngày) )?(?:(?:mùng|mồng) )?(?P<d>\d{{1,2}})|(?P<ram>rằm)) tháng (?P<m>{m})(?P<leap> nhuận)?(?: (?P<al>âm lịch|ÂL|AL))?(?:,? năm (?:(?P<y>\d{{4}})|(?P<cc>{cc})))?(?: \(?(?P<al2>âm lịch|ÂL|AL)\)?)?)",
        m = *MONTHS,
        cc = *CAN_CHI_NAME
    ))
    .unwrap()
});

static LUNAR_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?:(?:ngày|mùng|mồng) )?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}))? (?:\((?:âm lịch|ÂL|AL)\)|âm lịch|ÂL|AL))"
    ))
    .unwrap()
});

static TET_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i){B}(?P<all>(?:ngày |mùng |mồng )?(?P<d>\d{{1,2}}) (?:tháng )?Tết(?: (?:Nguyên đán )?(?P<cc>{cc}))?(?: (?:năm )?(?P<y>\d{{4}}))?)",
        cc = *CAN_CHI_NAME
    ))
    .unwrap()
});

/// The index in the sixty-year cycle ((year - 4) mod 60) of a name like "Giáp Thìn".
pub fn cycle_index(name: &str) -> Option<i32> {
    let mut words = name.split_whitespace();
    let (stem_w, branch_w) = (words.next()?, words.next()?);
    let &(is_stem, stem) = CAN_CHI.get(stem_w)?;
    let &(is_branch_stem, branch) = CAN_CHI.get(branch_w)?;
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
        day,
        leap,
    });
    match year {
        Some(y) => {
            let solar = lunar_to_solar(y, month, day, leap).or_else(|| {
                (day == 30)
                    .then(|| lunar_to_solar(y, month, 29, leap))
                    .flatten()
            })?;
            f.value = Some(Value::Date(solar.iso()));
            f.year_inferred = Some(false);
            let mut c = Cand::new(start, end, prio::DATE, f);
            c.explicit_year = Some(solar.year);
            Some(c)
        }
        None => {
            let mut c = Cand::new(start, end, prio::DATE, f);
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

fn year_and_cycle(c: &Captures, y: &str) -> (Option<i32>, Option<i32>) {
    (
        c.name(y).and_then(|y| year_of(y.as_str())),
        c.name("cc").and_then(|n| cycle_index(n.as_str())),
    )
}

/// Proposes holidays and lunar dates.
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    for c in HOLIDAY.captures_iter(text) {
        let all = c.name("all").unwrap();
        if digit_after(text, all.end())
            || text[all.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let Some(h) = HOLIDAYS.get(&c["name"]) else {
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
        let (y, cycle) = year_and_cycle(&c, "y");
        if h.lunar {
            out.extend(lunar_cand(
                all.start(),
                all.end(),
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
            out.extend(point_cand(all.start(), all.end(), p));
        }
    }
    for c in LUNAR.captures_iter(text) {
        let all = c.name("all").unwrap();
        if digit_after(text, all.end()) {
            continue;
        }
        let word = c["m"].to_lowercase();
        let named = word == "giêng" || word == "chạp";
        let lunar = c.name("ram").is_some()
            || c.name("al").is_some()
            || c.name("al2").is_some()
            || c.name("leap").is_some()
            || c.name("cc").is_some()
            || named;
        if !lunar {
            continue;
        }
        // In the lunar calendar "tháng Một" is the eleventh month.
        let Some(month) = (if word == "một" {
            Some(11)
        } else {
            month_of(&c["m"])
        }) else {
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
        let (y, cycle) = year_and_cycle(&c, "y");
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
    for c in LUNAR_NUMERIC.captures_iter(text) {
        let all = c.name("all").unwrap();
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
    for c in TET_DAY.captures_iter(text) {
        let all = c.name("all").unwrap();
        let Ok(d) = c["d"].parse::<u32>() else {
            continue;
        };
        let (y, cycle) = year_and_cycle(&c, "y");
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
    use super::super::check_table;
    use crate::fact::Kind;

    const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
        (
            "Năm 2024. Nhân dịp ngày Quốc tế Phụ nữ, hội",
            &[
                ("Năm 2024", r#"{"value":"2024"}"#),
                (
                    "ngày Quốc tế Phụ nữ",
                    r#"{"value":"2024-03-08","year_inferred":true}"#,
                ),
            ],
        ),
        (
            "Năm 2024. Mừng Quốc khánh 2/9 và ngày Nhà giáo Việt Nam",
            &[
                ("Năm 2024", r#"{}"#),
                ("Quốc khánh 2/9", r#"{"value":"2024-09-02"}"#),
                ("ngày Nhà giáo Việt Nam", r#"{"value":"2024-11-20"}"#),
            ],
        ),
        (
            "Nhân dịp ngày gia đình Việt Nam 28/6/2024",
            &[(
                "ngày gia đình Việt Nam 28/6/2024",
                r#"{"value":"2024-06-28","year_inferred":false}"#,
            )],
        ),
        (
            "vui Tết Nguyên đán Giáp Thìn 2024",
            &[(
                "Tết Nguyên đán Giáp Thìn 2024",
                r#"{"value":"2024-02-10","lunar":{"year":2024,"month":1,"day":1,"leap":false}}"#,
            )],
        ),
        (
            "ngày 15 tháng 7 âm lịch năm 2023",
            &[(
                "ngày 15 tháng 7 âm lịch năm 2023",
                r#"{"value":"2023-08-30","lunar":{"year":2023,"month":7,"day":15,"leap":false}}"#,
            )],
        ),
        (
            "rằm tháng Giêng năm 2024",
            &[("rằm tháng Giêng năm 2024", r#"{"value":"2024-02-24"}"#)],
        ),
        (
            "Năm 2024, mùng 1 Tết và 30 Tết",
            &[
                ("Năm 2024", r#"{}"#),
                (
                    "mùng 1 Tết",
                    r#"{"value":"2024-02-10","year_inferred":true}"#,
                ),
                (
                    "30 Tết",
                    r#"{"value":"2024-02-09","lunar":{"year":2023,"month":12,"day":30,"leap":false}}"#,
                ),
            ],
        ),
        (
            "Giỗ Tổ Hùng Vương năm 2024",
            &[("Giỗ Tổ Hùng Vương năm 2024", r#"{"value":"2024-04-18"}"#)],
        ),
        (
            "giáng sinh",
            &[("giáng sinh", r#"{"value":null,"month_day":"--12-25"}"#)],
        ),
        (
            "15/8 âm lịch năm 2023 là Trung thu; ngày 10 tháng 3 năm Giáp Thìn",
            &[
                ("15/8 âm lịch", r#"{"value":"2023-09-29"}"#),
                ("năm 2023", r#"{}"#),
                ("ngày 10 tháng 3 năm Giáp Thìn", r#"{"value":"2024-04-18"}"#),
            ],
        ),
        // An anniversary of a victory is not its day.
        ("kỷ niệm 70 năm chiến thắng Điện Biên Phủ", &[]),
    ];

    #[test]
    fn examples() {
        check_table(Kind::Date, EXAMPLES);
    }

    #[test]
    fn cycle_names() {
        assert_eq!(super::cycle_index("Giáp Thìn"), Some((2024 - 4) % 60));
        assert_eq!(super::cycle_index("Quý Mão"), Some((2023 - 4) % 60));
        assert_eq!(super::cycle_index("Thìn Giáp"), None);
    }
}
