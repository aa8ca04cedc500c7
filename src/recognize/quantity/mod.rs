//! Figures with a unit: money, counts, percentages, ratios, measures and durations, and the
//! numbers that are none of them (document numbers, ordinals, slogans).
//!
//! What they share: a figure with its unit (a [`Core`]), a qualifier before it ("trên", "gần")
//! and ranges ("từ 3 đến 5 triệu đồng", "30-40 con"), read by [`quantities`].

pub(crate) mod count;
pub(crate) mod duration;
pub(crate) mod measure;
pub(crate) mod money;
pub(crate) mod nonfacts;
pub(crate) mod percent;
pub(crate) mod ratio;

use super::{word_before, word_is, Cand, Ctx};
use crate::lexicon::role;
use crate::model::{Dec, Fact, Kind, Qualifier, Value};
use crate::text::chars::starts_with_ci;

/// A figure, possibly with a unit before or after it (its "core").
#[derive(Debug, Clone)]
pub(crate) struct Core<U> {
    /// Start of the core (the unit, when it stands before the figure).
    pub start: usize,
    /// End of the core (after the unit).
    pub end: usize,
    /// What the unit says.
    pub unit: U,
    /// The value, when the unit changes it ("2 đô la và 23 xen").
    pub value: Option<Dec>,
    /// True when the unit is only implied by the context (money with no currency mark).
    pub implied: bool,
}

/// A quantity read around a figure: a single value or a range, with its qualifier.
#[derive(Debug, Clone)]
pub(crate) struct Quantity<U> {
    /// Start of the span.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// The value (single).
    pub value: Option<Dec>,
    /// Range bounds.
    pub min: Option<Dec>,
    /// Range bounds.
    pub max: Option<Dec>,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// The unit of the (last) figure.
    pub unit: U,
    /// A figure was too large to hold.
    pub overflow: bool,
}

/// Is "từ" at `from` before a quantity ending at `end` an "at least"? Only inside a clause (a
/// word before it, not a change's verb: "tăng từ …") and when nothing after the quantity ends a
/// range or a change ("đến", "-", "lên", "xuống").
fn open_from_at_least(ctx: &Ctx, from: usize, end: usize) -> bool {
    let text = ctx.text;
    let before = word_before(text, from);
    if before.is_none() || ctx.word_is(before, role!("change_verb")) {
        return false;
    }
    let rest = &text[end..];
    if ctx
        .lex
        .range_separators
        .iter()
        .any(|s| rest.starts_with(s.as_str()))
    {
        return false;
    }
    let after = super::word_after(text, end);
    !ctx.word_is(after, role!("change_to")) && !ctx.word_is(after, role!("range_to"))
}

/// Reads the quantities of the text: for each usable figure whose core `core_of` finds, the
/// single value and, where the figure before it joins it ("từ 3 đến 5", "30-40"), the range.
pub(crate) fn quantities<U: Clone + PartialEq>(
    ctx: &Ctx,
    core_of: impl Fn(&Ctx, usize) -> Option<Core<U>>,
) -> Vec<Quantity<U>> {
    let text = ctx.text;
    let separators = &ctx.lex.range_separators;
    let open_from = ctx.words(role!("open_from"));
    let tails = [
        (ctx.words(role!("range_at_least")), Qualifier::AtLeast),
        (ctx.words(role!("range_at_most")), Qualifier::AtMost),
    ];
    let and_words = ctx.words(role!("range_and"));
    let mut out = Vec::new();
    let mut prev_core: Option<Core<U>> = None;
    for (i, f) in ctx.figs.iter().enumerate() {
        let core = if ctx.usable(i) { core_of(ctx, i) } else { None };
        let this_prev = prev_core.take();
        let Some(core) = core else {
            continue;
        };
        let value = core.value.unwrap_or(f.value);
        // Single value.
        let (mut start, mut end) = (core.start, core.end);
        let mut qualifier = Qualifier::Exact;
        if let Some((s, q)) = ctx.qualifier_before(start) {
            start = s;
            qualifier = q;
        }
        if qualifier == Qualifier::Exact {
            let before_from =
                word_before(text, start).filter(|&r| word_is(text, Some(r), open_from));
            if let Some((ts, _)) = before_from {
                let mut tail = false;
                'tails: for (words, q) in tails {
                    for w in words {
                        if let Some(n) = text[end..]
                            .strip_prefix(' ')
                            .and_then(|r| starts_with_ci(r, w))
                        {
                            start = ts;
                            end += n + 1;
                            qualifier = q;
                            tail = true;
                            break 'tails;
                        }
                    }
                }
                // "đạt từ 75%": "từ" inside a clause, no end of a range or a change after it.
                if !tail && open_from_at_least(ctx, ts, end) {
                    start = ts;
                    qualifier = Qualifier::AtLeast;
                }
            }
        }
        out.push(Quantity {
            start,
            end,
            value: Some(value),
            min: None,
            max: None,
            qualifier,
            unit: core.unit.clone(),
            overflow: f.overflow,
        });
        // Range with the figure before.
        if i > 0 && ctx.usable(i - 1) {
            let p = &ctx.figs[i - 1];
            // A unit only implied by the context ("từ 360.000 đến 720.000 đồng") counts as none.
            let this_prev = this_prev.filter(|pc| !pc.implied);
            let (p_start, p_end, p_value, p_unit_ok) = match &this_prev {
                Some(pc) => (
                    pc.start,
                    pc.end,
                    pc.value.unwrap_or(p.value),
                    pc.unit == core.unit,
                ),
                None => (p.start, p.end, p.value, true),
            };
            let between = text.get(p_end..core.start).unwrap_or("");
            let sep = separators
                .iter()
                .find(|s| starts_with_ci(between, s) == Some(between.len()));
            let first_word = word_before(text, p_start);
            let opener = if ctx.word_is(first_word, role!("range_from")) {
                first_word
            } else {
                None
            };
            let and_sep = between
                .strip_prefix(' ')
                .and_then(|b| b.strip_suffix(' '))
                .is_some_and(|b| and_words.contains(&b))
                && ctx.word_is(opener, role!("range_between"));
            if p_unit_ok && (sep.is_some() || and_sep) {
                // "từ 3 đến 5 triệu": the scale of the second applies to the first.
                let mut lo = p_value;
                if p.scale == 0 && f.scale > 0 && this_prev.is_none() {
                    if let Some(v) = lo.scale(f.scale as i32) {
                        if v.to_f64() <= value.to_f64() {
                            lo = v;
                        }
                    }
                }
                if lo.to_f64() < value.to_f64() {
                    let mut rs = opener.map_or(p_start, |o| o.0);
                    let mut q = Qualifier::Exact;
                    if let Some((s, qq)) = ctx.qualifier_before(rs) {
                        rs = s;
                        q = qq;
                    }
                    out.push(Quantity {
                        start: rs,
                        end: core.end,
                        value: None,
                        min: Some(lo),
                        max: Some(value),
                        qualifier: q,
                        unit: core.unit.clone(),
                        overflow: f.overflow || p.overflow,
                    });
                }
            }
        }
        prev_core = Some(core);
    }
    out
}

/// Turns a quantity into a candidate fact of `kind`.
pub(crate) fn quantity_cand<U>(q: &Quantity<U>, kind: Kind, fill: impl FnOnce(&mut Fact)) -> Cand {
    let mut fact = Fact::new(kind);
    fact.value = q.value.map(Value::Number);
    fact.min = q.min;
    fact.max = q.max;
    fact.qualifier = Some(q.qualifier);
    fill(&mut fact);
    let mut c = Cand::new(q.start, q.end, fact);
    c.overflow = q.overflow;
    c
}
