//! The 8-bit encodings of Vietnamese, decoded from the generated tables ([`super::tables`]):
//! TCVN3 (ABC, and VN1 when the document shows it), VNI-Windows, VISCII, VPS and Windows-1258;
//! and each encoded again (for the tests and the corpus generator).
//!
//! ```text
//! assert_eq!(decode(Legacy::Tcvn3, b"H\xe9i"), "Hội");
//! assert_eq!(decode(Legacy::Vni, b"Ho\xe4i"), "Hội");
//! ```
//!
//! A letter written as a base and marks (VNI's modifier bytes, Windows-1258's combining tone
//! bytes, TCVN3's VN2 tone bytes) is composed from the tables' own pairs where they have it,
//! else by NFC; text comes out in NFC. A byte no table knows is read as Windows-1252 reads it.

use super::tables;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// An 8-bit encoding of Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Legacy {
    /// TCVN 5712 as ABC fonts hold it (VN3, with VN2's extra letters); bytes 80–9F are
    /// Windows-1252 punctuation.
    Tcvn3,
    /// TCVN 5712 VN1: bytes 80–9F and six C0 positions are capitals with tones.
    Tcvn3Vn1,
    /// VNI-Windows.
    Vni,
    /// VISCII (RFC 1456).
    Viscii,
    /// VPS.
    Vps,
    /// Windows-1258.
    Cp1258,
}

impl Legacy {
    /// Every one, in the order detection tries them.
    pub const ALL: [Legacy; 6] = [
        Legacy::Tcvn3,
        Legacy::Vni,
        Legacy::Viscii,
        Legacy::Vps,
        Legacy::Cp1258,
        Legacy::Tcvn3Vn1,
    ];

    /// The name SPEC.md gives it (that of its [`super::Encoding`]).
    pub fn name(self) -> &'static str {
        super::Encoding::from(self).name()
    }
}

/// What Windows-1252 shows for each byte (for the bytes a legacy table leaves out).
pub(crate) static CP1252: LazyLock<[char; 256]> = LazyLock::new(|| {
    let mut t = ['\0'; 256];
    for (b, c) in t.iter_mut().enumerate() {
        let byte = [b as u8];
        let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        *c = s.chars().next().unwrap_or('\u{fffd}');
    }
    t
});

/// What Windows-1258 shows for each byte (combining tone marks at CC D2 DE EC F2).
pub(crate) static CP1258: LazyLock<[char; 256]> = LazyLock::new(|| {
    let mut t = ['\0'; 256];
    for (b, c) in t.iter_mut().enumerate() {
        let byte = [b as u8];
        let (s, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&byte);
        *c = s.chars().next().unwrap_or('\u{fffd}');
    }
    t
});

/// The Windows-1252 byte of each char it shows (U+0080–U+009F stand for themselves, as
/// Windows and WHATWG read the five bytes Windows-1252 leaves undefined).
pub(crate) fn cp1252_byte(c: char) -> Option<u8> {
    static BACK: LazyLock<crate::lexicon::hash::Map<char, u8>> = LazyLock::new(|| {
        let mut m = crate::lexicon::hash::Map::default();
        for (b, &c) in CP1252.iter().enumerate() {
            m.insert(c, b as u8);
        }
        for b in 0x80u8..=0x9f {
            m.entry(char::from(b)).or_insert(b);
        }
        m
    });
    if (c as u32) < 0x80 {
        return Some(c as u8);
    }
    BACK.get(&c).copied()
}

/// The Windows-1258 byte of each char it shows.
pub(crate) fn cp1258_byte(c: char) -> Option<u8> {
    static BACK: LazyLock<crate::lexicon::hash::Map<char, u8>> = LazyLock::new(|| {
        let mut m = crate::lexicon::hash::Map::default();
        for (b, &c) in CP1258.iter().enumerate() {
            m.entry(c).or_insert(b as u8);
        }
        m
    });
    if (c as u32) < 0x80 {
        return Some(c as u8);
    }
    BACK.get(&c).copied()
}

/// Letters written as two bytes (a base byte, then a mark byte): the pairs of a table as a map,
/// and which bytes stand second in some pair, so that most bytes are passed without a lookup.
struct Pairs {
    map: crate::lexicon::hash::Map<[u8; 2], &'static str>,
    second: [bool; 256],
}

impl Pairs {
    fn new(pairs: &[([u8; 2], &'static str)]) -> Pairs {
        let mut second = [false; 256];
        for ([_, m], _) in pairs {
            second[*m as usize] = true;
        }
        Pairs {
            map: pairs.iter().copied().collect(),
            second,
        }
    }

    /// The letter of bytes `a`, `b`, when they are a pair.
    #[inline]
    fn get(&self, a: u8, b: u8) -> Option<&'static str> {
        if !self.second[b as usize] {
            return None;
        }
        self.map.get(&[a, b]).copied()
    }
}

/// The VNI pairs and the Windows-1258 pairs.
static VNI_PAIR: LazyLock<Pairs> = LazyLock::new(|| Pairs::new(tables::VNI_PAIRS));
static CP1258_PAIR: LazyLock<Pairs> = LazyLock::new(|| Pairs::new(tables::CP1258_PAIRS));

/// The VN1-only bytes TCVN3 has in C0 positions (capitals with tones).
fn vn1_c0(b: u8) -> bool {
    b < 0x20 && tables::TCVN3_LEVEL[b as usize] == 3
}

/// Does a TCVN3 document show VN1 evidence: a VN1 capital in a C0 position, or bytes 80–9F
/// inside words and never where Windows-1252 punctuation stands ("2020 – 2025", "“Hội”")?
pub(crate) fn shows_vn1(bytes: &[u8]) -> bool {
    if bytes.iter().any(|&b| vn1_c0(b)) {
        return true;
    }
    let letter = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0xa0);
    let (mut inside, mut punct) = (0, 0);
    for (i, &b) in bytes.iter().enumerate() {
        if !(0x80..=0x9f).contains(&b) {
            continue;
        }
        let (before, after) = (
            i.checked_sub(1).and_then(|j| bytes.get(j)),
            bytes.get(i + 1),
        );
        let blank = |x: Option<&u8>| x.is_none_or(|&x| x == b' ' || x == b'\n' || x == b'\r');
        let stop = |x: Option<&u8>| blank(x) || x.is_some_and(|&x| b".,;:!?)".contains(&x));
        let digit = |x: Option<&u8>| x.is_some_and(u8::is_ascii_digit);
        let is_punct = match b {
            0x93 | 0x91 => blank(before),
            0x94 | 0x92 => stop(after),
            0x96 | 0x97 => (blank(before) && blank(after)) || (digit(before) && digit(after)),
            0x85 => stop(after),
            0x95 => blank(after),
            _ => false,
        };
        if is_punct {
            punct += 1;
        } else if letter(before) && letter(after) {
            inside += 1;
        }
    }
    inside > 0 && punct == 0
}

/// Decodes `bytes` as `enc`, in NFC.
pub(crate) fn decode(enc: Legacy, bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut marks = false;
    match enc {
        Legacy::Tcvn3 | Legacy::Tcvn3Vn1 => {
            let vn1 = enc == Legacy::Tcvn3Vn1;
            for &b in bytes {
                let t = tables::TCVN3[b as usize];
                match b {
                    0..=0x1f if vn1 && vn1_c0(b) => out.push_str(t),
                    0..=0x7f => out.push(b as char),
                    0x80..=0x9f if !vn1 => out.push(CP1252[b as usize]),
                    _ if !t.is_empty() => {
                        marks |= (0xb0..=0xb4).contains(&b);
                        out.push_str(t);
                    }
                    _ => out.push(CP1252[b as usize]),
                }
            }
        }
        Legacy::Vni => {
            let mut i = 0;
            while i < bytes.len() {
                let b = bytes[i];
                if let Some(&next) = bytes.get(i + 1) {
                    if let Some(l) = VNI_PAIR.get(b, next) {
                        out.push_str(l);
                        i += 2;
                        continue;
                    }
                    // A base the pairs do not list (a letter of one byte, or a mixed case)
                    // and a modifier: base and marks, composed by NFC.
                    let m = tables::VNI_MODIFIER[next as usize];
                    if !m.is_empty() && vni_base(b, m) {
                        push_byte(&mut out, b, tables::VNI_SINGLE[b as usize]);
                        out.push_str(m);
                        marks = true;
                        i += 2;
                        continue;
                    }
                }
                push_byte(&mut out, b, tables::VNI_SINGLE[b as usize]);
                i += 1;
            }
        }
        Legacy::Viscii | Legacy::Vps => {
            let table = if enc == Legacy::Viscii {
                &tables::VISCII
            } else {
                &tables::VPS
            };
            for &b in bytes {
                let t = table[b as usize];
                // Letters in C0 positions are letters; LF, CR and tab are never among them.
                push_byte(&mut out, b, t);
            }
        }
        Legacy::Cp1258 => {
            let mut i = 0;
            while i < bytes.len() {
                if let Some(&next) = bytes.get(i + 1) {
                    if let Some(l) = CP1258_PAIR.get(bytes[i], next) {
                        out.push_str(l);
                        i += 2;
                        continue;
                    }
                }
                let c = CP1258[bytes[i] as usize];
                marks |= matches!(c, '\u{300}'..='\u{36f}');
                out.push(c);
                i += 1;
            }
        }
    }
    let out = if marks { nfc(out) } else { out };
    eth_to_dyet(out)
}

/// `text` in NFC, composing only the words that need it. NFC never joins or reorders across
/// an ASCII space or line break (they are starters that compose with nothing), so each run
/// between them is normalised alone, and a run whose chars are all NFC already is kept as it
/// is: the same text as `text.nfc().collect()`, without decomposing every letter.
fn nfc(text: String) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let mut out = String::with_capacity(text.len());
    for run in text.split_inclusive([' ', '\n']) {
        if is_nfc_quick(run.chars()) == IsNormalized::Yes {
            out.push_str(run);
        } else {
            out.extend(run.nfc());
        }
    }
    out
}

/// Writes the char of byte `b`: the table's text when it has one, ASCII as it is, else what
/// Windows-1252 shows.
fn push_byte(out: &mut String, b: u8, table: &str) {
    if !table.is_empty() {
        out.push_str(table);
    } else if b < 0x80 {
        out.push(b as char);
    } else {
        out.push(CP1252[b as usize]);
    }
}

/// May VNI byte `b` be the base a modifier adding `marks` goes on? Circumflex goes on a e o,
/// breve on a, tones on any vowel (ơ ư are single bytes).
fn vni_base(b: u8, marks: &str) -> bool {
    let base = match tables::VNI_SINGLE[b as usize].chars().next() {
        Some(c) => c,
        None if b.is_ascii_alphabetic() => b as char,
        None => return false,
    };
    let l = crate::text::chars::lower(base);
    if marks.contains('\u{302}') {
        matches!(l, 'a' | 'e' | 'o')
    } else if marks.contains('\u{306}') {
        l == 'a'
    } else {
        matches!(
            l,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư' | 'ô' | 'â' | 'ê' | 'ă'
        )
    }
}

/// Ð and ð (eth, which Vietnamese never writes) are Đ and đ read through a Latin-1 view.
fn eth_to_dyet(s: String) -> String {
    if s.contains(['Ð', 'ð']) {
        s.replace('Ð', "Đ").replace('ð', "đ")
    } else {
        s
    }
}

/// The `.VnTimeH` case repair of TCVN3: ABC fonts have no capitals with tones, and a heading
/// typed in the caps font `.VnTimeH` is saved with lowercase bytes ("BáO CáO", "HộI"). A word
/// with two ASCII letters or more, all capitals, has its letters made capitals; so has a word
/// with one ASCII capital and no other ASCII letter when it stands beside such a word that
/// shows lowered letters ("HộI Xã" → "HỘI XÃ") or on a line with no ASCII lowercase letter
/// ("UBND Xã KIM" → "UBND XÃ KIM"). "Phó Bí thư" and "THCS Lê Hồng Phong" stay: one capital
/// and a toned vowel is how `.VnTime` writes a proper-case word. Returns whether anything
/// changed.
pub(crate) fn vntimeh_case(s: &mut String) -> bool {
    // Only a word whose ASCII letters are all capitals and that holds a lowercase letter beyond
    // ASCII can change: lines without one (nearly all of them) are passed over in one scan.
    let mut fix = Vec::new();
    let mut words = Vec::new();
    let mut from = 0;
    let bytes = s.as_bytes();
    while from < bytes.len() {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |i| from + i);
        let line = &s[from..end];
        if has_candidate(line) {
            line_fixes(line, from, &mut words, &mut fix);
        }
        from = end + 1;
    }
    if fix.is_empty() {
        return false;
    }
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for (a, b) in fix {
        out.push_str(&s[at..a]);
        out.extend(s[a..b].chars().flat_map(char::to_uppercase));
        at = b;
    }
    out.push_str(&s[at..]);
    *s = out;
    true
}

/// Does `line` hold a word whose ASCII letters are all capitals (one at least) and that has a
/// letter beyond ASCII ("BáO", "Xã")? A scan of bytes: a char beyond ASCII counts as a letter
/// unless it is punctuation (U+0080–U+00BF, U+2000–U+2FFF: lead bytes C2 and E2); a line it
/// flags is read exactly by [`line_fixes`].
fn has_candidate(line: &str) -> bool {
    let b = line.as_bytes();
    let (mut upper, mut lower, mut other) = (false, false, false);
    let mut i = 0;
    while i <= b.len() {
        let c = b.get(i).copied().unwrap_or(b' ');
        let step = match c {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xff => 4,
            _ => 1,
        };
        if c.is_ascii_uppercase() {
            upper = true;
        } else if c.is_ascii_lowercase() {
            lower = true;
        } else if c >= 0xc0 && c != 0xc2 && c != 0xe2 {
            other = true;
        } else {
            if upper && !lower && other {
                return true;
            }
            (upper, lower, other) = (false, false, false);
        }
        i += step;
    }
    false
}

/// Is `c` a letter, and if so a lowercase one? The Latin letters Vietnamese uses are told by
/// their code point; other chars by Unicode's tables.
fn letter_case(c: char) -> Option<bool> {
    let u = c as u32;
    match u {
        0x41..=0x5a => Some(false),
        0x61..=0x7a => Some(true),
        0..=0x7f => None,
        0xd7 | 0xf7 => None,
        0xc0..=0xde => Some(false),
        0xdf..=0xff => Some(true),
        // Latin Extended-A (ă đ ĩ ũ) and Vietnamese (ạ … ỹ): capitals even, lowercase odd.
        0x100..=0x137 | 0x14a..=0x177 | 0x1ea0..=0x1ef9 => Some(u % 2 == 1),
        0x1a0 | 0x1af => Some(false),
        0x1a1 | 0x1b0 => Some(true),
        _ if c.is_alphabetic() => Some(c.is_lowercase()),
        _ => None,
    }
}

/// A word of a line: its byte range, its kind (2: two ASCII letters or more, all capitals;
/// 1: one ASCII capital, no other ASCII letter, a lowercase letter beyond ASCII; 0: other),
/// whether it has a lowercase letter beyond ASCII, and its length in chars.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    kind: u8,
    lowered: bool,
    chars: usize,
}

/// The words of one line to lift to capitals, as byte ranges of the whole text (`base` is
/// where the line starts); `words` is a buffer reused from line to line.
fn line_fixes(line: &str, base: usize, words: &mut Vec<Word>, fix: &mut Vec<(usize, usize)>) {
    words.clear();
    let (mut start, mut upper, mut lower, mut lowered, mut chars) = (None, 0, 0, false, 0);
    let mut caps_line = true;
    for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
        if let Some(is_lower) = letter_case(c) {
            start.get_or_insert(i);
            chars += 1;
            if c.is_ascii_uppercase() {
                upper += 1;
            } else if c.is_ascii_lowercase() {
                lower += 1;
                caps_line = false;
            } else if is_lower {
                lowered = true;
            }
        } else if let Some(st) = start.take() {
            let kind = match (upper, lower) {
                (2.., 0) => 2,
                (1, 0) if lowered => 1,
                _ => 0,
            };
            words.push(Word {
                start: st,
                end: i,
                kind,
                lowered,
                chars,
            });
            (upper, lower, lowered, chars) = (0, 0, false, 0);
        }
    }
    // A line with no ASCII lowercase letter is a heading typed in capitals.
    let proof = |w: Option<&Word>| w.is_some_and(|w| w.kind == 2 && w.lowered);
    for (k, w) in words.iter().enumerate() {
        if !w.lowered || w.chars < 2 {
            continue;
        }
        let beside = proof(k.checked_sub(1).and_then(|j| words.get(j))) || proof(words.get(k + 1));
        if w.kind == 2 || (w.kind == 1 && (beside || caps_line)) {
            fix.push((base + w.start, base + w.end));
        }
    }
}

/// Encodes `text` as `enc` (for the tests and the corpus generator): each letter as the tables
/// write it, capitals with tones in TCVN3 as ABC fonts hold them (the lowercase byte), and a
/// char no table has as Windows-1252 writes it (`None` when that has none either).
pub(crate) fn encode(enc: Legacy, text: &str) -> Option<Vec<u8>> {
    static BACK: LazyLock<Vec<crate::lexicon::hash::Map<String, Vec<u8>>>> = LazyLock::new(|| {
        Legacy::ALL
            .iter()
            .map(|&e| {
                let mut m: crate::lexicon::hash::Map<String, Vec<u8>> = Default::default();
                let mut put = |s: &str, b: Vec<u8>| {
                    if !s.is_empty() {
                        m.entry(s.to_owned()).or_insert(b);
                    }
                };
                match e {
                    Legacy::Tcvn3 | Legacy::Tcvn3Vn1 => {
                        for (b, s) in tables::TCVN3.iter().enumerate() {
                            let level = tables::TCVN3_LEVEL[b];
                            let ok = if e == Legacy::Tcvn3 {
                                level == 1
                            } else {
                                level > 0
                            };
                            if ok && !(0xb0..=0xb4).contains(&b) {
                                put(s, vec![b as u8]);
                            }
                        }
                    }
                    Legacy::Vni => {
                        for (b, s) in tables::VNI_SINGLE.iter().enumerate() {
                            put(s, vec![b as u8]);
                        }
                        for (b, s) in tables::VNI_PAIRS {
                            put(s, b.to_vec());
                        }
                    }
                    Legacy::Viscii | Legacy::Vps => {
                        let t = if e == Legacy::Viscii {
                            &tables::VISCII
                        } else {
                            &tables::VPS
                        };
                        for (b, s) in t.iter().enumerate() {
                            put(s, vec![b as u8]);
                        }
                    }
                    Legacy::Cp1258 => {
                        for (b, s) in tables::CP1258.iter().enumerate() {
                            if !matches!(b, 0xcc | 0xd2 | 0xde | 0xec | 0xf2) {
                                put(s, vec![b as u8]);
                            }
                        }
                        for (b, s) in tables::CP1258_PAIRS {
                            put(s, b.to_vec());
                        }
                    }
                }
                m
            })
            .collect()
    });
    let map = &BACK[Legacy::ALL.iter().position(|&e| e == enc)?];
    let mut out = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let s: &str = c.encode_utf8(&mut buf);
        if let Some(b) = map.get(s) {
            out.extend_from_slice(b);
            continue;
        }
        // TCVN3 (ABC): a capital with a tone is written with its lowercase byte.
        if matches!(enc, Legacy::Tcvn3) {
            let lower: String = c.to_lowercase().collect();
            if let Some(b) = map.get(&lower) {
                out.extend_from_slice(b);
                continue;
            }
        }
        // Else the byte Windows-1252 writes it with, when the encoding reads that byte back as
        // the same char (no letter of its own lives there).
        let b = cp1252_byte(c)?;
        let mut one = [0u8; 4];
        if decode(enc, &[b]) != *c.encode_utf8(&mut one) {
            return None;
        }
        out.push(b);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Hội Cựu chiến binh xã Kim Liên ủng hộ 15.500.000 đồng; Ủy ban nhân dân \
                        huyện. ĐẢNG ỦY Ngọc Ánh ợ ỹ ỵ Ỵ Ẵ ẫ Ỗ quý hoà “Trâm” – 2024";

    #[test]
    fn every_encoding_round_trips_the_letters() {
        for enc in [
            Legacy::Vni,
            Legacy::Viscii,
            Legacy::Vps,
            Legacy::Cp1258,
            Legacy::Tcvn3Vn1,
        ] {
            // VISCII, VPS and VN1 hold letters in 80–9F: no curly quotes, no en dash.
            let text = match enc {
                Legacy::Viscii | Legacy::Vps | Legacy::Tcvn3Vn1 => {
                    assert!(encode(enc, TEXT).is_none());
                    TEXT.replace(['“', '”'], "\"").replace('–', "-")
                }
                _ => TEXT.to_owned(),
            };
            let bytes = encode(enc, &text).unwrap();
            assert_eq!(decode(enc, &bytes), text, "{enc:?}");
        }
    }

    #[test]
    fn abc_writes_capitals_lowercase_and_the_case_repair_lifts_them() {
        let bytes = encode(Legacy::Tcvn3, "BÁO CÁO Hội").unwrap();
        let mut s = decode(Legacy::Tcvn3, &bytes);
        assert_eq!(s, "BáO CáO Hội");
        assert!(vntimeh_case(&mut s));
        assert_eq!(s, "BÁO CÁO Hội");
    }

    #[test]
    fn tcvn3_punctuation_and_vn1_evidence() {
        // “Hội” – 2025: Windows-1252 punctuation, not VN1 capitals.
        let abc = b"\x93H\xe9i\x94 2020 \x96 2025";
        assert!(!shows_vn1(abc));
        assert_eq!(decode(Legacy::Tcvn3, abc), "“Hội” 2020 – 2025");
        // CỘNG with a VN1 capital inside the word.
        assert!(shows_vn1(b"C\x97NG H\x97I"));
    }
}
