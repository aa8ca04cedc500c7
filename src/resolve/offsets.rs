//! Offsets: every fact mapped from the normalised text back to the characters and lines of the
//! decoded input, in one forward walk.

use crate::model::Fact;
use crate::recognize::Cand;
use crate::text::normalize::Normalized;

/// The facts of `chosen` (sorted by position) with their text, offsets and line; a figure too
/// large to hold becomes a warning instead. `keep` says which facts are written.
pub(crate) fn map_back(
    input: &str,
    norm: &Normalized,
    chosen: Vec<Cand>,
    keep: impl Fn(&Fact) -> bool,
) -> (Vec<Fact>, Vec<String>) {
    let mut facts = Vec::with_capacity(chosen.len());
    let mut warnings = Vec::new();
    let (mut byte, mut chars, mut line) = (0usize, 0usize, 1usize);
    let mut breaks = crate::input::lines::Breaks::default();
    for c in chosen {
        let (s, e) = norm.to_source(c.start, c.end);
        let skipped = &input[byte..s];
        chars += skipped.chars().count();
        line += breaks.count(skipped);
        byte = s;
        let text = &input[s..e];
        if c.overflow {
            warnings.push(format!(
                "line {line}: {:?} is too large to hold; this {} was skipped",
                text, c.fact.kind
            ));
            continue;
        }
        if !keep(&c.fact) {
            continue;
        }
        let mut f = *c.fact;
        f.text = text.to_owned();
        f.start = chars;
        f.end = chars + text.chars().count();
        f.line = line;
        facts.push(f);
    }
    (facts, warnings)
}
