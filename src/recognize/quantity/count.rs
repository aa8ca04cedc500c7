//! Counts: a figure and the noun it counts ("20 hội viên mới", "2.232 lượt người",
//! "hơn 800 giáo viên", "hai thôn", "từ 20 đến 25 con bò"), and the noun before the figure
//! ("tổng số hội viên là 245").
//!
//! The nouns of `data/count_units.txt` are read after any figure. Any other noun is read by
//! rule after a figure written in digits ("4 địa phương", "1 túi quà", "13 phòng"): one or two
//! lower-case words that are no unit of measure, time or money, no number word and none that
//! `data/count_open.txt` says is never counted; a classifier ("túi", "cây") takes the word
//! after it. A position ("4 Trưởng Ban công tác Mặt trận", `data/roles.txt`) is counted too.
//! A modifier after the noun ("6 huy chương vàng", "20 hội viên mới") is in the span, not the
//! unit. A figure after a word that numbers names
//! ("thôn 3", "khối 9", "Điều 3") is no count, nor is a year ("vụ đông xuân 2019 nông dân").

use super::{quantities, quantity_cand, Core};
use crate::lexicon::role;
use crate::lexicon::{AbbrKind, CountWord};
use crate::model::{Fact, Kind, Qualifier, Value};
use crate::recognize::{word_before, Cand, Ctx};
use crate::text::chars::fold_spaces;

/// The priority of a count read from the open vocabulary: below every other figure's, so
/// that a unit of measure or time that this reader does not know keeps its reading.
const OPEN_PRIO: u8 = 45;

/// The counted noun right after figure `i` from `data/count_units.txt`: its byte range.
pub(crate) fn unit_after(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let f = &ctx.figs[i];
    // "1.031.200con", "1giải Nhất": digits glued to a counted noun in lower case.
    let glued = f.digits
        && ctx.text[f.end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && c.is_lowercase());
    let us = match ctx.text.as_bytes().get(f.end) {
        Some(b' ') => f.end + 1,
        _ if glued => f.end,
        _ => return None,
    };
    let units = &ctx.lex.count_units;
    let mut e = match ctx.w.after(units, us) {
        Some((e, _)) => e,
        None => abbr_noun(ctx, us)?,
    };
    // "lượt" + any counted noun: "2.310 lượt trẻ em", "350 lượt đoàn viên".
    if ctx.is_role(&ctx.text[us..e], role!("count_visits"))
        && ctx.text.as_bytes().get(e) == Some(&b' ')
    {
        if let Some((e2, _)) = ctx.w.after(units, e + 1) {
            e = e2;
        }
    }
    // "300 cuốn SGK": a counted noun and the abbreviation of a thing (kind `other`).
    if ctx.text.as_bytes().get(e) == Some(&b' ') {
        if let Some((e2, senses)) = ctx.w.abbr_at(ctx.lex, e + 1) {
            if senses.iter().any(|a| a.kind == AbbrKind::Other) {
                e = e2;
            }
        }
    }
    Some((us, e))
}

/// "hơn 600 ĐVTN", "25 CCB": an abbreviation in capitals whose full form opens with a counted
/// noun of the list ("đoàn viên thanh niên", "cựu chiến binh"). Its end.
fn abbr_noun(ctx: &Ctx, us: usize) -> Option<usize> {
    let (e, senses) = ctx.w.abbr_at(ctx.lex, us)?;
    if ctx.text[us..e].chars().any(char::is_lowercase)
        || crate::text::chars::alnum_at(&ctx.text[e..])
    {
        return None;
    }
    let lex = ctx.lex;
    senses
        .iter()
        .any(|a| {
            let full = a.full.to_lowercase();
            lex.count_units
                .after_in_text(&lex.vocab, &full, 0)
                .is_some()
        })
        .then_some(e)
}

/// What `data/count_open.txt` says of the phrase at byte `pos`: its end and role.
fn open_role(ctx: &Ctx, pos: usize) -> Option<(usize, CountWord)> {
    ctx.w.after(&ctx.lex.count_open, pos).map(|(e, r)| (e, *r))
}

/// The word at byte `pos`, when it may be (a word of) a counted noun read by rule: its end.
fn open_word(ctx: &Ctx, pos: usize) -> Option<usize> {
    let k = ctx.w.tokens.index_at(pos)?;
    let t = ctx.w.tokens.toks[k];
    let lower = ctx.text[pos..]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    if !t.alpha || !lower {
        return None;
    }
    if let Some((_, r)) = open_role(ctx, pos) {
        if matches!(r, CountWord::NotCounted | CountWord::Modifier) {
            return None;
        }
    }
    let lex = ctx.lex;
    let other_unit = ctx.w.after(&lex.number_words, pos).is_some()
        || ctx.w.after(&lex.duration_units, pos).is_some()
        || super::measure::unit_at(lex, ctx.text, pos).is_some()
        || super::money::currency_after(ctx, pos).is_some();
    if other_unit {
        return None;
    }
    // "vắc-xin": a word joined by a hyphen to the next is one word.
    let end = t.end as usize;
    Some(match ctx.w.tokens.toks.get(k + 1) {
        Some(n)
            if n.alpha
                && n.start as usize == end + 1
                && ctx.text[end..].starts_with('-')
                && ctx.text[n.start as usize..]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase) =>
        {
            n.end as usize
        }
        _ => end,
    })
}

/// The noun a classifier counts, starting at `s`: a listed noun ("8 loại vắc xin") or one
/// word read by rule ("3 cây cầu"). Its end.
fn classified_noun(ctx: &Ctx, s: usize) -> Option<usize> {
    match ctx.w.after(&ctx.lex.count_units, s) {
        Some((e, _)) => Some(e),
        None => open_word(ctx, s),
    }
}

/// The word after the one that ends at `end`, joined by one space or a line break that only
/// wraps the line ("3 địa\nphương"): its start.
fn next_word(ctx: &Ctx, end: usize) -> Option<usize> {
    (ctx.text.as_bytes().get(end) == Some(&b' ') && !ctx.hard_break_at(end)).then_some(end + 1)
}

/// A position counted after a figure ("4 Trưởng Ban công tác Mặt trận"): the role's words and
/// the name of the body that follows them, up to a word that ends a noun. Its end.
fn role_after(ctx: &Ctx, us: usize) -> Option<usize> {
    let (mut e, _) = ctx.w.after(&ctx.lex.roles, us)?;
    for _ in 0..5 {
        let Some(s) = next_word(ctx, e) else { break };
        let Some(t) = ctx.w.tokens.index_at(s).map(|k| ctx.w.tokens.toks[k]) else {
            break;
        };
        // A name's words go on in capitals ("Hội Nông dân"), whatever the word lists say.
        let lower = ctx.text[s..].chars().next().is_some_and(char::is_lowercase);
        let ends_noun = lower && open_role(ctx, s).is_some_and(|(_, r)| r != CountWord::Classifier);
        if !t.alpha || ends_noun {
            break;
        }
        e = t.end as usize;
    }
    Some(e)
}

/// A counted noun after figure `i` that the list does not hold, read by rule: its byte range.
fn open_unit_after(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let f = &ctx.figs[i];
    if !f.digits || (!f.value.is_integer() && f.scale == 0) || year_like(ctx, i) {
        return None;
    }
    // "0912 345 678 tiếp nhận": a figure right after another is a part of a number (a phone's).
    if i > 0 && ctx.figs[i - 1].end + 1 == f.start {
        return None;
    }
    let us = next_word(ctx, f.end)?;
    // "Liên Mậu 3 hội viên": a figure after a capitalised word inside a sentence ends a name.
    if let Some((ws, we)) = word_before(ctx.text, f.start) {
        let capital = ctx.text[ws..we]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let inside = word_before(ctx.text, ws).is_some();
        if capital && inside {
            return None;
        }
    }
    if let Some(e) = role_after(ctx, us) {
        return Some((us, e));
    }
    let e1 = open_word(ctx, us)?;
    let classifier = open_role(ctx, us).is_some_and(|(e, r)| e == e1 && r == CountWord::Classifier);
    let second = next_word(ctx, e1).and_then(|s| {
        if classifier {
            return classified_noun(ctx, s);
        }
        let e2 = open_word(ctx, s)?;
        // A classifier after a noun starts a new one.
        let other = open_role(ctx, s).is_some_and(|(_, r)| r == CountWord::Classifier);
        (!other).then_some(e2)
    });
    Some((us, second.unwrap_or(e1)))
}

/// Is figure `i` written as a year (four plain digits, 1900 to 2100)?
fn year_like(ctx: &Ctx, i: usize) -> bool {
    let f = &ctx.figs[i];
    f.plain && f.end - f.start == 4 && f.value.to_i64().is_some_and(|y| (1900..=2100).contains(&y))
}

/// Is figure `i` a name's number ("thôn 3", "Điều 3"), after a word of `numbered`, and not
/// after "mỗi" ("mỗi thôn 20 hộ")?
fn numbered(ctx: &Ctx, i: usize) -> bool {
    let f = &ctx.figs[i];
    if f.start == 0 || ctx.text.as_bytes()[f.start - 1] != b' ' {
        return false;
    }
    let lex = ctx.lex;
    let at = f.start - 1;
    let word = ctx
        .w
        .before(&lex.count_open, at)
        .filter(|(_, r)| **r == CountWord::Numbered)
        .map(|(s, _)| s);
    word.is_some_and(|s| !ctx.word_is(word_before(ctx.text, s), role!("per_each")))
}

/// The modifiers after a counted noun that ends at `end` ("vàng", "mới"): where the span ends.
/// A modifier is taken only where no noun runs on after it ("hộ đồng bào" keeps "đồng").
fn modifiers_after(ctx: &Ctx, mut end: usize) -> usize {
    for _ in 0..2 {
        let Some(s) = next_word(ctx, end) else { break };
        let Some((e, CountWord::Modifier)) = open_role(ctx, s) else {
            break;
        };
        let runs_on = next_word(ctx, e).is_some_and(|n| {
            ctx.text[n..].chars().next().is_some_and(char::is_lowercase)
                && ctx.w.after(&ctx.lex.stopwords, n).is_none()
                && open_role(ctx, n).is_none()
        });
        if runs_on {
            break;
        }
        end = e;
    }
    end
}

/// The counted noun of figure `i`, listed or read by rule: the count's core, its unit the
/// noun and whether it was read by rule.
fn core(ctx: &Ctx, i: usize) -> Option<Core<(String, bool)>> {
    let f = &ctx.figs[i];
    // "năm" alone is far more often "year" than "five", and "một" + noun ("một chiếc xe",
    // "một số") is an article more often than a count.
    if f.single_word && ctx.is_role(&ctx.text[f.start..f.end], role!("not_a_count")) {
        return None;
    }
    if !f.value.is_integer() && f.scale == 0 {
        return None;
    }
    if numbered(ctx, i) {
        return None;
    }
    let (us, ue, open) = match unit_after(ctx, i) {
        Some((us, mut ue)) => {
            // "3 cây cầu", "6.113 con ngựa": a listed classifier and a noun the list lacks.
            if open_role(ctx, us) == Some((ue, CountWord::Classifier)) {
                if let Some(e) = next_word(ctx, ue).and_then(|s| classified_noun(ctx, s)) {
                    ue = e;
                }
            }
            // "vụ đông xuân 2019 …": a year, unless a qualifier says it is an amount.
            if year_like(ctx, i) && ctx.qualifier_before(f.start).is_none() {
                return None;
            }
            (us, ue, false)
        }
        None => {
            let (us, ue) = open_unit_after(ctx, i)?;
            (us, ue, true)
        }
    };
    Some(Core {
        start: f.start,
        end: modifiers_after(ctx, ue),
        unit: (fold_spaces(&ctx.text[us..ue]), open),
        value: None,
        implied: false,
    })
}

/// A counted noun with its abbreviations spelled out ("thẻ BHYT" → "thẻ bảo hiểm y tế"), when
/// it has any.
fn spelled_out(ctx: &Ctx, unit: &str) -> Option<String> {
    let mut any = false;
    let words: Vec<String> = unit
        .split(' ')
        .map(|w| match ctx.lex.abbreviations.get(w) {
            Some(senses) if w.chars().all(|c| !c.is_lowercase()) => {
                any = true;
                senses[0].full.to_lowercase()
            }
            _ => w.to_owned(),
        })
        .collect();
    any.then(|| words.join(" "))
}

/// "tổng số hội viên là 245": the noun before the figure.
fn noun_before(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let text = ctx.text;
    let f = &ctx.figs[i];
    if !f.value.is_integer() || unit_after(ctx, i).is_some() {
        return;
    }
    // Where the noun ends: before ": ", before "là" / "đạt" / "có" / "gồm", or one space back.
    let p = f.start;
    let noun_end = if text[..p].ends_with(": ") {
        p - 2
    } else {
        match word_before(text, p) {
            Some(w) if ctx.word_is(Some(w), role!("linking")) => match w.0 {
                0 => return,
                s => s - 1,
            },
            _ => match p {
                0 => return,
                p => p - 1,
            },
        }
    };
    if noun_end == 0 || !text.is_char_boundary(noun_end) {
        return;
    }
    let Some((us, _)) = ctx.w.before(&ctx.lex.count_units, noun_end) else {
        return;
    };
    let so = word_before(text, us);
    if !ctx.word_is(so, role!("number_of")) {
        return;
    }
    let mut start = so.unwrap_or((us, us)).0;
    let total = word_before(text, start);
    if ctx.word_is(total, role!("total")) {
        start = total.unwrap_or((start, start)).0;
    }
    let mut fact = Fact::new(Kind::Count);
    fact.value = Some(Value::Number(f.value));
    fact.unit = Some(fold_spaces(&text[us..noun_end]));
    fact.qualifier = Some(Qualifier::Exact);
    let mut c = Cand::new(start, f.end, fact);
    c.overflow = f.overflow;
    out.push(c);
}

/// Proposes the counts of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        let (unit, open) = &q.unit;
        let mut c = quantity_cand(&q, Kind::Count, |f| {
            f.unit_full = spelled_out(ctx, unit);
            f.unit = Some(unit.clone());
        });
        if *open {
            c.prio = OPEN_PRIO;
        }
        out.push(c);
    }
    for i in 0..ctx.figs.len() {
        if ctx.usable(i) {
            noun_before(ctx, i, out);
        }
    }
}
