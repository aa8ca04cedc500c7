//! What the recognisers of names share: words and their case, quoted spans, tone-mark
//! placement. Places ([`place`]) come first: organisations read them ([`org`]), and a person's
//! name inside a place's is the place's ([`person`]).
//!
//! Names are written back in one tone-mark placement ("Uỷ ban" → "Ủy ban", "hoà bình" →
//! "hòa bình") and, where the text wrote them in lower case, with capitals ("liên sơn" →
//! "Liên Sơn"); the tests below show both.

pub(crate) mod org;
pub(crate) mod person;
pub(crate) mod place;

use crate::lexicon::role;
use crate::recognize::Ctx;
pub(crate) use crate::text::chars::fold_spaces as fold;
use crate::text::chars::is_letter;
use crate::text::tokens::NameWord as Word;

/// The index of the word that starts at byte `pos`.
pub(crate) fn word_at(words: &[Word], pos: usize) -> Option<usize> {
    let i = words.partition_point(|w| w.start < pos);
    (words.get(i)?.start == pos).then_some(i)
}

/// The index of the word after byte `end`, when exactly one space separates them.
pub(crate) fn next_word(text: &str, words: &[Word], end: usize) -> Option<usize> {
    if text.as_bytes().get(end) != Some(&b' ') {
        return None;
    }
    word_at(words, end + 1)
}

/// Is word `i`, an organisation's head that is also a surname, the start of a person's name:
/// after a person's title ("ông Đoàn Văn Hùng"), or before a middle name and a capitalised
/// given name ("Đoàn Văn Dũng", "Đoàn Thị Hoa"; not "Đoàn Thanh niên")?
pub(crate) fn person_named(ctx: &Ctx, words: &[Word], i: usize) -> bool {
    let (text, lex) = (ctx.text, ctx.lex);
    let w = words[i];
    if !lex.surnames.contains(w.text(text)) {
        return false;
    }
    let spaced = |a: &Word, b: &Word| text.get(a.end..b.start) == Some(" ");
    let titled = i > 0
        && spaced(&words[i - 1], &w)
        && ctx.w.get(&lex.person_titles, &words[i - 1]).is_some();
    let middle = words.get(i + 1).is_some_and(|m| {
        spaced(&w, m) && is_cap(m.text(text)) && ctx.is_role(m.text(text), role!("middle_name"))
    });
    let given = words.get(i + 2).is_some_and(|g| {
        spaced(&words[i + 1], g)
            && is_cap(g.text(text))
            && ctx.w.get(&lex.org_heads, g).is_none()
            && ctx.w.get(&lex.admin_levels, g).is_none()
    });
    titled || (middle && given)
}

/// Does the word start with an upper-case letter?
pub(crate) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Is the word written in lower case (its first letter)?
pub(crate) fn is_lower(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| is_letter(c) && c.is_lowercase())
}

/// The spans of `text` inside quotation marks (“…”, "…", «…»): slogans, campaigns and
/// programmes, whose words are not names.
pub(crate) fn quoted(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Only '"' and chars whose UTF-8 starts with 0xC2 («, ») or 0xE2 (“, ”) can be quotes.
    let quotes = memchr::memchr3_iter(b'"', 0xC2, 0xE2, text.as_bytes())
        .filter_map(|i| text[i..].chars().next().map(|c| (i, c)));
    for (i, c) in quotes {
        match (open, c) {
            (None, '“' | '«') => open = Some((i, c)),
            (None, '"') => open = Some((i, '"')),
            (Some((s, '“')), '”') | (Some((s, '«')), '»') | (Some((s, '"')), '"') => {
                out.push((s, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Is byte `pos` inside one of the `spans` (sorted)?
pub(crate) fn inside(spans: &[(usize, usize)], pos: usize) -> bool {
    let i = spans.partition_point(|s| s.1 <= pos);
    spans.get(i).is_some_and(|s| s.0 <= pos)
}

/// [`inside`] for positions that only grow: one pass over the spans instead of a search for
/// each position.
pub(crate) struct Inside<'a> {
    spans: &'a [(usize, usize)],
    i: usize,
    last: usize,
}

impl<'a> Inside<'a> {
    /// Positions will be asked of `spans` (sorted) in order.
    pub fn new(spans: &'a [(usize, usize)]) -> Inside<'a> {
        Inside {
            spans,
            i: 0,
            last: 0,
        }
    }

    /// Is byte `pos` inside one of the spans? `pos` is never less than the one asked before.
    pub fn at(&mut self, pos: usize) -> bool {
        if pos < self.last {
            return inside(self.spans, pos);
        }
        self.last = pos;
        while self.spans.get(self.i).is_some_and(|s| s.1 <= pos) {
            self.i += 1;
        }
        self.spans.get(self.i).is_some_and(|s| s.0 <= pos)
    }
}

pub(crate) use crate::text::tone::fix_tone;

/// Each syllable with a capital first letter: "liên sơn" → "Liên Sơn".
pub(crate) fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn tone_marks_and_capitals() {
        assert_eq!(super::fix_tone("Uỷ ban"), "Ủy ban");
        assert_eq!(super::fix_tone("hoà bình"), "hòa bình");
        assert_eq!(super::fix_tone("hoàn thành"), "hoàn thành");
        assert_eq!(super::title_case("liên sơn"), "Liên Sơn");
    }

    use super::*;

    #[test]
    fn tones() {
        for (a, b) in [
            ("Uỷ ban", "Ủy ban"),
            ("hoà", "hòa"),
            ("Hoà Bình", "Hòa Bình"),
            ("khoẻ", "khỏe"),
            ("thuỷ lợi", "thủy lợi"),
            ("quý", "quý"),
            ("hoàn", "hoàn"),
            ("Thuý", "Thúy"),
        ] {
            assert_eq!(fix_tone(a), b);
        }
    }

    #[test]
    fn quotes_and_words() {
        let t = "mô hình “Mẹ đỡ đầu” và \"Bộ đội Cụ Hồ\" tại xã";
        let q = quoted(t);
        assert_eq!(q.len(), 2);
        assert!(inside(&q, t.find("Mẹ").unwrap()));
        assert!(!inside(&q, t.find("xã").unwrap()));
    }
}
