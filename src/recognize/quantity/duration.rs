//! Durations: a figure and a unit of time ("trong 6 tháng" → 6 month, "hai năm", "nửa tháng").
//! Units are in `data/duration_units.txt`. A figure that is a day or month number of a date
//! ("ngày 8 tháng 7") is not a duration; the date recogniser reads it. An anniversary ("kỷ niệm
//! 70 năm", "134 năm ngày sinh …", the words of `data/anniversary.txt`) is no duration.
//!
//! A span with its direction ("5 năm qua", "2 ngày vừa rồi", "3 tháng tới": the words of roles
//! `span_past` and `span_next`) is a duration too, the span "5 năm" (the amount of time, as
//! annotators mark it); its `relative` says which way it runs from the document's date, and
//! resolution gives its `from` and `to` when that date is known.

use super::{quantities, quantity_cand, Core};
use crate::lexicon::role;
use crate::model::{Kind, Relative, TimeUnit};
use crate::recognize::{word_before, Cand, Ctx};
use crate::text::chars::starts_with_ci;
use crate::time::pending::Pending;

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

/// The direction of a span whose unit ends at `end` ("qua", "vừa qua" → -1; "tới" → 1): the
/// longest direction word right after it that a letter does not run on from.
fn direction_after(ctx: &Ctx, end: usize) -> Option<i32> {
    let rest = ctx.text[end..].strip_prefix(' ')?;
    let mut best: Option<(usize, i32)> = None;
    for (role, d) in [(role!("span_past"), -1), (role!("span_next"), 1)] {
        for w in ctx.words(role) {
            let Some(n) = starts_with_ci(rest, w) else {
                continue;
            };
            if crate::text::chars::alnum_at(&rest[n..]) {
                continue;
            }
            if best.is_none_or(|(len, _)| n > len) {
                best = Some((n, d));
            }
        }
    }
    best.map(|(_, d)| d)
}

/// Proposes the durations of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        let mut c = quantity_cand(&q, Kind::Duration, |f| {
            f.unit = Some(q.unit.name().to_owned());
        });
        let count = q
            .value
            .and_then(|v| v.to_i64())
            .filter(|n| (1..=100).contains(n));
        if let (Some(n), Some(dir)) = (count, direction_after(ctx, q.end)) {
            let mut r = Relative::new(q.unit, if dir < 0 { -(n as i32) } else { 1 });
            r.count = Some(n as u32);
            c.fact.relative = Some(r.clone());
            c.pending = Some(Pending::Relative(r, None));
        }
        out.push(c);
    }
}
