//! Rich Text Format: the text of an RTF file, a small reader of its own (no RTF crate is both
//! kept up and reads the font table, which the old encodings need).
//!
//! ```text
//! {\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Times New Roman;}{\f1 .VnTime;}}
//! \f0 X\u227?\'e3 Kim Li\u234?n\par \f1 H\'e9i N\'abng d\'a9n\par}
//! → "Xã Kim Liên\nHội Nông dân"
//! ```
//!
//! Read: `\'xx` bytes in the encoding of the current font (a legacy family of
//! `data/legacy_fonts.txt`, else the font's charset, else the document's `\ansicpg`), `\uN`
//! with its `\ucN` replacement chars passed over, paragraphs, line breaks, tabs, table cells
//! (a tab between cells, a line for each row), fields by their result; headers, footers and
//! footnotes after the body. Passed over: the font, colour and style tables, pictures, objects'
//! data, document information and every `\*` destination the reader does not know.

use super::{bad, Builder, Extracted, Format, Limits};
use crate::error::Error;

/// What a group's text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    /// The document's text.
    Body,
    /// A header, footer or footnote: read into the text after the body.
    Aside,
    /// The font table.
    Fonts,
    /// Nothing to read.
    Skip,
}

/// The state a group opens with (its parent's).
#[derive(Debug, Clone, Copy)]
struct State {
    dest: Dest,
    font: i32,
    /// Chars that stand in for a `\uN` (`\ucN`).
    uc: usize,
}

/// A font of the table: its name and charset.
#[derive(Debug, Default, Clone)]
struct FontDef {
    name: String,
    charset: Option<u32>,
}

/// How the bytes of a font are decoded.
#[derive(Debug, Clone, PartialEq)]
enum Decoder {
    /// A legacy font, named for [`Builder::push_run`].
    Legacy(String),
    /// A Windows code page.
    Page(&'static encoding_rs::Encoding),
}

struct Reader<'a> {
    bytes: &'a [u8],
    i: usize,
    body: Builder,
    aside: Builder,
    fonts: std::collections::HashMap<i32, FontDef>,
    /// The font whose definition is being read.
    defining: Option<i32>,
    codepage: &'static encoding_rs::Encoding,
    default_font: i32,
    /// Bytes not decoded yet, and how they are to be.
    pending: Vec<u8>,
    pending_as: Option<(Decoder, Dest)>,
    /// Replacement chars still to pass over after a `\uN`.
    skip_chars: usize,
}

/// Reads an RTF file.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Extracted, Error> {
    let start = bytes
        .iter()
        .position(|&b| b == b'{')
        .filter(|&s| bytes[s..].starts_with(b"{\\rtf"))
        .ok_or_else(|| bad(Format::Rtf, "no {\\rtf header: not an RTF file"))?;
    let mut r = Reader {
        bytes,
        i: start,
        body: Builder::default(),
        aside: Builder::default(),
        fonts: Default::default(),
        defining: None,
        codepage: encoding_rs::WINDOWS_1252,
        default_font: 0,
        pending: Vec::new(),
        pending_as: None,
        skip_chars: 0,
    };
    r.run(limits)?;
    let Reader {
        mut body, aside, ..
    } = r;
    if !aside.text().trim().is_empty() {
        body.push_layout('\n');
        body.append(aside);
    }
    body.finish()
}

impl Reader<'_> {
    fn run(&mut self, limits: &Limits) -> Result<(), Error> {
        let mut stack: Vec<State> = Vec::new();
        let mut st = State {
            dest: Dest::Body,
            font: 0,
            uc: 1,
        };
        // A `\*` just read: the next control word opens a destination this reader may not know.
        let mut starred = false;
        // The first control word of a group (where destinations are named).
        let mut group_start = false;
        while self.i < self.bytes.len() {
            let b = self.bytes[self.i];
            match b {
                b'{' => {
                    self.i += 1;
                    stack.push(st);
                    if stack.len() > limits.depth {
                        return Err(bad(
                            Format::Rtf,
                            format!("groups nested deeper than {}, the limit", limits.depth),
                        ));
                    }
                    group_start = true;
                    starred = false;
                    self.skip_chars = 0;
                }
                b'}' => {
                    self.i += 1;
                    if st.dest == Dest::Fonts {
                        self.defining = None;
                    }
                    match stack.pop() {
                        Some(s) => st = s,
                        None => break,
                    }
                    if stack.is_empty() {
                        break;
                    }
                    group_start = false;
                }
                b'\\' => {
                    let (word, param) = self.control();
                    let first = group_start;
                    group_start = false;
                    if word == "*" {
                        starred = true;
                        group_start = first;
                        continue;
                    }
                    let was_starred = std::mem::take(&mut starred);
                    self.word(&word, param, &mut st, first, was_starred);
                }
                b'\r' | b'\n' => self.i += 1,
                _ => {
                    self.i += 1;
                    group_start = false;
                    if self.skip_chars > 0 {
                        self.skip_chars -= 1;
                        continue;
                    }
                    self.byte(b, &st);
                }
            }
        }
        self.flush();
        Ok(())
    }

    /// Reads a control word or symbol after its backslash: its name and parameter.
    fn control(&mut self) -> (String, Option<i32>) {
        let b = self.bytes;
        self.i += 1;
        let Some(&c) = b.get(self.i) else {
            return (String::new(), None);
        };
        if !c.is_ascii_alphabetic() {
            self.i += 1;
            if c == b'\'' {
                // \'xx: a byte in hex.
                let hex = b
                    .get(self.i..self.i + 2)
                    .and_then(|h| std::str::from_utf8(h).ok());
                let v = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                self.i += 2;
                return ("'".to_owned(), v.map(i32::from));
            }
            return ((c as char).to_string(), None);
        }
        let s = self.i;
        while self.i < b.len() && b[self.i].is_ascii_alphabetic() && self.i - s < 32 {
            self.i += 1;
        }
        let word = String::from_utf8_lossy(&b[s..self.i]).into_owned();
        let ps = self.i;
        if b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        while self.i < b.len() && b[self.i].is_ascii_digit() && self.i - ps < 11 {
            self.i += 1;
        }
        let param = std::str::from_utf8(&b[ps..self.i])
            .ok()
            .and_then(|p| p.parse::<i64>().ok())
            .map(|p| p.clamp(i32::MIN as i64, i32::MAX as i64) as i32);
        if b.get(self.i) == Some(&b' ') {
            self.i += 1;
        }
        (word, param)
    }

    /// Acts on a control word.
    fn word(&mut self, word: &str, param: Option<i32>, st: &mut State, first: bool, starred: bool) {
        const SKIPPED: &[&str] = &[
            "colortbl",
            "stylesheet",
            "info",
            "pict",
            "objdata",
            "themedata",
            "colorschememapping",
            "datastore",
            "latentstyles",
            "xmlnstbl",
            "listtable",
            "listoverridetable",
            "rsidtbl",
            "generator",
            "fldinst",
            "filetbl",
            "revtbl",
            "userprops",
            "xe",
            "tc",
            "bkmkstart",
            "bkmkend",
        ];
        const ASIDE: &[&str] = &[
            "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
            "footnote",
        ];
        if st.dest == Dest::Skip {
            if word == "bin" {
                self.i += param.unwrap_or(0).max(0) as usize;
            }
            return;
        }
        if first && starred && !matches!(word, "fldinst") {
            // An optional destination this reader does not know: passed over.
            st.dest = Dest::Skip;
            return;
        }
        if SKIPPED.contains(&word) {
            st.dest = Dest::Skip;
            return;
        }
        if ASIDE.contains(&word) {
            self.flush();
            st.dest = Dest::Aside;
            self.out(st.dest).push_layout('\n');
            return;
        }
        let text = |r: &mut Reader, st: &State, s: &str| {
            if st.dest != Dest::Fonts {
                r.flush();
                r.out(st.dest).push_str(s);
            }
        };
        let layout = |r: &mut Reader, st: &State, c: char| {
            if st.dest != Dest::Fonts {
                r.flush();
                r.out(st.dest).push_layout(c);
            }
        };
        match word {
            "fonttbl" => st.dest = Dest::Fonts,
            "ansicpg" => {
                if let Some(p) = param {
                    self.codepage = codepage(p as u32).unwrap_or(self.codepage);
                }
            }
            "deff" => self.default_font = param.unwrap_or(0),
            "f" => {
                let n = param.unwrap_or(0);
                if st.dest == Dest::Fonts {
                    self.defining = Some(n);
                    self.fonts.entry(n).or_default();
                } else {
                    st.font = n;
                }
            }
            "fcharset" => {
                if let (Some(n), Dest::Fonts) = (self.defining, st.dest) {
                    if let Some(f) = self.fonts.get_mut(&n) {
                        f.charset = param.map(|p| p as u32);
                    }
                }
            }
            "plain" => st.font = self.default_font,
            "uc" => st.uc = param.unwrap_or(1).clamp(0, 8) as usize,
            "u" => {
                if let Some(p) = param {
                    let v = if p < 0 { p + 65536 } else { p } as u32;
                    if let Some(c) = char::from_u32(v) {
                        text(self, st, &c.to_string());
                    }
                    self.skip_chars = st.uc;
                }
            }
            "'" => {
                if self.skip_chars > 0 {
                    self.skip_chars -= 1;
                } else if let Some(p) = param {
                    self.byte(p as u8, st);
                }
            }
            "bin" => self.i += param.unwrap_or(0).max(0) as usize,
            "par" | "sect" | "page" | "line" | "\n" | "\r" => layout(self, st, '\n'),
            "tab" => layout(self, st, '\t'),
            "cell" | "nestcell" => layout(self, st, '\t'),
            "row" | "nestrow" => {
                self.flush();
                let out = self.out(st.dest);
                out.trim_end_tabs();
                out.push_layout('\n');
            }
            "emdash" | "endash" => text(self, st, "-"),
            "lquote" => text(self, st, "\u{2018}"),
            "rquote" => text(self, st, "\u{2019}"),
            "ldblquote" => text(self, st, "\u{201c}"),
            "rdblquote" => text(self, st, "\u{201d}"),
            "bullet" => text(self, st, "\u{2022}"),
            "~" => text(self, st, "\u{a0}"),
            "_" => text(self, st, "-"),
            "\\" | "{" | "}" => {
                let b = word.as_bytes()[0];
                self.byte(b, st);
            }
            _ => {}
        }
    }

    /// The builder a destination writes to.
    fn out(&mut self, dest: Dest) -> &mut Builder {
        match dest {
            Dest::Aside => &mut self.aside,
            _ => &mut self.body,
        }
    }

    /// A byte of text in the current font.
    fn byte(&mut self, b: u8, st: &State) {
        match st.dest {
            Dest::Skip => {}
            Dest::Fonts => {
                if let Some(n) = self.defining {
                    if let Some(f) = self.fonts.get_mut(&n) {
                        if b != b';' {
                            f.name.push(char::from(b));
                        }
                    }
                }
            }
            Dest::Body | Dest::Aside => {
                let how = (self.decoder(st.font), st.dest);
                if self.pending_as.as_ref() != Some(&how) {
                    self.flush();
                    self.pending_as = Some(how);
                }
                self.pending.push(b);
            }
        }
    }

    /// How the bytes of font `n` are decoded.
    fn decoder(&self, n: i32) -> Decoder {
        let f = self.fonts.get(&n);
        if let Some(f) = f {
            let name = f.name.trim();
            if super::fonts::of(name).is_some() {
                return Decoder::Legacy(name.to_owned());
            }
            if let Some(page) = f.charset.and_then(charset_page) {
                return Decoder::Page(page);
            }
        }
        Decoder::Page(self.codepage)
    }

    /// Decodes the bytes not decoded yet.
    fn flush(&mut self) {
        let Some((how, dest)) = self.pending_as.take() else {
            return;
        };
        let bytes = std::mem::take(&mut self.pending);
        match how {
            Decoder::Legacy(font) => {
                // The bytes as the Windows-1252 letters that show them, decoded by the font.
                let shown: String = bytes
                    .iter()
                    .map(|&b| crate::input::encoding::legacy::CP1252[b as usize])
                    .collect();
                self.out(dest).push_run(&shown, Some(&font));
            }
            Decoder::Page(page) => {
                let (s, _) = page.decode_without_bom_handling(&bytes);
                self.out(dest).push_str(&s);
            }
        }
    }
}

/// The encoding of a Windows code page.
fn codepage(n: u32) -> Option<&'static encoding_rs::Encoding> {
    encoding_rs::Encoding::for_label(format!("windows-{n}").as_bytes())
        .or_else(|| encoding_rs::Encoding::for_label(format!("cp{n}").as_bytes()))
}

/// The code page of an RTF font charset.
fn charset_page(c: u32) -> Option<&'static encoding_rs::Encoding> {
    let page = match c {
        0 | 1 => return None,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        238 => 1250,
        _ => return None,
    };
    codepage(page)
}
