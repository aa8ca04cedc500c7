//! The recognisers: one per kind of fact, all reading the same [`Ctx`] (the normalised text,
//! its words and its figures, read once) and proposing [`Cand`]idates, which resolution picks
//! among. They are registered in one table, [`RECOGNISERS`], with the kinds they propose;
//! [`KINDS`] gives each kind its layer and priority.
//!
//! Each recogniser keeps its examples beside it as data (`quantity/money.tsv` beside
//! `quantity/money.rs`: input, fact text, expected fields), which `cargo test` runs
//! (`examples.rs`); adding a rule means adding the rows that show it.

pub(crate) mod names;
pub(crate) mod pattern;
pub(crate) mod quantity;
pub(crate) mod time;

#[cfg(test)]
mod examples;

use crate::lexicon::role;
use crate::lexicon::{Lexicon, Role};
use crate::model::{Fact, Kind};
use crate::text::chars::is_one_of;
use crate::text::letterhead::Letterhead;
use crate::text::normalize::Break;
use crate::text::numbers::Figure;
use crate::text::tokens::Words;
use crate::text::Reading;
use crate::time::pending::{Pending, Point};
use crate::Options;
pub(crate) use pattern::{Captures, Regex};
use std::cell::OnceCell;
use std::sync::LazyLock;

/// What every recogniser reads: the normalised text, its words and its figures.
pub(crate) struct Ctx<'a> {
    /// Normalised text.
    pub text: &'a str,
    /// Its words, for matching the lists of `lex`.
    pub w: Words<'a>,
    /// The word lists.
    pub lex: &'a Lexicon,
    /// Every figure of the text, in order.
    pub figs: &'a [Figure],
    /// Figures that are part of a name or a document number (never a fact).
    pub blocked: Vec<bool>,
    /// Document numbers, ordinals and slogans ("Nghị quyết số 20/NQ-HĐND"): no facts inside.
    pub block_spans: Vec<(usize, usize)>,
    /// Where the closing line of the report is (its author, often).
    pub last_line: Option<(usize, usize)>,
    /// Spans in quotation marks (slogans, programmes): no names inside.
    pub quotes: Vec<(usize, usize)>,
    /// The places of the text, which organisations and places share.
    gazetteer: OnceCell<names::place::Gazetteer>,
    /// Which [`GATES`] the text opens, and where their words are.
    gates: OnceCell<Gates>,
    /// The text in lower case, byte for byte, when the reading has it.
    lower: Option<&'a str>,
    /// The spaces that were line breaks or gaps between columns, in order.
    breaks: &'a [(usize, Break)],
    /// The official heading block at the top, when the text has one.
    pub letterhead: Option<&'a Letterhead>,
}

impl<'a> Ctx<'a> {
    /// Marks the figures of `reading` that are not facts.
    pub fn new(reading: &'a Reading, lex: &'a Lexicon) -> Ctx<'a> {
        let text = reading.text();
        let w = reading.words(lex);
        let figs = &reading.figures[..];
        let mut block_spans = quantity::nonfacts::spans(text, lex);
        // The letterhead's motto names no organisation and no place ("ĐẢNG CỘNG SẢN VIỆT NAM"
        // standing in the national motto's place).
        if let Some(lh) = &reading.letterhead {
            block_spans.extend(lh.motto.iter().copied());
            block_spans.sort_unstable();
        }
        let mut blocked = quantity::nonfacts::blocked_figures(&block_spans, figs);
        // A lone number word right after a figure is a word, not a number: "134 năm" is
        // 134 years, not 134 and five.
        for i in 1..figs.len() {
            if figs[i].single_word && figs[i - 1].end + 1 == figs[i].start {
                blocked[i] = true;
            }
        }
        // "000 đồng" right after a figure is a stray group of it, never a figure of its own
        // (no money of 0).
        for i in 1..figs.len() {
            let t = &text[figs[i].start..figs[i].end];
            if t.len() >= 2 && t.bytes().all(|b| b == b'0') && figs[i - 1].end + 1 == figs[i].start
            {
                blocked[i] = true;
            }
        }
        // "thứ hai", "thứ ba": an ordinal or a day of the week, never a figure.
        let ordinal = lex.words(role!("ordinal"));
        for (i, f) in figs.iter().enumerate() {
            if f.single_word && word_is(text, word_before(text, f.start), ordinal) {
                blocked[i] = true;
            }
        }
        Ctx {
            text,
            w,
            lex,
            figs,
            blocked,
            block_spans,
            last_line: reading.last_line,
            quotes: names::quoted(text),
            gazetteer: OnceCell::new(),
            gates: OnceCell::new(),
            lower: reading.lower.as_deref(),
            breaks: &reading.breaks,
            letterhead: reading.letterhead.as_ref(),
        }
    }

    /// Is figure `i` usable as a fact?
    pub fn usable(&self, i: usize) -> bool {
        !self.blocked[i]
    }

    /// The places of the text (read once, on first use).
    pub fn gazetteer(&self) -> &names::place::Gazetteer {
        self.gazetteer.get_or_init(|| names::place::gazetteer(self))
    }

    /// Was the space at byte `pos` a line break or a gap between columns (`None` for a
    /// space)?
    pub fn break_at(&self, pos: usize) -> Option<Break> {
        let i = self.breaks.partition_point(|b| b.0 < pos);
        self.breaks.get(i).filter(|b| b.0 == pos).map(|b| b.1)
    }

    /// Does every name stop at the space at byte `pos` (a paragraph's end, a gap between
    /// columns)?
    pub fn hard_break_at(&self, pos: usize) -> bool {
        self.break_at(pos).is_some_and(Break::is_hard)
    }

    /// Does a name stop at the space at byte `pos`, the word after it starting at `next`? At a
    /// paragraph's end or a gap between columns always; at a line break when the next line opens with an
    /// organisation's head, a known organisation, an abbreviation or a label, capitalised ("… xã Tân Lập\nĐảng ủy
    /// …", "UBND XÃ BÌNH AN\nSố: 12/BC-UBND"); a name hard-wrapped mid-line goes on.
    pub fn name_stops_at(&self, pos: usize, next: usize) -> bool {
        match self.break_at(pos) {
            None => false,
            Some(b) if b.is_hard() => true,
            Some(_) => {
                let capital = self.text[next..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                capital
                    && (self.w.after(&self.lex.org_heads, next).is_some()
                        || self.w.after(&self.lex.known_orgs, next).is_some()
                        || self.w.abbr_at(self.lex, next).is_some()
                        || label_at(self.text, next))
            }
        }
    }

    /// The words of a role of the function or calendar words (`role!("name")`).
    pub fn words(&self, role: Role) -> &'a [&'static str] {
        self.lex.words(role)
    }

    /// Is `word` (the whole of it) one of the words of a role, ignoring case?
    pub fn is_role(&self, word: &str, role: Role) -> bool {
        self.lex.role(role).contains(word)
    }

    /// Is the word at this range of the text one of the words of a role? (See [`word_is`].)
    pub fn word_is(&self, range: Option<(usize, usize)>, role: Role) -> bool {
        range.is_some_and(|(s, e)| self.is_role(&self.text[s..e], role))
    }

    /// A qualifier phrase that ends one space before `pos`: its start and meaning.
    pub fn qualifier_before(&self, pos: usize) -> Option<(usize, crate::model::Qualifier)> {
        if pos == 0 || self.text.as_bytes()[pos - 1] != b' ' {
            return None;
        }
        let (s, q) = self.w.before(&self.lex.qualifiers, pos - 1)?;
        // `None` marks phrases that only look like qualifiers ("cấp trên").
        Some((s, (*q)?))
    }
}

/// A proposed fact, in byte offsets of the normalised text.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
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
    /// A candidate fact, with the priority of its kind.
    pub fn new(start: usize, end: usize, fact: Fact) -> Cand {
        Cand {
            start,
            end,
            prio: spec(fact.kind).prio,
            fact: Box::new(fact),
            overflow: false,
            block: false,
            pending: None,
            point: None,
            explicit_year: None,
        }
    }

    /// A span that keeps every other fact out and is never reported.
    pub fn block(start: usize, end: usize) -> Cand {
        let mut c = Cand::new(start, end, Fact::new(Kind::Count));
        c.prio = BLOCK_PRIO;
        c.block = true;
        c
    }
}

/// How resolution treats the facts of a kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KindSpec {
    /// The kind.
    pub kind: Kind,
    /// Facts of one layer may not overlap; facts of different layers may nest (a place inside
    /// an organisation's name, an organisation beside a figure).
    pub layer: usize,
    /// Higher wins an overlap within a layer; then the longer reading, then the earlier.
    pub prio: u8,
}

/// The priority of a blocking span (a document number): it wins every overlap.
pub(crate) const BLOCK_PRIO: u8 = 255;

/// Layers and priorities. Dates and periods share a tier (the longer reading wins), then
/// money, ratios and percents, then counts, measures and durations ("68 ngày công" is a count,
/// not "68 ngày": the longer wins); names have layers of their own.
pub(crate) const KINDS: [KindSpec; 11] = [
    KindSpec {
        kind: Kind::Date,
        layer: 0,
        prio: 80,
    },
    KindSpec {
        kind: Kind::Period,
        layer: 0,
        prio: 80,
    },
    KindSpec {
        kind: Kind::Money,
        layer: 0,
        prio: 70,
    },
    KindSpec {
        kind: Kind::Ratio,
        layer: 0,
        prio: 60,
    },
    KindSpec {
        kind: Kind::Percent,
        layer: 0,
        prio: 60,
    },
    KindSpec {
        kind: Kind::Count,
        layer: 0,
        prio: 50,
    },
    KindSpec {
        kind: Kind::Measure,
        layer: 0,
        prio: 50,
    },
    KindSpec {
        kind: Kind::Duration,
        layer: 0,
        prio: 50,
    },
    KindSpec {
        kind: Kind::Organization,
        layer: 1,
        prio: 30,
    },
    KindSpec {
        kind: Kind::Person,
        layer: 1,
        prio: 30,
    },
    KindSpec {
        kind: Kind::Location,
        layer: 2,
        prio: 20,
    },
];

/// The layer and priority of a kind.
pub(crate) fn spec(kind: Kind) -> KindSpec {
    KINDS
        .into_iter()
        .find(|s| s.kind == kind)
        .unwrap_or(KindSpec {
            kind,
            layer: 0,
            prio: 0,
        })
}

/// Does a label open at byte `pos`: up to three words and a colon ("Số: 12/BC-UBND", "Kính
/// gửi:", "Nơi nhận:")?
pub(crate) fn label_at(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    let Some(colon) = rest.find(':') else {
        return false;
    };
    let label = &rest[..colon];
    !label.is_empty()
        && label.split(' ').count() <= 3
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
}

/// A recogniser: the kinds it proposes and the function that proposes them.
pub(crate) struct Recogniser {
    /// Its name (for profiles).
    pub name: &'static str,
    /// The kinds of fact it proposes.
    pub kinds: &'static [Kind],
    /// Proposes its candidates.
    pub run: fn(&Ctx, &mut Vec<Cand>),
    /// Its examples (file, text), kept beside it and run by `cargo test`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: (&'static str, &'static str),
}

/// The matches of `re` in `text`, in order, each with its groups, that `keep` (given the
/// match's start and end) does not turn down. A match turned down is passed over whole, as if
/// its caller had read it and moved on; its groups are never computed, which is most of the
/// cost of a match. With `at_word`, only matches that start at a word boundary count (see
/// [`bounded`]).
pub(crate) fn matches<'r, 't>(
    re: &'r Regex,
    text: &'t str,
    at_word: bool,
    keep: impl Fn(usize, usize) -> bool,
) -> impl Iterator<Item = Captures<'r, 't>> {
    spans(re, text, at_word, keep).map(move |(s, e)| re.captures(text, s, e))
}

/// The spans (start, end) of [`matches`], for patterns whose groups are not needed.
pub(crate) fn spans<'r, 't, K: Fn(usize, usize) -> bool>(
    re: &'r Regex,
    text: &'t str,
    at_word: bool,
    keep: K,
) -> impl Iterator<Item = (usize, usize)> + use<'r, 't, K> {
    spans_in(re, text, at_word, keep, None)
}

/// The spans of [`spans`] that lie in `windows` (parts of the text, in order, apart), found by
/// searching those parts alone; `None`, the whole text. The spans are those of a search of
/// the whole text when every span of it lies in one of the windows.
fn spans_in<'r, 't, K: Fn(usize, usize) -> bool>(
    re: &'r Regex,
    text: &'t str,
    at_word: bool,
    keep: K,
    windows: Option<Vec<(usize, usize)>>,
) -> impl Iterator<Item = (usize, usize)> + use<'r, 't, K> {
    static ALNUM: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}]").unwrap());
    // The whole text is one window, kept without allocating.
    let whole = [(0, text.len())];
    let mut w = 0;
    // `taken`: where the previous match ended (a boundary char must start at or after it).
    let (mut pos, mut taken) = (0, 0);
    std::iter::from_fn(move || {
        while pos <= text.len() {
            // The next match in the window `pos` is in (or the next one after `pos`).
            let (s, e) = loop {
                let &(a, b) = windows.as_deref().unwrap_or(&whole).get(w)?;
                if pos > b {
                    w += 1;
                    continue;
                }
                match re.find_in(text, pos.max(a), b) {
                    Some(m) => break m,
                    None => {
                        w += 1;
                        pos = pos.max(b);
                    }
                }
            };
            let ok = !at_word
                || match text[..s].chars().next_back() {
                    None => true,
                    Some(b) => {
                        s - b.len_utf8() >= taken
                            && if b.is_ascii() {
                                !b.is_ascii_alphanumeric()
                            } else {
                                !ALNUM.is_match(&text[s - b.len_utf8()..s])
                            }
                    }
                };
            if !ok || e == s {
                pos = s + text[s..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            pos = e;
            taken = e;
            if !keep(s, e) {
                continue;
            }
            return Some((s, e));
        }
        None
    })
}

/// The matches of `re` that start at a word boundary: where the text starts, or after a char
/// that is neither a letter nor a digit and that no earlier match took. This is what a
/// pattern opening with `(?:^|[^\p{L}\p{N}])` finds, but without that class at its head the
/// regex keeps its literal prefilter (it skips to "tháng", "quý", a holiday's name) and
/// compiles in half the time.
pub(crate) fn bounded<'r, 't>(
    re: &'r Regex,
    text: &'t str,
) -> impl Iterator<Item = Captures<'r, 't>> {
    matches(re, text, true, |_, _| true)
}

/// A pattern whose every match contains one of a few words (a holiday's name, "quý", a lunar
/// mark): it is compiled, and the text searched, only when the text holds one of them, so
/// that a report without holidays never pays for the holiday pattern. Every gated pattern is
/// listed in [`GATES`], whose words are looked for in one pass over a text.
pub(crate) struct Gated {
    /// The words, in lower case; a match holds one of them (in any case), unless `hint`.
    needs: fn() -> Vec<Vec<u8>>,
    re: LazyLock<Regex>,
    /// The words only tell the pattern is worth searching for: a match need not hold one
    /// ("tháng Giêng" for the lunar months, read where a lunar mark is written). Such a
    /// pattern is searched over the whole text, not around the words.
    hint: bool,
}

/// Every gated pattern, so that one pass over a text finds which are needed (one left out
/// still works, searched on every text).
pub(crate) static GATES: &[&Gated] = &[
    &time::relative::PHRASES,
    &time::relative::WEEKDAY,
    &time::relative::NAMED_MONTH,
    &time::relative::SEASON,
    &time::period::TERM,
    &time::period::QUARTER,
    &time::period::FIRST_WEEK,
    &time::date::FIRST_DAY,
    &time::holiday::HOLIDAY,
    &time::holiday::LUNAR_NUMERIC,
    &time::holiday::LUNAR_MONTH,
    &time::holiday::TET_DAY,
];

/// The words of every gate, and the gate of each word.
static GATE_WORDS: LazyLock<(Vec<Vec<u8>>, Vec<usize>)> = LazyLock::new(|| {
    let (mut words, mut gate) = (Vec::new(), Vec::new());
    for (g, gated) in GATES.iter().enumerate() {
        for w in (gated.needs)() {
            words.push(w);
            gate.push(g);
        }
    }
    (words, gate)
});

/// The words of every gate as an automaton of `kind`.
fn gate_automaton(kind: aho_corasick::AhoCorasickKind) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(kind))
        .build(&GATE_WORDS.0)
        .expect("the words of the gated patterns make an automaton")
}

/// An automaton quick to build, for the first texts of a run (a one-file run never needs
/// more), and one quick to search, built once a run has read a few texts.
static GATES_QUICK_BUILD: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| gate_automaton(aho_corasick::AhoCorasickKind::ContiguousNFA));
static GATES_QUICK_SEARCH: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| gate_automaton(aho_corasick::AhoCorasickKind::DFA));
static GATED_TEXTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// `text` in the case gates compare in: lower case (quick for Vietnamese letters) and "ſ" as
/// "s", so that whatever a case-insensitive pattern matches, its words match here. A text is
/// lowered once by its reading ([`crate::text::chars::lower_aligned`]); this is for the words
/// of the gates and the rare text the reading could not lower byte for byte.
fn gate_case(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let l = match crate::text::chars::lower(c) {
            'ſ' => 's',
            l => l,
        };
        out.extend_from_slice(l.encode_utf8(&mut [0; 4]).as_bytes());
    }
    out
}

/// The gates a text opens, and where their words stand.
struct Gates {
    /// Bits in the order of [`GATES`].
    open: u64,
    /// Each gate word found: its gate, start and end, in bytes of the text; `None` when the
    /// words were looked for in a lower case whose bytes are not the text's.
    hits: Option<Vec<(u8, u32, u32)>>,
}

impl Gates {
    /// Is gate `g` open?
    fn opens(&self, g: usize) -> bool {
        self.open & (1 << g) != 0
    }

    /// The parts of `text` where a match of gate `g`'s pattern, at most `max_len` bytes long
    /// and holding one of its words, can be: around each of its words, `max_len` bytes either
    /// side (to char boundaries), merged where they meet. `None`: the whole text.
    fn windows(&self, g: usize, text: &str, max_len: Option<usize>) -> Option<Vec<(usize, usize)>> {
        let (hits, max_len) = (self.hits.as_ref()?, max_len?);
        let mut out: Vec<(usize, usize)> = Vec::new();
        for &(_, s, e) in hits.iter().filter(|h| usize::from(h.0) == g) {
            let mut a = (s as usize).saturating_sub(max_len);
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (e as usize + max_len).min(text.len());
            while !text.is_char_boundary(b) {
                b += 1;
            }
            match out.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        Some(out)
    }
}

/// Which gates (bits in the order of [`GATES`]) the words of `text` open; `lower` is the text
/// in lower case when the reading has it.
#[cfg(test)]
fn open_gates(text: &str, lower: Option<&str>) -> u64 {
    find_gates(text, lower).open
}

/// The gates the words of `text` open, and where the words are; `lower` is the text in lower
/// case when the reading has it.
fn find_gates(text: &str, lower: Option<&str>) -> Gates {
    let texts = GATED_TEXTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let ac: &aho_corasick::AhoCorasick = if texts < 8 {
        &GATES_QUICK_BUILD
    } else {
        &GATES_QUICK_SEARCH
    };
    let gate = &GATE_WORDS.1;
    // The reading's lower case is the gates' but for "ſ" (which the gates read as "s").
    let owned;
    let (lower, aligned): (&[u8], bool) = match lower {
        Some(l) if !l.contains('ſ') => (l.as_bytes(), true),
        _ => {
            owned = gate_case(text);
            (&owned, owned.len() == text.len() && !text.contains('ſ'))
        }
    };
    let mut open = 0u64;
    let mut hits = aligned.then(Vec::new);
    for m in ac.find_overlapping_iter(lower) {
        let g = gate[m.pattern().as_usize()];
        open |= 1 << g;
        if let Some(hits) = &mut hits {
            hits.push((g as u8, m.start() as u32, m.end() as u32));
        }
    }
    if let Some(hits) = &mut hits {
        // Overlapping matches come in the order of their ends; windows are made from starts.
        hits.sort_unstable_by_key(|h| h.1);
    }
    Gates { open, hits }
}

impl Gated {
    /// A pattern (`re` builds it) each of whose matches holds one of the words `needs` gives.
    pub const fn new(needs: fn() -> Vec<Vec<u8>>, re: fn() -> Regex) -> Gated {
        Gated {
            needs,
            re: LazyLock::new(re),
            hint: false,
        }
    }

    /// A pattern worth searching for only when the text holds one of the words `needs`
    /// gives, though its matches need not hold one.
    pub const fn hinted(needs: fn() -> Vec<Vec<u8>>, re: fn() -> Regex) -> Gated {
        Gated {
            needs,
            re: LazyLock::new(re),
            hint: true,
        }
    }

    /// The matches in the text of `ctx` that start at a word boundary (see [`bounded`]).
    pub fn matches<'t>(&self, ctx: &Ctx<'t>) -> impl Iterator<Item = Captures<'_, 't>> {
        self.matches_where(ctx, |_, _| true)
    }

    /// The matches in the text of `ctx` that start at a word boundary and that `keep` (given
    /// a match's start and end) does not turn down (see [`matches`]).
    pub fn matches_where<'t>(
        &self,
        ctx: &Ctx<'t>,
        keep: impl Fn(usize, usize) -> bool,
    ) -> impl Iterator<Item = Captures<'_, 't>> {
        let gates = ctx.gates.get_or_init(|| find_gates(ctx.text, ctx.lower));
        let text = ctx.text;
        // Searched only around the words that open the gate, when the pattern bounds the
        // length of its matches: every match holds one of the words, so none is elsewhere.
        let windows = match GATES.iter().position(|g| std::ptr::eq(*g, self)) {
            None => Some(None),
            Some(g) if !gates.opens(g) => None,
            Some(_) if self.hint => Some(None),
            Some(g) => Some(gates.windows(g, text, self.re.max_len())),
        };
        // The pattern is compiled only when its gate is open.
        windows
            .map(|w| {
                let re = &*self.re;
                spans_in(re, text, true, keep, w).map(move |(s, e)| re.captures(text, s, e))
            })
            .into_iter()
            .flatten()
    }
}

/// The words of some roles, in lower case: what a [`Gated`] pattern needs.
pub(crate) fn needs(roles: &[&str]) -> Vec<Vec<u8>> {
    roles
        .iter()
        .flat_map(|r| crate::lexicon::words(r).iter().map(|w| gate_case(w)))
        .collect()
}

/// The phrases of a list, in lower case: what a [`Gated`] pattern needs.
pub(crate) fn needs_of<T>(list: &crate::lexicon::PhraseList<T>) -> Vec<Vec<u8>> {
    list.entries().map(|(k, _)| gate_case(k)).collect()
}

/// The examples file beside a recogniser.
macro_rules! examples {
    ($path:literal) => {
        (concat!("src/recognize/", $path), include_str!($path))
    };
}

/// Every recogniser, in the order they run.
pub(crate) const RECOGNISERS: &[Recogniser] = &[
    Recogniser {
        name: "nonfacts",
        kinds: &[],
        run: quantity::nonfacts::recognize,
        examples: examples!("quantity/nonfacts.tsv"),
    },
    Recogniser {
        name: "date",
        kinds: &[Kind::Date, Kind::Period],
        run: time::date::recognize,
        examples: examples!("time/date.tsv"),
    },
    Recogniser {
        name: "period",
        kinds: &[Kind::Period],
        run: time::period::recognize,
        examples: examples!("time/period.tsv"),
    },
    Recogniser {
        name: "relative",
        kinds: &[Kind::Date, Kind::Period],
        run: time::relative::recognize,
        examples: examples!("time/relative.tsv"),
    },
    Recogniser {
        name: "holiday",
        kinds: &[Kind::Date],
        run: time::holiday::recognize,
        examples: examples!("time/holiday.tsv"),
    },
    Recogniser {
        name: "money",
        kinds: &[Kind::Money],
        run: quantity::money::recognize,
        examples: examples!("quantity/money.tsv"),
    },
    Recogniser {
        name: "percent",
        kinds: &[Kind::Percent],
        run: quantity::percent::recognize,
        examples: examples!("quantity/percent.tsv"),
    },
    Recogniser {
        name: "ratio",
        kinds: &[Kind::Ratio],
        run: quantity::ratio::recognize,
        examples: examples!("quantity/ratio.tsv"),
    },
    Recogniser {
        name: "measure",
        kinds: &[Kind::Measure],
        run: quantity::measure::recognize,
        examples: examples!("quantity/measure.tsv"),
    },
    Recogniser {
        name: "count",
        kinds: &[Kind::Count],
        run: quantity::count::recognize,
        examples: examples!("quantity/count.tsv"),
    },
    Recogniser {
        name: "duration",
        kinds: &[Kind::Duration],
        run: quantity::duration::recognize,
        examples: examples!("quantity/duration.tsv"),
    },
    Recogniser {
        name: "place",
        kinds: &[Kind::Location],
        run: names::place::recognize,
        examples: examples!("names/place.tsv"),
    },
    Recogniser {
        name: "organization",
        kinds: &[Kind::Organization],
        run: names::org::recognize,
        examples: examples!("names/org.tsv"),
    },
    Recogniser {
        name: "person",
        kinds: &[Kind::Person],
        run: names::person::recognize,
        examples: examples!("names/person.tsv"),
    },
];

/// The kinds whose recognisers must run so that the facts of `wanted` come out as a full
/// reading gives them: those that can win an overlap with them (same layer, no lower
/// priority), places for people (a person's name inside a place's is the place's), and dates
/// and periods when the document block needs them (no document date or reference year given).
pub(crate) fn needed_kinds(wanted: &[Kind], options: &Options) -> Vec<Kind> {
    let mut need: Vec<Kind> = wanted.to_vec();
    for w in wanted {
        let ws = spec(*w);
        for s in KINDS {
            if s.layer == ws.layer && s.prio >= ws.prio {
                need.push(s.kind);
            }
        }
        if *w == Kind::Person {
            need.push(Kind::Location);
        }
    }
    if options.document_date.is_none() || options.reference_year.is_none() {
        need.extend([Kind::Date, Kind::Period]);
    }
    // A figure's context reads every fact around it: the organisations and times it is tied
    // to, the names and figures its label stops at or passes over.
    if wanted.iter().any(|k| crate::context::is_figure(*k)) {
        return Kind::ALL.to_vec();
    }
    need.sort();
    need.dedup();
    need
}

/// Runs the recognisers of `kinds` (all when `None`).
#[inline(never)] // a frame of its own in profiles (scripts/stages.py)
pub(crate) fn run(ctx: &Ctx, kinds: Option<&[Kind]>) -> Vec<Cand> {
    let mut out = Vec::with_capacity(ctx.figs.len() * 2);
    for r in RECOGNISERS {
        let wanted =
            r.kinds.is_empty() || kinds.is_none_or(|k| r.kinds.iter().any(|x| k.contains(x)));
        if wanted {
            (r.run)(ctx, &mut out);
        }
    }
    out
}

// ---- shared helpers -------------------------------------------------------------------------

/// The word (letters and digits) that ends one space before byte `pos`: its byte range.
pub(crate) fn word_before(text: &str, pos: usize) -> Option<(usize, usize)> {
    let e = pos.checked_sub(1)?;
    if text.as_bytes()[e] != b' ' {
        return None;
    }
    let head = &text[..e];
    let s = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !crate::text::chars::is_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (s < e).then_some((s, e))
}

/// The word that starts one space after byte `pos`.
pub(crate) fn word_after(text: &str, pos: usize) -> Option<(usize, usize)> {
    if text.as_bytes().get(pos) != Some(&b' ') {
        return None;
    }
    let s = pos + 1;
    let rest = &text[s..];
    let len = rest
        .char_indices()
        .find(|&(_, c)| !crate::text::chars::is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    (len > 0).then_some((s, s + len))
}

/// Is the word at this range equal to one of `words` (lower case)?
pub(crate) fn word_is(text: &str, range: Option<(usize, usize)>, words: &[&str]) -> bool {
    range.is_some_and(|(s, e)| is_one_of(&text[s..e], words))
}

#[cfg(test)]
mod bounded_tests {
    use super::bounded;
    use proptest::prelude::*;
    use regex::Regex;

    /// `bounded` finds what the same pattern opening with a boundary class finds.
    fn same(core: &str, text: &str) {
        let with_class =
            Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?P<all>{core})")).unwrap();
        let without = super::Regex::new(&format!(r"(?i)(?P<all>{core})")).unwrap();
        let a: Vec<(usize, usize)> = with_class
            .captures_iter(text)
            .map(|c| {
                (
                    c["all"].as_ptr() as usize - text.as_ptr() as usize,
                    c["all"].len(),
                )
            })
            .collect();
        let b: Vec<(usize, usize)> = bounded(&without, text)
            .map(|c| {
                (
                    c["all"].as_ptr() as usize - text.as_ptr() as usize,
                    c["all"].len(),
                )
            })
            .collect();
        assert_eq!(a, b, "{core:?} in {text:?}");
    }

    #[test]
    fn examples() {
        let core = r"tháng [0-9]{1,2}(?:/[0-9]{4})?,? ?";
        same(
            core,
            "tháng 7/2024, tháng 8 và Xtháng 9 3tháng 10 (tháng 11)",
        );
        same(core, "tháng 1,tháng 2 tháng 3tháng 4");
        same(r"ngày [0-9]+", "ngày 1 ngày 2ngày 3 đngày 4 ngày");
    }

    proptest! {
        #[test]
        fn any_text(text in "[aáđt ,.0-9/\\-]{0,40}(tháng|ngày| |1|đ){0,6}[aáđt ,0-9]{0,20}") {
            same(r"(?:tháng|ngày) ?[0-9]{1,2}(?:[/,] ?)?", &text);
            same(r"[0-9]+ ?đ?", &text);
        }
    }
}

#[cfg(test)]
mod gate_tests {
    use super::{gate_case, open_gates, GATES};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_readings_lower_case_opens_the_same_gates(text in "(Quý|quý|TẾT|Tết|mùa|Xuân|rằm|ſ| |a|1)*") {
            let lower = crate::text::chars::lower_aligned(&text);
            prop_assert_eq!(open_gates(&text, lower.as_deref()), open_gates(&text, None));
        }
    }

    type Spans = Vec<(usize, usize)>;

    /// The spans of every gated pattern in `text`: searched around the gates' words, and
    /// searched over the whole text.
    fn windowed_and_whole(text: &str) -> Vec<(Spans, Spans)> {
        let lower = crate::text::chars::lower_aligned(text);
        let gates = super::find_gates(text, lower.as_deref());
        GATES
            .iter()
            .enumerate()
            .filter(|(g, gated)| gates.opens(*g) && !gated.hint)
            .map(|(g, gated)| {
                let windows = gates.windows(g, text, gated.re.max_len());
                let windowed = super::spans_in(&gated.re, text, true, |_, _| true, windows);
                let whole = super::spans(&gated.re, text, true, |_, _| true);
                (windowed.collect(), whole.collect())
            })
            .collect()
    }

    proptest! {
        #[test]
        fn gated_patterns_find_around_their_words_what_they_find_in_the_whole_text(
            text in "(Quý|quý I|QUÝ II|năm 2024|Tết Nguyên đán|tết|âm lịch|ngày 8/3|rằm tháng Giêng|mùa xuân|tuần đầu tháng 9|nhiệm kỳ 2020 - 2025|Quốc tế Phụ nữ|thứ Hai|Chủ nhật tuần sau|tháng 5 tới|tháng trước|mùa hè năm 2023|năm học 2023-2024|ngày đầu tiên của tháng 3|hôm qua|mồng 1 Tết|tháng 2 nhuận|\\(AL\\)|ſ|, |\n| |a|1|2|/)*"
        ) {
            for (windowed, whole) in windowed_and_whole(&text) {
                prop_assert_eq!(windowed, whole);
            }
        }
    }

    #[test]
    fn gated_patterns_are_searched_around_their_words() {
        let text = "Báo cáo quý III năm 2024. ".repeat(3)
            + &"Chi hội họp. ".repeat(200)
            + "Dịp Tết Nguyên đán Giáp Thìn, nhân ngày Quốc tế Phụ nữ 8/3.";
        let lower = crate::text::chars::lower_aligned(&text);
        let gates = super::find_gates(&text, lower.as_deref());
        let quarter = GATES
            .iter()
            .position(|g| std::ptr::eq(*g, &super::time::period::QUARTER))
            .unwrap();
        let windows = gates
            .windows(quarter, &text, super::time::period::QUARTER.re.max_len())
            .expect("the pattern bounds its matches, and the lower case is the text's");
        // The three quarters at the top, close together, make one window; the rest is not read.
        assert_eq!(windows.len(), 1);
        assert!(windows[0].1 < text.len() / 4);
        let pairs = windowed_and_whole(&text);
        assert!(pairs.iter().any(|(w, _)| w.len() == 3));
        for (windowed, whole) in pairs {
            assert_eq!(windowed, whole);
        }
    }

    #[test]
    fn lowering() {
        assert_eq!(gate_case("QUÝ III Tết ſáng"), "quý iii tết sáng".as_bytes());
    }

    #[test]
    fn a_word_opens_its_gate_only() {
        assert!(GATES.len() <= 64, "one bit a gate");
        let quarter = GATES
            .iter()
            .position(|g| std::ptr::eq(*g, &super::time::period::QUARTER))
            .unwrap();
        let holiday = GATES
            .iter()
            .position(|g| std::ptr::eq(*g, &super::time::holiday::HOLIDAY))
            .unwrap();
        let open = open_gates("Kết quả QUÝ III năm 2024", None);
        assert_ne!(open & (1 << quarter), 0);
        assert_eq!(open & (1 << holiday), 0);
        assert_eq!(open_gates("chi 5 triệu đồng", None) & (1 << quarter), 0);
    }
}

#[cfg(test)]
mod kinds_tests {
    use super::needed_kinds;
    use crate::model::Kind;
    use crate::Options;

    #[test]
    fn a_kind_needs_only_what_can_beat_it() {
        let given = Options {
            document_date: "2024-08-15".parse().ok(),
            reference_year: Some(2024),
            ..Options::default()
        };
        // A figure's context reads every fact around it.
        let money = needed_kinds(&[Kind::Money], &given);
        assert_eq!(money.len(), Kind::ALL.len());
        let dates = needed_kinds(&[Kind::Date], &given);
        assert!(dates.contains(&Kind::Date));
        for other in [Kind::Organization, Kind::Money, Kind::Count, Kind::Person] {
            assert!(!dates.contains(&other), "{other:?} run for dates");
        }
        // People need places (a name inside a place's is the place's).
        assert!(needed_kinds(&[Kind::Person], &given).contains(&Kind::Location));
        // Without a document date, the block needs the dates of the text.
        let alone = needed_kinds(&[Kind::Organization], &Options::default());
        assert!(alone.contains(&Kind::Date) && !alone.contains(&Kind::Money));
    }
}
