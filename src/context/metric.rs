//! A figure's metric label: the words that govern it in its clause, as the text writes them.
//!
//! The words before the figure in its clause (at most [`WINDOW`]), back to the figure before
//! it or a `stop` word of `data/context_words.txt`; names and times among them are passed over
//! ("doanh số cho vay của NHCSXH đạt 495 triệu đồng" → "doanh số cho vay"). When a phrase of
//! `data/metrics.txt` is among them the label starts there, else it is the last [`SHORT`]
//! words. `edge` words are trimmed from both ends ("ước đạt", "là", "của"). A count adds its
//! counted noun ("kết nạp 20 hội viên" → "kết nạp hội viên"). A label of change words alone
//! ("tăng 6%") takes the label of the figure before it in the sentence ("thu ngân sách
//! tăng"); a figure with no word before it takes the words after it ("95% đảng viên hoàn
//! thành nhiệm vụ").

use super::roles::Roles;
use crate::lexicon::phrase::{Marks, WordSeq};
use crate::lexicon::{ContextRoles, Lexicon};
use crate::model::{Fact, Kind};
use crate::text::Reading;
use std::ops::Range;

/// How many words (names and times not counted) before a figure a label may come from.
const WINDOW: usize = 12;
/// How many words a label keeps when no phrase of `data/metrics.txt` anchors it.
const SHORT: usize = 5;
/// The most words a label keeps when it was cut after a linking word.
const LONG: usize = 8;
/// How many words after a figure a label may take.
const AFTER: usize = 4;

/// What covers a word: nothing; a time (passed over); a name (passed over while the words
/// after it say nothing yet); a figure (a label stops).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cover {
    Free,
    Time,
    Name,
    Figure,
}

/// Trims `edge` words off both ends of `words` (word numbers, ascending).
fn trim(roles: &Roles, words: &mut Vec<usize>) {
    loop {
        let Some(&first) = words.first() else { return };
        match roles.at(first) {
            Some((j, r)) if r.has(ContextRoles::EDGE) => {
                words.retain(|&w| w > j);
            }
            _ => break,
        }
    }
    loop {
        let Some(&last) = words.last() else { return };
        match roles.ending_at(last) {
            Some((i, r)) if r.has(ContextRoles::EDGE) => {
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

/// The text of a word for a label: a capitalised word in lower case, an all-capital one
/// ("GRDP", "KH") as written.
fn word_text(reading: &Reading, w: usize) -> String {
    let t = &reading.tokens.toks[w];
    let s = &reading.text()[t.start as usize..t.end as usize];
    let caps = s.chars().filter(|c| c.is_uppercase()).count();
    if caps > 1 && !s.chars().any(char::is_lowercase) {
        s.to_owned()
    } else {
        s.chars().flat_map(char::to_lowercase).collect()
    }
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

    fn push_text(&mut self, lex: &Lexicon, text: &str) {
        for w in text.split(' ') {
            let lower: String = w.chars().flat_map(char::to_lowercase).collect();
            let id = lex.vocab.id(&lower);
            self.ids.push(id);
            self.marks.push(lex.vocab.marks(id));
        }
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

/// The label of the figure `fact` (words `at.0..at.1`) in `clause`, its key and the bytes of
/// the words it was made from; `earlier` is the label of the figure before it in its sentence.
#[allow(clippy::too_many_arguments)]
pub(crate) fn label(
    reading: &Reading,
    lex: &Lexicon,
    roles: &Roles,
    cover: &[Cover],
    fact: &Fact,
    at: (usize, usize),
    clause: Range<usize>,
    sentence: Range<usize>,
    earlier: Option<&str>,
) -> Option<(String, Option<String>, (usize, usize))> {
    let found = label_in(
        reading,
        lex,
        roles,
        cover,
        fact,
        at,
        clause.clone(),
        earlier,
    );
    // A change with nothing before it in its clause ("(theo giá so sánh năm 2010) ước tăng
    // 11,07%"): the words before it in its sentence.
    let bare = found.as_ref().is_none_or(|(l, _, _)| {
        l.split(' ').all(|w| {
            lex.context
                .get(&lex.vocab, w)
                .is_some_and(|r| r.has(ContextRoles::CHANGE))
        })
    });
    if bare && earlier.is_none() && sentence.start < clause.start {
        let wider = label_in(reading, lex, roles, cover, fact, at, sentence, None);
        if wider.is_some() {
            return wider;
        }
    }
    found
}

/// [`label`] within the words of `clause`.
#[allow(clippy::too_many_arguments)]
fn label_in(
    reading: &Reading,
    lex: &Lexicon,
    roles: &Roles,
    cover: &[Cover],
    fact: &Fact,
    at: (usize, usize),
    clause: Range<usize>,
    earlier: Option<&str>,
) -> Option<(String, Option<String>, (usize, usize))> {
    let toks = &reading.tokens;
    let (first, end) = at;
    let is_edge = |w: usize| roles.is_edge(w);
    let lo = clause.start;
    let mut words: Vec<usize> = Vec::new();
    let mut j = first;
    while j > lo && words.len() < WINDOW {
        j -= 1;
        match cover[j] {
            Cover::Figure => break,
            Cover::Time => continue,
            Cover::Name => {
                // A name or time between the label and the figure is passed over ("dư nợ của
                // NHCSXH đạt"); one before words that already say what the figure is ends the
                // label ("phối hợp với Ngân hàng CSXH giải ngân").
                if !words.iter().all(|&w| is_edge(w)) {
                    break;
                }
                continue;
            }
            Cover::Free => {}
        }
        if roles
            .ending_at(j)
            .is_some_and(|(_, r)| r.has(ContextRoles::STOP))
        {
            break;
        }
        words.push(j);
    }
    words.reverse();
    if let Some(p) = words
        .iter()
        .position(|&w| lex.metrics.at(toks, w).is_some())
    {
        // The phrase and up to two words before it that are no linking word: the verb that
        // governs a listed noun ("vận động hội viên hiến").
        let mut start = p;
        while start > 0 && p - start < 2 && !is_edge(words[start - 1]) {
            start -= 1;
        }
        words.drain(..start);
    } else if words.len() > SHORT {
        // Start after the last linking word that leaves two words or more ("… của cả nước, tỷ
        // lệ lao động qua đào tạo"), else keep the last words.
        let cut = (0..words.len() - 2).rev().find(|&k| {
            roles
                .at(words[k])
                .is_some_and(|(j, r)| j == words[k] && r.has(ContextRoles::EDGE))
        });
        match cut {
            Some(k) => drop(words.drain(..=k)),
            None => drop(words.drain(..words.len() - SHORT)),
        }
        if words.len() > LONG {
            words.drain(..words.len() - LONG);
        }
    }
    trim(roles, &mut words);
    let mut text: Vec<String> = Vec::new();
    let mut after_figure = false;
    let change = all_change(roles, &words);
    if words.is_empty() || change {
        if let Some(e) = earlier {
            text.push(e.to_owned());
        } else if words.is_empty() {
            let mut after: Vec<usize> = (end..clause.end.min(end + AFTER))
                .take_while(|&w| cover[w] != Cover::Figure)
                .filter(|&w| cover[w] == Cover::Free)
                .collect();
            trim(roles, &mut after);
            words = after;
            after_figure = true;
        }
    }
    text.extend(words.iter().map(|&w| word_text(reading, w)));
    // The label's words as vocabulary numbers, in its order, for its key.
    let mut seq = LabelWords {
        ids: Vec::new(),
        marks: Vec::new(),
    };
    if let (Some(e), true) = (earlier, text.len() > words.len()) {
        seq.push_text(lex, e);
    }
    for &w in &words {
        seq.push_token(&toks.toks[w]);
    }
    let mut span = match (words.first(), words.last()) {
        (Some(&a), Some(&b)) => (toks.toks[a].start as usize, toks.toks[b].end as usize),
        _ => {
            let f = &toks.toks[first.min(toks.toks.len() - 1)];
            (f.start as usize, f.end as usize)
        }
    };
    if fact.kind == Kind::Count {
        if let Some(unit) = &fact.unit {
            let unit: String = unit.chars().flat_map(char::to_lowercase).collect();
            // Is the noun already among the label's words?
            let unit_words: Vec<&str> = unit.split(' ').collect();
            let label_words: Vec<&str> = text.iter().flat_map(|t| t.split(' ')).collect();
            let has = label_words
                .windows(unit_words.len())
                .any(|w| w == unit_words.as_slice());
            if !has {
                // Its noun before the words after it ("95 hội viên tham gia sinh hoạt").
                let mut unit_seq = LabelWords {
                    ids: Vec::new(),
                    marks: Vec::new(),
                };
                unit_seq.push_text(lex, &unit);
                match after_figure {
                    true => {
                        text.insert(0, unit);
                        unit_seq.ids.append(&mut seq.ids);
                        unit_seq.marks.append(&mut seq.marks);
                        seq = unit_seq;
                    }
                    false => {
                        text.push(unit);
                        seq.ids.append(&mut unit_seq.ids);
                        seq.marks.append(&mut unit_seq.marks);
                    }
                }
                let last = toks.toks[end.max(first + 1).min(toks.toks.len()) - 1].end as usize;
                span = (
                    span.0.min(toks.toks[first].start as usize),
                    span.1.max(last),
                );
            }
        }
    }
    let label = text.join(" ");
    if label.is_empty() {
        return None;
    }
    let key = seq.key(lex);
    Some((label, key, span))
}
