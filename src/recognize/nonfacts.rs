//! Numbers that are not facts: document numbers ("Chỉ thị 05", "Nghị quyết số 20/NQ-HĐND",
//! "Quyết định 123/QĐ-UBND"), ordinals ("lần thứ 3", "khóa 12") and slogans
//! ("5 không, 3 sạch"). Their figures are marked so that no recogniser uses them, and their
//! spans are kept out of every other fact.
//!
//! The words that name documents are in `data/document_words.txt`, the words that make an
//! ordinal in `data/not_after.txt`. Numbers in names ("chi hội Liên Mậu 3") need no rule: no
//! counted noun, currency or unit follows them, so no recogniser reads them.

use super::{prio, Cand, Ctx};
use crate::fact::{Fact, Kind};
use crate::numbers::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// The first column of a data file's lines (those whose second column is `class`, when given),
/// as regex alternatives, longest first.
fn alternatives(data: &str, class: Option<&str>) -> String {
    let mut words: Vec<String> = data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| class.is_none_or(|c| l.split('\t').nth(1).map(str::trim) == Some(c)))
        .map(|l| regex::escape(l.split('\t').next().unwrap_or(l).trim()))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.join("|")
}

static BLOCKS: LazyLock<Regex> = LazyLock::new(|| {
    let words = include_str!("../../data/document_words.txt");
    let bare = alternatives(words, Some("bare"));
    let numbered = alternatives(words, Some("numbered"));
    let ordinals = alternatives(include_str!("../../data/not_after.txt"), None);
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?P<all>(?:{bare})(?: số)?:? \d+(?:[/\-.][\p{{L}}\d]+)*|(?:{numbered})(?: số:? \d+(?:[/\-.][\p{{L}}\d]+)*| \d+(?:[/\-][\p{{L}}\d]+)+)|\d+[/\-][\p{{Lu}}][\p{{L}}\d/\-]*|(?:{ordinals}) \d+|\d+ không(?:, ?\d+ \p{{L}}+)+)"
    ))
    .unwrap()
});

/// The spans of the text that are not facts.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    BLOCKS
        .captures_iter(text)
        .filter_map(|c| c.name("all"))
        .filter(|m| {
            // "thứ 5 tuần sau", "thứ 2 ngày 6/2", "thứ 2 (6/2)": a day of the week.
            let rest = &text[m.end()..];
            let rest = rest.strip_prefix(',').unwrap_or(rest);
            let weekday = super::starts_with_ci(m.as_str(), "thứ ").is_some()
                && (rest.starts_with(" (")
                    || crate::lexicon::function_words("weekday_anchor")
                        .iter()
                        .any(|a| {
                            rest.strip_prefix(' ')
                                .is_some_and(|r| super::starts_with_ci(r, a).is_some())
                        }));
            !weekday
        })
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// For each figure: is it inside a document number, an ordinal or a slogan?
pub fn blocked_figures(spans: &[(usize, usize)], figs: &[Figure]) -> Vec<bool> {
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
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for &(s, e) in &ctx.block_spans {
        let mut c = Cand::new(s, e, prio::BLOCK, Fact::new(Kind::Count));
        c.block = true;
        out.push(c);
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
            let got: Vec<&str> = spans(input)
                .into_iter()
                .map(|(s, e)| &input[s..e])
                .collect();
            assert_eq!(&got, want, "{input:?}");
        }
    }
}
