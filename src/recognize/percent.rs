//! Percentages: "97% hội viên", "98,2%KH", "12.5%", "ba mươi phần trăm", and ranges
//! ("từ 10% đến 15%", "10-15%").

use super::{prio, quantities, quantity_cand, starts_with_ci, Cand, Core, Ctx};
use crate::fact::Kind;

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
        sp + starts_with_ci(&rest[sp..], "phần trăm").filter(|_| sp == 1)?
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
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Percent, prio::PERCENT, |_| {}));
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_table;
    use crate::fact::Kind;

    const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
        (
            "có 100% cán bộ, 97% hội viên",
            &[("100%", r#"{"value":100}"#), ("97%", r#"{"value":97}"#)],
        ),
        ("đạt 98,2%KH năm", &[("98,2%", r#"{"value":98.2}"#)]),
        ("tăng 12.5% so với", &[("12.5%", r#"{"value":12.5}"#)]),
        (
            "chiếm ba mươi phần trăm",
            &[("ba mươi phần trăm", r#"{"value":30}"#)],
        ),
        (
            "từ 10% đến 15% hộ",
            &[("từ 10% đến 15%", r#"{"min":10,"max":15}"#)],
        ),
        ("giảm 10-15%", &[("10-15%", r#"{"min":10,"max":15}"#)]),
        (
            "đạt trên 90 % kế hoạch",
            &[("trên 90 %", r#"{"value":90,"qualifier":"over"}"#)],
        ),
    ];

    #[test]
    fn examples() {
        check_table(Kind::Percent, EXAMPLES);
    }
}
