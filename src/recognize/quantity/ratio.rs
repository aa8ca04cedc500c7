//! Ratios: "12/12 chi hội", "3/5 xã", "12.450/11.800 lượt người". A pair of figures joined by
//! "/" is a ratio when a counted noun follows it or when it cannot be a day and month;
//! otherwise it is a date ("ngày 12/12"), which the date recogniser reads.

use super::count;
use crate::lexicon::role;
use crate::model::{Fact, Kind};
use crate::recognize::time::date;
use crate::recognize::{word_before, Cand, Ctx};
use crate::text::chars::fold_spaces;

/// Proposes the ratios of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    noun_twice(ctx, out);
    for i in 1..ctx.figs.len() {
        let (a, b) = (&ctx.figs[i - 1], &ctx.figs[i]);
        if !(ctx.usable(i) && ctx.usable(i - 1) && a.digits && b.digits) {
            continue;
        }
        if b.start != a.end + 1 || text.as_bytes()[a.end] != b'/' {
            continue;
        }
        if !a.value.is_integer() || !b.value.is_integer() {
            continue;
        }
        // "8/7/2024": a third part makes it a date.
        let rest = &text.as_bytes()[b.end..];
        if rest.first() == Some(&b'/') && rest.get(1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        // Not after another slash either ("20/NQ/12").
        if a.start > 0 && text.as_bytes()[a.start - 1] == b'/' {
            continue;
        }
        // "ngày 30/2" is a (wrong) date, never a ratio.
        if ctx.word_is(word_before(text, a.start), role!("date_cue")) {
            continue;
        }
        let unit = count::unit_after(ctx, i);
        if unit.is_none() && date::slash_pair_is_date(ctx, i - 1) {
            continue;
        }
        let mut fact = Fact::new(Kind::Ratio);
        fact.numerator = Some(a.value);
        fact.denominator = Some(b.value);
        let end = match unit {
            Some((us, ue)) => {
                fact.unit = Some(fold_spaces(&text[us..ue]));
                ue
            }
            None => b.end,
        };
        let mut c = Cand::new(a.start, end, fact);
        c.overflow = a.overflow || b.overflow;
        out.push(c);
    }
}

/// "20 chỉ tiêu/21 chỉ tiêu", "9 xã / 12 xã": a count, a slash and a count of the same noun
/// are one ratio (which wins over the two counts: it is longer).
fn noun_twice(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
    for i in 1..ctx.figs.len() {
        let (a, b) = (&ctx.figs[i - 1], &ctx.figs[i]);
        if !(ctx.usable(i) && ctx.usable(i - 1) && a.digits && b.digits) {
            continue;
        }
        if !a.value.is_integer() || !b.value.is_integer() {
            continue;
        }
        let Some((us, ue)) = count::unit_after(ctx, i - 1) else {
            continue;
        };
        let between = &text[ue..b.start];
        if !matches!(between, "/" | " / " | "/ " | " /") {
            continue;
        }
        let Some((vs, ve)) = count::unit_after(ctx, i) else {
            continue;
        };
        let unit = fold_spaces(&text[us..ue]);
        if unit.to_lowercase() != fold_spaces(&text[vs..ve]).to_lowercase() {
            continue;
        }
        let mut fact = Fact::new(Kind::Ratio);
        fact.numerator = Some(a.value);
        fact.denominator = Some(b.value);
        fact.unit = Some(unit);
        let mut c = Cand::new(a.start, ve, fact);
        c.overflow = a.overflow || b.overflow;
        out.push(c);
    }
}
