//! Money: "87.500 nghìn đồng", "1.000.000đ", "200.000đ/em", "trên 12 tỷ đồng", "$10",
//! "từ 3 đến 5 triệu đồng", "từ 2 triệu đồng trở lên", and figures with no currency mark where
//! the words before them make them money ("trị giá 23.000.000", "thu ngân sách 4 tỷ 250 triệu").
//!
//! Currency marks are in `data/currencies.txt`; the words that make a bare figure money in
//! `data/money_context.txt` and `data/money_suffix.txt`.

use super::{
    char_at, char_before, ends_with_ci, prio, quantities, quantity_cand, starts_with_ci,
    word_after, word_before, word_is, Cand, Core, Ctx,
};
use crate::dec::Dec;
use crate::fact::Kind;
use crate::lexicon::{
    function_words, Currency, COUNT_UNITS, CURRENCIES, DURATION_UNITS, MINOR_CURRENCY,
    MONEY_CONTEXT, MONEY_SUFFIX, NOT_CURRENCY,
};

/// The currency code and what the amount is per.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyUnit {
    code: &'static str,
    per: Option<String>,
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Could a currency mark start (or end) with this char? A cheap test before the full one.
fn may_be_mark(c: Option<char>, last: bool) -> bool {
    let Some(c) = c else { return false };
    let c = crate::lexicon::lower(c);
    CURRENCIES.iter().any(|m| {
        let mut chars = m.mark.chars();
        (if last {
            chars.next_back()
        } else {
            chars.next()
        }) == Some(c)
    })
}

/// A currency mark after byte `pos` (zero or one space first): its end and the currency.
fn currency_after(text: &str, pos: usize) -> Option<(usize, &'static Currency)> {
    for skip in [0usize, 1] {
        if skip == 1 && text.as_bytes().get(pos) != Some(&b' ') {
            break;
        }
        let at = pos + skip;
        if !may_be_mark(char_at(text, at), false) {
            continue;
        }
        for c in CURRENCIES.iter().filter(|c| c.after) {
            if let Some(n) = starts_with_ci(&text[at..], &c.mark) {
                let end = at + n;
                let ends_in_letter = c.mark.chars().last().is_some_and(char::is_alphabetic);
                if ends_in_letter && alnum(char_at(text, end)) && !c.glue {
                    continue;
                }
                // "15 đồng chí" is fifteen comrades.
                if NOT_CURRENCY.match_after(text, at).is_some() {
                    continue;
                }
                return Some((end, c));
            }
        }
    }
    None
}

/// A currency mark before byte `pos` (zero or one space between): its start and the currency.
fn currency_before(text: &str, pos: usize) -> Option<(usize, &'static Currency)> {
    for skip in [0usize, 1] {
        if skip == 1 && (pos == 0 || text.as_bytes()[pos - 1] != b' ') {
            break;
        }
        let at = pos - skip;
        if !may_be_mark(char_before(text, at), true) {
            continue;
        }
        for c in CURRENCIES.iter().filter(|c| c.before) {
            if let Some(s) = ends_with_ci(&text[..at], &c.mark) {
                let starts_with_letter = c.mark.chars().next().is_some_and(char::is_alphabetic);
                if starts_with_letter && alnum(char_before(text, s)) {
                    continue;
                }
                return Some((s, c));
            }
        }
    }
    None
}

/// What follows "/" or "mỗi": a known noun ("hộ", "lượt người") or one word.
fn per_word(text: &str, at: usize) -> Option<usize> {
    if let Some((e, _)) = COUNT_UNITS.match_after(text, at) {
        return Some(e);
    }
    if let Some((e, _)) = DURATION_UNITS.match_after(text, at) {
        return Some(e);
    }
    let rest = &text[at..];
    let n = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    (n > 0).then_some(at + n)
}

/// "/em", "/hộ/năm", " mỗi tháng" after an amount: the per text and its end.
fn per_after(text: &str, pos: usize) -> Option<(String, usize)> {
    let mut parts: Vec<&str> = Vec::new();
    let mut p = pos;
    loop {
        let slash = if text[p..].starts_with('/') {
            1
        } else if text[p..].starts_with(" / ") {
            3
        } else {
            break;
        };
        let Some(e) = per_word(text, p + slash) else {
            break;
        };
        parts.push(&text[p + slash..e]);
        p = e;
    }
    if parts.is_empty() {
        let w = word_after(text, pos);
        if word_is(text, w, &["mỗi", "một"]) {
            let (_, we) = w?;
            if text.as_bytes().get(we) == Some(&b' ') {
                let e = per_word(text, we + 1)?;
                // "mỗi" + any noun is a rate; "một" + noun only with a known noun.
                if word_is(text, w, &["mỗi"])
                    || DURATION_UNITS.match_after(text, we + 1).is_some()
                    || COUNT_UNITS.match_after(text, we + 1).is_some()
                {
                    return Some((text[we + 1..e].to_owned(), e));
                }
            }
        }
        return None;
    }
    Some((parts.join("/"), p))
}

/// "mỗi tháng 200 000 đ": the per text before an amount starting at `pos`.
fn per_before(text: &str, pos: usize) -> Option<String> {
    let w1 = word_before(text, pos)?;
    if word_is(text, word_before(text, w1.0), function_words("per")) {
        return Some(text[w1.0..w1.1].to_owned());
    }
    let w2 = word_before(text, w1.0)?;
    if word_is(text, word_before(text, w2.0), &["mỗi"])
        && COUNT_UNITS.get(&text[w2.0..w1.1]).is_some()
    {
        return Some(text[w2.0..w1.1].to_owned());
    }
    None
}

/// Is there a money word within a few words before `pos`, with no figure between?
fn money_context_before(text: &str, pos: usize) -> bool {
    let mut p = pos;
    for _ in 0..4 {
        if p == 0 {
            return false;
        }
        let mut q = p;
        if text[..q].ends_with(' ') {
            q -= 1;
        }
        if text[..q].ends_with(':') {
            q -= 1;
            if text[..q].ends_with(' ') {
                q -= 1;
            }
        }
        if MONEY_CONTEXT.match_before(text, q).is_some() {
            return true;
        }
        match word_before(text, p) {
            Some((s, e)) if !text[s..e].bytes().any(|b| b.is_ascii_digit()) => p = s,
            _ => return false,
        }
    }
    false
}

/// Is there a money word earlier in the clause of byte `pos` (since the last ".", ";", "!", "?")?
/// Large bare figures need only this: "chi sự nghiệp giáo dục 420 triệu".
fn money_word_in_clause(text: &str, pos: usize) -> bool {
    const MAX_BACK: usize = 300;
    let mut from = pos.saturating_sub(MAX_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..pos];
    let start = head
        .rfind(['.', ';', '!', '?'])
        .map_or(from, |i| from + i + 1);
    let mut at = start;
    while at < pos {
        let starts_word = at == 0 || text.as_bytes()[at - 1] == b' ';
        if starts_word
            && MONEY_CONTEXT
                .match_after(text, at)
                .is_some_and(|(e, _)| e <= pos)
        {
            return true;
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// "2 đô la và 23 xen", "hai đô 23": cents after a currency other than đồng.
fn minor_after(ctx: &Ctx, i: usize, pos: usize) -> Option<(Dec, usize)> {
    let text = ctx.text;
    let next = ctx.figs.get(i + 1)?;
    let between = &text[pos..next.start];
    if between != " " && between != " và " {
        return None;
    }
    let cents = next.value.to_i64().filter(|v| (0..100).contains(v))?;
    let mut end = next.end;
    if text.as_bytes().get(end) == Some(&b' ') {
        if let Some((e, _)) = MINOR_CURRENCY.match_after(text, end + 1) {
            end = e;
        }
    }
    if end == next.end && alnum(char_at(text, end + 1)) {
        return None;
    }
    Some((Dec::new(cents as i128, -2)?, end))
}

fn core(ctx: &Ctx, i: usize) -> Option<Core<MoneyUnit>> {
    let text = ctx.text;
    let f = &ctx.figs[i];
    let (start, mut end, code, implied) = if let Some((e, c)) = currency_after(text, f.end) {
        (f.start, e, c.code, false)
    } else if let Some((s, c)) = currency_before(text, f.start) {
        (s, f.end, c.code, false)
    } else {
        // No mark: money only where the words around make it so, and never a count or measure.
        let big = f.scale >= 3 || f.value.to_f64() >= 1000.0;
        if !big || matches!(char_at(text, f.end), Some('%' | '/')) {
            return None;
        }
        let space_after = text.as_bytes().get(f.end) == Some(&b' ');
        if space_after && COUNT_UNITS.match_after(text, f.end + 1).is_some() {
            return None;
        }
        if f.plain && word_is(text, word_before(text, f.start), &["năm"]) {
            return None; // a year
        }
        let suffix = space_after && MONEY_SUFFIX.match_after(text, f.end + 1).is_some();
        let context = suffix
            || money_context_before(text, f.start)
            || ((f.scale >= 6 || f.value.to_f64() >= 100_000.0)
                && money_word_in_clause(text, f.start));
        if !context {
            return None;
        }
        (f.start, f.end, "VND", true)
    };
    let mut value = None;
    if code != "VND" && !implied {
        if let Some((cents, e)) = minor_after(ctx, i, end) {
            value = f.value.checked_add(cents);
            end = e;
        }
    }
    let per = match per_after(text, end) {
        Some((p, e)) => {
            end = e;
            Some(p)
        }
        None => per_before(text, start),
    };
    Some(Core {
        start,
        end,
        unit: MoneyUnit { code, per },
        value,
        implied,
    })
}

/// Proposes the money facts of the text.
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Money, prio::MONEY, |f| {
            f.currency = Some(q.unit.code.to_owned());
            f.per = q.unit.per.clone();
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_table;
    use crate::fact::Kind;

    /// (input, [(fact text, fields)]): the money facts of each input.
    const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
        (
            "thu được 87.500 nghìn đồng giúp",
            &[(
                "87.500 nghìn đồng",
                r#"{"value":87500000,"currency":"VND","qualifier":"exact"}"#,
            )],
        ),
        (
            "tổng giá trị 15.500 000 đồng.",
            &[("15.500 000 đồng", r#"{"value":15500000}"#)],
        ),
        (
            "mỗi tháng 200\n000 đ, số",
            &[("200\n000 đ", r#"{"value":200000,"per":"tháng"}"#)],
        ),
        (
            "hỗ trợ 200.000đ/em.",
            &[("200.000đ/em", r#"{"value":200000,"per":"em"}"#)],
        ),
        (
            "mức 2 triệu đồng/hộ/năm",
            &[("2 triệu đồng/hộ/năm", r#"{"value":2000000,"per":"hộ/năm"}"#)],
        ),
        (
            "35 cột trị giá 23.000.000; xóm",
            &[("23.000.000", r#"{"value":23000000,"currency":"VND"}"#)],
        ),
        (
            "làm 140 cột trị giá 60 triệu, xóm",
            &[("60 triệu", r#"{"value":60000000}"#)],
        ),
        (
            "hiến trị giá trên 3 trăm triệu đồng.",
            &[(
                "trên 3 trăm triệu đồng",
                r#"{"value":300000000,"qualifier":"over"}"#,
            )],
        ),
        (
            "dư nợ trên 12 tỷ đồng.",
            &[(
                "trên 12 tỷ đồng",
                r#"{"value":12000000000,"qualifier":"over"}"#,
            )],
        ),
        (
            "góp hơn 15 triệu đồnglàm đường",
            &[(
                "hơn 15 triệu đồng",
                r#"{"value":15000000,"qualifier":"over"}"#,
            )],
        ),
        (
            "số tiền 1.000.000đ.",
            &[("1.000.000đ", r#"{"value":1000000}"#)],
        ),
        (
            "từ 3 đến 5 triệu đồng",
            &[("từ 3 đến 5 triệu đồng", r#"{"min":3000000,"max":5000000}"#)],
        ),
        (
            "mức 3-5 triệu đồng mỗi hộ",
            &[(
                "3-5 triệu đồng mỗi hộ",
                r#"{"min":3000000,"max":5000000,"per":"hộ"}"#,
            )],
        ),
        (
            "từ 2 triệu đồng trở lên",
            &[(
                "từ 2 triệu đồng trở lên",
                r#"{"value":2000000,"qualifier":"at_least"}"#,
            )],
        ),
        (
            "thu ngân sách 4 tỷ 250 triệu, đạt",
            &[("4 tỷ 250 triệu", r#"{"value":4250000000}"#)],
        ),
        (
            "trao 300 ngàn tiền mặt",
            &[("300 ngàn", r#"{"value":300000}"#)],
        ),
        (
            "nợ 35.600000 đồng và 14.250 .000 đồng",
            &[
                ("35.600000 đồng", r#"{"value":35600000}"#),
                ("14.250 .000 đồng", r#"{"value":14250000}"#),
            ],
        ),
        (
            "trao 5 triệuđ cho hộ",
            &[("5 triệuđ", r#"{"value":5000000}"#)],
        ),
        (
            "vay 3,2 ttriệu đồng",
            &[("3,2 ttriệu đồng", r#"{"value":3200000}"#)],
        ),
        (
            "khoảng 1,5 tỷ VNĐ",
            &[(
                "khoảng 1,5 tỷ VNĐ",
                r#"{"value":1500000000,"qualifier":"about"}"#,
            )],
        ),
        (
            "giá 10 USD một người",
            &[(
                "10 USD một người",
                r#"{"value":10,"currency":"USD","per":"người"}"#,
            )],
        ),
        (
            "$10 và 20 đô la",
            &[
                ("$10", r#"{"value":10,"currency":"USD"}"#),
                ("20 đô la", r#"{"value":20}"#),
            ],
        ),
        (
            "hai mươi lăm triệu đồng",
            &[("hai mươi lăm triệu đồng", r#"{"value":25000000}"#)],
        ),
        (
            "không quá 7.000 đồng",
            &[(
                "không quá 7.000 đồng",
                r#"{"value":7000,"qualifier":"at_most"}"#,
            )],
        ),
        // Not money: a count after a money word, a year, a percent.
        ("ủng hộ 3 gia đình hội viên", &[]),
        ("hỗ trợ năm 2024 cho 20 đoàn viên", &[]),
        ("kinh phí đạt 95%", &[]),
        ("gồm 15 đồng chí, 2 đô thị", &[]),
    ];

    #[test]
    fn examples() {
        check_table(Kind::Money, EXAMPLES);
    }
}
