//! The recognisers: one module per kind, all reading the same [`Ctx`] (the normalised text and
//! its figures, read once) and proposing [`Cand`]idates. [`crate::resolve`] picks among them.
//!
//! Each module keeps its examples beside it as a table of (input, expected) that a test runs.

pub mod count;
pub mod date;
pub mod duration;
pub mod holiday;
pub mod measure;
pub mod money;
pub mod names;
pub mod nonfacts;
pub mod org;
pub mod percent;
pub mod period;
pub mod person;
pub mod place;
pub mod ratio;
pub mod relative;

use crate::dec::Dec;
use crate::fact::{Fact, Kind, Qualifier, Value};
use crate::lexicon::{function_words, is_word_char, QUALIFIERS};
use crate::numbers::{scan, Figure};
use std::sync::LazyLock;

/// What every recogniser reads: the normalised text and its figures.
pub struct Ctx<'a> {
    /// Normalised text.
    pub text: &'a str,
    /// Every figure of the text, in order.
    pub figs: Vec<Figure>,
    /// Figures that are part of a name or a document number (never a fact).
    pub blocked: Vec<bool>,
    /// The user's own word lists.
    pub user: Option<&'a crate::UserLexicon>,
    /// Document numbers, ordinals and slogans ("Nghị quyết số 20/NQ-HĐND"): no facts inside.
    pub block_spans: Vec<(usize, usize)>,
    /// Where the closing line of the report is (its author, often).
    pub last_line: Option<(usize, usize)>,
}

impl<'a> Ctx<'a> {
    /// Reads the figures of `text` and marks those that are not facts.
    pub fn new(text: &'a str) -> Ctx<'a> {
        let figs = scan(text);
        let block_spans = nonfacts::spans(text);
        let mut blocked = nonfacts::blocked_figures(&block_spans, &figs);
        // A lone number word right after a figure is a word, not a number: "134 năm" is
        // 134 years, not 134 and five.
        for i in 1..figs.len() {
            if figs[i].single_word && figs[i - 1].end + 1 == figs[i].start {
                blocked[i] = true;
            }
        }
        // "thứ hai", "thứ ba": an ordinal or a day of the week, never a figure.
        for (i, f) in figs.iter().enumerate() {
            if f.single_word && word_is(text, word_before(text, f.start), &["thứ"]) {
                blocked[i] = true;
            }
        }
        Ctx {
            text,
            figs,
            blocked,
            user: None,
            block_spans,
            last_line: None,
        }
    }

    /// Is figure `i` usable as a fact?
    pub fn usable(&self, i: usize) -> bool {
        !self.blocked[i]
    }
}

/// A date as far as the text gives it: a year (or not), a month, a day (or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// The year, when written.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u32,
    /// Day, when written (month precision otherwise).
    pub day: Option<u32>,
}

/// What is completed later, once the document's date and the reference year are known.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// A date whose year is missing: it is the reference year's.
    Point(Point),
    /// A period (dates and periods share a tier: the longer reading wins).between two points, either of which may lack its year; `days` reports the
    /// bounds as days (a point with no day then stands for its first or last day).
    Range(Point, Point, bool),
    /// A lunar date of the reference year.
    Lunar {
        /// Lunar month.
        month: u32,
        /// Lunar day.
        day: u32,
        /// Leap month.
        leap: bool,
        /// How many lunar years before the reference year ("30 Tết" is in the year before).
        year_offset: i32,
        /// The year's place in the sixty-year cycle when the text names it ("Giáp Thìn"):
        /// the year is the one of that name nearest the reference year.
        cycle: Option<i32>,
    },
    /// Relative to the document's date.
    Relative(crate::fact::Relative),
    /// The first week of a month of the reference year.
    FirstWeek(u32),
}

/// A proposed fact, in byte offsets of the normalised text.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Start (normalised bytes).
    pub start: usize,
    /// End (normalised bytes, exclusive).
    pub end: usize,
    /// Higher wins an overlap; then the longer.
    pub prio: u8,
    /// The fact, without text and offsets (boxed: candidates move a lot, facts are large).
    pub fact: Box<Fact>,
    /// A figure in it was too large to hold: report a warning, not the fact.
    pub overflow: bool,
    /// A span that is not a fact but keeps others out of it (a document number).
    pub block: bool,
    /// A date or period completed at resolution (a missing year, a relative date).
    pub pending: Option<Pending>,
    /// For a date: what the text gives of it (used to join "từ … đến …").
    pub point: Option<Point>,
    /// An explicit year the text states (counted for the reference year).
    pub explicit_year: Option<i32>,
}

impl Cand {
    /// A candidate fact.
    pub fn new(start: usize, end: usize, prio: u8, fact: Fact) -> Cand {
        Cand {
            start,
            end,
            prio,
            fact: Box::new(fact),
            overflow: false,
            block: false,
            pending: None,
            point: None,
            explicit_year: None,
        }
    }
}

/// Priorities: a date beats a count on the same digits, and so on.
pub mod prio {
    /// A document number or name.
    pub const BLOCK: u8 = 255;
    /// A period (dates and periods share a tier: the longer reading wins).
    pub const PERIOD: u8 = 80;
    /// A date.
    pub const DATE: u8 = 80;
    /// Money.
    pub const MONEY: u8 = 70;
    /// A ratio.
    pub const RATIO: u8 = 60;
    /// A percent.
    pub const PERCENT: u8 = 60;
    /// Counts, measures and durations: the longer wins.
    pub const QUANTITY: u8 = 50;
    /// Organisations (a layer of their own, with people: the longer wins).
    pub const ORG: u8 = 30;
    /// People.
    pub const PERSON: u8 = 30;
    /// Places (a layer of their own: a place may lie inside an organisation's name).
    pub const PLACE: u8 = 20;
}

/// Runs every recogniser.
pub fn run(ctx: &Ctx) -> Vec<Cand> {
    let mut out = Vec::with_capacity(ctx.figs.len() * 2);
    nonfacts::recognize(ctx, &mut out);
    date::recognize(ctx, &mut out);
    period::recognize(ctx, &mut out);
    relative::recognize(ctx, &mut out);
    holiday::recognize(ctx, &mut out);
    money::recognize(ctx, &mut out);
    percent::recognize(ctx, &mut out);
    ratio::recognize(ctx, &mut out);
    measure::recognize(ctx, &mut out);
    count::recognize(ctx, &mut out);
    duration::recognize(ctx, &mut out);
    entities(ctx, &mut out);
    out
}

/// Places, organisations and people, which share the words, quotes and places of the text.
fn entities(ctx: &Ctx, out: &mut Vec<Cand>) {
    let words = names::words(ctx.text);
    let quotes = names::quoted(ctx.text);
    let gaz = place::gazetteer(ctx, &words, &quotes);
    place::recognize(&gaz, out);
    org::recognize(ctx, &words, &quotes, &gaz, out);
    person::recognize(ctx, &words, &quotes, out);
}

// ---- shared helpers -------------------------------------------------------------------------

/// `hay` starts with `needle` (lower case), ignoring case; returns the bytes of `hay` matched.
pub fn starts_with_ci(hay: &str, needle: &str) -> Option<usize> {
    let mut h = hay.char_indices();
    for n in needle.chars() {
        let (_, c) = h.next()?;
        if c != n && crate::lexicon::lower(c) != n {
            return None;
        }
    }
    Some(h.next().map_or(hay.len(), |(i, _)| i))
}

/// `hay` ends with `needle` (lower case), ignoring case; returns where the match starts.
pub fn ends_with_ci(hay: &str, needle: &str) -> Option<usize> {
    let mut h = hay.char_indices().rev();
    let mut start = hay.len();
    for n in needle.chars().rev() {
        let (i, c) = h.next()?;
        if c != n && crate::lexicon::lower(c) != n {
            return None;
        }
        start = i;
    }
    Some(start)
}

/// The char just before byte `pos`.
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The char at byte `pos`.
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The word (letters and digits) that ends one space before byte `pos`: its byte range.
pub fn word_before(text: &str, pos: usize) -> Option<(usize, usize)> {
    let e = pos.checked_sub(1)?;
    if text.as_bytes()[e] != b' ' {
        return None;
    }
    let head = &text[..e];
    let s = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (s < e).then_some((s, e))
}

/// The word that starts one space after byte `pos`.
pub fn word_after(text: &str, pos: usize) -> Option<(usize, usize)> {
    if text.as_bytes().get(pos) != Some(&b' ') {
        return None;
    }
    let s = pos + 1;
    let rest = &text[s..];
    let len = rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    (len > 0).then_some((s, s + len))
}

/// Is the word at this range equal to one of `words` (lower case)?
pub fn word_is(text: &str, range: Option<(usize, usize)>, words: &[&str]) -> bool {
    match range {
        Some((s, e)) => {
            let w = &text[s..e];
            words.iter().any(|x| starts_with_ci(w, x) == Some(w.len()))
        }
        None => false,
    }
}

/// A qualifier phrase that ends one space before `pos`: its start and meaning.
pub fn qualifier_before(text: &str, pos: usize) -> Option<(usize, Qualifier)> {
    if pos == 0 || text.as_bytes()[pos - 1] != b' ' {
        return None;
    }
    let (s, name) = QUALIFIERS.match_before(text, pos - 1)?;
    // "none" marks phrases that only look like qualifiers ("cấp trên").
    Some((s, Qualifier::from_name(name)?))
}

/// A figure, possibly with a unit before or after it (its "core").
#[derive(Debug, Clone)]
pub struct Core<U> {
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
pub struct Quantity<U> {
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

/// What may stand between the two ends of a range: " đến ", " tới ", "-", " - ", …
/// (`range_to` in `data/function_words.txt`).
static RANGE_SEPARATORS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v = Vec::new();
    for w in function_words("range_to") {
        if !w.chars().any(char::is_alphabetic) {
            v.push((*w).to_owned());
        }
        v.push(format!(" {w} "));
    }
    v
});

/// Reads the quantities of the text: for each usable figure whose core `core_of` finds, the
/// single value and, where the figure before it joins it ("từ 3 đến 5", "30-40"), the range.
pub fn quantities<U: Clone + PartialEq>(
    ctx: &Ctx,
    core_of: impl Fn(&Ctx, usize) -> Option<Core<U>>,
) -> Vec<Quantity<U>> {
    let text = ctx.text;
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
        if let Some((s, q)) = qualifier_before(text, start) {
            start = s;
            qualifier = q;
        }
        if qualifier == Qualifier::Exact {
            let before_tu = word_before(text, start).filter(|&r| word_is(text, Some(r), &["từ"]));
            if let Some((ts, _)) = before_tu {
                for (tail, q) in [
                    (" trở lên", Qualifier::AtLeast),
                    (" trở xuống", Qualifier::AtMost),
                ] {
                    if let Some(n) = starts_with_ci(&text[end..], tail) {
                        start = ts;
                        end += n;
                        qualifier = q;
                        break;
                    }
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
            let sep = RANGE_SEPARATORS
                .iter()
                .find(|s| starts_with_ci(between, s) == Some(between.len()));
            let first_word = word_before(text, p_start);
            let opener = if word_is(text, first_word, function_words("range_from")) {
                first_word
            } else {
                None
            };
            let and_sep = between == " và " && word_is(text, opener, &["giữa"]);
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
                    if let Some((s, qq)) = qualifier_before(text, rs) {
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
pub fn quantity_cand<U>(
    q: &Quantity<U>,
    kind: Kind,
    prio: u8,
    fill: impl FnOnce(&mut Fact),
) -> Cand {
    let mut fact = Fact::new(kind);
    fact.value = q.value.map(Value::Number);
    fact.min = q.min;
    fact.max = q.max;
    fact.qualifier = Some(q.qualifier);
    fill(&mut fact);
    let mut c = Cand::new(q.start, q.end, prio, fact);
    c.overflow = q.overflow;
    c
}

/// Test helper: runs the whole pipeline on `input` and returns the facts of `kind` as JSON.
#[cfg(test)]
pub fn facts_of(input: &str, kind: Kind) -> Vec<serde_json::Value> {
    let doc = crate::extract(input, &crate::Options::default());
    doc.facts
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| serde_json::to_value(f).unwrap())
        .collect()
}

/// Test helper: checks one table row. `want` lists (text, fields) of the facts of `kind`
/// expected in `input`, in order; only the fields given are compared.
#[cfg(test)]
pub fn check_table(kind: Kind, table: &[(&str, &[(&str, &str)])]) {
    for (input, want) in table {
        let got = facts_of(input, kind);
        assert_eq!(
            got.len(),
            want.len(),
            "{kind} facts of {input:?}: got {}",
            serde_json::to_string(&got).unwrap()
        );
        for (g, (text, fields)) in got.iter().zip(want.iter()) {
            assert_eq!(g["text"], *text, "text of a {kind} fact in {input:?}");
            let fields: serde_json::Value = serde_json::from_str(fields).unwrap();
            for (k, v) in fields.as_object().unwrap() {
                assert_eq!(&g[k], v, "field {k} of {text:?} in {input:?}: {g}");
            }
        }
    }
}
