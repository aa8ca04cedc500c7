//! Money: "87.500 nghìn đồng", "1.000.000đ", "200.000đ/em", "trên 12 tỷ đồng", "$10",
//! "từ 3 đến 5 triệu đồng", "từ 2 triệu đồng trở lên", and figures with no currency mark where
//! the words before them make them money ("trị giá 23.000.000", "thu ngân sách 4 tỷ 250 triệu").
//!
//! Currency marks are in `data/currencies.txt`; the words that make a bare figure money in
//! `data/money_context.txt` and `data/money_suffix.txt`.

use super::{quantities, quantity_cand, Core};
use crate::lexicon::role;
use crate::lexicon::Currency;
use crate::model::{Dec, Kind};
use crate::recognize::{word_after, word_before, word_is, Cand, Ctx};
use crate::text::chars::{char_at, char_before, ends_with_ci, lower, starts_with_ci};

/// The currency code and what the amount is per.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MoneyUnit {
    code: &'static str,
    per: Option<String>,
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// A currency mark after byte `pos` (zero or one space first): its end and the currency.
pub(crate) fn currency_after<'a>(ctx: &Ctx<'a>, pos: usize) -> Option<(usize, &'a Currency)> {
    let text = ctx.text;
    for skip in [0usize, 1] {
        if skip == 1 && text.as_bytes().get(pos) != Some(&b' ') {
            break;
        }
        let at = pos + skip;
        // The marks are in lower case: only those that start with this char in lower case
        // can be written here.
        let Some(ch) = char_at(text, at) else {
            continue;
        };
        let Some(candidates) = ctx.lex.currency_first.get(&lower(ch)) else {
            continue;
        };
        for c in candidates.iter().map(|&k| &ctx.lex.currencies[k]) {
            if let Some(n) = starts_with_ci(&text[at..], &c.mark) {
                let end = at + n;
                let ends_in_letter = c.mark.chars().last().is_some_and(char::is_alphabetic);
                if ends_in_letter && alnum(char_at(text, end)) && !c.glue {
                    continue;
                }
                // "15 đồng chí" is fifteen comrades.
                if ctx.w.after(&ctx.lex.not_currency, at).is_some() {
                    continue;
                }
                return Some((end, c));
            }
        }
    }
    None
}

/// A currency mark before byte `pos` (zero or one space between): its start and the currency.
fn currency_before<'a>(ctx: &Ctx<'a>, pos: usize) -> Option<(usize, &'a Currency)> {
    let text = ctx.text;
    for skip in [0usize, 1] {
        if skip == 1 && (pos == 0 || text.as_bytes()[pos - 1] != b' ') {
            break;
        }
        let at = pos - skip;
        let Some(ch) = char_before(text, at) else {
            continue;
        };
        let Some(candidates) = ctx.lex.currency_last.get(&lower(ch)) else {
            continue;
        };
        for c in candidates.iter().map(|&k| &ctx.lex.currencies[k]) {
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
fn per_word(ctx: &Ctx, at: usize) -> Option<usize> {
    if let Some((e, _)) = ctx.w.after(&ctx.lex.count_units, at) {
        return Some(e);
    }
    if let Some((e, _)) = ctx.w.after(&ctx.lex.duration_units, at) {
        return Some(e);
    }
    if let Some((e, _)) = super::measure::unit_at(ctx.lex, ctx.text, at) {
        return Some(e);
    }
    let rest = &ctx.text[at..];
    let n = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    (n > 0).then_some(at + n)
}

/// "/em", "/hộ/năm", " mỗi tháng" after an amount: the per text and its end.
fn per_after(ctx: &Ctx, pos: usize) -> Option<(String, usize)> {
    let text = ctx.text;
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
        let Some(e) = per_word(ctx, p + slash) else {
            break;
        };
        parts.push(&text[p + slash..e]);
        p = e;
    }
    if parts.is_empty() {
        let w = word_after(text, pos);
        let (each, one) = (ctx.words(role!("per_each")), ctx.words(role!("per_one")));
        if word_is(text, w, each) || word_is(text, w, one) {
            let (_, we) = w?;
            if text.as_bytes().get(we) == Some(&b' ') {
                let e = per_word(ctx, we + 1)?;
                // "mỗi" + any noun is a rate; "một" + noun only with a known noun or a unit
                // of measure ("6.200 đồng một kg").
                if word_is(text, w, each)
                    || ctx.w.after(&ctx.lex.duration_units, we + 1).is_some()
                    || ctx.w.after(&ctx.lex.count_units, we + 1).is_some()
                    || super::measure::unit_at(ctx.lex, text, we + 1).is_some()
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
fn per_before(ctx: &Ctx, pos: usize) -> Option<String> {
    let text = ctx.text;
    let w1 = word_before(text, pos)?;
    if ctx.word_is(word_before(text, w1.0), role!("per")) {
        return Some(text[w1.0..w1.1].to_owned());
    }
    let w2 = word_before(text, w1.0)?;
    if ctx.word_is(word_before(text, w2.0), role!("per_each"))
        && ctx
            .w
            .get_str(&ctx.lex.count_units, &text[w2.0..w1.1])
            .is_some()
    {
        return Some(text[w2.0..w1.1].to_owned());
    }
    None
}

/// Is there a money word within a few words before `pos`, with no figure between?
fn money_context_before(ctx: &Ctx, pos: usize) -> bool {
    let text = ctx.text;
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
        if ctx.w.before(&ctx.lex.money_context, q).is_some() {
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
fn money_word_in_clause(ctx: &Ctx, pos: usize) -> bool {
    const MAX_BACK: usize = 300;
    let text = ctx.text;
    let mut from = pos.saturating_sub(MAX_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..pos];
    let start = head
        .rfind(['.', ';', '!', '?'])
        .map_or(from, |i| from + i + 1);
    let toks = &ctx.w.tokens.toks;
    let first = toks.partition_point(|t| (t.start as usize) < start);
    for i in first..toks.len() {
        let at = toks[i].start as usize;
        if at >= pos {
            break;
        }
        let starts_word = at == 0 || text.as_bytes()[at - 1] == b' ';
        if starts_word
            && ctx
                .lex
                .money_context
                .at(ctx.w.tokens, i)
                .is_some_and(|(j, _)| toks[j].end as usize <= pos)
        {
            return true;
        }
    }
    false
}

/// "2 đô la và 23 xen", "hai đô 23": cents after a currency other than đồng.
fn minor_after(ctx: &Ctx, i: usize, pos: usize) -> Option<(Dec, usize)> {
    let text = ctx.text;
    let next = ctx.figs.get(i + 1)?;
    let between = &text[pos..next.start];
    let and = ctx.words(role!("range_and"));
    let joined = between == " "
        || between
            .strip_prefix(' ')
            .and_then(|b| b.strip_suffix(' '))
            .is_some_and(|b| and.contains(&b));
    if !joined {
        return None;
    }
    let cents = next.value.to_i64().filter(|v| (0..100).contains(v))?;
    let mut end = next.end;
    if text.as_bytes().get(end) == Some(&b' ') {
        if let Some((e, _)) = ctx.w.after(&ctx.lex.minor_currency, end + 1) {
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
    let (start, mut end, code, implied) = if let Some((e, c)) = currency_after(ctx, f.end) {
        (f.start, e, c.code, false)
    } else if let Some((s, c)) = currency_before(ctx, f.start) {
        (s, f.end, c.code, false)
    } else {
        // No mark: money only where the words around make it so, and never a count or measure.
        let big = f.scale >= 3 || f.value.to_f64() >= 1000.0;
        if !big || matches!(char_at(text, f.end), Some('%' | '/')) {
            return None;
        }
        let space_after = text.as_bytes().get(f.end) == Some(&b' ');
        if space_after && ctx.w.after(&ctx.lex.count_units, f.end + 1).is_some() {
            return None;
        }
        if f.plain && ctx.word_is(word_before(text, f.start), role!("year_word")) {
            return None; // a year
        }
        let suffix = space_after && ctx.w.after(&ctx.lex.money_suffix, f.end + 1).is_some();
        let context = suffix
            || money_context_before(ctx, f.start)
            || ((f.scale >= 6 || f.value.to_f64() >= 100_000.0)
                && money_word_in_clause(ctx, f.start));
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
    let per = match per_after(ctx, end) {
        Some((p, e)) => {
            end = e;
            Some(p)
        }
        None => per_before(ctx, start),
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
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Money, |f| {
            f.currency = Some(q.unit.code.to_owned());
            f.per = q.unit.per.clone();
        }));
    }
}
