//! Measures: a figure and a unit of length, area, volume, mass or power ("dài 50m, rộng 5m",
//! "3,5 ha", "120 tấn", "60 tạ/ha"). Units and the symbols reported are in
//! `data/measure_units.txt`.

use super::{char_at, prio, quantities, quantity_cand, Cand, Core, Ctx};
use crate::fact::Kind;
use crate::lexicon::MEASURE_UNITS;

/// The unit symbol, and what it is per ("ha" in "60 tạ/ha").
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureUnit {
    symbol: &'static str,
    per: Option<&'static str>,
}

fn unit_at(text: &str, at: usize) -> Option<(usize, &'static str)> {
    for u in MEASURE_UNITS.iter() {
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
    let (mut end, symbol) = unit_at(text, f.end + sp)?;
    let mut per = None;
    if text[end..].starts_with('/') {
        if let Some((e, s)) = unit_at(text, end + 1) {
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
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Measure, prio::QUANTITY, |f| {
            f.unit = Some(q.unit.symbol.to_owned());
            f.per = q.unit.per.map(str::to_owned);
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_table;
    use crate::fact::Kind;

    const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
        (
            "đường dài 50m, rộng 5m gia đình",
            &[
                ("50m", r#"{"value":50,"unit":"m"}"#),
                ("5m", r#"{"value":5,"unit":"m"}"#),
            ],
        ),
        (
            "trồng 3,5 ha lúa",
            &[("3,5 ha", r#"{"value":3.5,"unit":"ha"}"#)],
        ),
        (
            "sản lượng 1.250 tấn",
            &[("1.250 tấn", r#"{"value":1250,"unit":"t"}"#)],
        ),
        (
            "năng suất 62 tạ/ha",
            &[("62 tạ/ha", r#"{"value":62,"unit":"tạ","per":"ha"}"#)],
        ),
        (
            "nhà 120 m² và 45m2",
            &[
                ("120 m²", r#"{"value":120,"unit":"m2"}"#),
                ("45m2", r#"{"value":45,"unit":"m2"}"#),
            ],
        ),
        (
            "từ 3 đến 5 km",
            &[("từ 3 đến 5 km", r#"{"min":3,"max":5,"unit":"km"}"#)],
        ),
        (
            "gần 2 nghìn lít nước",
            &[(
                "gần 2 nghìn lít",
                r#"{"value":2000,"unit":"l","qualifier":"nearly"}"#,
            )],
        ),
        // Not measures: a word that starts like a unit.
        ("có 5 mô hình, 3 mới", &[]),
    ];

    #[test]
    fn examples() {
        check_table(Kind::Measure, EXAMPLES);
    }
}
