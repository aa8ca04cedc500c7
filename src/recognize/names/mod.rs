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

/// The tone marks over a vowel: (plain vowel, tone 0–5) where 0 is no mark.
fn split_tone(c: char) -> Option<(char, usize)> {
    const TABLE: [(char, [char; 5]); 6] = [
        ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
        ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
        ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
        ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
        ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
        ('i', ['ì', 'í', 'ỉ', 'ĩ', 'ị']),
    ];
    let lower = c.to_lowercase().next()?;
    for (base, marks) in TABLE {
        if lower == base {
            return Some((base, 0));
        }
        if let Some(t) = marks.iter().position(|&m| m == lower) {
            return Some((base, t + 1));
        }
    }
    None
}

fn with_tone(base: char, tone: usize, upper: bool) -> char {
    let marks = match base {
        'o' => ['ò', 'ó', 'ỏ', 'õ', 'ọ'],
        'u' => ['ù', 'ú', 'ủ', 'ũ', 'ụ'],
        _ => return base,
    };
    let c = if tone == 0 { base } else { marks[tone - 1] };
    if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// Places tone marks the way official names write them: on the first vowel of a final "oa",
/// "oe", "uy" ("hoà" → "hòa", "Uỷ" → "Ủy", "thuỷ" → "thủy"); "hoàn", "quý" stay as they are.
pub(crate) fn fix_tone(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, word) in s.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        // Only a last vowel with a tone mark moves, and such a vowel is not ASCII.
        if word.as_bytes().last().is_none_or(|b| b.is_ascii()) {
            out.push_str(word);
            continue;
        }
        // The last two chars, and the one before them.
        let mut rev = word.char_indices().rev();
        if let (Some((_, b)), Some((ia, a))) = (rev.next(), rev.next()) {
            if let (Some((va, 0)), Some((vb, t))) = (split_tone(a), split_tone(b)) {
                let pair = matches!((va, vb), ('o', 'a') | ('o', 'e') | ('u', 'y'));
                let after_q = rev
                    .next()
                    .is_some_and(|(_, c)| c.to_lowercase().next() == Some('q'));
                if pair && t > 0 && !after_q {
                    out.push_str(&word[..ia]);
                    out.push(with_tone(va, t, a.is_uppercase()));
                    let plain = match vb {
                        'a' => 'a',
                        'e' => 'e',
                        _ => 'y',
                    };
                    out.push(if b.is_uppercase() {
                        plain.to_ascii_uppercase()
                    } else {
                        plain
                    });
                    continue;
                }
            }
        }
        out.push_str(word);
    }
    out
}

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
