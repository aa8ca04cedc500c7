//! Offsets: every fact mapped from the normalised text back to the characters and lines of the
//! decoded input, in one forward walk.

use crate::model::Fact;
use crate::recognize::Cand;
use crate::text::normalize::Normalized;

/// The most chars of a figure a warning quotes.
const QUOTE_CHARS: usize = 80;

/// `text`, or its first [`QUOTE_CHARS`] chars and "…" when longer: a 100,000-digit figure
/// must not make a 200 KB warning line.
fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Where the text read sits in the whole input: the chars and line breaks before it, and the
/// bytes of it whose facts are kept (a window of a long document keeps the facts that start in
/// its own part, not in the margins it shares with its neighbours).
#[derive(Debug, Clone)]
pub(crate) struct Base {
    /// Chars of the input before the text.
    pub chars: usize,
    /// Line breaks of the input before the text.
    pub lines: usize,
    /// The bytes of the text whose facts (and warnings) are kept.
    pub keep: std::ops::Range<usize>,
    /// The document's date and reference year are the options', known or not (a window after
    /// the first of a long document).
    pub fixed: bool,
}

impl Base {
    /// A whole text.
    pub fn whole(text: &str) -> Base {
        Base {
            chars: 0,
            lines: 0,
            keep: 0..text.len().max(1),
            fixed: false,
        }
    }
}

/// The facts of `chosen` (sorted by position) with their text, offsets and line; a figure too
/// large to hold becomes a warning instead. `keep` says which facts are written.
pub(crate) fn map_back(
    input: &str,
    norm: &Normalized,
    chosen: Vec<Cand>,
    base: &Base,
    keep: impl Fn(&Fact) -> bool,
) -> (Vec<Fact>, Vec<String>) {
    let mut facts = Vec::with_capacity(chosen.len());
    let mut warnings = Vec::new();
    let (mut byte, mut chars, mut line) = (0usize, base.chars, base.lines + 1);
    let mut breaks = crate::input::lines::Breaks::default();
    for c in chosen {
        let (s, e) = norm.to_source(c.start, c.end);
        let skipped = &input[byte..s];
        chars += skipped.chars().count();
        line += breaks.count(skipped);
        byte = s;
        if !base.keep.contains(&s) {
            continue;
        }
        let text = &input[s..e];
        if c.overflow {
            warnings.push(format!(
                "line {line}: {:?} is too large to hold; this {} was skipped",
                quote(text),
                c.fact.kind
            ));
            continue;
        }
        if !keep(&c.fact) {
            continue;
        }
        // The fact goes into place first and is completed there (a fact is large: one move).
        facts.push(*c.fact);
        let Some(f) = facts.last_mut() else { continue };
        if let Some(why) = &f.warning {
            warnings.push(format!(
                "line {line}: {:?}: {why}; kept with no value",
                quote(text)
            ));
        }
        f.text = text.to_owned();
        f.start = chars;
        f.end = chars + text.chars().count();
        f.line = line;
    }
    (facts, warnings)
}

#[cfg(test)]
mod tests {
    #[test]
    fn warnings_quote_at_most_80_chars() {
        assert_eq!(super::quote("12 tỷ"), "12 tỷ");
        let long = "9".repeat(100_000) + " đồng";
        let q = super::quote(&long);
        assert_eq!(q.chars().count(), 81);
        assert!(q.ends_with("9…"));
    }
}
