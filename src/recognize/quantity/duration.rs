//! Durations: a figure and a unit of time ("trong 6 tháng" → 6 month, "hai năm", "nửa tháng").
//! Units are in `data/duration_units.txt`. A figure that is a day or month number of a date
//! ("ngày 8 tháng 7") is not a duration; the date recogniser reads it.

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
    let (end, unit) = ctx.w.after(&ctx.lex.duration_units, f.end + 1)?;
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
