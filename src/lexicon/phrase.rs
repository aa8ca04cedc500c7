//! Phrase lists matched word by word: every word of every list has a number in one
//! [`Vocab`], and each list is a trie over those numbers (one forward, one backward). The text
//! is split into words once ([`crate::text::tokens`]), each word looked up in the vocabulary
//! once, and a match is then a walk over integers: no lower-casing, hashing of strings or
//! allocation per lookup. Each word also carries marks saying which lists it may start or end,
//! so that most lookups stop at one bit test.

use super::hash::Map;
use crate::text::chars::{is_word_char, lower};

/// Marks of a word: bit `2k` says "may start an entry of list k", bit `2k + 1` "may end one".
pub(crate) type Marks = u64;

/// The words of every list, numbered from 1 (0 is "in no list").
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    ids: Map<String, u32>,
    marks: Vec<Marks>,
    lists: u32,
}

impl Vocab {
    /// The number of a lower-case word, 0 when no list holds it.
    #[inline]
    pub fn id(&self, lower_word: &str) -> u32 {
        self.ids.get(lower_word).copied().unwrap_or(0)
    }

    /// The marks of word `id`.
    #[inline]
    pub fn marks(&self, id: u32) -> Marks {
        self.marks.get(id as usize).copied().unwrap_or(0)
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        if self.marks.is_empty() {
            self.marks.push(0);
        }
        let id = self.marks.len() as u32;
        self.ids.insert(w.to_owned(), id);
        self.marks.push(0);
        id
    }

    /// A new list's number (its marks are bits `2k` and `2k + 1`).
    fn new_list(&mut self) -> u32 {
        let k = self.lists;
        assert!(k < 32, "more than 32 phrase lists: widen Marks");
        self.lists += 1;
        k
    }

    /// The number of a lower-case word read from text, with a reused buffer.
    fn id_of_text(&self, word: &str, buf: &mut String) -> u32 {
        buf.clear();
        buf.extend(word.chars().map(lower));
        self.id(buf)
    }
}

/// What the matcher needs of a sequence of words: their vocabulary numbers and whether one
/// space (and nothing else) separates a word from the next.
pub(crate) trait WordSeq {
    /// Number of words.
    fn count(&self) -> usize;
    /// Vocabulary number of word `i`.
    fn id(&self, i: usize) -> u32;
    /// Marks of word `i`.
    fn marks(&self, i: usize) -> Marks;
    /// One space, and nothing else, between word `i` and word `i + 1`.
    fn joined(&self, i: usize) -> bool;
}

const NONE: u32 = u32::MAX;

/// A trie over word numbers.
#[derive(Debug, Default)]
struct Trie {
    edges: Map<u64, u32>,
    /// Per node: the index of its value, or `NONE`.
    value: Vec<u32>,
}

impl Trie {
    fn new() -> Trie {
        Trie {
            edges: Map::default(),
            value: vec![NONE],
        }
    }

    #[inline]
    fn child(&self, node: u32, word: u32) -> Option<u32> {
        if word == 0 {
            return None;
        }
        self.edges
            .get(&((node as u64) << 32 | word as u64))
            .copied()
    }

    fn insert(&mut self, words: impl Iterator<Item = u32>, value: u32) {
        let mut node = 0u32;
        for w in words {
            let key = (node as u64) << 32 | w as u64;
            node = match self.edges.get(&key) {
                Some(&n) => n,
                None => {
                    let n = self.value.len() as u32;
                    self.value.push(NONE);
                    self.edges.insert(key, n);
                    n
                }
            };
        }
        // A later line with the same phrase replaces the earlier one.
        self.value[node as usize] = value;
    }

    /// The longest entry along `words`: how many words it has and its value index.
    fn longest(&self, words: impl Iterator<Item = u32>) -> Option<(usize, u32)> {
        let mut node = 0;
        let mut best = None;
        for (n, w) in words.enumerate() {
            match self.child(node, w) {
                Some(c) => node = c,
                None => break,
            }
            let v = self.value[node as usize];
            if v != NONE {
                best = Some((n + 1, v));
            }
        }
        best
    }
}

/// A list of phrases (one or more words), each with a value.
#[derive(Debug)]
pub(crate) struct PhraseList<T> {
    start_mark: Marks,
    end_mark: Marks,
    fwd: Trie,
    bwd: Trie,
    values: Vec<T>,
    /// The phrases, lower case, in the order of their values.
    keys: Vec<String>,
}

/// Builds phrase lists that share one vocabulary.
pub(crate) struct ListBuilder<'v, T> {
    vocab: &'v mut Vocab,
    list: PhraseList<T>,
}

impl<'v, T> ListBuilder<'v, T> {
    /// A new, empty list in `vocab`.
    pub fn new(vocab: &'v mut Vocab) -> Self {
        let k = vocab.new_list();
        ListBuilder {
            vocab,
            list: PhraseList {
                start_mark: 1 << (2 * k),
                end_mark: 1 << (2 * k + 1),
                fwd: Trie::new(),
                bwd: Trie::new(),
                values: Vec::new(),
                keys: Vec::new(),
            },
        }
    }

    /// Adds a phrase (any case, any spacing) with its value.
    pub fn add(&mut self, phrase: &str, value: T) {
        let key = crate::text::chars::key_of(phrase);
        if key.is_empty() {
            return;
        }
        let ids: Vec<u32> = key.split(' ').map(|w| self.vocab.intern(w)).collect();
        let (first, last) = (ids[0], ids[ids.len() - 1]);
        self.vocab.marks[first as usize] |= self.list.start_mark;
        self.vocab.marks[last as usize] |= self.list.end_mark;
        let v = self.list.values.len() as u32;
        self.list.values.push(value);
        self.list.keys.push(key);
        self.list.fwd.insert(ids.iter().copied(), v);
        self.list.bwd.insert(ids.iter().rev().copied(), v);
    }

    /// The finished list.
    pub fn build(self) -> PhraseList<T> {
        self.list
    }
}

impl<T> PhraseList<T> {
    /// The mark a word carries when an entry may start with it.
    #[inline]
    pub fn start_mark(&self) -> Marks {
        self.start_mark
    }

    /// May an entry start with word `i`?
    #[inline]
    pub fn may_start(&self, seq: &impl WordSeq, i: usize) -> bool {
        seq.marks(i) & self.start_mark != 0
    }

    /// The longest entry that starts with word `i`: the index of its last word and its value.
    #[inline]
    pub fn at(&self, seq: &impl WordSeq, i: usize) -> Option<(usize, &T)> {
        if i >= seq.count() || !self.may_start(seq, i) {
            return None;
        }
        let n = seq.count();
        let words = (i..n)
            .scan(true, |go, k| {
                if !*go {
                    return None;
                }
                *go = k + 1 < n && seq.joined(k);
                Some(seq.id(k))
            })
            .fuse();
        let (len, v) = self.fwd.longest(words)?;
        Some((i + len - 1, &self.values[v as usize]))
    }

    /// The longest entry that ends with word `j`: the index of its first word and its value.
    #[inline]
    pub fn ending_at(&self, seq: &impl WordSeq, j: usize) -> Option<(usize, &T)> {
        if j >= seq.count() || seq.marks(j) & self.end_mark == 0 {
            return None;
        }
        let words = (0..=j)
            .rev()
            .scan(true, |go, k| {
                if !*go {
                    return None;
                }
                *go = k > 0 && seq.joined(k - 1);
                Some(seq.id(k))
            })
            .fuse();
        let (len, v) = self.bwd.longest(words)?;
        Some((j + 1 - len, &self.values[v as usize]))
    }

    /// The entry that is exactly word `id`, alone.
    #[inline]
    pub fn word(&self, vocab_marks: Marks, id: u32) -> Option<&T> {
        if vocab_marks & self.start_mark == 0 {
            return None;
        }
        let node = self.fwd.child(0, id)?;
        let v = self.fwd.value[node as usize];
        (v != NONE).then(|| &self.values[v as usize])
    }

    /// Looks a whole phrase up (any case, any spacing).
    pub fn get(&self, vocab: &Vocab, phrase: &str) -> Option<&T> {
        let mut node = 0;
        let mut buf = String::new();
        let mut any = false;
        for w in phrase.split_whitespace() {
            buf.clear();
            crate::text::chars::push_lower(&mut buf, w);
            node = self.fwd.child(node, vocab.id(&buf))?;
            any = true;
        }
        if !any {
            return None;
        }
        let v = self.fwd.value[node as usize];
        (v != NONE).then(|| &self.values[v as usize])
    }

    /// The longest entry that starts at byte `pos` of `text`, read from the text itself (for a
    /// position where no word of the shared word list starts): its end and value.
    pub fn after_in_text(&self, vocab: &Vocab, text: &str, pos: usize) -> Option<(usize, &T)> {
        let mut ends = Vec::new();
        let mut buf = String::new();
        let mut p = pos;
        let ids = std::iter::from_fn(|| {
            let rest = text.get(p..)?;
            let len = rest
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(rest.len(), |(i, _)| i);
            if len == 0 {
                return None;
            }
            let id = vocab.id_of_text(&rest[..len], &mut buf);
            ends.push(p + len);
            if text[p + len..].starts_with(' ') {
                p += len + 1;
            } else {
                p = text.len() + 1;
            }
            Some(id)
        });
        let (n, v) = self.fwd.longest(ids)?;
        Some((ends[n - 1], &self.values[v as usize]))
    }

    /// The longest entry that ends at byte `end` of `text`, read from the text itself: its
    /// start and value.
    pub fn before_in_text(&self, vocab: &Vocab, text: &str, end: usize) -> Option<(usize, &T)> {
        let mut starts = Vec::new();
        let mut buf = String::new();
        let mut e = end;
        let mut done = false;
        let ids = std::iter::from_fn(|| {
            if done {
                return None;
            }
            let head = text.get(..e)?;
            let start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            if start == e {
                return None;
            }
            let id = vocab.id_of_text(&text[start..e], &mut buf);
            starts.push(start);
            if start > 0 && text[..start].ends_with(' ') {
                e = start - 1;
            } else {
                done = true;
            }
            Some(id)
        });
        let (n, v) = self.bwd.longest(ids)?;
        Some((starts[n - 1], &self.values[v as usize]))
    }

    /// The phrases, lower case, with their values.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &T)> {
        self.keys.iter().map(String::as_str).zip(&self.values)
    }

    /// Number of entries (a phrase listed twice counts twice).
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// The phrases as regex alternatives (longest first), for building patterns.
    pub fn alternatives(&self) -> String {
        let mut keys: Vec<&String> = self.keys.iter().collect();
        keys.sort_by_key(|k| (std::cmp::Reverse(k.len()), k.as_str()));
        keys.dedup();
        keys.iter()
            .map(|k| regex::escape(k).replace(' ', r"\s"))
            .collect::<Vec<_>>()
            .join("|")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of a plain string, for the tests.
    struct Seq(Vec<u32>, Vec<Marks>);

    impl WordSeq for Seq {
        fn count(&self) -> usize {
            self.0.len()
        }
        fn id(&self, i: usize) -> u32 {
            self.0[i]
        }
        fn marks(&self, i: usize) -> Marks {
            self.1[i]
        }
        fn joined(&self, _: usize) -> bool {
            true
        }
    }

    #[test]
    fn longest_phrase_forward_and_backward() {
        let mut vocab = Vocab::default();
        let mut b = ListBuilder::new(&mut vocab);
        b.add("hộ", 1);
        b.add("hộ cận nghèo", 2);
        b.add("Hộ  nghèo", 3);
        let list = b.build();
        let words: Vec<u32> = "có hộ cận nghèo".split(' ').map(|w| vocab.id(w)).collect();
        let marks = words.iter().map(|&i| vocab.marks(i)).collect();
        let seq = Seq(words, marks);
        assert_eq!(list.at(&seq, 1), Some((3, &2)));
        assert_eq!(list.at(&seq, 0), None);
        assert_eq!(list.ending_at(&seq, 3), Some((1, &2)));
        assert_eq!(list.get(&vocab, "HỘ NGHÈO"), Some(&3));
        assert_eq!(list.get(&vocab, "hộ cận"), None);
        let t = "có hộ cận nghèo.";
        assert_eq!(list.after_in_text(&vocab, t, 4), Some((t.len() - 1, &2)));
        assert_eq!(list.before_in_text(&vocab, t, t.len() - 1), Some((4, &2)));
    }
}
