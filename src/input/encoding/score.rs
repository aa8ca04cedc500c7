//! How Vietnamese a decoded text looks: the score that picks an encoding.
//!
//! Over the words (runs of letters) that hold a letter beyond ASCII: +2 for a frequent syllable
//! (`data/common_syllables.txt`), +0.5 for another well-formed syllable made of Vietnamese
//! letters (an onset, a vowel group, a final consonant, one tone at most, and only the acute or
//! the dot tone after a final stop; `data/syllables.txt`), −2 for any other word. Then −2 for
//! each control char (but tab, CR, LF), C1 char, U+FFFD and combining mark left over.
//!
//! ```text
//! let good = score("Hội Cựu chiến binh xã Kim Liên");
//! let bad = score("Héi Cùu chiÕn binh x· Kim Liªn");
//! assert!(good.value > bad.value);
//! ```

use crate::lexicon::hash::{Map, Set};
use crate::lexicon::{file, parse::lines};
use crate::text::chars::{is_letter, push_lower_char};
use std::sync::LazyLock;
use unicode_normalization::char::decompose_canonical;

/// A text's score and what it was made of.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Score {
    /// The sum.
    pub value: f64,
    /// Words holding a letter beyond ASCII.
    pub words: usize,
    /// Those that are Vietnamese syllables (frequent or well formed).
    pub good: usize,
}

impl Score {
    /// The share of the words that are Vietnamese (1 when there is none).
    pub fn quality(&self) -> f64 {
        if self.words == 0 {
            1.0
        } else {
            self.good as f64 / self.words as f64
        }
    }
}

struct Parts {
    onsets: Vec<String>,
    /// Vowel group → (may end a syllable, may take a final consonant).
    nuclei: Map<String, (bool, bool)>,
    /// Final consonants, and whether each is a stop (only the acute or dot tone after it).
    codas: Vec<(String, bool)>,
    common: Set<String>,
}

static PARTS: LazyLock<Parts> = LazyLock::new(|| {
    let f = file("syllables.txt");
    let mut p = Parts {
        onsets: Vec::new(),
        nuclei: Map::default(),
        codas: Vec::new(),
        common: Set::default(),
    };
    let rows = lines(f.name, f.text, 2, 2).unwrap_or_else(|e| panic!("{e}"));
    for l in rows {
        let part = l.col(0).to_owned();
        let kind = l
            .choice(
                1,
                &["onset", "rhyme", "closed", "both", "coda", "stop"],
                None,
            )
            .unwrap_or_else(|e| panic!("{e}"));
        match kind {
            "onset" => p.onsets.push(part),
            "coda" => p.codas.push((part, false)),
            "stop" => p.codas.push((part, true)),
            "rhyme" => {
                p.nuclei.insert(part, (true, false));
            }
            "closed" => {
                p.nuclei.insert(part, (false, true));
            }
            _ => {
                p.nuclei.insert(part, (true, true));
            }
        }
    }
    // Longest first, so that "ngh" is tried before "ng" and "ng" before "n".
    p.onsets
        .sort_by_key(|o| std::cmp::Reverse(o.chars().count()));
    p.codas
        .sort_by_key(|(c, _)| std::cmp::Reverse(c.chars().count()));
    let f = file("common_syllables.txt");
    for l in lines(f.name, f.text, 1, 1).unwrap_or_else(|e| panic!("{e}")) {
        p.common.insert(l.col(0).to_owned());
    }
    p
});

/// Is `word` (lower case) one of the frequent syllables?
pub(crate) fn common(word: &str) -> bool {
    PARTS.common.contains(word)
}

/// The tone of a combining mark: 1 grave, 2 hook, 3 tilde, 4 acute, 5 dot below.
fn tone_of(m: char) -> Option<u8> {
    Some(match m {
        '\u{300}' => 1,
        '\u{309}' => 2,
        '\u{303}' => 3,
        '\u{301}' => 4,
        '\u{323}' => 5,
        _ => return None,
    })
}

/// A lower-case letter without its tone (with its shape: ă â ê ô ơ ư đ) and its tone; `None`
/// for a letter Vietnamese does not write.
fn untone(c: char) -> Option<(char, u8)> {
    if c.is_ascii_lowercase() {
        // f j w z write no Vietnamese sound.
        return (!matches!(c, 'f' | 'j' | 'w' | 'z')).then_some((c, 0));
    }
    if c == 'đ' {
        return Some((c, 0));
    }
    let mut base = None;
    let mut shape = None;
    let mut tone = 0;
    let mut bad = false;
    decompose_canonical(c, |d| match d {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' if base.is_none() => base = Some(d),
        '\u{302}' | '\u{306}' | '\u{31b}' => shape = Some(d),
        m => match tone_of(m) {
            Some(t) => tone = t,
            None => bad = true,
        },
    });
    let base = base?;
    if bad {
        return None;
    }
    let shaped = match (base, shape) {
        (b, None) => b,
        ('a', Some('\u{306}')) => 'ă',
        ('a', Some('\u{302}')) => 'â',
        ('e', Some('\u{302}')) => 'ê',
        ('o', Some('\u{302}')) => 'ô',
        ('o', Some('\u{31b}')) => 'ơ',
        ('u', Some('\u{31b}')) => 'ư',
        _ => return None,
    };
    Some((shaped, tone))
}

/// Is `word` (lower case) a well-formed Vietnamese syllable?
pub(crate) fn syllable(word: &str) -> bool {
    let p = &*PARTS;
    let mut plain = String::with_capacity(word.len());
    let mut tone = 0;
    for c in word.chars() {
        let Some((b, t)) = untone(c) else {
            return false;
        };
        if t != 0 {
            if tone != 0 {
                return false;
            }
            tone = t;
        }
        plain.push(b);
    }
    let fits = |rest: &str| -> bool {
        if let Some(&(open, _)) = p.nuclei.get(rest) {
            if open {
                return true;
            }
        }
        p.codas.iter().any(|(c, stop)| {
            rest.strip_suffix(c.as_str()).is_some_and(|n| {
                p.nuclei.get(n).is_some_and(|&(_, closed)| closed)
                    && (!stop || matches!(tone, 0 | 4 | 5))
            })
        })
    };
    if fits(&plain) {
        return true;
    }
    // "gi" and "qu" also read as "g" and "q" + a vowel: "gì", "quý".
    p.onsets
        .iter()
        .filter_map(|o| plain.strip_prefix(o.as_str()))
        .any(|rest| !rest.is_empty() && fits(rest))
        || plain
            .strip_prefix('g')
            .is_some_and(|r| r.starts_with('i') && fits(r))
}

/// A symbol of Latin-1's upper half (or Windows-1252's punctuation) that mojibake and wrong
/// code pages leave next to letters: not the no-break space, degrees, superscripts, fractions
/// or guillemets, which real text writes.
fn glued_symbol(c: char) -> bool {
    match c {
        '\u{a1}'..='\u{bf}' => !matches!(c, '«' | '»' | '°' | '²' | '³' | '¹' | '¼' | '½' | '¾'),
        '€' | '‚' | 'ƒ' | '„' | '†' | '‡' | 'ˆ' | '‰' | '‹' | '›' | '™' | '˜' => {
            true
        }
        _ => false,
    }
}

/// The score of `text`.
pub(crate) fn score(text: &str) -> Score {
    let p = &*PARTS;
    let mut s = Score::default();
    // The word being read, in lower case, and whether it holds a char beyond ASCII.
    let mut lower = String::new();
    let mut beyond_ascii = false;
    // A text says its syllables many times over: each word's verdict is worked out once
    // (+2 a common syllable, +0.5 another syllable, -2 no syllable at all).
    let mut seen: Map<String, i8> = Map::default();
    let mut flush = |lower: &mut String, beyond_ascii: &mut bool, s: &mut Score| {
        if *beyond_ascii {
            s.words += 1;
            let verdict = match seen.get(lower.as_str()) {
                Some(&v) => v,
                None => {
                    let v = if p.common.contains(lower.as_str()) {
                        2
                    } else if syllable(lower) {
                        1
                    } else {
                        -1
                    };
                    seen.insert(lower.clone(), v);
                    v
                }
            };
            match verdict {
                2 => {
                    s.value += 2.0;
                    s.good += 1;
                }
                1 => {
                    s.value += 0.5;
                    s.good += 1;
                }
                _ => s.value -= 2.0,
            }
        }
        lower.clear();
        *beyond_ascii = false;
    };
    let mut prev = ' ';
    for c in text.chars() {
        if is_letter(c) {
            // A symbol glued to a letter ("xÃ£", "x·") is what mojibake and wrong code pages
            // leave; real text writes these apart, if at all.
            if glued_symbol(prev) {
                s.value -= 2.0;
            }
            push_lower_char(&mut lower, c);
            beyond_ascii |= !c.is_ascii();
            prev = c;
            continue;
        }
        flush(&mut lower, &mut beyond_ascii, &mut s);
        if glued_symbol(c) && is_letter(prev) {
            s.value -= 2.0;
        }
        prev = c;
        let bad = match c {
            '\t' | '\n' | '\r' => false,
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffd}' => true,
            '\u{300}'..='\u{36f}' => true,
            _ => false,
        };
        if bad {
            s.value -= 2.0;
        }
    }
    flush(&mut lower, &mut beyond_ascii, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for w in [
            "hội",
            "cựu",
            "chiến",
            "nghiệp",
            "quý",
            "gì",
            "khuyến",
            "thuở",
            "ngoằn",
            "tuyết",
            "giường",
            "oái",
            "uống",
            "được",
            "khỏe",
            "thủy",
            "xã",
        ] {
            assert!(syllable(w), "{w}");
        }
        for w in [
            "hộc̃", "héi", "chiõn", "xæ", "cựuu", "tám", "ảc", "vieät", "ß",
        ] {
            // "tám" is one (acute after m is fine); the rest are not.
            assert_eq!(syllable(w), w == "tám", "{w}");
        }
    }

    #[test]
    fn vietnamese_beats_a_wrong_decoding() {
        let good = score("Hội Cựu chiến binh xã Kim Liên ủng hộ 15.500.000 đồng");
        let tcvn_as_1252 = score("Héi Cùu chiÕn binh x· Kim Liªn ñng hé 15.500.000 ®ång");
        let vni_as_1252 = score("Hoäi Cöïu chieán binh xaõ Kim Lieân");
        assert!(good.value > 10.0 && good.quality() == 1.0);
        assert!(tcvn_as_1252.value < 0.0 && vni_as_1252.value < 0.0);
    }
}
