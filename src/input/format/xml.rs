//! Word 2007+ (.docx) and OpenDocument (.odt) files: zip archives of XML, read as their text.
//!
//! - .docx: `word/document.xml` in document order (paragraphs on lines, table cells separated
//!   by a tab and rows by line breaks, text boxes where they stand, the results of fields and
//!   never their codes, no deleted text), then the headers, footers, footnotes and endnotes. A
//!   run's font is its own, else its character style's, else its paragraph style's, else the
//!   document's default (`word/styles.xml`); a run in a legacy font is decoded by it.
//! - .odt: `content.xml`'s text (paragraphs and headings on lines, tables as above, spaces and
//!   tabs as written), its notes after the body; fonts from the styles of `content.xml` and
//!   `styles.xml`, through the font declarations.
//!
//! Elements are told by their usual prefixes (`w:`, `text:`, `table:`), which every writer of
//! these formats uses.

use super::zipped::Zip;
use super::{bad, Builder, Cells, Extracted, Format, Limits};
use crate::error::Error;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

/// The events of an XML part, with its depth checked against the limit.
struct Events<'a> {
    reader: Reader<&'a [u8]>,
    buf: Vec<u8>,
    depth: usize,
    limit: usize,
    format: Format,
    part: &'a str,
}

/// An event of a part, owned.
enum Ev {
    Start(BytesStart<'static>),
    End(Vec<u8>),
    Text(String),
    Eof,
}

impl<'a> Events<'a> {
    fn new(xml: &'a [u8], limits: &Limits, format: Format, part: &'a str) -> Events<'a> {
        let mut reader = Reader::from_reader(xml);
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = true;
        config.check_end_names = false;
        Events {
            reader,
            buf: Vec::new(),
            depth: 0,
            limit: limits.depth,
            format,
            part,
        }
    }

    fn next(&mut self) -> Result<Ev, Error> {
        loop {
            self.buf.clear();
            let ev = self.reader.read_event_into(&mut self.buf).map_err(|e| {
                bad(
                    self.format,
                    format!(
                        "{}: not well-formed XML ({e}); damaged or cut short?",
                        self.part
                    ),
                )
            })?;
            return Ok(match ev {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > self.limit {
                        return Err(bad(
                            self.format,
                            format!(
                                "{}: elements nested deeper than {}, the limit",
                                self.part, self.limit
                            ),
                        ));
                    }
                    Ev::Start(e.into_owned())
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    Ev::End(e.name().as_ref().to_vec())
                }
                Event::Text(t) => {
                    let raw = String::from_utf8_lossy(&t);
                    Ev::Text(match quick_xml::escape::unescape(&raw) {
                        Ok(s) => s.into_owned(),
                        // An entity XML does not define (a DTD's, never expanded): kept as
                        // written.
                        Err(_) => raw.into_owned(),
                    })
                }
                Event::CData(t) => Ev::Text(String::from_utf8_lossy(&t).into_owned()),
                Event::Eof => Ev::Eof,
                _ => continue,
            });
        }
    }

    /// Passes over the rest of the element just started.
    fn skip(&mut self) -> Result<(), Error> {
        let mut depth = 1;
        while depth > 0 {
            match self.next()? {
                Ev::Start(_) => depth += 1,
                Ev::End(_) => depth -= 1,
                Ev::Eof => break,
                Ev::Text(_) => {}
            }
        }
        Ok(())
    }
}

/// The value of the attribute `name` of `e`.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        let raw = std::str::from_utf8(&a.value).ok()?;
        Some(quick_xml::escape::unescape(raw).map_or_else(|_| raw.to_owned(), |v| v.into_owned()))
    })
}

// ---- .docx ----------------------------------------------------------------------------------

/// The fonts of a Word file's styles: the default, and each style's font and parent.
#[derive(Default)]
struct WordStyles {
    default: Option<String>,
    styles: HashMap<String, (Option<String>, Option<String>)>,
}

impl WordStyles {
    fn read(xml: &[u8], limits: &Limits) -> Result<WordStyles, Error> {
        let mut s = WordStyles::default();
        let mut ev = Events::new(xml, limits, Format::Docx, "word/styles.xml");
        let (mut in_default, mut current): (bool, Option<String>) = (false, None);
        loop {
            match ev.next()? {
                Ev::Start(e) => match e.name().as_ref() {
                    b"w:rPrDefault" => in_default = true,
                    b"w:style" => {
                        current = attr(&e, "w:styleId");
                        if let Some(id) = &current {
                            s.styles.insert(id.clone(), (None, None));
                        }
                    }
                    b"w:basedOn" => {
                        if let (Some(id), Some(v)) = (&current, attr(&e, "w:val")) {
                            if let Some(st) = s.styles.get_mut(id) {
                                st.1 = Some(v);
                            }
                        }
                    }
                    b"w:rFonts" => {
                        let font = run_font(&e);
                        if in_default {
                            s.default = font.or(s.default.take());
                        } else if let Some(id) = &current {
                            if let Some(st) = s.styles.get_mut(id) {
                                st.0 = font.or(st.0.take());
                            }
                        }
                    }
                    _ => {}
                },
                Ev::End(n) => match n.as_slice() {
                    b"w:rPrDefault" => in_default = false,
                    b"w:style" => current = None,
                    _ => {}
                },
                Ev::Text(_) => {}
                Ev::Eof => break,
            }
        }
        Ok(s)
    }

    /// The font of style `id`, through its parents.
    fn font(&self, id: &str) -> Option<&str> {
        let mut id = id;
        for _ in 0..32 {
            let (font, parent) = self.styles.get(id)?;
            if let Some(f) = font {
                return Some(f);
            }
            id = parent.as_deref()?;
        }
        None
    }
}

/// The font a `w:rFonts` names for the letters beyond ASCII (`w:hAnsi`), else for ASCII.
fn run_font(e: &BytesStart) -> Option<String> {
    attr(e, "w:hAnsi").or_else(|| attr(e, "w:ascii"))
}

/// Reads a .docx file.
pub(crate) fn read_docx(bytes: &[u8], limits: &Limits) -> Result<Extracted, Error> {
    let mut zip = Zip::open(bytes, limits, Format::Docx)?;
    let Some(body) = zip.read("word/document.xml")? else {
        return Err(bad(
            Format::Docx,
            "a zip archive with no word/document.xml: not a Word document (an Excel or \
             PowerPoint file, or another archive?)",
        ));
    };
    let styles = match zip.read("word/styles.xml")? {
        Some(x) => WordStyles::read(&x, limits)?,
        None => WordStyles::default(),
    };
    let mut b = Builder::default();
    word_part(&body, "word/document.xml", &styles, limits, &mut b)?;
    // Then the headers, footers, footnotes and endnotes, each kind in the order of its files.
    let names = zip.names();
    let mut extra: Vec<&String> = names
        .iter()
        .filter(|n| {
            let n = n.as_str();
            (n.starts_with("word/header") || n.starts_with("word/footer")) && n.ends_with(".xml")
        })
        .collect();
    extra.sort_by_key(|n| (!n.starts_with("word/header"), n.len(), n.as_str()));
    let notes = ["word/footnotes.xml", "word/endnotes.xml"];
    for name in extra
        .into_iter()
        .map(String::as_str)
        .chain(notes.iter().copied())
    {
        if let Some(xml) = zip.read(name)? {
            b.push_layout('\n');
            word_part(&xml, name, &styles, limits, &mut b)?;
        }
    }
    b.finish()
}

/// Appends the text of one part of a Word file.
fn word_part(
    xml: &[u8],
    part: &str,
    styles: &WordStyles,
    limits: &Limits,
    b: &mut Builder,
) -> Result<(), Error> {
    let mut ev = Events::new(xml, limits, Format::Docx, part);
    // The paragraph's style, the run's style and font, the run's text so far, and whether the
    // reader is inside a w:t.
    let (mut p_style, mut r_style, mut r_font): (Option<String>, Option<String>, Option<String>) =
        (None, None, None);
    let mut run = String::new();
    let mut in_text = false;
    let mut cells = Cells::default();
    // For each open paragraph: does it hold a paragraph of its own (a text box's)?
    let mut paras: Vec<bool> = Vec::new();
    let font = |p: &Option<String>, rs: &Option<String>, rf: &Option<String>| -> Option<String> {
        rf.clone()
            .or_else(|| {
                rs.as_deref()
                    .and_then(|s| styles.font(s))
                    .map(str::to_owned)
            })
            .or_else(|| p.as_deref().and_then(|s| styles.font(s)).map(str::to_owned))
            .or_else(|| styles.default.clone())
    };
    macro_rules! flush {
        () => {
            if !run.is_empty() {
                let f = font(&p_style, &r_style, &r_font);
                b.push_run(&run, f.as_deref());
                run.clear();
            }
        };
    }
    loop {
        match ev.next()? {
            Ev::Start(e) => match e.name().as_ref() {
                b"w:p" => {
                    p_style = None;
                    if let Some(outer) = paras.last_mut() {
                        *outer = true;
                    }
                    paras.push(false);
                }
                b"w:pStyle" => p_style = attr(&e, "w:val"),
                b"w:r" => {
                    (r_style, r_font) = (None, None);
                    run.clear();
                }
                b"w:rStyle" => r_style = attr(&e, "w:val"),
                b"w:rFonts" => r_font = run_font(&e).or(r_font.take()),
                b"w:t" => in_text = true,
                b"w:tab" if !in_text => {
                    flush!();
                    b.push_layout('\t');
                }
                b"w:br" | b"w:cr" => {
                    flush!();
                    b.push_layout('\n');
                }
                b"w:noBreakHyphen" => run.push('-'),
                // A soft hyphen: nothing in Unicode text (normalising drops it), but in a
                // legacy font the byte AD, a letter ("ư" in TCVN3).
                b"w:softHyphen" => run.push('\u{ad}'),
                // The fallback of an alternate content repeats its choice (a text box twice);
                // deleted text, text moved away (it stands again where it was moved to), field
                // codes and the separators of notes are no text.
                b"mc:Fallback" | b"w:delText" | b"w:instrText" | b"w:moveFrom" => ev.skip()?,
                b"w:footnote" | b"w:endnote"
                    if attr(&e, "w:type").is_some_and(|t| {
                        matches!(
                            t.as_str(),
                            "separator" | "continuationSeparator" | "continuationNotice"
                        )
                    }) =>
                {
                    ev.skip()?
                }
                b"w:tr" => cells.row_start(),
                b"w:tc" => cells.cell_start(b),
                _ => {}
            },
            Ev::End(n) => match n.as_slice() {
                b"w:t" => in_text = false,
                b"w:r" => {
                    flush!();
                    (r_style, r_font) = (None, None);
                }
                b"w:p" => {
                    flush!();
                    let held = paras.pop().unwrap_or(false);
                    // Inside a table cell the paragraphs of the cell share its line; a
                    // paragraph around a text box ends with the box's last line.
                    if !(held && b.text().ends_with('\n')) {
                        b.push_layout(cells.line_end());
                    }
                }
                b"w:tc" => cells.cell_end(b),
                b"w:tr" => cells.row_end(b),
                _ => {}
            },
            Ev::Text(t) => {
                if in_text {
                    run.push_str(&t);
                }
            }
            Ev::Eof => break,
        }
    }
    flush!();
    Ok(())
}

// ---- .odt -----------------------------------------------------------------------------------

/// The fonts of an ODT file's styles: each style's font (through the font declarations) and
/// parent, and the default.
#[derive(Default)]
struct OdtStyles {
    faces: HashMap<String, String>,
    styles: HashMap<String, (Option<String>, Option<String>)>,
    default: Option<String>,
}

impl OdtStyles {
    /// Reads the font declarations and styles of `xml` (content.xml or styles.xml).
    fn add(&mut self, xml: &[u8], part: &str, limits: &Limits) -> Result<(), Error> {
        let mut ev = Events::new(xml, limits, Format::Odt, part);
        let mut current: Option<String> = None;
        let mut in_default = false;
        loop {
            match ev.next()? {
                Ev::Start(e) => match e.name().as_ref() {
                    b"style:font-face" => {
                        if let (Some(n), Some(f)) =
                            (attr(&e, "style:name"), attr(&e, "svg:font-family"))
                        {
                            self.faces.insert(n, f.trim_matches(['\'', '"']).to_owned());
                        }
                    }
                    b"style:style" => {
                        current = attr(&e, "style:name");
                        if let Some(n) = &current {
                            let parent = attr(&e, "style:parent-style-name");
                            self.styles.insert(n.clone(), (None, parent));
                        }
                    }
                    b"style:default-style" => in_default = true,
                    b"style:text-properties" => {
                        let font = attr(&e, "style:font-name").or_else(|| {
                            attr(&e, "fo:font-family")
                                .map(|f| f.trim_matches(['\'', '"']).to_owned())
                        });
                        if let Some(f) = font {
                            if let Some(n) = &current {
                                if let Some(st) = self.styles.get_mut(n) {
                                    st.0 = Some(f);
                                }
                            } else if in_default {
                                self.default = Some(f);
                            }
                        }
                    }
                    // The text of content.xml is read apart.
                    b"office:body" => ev.skip()?,
                    _ => {}
                },
                Ev::End(n) => match n.as_slice() {
                    b"style:style" => current = None,
                    b"style:default-style" => in_default = false,
                    _ => {}
                },
                Ev::Text(_) => {}
                Ev::Eof => break,
            }
        }
        Ok(())
    }

    /// The font family of style `name`, through its parents and the font declarations.
    fn font(&self, name: &str) -> Option<String> {
        let mut name = name;
        for _ in 0..32 {
            let Some((font, parent)) = self.styles.get(name) else {
                break;
            };
            if let Some(f) = font {
                return Some(self.faces.get(f).cloned().unwrap_or_else(|| f.clone()));
            }
            match parent {
                Some(p) => name = p,
                None => break,
            }
        }
        self.default
            .as_ref()
            .map(|f| self.faces.get(f).cloned().unwrap_or_else(|| f.clone()))
    }
}

/// Reads an .odt file.
pub(crate) fn read_odt(bytes: &[u8], limits: &Limits) -> Result<Extracted, Error> {
    let mut zip = Zip::open(bytes, limits, Format::Odt)?;
    let Some(content) = zip.read("content.xml")? else {
        return Err(bad(
            Format::Odt,
            "a zip archive with no content.xml: not an OpenDocument text",
        ));
    };
    let mut styles = OdtStyles::default();
    if let Some(x) = zip.read("styles.xml")? {
        styles.add(&x, "styles.xml", limits)?;
    }
    styles.add(&content, "content.xml", limits)?;
    let mut body = Builder::default();
    let mut notes = Builder::default();
    let mut ev = Events::new(&content, limits, Format::Odt, "content.xml");
    // Open spans' styles (the innermost decides), open paragraphs' styles, note depth, cells.
    let mut spans: Vec<Option<String>> = Vec::new();
    let mut paras: Vec<Option<String>> = Vec::new();
    let (mut in_body, mut note) = (false, 0usize);
    let mut cells = Cells::default();
    loop {
        let b = if note > 0 { &mut notes } else { &mut body };
        match ev.next()? {
            Ev::Start(e) => match e.name().as_ref() {
                b"office:text" => in_body = true,
                b"text:p" | b"text:h" => paras.push(attr(&e, "text:style-name")),
                b"text:span" => spans.push(attr(&e, "text:style-name")),
                b"text:s" => {
                    let n = attr(&e, "text:c")
                        .and_then(|c| c.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(1000);
                    b.push_layout_str(&" ".repeat(n));
                }
                b"text:tab" => b.push_layout('\t'),
                b"text:line-break" => b.push_layout('\n'),
                b"text:note" => note += 1,
                b"text:note-citation"
                | b"text:tracked-changes"
                | b"office:annotation"
                | b"svg:title"
                | b"svg:desc" => ev.skip()?,
                b"table:table-row" => cells.row_start(),
                b"table:table-cell" | b"table:covered-table-cell" => cells.cell_start(b),
                _ => {}
            },
            Ev::End(n) => match n.as_slice() {
                b"office:text" => in_body = false,
                b"text:p" | b"text:h" => {
                    paras.pop();
                    b.push_layout(cells.line_end());
                }
                b"text:span" => {
                    spans.pop();
                }
                b"text:note" => {
                    note = note.saturating_sub(1);
                    notes.push_layout('\n');
                }
                b"table:table-cell" | b"table:covered-table-cell" => cells.cell_end(b),
                b"table:table-row" => cells.row_end(b),
                _ => {}
            },
            Ev::Text(t) => {
                if in_body && !paras.is_empty() {
                    // ODF collapses white space in text to one space.
                    let t = collapse(&t);
                    let style = spans
                        .iter()
                        .rev()
                        .flatten()
                        .find(|s| styles.styles.get(*s).is_some_and(|st| st.0.is_some()))
                        .or_else(|| paras.last().and_then(|p| p.as_ref()));
                    let font = style.and_then(|s| styles.font(s)).or_else(|| {
                        styles
                            .default
                            .as_ref()
                            .map(|f| styles.faces.get(f).cloned().unwrap_or_else(|| f.clone()))
                    });
                    b.push_run(&t, font.as_deref());
                }
            }
            Ev::Eof => break,
        }
    }
    if !notes.text().trim().is_empty() {
        body.push_layout('\n');
        body.append(notes);
    }
    body.finish()
}

/// Runs of white space as one space.
fn collapse(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}
