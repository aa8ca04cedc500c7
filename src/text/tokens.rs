//! The one reading pass every recogniser shares: the normalised text split into words (runs of
//! letters and digits), each looked up once in the lexicon's vocabulary, so that it carries its
//! word number and the marks of the lists it may start or end. Names read a second view of the
//! same words, where "&" joins two words ("NN&PTNT").

use crate::lexicon::phrase::{Marks, PhraseList, Vocab, WordSeq};
use crate::text::chars::{is_letter, is_word_char, lower};

/// A word of the normalised text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Start byte.
    pub start: u32,
    /// End byte (exclusive).
    pub end: u32,
    /// Vocabulary number of its lower case (0: in no list).
    pub id: u32,
    /// One space, and nothing else, before the next word.
    pub joined: bool,
    /// Every char of it is a letter (no digit, "²" or other numeral).
    pub alpha: bool,
    /// Which lists it may start or end.
    pub marks: Marks,
}

/// A word as names read it: letters, digits and "&" inside ("NN&PTNT").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameWord {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The first [`Tok`] in it.
    pub tok: usize,
    /// It is exactly that one token.
    pub single: bool,
}

impl NameWord {
    /// The word's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The length of the char at byte `j` when its bytes alone tell that it is a letter: an ASCII
/// letter, a letter of Latin-1 to Latin Extended-B (U+00C0 to U+024F, but "×" and "÷"), or
/// of Latin Extended Additional (U+1E00 to U+1EFF). `None` says nothing: decode and ask.
#[inline]
fn letter_len(bytes: &[u8], j: usize) -> Option<usize> {
    let b = bytes[j];
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Some(1),
        0xc3 => matches!(bytes.get(j + 1)?, 0x80..=0x96 | 0x98..=0xb6 | 0xb8..=0xbf).then_some(2),
        0xc4..=0xc8 => Some(2),
        0xc9 => matches!(bytes.get(j + 1)?, 0x80..=0x8f).then_some(2),
        0xe1 => matches!(bytes.get(j + 1)?, 0xb8..=0xbb).then_some(3),
        _ => None,
    }
}

/// The words of a text.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
    pub names: Vec<NameWord>,
}

impl Tokens {
    /// Splits `text` (normalised) into words and looks each up in `vocab`.
    #[inline(never)] // a frame of its own in profiles (scripts/stages.py)
    pub fn new(text: &str, lower_text: Option<&str>, vocab: &Vocab) -> Tokens {
        let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
        let mut buf = String::new();
        let mut start: Option<usize> = None;
        let mut alpha = true;
        let mut push = |s: usize, e: usize, alpha: bool, toks: &mut Vec<Tok>| {
            let id = match lower_text {
                Some(l) => vocab.id(&l[s..e]),
                None => {
                    buf.clear();
                    buf.extend(text[s..e].chars().map(lower));
                    vocab.id(&buf)
                }
            };
            if let Some(prev) = toks.last_mut() {
                prev.joined = prev.end as usize + 1 == s && text.as_bytes()[s - 1] == b' ';
            }
            toks.push(Tok {
                start: s as u32,
                end: e as u32,
                id,
                joined: false,
                alpha,
                marks: vocab.marks(id),
            });
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (inside, letter, len) = match letter_len(bytes, i) {
                Some(len) => (true, true, len),
                None if b < 0x80 => (b.is_ascii_digit(), false, 1),
                None => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    let l = is_letter(c);
                    (l || is_word_char(c), l, c.len_utf8())
                }
            };
            match (inside, start) {
                (true, None) => {
                    start = Some(i);
                    alpha = letter;
                }
                (true, Some(_)) => alpha &= letter,
                (false, Some(s)) => {
                    push(s, i, alpha, &mut toks);
                    start = None;
                }
                _ => {}
            }
            i += len;
        }
        if let Some(s) = start {
            push(s, text.len(), alpha, &mut toks);
        }
        // Names: words joined by "&" with no space are one ("NN&PTNT", "NN&"); a "&" that
        // starts a run belongs to no word.
        let mut names = Vec::with_capacity(toks.len());
        let mut k = 0;
        while k < toks.len() {
            let first = k;
            let mut end = toks[k].end as usize;
            loop {
                let mut e = end;
                while bytes.get(e) == Some(&b'&') {
                    e += 1;
                }
                if e == end {
                    break;
                }
                end = e;
                if toks.get(k + 1).is_some_and(|t| t.start as usize == e) {
                    k += 1;
                    end = toks[k].end as usize;
                } else {
                    break;
                }
            }
            names.push(NameWord {
                start: toks[first].start as usize,
                end,
                tok: first,
                single: k == first && end == toks[first].end as usize,
            });
            k += 1;
        }
        Tokens { toks, names }
    }

    /// The index of the word that starts at byte `pos`.
    #[inline]
    pub fn index_at(&self, pos: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| (t.start as usize) < pos);
        (self.toks.get(i)?.start as usize == pos).then_some(i)
    }

    /// The index of the word that ends at byte `end`.
    #[inline]
    pub fn index_ending_at(&self, end: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| (t.end as usize) < end);
        (self.toks.get(i)?.end as usize == end).then_some(i)
    }
}

impl WordSeq for Tokens {
    #[inline]
    fn count(&self) -> usize {
        self.toks.len()
    }
    #[inline]
    fn id(&self, i: usize) -> u32 {
        self.toks[i].id
    }
    #[inline]
    fn marks(&self, i: usize) -> Marks {
        self.toks[i].marks
    }
    #[inline]
    fn joined(&self, i: usize) -> bool {
        self.toks[i].joined
    }
}

/// The text, its words and the vocabulary they were read with: how recognisers match lists at
/// byte positions.
#[derive(Clone, Copy)]
pub(crate) struct Words<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    pub vocab: &'a Vocab,
}

impl<'a> Words<'a> {
    /// The longest entry of `list` that starts at byte `pos` and ends at a word boundary (its
    /// words separated by single spaces): its end and value.
    #[inline]
    pub fn after<T>(&self, list: &'a PhraseList<T>, pos: usize) -> Option<(usize, &'a T)> {
        match self.tokens.index_at(pos) {
            Some(i) => list
                .at(self.tokens, i)
                .map(|(j, v)| (self.tokens.toks[j].end as usize, v)),
            // Not where a word starts (inside one, or not a letter at all).
            None => {
                let starts_word = self.text[pos..].chars().next().is_some_and(is_word_char);
                if starts_word {
                    list.after_in_text(self.vocab, self.text, pos)
                } else {
                    None
                }
            }
        }
    }

    /// The longest entry of `list` that starts at name word `w`: its end and value. The same as
    /// [`Words::after`] at `w.start`, without looking the word up.
    #[inline]
    pub fn after_word<T>(&self, list: &'a PhraseList<T>, w: &NameWord) -> Option<(usize, &'a T)> {
        list.at(self.tokens, w.tok)
            .map(|(j, v)| (self.tokens.toks[j].end as usize, v))
    }

    /// May an entry of `list` start at name word `w`? (See [`Words::may_start`].)
    #[inline]
    pub fn may_start_word<T>(&self, list: &'a PhraseList<T>, w: &NameWord) -> bool {
        list.may_start(self.tokens, w.tok)
    }

    /// The longest entry of `list` that ends at byte `end` and starts at a word boundary: its
    /// start and value.
    #[inline]
    pub fn before<T>(&self, list: &'a PhraseList<T>, end: usize) -> Option<(usize, &'a T)> {
        match self.tokens.index_ending_at(end) {
            Some(j) => list
                .ending_at(self.tokens, j)
                .map(|(i, v)| (self.tokens.toks[i].start as usize, v)),
            None => {
                let ends_word = self.text[..end]
                    .chars()
                    .next_back()
                    .is_some_and(is_word_char);
                if ends_word {
                    list.before_in_text(self.vocab, self.text, end)
                } else {
                    None
                }
            }
        }
    }

    /// The longest abbreviation of `lex` at byte `pos` (see
    /// [`crate::lexicon::abbrev::Abbreviations::match_at`]): its end and meanings. A word whose
    /// marks say it starts none is passed over without a look at the text.
    #[inline]
    pub fn abbr_at(
        &self,
        lex: &'a crate::lexicon::Lexicon,
        pos: usize,
    ) -> Option<(usize, &'a [crate::lexicon::Abbr])> {
        if let Some(i) = self.tokens.index_at(pos) {
            if !lex.abbr_first.may_start(self.tokens, i) {
                return None;
            }
        }
        lex.abbreviations.match_at(self.text, pos)
    }

    /// Looks up the whole of a name word (any case).
    #[inline]
    pub fn get<T>(&self, list: &'a PhraseList<T>, w: &NameWord) -> Option<&'a T> {
        if w.single {
            let t = &self.tokens.toks[w.tok];
            list.word(t.marks, t.id)
        } else {
            list.get(self.vocab, w.text(self.text))
        }
    }

    /// Looks up a phrase of the text (any case).
    #[inline]
    pub fn get_str<T>(&self, list: &'a PhraseList<T>, s: &str) -> Option<&'a T> {
        list.get(self.vocab, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn letters_from_bytes_are_letters() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let mut b = [0u8; 4];
            let s = c.encode_utf8(&mut b);
            if let Some(n) = letter_len(s.as_bytes(), 0) {
                assert_eq!(n, s.len(), "{c:?}");
                assert!(is_letter(c) && is_word_char(c), "{c:?}");
            }
        }
    }

    #[test]
    fn words_and_name_words() {
        let lex = Lexicon::builtin();
        let text = "Hội NN&PTNT, KT-XH 12 hộ cận nghèo";
        let t = Tokens::new(text, None, &lex.vocab);
        let words: Vec<&str> = t
            .toks
            .iter()
            .map(|w| &text[w.start as usize..w.end as usize])
            .collect();
        assert_eq!(
            words,
            ["Hội", "NN", "PTNT", "KT", "XH", "12", "hộ", "cận", "nghèo"]
        );
        let names: Vec<&str> = t.names.iter().map(|w| w.text(text)).collect();
        assert_eq!(
            names,
            ["Hội", "NN&PTNT", "KT", "XH", "12", "hộ", "cận", "nghèo"]
        );
        assert!(!t.names[1].single && t.names[0].single);
        let w = Words {
            text,
            tokens: &t,
            vocab: &lex.vocab,
        };
        let at = text.find("hộ").unwrap();
        assert_eq!(w.after(&lex.count_units, at).map(|x| x.0), Some(text.len()));
        assert_eq!(
            w.before(&lex.count_units, text.len()).map(|x| x.0),
            Some(at)
        );
        assert!(t.toks[5].joined && !t.toks[2].joined);
    }
}
