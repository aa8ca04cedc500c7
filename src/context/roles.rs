//! The roles of `data/context_words.txt` at every word of a text, looked up once: the rules of
//! the context stage ask them many times a figure (is this word a linking word, does a
//! comparison end here), and a table read is cheaper than a phrase lookup.

use crate::lexicon::{ContextRoles, Lexicon};
use crate::text::Reading;

/// Per word: the roles of the longest phrase starting there (and its last word), and of the
/// phrase ending there (and its first word).
pub(crate) struct Roles {
    start: Vec<(u16, u32)>,
    end: Vec<(u16, u32)>,
}

impl Roles {
    /// Looks every word of `reading` up once.
    #[inline(never)]
    pub fn new(reading: &Reading, lex: &Lexicon) -> Roles {
        let n = reading.tokens.toks.len();
        let mut start = vec![(0u16, 0u32); n];
        let mut end = vec![(0u16, u32::MAX); n];
        for (i, slot) in start.iter_mut().enumerate() {
            if !lex.context.may_start(&reading.tokens, i) {
                continue;
            }
            if let Some((j, r)) = lex.context.at(&reading.tokens, i) {
                *slot = (r.bits(), j as u32);
                // The longest phrase ending at j starts first.
                if end[j].0 == 0 || (i as u32) < end[j].1 {
                    end[j] = (r.bits(), i as u32);
                }
            }
        }
        Roles { start, end }
    }

    /// The phrase starting at word `i`: its last word and roles.
    #[inline]
    pub fn at(&self, i: usize) -> Option<(usize, ContextRoles)> {
        match self.start.get(i) {
            Some(&(r, j)) if r != 0 => Some((j as usize, ContextRoles::from_bits(r))),
            _ => None,
        }
    }

    /// The phrase ending at word `j`: its first word and roles.
    #[inline]
    pub fn ending_at(&self, j: usize) -> Option<(usize, ContextRoles)> {
        match self.end.get(j) {
            Some(&(r, i)) if r != 0 => Some((i as usize, ContextRoles::from_bits(r))),
            _ => None,
        }
    }

    /// Is word `w` a linking word (`edge`), alone or in a phrase it starts or ends?
    #[inline]
    pub fn is_edge(&self, w: usize) -> bool {
        let edge = |r: ContextRoles| r.has(ContextRoles::EDGE);
        self.at(w).is_some_and(|(_, r)| edge(r)) || self.ending_at(w).is_some_and(|(_, r)| edge(r))
    }
}
