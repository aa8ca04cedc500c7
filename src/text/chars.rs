//! Characters and small string helpers every stage shares: what a letter and a word are, the
//! quick lower case of Vietnamese letters, case-insensitive prefix tests, white space folding.

/// Is `c` a letter? The same answer as `char::is_alphabetic`, quicker for the letters of
/// Vietnamese (ASCII, Latin-1, Latin Extended-A/B and Latin Extended Additional).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '×' | '÷' => false,
        // Latin-1's symbols, which wrong readings of legacy bytes are full of.
        '\u{80}'..='\u{bf}' => matches!(c, 'ª' | 'µ' | 'º'),
        'À'..='ɏ' | '\u{1ea0}'..='\u{1eff}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `c` in lower case, quickly for the letters of Vietnamese (the same as the first char of
/// `char::to_lowercase` for them).
#[inline]
pub fn lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\0'..='\u{7f}' => c,
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{1ea0}'..='\u{1ef9}' => {
            let n = c as u32;
            char::from_u32(n | 1).unwrap_or(c)
        }
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư' => char::from_u32(c as u32 + 1).unwrap_or(c),
        // Already lower case: the Vietnamese letters outside the ranges above.
        'ß'..='ÿ' | 'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' | 'ư' => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Appends `s` to `out` in lower case, char by char: the same text as
/// `s.chars().flat_map(char::to_lowercase)`, quicker for Vietnamese ([`lower`]).
pub fn push_lower(out: &mut String, s: &str) {
    for c in s.chars() {
        push_lower_char(out, c);
    }
}

/// Appends `c` in lower case: the chars of `c.to_lowercase()`, quicker for Vietnamese.
#[inline]
pub fn push_lower_char(out: &mut String, c: char) {
    match c {
        // The one char whose lower case is two.
        '\u{130}' => out.extend(c.to_lowercase()),
        _ => out.push(lower(c)),
    }
}

/// `text` with every char in [`lower`] case, when that keeps every char's length in UTF-8
/// (it does for Vietnamese), so that byte offsets into the text are offsets into this too.
/// The letters of Vietnamese are lowered from their bytes; other chars are decoded.
#[inline(never)] // a frame of its own in profiles (scripts/stages.py)
pub fn lower_aligned(text: &str) -> Option<String> {
    let mut out = text.to_owned();
    out.make_ascii_lowercase();
    let b = text.as_bytes();
    let mut i = 0;
    let mut buf = [0u8; 4];
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
            continue;
        }
        let y = b.get(i + 1).copied().unwrap_or(0);
        let z = b.get(i + 2).copied().unwrap_or(0);
        match (x, y) {
            // "À" to "Þ" but "×" (C3 80 to C3 9E): the lower case is 0x20 on.
            (0xc3, 0x80..=0x9e) if y != 0x97 => {
                buf[..2].copy_from_slice(&[x, y + 0x20]);
                out.replace_range(i..i + 2, std::str::from_utf8(&buf[..2]).ok()?);
                i += 2;
                continue;
            }
            (0xc3, _) => {
                i += 2;
                continue;
            }
            // "Ạ" to "ỹ" (U+1EA0 to U+1EF9, E1 BA A0 to E1 BB B9): upper case is even.
            (0xe1, 0xba) if z >= 0xa0 => {
                if z & 1 == 0 {
                    buf[..3].copy_from_slice(&[x, y, z | 1]);
                    out.replace_range(i..i + 3, std::str::from_utf8(&buf[..3]).ok()?);
                }
                i += 3;
                continue;
            }
            (0xe1, 0xbb) if z <= 0xb9 => {
                if z & 1 == 0 {
                    buf[..3].copy_from_slice(&[x, y, z | 1]);
                    out.replace_range(i..i + 3, std::str::from_utf8(&buf[..3]).ok()?);
                }
                i += 3;
                continue;
            }
            // General punctuation and currency signs ("…", "“", "₫") have no case.
            (0xe2, 0x80..=0x82) => {
                i += 3;
                continue;
            }
            _ => {}
        }
        let c = text[i..].chars().next()?;
        let n = c.len_utf8();
        let l = lower(c);
        if l != c {
            if l.len_utf8() != n {
                return None;
            }
            out.replace_range(i..i + n, l.encode_utf8(&mut buf));
        }
        i += n;
    }
    Some(out)
}

/// Is `c` part of a word (for phrase matching): a letter, a digit, "²" or "³"?
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || c == '²' || c == '³' || (!c.is_ascii() && c.is_numeric())
}

/// Lower-cases a phrase and folds its spaces: the form word-list keys are stored in.
pub fn key_of(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for w in phrase.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lower(&mut out, w);
    }
    out
}

/// Folds white space: "Võ Thị\nTrâm" → "Võ Thị Trâm".
pub fn fold_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// `hay` starts with `needle` (lower case), ignoring case; returns the bytes of `hay` matched.
#[inline]
pub fn starts_with_ci(hay: &str, needle: &str) -> Option<usize> {
    // ASCII chars of `hay` compare byte for byte (an ASCII char lowers to an ASCII char, so it
    // never matches a char of the needle beyond ASCII); the rest char by char.
    let (hb, nb) = (hay.as_bytes(), needle.as_bytes());
    let mut k = 0;
    loop {
        let Some(&n) = nb.get(k) else {
            return Some(k);
        };
        let h = *hb.get(k)?;
        if h >= 0x80 {
            break;
        }
        if n >= 0x80 || h.to_ascii_lowercase() != n {
            return None;
        }
        k += 1;
    }
    let mut h = hay[k..].char_indices();
    for n in needle[k..].chars() {
        let (_, c) = h.next()?;
        if c != n && lower(c) != n {
            return None;
        }
    }
    Some(k + h.next().map_or(hay.len() - k, |(i, _)| i))
}

/// `hay` ends with `needle` (lower case), ignoring case; returns where the match starts.
pub fn ends_with_ci(hay: &str, needle: &str) -> Option<usize> {
    let mut h = hay.char_indices().rev();
    let mut start = hay.len();
    for n in needle.chars().rev() {
        let (i, c) = h.next()?;
        if c != n && lower(c) != n {
            return None;
        }
        start = i;
    }
    Some(start)
}

/// Is `word` (the whole of it) `lower` (lower case), ignoring case?
#[inline]
pub fn eq_ci(word: &str, lower: &str) -> bool {
    starts_with_ci(word, lower) == Some(word.len())
}

/// Is `word` (the whole of it) one of `words` (lower case), ignoring case?
pub fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|x| eq_ci(word, x))
}

/// The char just before byte `pos`.
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The char at byte `pos`.
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// Does an alphanumeric char start `s`?
pub fn alnum_at(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    /// `push_lower` is `char::to_lowercase` for every char there is.
    #[test]
    fn push_lower_is_to_lowercase() {
        let (mut got, mut want) = (String::new(), String::new());
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            got.clear();
            want.clear();
            super::push_lower(&mut got, c.encode_utf8(&mut [0; 4]));
            want.extend(c.to_lowercase());
            assert_eq!(got, want, "{c:?}");
        }
        let mut out = String::new();
        super::push_lower(&mut out, "Hội LHPN xã ĐỨC");
        assert_eq!(out, "hội lhpn xã đức");
    }

    use super::*;

    #[test]
    fn lower_agrees_with_std_for_every_char_of_latin_scripts() {
        for c in ('\0'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}') {
            assert_eq!(lower(c), c.to_lowercase().next().unwrap(), "{c:?}");
        }
    }

    #[test]
    fn is_letter_agrees_with_std_below_u3000() {
        for c in '\0'..'\u{3000}' {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn lower_agrees_with_std_for_vietnamese() {
        let letters = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
        for c in letters.chars().chain(letters.to_lowercase().chars()) {
            assert_eq!(lower(c), c.to_lowercase().next().unwrap(), "{c}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c}");
        }
    }

    #[test]
    fn lowering_from_bytes_is_lowering_char_by_char() {
        let by_char = |t: &str| -> Option<String> {
            let mut out = String::new();
            for c in t.chars() {
                let l = lower(c);
                if l.len_utf8() != c.len_utf8() {
                    return None;
                }
                out.push(l);
            }
            Some(out)
        };
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert_eq!(lower_aligned(&all), by_char(&all));
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let t = format!("Ư{c}Ạ");
            assert_eq!(lower_aligned(&t), by_char(&t), "{c:?}");
        }
        assert_eq!(
            lower_aligned("ĐỒNG Ý Ỹ ẠÀÁ Ơ ƯỚC").as_deref(),
            Some("đồng ý ỹ ạàá ơ ước")
        );
    }

    #[test]
    fn prefixes_read_from_bytes_as_from_chars() {
        let by_chars = |hay: &str, needle: &str| -> Option<usize> {
            let mut h = hay.char_indices();
            for n in needle.chars() {
                let (_, c) = h.next()?;
                if c != n && lower(c) != n {
                    return None;
                }
            }
            Some(h.next().map_or(hay.len(), |(i, _)| i))
        };
        let words = [
            "",
            "a",
            "A",
            "đ",
            "Đ",
            "ĐỒNG",
            "Đồng Tâm",
            "đồng",
            "xã",
            "XÃ",
            "Xã Kim",
            "K",
            "\u{212a}m",
            "km",
            "tháng",
            "THÁNG 7",
            "ThÁnG",
            "İ",
            "i",
            "ǅ",
            "ǆ",
            "1.000",
            "ngày",
            "Ngày",
        ];
        for hay in words {
            for needle in words.iter().map(|w| w.to_lowercase()) {
                assert_eq!(
                    starts_with_ci(hay, &needle),
                    by_chars(hay, &needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn case_insensitive_prefixes() {
        assert_eq!(starts_with_ci("Đồng Tâm", "đồng"), Some("Đồng".len()));
        assert_eq!(starts_with_ci("Đồn", "đồng"), None);
        assert_eq!(ends_with_ci("xã Kim Liên", "liên"), Some("xã Kim ".len()));
        assert!(is_one_of("Mỗi", &["một", "mỗi"]));
        assert!(!is_one_of("mỗii", &["mỗi"]));
        assert_eq!(key_of(" Hội  Cựu\nchiến binh "), "hội cựu chiến binh");
        assert_eq!(fold_spaces("Võ Thị\n Trâm"), "Võ Thị Trâm");
    }
}
