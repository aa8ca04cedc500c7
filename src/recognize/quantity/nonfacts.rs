//! Numbers that are not facts: document numbers ("Chỉ thị 05", "Nghị quyết số 20/NQ-HĐND",
//! "Quyết định 123/QĐ-UBND"), ordinals ("lần thứ 3", "khóa 12") and slogans
//! ("5 không, 3 sạch"). Their figures are marked so that no recogniser uses them, and their
//! spans are kept out of every other fact.
//!
//! The words that name documents are in `data/document_words.txt`, the words that make an
//! ordinal in `data/not_after.txt`. Numbers in names ("chi hội Liên Mậu 3") need no rule: no
//! counted noun, currency or unit follows them, so no recogniser reads them.

use crate::lexicon::role;
use crate::lexicon::{alternatives, alternatives_of, words, DocNumber, Lexicon};
use crate::recognize::Regex;
use crate::recognize::{Cand, Ctx};
use crate::text::chars::starts_with_ci;
use crate::text::numbers::Figure;
use std::sync::LazyLock;

static BLOCKS: LazyLock<Regex> = LazyLock::new(|| {
    let lex = Lexicon::builtin();
    let of = |class: DocNumber| {
        alternatives(
            lex.document_words
                .iter()
                .filter(move |(_, c)| *c == class)
                .map(|(w, _)| *w),
        )
    };
    let (bare, numbered) = (of(DocNumber::Bare), of(DocNumber::Numbered));
    let ordinals = alternatives(lex.not_after.iter().copied());
    let (number, no) = (
        alternatives_of(&["document_number"]),
        alternatives_of(&["slogan_no"]),
    );
    Regex::new(&format!(
        r"(?i)(?P<all>(?:{bare})(?: (?:{number}))?:? [0-9]+(?:[/\-.](?-i:[\p{{L}}0-9])+)*|(?:{numbered})(?: (?:{number}):? [0-9]+(?:[/\-.](?-i:[\p{{L}}0-9])+)*| [0-9]+(?:[/\-](?-i:[\p{{L}}0-9])+)+)|[0-9]+[/\-][\p{{Lu}}](?-i:[\p{{L}}0-9/\-])*|(?:{ordinals}) [0-9]+|[0-9]+ (?:{no})(?:, ?[0-9]+ (?-i:\p{{L}})+)+)"
    ))
    .unwrap()
});

/// The spans of the text that are not facts.
pub(crate) fn spans(text: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let ordinal = words("ordinal");
    // `all` is the whole match: no group is read.
    crate::recognize::spans(&BLOCKS, text, true, |_, _| true)
        .filter(|&(s, e)| {
            // "thứ 5 tuần sau", "thứ 2 ngày 6/2", "thứ 2 (6/2)": a day of the week.
            let (m, rest) = (&text[s..e], &text[e..]);
            let rest = rest.strip_prefix(',').unwrap_or(rest);
            let after_ordinal = ordinal
                .iter()
                .any(|o| starts_with_ci(m, o).is_some_and(|n| m[n..].starts_with(' ')));
            let weekday = after_ordinal
                && (rest.starts_with(" (")
                    || lex.words(role!("weekday_anchor")).iter().any(|a| {
                        rest.strip_prefix(' ')
                            .is_some_and(|r| starts_with_ci(r, a).is_some())
                    }));
            !weekday
        })
        .collect()
}

/// For each figure: is it inside a document number, an ordinal or a slogan?
pub(crate) fn blocked_figures(spans: &[(usize, usize)], figs: &[Figure]) -> Vec<bool> {
    let mut k = 0;
    figs.iter()
        .map(|f| {
            while k < spans.len() && spans[k].1 <= f.start {
                k += 1;
            }
            k < spans.len() && spans[k].0 < f.end
        })
        .collect()
}

/// Proposes the blocking spans (they win every overlap and are never reported).
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for &(s, e) in &ctx.block_spans {
        out.push(Cand::block(s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, the spans that are not facts)
    const EXAMPLES: &[(&str, &[&str])] = &[
        ("thực hiện Chỉ thị 05 của Bộ", &["Chỉ thị 05"]),
        (
            "theo Nghị quyết số 20/NQ-HĐND ngày",
            &["Nghị quyết số 20/NQ-HĐND"],
        ),
        (
            "Quyết định 123/QĐ-UBND và Kế hoạch số 45-KH/HU",
            &["Quyết định 123/QĐ-UBND", "Kế hoạch số 45-KH/HU"],
        ),
        ("đại hội lần thứ 3 nhiệm kỳ", &["thứ 3"]),
        ("họp thứ 5 tuần sau, thứ 2 ngày 6/2", &[]),
        ("mô hình 5 không, 3 sạch tại", &["5 không, 3 sạch"]),
        ("có 20 hội viên và 3 sạch", &[]),
        ("triển khai kế hoạch 6 tháng cuối năm", &[]),
    ];

    #[test]
    fn examples() {
        for (input, want) in EXAMPLES {
            let got: Vec<&str> = spans(input, Lexicon::builtin())
                .into_iter()
                .map(|(s, e)| &input[s..e])
                .collect();
            assert_eq!(&got, want, "{input:?}");
        }
    }
}
