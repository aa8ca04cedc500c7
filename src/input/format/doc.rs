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
//! A run's font is read from the character formatting pages (`PlcfBteChpx`: the FKPs' CHPX
//! sprms `sprmCRgFtc2`, else `sprmCRgFtc0`), else the style sheet's default font, named by the
//! font table (`SttbfFfn`); a run in a legacy font is decoded by it. A paragraph style's font is
//! not read. When no run is in a legacy font, a document in a legacy encoding is found by the
//! detection of part 1 over its whole text (its pieces hold the encoding's bytes as typed).

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
    // Each char with its position in the WordDocument stream (what the runs' formatting is
    // keyed by).
    let mut chars: Vec<(u16, u32)> = Vec::new();
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
            // 8-bit pieces: Windows-1252, kept as the chars that show the bytes (all in the
            // BMP: the cast is exact).
            chars.extend(raw.iter().enumerate().map(|(k, &b)| {
                let c = crate::input::encoding::legacy::CP1252[b as usize];
                (c as u32 as u16, (at + k) as u32)
            }));
        } else {
            let at = fc as usize;
            let raw = word
                .get(at..at + 2 * n)
                .ok_or_else(|| bad(f, "a piece of text lies outside the document; damaged?"))?;
            chars.extend(
                raw.chunks_exact(2)
                    .enumerate()
                    .map(|(k, c)| (u16::from_le_bytes([c[0], c[1]]), (at + 2 * k) as u32)),
            );
        }
    }
    // The runs' fonts, where the file's tables can be read (else none: detection decides).
    let fonts = RunFonts::read(&word, &table).unwrap_or_default();
    let mut b = Builder::default();
    let mut marks = Marks::default();
    let (mut run, mut run_font): (Vec<u16>, Option<&str>) = (Vec::new(), None);
    let flush = |run: &mut Vec<u16>, font: Option<&str>, marks: &mut Marks, b: &mut Builder| {
        if !run.is_empty() {
            let text = marks.layout(&String::from_utf16_lossy(run));
            b.push_run(&text, font);
            run.clear();
        }
    };
    for &(c, fc) in &chars {
        let font = fonts.legacy_at(fc);
        if font != run_font {
            flush(&mut run, run_font, &mut marks, &mut b);
            run_font = font;
        }
        run.push(c);
    }
    flush(&mut run, run_font, &mut marks, &mut b);
    b.finish()
}

/// The fonts of a .doc's runs: the font table (`SttbfFfn`), the default font (the style
/// sheet's `rgftcStandardChpStsh`) and each run's font from the character formatting pages
/// (`PlcfBteChpx` → CHPX FKPs, the sprms `sprmCRgFtc0` 0x4A4F and `sprmCRgFtc2` 0x4A51).
#[derive(Debug, Default)]
struct RunFonts {
    /// Font names by index.
    names: Vec<String>,
    /// Is the font of each index a legacy one (decided once a font, not once a char)?
    legacy: Vec<bool>,
    /// The default font's index.
    default: Option<u16>,
    /// Runs: (first fc, end fc, font index), sorted.
    runs: Vec<(u32, u32, Option<u16>)>,
}

impl RunFonts {
    fn read(word: &[u8], table: &[u8]) -> Option<RunFonts> {
        let u16_at = |b: &[u8], i: usize| -> Option<u16> {
            Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
        };
        let u32_at = |b: &[u8], i: usize| -> Option<u32> {
            Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
        };
        let slice = |fc_at: usize| -> Option<&[u8]> {
            let (fc, lcb) = (
                u32_at(word, fc_at)? as usize,
                u32_at(word, fc_at + 4)? as usize,
            );
            table.get(fc..fc.checked_add(lcb)?)
        };
        // The font table: an extended STTB of FFNs, each a length byte then the FFN, whose
        // name (UTF-16, ended by a zero) starts 39 bytes in.
        let sttb = slice(0x0112)?;
        let mut names = Vec::new();
        // An STTB opens with 0xFFFF when it is extended; Word writes this one either way.
        let (count, mut i) = match u16_at(sttb, 0)? {
            0xffff => (u16_at(sttb, 2)? as usize, 6),
            n => (n as usize, 4),
        };
        {
            for _ in 0..count.min(4096) {
                let cch = *sttb.get(i)? as usize;
                let ffn = sttb.get(i + 1..i + 1 + cch)?;
                let name: Vec<u16> = ffn
                    .get(39..)
                    .unwrap_or_default()
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .take_while(|&c| c != 0)
                    .collect();
                names.push(String::from_utf16_lossy(&name));
                i += 1 + cch;
            }
        }
        // The default font of the style sheet: its font for the chars beyond ASCII.
        let stsh = slice(0x00a2).unwrap_or_default();
        let default = u16_at(stsh, 18).or_else(|| u16_at(stsh, 14));
        // The character formatting pages.
        let plc = slice(0x00fa).unwrap_or_default();
        let n = plc.len().saturating_sub(4) / 8;
        let mut runs = Vec::new();
        for k in 0..n {
            let pn = (u32_at(plc, 4 * (n + 1) + 4 * k)? & 0x3f_ffff) as usize;
            let Some(page) = word.get(pn * 512..pn * 512 + 512) else {
                continue;
            };
            let crun = page[511] as usize;
            for r in 0..crun.min(101) {
                let (Some(s), Some(e)) = (u32_at(page, 4 * r), u32_at(page, 4 * r + 4)) else {
                    break;
                };
                let off = *page.get(4 * (crun + 1) + r)? as usize * 2;
                let font = if off == 0 { None } else { chpx_font(page, off) };
                runs.push((s, e, font));
            }
        }
        runs.sort_by_key(|r| r.0);
        let legacy = names
            .iter()
            .map(|n| super::fonts::of(n).is_some())
            .collect();
        Some(RunFonts {
            names,
            legacy,
            default,
            runs,
        })
    }

    /// The legacy font (its name) of the char at `fc`, if it is set in one.
    fn legacy_at(&self, fc: u32) -> Option<&str> {
        let i = self.runs.partition_point(|r| r.0 <= fc);
        let run = i.checked_sub(1).map(|i| self.runs[i]).filter(|r| fc < r.1);
        let font = run.and_then(|r| r.2).or(self.default)? as usize;
        let legacy = self.legacy.get(font).copied().unwrap_or(false);
        legacy.then(|| self.names[font].as_str())
    }
}

/// The font index a CHPX at `off` of a page sets (for the chars beyond ASCII, else for ASCII).
fn chpx_font(page: &[u8], off: usize) -> Option<u16> {
    let cb = *page.get(off)? as usize;
    let grpprl = page.get(off + 1..off + 1 + cb)?;
    let (mut i, mut ascii, mut other) = (0, None, None);
    while i + 2 <= grpprl.len() {
        let sprm = u16::from_le_bytes([grpprl[i], grpprl[i + 1]]);
        let arg = grpprl.get(i + 2..);
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => 1 + *arg.and_then(|a| a.first()).unwrap_or(&0) as usize,
        };
        let value = arg
            .and_then(|a| a.get(..2))
            .map(|v| u16::from_le_bytes([v[0], v[1]]));
        match sprm {
            0x4a4f => ascii = value,
            0x4a51 => other = value,
            _ => {}
        }
        i += 2 + size;
    }
    other.or(ascii)
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
/// results, and the marks of objects dropped; read run by run, its state (open fields, a cell
/// mark just read) carried from one run to the next.
#[derive(Debug, Default)]
struct Marks {
    /// For each open field: is the reader past its separator (in its result)?
    fields: Vec<bool>,
    prev_cell: bool,
}

impl Marks {
    fn layout(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '\u{13}' => {
                    self.fields.push(false);
                    continue;
                }
                '\u{14}' => {
                    if let Some(f) = self.fields.last_mut() {
                        *f = true;
                    }
                    continue;
                }
                '\u{15}' => {
                    self.fields.pop();
                    continue;
                }
                _ => {}
            }
            // Inside a field's code: nothing is text.
            if self.fields.iter().any(|in_result| !in_result) {
                continue;
            }
            let cell = c == '\u{07}';
            match c {
                '\r' | '\u{0b}' | '\u{0c}' => out.push('\n'),
                '\u{07}' if self.prev_cell => {
                    // The end of a row: its last cell's tab becomes the line's end.
                    if out.ends_with('\t') {
                        out.pop();
                    }
                    out.push('\n');
                }
                '\u{07}' => out.push('\t'),
                '\u{1e}' => out.push('-'),
                // An optional hyphen: the soft hyphen (byte AD, a letter in a legacy
                // encoding's text; normalising drops it from Unicode text).
                '\u{1f}' => out.push('\u{ad}'),
                '\u{01}' | '\u{02}' | '\u{05}' | '\u{08}' | '\u{03}' | '\u{04}' => {}
                c if (c as u32) < 0x20 && c != '\t' => {}
                c => out.push(c),
            }
            self.prev_cell = cell && !self.prev_cell;
        }
        out
    }
}
