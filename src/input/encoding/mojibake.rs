//! UTF-8 that went through a wrong 8-bit reading once or twice and was saved again as UTF-8
//! ("Há»™i" for "Hội"), and legacy bytes shown through Windows-1252 and saved as UTF-8
//! ("Héi Cùu chiÕn binh" for "Hội Cựu chiến binh"): their chars mapped back to the bytes they
//! were read from.

use super::legacy::{cp1252_byte, cp1258_byte};

/// The 8-bit reading a text went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum View {
    /// Windows-1252 (what most tools assume).
    Cp1252,
    /// Latin-1 (U+0080–U+009F for bytes 80–9F).
    Latin1,
    /// Windows-1258 (Vietnamese Windows).
    Cp1258,
}

impl View {
    /// Every view, the likeliest first.
    pub const ALL: [View; 3] = [View::Cp1252, View::Latin1, View::Cp1258];

    /// The name of its repair (SPEC.md).
    pub fn repair(self) -> &'static str {
        match self {
            View::Cp1252 => "mojibake-cp1252",
            View::Latin1 => "mojibake-latin1",
            View::Cp1258 => "mojibake-cp1258",
        }
    }

    fn byte(self, c: char) -> Option<u8> {
        match self {
            View::Cp1252 => cp1252_byte(c),
            View::Latin1 => u8::try_from(c as u32).ok(),
            View::Cp1258 => cp1258_byte(c),
        }
    }
}

/// Was `text` read through Latin-1 rather than Windows-1252: it holds C1 controls where
/// Windows-1252 shows punctuation (U+0080–U+009F other than the five bytes Windows-1252 leaves
/// undefined), and none of that punctuation? (Both views give the same bytes back: this only
/// names the repair.)
pub(crate) fn read_as_latin1(text: &str) -> bool {
    let undefined = |c: char| matches!(c as u32, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d);
    let c1 = text
        .chars()
        .any(|c| ('\u{80}'..='\u{9f}').contains(&c) && !undefined(c));
    c1 && !text.chars().any(|c| {
        !('\u{80}'..='\u{ff}').contains(&c)
            && !c.is_ascii()
            && cp1252_byte(c).is_some_and(|b| (0x80..=0x9f).contains(&b))
    })
}

/// The bytes `text` was read from through `view`, when every char maps back.
pub(crate) fn back(text: &str, view: View) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        out.push(view.byte(c)?);
    }
    Some(out)
}

/// Does valid UTF-8 `bytes` hold the mark of mojibake: a char that is a UTF-8 lead byte of
/// Vietnamese text read as one char (Â Ã Ä Å Æ Ì Í á â ï) right before one that stands for a continuation byte (U+0080–U+00BF, or
/// the Windows-1252 punctuation that bytes 80–9F become)? One quick pass over the bytes.
pub(crate) fn marked(bytes: &[u8]) -> bool {
    // In UTF-8, U+00C2–U+00EF is C3 82 … C3 AF; U+0080–U+00BF is C2 80 … C2 BF; the
    // Windows-1252 punctuation of 80–9F is E2 80 xx, E2 84 A2 (™), C5 xx, C6 92 (ƒ), CB 86 / 9C.
    for i in memchr::memchr_iter(0xc3, bytes) {
        let Some(&lead) = bytes.get(i + 1) else {
            continue;
        };
        // Only the lead bytes of what Vietnamese text is written with: C2–C6 (Latin-1 and
        // Latin Extended letters, no-break space), CC CD (combining tones), E1 (Vietnamese
        // letters), E2 (punctuation), EF (a byte-order mark). "Ú" before a no-break space is
        // just that.
        if !matches!(lead, 0x82..=0x86 | 0x8c | 0x8d | 0xa1 | 0xa2 | 0xaf) {
            continue;
        }
        let next = &bytes[i + 2..];
        let cont = match next {
            [0xc2, 0x80..=0xbf, ..] => true,
            [0xe2, 0x80, 0x80..=0xbf, ..] | [0xe2, 0x84, 0xa2, ..] => true,
            [0xc5, 0x92 | 0x93 | 0xa0 | 0xa1 | 0xb8 | 0xbd | 0xbe, ..] => true,
            [0xc6, 0x92, ..] | [0xcb, 0x86 | 0x9c, ..] => true,
            // Not the letters and combining tones Windows-1258 puts at C3 CC D2 D5 DD DE E3
            // EC F2 F5 FD: those bytes are never continuations, and "â" with a combining acute
            // is how "Unicode tổ hợp" keyboards write "ấ".
            _ => false,
        };
        if cont {
            return true;
        }
    }
    false
}

/// Could `text` be bytes of a legacy encoding shown through Windows-1252: every char is one
/// Windows-1252 shows, and some are beyond ASCII?
pub(crate) fn legacy_shown_as_cp1252(text: &str) -> bool {
    !text.is_ascii() && text.chars().all(|c| cp1252_byte(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_views() {
        assert!(marked("Há»™i".as_bytes()));
        assert!(marked("xÃ£".as_bytes()));
        assert!(!marked("Hội Cựu chiến binh xã Kim Liên".as_bytes()));
        assert!(!marked("café à la crème, naïve".as_bytes()));
        // Precomposed vowels with combining tones (the "tổ hợp" form): no mojibake.
        assert!(!marked("Hội nghi\u{323} xa\u{303} â\u{301}p".as_bytes()));
        assert!(!marked("XÃ\u{301} ô\u{300}".as_bytes()));
        assert!(!marked("PHÚ\u{a0}MỸ, 25°C, ½".as_bytes()));
        let b = back("Há»™i", View::Cp1252).unwrap();
        assert_eq!(std::str::from_utf8(&b).unwrap(), "Hội");
        assert!(legacy_shown_as_cp1252("Héi Cùu chiÕn binh"));
        assert!(!legacy_shown_as_cp1252("Hội"));
    }
}
