//! Clauses, sentences and paragraphs of a text, in words: the gap between two words of the
//! shared reading says how strong a boundary it is.
//!
//! - a paragraph ends at a blank line; at a line break after ". ! ? : ;"; before a line that
//!   opens with a bullet ("-", "+", "•"); and after a short line (a title, a heading) when the
//!   next opens with a capital. A hard-wrapped line goes on;
//! - a sentence ends at ". ! ? …" followed by a space, at a gap between table cells, at "|";
//! - an item (of a list in a sentence) ends at ";": a sentence's subject goes on over it
//!   ("Hội đạt: kết nạp 20 hội viên; thu quỹ 15 triệu đồng"), a time does not;
//! - a clause ends at ", ; : ( ) [ ]" and at a dash between spaces.

use crate::text::normalize::Break;
use crate::text::Reading;
use std::ops::Range;

/// A line shorter than this (bytes) that ends without a full stop and is followed by one that
/// opens with a capital is a title or heading of its own.
const SHORT_LINE: usize = 90;

/// How far into the text its opening reaches (bytes): a report names itself there.
const OPENING: usize = 600;

/// Boundary strengths.
const CLAUSE: u8 = 1;
const ITEM: u8 = 2;
const SENTENCE: u8 = 3;
const PARAGRAPH: u8 = 4;

/// The segments of a text, by word number.
pub(crate) struct Segments {
    /// Per level 1..=4: the words that start a segment of that level or a stronger one, and
    /// the number of words (each segment runs from one to the next).
    bounds: [Vec<u32>; 4],
    /// Per paragraph (as in `bounds[3]`): it is one short line with no full stop (a heading).
    heading: Vec<bool>,
    /// The word where the opening ends (see [`Segments::opening`]).
    opening: usize,
}

/// The boundary a gap between two words makes by its marks alone.
fn marks_level(gap: &str) -> u8 {
    if gap == " " || gap.is_empty() {
        return 0;
    }
    let mut level = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        let l = match c {
            '.' | '!' | '?' | '…' if chars.peek().is_some_and(|n| n.is_whitespace()) => SENTENCE,
            '|' => SENTENCE,
            ';' => ITEM,
            ',' | ':' | '(' | ')' | '[' | ']' => CLAUSE,
            '-' | '–' | '—' if gap.starts_with(' ') || gap.ends_with(' ') => CLAUSE,
            _ => 0,
        };
        level = level.max(l);
    }
    level
}

impl Segments {
    /// Reads the segments of `reading`.
    #[inline(never)]
    pub fn new(reading: &Reading) -> Segments {
        let text = reading.text();
        let toks = &reading.tokens.toks;
        let n = toks.len();
        let mut level = vec![0u8; n + 1];
        level[0] = PARAGRAPH;
        level[n] = PARAGRAPH;
        let breaks = &reading.breaks;
        let mut bi = 0;
        let mut line_start = 0usize;
        for i in 1..n {
            let (gs, ge) = (toks[i - 1].end as usize, toks[i].start as usize);
            let gap = &text[gs..ge];
            let mut l = marks_level(gap);
            let mut brk: Option<Break> = None;
            while bi < breaks.len() && breaks[bi].0 < ge {
                if breaks[bi].0 >= gs {
                    let b = breaks[bi].1;
                    brk = match (brk, b) {
                        (Some(Break::Paragraph), _) | (_, Break::Paragraph) => {
                            Some(Break::Paragraph)
                        }
                        (Some(Break::Line), _) | (_, Break::Line) => Some(Break::Line),
                        _ => Some(b),
                    };
                }
                bi += 1;
            }
            match brk {
                Some(Break::Paragraph) => l = PARAGRAPH,
                Some(Break::Column) => l = l.max(SENTENCE),
                Some(Break::Line) => {
                    let stop = gap.contains(['.', '!', '?', ':', ';', '…']);
                    let bullet = gap.contains(['-', '+', '•', '*', '–']);
                    let capital = text[ge..].chars().next().is_some_and(char::is_uppercase);
                    let short = gs - line_start < SHORT_LINE;
                    if stop || bullet || (capital && short) {
                        l = PARAGRAPH;
                    }
                    line_start = ge;
                }
                None => {}
            }
            level[i] = l;
        }
        // Boundaries only (about one word in five starts a clause): a figure asks for a few
        // segments, found by binary search, so no table per word is built.
        let bounds: [Vec<u32>; 4] = std::array::from_fn(|k| {
            let min = k as u8 + 1;
            (0..=n)
                .filter(|&i| level[i] >= min)
                .map(|i| i as u32)
                .collect()
        });
        let heading = bounds[3]
            .windows(2)
            .map(|w| {
                let (i, end) = (w[0] as usize, w[1] as usize);
                let (s, e) = (toks[i].start as usize, toks[end - 1].end as usize);
                e - s < SHORT_LINE
                    && !level[i + 1..end].iter().any(|&l| l >= SENTENCE)
                    && !text[e..].starts_with(['.', '!', '?'])
            })
            .collect();
        let title_end = bounds[3].get(1).map_or(0, |&e| e as usize);
        let within = toks.partition_point(|t| (t.start as usize) < OPENING);
        Segments {
            bounds,
            heading,
            opening: if n == 0 { 0 } else { within.max(title_end) },
        }
    }

    fn range(&self, k: usize, i: usize) -> Range<usize> {
        let b = &self.bounds[k];
        let p = b.partition_point(|&w| w as usize <= i);
        match (p.checked_sub(1).map(|q| b[q]), b.get(p)) {
            (Some(s), Some(&e)) => s as usize..e as usize,
            _ => i..i,
        }
    }

    /// The words of word `i`'s clause.
    pub fn clause(&self, i: usize) -> Range<usize> {
        self.range(0, i)
    }

    /// The first word of word `i`'s clause.
    pub fn clause_start(&self, i: usize) -> usize {
        self.range(0, i).start
    }

    /// The words of word `i`'s item: its sentence, or the part of it between two ";".
    pub fn item(&self, i: usize) -> Range<usize> {
        self.range(1, i)
    }

    /// The words of word `i`'s sentence.
    pub fn sentence(&self, i: usize) -> Range<usize> {
        self.range(2, i)
    }

    /// The words of word `i`'s paragraph.
    pub fn paragraph(&self, i: usize) -> Range<usize> {
        self.range(3, i)
    }

    /// Is the paragraph `r` a heading (one short line with no full stop: "Về Hội Cựu chiến
    /// binh:", "II. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024")?
    pub fn is_heading(&self, r: Range<usize>) -> bool {
        let b = &self.bounds[3];
        b.binary_search(&(r.start as u32))
            .ok()
            .and_then(|p| self.heading.get(p).copied())
            .unwrap_or(false)
    }

    /// The word where the report's opening ends: its title, and its first [`OPENING`] bytes
    /// (a dateline, a lead).
    pub fn opening(&self) -> usize {
        self.opening
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn words_of(text: &str, r: Range<usize>, reading: &Reading) -> String {
        let t = &reading.tokens.toks;
        text[t[r.start].start as usize..t[r.end - 1].end as usize].to_owned()
    }

    #[test]
    fn clauses_sentences_paragraphs() {
        let input = "Báo cáo quý I/2024\nHội Nông dân xã kết nạp 20 hội viên, thu\nquỹ 15 triệu đồng. Tổng dư nợ 1.018 tỷ đồng; vay 3 tỷ đồng.\n\nVề Hội Cựu chiến binh:\n- Có 95 hội viên.";
        let reading = Reading::new(input, Lexicon::builtin());
        let text = reading.text();
        let seg = Segments::new(&reading);
        let at = |w: &str| text.find(w).unwrap();
        let word = |w: &str| {
            reading
                .tokens
                .toks
                .partition_point(|t| (t.start as usize) < at(w))
        };
        let i = word("kết");
        assert_eq!(
            words_of(text, seg.clause(i), &reading),
            "Hội Nông dân xã kết nạp 20 hội viên"
        );
        // A hard-wrapped line goes on.
        assert_eq!(
            words_of(text, seg.sentence(i), &reading),
            "Hội Nông dân xã kết nạp 20 hội viên, thu quỹ 15 triệu đồng"
        );
        // "1.018" is one figure, no sentence end.
        let j = word("Tổng");
        assert_eq!(
            words_of(text, seg.sentence(j), &reading),
            "Tổng dư nợ 1.018 tỷ đồng; vay 3 tỷ đồng"
        );
        // ";" ends an item of the sentence, and its clause.
        assert_eq!(
            words_of(text, seg.item(j), &reading),
            "Tổng dư nợ 1.018 tỷ đồng"
        );
        assert_eq!(
            words_of(text, seg.clause(word("vay")), &reading),
            "vay 3 tỷ đồng"
        );
        assert_eq!(seg.item(i), seg.sentence(i));
        assert_eq!(seg.paragraph(i), seg.paragraph(j));
        // The title is a paragraph of its own; so is a heading, and a bulleted line.
        assert_eq!(
            words_of(text, seg.paragraph(0), &reading),
            "Báo cáo quý I/2024"
        );
        let h = word("Về");
        assert!(seg.is_heading(seg.paragraph(h)));
        assert!(!seg.is_heading(seg.paragraph(i)));
        let b = word("Có");
        assert_eq!(words_of(text, seg.paragraph(b), &reading), "Có 95 hội viên");
    }
}
