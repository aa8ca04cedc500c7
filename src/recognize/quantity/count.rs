//! Counts: a figure and the noun it counts ("20 hội viên mới", "2.232 lượt người",
//! "hơn 800 giáo viên", "hai thôn", "từ 20 đến 25 con bò"), and the noun before the figure
//! ("tổng số hội viên là 245"). The nouns are in `data/count_units.txt`.

use super::{quantities, quantity_cand, Core};
use crate::lexicon::role;
use crate::lexicon::AbbrKind;
use crate::model::{Fact, Kind, Qualifier, Value};
use crate::recognize::{word_before, Cand, Ctx};
use crate::text::chars::fold_spaces;

/// The counted noun right after figure `i`: its byte range.
pub(crate) fn unit_after(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let f = &ctx.figs[i];
    // "1.031.200con", "1giải Nhất": digits glued to a counted noun in lower case.
    let glued = f.digits
        && ctx.text[f.end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && c.is_lowercase());
    let us = match ctx.text.as_bytes().get(f.end) {
        Some(b' ') => f.end + 1,
        _ if glued => f.end,
        _ => return None,
    };
    let units = &ctx.lex.count_units;
    let (mut e, _) = ctx.w.after(units, us)?;
    // "lượt" + any counted noun: "2.310 lượt trẻ em", "350 lượt đoàn viên".
    if ctx.is_role(&ctx.text[us..e], role!("count_visits"))
        && ctx.text.as_bytes().get(e) == Some(&b' ')
    {
        if let Some((e2, _)) = ctx.w.after(units, e + 1) {
            e = e2;
        }
    }
    // "300 cuốn SGK": a counted noun and the abbreviation of a thing (kind `other`).
    if ctx.text.as_bytes().get(e) == Some(&b' ') {
        if let Some((e2, senses)) = ctx.w.abbr_at(ctx.lex, e + 1) {
            if senses.iter().any(|a| a.kind == AbbrKind::Other) {
                e = e2;
            }
        }
    }
    Some((us, e))
}

fn core(ctx: &Ctx, i: usize) -> Option<Core<String>> {
    let f = &ctx.figs[i];
    // "năm" alone is far more often "year" than "five", and "một" + noun ("một chiếc xe",
    // "một số") is an article more often than a count.
    if f.single_word && ctx.is_role(&ctx.text[f.start..f.end], role!("not_a_count")) {
        return None;
    }
    if !f.value.is_integer() && f.scale == 0 {
        return None;
    }
    let (us, ue) = unit_after(ctx, i)?;
    Some(Core {
        start: f.start,
        end: ue,
        unit: fold_spaces(&ctx.text[us..ue]),
        value: None,
        implied: false,
    })
}

/// A counted noun with its abbreviations spelled out ("thẻ BHYT" → "thẻ bảo hiểm y tế"), when
/// it has any.
fn spelled_out(ctx: &Ctx, unit: &str) -> Option<String> {
    let mut any = false;
    let words: Vec<String> = unit
        .split(' ')
        .map(|w| match ctx.lex.abbreviations.get(w) {
            Some(senses) if w.chars().all(|c| !c.is_lowercase()) => {
                any = true;
                senses[0].full.to_lowercase()
            }
            _ => w.to_owned(),
        })
        .collect();
    any.then(|| words.join(" "))
}

/// "tổng số hội viên là 245": the noun before the figure.
fn noun_before(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let text = ctx.text;
    let f = &ctx.figs[i];
    if !f.value.is_integer() || unit_after(ctx, i).is_some() {
        return;
    }
    // Where the noun ends: before ": ", before "là" / "đạt" / "có" / "gồm", or one space back.
    let p = f.start;
    let noun_end = if text[..p].ends_with(": ") {
        p - 2
    } else {
        match word_before(text, p) {
            Some(w) if ctx.word_is(Some(w), role!("linking")) => match w.0 {
                0 => return,
                s => s - 1,
            },
            _ => match p {
                0 => return,
                p => p - 1,
            },
        }
    };
    if noun_end == 0 || !text.is_char_boundary(noun_end) {
        return;
    }
    let Some((us, _)) = ctx.w.before(&ctx.lex.count_units, noun_end) else {
        return;
    };
    let so = word_before(text, us);
    if !ctx.word_is(so, role!("number_of")) {
        return;
    }
    let mut start = so.unwrap_or((us, us)).0;
    let total = word_before(text, start);
    if ctx.word_is(total, role!("total")) {
        start = total.unwrap_or((start, start)).0;
    }
    let mut fact = Fact::new(Kind::Count);
    fact.value = Some(Value::Number(f.value));
    fact.unit = Some(fold_spaces(&text[us..noun_end]));
    fact.qualifier = Some(Qualifier::Exact);
    let mut c = Cand::new(start, f.end, fact);
    c.overflow = f.overflow;
    out.push(c);
}

/// Proposes the counts of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Count, |f| {
            f.unit_full = spelled_out(ctx, &q.unit);
            f.unit = Some(q.unit.clone());
        }));
    }
    for i in 0..ctx.figs.len() {
        if ctx.usable(i) {
            noun_before(ctx, i, out);
        }
    }
}
