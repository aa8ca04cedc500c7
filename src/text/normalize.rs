//! Normalisation for reading, with a map back to the decoded text.
//!
//! ```text
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
pub(crate) struct Normalized {
    text: String,
    /// Where the text came from, as segments sorted by `norm`: most of a text is copied as it is
    /// (one segment for a whole run), and only the chars that changed (a folded run of spaces, a
    /// composed letter, a dash) get a segment each. Memory grows with the changes, not the text.
    segs: Vec<Seg>,
    input_len: usize,
}

/// A segment of the normalised text and its source.
#[derive(Debug, Clone, Copy)]
struct Seg {
    /// First byte in the normalised text.
    norm: u32,
    /// First byte in the input.
    src: u32,
    /// `COPY` when the text from `norm` on is the input from `src` on, byte for byte;
    /// otherwise the length of the input this one char came from.
    src_len: u32,
}

const COPY: u32 = u32::MAX;

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
            segs: Vec::new(),
            input_len: input.len(),
        };
        let nfc = is_nfc_quick(input.chars()) == IsNormalized::Yes;
        let bytes = input.as_bytes();
        // The length of the char at `j` when normalising leaves it as it is (no space, nothing
        // dropped, no dash to fold), in a text already in NFC.
        let plain = |j: usize| -> Option<usize> {
            let b = *bytes.get(j)?;
            if (0x21..=0x7e).contains(&b) {
                return Some(1);
            }
            if b < 0x80 {
                return None;
            }
            let c = input[j..].chars().next()?;
            (!is_space(c) && !is_dropped(c) && fold(c) == c).then(|| c.len_utf8())
        };
        let mut in_space = false;
        let mut seg = String::new();
        let mut i = 0;
        while i < bytes.len() {
            // A run of such chars, with single spaces inside, is copied as it is.
            if nfc {
                if let Some(first) = plain(i) {
                    let mut j = i + first;
                    loop {
                        if let Some(l) = plain(j) {
                            j += l;
                        } else if bytes.get(j) == Some(&b' ') && plain(j + 1).is_some() {
                            j += 1;
                        } else {
                            break;
                        }
                    }
                    n.push_run(input, i, j);
                    in_space = false;
                    i = j;
                    continue;
                }
            }
            let Some(c) = input[i..].chars().next() else {
                break;
            };
            let end = i + c.len_utf8();
            if is_dropped(c) {
                i = end;
                continue;
            }
            if is_space(c) {
                if in_space {
                    // Extend the source of the space already written.
                    if let Some(last) = n.segs.last_mut() {
                        last.src_len = (end - last.src as usize) as u32;
                    }
                } else {
                    n.push_mapped(' ', i, end);
                    in_space = true;
                }
                i = end;
                continue;
            }
            in_space = false;
            if nfc {
                n.push_char(c, i, end);
                i = end;
                continue;
            }
            // Gather a starter and the combining marks after it, and compose them.
            let mut seg_end = end;
            seg.clear();
            seg.push(c);
            while let Some(d) = input[seg_end..].chars().next() {
                if canonical_combining_class(d) == 0 {
                    break;
                }
                seg.push(d);
                seg_end += d.len_utf8();
            }
            if seg.len() == c.len_utf8() {
                n.push_char(c, i, end);
            } else {
                for d in seg.nfc() {
                    n.push_mapped(fold(d), i, seg_end);
                }
            }
            i = seg_end;
        }
        n
    }

    /// Makes the next bytes written a copy of the input from `start` on: the last segment goes
    /// on when it copies the bytes just before, else a new one begins.
    fn copy_from(&mut self, start: usize) {
        let at = self.text.len();
        let continues = self
            .segs
            .last()
            .is_some_and(|s| s.src_len == COPY && s.src as usize + (at - s.norm as usize) == start);
        if !continues {
            self.segs.push(Seg {
                norm: at as u32,
                src: start as u32,
                src_len: COPY,
            });
        }
    }

    /// Writes `input[start..end]` as it is.
    fn push_run(&mut self, input: &str, start: usize, end: usize) {
        self.copy_from(start);
        self.text.push_str(&input[start..end]);
    }

    /// Writes a char of the input, folded.
    fn push_char(&mut self, c: char, start: usize, end: usize) {
        let f = fold(c);
        if f != c {
            return self.push_mapped(f, start, end);
        }
        self.copy_from(start);
        self.text.push(c);
    }

    /// Writes a char that stands for `start..end` of the input.
    fn push_mapped(&mut self, c: char, start: usize, end: usize) {
        self.segs.push(Seg {
            norm: self.text.len() as u32,
            src: start as u32,
            src_len: (end - start) as u32,
        });
        self.text.push(c);
    }

    fn seg_at(&self, pos: usize) -> &Seg {
        let i = self.segs.partition_point(|s| s.norm as usize <= pos);
        &self.segs[i.saturating_sub(1)]
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Maps a byte range of the normalised text (on char boundaries, non-empty) to the byte
    /// range of the input that it was read from.
    pub fn to_source(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || self.segs.is_empty() {
            let at = self.seg_at(start);
            let s = if self.segs.is_empty() {
                self.input_len
            } else if at.src_len == COPY {
                at.src as usize + (start - at.norm as usize)
            } else {
                at.src as usize
            };
            return (s.min(self.input_len), s.min(self.input_len));
        }
        let a = self.seg_at(start);
        let s = if a.src_len == COPY {
            a.src as usize + (start - a.norm as usize)
        } else {
            a.src as usize
        };
        let mut last = end - 1;
        while !self.text.is_char_boundary(last) {
            last -= 1;
        }
        let b = self.seg_at(last);
        let e = if b.src_len == COPY {
            b.src as usize + (end - b.norm as usize)
        } else {
            b.src as usize + b.src_len as usize
        };
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the module's documentation.
    #[test]
    fn a_wrapped_number_maps_back() {
        let input = "mỗi tháng 200\n000\u{a0}đ";
        let norm = Normalized::new(input);
        assert_eq!(norm.text(), "mỗi tháng 200 000 đ");
        let at = norm.text().find("200").unwrap();
        let (s, e) = norm.to_source(at, norm.text().len());
        assert_eq!(&input[s..e], "200\n000\u{a0}đ");
    }

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
