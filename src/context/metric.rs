//! A figure's metric label: the words that govern it in its clause, as the text writes them.
//!
//! The words before the figure in its clause (at most [`WINDOW`]), back to the figure before
//! it or a `stop` word of `data/context_words.txt`; names, times, `scope` phrases ("cả nước",
//! "trên địa bàn xã") and a comparison base with its time ("so với năm 2025") among them are
//! passed over, with a `link` word right before them ("doanh số cho vay của NHCSXH đạt 495
//! triệu đồng" → "doanh số cho vay"). When a phrase of `data/metrics.txt` is among them the
//! label starts there (or at a `head` noun before it: "tỷ lệ người dân tham gia bảo hiểm y
//! tế"); else at the last `head` ("diện tích nuôi trồng thủy sản"); else it is the words after
//! the last `link` word, or the last [`SHORT`] words. `edge` words are trimmed from both ends
//! ("ước đạt", "là", "của"). A count adds its counted noun as written ("kết nạp 20 hội viên
//! mới" → "kết nạp hội viên mới"); a count in a list takes the words that govern the list
//! ("kết nạp 12 đảng viên, 30 đoàn viên" → "kết nạp đoàn viên"). A label of change words
//! alone ("tăng 6%") takes the label of the figure before it in the sentence ("thu ngân sách
//! tăng"); a figure with no word before it takes the words after it ("95% đảng viên hoàn
//! thành nhiệm vụ").

use super::roles::Roles;
use crate::lexicon::phrase::{Marks, WordSeq};
use crate::lexicon::{ContextRoles, Lexicon};
use crate::model::{Fact, Kind};
use crate::text::chars::push_lower;
use crate::text::Reading;
use std::ops::Range;

/// How many words (names and times not counted) before a figure a label may come from.
const WINDOW: usize = 12;
/// How many words a label keeps when no phrase of `data/metrics.txt` anchors it.
const SHORT: usize = 5;
/// The most words a label keeps when it was cut after a linking word.
const LONG: usize = 8;
/// How many words after a figure a label may take.
const AFTER: usize = 5;

/// What covers a word: nothing; a time (passed over); a name (passed over while the words
/// after it say nothing yet); a figure (a label stops).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cover {
    Free,
    Time,
    Name,
    Figure,
}

/// Trims `edge` and `link` words off both ends of `words` (word numbers, ascending): a label
/// neither opens nor ends with "đạt", "của" or "tại" ("đạt giải tại" → "đạt giải").
fn trim(roles: &Roles, words: &mut Vec<usize>) {
    const ENDS: u16 = ContextRoles::EDGE | ContextRoles::LINK;
    loop {
        let Some(&first) = words.first() else { return };
        match roles.at(first) {
            Some((j, r)) if r.has(ENDS) => {
                words.retain(|&w| w > j);
            }
            _ => break,
        }
    }
    loop {
        let Some(&last) = words.last() else { return };
        match roles.ending_at(last) {
            Some((i, r)) if r.has(ENDS) => {
                words.retain(|&w| w < i);
            }
            _ => break,
        }
    }
}

/// Are all of `words` change words ("tăng", "giảm")?
fn all_change(roles: &Roles, words: &[usize]) -> bool {
    !words.is_empty()
        && words.iter().all(|&w| {
            roles
                .at(w)
                .is_some_and(|(_, r)| r.has(ContextRoles::CHANGE))
        })
}

/// Appends the text of a word to a label: a capitalised word in lower case, an all-capital
/// one ("GRDP", "KH") as written.
fn push_word(label: &mut String, reading: &Reading, w: usize) {
    let t = &reading.tokens.toks[w];
    let s = &reading.text()[t.start as usize..t.end as usize];
    if !label.is_empty() {
        label.push(' ');
    }
    let caps = s.chars().filter(|c| c.is_uppercase()).take(2).count();
    if caps > 1 && !s.chars().any(char::is_lowercase) {
        label.push_str(s);
    } else {
        push_lower(label, s);
    }
}

/// A count's noun as the text writes it, with the words that qualify it in the count's span
/// ("giải Ba" → "giải ba", "hội viên mới": the items of a list differ by them), else its unit;
/// in `out`, lower case.
fn noun(reading: &Reading, unit: &str, (first, end): (usize, usize), out: &mut String) {
    let (text, toks) = (reading.text(), &reading.tokens.toks);
    out.clear();
    push_lower(out, unit);
    let head = out.split(' ').next().unwrap_or_default();
    // The noun follows the number: "học sinh là 1.532" keeps its unit.
    let Some(number) = (first..end).find(|&w| !toks[w].alpha) else {
        return;
    };
    let at = (number + 1..end).find(|&w| {
        let t = &toks[w];
        text[t.start as usize..t.end as usize]
            .chars()
            .flat_map(char::to_lowercase)
            .eq(head.chars())
    });
    match at {
        Some(k) if end - k > out.split(' ').count() => {
            out.clear();
            for w in k..end {
                push_word(out, reading, w);
            }
        }
        // Glued to its number ("1giải Nhất"): the unit, then the words after.
        None if number + 1 < end
            && text[toks[number].start as usize..toks[number].end as usize]
                .ends_with(char::is_alphabetic) =>
        {
            for w in number + 1..end {
                push_word(out, reading, w);
            }
        }
        _ => {}
    }
}

/// Does `label` hold `phrase` as whole words?
fn has_words(label: &str, phrase: &str) -> bool {
    label.match_indices(phrase).any(|(i, _)| {
        let end = i + phrase.len();
        (i == 0 || label.as_bytes()[i - 1] == b' ')
            && (end == label.len() || label.as_bytes()[end] == b' ')
    })
}

/// The words of a label as vocabulary numbers, for matching `data/metrics.txt` without
/// reading the label's text again.
struct LabelWords {
    ids: Vec<u32>,
    marks: Vec<Marks>,
}

impl WordSeq for LabelWords {
    fn count(&self) -> usize {
        self.ids.len()
    }
    fn id(&self, i: usize) -> u32 {
        self.ids[i]
    }
    fn marks(&self, i: usize) -> Marks {
        self.marks[i]
    }
    fn joined(&self, _: usize) -> bool {
        true
    }
}

impl LabelWords {
    fn push_token(&mut self, t: &crate::text::tokens::Tok) {
        self.ids.push(t.id);
        self.marks.push(t.marks);
    }

    fn push_text(&mut self, lex: &Lexicon, text: &str, buf: &mut String) {
        for w in text.split(' ') {
            buf.clear();
            push_lower(buf, w);
            let id = lex.vocab.id(buf);
            self.ids.push(id);
            self.marks.push(lex.vocab.marks(id));
        }
    }

    /// Is every word a `change` word of `data/context_words.txt` ("tăng", "giảm")?
    fn all_change(&self, lex: &Lexicon) -> bool {
        self.ids.iter().zip(&self.marks).all(|(&id, &m)| {
            lex.context
                .word(m, id)
                .is_some_and(|r| r.has(ContextRoles::CHANGE))
        })
    }

    /// The key of the longest phrase of `data/metrics.txt` among the words.
    fn key(&self, lex: &Lexicon) -> Option<String> {
        let mut best: Option<(usize, &String)> = None;
        for i in 0..self.ids.len() {
            if let Some((j, key)) = lex.metrics.at(self, i) {
                if best.is_none_or(|(len, _)| j + 1 - i > len) {
                    best = Some((j + 1 - i, key));
                }
            }
        }
        best.map(|(_, k)| k.clone())
    }
}

/// The label of the figure before in the sentence: whole, and without its count's noun (see
/// [`Label::base`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Earlier<'a> {
    pub full: &'a str,
    pub base: &'a str,
}

/// A figure's label, its key, the bytes of the words it was made from, and whether it is
/// change words alone ("tăng").
pub(crate) struct Label {
    pub text: String,
    pub key: Option<String>,
    pub span: (usize, usize),
    /// What a figure after it in a list takes, the first `base` bytes of `text`: the label
    /// without a count's noun added at its end ("kết nạp 20 hội viên, 3 đảng viên" → "kết
    /// nạp" for "3 đảng viên"); none when nothing before the noun governs it.
    pub base: usize,
    bare: bool,
}

/// Makes the labels of a text's figures, with buffers kept from one figure to the next (a
/// label is a handful of words: allocating them anew per figure cost more than choosing them).
pub(crate) struct Labeler<'a> {
    reading: &'a Reading,
    lex: &'a Lexicon,
    roles: &'a Roles,
    cover: &'a [Cover],
    words: Vec<usize>,
    seq: LabelWords,
    buf: String,
    unit: String,
}

impl<'a> Labeler<'a> {
    pub fn new(
        reading: &'a Reading,
        lex: &'a Lexicon,
        roles: &'a Roles,
        cover: &'a [Cover],
    ) -> Self {
        Labeler {
            reading,
            lex,
            roles,
            cover,
            words: Vec::with_capacity(WINDOW + AFTER),
            seq: LabelWords {
                ids: Vec::with_capacity(2 * WINDOW),
                marks: Vec::with_capacity(2 * WINDOW),
            },
            buf: String::new(),
            unit: String::new(),
        }
    }

    /// The label of the figure `fact` (words `at.0..at.1`) in `clause`; `earlier` is the label
    /// of the figure before it in its sentence.
    pub fn label(
        &mut self,
        fact: &Fact,
        at: (usize, usize),
        clause: Range<usize>,
        sentence: Range<usize>,
        earlier: Option<Earlier<'_>>,
    ) -> Option<Label> {
        let found = self.label_in(fact, at, clause.clone(), earlier);
        // A change with nothing before it in its clause ("(theo giá so sánh năm 2010) ước
        // tăng 11,07%"): the words before it in its sentence.
        let bare = found.as_ref().is_none_or(|l| l.bare);
        if bare && earlier.is_none() && sentence.start < clause.start {
            let wider = self.label_in(fact, at, sentence, None);
            if wider.is_some() {
                return wider;
            }
        }
        found
    }

    /// [`Labeler::label`] within the words of `clause`.
    fn label_in(
        &mut self,
        fact: &Fact,
        at: (usize, usize),
        clause: Range<usize>,
        earlier: Option<Earlier<'_>>,
    ) -> Option<Label> {
        let (reading, lex, roles, cover) = (self.reading, self.lex, self.roles, self.cover);
        let toks = &reading.tokens;
        let (first, end) = at;
        let is_edge = |w: usize| roles.is_edge(w);
        let is_change = |w: usize| {
            roles
                .at(w)
                .is_some_and(|(_, r)| r.has(ContextRoles::CHANGE))
        };
        let lo = clause.start;
        let words = &mut self.words;
        words.clear();
        let mut j = first;
        // A word was just passed over (a time, a name, the whole territory): a linking word
        // before it goes with it ("tổng số trâu của cả nước trong quý I/2022 giảm").
        let mut passed = false;
        let link_at = |w: usize| {
            roles
                .at(w)
                .is_some_and(|(e, r)| e == w && r.has(ContextRoles::LINK))
        };
        while j > lo && words.len() < WINDOW {
            j -= 1;
            match cover[j] {
                Cover::Figure => break,
                Cover::Time => {
                    passed = true;
                    continue;
                }
                Cover::Name => {
                    // A name or time between the label and the figure is passed over ("dư nợ
                    // của NHCSXH đạt"); one before words that already say what the figure is
                    // ends the label ("phối hợp với Ngân hàng CSXH giải ngân").
                    if !words.iter().all(|&w| is_edge(w) || is_change(w)) {
                        break;
                    }
                    passed = true;
                    continue;
                }
                Cover::Free => {}
            }
            let ending = roles.ending_at(j);
            if ending.is_some_and(|(_, r)| r.has(ContextRoles::STOP)) {
                break;
            }
            // The whole territory ("cả nước", "trên địa bàn xã") and a comparison base with
            // its time ("so với năm 2025") say nothing of what the figure is.
            if let Some((i, _)) = ending.filter(|&(i, r)| {
                i >= lo
                    && (r.has(ContextRoles::SCOPE)
                        || r.has(ContextRoles::UNTIL_NOW)
                        || (r.has(ContextRoles::COMPARISON)
                            && cover.get(j + 1) == Some(&Cover::Time)))
            }) {
                j = i;
                passed = true;
                continue;
            }
            if std::mem::take(&mut passed) && link_at(j) {
                continue;
            }
            words.push(j);
        }
        words.reverse();
        // The last head that is no part of one before it ("tổng số tiền", not "số tiền").
        let head = |words: &[usize]| {
            let (mut k, mut last) = (0, None);
            while k < words.len() {
                match roles.at(words[k]) {
                    Some((e, r)) if r.has(ContextRoles::HEAD) => {
                        last = Some(k);
                        k += words[k..].iter().take_while(|&&w| w <= e).count();
                    }
                    _ => k += 1,
                }
            }
            last
        };
        let anchor = words
            .iter()
            .position(|&w| lex.metrics.at(toks, w).is_some());
        // "Toàn xã có 12 chi bộ hoàn thành nhiệm vụ": after an existential word and no noun
        // that names an indicator, a count's metric is its noun and what is said of it after
        // it; the words before say only whose or where ("Khối THPT", "Đợt này").
        let exists = fact.kind == Kind::Count
            && anchor.is_none()
            && head(words).is_none()
            && first > lo
            && cover[first - 1] == Cover::Free
            && roles
                .ending_at(first - 1)
                .is_some_and(|(_, r)| r.has(ContextRoles::EXISTS));
        if let Some(p) = anchor {
            // The phrase and up to two words before it that are no linking word: the verb that
            // governs a listed noun ("vận động hội viên hiến"); or a head before it ("tỷ lệ
            // người dân tham gia bảo hiểm y tế").
            let mut start = p;
            while start > 0 && p - start < 2 && !is_edge(words[start - 1]) {
                start -= 1;
            }
            words.drain(..head(&words[..p]).unwrap_or(start).min(start));
        } else if let Some(p) = head(words) {
            // A noun that opens an indicator ("tỷ lệ", "diện tích", "tổng số"): the label
            // starts there, however long ("diện tích nuôi trồng thủy sản").
            words.drain(..p);
        } else if words.len() > SHORT {
            // Start after the last linking word that leaves two words or more ("… của cả
            // nước, tỷ lệ lao động qua đào tạo"), else keep the last words.
            let single = |k: usize, bit: u16| {
                roles
                    .at(words[k])
                    .is_some_and(|(e, r)| e == words[k] && r.has(bit))
            };
            let cut = (0..words.len() - 2)
                .rev()
                .find(|&k| single(k, ContextRoles::LINK))
                .or_else(|| {
                    (0..words.len() - 2)
                        .rev()
                        .find(|&k| single(k, ContextRoles::EDGE))
                });
            match cut {
                Some(k) => drop(words.drain(..=k)),
                None => drop(words.drain(..words.len() - SHORT)),
            }
            if words.len() > LONG {
                words.drain(..words.len() - LONG);
            }
        }
        trim(roles, words);
        let mut label = String::new();
        let mut from_earlier = false;
        // The label is read after the figure only (nothing before it governs it).
        let mut read_after = false;
        // How many of the words go before a count's noun (all, unless said otherwise).
        let mut split: Option<usize> = None;
        if exists {
            let before = words.len();
            words.extend(
                (end..clause.end.min(end + AFTER))
                    .take_while(|&w| cover[w] != Cover::Figure)
                    .filter(|&w| cover[w] == Cover::Free),
            );
            let mut after = words.split_off(before);
            trim(roles, &mut after);
            // The words before (the event: "hội thi nhà nông đua tài"), the noun, and what is
            // said of it ("đội tham gia").
            split = Some(words.len());
            // Nothing before the noun: a list after it has nothing to take ("có 230 hộ
            // nghèo và 180 hộ cận nghèo").
            read_after = words.is_empty();
            words.append(&mut after);
        }
        // A count in a list ("kết nạp 20 hội viên, 3 đảng viên") takes the words that govern
        // the list, if any; a change ("…, tăng 6%") the whole label.
        let earlier = earlier.and_then(|e| {
            if words.is_empty() && fact.kind == Kind::Count {
                (!e.base.is_empty()).then_some(e.base)
            } else {
                Some(e.full)
            }
        });
        if words.is_empty() || all_change(roles, words) {
            if let Some(e) = earlier {
                label.push_str(e);
                from_earlier = true;
                split = None;
            } else if words.is_empty() {
                words.extend(
                    (end..clause.end.min(end + AFTER))
                        .take_while(|&w| cover[w] != Cover::Figure)
                        .filter(|&w| cover[w] == Cover::Free),
                );
                trim(roles, words);
                // Read after the figure: its noun goes first.
                split = Some(0);
                read_after = true;
            }
        }
        for &w in words.iter() {
            push_word(&mut label, reading, w);
        }
        let mut span = match (words.first(), words.last()) {
            (Some(&a), Some(&b)) => (toks.toks[a].start as usize, toks.toks[b].end as usize),
            _ => {
                let f = &toks.toks[first.min(toks.toks.len() - 1)];
                (f.start as usize, f.end as usize)
            }
        };
        // A count's noun, when the label's words do not hold it: after them, or before the
        // words read after the figure ("95 hội viên tham gia sinh hoạt").
        let mut unit = None;
        let mut base = None;
        if let (Kind::Count, Some(u)) = (fact.kind, &fact.unit) {
            noun(reading, u, at, &mut self.unit);
            if !has_words(&label, &self.unit) {
                unit = Some(self.unit.as_str());
                // Nothing before the noun (a label read after the figure, or the noun alone):
                // nothing for the next to take; a noun added at the end: the words before it.
                if read_after {
                    base = Some(0);
                } else if split.is_none() {
                    base = Some(label.len());
                }
                // Where the noun goes: after the label's first `split` words.
                let at = match split {
                    Some(0) => 0,
                    Some(k) if k < words.len() => label
                        .match_indices(' ')
                        .nth(k - 1)
                        .map_or(label.len(), |(i, _)| i),
                    _ => label.len(),
                };
                if at == 0 {
                    if !label.is_empty() {
                        label.insert(0, ' ');
                    }
                    label.insert_str(0, &self.unit);
                } else {
                    label.insert_str(at, &self.unit);
                    label.insert(at, ' ');
                }
                let last = toks.toks[end.max(first + 1).min(toks.toks.len()) - 1].end as usize;
                span = (
                    span.0.min(toks.toks[first].start as usize),
                    span.1.max(last),
                );
            }
        }
        if label.is_empty() {
            return None;
        }
        // The label's words as vocabulary numbers, in its order, for its key.
        let seq = &mut self.seq;
        seq.ids.clear();
        seq.marks.clear();
        if let (Some(e), true) = (earlier, from_earlier) {
            seq.push_text(lex, e, &mut self.buf);
        }
        let k = split.unwrap_or(words.len()).min(words.len());
        for &w in &words[..k] {
            seq.push_token(&toks.toks[w]);
        }
        if let Some(u) = unit {
            seq.push_text(lex, u, &mut self.buf);
        }
        for &w in &words[k..] {
            seq.push_token(&toks.toks[w]);
        }
        Some(Label {
            key: seq.key(lex),
            span,
            bare: seq.all_change(lex),
            base: base.unwrap_or(label.len()),
            text: label,
        })
    }
}
