//! VIQR (RFC 1456): Vietnamese in ASCII, each letter a base and the marks that look like its
//! diacritics: `Ho^.i` = "Hội", `ddo^`ng` = "đồng", `U+'` = "Ứ".
//!
//! ```text
//! assert_eq!(decode("Ho^.i Cu+.u chie^'n binh"), "Hội Cựu chiến binh");
//! ```
//!
//! A mark is a mark only where it makes a letter Vietnamese writes (`A+` is "A" and a plus),
//! once (a second tone is punctuation), and not after a backslash (`\.` is a full stop). Real
//! VIQR rarely escapes its full stops: a `.` or `?` that ends a word before a capital or the end
//! of a line ends a sentence. `dd` is đ only where a syllable starts (not in "address"), and
//! nothing is read inside URLs, e-mail addresses and numbers.

use unicode_normalization::UnicodeNormalization;

/// The combining mark of a VIQR mark char, and whether it is a shape (breve, circumflex, horn).
fn mark(c: u8) -> Option<(char, bool)> {
    Some(match c {
        b'(' => ('\u{306}', true),
        b'^' => ('\u{302}', true),
        b'+' => ('\u{31b}', true),
        b'\'' => ('\u{301}', false),
        b'`' => ('\u{300}', false),
        b'?' => ('\u{309}', false),
        b'~' => ('\u{303}', false),
        b'.' => ('\u{323}', false),
        _ => return None,
    })
}

/// `a` and combining mark `m` as one char, when there is one: a table for the pairs VIQR makes
/// (a vowel, with or without its shape, and a mark), NFC for the rest ("â" + dot below is "ậ",
/// which is "ạ" + circumflex in canonical order).
fn compose(a: char, m: char) -> Option<char> {
    use std::sync::LazyLock;
    fn nfc(a: char, m: char) -> Option<char> {
        let mut two = [a, m].into_iter().nfc();
        match (two.next(), two.next()) {
            (Some(x), None) => Some(x),
            _ => None,
        }
    }
    static PAIRS: LazyLock<crate::lexicon::hash::Map<(char, char), char>> = LazyLock::new(|| {
        let marks: Vec<(char, bool)> = b"(^+'`?~.".iter().filter_map(|&c| mark(c)).collect();
        let vowels = "aeiouyAEIOUY".chars();
        let shaped = vowels.clone().flat_map(|v| {
            marks
                .iter()
                .filter(|(_, shape)| *shape)
                .filter_map(move |&(m, _)| unicode_normalization::char::compose(v, m))
        });
        let bases: Vec<char> = vowels.chain(shaped).collect();
        let mut map = crate::lexicon::hash::Map::default();
        for &v in &bases {
            for &(m, _) in &marks {
                if let Some(x) = nfc(v, m) {
                    map.insert((v, m), x);
                }
            }
        }
        map
    });
    PAIRS.get(&(a, m)).copied().or_else(|| nfc(a, m))
}

/// May shape `m` go on vowel `v`?
fn shape_fits(v: u8, m: char) -> bool {
    match m {
        '\u{306}' => matches!(v, b'a' | b'A'),
        '\u{302}' => matches!(v, b'a' | b'e' | b'o' | b'A' | b'E' | b'O'),
        _ => matches!(v, b'o' | b'u' | b'O' | b'U'),
    }
}

fn vowel(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
    )
}

/// Does this whitespace-separated token look like something other than words (a URL, an
/// e-mail address, a file name with a path)?
fn verbatim(token: &[u8]) -> bool {
    token.contains(&b'@')
        || token.windows(3).any(|w| w == b"://")
        || token.len() >= 4 && token[..4].eq_ignore_ascii_case(b"www.")
}

/// Is a tone mark `m` after the last word of `out` rather a full stop or question mark: the
/// word without it is a common syllable and with it is not?
fn punctuation(out: &str, m: char) -> bool {
    let start = out
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let without: String = out[start..].nfc().flat_map(char::to_lowercase).collect();
    let with: String = format!("{}{m}", &out[start..])
        .nfc()
        .flat_map(char::to_lowercase)
        .collect();
    super::score::common(&without) && !super::score::common(&with)
}

/// Is the word around byte `i` written in capitals (its ASCII letters all capitals)?
fn caps_word(b: &[u8], i: usize) -> bool {
    let word = |x: &u8| x.is_ascii_alphabetic() || mark(*x).is_some();
    let start = b[..i].iter().rposition(|x| !word(x)).map_or(0, |k| k + 1);
    let end = b[i..]
        .iter()
        .position(|x| !word(x))
        .map_or(b.len(), |k| i + k);
    let letters = &b[start..end];
    letters.iter().filter(|x| x.is_ascii_alphabetic()).count() >= 3
        && letters.iter().all(|x| !x.is_ascii_lowercase())
}

/// Decodes VIQR text (ASCII), in NFC.
pub(crate) fn decode(text: &str) -> String {
    let b = text.as_bytes();
    // A text that escapes its punctuation ("ra ddo+`i\.") escapes all of it: its other marks
    // are marks.
    let escapes = [&b"\\."[..], b"\\?", b"\\'"]
        .iter()
        .any(|e| memchr::memmem::find(b, e).is_some());
    let mut out = String::with_capacity(text.len());
    // Marks are composed with their letter as they come; a sequence that does not compose (or
    // a combining mark in the input) leaves the text to NFC at the end.
    let mut nfc = false;
    let mut i = 0;
    while i < b.len() {
        // A token that is not words is copied as it is.
        if i == 0 || b[i - 1].is_ascii_whitespace() {
            let end = b[i..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(b.len(), |k| i + k);
            if verbatim(&b[i..end]) {
                out.push_str(&text[i..end]);
                i = end;
                continue;
            }
        }
        let c = b[i];
        // An escaped mark is the char itself.
        if c == b'\\'
            && b.get(i + 1)
                .is_some_and(|&n| mark(n).is_some() || n == b'\\')
        {
            out.push(b[i + 1] as char);
            i += 2;
            continue;
        }
        let starts_syllable = i == 0 || !b[i - 1].is_ascii_alphabetic();
        // "DD" inside a word in capitals is Đ too ("HDDND" = "HĐND", "VNDD" = "VNĐ").
        let in_capitals = c == b'D' && b.get(i + 1) == Some(&b'D') && caps_word(b, i);
        if (c == b'd' || c == b'D')
            && matches!(b.get(i + 1), Some(b'd' | b'D'))
            && (starts_syllable || in_capitals)
        {
            out.push(if c == b'D' { 'Đ' } else { 'đ' });
            i += 2;
            continue;
        }
        if !c.is_ascii() {
            // A char beyond ASCII (typographic quotes, a no-break space): copied whole.
            let ch = text[i..].chars().next().unwrap_or('\u{fffd}');
            nfc |= ('\u{300}'..='\u{36f}').contains(&ch);
            out.push(ch);
            i += ch.len_utf8().max(1);
            continue;
        }
        if !vowel(c) {
            // A run of ASCII that holds no vowel, d, escape or token start: copied at once.
            let plain = |x: u8| x.is_ascii() && !vowel(x) && !matches!(x, b'd' | b'D' | b'\\');
            let mut j = i + 1;
            while j < b.len() && plain(b[j]) && !b[j - 1].is_ascii_whitespace() {
                j += 1;
            }
            out.push_str(&text[i..j]);
            i = j;
            continue;
        }
        out.push(c as char);
        i += 1;
        let (mut shape, mut tone) = (false, false);
        while let Some(&n) = b.get(i) {
            let Some((m, is_shape)) = mark(n) else { break };
            if is_shape && (shape || !shape_fits(c, m)) || !is_shape && tone {
                break;
            }
            // A full stop or question mark that ends a word: a tone when the word is a common
            // syllable with it, or not one without it ("bo^." = "bộ", "chu?" = "chủ"); the end
            // of a sentence when the word is a common syllable without it and not with it
            // ("thu+' ba." = "thứ ba.").
            if matches!(n, b'.' | b'?') && !escapes {
                // A sentence ends before a line's end, the text's end, or a space and a capital.
                // (In a word in capitals, a capital after it says nothing.)
                let capital = c.is_ascii_uppercase();
                let ends_sentence = match b.get(i + 1) {
                    None | Some(b'\n' | b'\r') => true,
                    Some(b' ') => b.get(i + 2).is_none_or(|x| {
                        (x.is_ascii_uppercase() && !capital)
                            || matches!(x, b'\n' | b'\r' | b'"' | b'(')
                    }),
                    Some(x) => matches!(x, b')' | b'"'),
                };
                if ends_sentence && punctuation(&out, m) {
                    break;
                }
            }
            match out.pop() {
                Some(last) => match compose(last, m) {
                    Some(x) => out.push(x),
                    None => {
                        out.push(last);
                        out.push(m);
                        nfc = true;
                    }
                },
                None => out.push(m),
            }
            shape |= is_shape;
            tone |= !is_shape;
            i += 1;
        }
    }
    if nfc {
        out.nfc().collect()
    } else {
        out
    }
}

/// How much `text` (ASCII) looks like VIQR: marks right after vowels inside words, and `dd` at
/// a word's start, per 100 words.
pub(crate) fn signs(text: &str) -> f64 {
    let b = text.as_bytes();
    let mut n = 0usize;
    for i in 1..b.len() {
        let inside = b.get(i + 1).is_some_and(|x| x.is_ascii_alphabetic());
        match b[i] {
            b'^' | b'+' | b'(' if vowel(b[i - 1]) => n += 1,
            b'`' | b'~' if vowel(b[i - 1]) => n += 1,
            b'\'' | b'?' | b'.' if vowel(b[i - 1]) && inside => n += 1,
            b'd' | b'D'
                if matches!(b[i - 1], b'd' | b'D')
                    && (i < 2 || !b[i - 2].is_ascii_alphabetic()) =>
            {
                n += 1
            }
            _ => {}
        }
    }
    let words = text.split_ascii_whitespace().count().max(1);
    100.0 * n as f64 / words as f64
}

/// Encodes `text` as VIQR: each Vietnamese letter spelled with its marks, and a mark char that
/// would join the letter before it escaped with a backslash.
pub(crate) fn encode(text: &str) -> String {
    static SPELL: std::sync::LazyLock<crate::lexicon::hash::Map<char, &'static str>> =
        std::sync::LazyLock::new(|| {
            super::tables::VIQR
                .iter()
                .filter_map(|&(sp, l)| Some((l.chars().next()?, sp)))
                .collect()
        });
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.nfc() {
        if let Some(sp) = SPELL.get(&c) {
            out.push_str(sp);
            continue;
        }
        let joins = out
            .bytes()
            .last()
            .is_some_and(|b| vowel(b) || mark(b).is_some());
        if c.is_ascii() && (mark(c as u8).is_some() && joins || c == '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_marks_and_escapes() {
        assert_eq!(
            decode("Ho^.i Cu+.u chie^'n binh xa~ Kim Lie^n"),
            "Hội Cựu chiến binh xã Kim Liên"
        );
        assert_eq!(decode("DDa^`u ddo^`ng ra ddo+`i\\."), "Đầu đồng ra đời.");
        assert_eq!(decode("U+? ban, A+ la` chu+~"), "Ử ban, A+ là chữ");
        // A sentence's full stop, numbers, addresses.
        assert_eq!(
            decode("Ho^m nay la` thu+' hai. Gia' 15.500.000 ddo^`ng."),
            "Hôm nay là thứ hai. Giá 15.500.000 đồng."
        );
        assert_eq!(decode("DDa?ng bo^. chu? tri`"), "Đảng bộ chủ trì");
        assert_eq!(
            decode("HDDND xa~, 5 ta./ha, 500 VNDD"),
            "HĐND xã, 5 tạ/ha, 500 VNĐ"
        );
        assert_eq!(
            decode("xem www.xa.vn hay ho^.i@xa.vn"),
            "xem www.xa.vn hay ho^.i@xa.vn"
        );
        assert_eq!(decode("address odd"), "address odd");
        // Chars beyond ASCII (a word processor's quotes, a no-break space) are kept whole.
        assert_eq!(
            decode("\u{201c}Ho^.i\u{201d} 5.000\u{a0}VNDD"),
            "\u{201c}Hội\u{201d} 5.000\u{a0}VNĐ"
        );
    }

    #[test]
    fn signs_tell_viqr_from_english() {
        assert!(signs("Ho^.i Cu+.u chie^'n binh xa~ Kim Lie^n dda~ ta(ng") > 30.0);
        assert!(signs("The committee's report, don't you think? It was a. b. c.") < 10.0);
    }
}
