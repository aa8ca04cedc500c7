//! Percentages: "97% hội viên", "98,2%KH", "12.5%", "ba mươi phần trăm", and ranges
//! ("từ 10% đến 15%", "10-15%").

use super::{quantities, quantity_cand, Core};
use crate::lexicon::role;
use crate::model::Kind;
use crate::recognize::{Cand, Ctx};
use crate::text::chars::starts_with_ci;

fn core(ctx: &Ctx, i: usize) -> Option<Core<()>> {
    let f = &ctx.figs[i];
    let text = ctx.text;
    let rest = &text[f.end..];
    let n = if rest.starts_with('%') {
        1
    } else if rest.starts_with(" %") {
        2
    } else {
        let sp = usize::from(rest.starts_with(' '));
        let word = ctx
            .words(role!("percent_word"))
            .iter()
            .find_map(|w| starts_with_ci(&rest[sp..], w));
        sp + word.filter(|_| sp == 1)?
    };
    Some(Core {
        start: f.start,
        end: f.end + n,
        unit: (),
        value: None,
        implied: false,
    })
}

/// Proposes the percentages of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Percent, |_| {}));
    }
}
