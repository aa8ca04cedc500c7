//! Document formats: Word (.docx, .doc), ODT, PDF, RTF and HTML read as their text, which the
//! decoding stage ([`super::encoding`]) then reads like any text file.
//!
//! ```
//! use vnfacts::input::{detect_format, Format};
//! assert_eq!(detect_format(b"{\\rtf1\\ansi Hello}", None), Format::Rtf);
//! assert_eq!(detect_format(b"<!DOCTYPE html><html><body>X</body></html>", None), Format::Html);
//! assert_eq!(detect_format("Xã Kim Liên".as_bytes(), Some("report.docx")), Format::Txt);
//! ```
//!
//! The format is told from the bytes (a zip archive holding `word/document.xml`, an OLE file
//! with a `WordDocument` stream, `%PDF-`, `{\rtf`, the start of an HTML page, ODT's
//! mimetype); the file name is only a hint, for a page that opens with a tag but names no
//! `<html>`. Each reader gives the text in reading order with its paragraphs on lines and its
//! table cells separated by tabs, and says how its characters were decoded: by a run's legacy
//! font ([`fonts`]), by the page's charset, or by the detection of part 1.
//!
//! Every container reader keeps to [`Limits`]: a zip archive's inflated size, entry count and
//! ratio, XML nesting depth, and the text a document may hold, so that a hostile file is an
//! error in bounded time and memory, never a crash or a run that fills the memory.

use crate::error::{Error, ErrorKind};
use crate::model::EncodingInfo;

mod fonts;
mod rtf;

#[cfg(feature = "formats")]
mod doc;
#[cfg(feature = "formats")]
mod html;
#[cfg(feature = "formats")]
mod pdf;
#[cfg(feature = "formats")]
mod xml;
#[cfg(feature = "formats")]
mod zipped;

/// A document format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text (or a JSON Lines record).
    Txt,
    /// An HTML page.
    Html,
    /// Word 2007 and later (Office Open XML).
    Docx,
    /// Word 97–2003 (binary, in an OLE compound file).
    Doc,
    /// PDF (its text layer).
    Pdf,
    /// Rich Text Format.
    Rtf,
    /// OpenDocument text.
    Odt,
}

impl Format {
    /// Every format with its name (SPEC.md, `document.format`, `--input`).
    pub const ALL: [(Format, &'static str); 7] = [
        (Format::Txt, "txt"),
        (Format::Html, "html"),
        (Format::Docx, "docx"),
        (Format::Doc, "doc"),
        (Format::Pdf, "pdf"),
        (Format::Rtf, "rtf"),
        (Format::Odt, "odt"),
    ];

    /// Its name.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("txt", |(_, n)| n)
    }

    /// The format called `name` (`htm` is `html`).
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase();
        let name = if name == "htm" { "html" } else { &name };
        Format::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(f, _)| *f)
    }
}

impl std::str::FromStr for Format {
    type Err = Error;

    /// A format by its name (`htm` is `html`).
    fn from_str(s: &str) -> Result<Format, Error> {
        Format::from_name(s.trim()).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|(_, n)| *n).collect();
            Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "{s:?} is not a document format; one of {}",
                    names.join(", ")
                ),
            )
        })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How a document is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// The format, when forced (`--input`); else told from the bytes.
    pub format: Option<Format>,
    /// An HTML page's whole text, menus and footers included (`--html-all`); by default only
    /// its main text (the article).
    pub html_all: bool,
}

impl ReadOptions {
    /// Options that force `format` (or not) and read HTML as `html_all` says.
    pub fn new(format: Option<Format>, html_all: bool) -> ReadOptions {
        ReadOptions { format, html_all }
    }
}

/// The limits a container reader keeps to. A file beyond one is an error that names it.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(feature = "formats"), allow(dead_code))]
pub(crate) struct Limits {
    /// The most bytes the entries of a zip archive may inflate to, in all.
    pub inflated: u64,
    /// The most entries a zip archive may hold.
    pub entries: usize,
    /// The most an entry may inflate, as a multiple of its compressed size (a zip bomb is
    /// thousands).
    pub ratio: u64,
    /// The deepest nesting of XML elements or RTF groups.
    pub depth: usize,
}

impl Limits {
    /// The limits for a file of `size` bytes: what it may inflate to is ten times its size plus
    /// a base (a Word file's XML is a few times its zip), never more than the largest document.
    pub fn for_size(size: usize) -> Limits {
        let inflated = (size as u64).saturating_mul(10) + (16 << 20);
        Limits {
            inflated: inflated.min(super::MAX_DOCUMENT as u64 * 4),
            entries: 10_000,
            ratio: 200,
            depth: 512,
        }
    }
}

/// A document's text, and how it was obtained.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Extracted {
    /// The text, in NFC.
    pub text: String,
    /// How its characters were decoded.
    pub encoding: EncodingInfo,
    /// Where each page starts, in chars of `text` (PDF; empty for the other formats).
    pub pages: Vec<usize>,
}

/// The error of a document that cannot be read.
pub(crate) fn bad(format: Format, what: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Document, format!("{format}: {what}"))
}

/// The magic bytes of an OLE compound file (.doc, .xls, .ppt, .msg).
const OLE: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// Do `bytes` start as a binary container (zip, OLE or PDF), whose zero bytes are no sign of
/// a binary file that is not a document?
pub(crate) fn container_magic(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(OLE) || pdf_start(bytes).is_some()
}

/// Where `%PDF-` is in the first kilobyte (a PDF may have bytes before its header).
fn pdf_start(bytes: &[u8]) -> Option<usize> {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-")
}

/// The format of `bytes`, told from them; `name`, the file's name, is a hint for a page that
/// opens with a tag but names no `<html>`.
pub fn detect_format(bytes: &[u8], name: Option<&str>) -> Format {
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_format(bytes);
    }
    if bytes.starts_with(OLE) {
        return Format::Doc;
    }
    if pdf_start(bytes).is_some() {
        return Format::Pdf;
    }
    // Most inputs are text that opens with a letter: told at once, with no copy of its head.
    let first = without_bom(bytes)
        .iter()
        .take(2048)
        .find(|&&c| c != 0 && !c.is_ascii_whitespace());
    if !matches!(first, Some(b'{' | b'<')) {
        return Format::Txt;
    }
    let head = text_head(bytes);
    if head.starts_with(b"{\\rtf") {
        return Format::Rtf;
    }
    if looks_html(&head, name) {
        return Format::Html;
    }
    Format::Txt
}

/// A zip archive is a Word file when it holds `word/document.xml`, an ODT file when its
/// mimetype says so or it holds `content.xml`; any other zip is called `docx`, so that it is
/// refused by the Word reader with a message that says what it holds.
fn zip_format(bytes: &[u8]) -> Format {
    // The local file headers name their entries: an ODT file's first is its mimetype, stored.
    let head = &bytes[..bytes.len().min(256)];
    if memchr::memmem::find(head, b"mimetypeapplication/vnd.oasis.opendocument.text").is_some() {
        return Format::Odt;
    }
    if memchr::memmem::find(bytes, b"word/document.xml").is_some() {
        return Format::Docx;
    }
    if memchr::memmem::find(bytes, b"content.xml").is_some() {
        return Format::Odt;
    }
    Format::Docx
}

/// `bytes` without their byte-order mark (UTF-8, or UTF-16 either way).
fn without_bom(bytes: &[u8]) -> &[u8] {
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .or_else(|| bytes.get(2..).filter(|_| utf16))
        .unwrap_or(bytes)
}

/// The first 1 KiB of a text, its BOM and leading white space left out, in ASCII lower case
/// (UTF-16 read as its low bytes).
fn text_head(bytes: &[u8]) -> Vec<u8> {
    let mut head: Vec<u8> = without_bom(bytes)
        .iter()
        .take(2048)
        .filter(|&&c| c != 0)
        .map(u8::to_ascii_lowercase)
        .collect();
    let start = head
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(head.len());
    head.drain(..start);
    head.truncate(1024);
    head
}

/// An HTML page: it opens with a doctype, `<html>`, `<head>` or a comment before one, or with a
/// tag when its name ends in `.htm`/`.html`.
fn looks_html(head: &[u8], name: Option<&str>) -> bool {
    if !head.starts_with(b"<") {
        return false;
    }
    let opens = [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
    ];
    if opens.iter().any(|o| head.starts_with(o)) {
        return true;
    }
    if head.starts_with(b"<!--") || head.starts_with(b"<?xml") {
        return memchr::memmem::find(head, b"<html").is_some();
    }
    let named = name
        .and_then(|n| n.rsplit_once('.'))
        .is_some_and(|(_, e)| e.eq_ignore_ascii_case("htm") || e.eq_ignore_ascii_case("html"));
    named
}

/// Reads `bytes` as their format (forced, or told from them): the text and how it was
/// decoded. Plain text gives `None`: the caller decodes it as text.
pub(crate) fn read(
    bytes: &[u8],
    name: Option<&str>,
    options: &ReadOptions,
) -> Result<(Format, Option<Extracted>), Error> {
    let format = options.format.unwrap_or_else(|| detect_format(bytes, name));
    let limits = Limits::for_size(bytes.len());
    let text = match format {
        Format::Txt => None,
        Format::Rtf => Some(rtf::read(bytes, &limits)?),
        #[cfg(feature = "formats")]
        Format::Html => Some(html::read(bytes, options.html_all)?),
        #[cfg(feature = "formats")]
        Format::Docx => Some(xml::read_docx(bytes, &limits)?),
        #[cfg(feature = "formats")]
        Format::Odt => Some(xml::read_odt(bytes, &limits)?),
        #[cfg(feature = "formats")]
        Format::Doc => Some(doc::read(bytes, &limits)?),
        #[cfg(feature = "formats")]
        Format::Pdf => Some(pdf::read(bytes)?),
        #[cfg(not(feature = "formats"))]
        other => {
            return Err(bad(
                other,
                "this build of vnfacts reads no such documents (built without the feature \
                 `formats`)",
            ))
        }
    };
    Ok((format, text))
}

/// The text of a container, decoded run by run: the runs a legacy font decoded and the rest
/// (Unicode already, or bytes to detect), tallied so that the document says the encoding most
/// of its text had.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    text: String,
    /// Chars decoded by each legacy encoding's font.
    by_font: Vec<(&'static str, usize)>,
    /// Chars that were Unicode already.
    unicode: usize,
}

impl Builder {
    /// Appends Unicode text.
    pub fn push_str(&mut self, s: &str) {
        self.unicode += s.chars().filter(|c| !c.is_whitespace()).count();
        self.text.push_str(s);
    }

    /// Appends a char that is layout (a line break, a tab): counted for no encoding.
    pub fn push_layout(&mut self, c: char) {
        self.text.push(c);
    }

    /// Appends white space that is layout (a run of spaces).
    #[cfg_attr(not(feature = "formats"), allow(dead_code))]
    pub fn push_layout_str(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Drops the spaces at the end of the text (before a cell's tab).
    #[cfg_attr(not(feature = "formats"), allow(dead_code))]
    pub fn trim_end_spaces(&mut self) {
        let keep = self.text.trim_end_matches(' ').len();
        self.text.truncate(keep);
    }

    /// Drops the tabs and spaces at the end of the text (after a row's last cell).
    pub fn trim_end_tabs(&mut self) {
        let keep = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(keep);
    }

    /// Appends another builder's text and tallies.
    pub fn append(&mut self, other: Builder) {
        self.text.push_str(&other.text);
        self.unicode += other.unicode;
        for (e, n) in other.by_font {
            self.add_font_chars(e, n);
        }
    }

    /// Counts `n` chars decoded by the font of encoding `name`.
    fn add_font_chars(&mut self, name: &'static str, n: usize) {
        match self.by_font.iter_mut().find(|(x, _)| *x == name) {
            Some((_, k)) => *k += n,
            None => self.by_font.push((name, n)),
        }
    }

    /// Appends the text of a run set in `font`: decoded by the font's encoding when it is a
    /// legacy one, else as it is.
    pub fn push_run(&mut self, s: &str, font: Option<&str>) {
        match font.and_then(fonts::of) {
            Some(f) => {
                let decoded = f.decode(s);
                let n = decoded.chars().filter(|c| !c.is_whitespace()).count();
                self.add_font_chars(f.encoding.name(), n);
                self.text.push_str(&decoded);
            }
            None => self.push_str(s),
        }
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Ends the text: its paragraphs' trailing spaces and runs of blank lines trimmed, in NFC,
    /// and then, when no font decoded any of it, read by the detection of part 1 (a document
    /// in a legacy encoding whose fonts were not named, or mojibake).
    pub fn finish(self) -> Result<Extracted, Error> {
        let text = tidy(&self.text);
        if self.by_font.is_empty() {
            let d = super::encoding::decode_unicode(text);
            return Ok(Extracted {
                text: d.text,
                encoding: d.encoding,
                pages: Vec::new(),
            });
        }
        // The encoding most of the text had: a font's, or Unicode.
        let (mut name, mut most) = ("utf-8", self.unicode);
        for &(e, n) in &self.by_font {
            if n > most {
                (name, most) = (e, n);
            }
        }
        Ok(Extracted {
            text,
            encoding: super::encoding::info(name, 1.0, vec!["legacy-fonts"]),
            pages: Vec::new(),
        })
    }
}

/// Where a reader stands in tables, for the layout of their text: a tab between the cells of
/// a row, a line for each row, and the paragraphs of a cell on its line (the .docx, ODT and
/// HTML readers share it).
#[cfg(feature = "formats")]
#[derive(Debug, Default)]
pub(crate) struct Cells {
    /// For each open row, the cells begun in it.
    rows: Vec<usize>,
    /// Cells open (nested tables open cells inside cells).
    open: usize,
}

#[cfg(feature = "formats")]
impl Cells {
    /// A row begins.
    pub fn row_start(&mut self) {
        self.rows.push(0);
    }

    /// A cell begins: a tab after the row's cell before it.
    pub fn cell_start(&mut self, b: &mut Builder) {
        if let Some(n) = self.rows.last_mut() {
            if *n > 0 {
                b.trim_end_spaces();
                b.push_layout('\t');
            }
            *n += 1;
        }
        self.open += 1;
    }

    /// A cell ends.
    pub fn cell_end(&mut self, b: &mut Builder) {
        self.open = self.open.saturating_sub(1);
        b.trim_end_spaces();
    }

    /// A row ends: its line ends (within a cell, only a space).
    pub fn row_end(&mut self, b: &mut Builder) {
        self.rows.pop();
        b.trim_end_spaces();
        b.push_layout(self.line_end());
    }

    /// Is the reader inside a cell?
    pub fn in_cell(&self) -> bool {
        self.open > 0
    }

    /// What ends a paragraph here: a space inside a cell (its paragraphs share its line), a
    /// line break elsewhere.
    pub fn line_end(&self) -> char {
        if self.in_cell() {
            ' '
        } else {
            '\n'
        }
    }
}

/// A container's text made tidy: NFC, each line's trailing spaces and tabs dropped, at most one blank
/// line in a row, none at the start or the end.
pub(crate) fn tidy(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = text.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    let mut blank = 0;
    for line in nfc.split('\n') {
        let line = line.trim_end_matches([' ', '\u{a0}', '\r', '\t']);
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}
