//! Measures: a figure and a unit of length, area, volume, mass or power ("dài 50m, rộng 5m",
//! "3,5 ha", "120 tấn", "60 tạ/ha"), with the rate they are per: a unit of measure, of time or
//! a counted noun ("500 m3/ngày", "20 lít/người/ngày", "1.200 m3 nước/ngày đêm"). Units and
//! the symbols reported are in `data/measure_units.txt`.

use super::{quantities, quantity_cand, Core};
use crate::lexicon::Lexicon;
use crate::model::Kind;
use crate::recognize::{word_after, Cand, Ctx};
use crate::text::chars::{char_at, fold_spaces};

/// The unit symbol, and what it is per ("ha" in "60 tạ/ha", "người/ngày" in "20 lít/người/ngày").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MeasureUnit {
    symbol: &'static str,
    per: Option<String>,
}

pub(crate) fn unit_at(lex: &Lexicon, text: &str, at: usize) -> Option<(usize, &'static str)> {
    let first = *text.as_bytes().get(at)?;
    for u in lex.measure_by_first[first as usize]
        .iter()
        .map(|&k| &lex.measure_units[k])
    {
        if text[at..].starts_with(u.written) {
            let end = at + u.written.len();
            if char_at(text, end).is_some_and(char::is_alphanumeric) {
                continue;
            }
            return Some((end, u.symbol));
        }
    }
    None
}

/// What a rate is per after "/" at `at`: a unit of measure (its symbol), a unit of time or a
/// counted noun (as written, the longest listed), or one word in lower case. Its end and text.
fn per_at(ctx: &Ctx, at: usize) -> Option<(usize, String)> {
    if let Some((e, symbol)) = unit_at(ctx.lex, ctx.text, at) {
        return Some((e, symbol.to_owned()));
    }
    let listed = ctx
        .w
        .after(&ctx.lex.duration_units, at)
        .map(|(e, _)| e)
        .or_else(|| ctx.w.after(&ctx.lex.count_units, at).map(|(e, _)| e));
    // Else one word in lower case ("m3/giờ", "kg/con"; not "tấn/KH", of the plan).
    let e = listed.or_else(|| {
        let rest = &ctx.text[at..];
        let n = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() && c.is_lowercase()))
            .map_or(rest.len(), |(i, _)| i);
        (n > 0 && !crate::text::chars::alnum_at(&rest[n..])).then_some(at + n)
    })?;
    Some((e, fold_spaces(&ctx.text[at..e])))
}

/// The rate after a unit that ends at `end` ("/ha", "/người/ngày", " nước/ngày đêm": one word
/// of what is measured may stand before the slash): its end and text.
fn per_after(ctx: &Ctx, end: usize) -> Option<(usize, String)> {
    let text = ctx.text;
    let mut p = end;
    if !text[p..].starts_with('/') {
        let (s, e) = word_after(text, p)?;
        let lower = text[s..e]
            .chars()
            .all(|c| c.is_alphabetic() && c.is_lowercase());
        if !lower || !text[e..].starts_with('/') {
            return None;
        }
        p = e;
    }
    let mut parts = Vec::new();
    while text[p..].starts_with('/') {
        let Some((e, part)) = per_at(ctx, p + 1) else {
            break;
        };
        parts.push(part);
        p = e;
    }
    (!parts.is_empty()).then(|| (p, parts.join("/")))
}

fn core(ctx: &Ctx, i: usize) -> Option<Core<MeasureUnit>> {
    let f = &ctx.figs[i];
    let text = ctx.text;
    let sp = usize::from(text.as_bytes().get(f.end) == Some(&b' '));
    let (mut end, symbol) = unit_at(ctx.lex, text, f.end + sp)?;
    let mut per = None;
    if let Some((e, p)) = per_after(ctx, end) {
        per = Some(p);
        end = e;
    }
    Some(Core {
        start: f.start,
        end,
        unit: MeasureUnit { symbol, per },
        value: None,
        implied: false,
    })
}

/// Proposes the measures of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Measure, |f| {
            f.unit = Some(q.unit.symbol.to_owned());
            f.per = q.unit.per.clone();
        }));
    }
}
