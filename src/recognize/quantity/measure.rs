//! Measures: a figure and a unit of length, area, volume, mass or power ("dài 50m, rộng 5m",
//! "3,5 ha", "120 tấn", "60 tạ/ha"). Units and the symbols reported are in
//! `data/measure_units.txt`.

use super::{quantities, quantity_cand, Core};
use crate::lexicon::Lexicon;
use crate::model::Kind;
use crate::recognize::{Cand, Ctx};
use crate::text::chars::char_at;

/// The unit symbol, and what it is per ("ha" in "60 tạ/ha").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MeasureUnit {
    symbol: &'static str,
    per: Option<&'static str>,
}

fn unit_at(lex: &Lexicon, text: &str, at: usize) -> Option<(usize, &'static str)> {
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

fn core(ctx: &Ctx, i: usize) -> Option<Core<MeasureUnit>> {
    let f = &ctx.figs[i];
    let text = ctx.text;
    let sp = usize::from(text.as_bytes().get(f.end) == Some(&b' '));
    let (mut end, symbol) = unit_at(ctx.lex, text, f.end + sp)?;
    let mut per = None;
    if text[end..].starts_with('/') {
        if let Some((e, s)) = unit_at(ctx.lex, text, end + 1) {
            per = Some(s);
            end = e;
        }
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
            f.per = q.unit.per.map(str::to_owned);
        }));
    }
}
