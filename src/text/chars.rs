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
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// `text` with every char in [`lower`] case, when that keeps every char's length in UTF-8
/// (it does for Vietnamese), so that byte offsets into the text are offsets into this too.
pub fn lower_aligned(text: &str) -> Option<String> {
    let mut out = text.as_bytes().to_vec();
    let mut i = 0;
    while i < out.len() {
        let b = out[i];
        if b < 0x80 {
            out[i] = b.to_ascii_lowercase();
            i += 1;
            continue;
        }
        let c = text[i..].chars().next()?;
        let l = lower(c);
        let n = c.len_utf8();
        if l != c {
            if l.len_utf8() != n {
                return None;
            }
            l.encode_utf8(&mut out[i..i + n]);
        }
        i += n;
    }
    String::from_utf8(out).ok()
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
        out.extend(w.chars().flat_map(char::to_lowercase));
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
pub fn starts_with_ci(hay: &str, needle: &str) -> Option<usize> {
    let mut h = hay.char_indices();
    for n in needle.chars() {
        let (_, c) = h.next()?;
        if c != n && lower(c) != n {
            return None;
        }
    }
    Some(h.next().map_or(hay.len(), |(i, _)| i))
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

/// Is `word` (the whole of it) one of `words` (lower case), ignoring case?
pub fn is_one_of(word: &str, words: &[&str]) -> bool {
    words
        .iter()
        .any(|x| starts_with_ci(word, x) == Some(word.len()))
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
    use super::*;

    #[test]
    fn lower_agrees_with_std_for_vietnamese() {
        let letters = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
        for c in letters.chars().chain(letters.to_lowercase().chars()) {
            assert_eq!(lower(c), c.to_lowercase().next().unwrap(), "{c}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c}");
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
