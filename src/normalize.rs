//! Normalisation for reading, with a map back to the decoded text.
//!
//! ```
//! use vnfacts::normalize::Normalized;
//! let input = "mỗi tháng 200\n000\u{a0}đ";
//! let norm = Normalized::new(input);
//! assert_eq!(norm.text(), "mỗi tháng 200 000 đ");
//! // A span of the normalised text maps back to the very characters of the input.
//! let at = norm.text().find("200").unwrap();
//! let (s, e) = norm.to_source(at, norm.text().len());
//! assert_eq!(&input[s..e], "200\n000\u{a0}đ");
//! ```
//!
//! What changes, and why:
//! - NFC: decomposed tone marks ("e" + U+0302 + U+0301) become one letter ("ế").
//! - Every run of white space (line breaks, CRLF, tabs, non-breaking and other odd spaces)
//!   becomes one space, so that hard-wrapped lines read as one ("200\n000 đ", "26\nngười").
//! - Zero-width characters, bidirectional marks and soft hyphens are dropped.
//! - Dashes (–, —, −, ‐) become "-".
//!
//! Nothing else changes: case and punctuation stay, so that recognisers see the text as
//! written. Every byte of the normalised text knows the byte range of the input it came from.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The normalised text and its map back to the input.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// For each byte offset of `text` that starts a char: the input byte where it came from.
    src_start: Vec<u32>,
    /// For each byte offset of `text` that ends a char: the input byte where its source ends.
    src_end: Vec<u32>,
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
    )
}

fn fold(c: char) -> char {
    match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        _ => c,
    }
}

impl Normalized {
    /// Normalises `input`.
    pub fn new(input: &str) -> Normalized {
        let mut n = Normalized {
            text: String::with_capacity(input.len()),
            src_start: vec![0; input.len() + 1],
            src_end: vec![0; input.len() + 1],
        };
        let nfc = is_nfc_quick(input.chars()) == IsNormalized::Yes;
        let mut in_space = false;
        let mut seg = String::new();
        let mut iter = input.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let end = i + c.len_utf8();
            if is_dropped(c) {
                continue;
            }
            if is_space(c) {
                if in_space {
                    // Extend the source of the space already written.
                    let last = n.text.len();
                    n.src_end[last] = end as u32;
                } else {
                    n.push(' ', i, end);
                    in_space = true;
                }
                continue;
            }
            in_space = false;
            if nfc {
                n.push(fold(c), i, end);
                continue;
            }
            // Gather a starter and the combining marks after it, and compose them.
            let mut seg_end = end;
            seg.clear();
            seg.push(c);
            while let Some(&(j, d)) = iter.peek() {
                if canonical_combining_class(d) == 0 {
                    break;
                }
                seg.push(d);
                seg_end = j + d.len_utf8();
                iter.next();
            }
            if seg.len() == c.len_utf8() {
                n.push(fold(c), i, end);
            } else {
                let composed: Vec<char> = seg.nfc().collect();
                for d in composed {
                    n.push(fold(d), i, seg_end);
                }
            }
        }
        n.src_start.truncate(n.text.len() + 1);
        n.src_end.truncate(n.text.len() + 1);
        let len = n.text.len();
        n.src_start[len] = input.len() as u32;
        n
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        let at = self.text.len();
        if at + c.len_utf8() >= self.src_start.len() {
            // NFC can, rarely, make text longer than its source.
            let grow = c.len_utf8() + 16;
            self.src_start.resize(self.src_start.len() + grow, 0);
            self.src_end.resize(self.src_end.len() + grow, 0);
        }
        self.text.push(c);
        self.src_start[at] = start as u32;
        self.src_end[at + c.len_utf8()] = end as u32;
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Maps a byte range of the normalised text (on char boundaries, non-empty) to the byte
    /// range of the input that it was read from.
    pub fn to_source(&self, start: usize, end: usize) -> (usize, usize) {
        (self.src_start[start] as usize, self.src_end[end] as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(input: &str, want: &str) {
        let n = Normalized::new(input);
        assert_eq!(n.text(), want, "normalising {input:?}");
        // Every char of the output maps into the input, in order.
        let mut last = 0;
        for (i, c) in n.text().char_indices() {
            let (s, e) = n.to_source(i, i + c.len_utf8());
            assert!(s >= last && e > s && e <= input.len(), "{input:?} at {i}");
            last = s;
        }
    }

    #[test]
    fn examples() {
        let table: &[(&str, &str)] = &[
            ("200\n000 đ", "200 000 đ"),
            ("Chiều ngày\r\n8/7/2024", "Chiều ngày 8/7/2024"),
            ("26\n  người", "26 người"),
            ("15\u{a0}triệu\u{2009}đồng", "15 triệu đồng"),
            ("1.000\u{200b}.000đ", "1.000.000đ"),
            ("nhiệm kỳ 2020 – 2025", "nhiệm kỳ 2020 - 2025"),
            // "ế" written as e + circumflex + acute.
            (
                "ti\u{65}\u{302}\u{301}t ki\u{65}\u{323}\u{302}m",
                "tiết kiệm",
            ),
            ("", ""),
        ];
        for (input, want) in table {
            roundtrip(input, want);
        }
    }

    #[test]
    fn spans_map_back_over_decomposed_text() {
        let input = "hô\u{323}i vi\u{65}\u{302}n 20";
        let n = Normalized::new(input);
        assert_eq!(n.text(), "hội viên 20");
        let at = n.text().find("20").unwrap();
        let (s, e) = n.to_source(at, at + 2);
        assert_eq!(&input[s..e], "20");
        let (s, e) = n.to_source(0, "hội".len());
        assert_eq!(&input[s..e], "hô\u{323}i");
    }
}
