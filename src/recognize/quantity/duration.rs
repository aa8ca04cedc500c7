//! Durations: a figure and a unit of time ("trong 6 tháng" → 6 month, "hai năm", "nửa tháng").
//! Units are in `data/duration_units.txt`. A figure that is a day or month number of a date
//! ("ngày 8 tháng 7") is not a duration; the date recogniser reads it. An anniversary ("kỷ niệm
//! 70 năm", "134 năm ngày sinh …", the words of `data/anniversary.txt`) is no duration.

use super::{quantities, quantity_cand, Core};
use crate::lexicon::role;
use crate::model::{Kind, TimeUnit};
use crate::recognize::{word_before, Cand, Ctx};

fn core(ctx: &Ctx, i: usize) -> Option<Core<TimeUnit>> {
    let f = &ctx.figs[i];
    let text = ctx.text;
    if text.as_bytes().get(f.end) != Some(&b' ') {
        return None;
    }
    if ctx.word_is(word_before(text, f.start), role!("not_duration")) {
        return None;
    }
    // "năm tháng" ("the years", "bao năm tháng gian khổ"): "năm" alone is not five here
    // either, as with counts.
    if f.single_word && ctx.is_role(&text[f.start..f.end], role!("not_a_count")) {
        return None;
    }
    let (end, unit) = ctx.w.after(&ctx.lex.duration_units, f.end + 1)?;
    // An anniversary, not a span of time: "kỷ niệm 70 năm chiến thắng Điện Biên Phủ", "134
    // năm ngày sinh Chủ tịch Hồ Chí Minh".
    let list = &ctx.lex.anniversary;
    let cue_before = f.start > 0
        && text.as_bytes()[f.start - 1] == b' '
        && ctx
            .w
            .before(list, f.start - 1)
            .is_some_and(|(_, before)| *before);
    let event_after = text.as_bytes().get(end) == Some(&b' ')
        && ctx
            .w
            .after(list, end + 1)
            .is_some_and(|(_, before)| !*before);
    if cue_before || event_after {
        return None;
    }
    Some(Core {
        start: f.start,
        end,
        unit: *unit,
        value: None,
        implied: false,
    })
}

/// Proposes the durations of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Duration, |f| {
            f.unit = Some(q.unit.name().to_owned());
        }));
    }
}
