//! Word 97–2003 (.doc): the text through the piece table, a small reader of its own (the `cfb`
//! crate opens the compound file; no maintained crate reads Word's text).
//!
//! From `[MS-DOC]`: the `WordDocument` stream opens with the FIB, which says which table stream
//! holds the piece table (`1Table` or `0Table`, bit 9 of the flags at 0x0A), whether the file
//! is encrypted (bit 8), and where the piece table (`Clx`) is: `fcClx` and `lcbClx` at 0x01A2
//! and 0x01A6. The `Clx` is a run of `Prc` (0x01, a 16-bit size, properties) then a `Pcdt`
//! (0x02, a 32-bit size, then the `PlcPcd`: n+1 character positions and n 8-byte piece
//! descriptors). A piece's `fc` (bytes 2–5 of its descriptor) with bit 30 set holds 8-bit text
//! (Windows-1252) at `(fc & !bit30) / 2`; else UTF-16LE at `fc`.
//!
//! The text of all pieces is read in order: the body, then the footnotes, headers and the
//! other stories Word keeps after it. Word's marks become layout: 0x0D (paragraph) and 0x0B
//! (line) a line break, 0x07 (end of a cell) a tab and two in a row the end of a table row, 0x0C
//! (page or section) a line break, 0x1E a hyphen; 0x1F (optional hyphen) and the marks of
//! pictures, notes and objects nothing. A field (0x13 code 0x14 result 0x15) keeps its result.
//! The runs' fonts are not read: a document in a legacy encoding is found by the detection of
//! part 1 over its whole text (its 8-bit pieces hold the encoding's bytes as they were typed).

use super::{bad, Builder, Extracted, Format, Limits};
use crate::error::Error;
use std::io::{Cursor, Read};

/// Reads a .doc file.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Extracted, Error> {
    let f = Format::Doc;
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| {
        bad(
            f,
            format!("not a readable OLE compound file ({e}); damaged or cut short?"),
        )
    })?;
    let stream = |cfb: &mut cfb::CompoundFile<Cursor<&[u8]>>,
                  name: &str|
     -> Result<Option<Vec<u8>>, Error> {
        if !cfb.is_stream(name) {
            return Ok(None);
        }
        let mut s = cfb
            .open_stream(name)
            .map_err(|e| bad(f, format!("{name}: {e}")))?;
        let mut out = Vec::new();
        (&mut s)
            .take(limits.inflated + 1)
            .read_to_end(&mut out)
            .map_err(|e| bad(f, format!("{name}: {e}")))?;
        if out.len() as u64 > limits.inflated {
            return Err(bad(f, format!("{name} is larger than the limit")));
        }
        Ok(Some(out))
    };
    // A password-protected .docx (or .xlsx) is an OLE file holding the encrypted package.
    if cfb.is_stream("/EncryptedPackage") {
        return Err(bad(
            f,
            "an encrypted Office document (a password is needed); save it without a password first",
        ));
    }
    let Some(word) = stream(&mut cfb, "/WordDocument")? else {
        return Err(bad(
            f,
            "an OLE file with no WordDocument stream: not a Word document (an Excel or \
             PowerPoint file?)",
        ));
    };
    let u16_at = |b: &[u8], i: usize| b.get(i..i + 2).map(|x| u16::from_le_bytes([x[0], x[1]]));
    let u32_at = |b: &[u8], i: usize| {
        b.get(i..i + 4)
            .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
    };
    let short = || bad(f, "its FIB is cut short; damaged?");
    let ident = u16_at(&word, 0).ok_or_else(short)?;
    if ident != 0xa5ec && ident != 0xa5dc {
        return Err(bad(
            f,
            format!("not a Word 97-2003 document (FIB mark {ident:#06x}); an older Word file?"),
        ));
    }
    let flags = u16_at(&word, 0x0a).ok_or_else(short)?;
    if flags & 0x0100 != 0 {
        return Err(bad(
            f,
            "encrypted (a password is needed); save it without a password first",
        ));
    }
    let table_name = if flags & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    let table = stream(&mut cfb, table_name)?
        .ok_or_else(|| bad(f, format!("no {} stream; damaged?", &table_name[1..])))?;
    let fc_clx = u32_at(&word, 0x01a2).ok_or_else(short)? as usize;
    let lcb_clx = u32_at(&word, 0x01a6).ok_or_else(short)? as usize;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or_else(|| bad(f, "its piece table lies outside the table stream; damaged?"))?;
    let pieces =
        piece_table(clx).ok_or_else(|| bad(f, "its piece table is malformed; damaged?"))?;
    let mut chars: Vec<u16> = Vec::new();
    for (cp_start, cp_end, fc) in pieces {
        let n = cp_end.saturating_sub(cp_start) as usize;
        if chars.len() + n > limits.inflated as usize {
            return Err(bad(f, "more text than the limit"));
        }
        let compressed = fc & 0x4000_0000 != 0;
        if compressed {
            let at = ((fc & !0x4000_0000) / 2) as usize;
            let raw = word
                .get(at..at + n)
                .ok_or_else(|| bad(f, "a piece of text lies outside the document; damaged?"))?;
            // 8-bit pieces: Windows-1252, kept as the chars that show the bytes.
            chars.extend(raw.iter().map(|&b| {
                let c = crate::input::encoding::legacy::CP1252[b as usize];
                c as u32 as u16
            }));
            // Windows-1252's chars beyond U+FFFF: none; the cast above is exact.
        } else {
            let at = fc as usize;
            let raw = word
                .get(at..at + 2 * n)
                .ok_or_else(|| bad(f, "a piece of text lies outside the document; damaged?"))?;
            chars.extend(
                raw.chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]])),
            );
        }
    }
    let text = String::from_utf16_lossy(&chars);
    let mut b = Builder::default();
    b.push_str(&layout(&text));
    b.finish(Vec::new())
}

/// The pieces of a `Clx`: (first CP, end CP, fc).
fn piece_table(clx: &[u8]) -> Option<Vec<(u32, u32, u32)>> {
    let mut i = 0;
    // Prc entries.
    while clx.get(i) == Some(&0x01) {
        let cb = u16::from_le_bytes([*clx.get(i + 1)?, *clx.get(i + 2)?]) as usize;
        i += 3 + cb;
    }
    if clx.get(i) != Some(&0x02) {
        return None;
    }
    let lcb = u32::from_le_bytes(clx.get(i + 1..i + 5)?.try_into().ok()?) as usize;
    let plc = clx.get(i + 5..i + 5 + lcb)?;
    // (n + 1) * 4 + n * 8 = lcb.
    if lcb < 4 || (lcb - 4) % 12 != 0 {
        return None;
    }
    let n = (lcb - 4) / 12;
    let cp = |k: usize| -> Option<u32> {
        Some(u32::from_le_bytes(
            plc.get(4 * k..4 * k + 4)?.try_into().ok()?,
        ))
    };
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let d = 4 * (n + 1) + 8 * k;
        let fc = u32::from_le_bytes(plc.get(d + 2..d + 6)?.try_into().ok()?);
        let (s, e) = (cp(k)?, cp(k + 1)?);
        if e < s {
            return None;
        }
        out.push((s, e, fc));
    }
    Some(out)
}

/// Word's marks as layout: paragraphs and breaks as lines, cells as tabs, fields as their
/// results, and the marks of objects dropped.
pub(crate) fn layout(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // For each open field: is the reader past its separator (in its result)?
    let mut fields: Vec<bool> = Vec::new();
    let mut prev_cell = false;
    for c in text.chars() {
        match c {
            '\u{13}' => {
                fields.push(false);
                continue;
            }
            '\u{14}' => {
                if let Some(f) = fields.last_mut() {
                    *f = true;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ => {}
        }
        // Inside a field's code: nothing is text.
        if fields.iter().any(|in_result| !in_result) {
            continue;
        }
        let cell = c == '\u{07}';
        match c {
            '\r' | '\u{0b}' | '\u{0c}' => out.push('\n'),
            '\u{07}' if prev_cell => {
                // The end of a row: its last cell's tab becomes the line's end.
                if out.ends_with('\t') {
                    out.pop();
                }
                out.push('\n');
            }
            '\u{07}' => out.push('\t'),
            '\u{1e}' => out.push('-'),
            // An optional hyphen: the soft hyphen (byte AD, a letter in a legacy encoding's
            // text; normalising drops it from Unicode text).
            '\u{1f}' => out.push('\u{ad}'),
            '\u{01}' | '\u{02}' | '\u{05}' | '\u{08}' | '\u{03}' | '\u{04}' => {}
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
        prev_cell = cell && !prev_cell;
    }
    out
}
