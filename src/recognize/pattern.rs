//! The patterns recognisers match, and their matches.
//!
//! A [`Regex`] is the regex crate's engine (`regex_automata::meta`, configured as
//! `regex::Regex` configures it, so that a pattern means exactly what it means there), used in
//! two steps: the match is found first (a quick forward and backward scan), and its groups are
//! read only when the recogniser keeps it, by an anchored search over the match alone. Reading
//! the groups is most of the cost of a match, and most matches are turned down from their ends
//! (a date that runs into a figure, a holiday name inside a word).
//!
//! ```text
//! let re = Regex::new(r"(?i)(?P<all>tháng (?P<m>[0-9]{1,2}))").unwrap();
//! let text = "Trong tháng 7, ...";
//! let (s, e) = re.find_in(text, 0, text.len()).unwrap();
//! let c = re.captures(text, s, e);
//! assert_eq!(&c["m"], "7");
//! ```

use regex_automata::meta;
use regex_automata::util::captures::Captures as Slots;
use regex_automata::{Anchored, Input, MatchKind};

/// A compiled pattern: the syntax and meaning of `regex::Regex`.
pub(crate) struct Regex {
    meta: meta::Regex,
    /// The names of the groups, by index (0, the whole match, has none).
    names: Vec<Option<String>>,
    /// The longest a match can be, in bytes, when the pattern bounds it.
    max_len: Option<usize>,
}

impl Regex {
    /// Compiles `pattern`, with the settings `regex::Regex::new` uses.
    pub fn new(pattern: &str) -> Result<Regex, Box<meta::BuildError>> {
        let config = meta::Config::new()
            .nfa_size_limit(Some(10 * (1 << 20)))
            .hybrid_cache_capacity(2 * (1 << 20))
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true);
        let syntax = regex_automata::util::syntax::Config::new().utf8(true);
        let mut builder = meta::Builder::new();
        builder.configure(config).syntax(syntax);
        // Parsed here (as the builder would parse it) to learn how long a match can be; a
        // pattern that does not parse is built from its text, for the builder's error.
        let (meta, max_len) = match regex_automata::util::syntax::parse_with(pattern, &syntax) {
            Ok(hir) => (
                builder.build_from_hir(&hir).map_err(Box::new)?,
                hir.properties().maximum_len(),
            ),
            Err(_) => (builder.build(pattern).map_err(Box::new)?, None),
        };
        let names = meta
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .map(|n| n.map(str::to_owned))
            .collect();
        Ok(Regex {
            meta,
            names,
            max_len,
        })
    }

    /// The longest a match can be, in bytes, when the pattern bounds it.
    pub fn max_len(&self) -> Option<usize> {
        self.max_len
    }

    /// The leftmost match that starts at or after byte `pos` and ends at or before byte `end`
    /// of `text` (whose look-arounds see the whole text).
    #[inline]
    pub fn find_in(&self, text: &str, pos: usize, end: usize) -> Option<(usize, usize)> {
        let m = self.meta.search(&Input::new(text).range(pos..end))?;
        Some((m.start(), m.end()))
    }

    /// Does the pattern match somewhere in `text`?
    #[inline]
    pub fn is_match(&self, text: &str) -> bool {
        self.meta.is_match(text)
    }

    /// The groups of the match at `start..end` (one [`Regex::find_in`] gave).
    pub fn captures<'r, 't>(&'r self, text: &'t str, start: usize, end: usize) -> Captures<'r, 't> {
        let mut slots = self.meta.create_captures();
        let input = Input::new(text).span(start..end).anchored(Anchored::Yes);
        self.meta.search_captures(&input, &mut slots);
        debug_assert_eq!(
            slots.get_match().map(|m| (m.start(), m.end())),
            Some((start, end)),
            "the groups of a match are read over the match alone"
        );
        Captures {
            slots,
            text,
            re: self,
        }
    }

    /// The index of the group called `name`.
    #[inline]
    fn index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n.as_deref() == Some(name))
    }
}

/// A part of the text a pattern matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Match<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Match<'t> {
    /// Its first byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start
    }

    /// The byte after it.
    #[inline]
    pub fn end(&self) -> usize {
        self.end
    }

    /// Its text.
    #[inline]
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// A match and its groups, looked up by name through the pattern's list of names (a few short
/// strings), not a hash map.
pub(crate) struct Captures<'r, 't> {
    slots: Slots,
    text: &'t str,
    re: &'r Regex,
}

impl<'t> Captures<'_, 't> {
    /// The group called `name`, when it took part in the match.
    #[inline]
    pub fn name(&self, name: &str) -> Option<Match<'t>> {
        self.get(self.re.index(name)?)
    }

    /// Group `i` (0 is the whole match).
    #[inline]
    pub fn get(&self, i: usize) -> Option<Match<'t>> {
        let span = self.slots.get_group(i)?;
        Some(Match {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
}

impl std::ops::Index<&str> for Captures<'_, '_> {
    type Output = str;

    /// The text of group `name`; panics when it took no part in the match, as
    /// `regex::Captures` does.
    fn index(&self, name: &str) -> &str {
        self.name(name)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group named {name:?} in the match"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Matches and groups as `regex::Regex` gives them.
    fn same(pattern: &str, text: &str) {
        let ours = Regex::new(pattern).unwrap();
        let theirs = regex::Regex::new(pattern).unwrap();
        let mut pos = 0;
        while pos <= text.len() {
            let a = ours.find_in(text, pos, text.len());
            let b = theirs.captures_at(text, pos);
            assert_eq!(
                a,
                b.as_ref()
                    .and_then(|c| c.get(0))
                    .map(|m| (m.start(), m.end())),
                "{pattern:?} in {text:?} from {pos}"
            );
            let (Some((s, e)), Some(b)) = (a, b) else {
                break;
            };
            let c = ours.captures(text, s, e);
            for (i, name) in theirs.capture_names().enumerate() {
                let want = b.get(i).map(|m| (m.start(), m.end()));
                assert_eq!(c.get(i).map(|m| (m.start(), m.end())), want, "{pattern:?}");
                if let Some(n) = name {
                    assert_eq!(c.name(n).map(|m| m.as_str()), b.name(n).map(|m| m.as_str()));
                }
            }
            pos = if e > s {
                e
            } else {
                s + text[s..].chars().next().map_or(1, char::len_utf8)
            };
        }
    }

    #[test]
    fn the_same_matches_and_groups_as_the_regex_crate() {
        let date = r"(?i)(?:(?P<dw>ngày|mùng) )?(?P<d>[0-9]{1,2})(?P<s1>[/.\-])(?P<m>[0-9]{1,2})(?:(?P<s2>[/.\-])(?P<y>[0-9]{4}|[0-9]{2}))?";
        same(date, "Ngày 8/7/2024, mùng 2-9 và 15.500.000 đồng, 1/2/24 ");
        same(
            r"(?i)(?P<all>tháng (?P<m>[0-9]{1,2}|bảy|giêng))(?: (?P<y>[0-9]{4}))?",
            "THÁNG Bảy 2024 tháng 12",
        );
        same(r"(?P<a>x)?(?P<b>y)*", "xyyzx");
        same(r"\b(?P<w>[\p{L}]+)\b", "Hội Nông dân xã Đồng Tâm");
    }

    proptest! {
        #[test]
        fn any_text(text in "[aáđt ,.0-9/\\-]{0,40}(tháng|ngày| |1|đ|Bảy){0,6}[aáđt ,0-9]{0,20}") {
            same(r"(?i)(?:(?P<w>tháng|ngày) )?(?P<d>[0-9]{1,2})(?:(?P<s>[/.\-])(?P<m>[0-9]{1,2}))?", &text);
            same(r"(?i)(?P<all>(?:tháng|ngày) ?(?P<n>[0-9]{1,2}|bảy)(?:[/,] ?)?)", &text);
        }
    }
}
