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

/// What a folded run of white space was in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Break {
    /// One line break: a hard-wrapped line goes on, or a new line starts.
    Line,
    /// Two line breaks or more: a paragraph's end.
    Paragraph,
    /// A gap within a line: a tab, or three spaces or more ("ỦY BAN NHÂN DÂN      CỘNG HÒA
    /// …", the two halves of a letterhead; a table's cells).
    Column,
}

impl Break {
    /// Does every name stop here (a paragraph's end, a gap between columns)?
    pub fn is_hard(self) -> bool {
        self != Break::Line
    }
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

/// The length of the char that starts at byte `j` when it is one of the chars most text is
/// made of, each of which normalising leaves as it is and which compose with nothing before
/// them: printable ASCII, Latin-1 to Latin Extended-B and the spacing modifiers (U+00A1 to
/// U+02FF, but the no-break space and the soft hyphen), Latin Extended Additional (the
/// Vietnamese letters with two marks, U+1E00 to U+1EFF), and the general punctuation that is no
/// space, no invisible mark and no dash ("…", "“", "•"). Read from the bytes, without decoding;
/// `None` for any other char, which takes the careful path. `tests::simple_chars_are_plain_and_nfc`
/// checks every char this accepts.
#[inline]
fn simple_len(bytes: &[u8], j: usize) -> Option<usize> {
    let b = *bytes.get(j)?;
    match b {
        0x21..=0x7e => Some(1),
        0xc2 => match *bytes.get(j + 1)? {
            0x85 | 0xa0 | 0xad => None,
            _ => Some(2),
        },
        0xc3..=0xcb => Some(2),
        0xe1 => matches!(bytes.get(j + 1)?, 0xb8..=0xbb).then_some(3),
        0xe2 => {
            let t = *bytes.get(j + 2)?;
            match bytes.get(j + 1)? {
                0x80 => (!matches!(t, 0x80..=0x94 | 0xa8..=0xaf)).then_some(3),
                0x81 => (!matches!(t, 0x9f..=0xaf)).then_some(3),
                0x82 => Some(3),
                _ => None,
            }
        }
        _ => None,
    }
}

impl Normalized {
    /// Normalises `input`.
    #[inline(never)] // a frame of its own in profiles (scripts/stages.py)
    pub fn new(input: &str) -> Normalized {
        let mut n = Normalized {
            text: String::with_capacity(input.len()),
            segs: Vec::new(),
            input_len: input.len(),
        };
        // Is the whole input in NFC already? Asked only when a combining mark is met.
        let mut nfc: Option<bool> = None;
        let mut is_nfc =
            || *nfc.get_or_insert_with(|| is_nfc_quick(input.chars()) == IsNormalized::Yes);
        let bytes = input.as_bytes();
        let mut in_space = false;
        let mut seg = String::new();
        let mut i = 0;
        while i < bytes.len() {
            // A run of simple chars, with single spaces inside, is copied as it is.
            if let Some(first) = simple_len(bytes, i) {
                let mut last = i;
                let mut j = i + first;
                loop {
                    if let Some(l) = simple_len(bytes, j) {
                        last = j;
                        j += l;
                    } else if bytes.get(j) == Some(&b' ') {
                        match simple_len(bytes, j + 1) {
                            Some(l) => {
                                last = j + 1;
                                j += 1 + l;
                            }
                            None => break,
                        }
                    } else {
                        break;
                    }
                }
                // A combining mark after the run composes with its last char, unless the
                // text is in NFC already: that char then takes the careful path.
                if input[j..]
                    .chars()
                    .next()
                    .is_some_and(|d| canonical_combining_class(d) != 0)
                    && !is_nfc()
                {
                    j = last;
                }
                if j > i {
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
            // Gather a starter and the combining marks after it, and compose them (a text in
            // NFC already is copied char by char).
            let mut seg_end = end;
            while let Some(d) = input[seg_end..].chars().next() {
                if canonical_combining_class(d) == 0 {
                    break;
                }
                seg_end += d.len_utf8();
            }
            if seg_end == end || is_nfc() {
                n.push_char(c, i, end);
                i = end;
                continue;
            }
            seg.clear();
            seg.push_str(&input[i..seg_end]);
            for d in seg.nfc() {
                n.push_mapped(fold(d), i, seg_end);
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

    /// The spaces of the normalised text that stand for line breaks of `input` (the text it
    /// was made from), or for gaps between columns, in order: the byte of each and its kind.
    pub fn line_breaks(&self, input: &str) -> Vec<(usize, Break)> {
        self.segs
            .iter()
            .filter(|s| s.src_len != COPY && self.text.as_bytes()[s.norm as usize] == b' ')
            .filter_map(|s| {
                let src = input.get(s.src as usize..(s.src + s.src_len) as usize)?;
                let breaks = src.bytes().filter(|&b| b == b'\n').count()
                    + src.matches('\r').filter(|_| !src.contains('\n')).count();
                let kind = match breaks {
                    0 if src.contains('\t') || src.chars().count() >= 3 => Break::Column,
                    0 => return None,
                    1 => Break::Line,
                    _ => Break::Paragraph,
                };
                Some((s.norm as usize, kind))
            })
            .collect()
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
    fn line_breaks_and_paragraph_ends() {
        let input =
            "Hội Nông dân xã Tân Lập\nĐảng ủy dự.\r\n\r\nNgày 5,  tháng 7\nUBND XÃ   Độc lập\tSố";
        let n = Normalized::new(input);
        assert_eq!(
            n.text(),
            "Hội Nông dân xã Tân Lập Đảng ủy dự. Ngày 5, tháng 7 UBND XÃ Độc lập Số"
        );
        let at = |w: &str| n.text().find(w).unwrap() - 1;
        // Two spaces are a sloppy space; three, or a tab, part columns.
        assert_eq!(
            n.line_breaks(input),
            vec![
                (at("Đảng"), Break::Line),
                (at("Ngày"), Break::Paragraph),
                (at("UBND"), Break::Line),
                (at("Độc"), Break::Column),
                (at("Số"), Break::Column)
            ]
        );
    }

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
    fn simple_chars_are_plain_and_nfc() {
        // Every char the byte test calls simple is left as it is and composes with nothing.
        let mut n = 0;
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let mut b = [0u8; 4];
            let s = c.encode_utf8(&mut b);
            if simple_len(s.as_bytes(), 0).is_some() {
                assert_eq!(simple_len(s.as_bytes(), 0), Some(s.len()), "{c:?}");
                assert!(!is_space(c) && !is_dropped(c) && fold(c) == c, "{c:?}");
                assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
                assert_eq!(canonical_combining_class(c), 0, "{c:?}");
                assert_eq!(s.nfc().collect::<String>(), *s, "{c:?}");
                n += 1;
            }
        }
        assert!(n > 1000);
    }

    #[test]
    fn runs_and_marks_as_the_careful_path_reads_them() {
        // A base letter at the end of a run composes with the marks after it; in a text that
        // is NFC already, a mark after a letter stays as it is.
        for (input, want) in [
            ("vie\u{302}\u{323}c la\u{300}m", "việc làm"),
            ("Ho\u{302}\u{323}i  \u{a0}20 ho\u{323}", "Hội 20 họ"),
            ("a\u{301}", "á"),
            ("x\u{301}", "x\u{301}"),
            ("ý\u{301}", "ý\u{301}"),
            ("“Mẹ đỡ đầu” – 12…", "“Mẹ đỡ đầu” - 12…"),
        ] {
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
