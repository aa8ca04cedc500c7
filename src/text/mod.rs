//! The text stage: the decoded input normalised for reading (with a map back to it), split
//! into words once, and every figure read once. Every recogniser reads this one [`Reading`].

pub(crate) mod chars;
pub(crate) mod letterhead;
pub(crate) mod normalize;
pub(crate) mod numbers;
pub(crate) mod segments;
pub(crate) mod tokens;
pub(crate) mod tone;

use crate::lexicon::Lexicon;
use normalize::Normalized;
use numbers::Figure;
use tokens::{Tokens, Words};

/// A text as every recogniser reads it.
pub(crate) struct Reading {
    /// The normalised text and its map back to the input.
    pub norm: Normalized,
    /// The normalised text in lower case, byte for byte, when lower case keeps every char's
    /// length (`None` otherwise).
    pub lower: Option<String>,
    /// Its words.
    pub tokens: Tokens,
    /// Its figures, in order.
    pub figures: Vec<Figure>,
    /// Where the input's closing line is in the normalised text (its author, often).
    pub last_line: Option<(usize, usize)>,
    /// The spaces of the normalised text that were line breaks (see
    /// [`Normalized::line_breaks`]).
    pub breaks: Vec<(usize, normalize::Break)>,
    /// The official heading block at the top, when the text has one.
    pub letterhead: Option<letterhead::Letterhead>,
}

impl Reading {
    /// Reads `input` with the words of `lex`.
    #[inline(never)] // a frame of its own in profiles (scripts/stages.py)
    pub fn new(input: &str, lex: &Lexicon) -> Reading {
        let norm = Normalized::new(input);
        let lower = chars::lower_aligned(norm.text());
        let tokens = Tokens::new(norm.text(), lower.as_deref(), &lex.vocab);
        let known = (&tokens.toks[..], lex.number_words.start_mark());
        let figures = numbers::scan(norm.text(), Some(known));
        let last_line = segments::last_line(input, norm.text());
        let breaks = norm.line_breaks(input);
        let letterhead = letterhead::read(norm.text(), &breaks, lex);
        Reading {
            norm,
            lower,
            tokens,
            figures,
            last_line,
            breaks,
            letterhead,
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        self.norm.text()
    }

    /// The words, for matching lists of `lex`.
    pub fn words<'a>(&'a self, lex: &'a Lexicon) -> Words<'a> {
        Words {
            text: self.norm.text(),
            tokens: &self.tokens,
            vocab: &lex.vocab,
        }
    }
}
