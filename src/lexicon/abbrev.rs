//! Abbreviations (`data/abbreviations.txt` and the user's): matched case-sensitively ("UBND",
//! "NN&PTNT", "BCH quân sự"), each with one or more meanings.

use super::hash::Map;
use super::parse::Line;
use crate::error::Error;
use crate::text::chars::is_word_char;

/// What an abbreviation stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AbbrKind {
    /// An organisation on its own ("UBND").
    Org,
    /// The head of an organisation's name ("NH", "BCH").
    Head,
    /// Specifies an organisation after a head ("CCB" in "Hội CCB").
    Spec,
    /// A person's position ("HUV").
    Role,
    /// A thing ("BHYT").
    Other,
}

impl AbbrKind {
    /// The names used in `data/abbreviations.txt` and user lexicons.
    pub const NAMES: [&'static str; 5] = ["org", "head", "spec", "role", "other"];

    /// Reads a name of [`AbbrKind::NAMES`].
    pub fn from_name(s: &str) -> Option<AbbrKind> {
        Some(match s {
            "org" => AbbrKind::Org,
            "head" => AbbrKind::Head,
            "spec" => AbbrKind::Spec,
            "role" => AbbrKind::Role,
            "other" => AbbrKind::Other,
            _ => return None,
        })
    }
}

/// One meaning of an abbreviation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abbr {
    /// The full form, cased as official names write it.
    pub full: String,
    /// What it is.
    pub kind: AbbrKind,
}

/// The meaning on a line of `data/abbreviations.txt`: abbreviation, full form, kind.
pub(crate) fn abbr(l: &Line) -> Result<Abbr, Error> {
    let kind = l.choice(2, &AbbrKind::NAMES, None)?;
    Ok(Abbr {
        full: l.col(1).to_owned(),
        kind: AbbrKind::from_name(kind).unwrap_or(AbbrKind::Other),
    })
}

/// Abbreviations, each with its meanings, found by their first word.
pub(crate) struct Abbreviations {
    /// First word as written (its letters and digits up to the first other char) → the
    /// abbreviations that start with it, longest first.
    by_first: Map<String, Vec<(String, Vec<Abbr>)>>,
    exact: Map<String, usize>,
    /// The chars an abbreviation may start with (most words start with none of them).
    first_chars: super::hash::Set<char>,
}

/// The first word of `s`: its letters and digits up to the first other char.
pub(crate) fn first_word(s: &str) -> &str {
    let n = s
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(s.len(), |(i, _)| i);
    &s[..n]
}

impl Abbreviations {
    /// Abbreviations from (abbreviation, meaning) pairs; the meanings of one abbreviation keep
    /// their order.
    pub fn new(entries: Vec<(String, Abbr)>) -> Abbreviations {
        let mut senses: Vec<(String, Vec<Abbr>)> = Vec::new();
        let mut index: Map<String, usize> = Map::default();
        for (k, a) in entries {
            match index.get(&k) {
                Some(&i) => senses[i].1.push(a),
                None => {
                    index.insert(k.clone(), senses.len());
                    senses.push((k, vec![a]));
                }
            }
        }
        let mut by_first: Map<String, Vec<(String, Vec<Abbr>)>> = Map::default();
        for (k, v) in senses {
            by_first
                .entry(first_word(&k).to_owned())
                .or_default()
                .push((k, v));
        }
        let mut exact = Map::default();
        for list in by_first.values_mut() {
            list.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        }
        for (first, list) in &by_first {
            for (i, (k, _)) in list.iter().enumerate() {
                exact.insert(k.clone(), (first.len() << 16) | i);
            }
        }
        let first_chars = by_first.keys().filter_map(|k| k.chars().next()).collect();
        Abbreviations {
            by_first,
            exact,
            first_chars,
        }
    }

    /// The longest abbreviation at byte `pos` of `text` that ends at a word boundary: its end
    /// and meanings.
    pub fn match_at(&self, text: &str, pos: usize) -> Option<(usize, &[Abbr])> {
        let rest = text.get(pos..)?;
        if !self.first_chars.contains(&rest.chars().next()?) {
            return None;
        }
        let first = first_word(rest);
        if first.is_empty() {
            return None;
        }
        for (k, v) in self.by_first.get(first)? {
            if rest.starts_with(k.as_str()) {
                let end = pos + k.len();
                if text[end..].chars().next().is_some_and(is_word_char) {
                    continue;
                }
                return Some((end, v));
            }
        }
        None
    }

    /// The meanings of an abbreviation written exactly so.
    pub fn get(&self, abbr: &str) -> Option<&[Abbr]> {
        let &code = self.exact.get(abbr)?;
        let first = &abbr[..code >> 16];
        let (_, v) = &self.by_first.get(first)?[code & 0xffff];
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first_and_case_sensitive() {
        let a = |full: &str, kind| Abbr {
            full: full.to_owned(),
            kind,
        };
        let abbrs = Abbreviations::new(vec![
            ("BCH".to_owned(), a("Ban Chấp hành", AbbrKind::Head)),
            (
                "BCH quân sự".to_owned(),
                a("Ban Chỉ huy Quân sự", AbbrKind::Org),
            ),
            (
                "NN&PTNT".to_owned(),
                a("Nông nghiệp và Phát triển nông thôn", AbbrKind::Spec),
            ),
        ]);
        assert_eq!(
            abbrs.match_at("BCH quân sự xã", 0).unwrap().0,
            "BCH quân sự".len()
        );
        assert_eq!(abbrs.match_at("BCH xã", 0).unwrap().0, 3);
        assert!(abbrs.match_at("BCHX", 0).is_none());
        assert!(abbrs.match_at("bch", 0).is_none());
        assert_eq!(abbrs.match_at("NH NN&PTNT", 3).unwrap().0, 10);
        assert_eq!(abbrs.get("NN&PTNT").unwrap()[0].kind, AbbrKind::Spec);
    }
}
