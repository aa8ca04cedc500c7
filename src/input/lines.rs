//! Lines: the one notion of a line break every stage uses (a fact's `line`, the title, the
//! closing line, the place a decoding error is reported).
//!
//! A line ends at LF, CR LF (one break), a lone CR (old Mac files), NEL (U+0085), LINE
//! SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029), a vertical tab (Word's manual line break
//! in exported text) or a form feed (a page break from PDF converters).
//!
//! ```text
//! let text = "Tiêu đề\rdòng 2\u{2028}dòng 3\r\ndòng 4";
//! assert_eq!(lines(text).collect::<Vec<_>>(), ["Tiêu đề", "dòng 2", "dòng 3", "dòng 4"]);
//! assert_eq!(Breaks::default().count(text), 3);
//! ```

/// Is `c` a line break (CR alone counts; CR LF is handled by [`lines`] and [`Breaks`])?
pub(crate) fn is_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The lines of `text`, without their breaks.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.char_indices().find(|&(_, c)| is_break(c)) {
            Some((i, c)) => {
                let mut next = i + c.len_utf8();
                if c == '\r' && s.as_bytes().get(next) == Some(&b'\n') {
                    next += 1;
                }
                rest = Some(&s[next..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                (!s.is_empty()).then_some(s)
            }
        }
    })
}

/// The last line of `text` that is not blank (white space only), without its break; found from
/// the end, so that it costs the length of the last lines, not of the text.
pub(crate) fn last_nonblank(text: &str) -> Option<&str> {
    let mut end = text.len();
    loop {
        let head = &text[..end];
        let start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| is_break(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let line = &head[start..];
        if !line.trim().is_empty() {
            return Some(line);
        }
        if start == 0 {
            return None;
        }
        // Step over the break (a CR LF is one).
        let mut prev = head[..start].char_indices().next_back()?.0;
        if &head[prev..start] == "\n" && prev > 0 && text.as_bytes()[prev - 1] == b'\r' {
            prev -= 1;
        }
        end = prev;
    }
}

/// Counts line breaks over consecutive pieces of one text, so that a CR at the end of one
/// piece and the LF that starts the next count once.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Breaks {
    after_cr: bool,
}

impl Breaks {
    /// The breaks in `piece`, the text that follows the pieces counted so far.
    pub fn count(&mut self, piece: &str) -> usize {
        let bytes = piece.as_bytes();
        let Some(&last) = bytes.last() else {
            return 0;
        };
        // Most text breaks lines with LF alone: count those at memchr's speed, unless a CR, a
        // VT or an FF is there (or the piece follows a CR), which the careful count below reads.
        if !self.after_cr && memchr::memchr3(b'\r', 0x0b, 0x0c, bytes).is_none() {
            let mut n = memchr::memchr_iter(b'\n', bytes).count();
            n += Self::beyond_ascii(piece);
            self.after_cr = last == b'\r';
            return n;
        }
        let mut n = 0;
        for b in piece.bytes() {
            match b {
                b'\n' if self.after_cr => {}
                b'\n' | b'\r' | 0x0b | 0x0c => n += 1,
                _ => {}
            }
            self.after_cr = b == b'\r';
        }
        n + Self::beyond_ascii(piece)
    }

    /// The breaks beyond ASCII: NEL (C2 85), LS and PS (E2 80 A8/A9). Their bytes never occur
    /// inside other chars in that order.
    fn beyond_ascii(piece: &str) -> usize {
        let b = piece.as_bytes();
        memchr::memchr2_iter(0xc2, 0xe2, b)
            .filter(|&i| match b[i] {
                0xc2 => b.get(i + 1) == Some(&0x85),
                _ => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)),
            })
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_break_is_one_break() {
        let text = "Tiêu đề\rdòng 2\u{2028}dòng 3\r\ndòng 4\u{85}dòng 5\u{2029}dòng 6\ndòng 7";
        let got: Vec<&str> = lines(text).collect();
        assert_eq!(
            got,
            [
                "Tiêu đề",
                "dòng 2",
                "dòng 3",
                "dòng 4",
                "dòng 5",
                "dòng 6",
                "dòng 7"
            ]
        );
        assert_eq!(Breaks::default().count(text), 6);
        assert_eq!(lines("a\n\nb\n").collect::<Vec<_>>(), ["a", "", "b"]);
        for t in [
            text,
            "a\n\nb\n",
            "x\r\n \r\n\u{2028}\t\n",
            "",
            " \n",
            "một",
            "a\rb\r",
        ] {
            let slow = lines(t).filter(|l| !l.trim().is_empty()).last();
            assert_eq!(last_nonblank(t), slow, "{t:?}");
        }
    }

    #[test]
    fn the_quick_count_is_the_careful_one() {
        let careful = |t: &str| {
            t.chars()
                .zip(t.chars().skip(1).map(Some).chain([None]))
                .filter(|&(c, next)| is_break(c) && !(c == '\r' && next == Some('\n')))
                .count()
        };
        for t in [
            "a\nb\n\nc",
            "“Hội” – 20\u{2028}x\u{85}y\u{2029}",
            "\u{2020}\u{2027}\u{c2a0}x\u{a0}\n",
            "x\r\ny\rz\n",
            "\u{b}\u{c}",
            "",
        ] {
            assert_eq!(Breaks::default().count(t), careful(t), "{t:?}");
        }
    }

    #[test]
    fn a_crlf_split_between_pieces_counts_once() {
        let mut b = Breaks::default();
        assert_eq!(b.count("một\r"), 1);
        assert_eq!(b.count("\nhai"), 0);
        assert_eq!(b.count("\n"), 1);
    }
}
