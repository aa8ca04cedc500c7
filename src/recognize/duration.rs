//! Durations: a figure and a unit of time ("trong 6 tháng" → 6 month, "hai năm", "nửa tháng").
//! Units are in `data/duration_units.txt`. A figure that is a day or month number of a date
//! ("ngày 8 tháng 7") is not a duration; the date recogniser reads it.

use super::{prio, quantities, quantity_cand, word_before, word_is, Cand, Core, Ctx};
use crate::fact::Kind;
use crate::lexicon::{function_words, DURATION_UNITS};

fn core(ctx: &Ctx, i: usize) -> Option<Core<&'static str>> {
    let f = &ctx.figs[i];
    let text = ctx.text;
    if text.as_bytes().get(f.end) != Some(&b' ') {
        return None;
    }
    if word_is(
        text,
        word_before(text, f.start),
        function_words("not_duration"),
    ) {
        return None;
    }
    let (end, unit) = DURATION_UNITS.match_after(text, f.end + 1)?;
    Some(Core {
        start: f.start,
        end,
        unit: *unit,
        value: None,
        implied: false,
    })
}

/// Proposes the durations of the text.
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Duration, prio::QUANTITY, |f| {
            f.unit = Some(q.unit.to_owned());
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_table;
    use crate::fact::Kind;

    const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
        (
            "trong 6 tháng đã ủng hộ",
            &[("6 tháng", r#"{"value":6,"unit":"month"}"#)],
        ),
        (
            "sau hai năm thực hiện",
            &[("hai năm", r#"{"value":2,"unit":"year"}"#)],
        ),
        (
            "tập huấn 3 ngày, nghỉ nửa tháng",
            &[
                ("3 ngày", r#"{"value":3,"unit":"day"}"#),
                ("nửa tháng", r#"{"value":0.5,"unit":"month"}"#),
            ],
        ),
        (
            "gần 2 tuần",
            &[(
                "gần 2 tuần",
                r#"{"value":2,"unit":"week","qualifier":"nearly"}"#,
            )],
        ),
        // Not durations: dates, periods, counted days of work.
        ("ngày 8 tháng 7 năm 2024", &[]),
        ("6 tháng đầu năm 2024", &[]),
        ("với 68 ngày công", &[]),
    ];

    #[test]
    fn examples() {
        check_table(Kind::Duration, EXAMPLES);
    }
}
