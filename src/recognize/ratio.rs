//! Ratios: "12/12 chi hội", "3/5 xã", "12.450/11.800 lượt người". A pair of figures joined by
//! "/" is a ratio when a counted noun follows it or when it cannot be a day and month;
//! otherwise it is a date ("ngày 12/12"), which the date recogniser reads.

use super::{count, date, prio, word_before, word_is, Cand, Ctx};
use crate::fact::{Fact, Kind};
use crate::lexicon::function_words;

/// Proposes the ratios of the text.
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let text = ctx.text;
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
        if word_is(text, word_before(text, a.start), function_words("date_cue")) {
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
                fact.unit = Some(
                    text[us..ue]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                ue
            }
            None => b.end,
        };
        let mut c = Cand::new(a.start, end, prio::RATIO, fact);
        c.overflow = a.overflow || b.overflow;
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_table;
    use crate::fact::Kind;

    const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
        (
            "có 12/12 chi hội hưởng ứng",
            &[(
                "12/12 chi hội",
                r#"{"numerator":12,"denominator":12,"unit":"chi hội"}"#,
            )],
        ),
        (
            "3/5 xã đạt chuẩn",
            &[("3/5 xã", r#"{"numerator":3,"denominator":5,"unit":"xã"}"#)],
        ),
        (
            "đạt 12.450/11.800 lượt người",
            &[(
                "12.450/11.800 lượt người",
                r#"{"numerator":12450,"denominator":11800}"#,
            )],
        ),
        (
            "hoàn thành 45/40 chỉ tiêu",
            &[("45/40 chỉ tiêu", r#"{"numerator":45,"denominator":40}"#)],
        ),
        (
            "đạt 17/19 tiêu chí",
            &[("17/19 tiêu chí", r#"{"numerator":17}"#)],
        ),
        (
            "hoàn thành 12/12,",
            &[("12/12", r#"{"numerator":12,"denominator":12}"#)],
        ),
        // Dates and document numbers are not ratios.
        ("ngày 12/12 tổ chức", &[]),
        ("dịp 26/3/2024 đã", &[]),
        ("Nghị quyết số 20/NQ-HĐND", &[]),
        ("ngày 30/2 là lỗi đánh máy", &[]),
    ];

    #[test]
    fn examples() {
        check_table(Kind::Ratio, EXAMPLES);
    }
}
