//! HTML pages: parsed by html5ever (through scraper), their main text kept.
//!
//! The charset comes from the BOM, else `<meta charset>` or `http-equiv="Content-Type"` in the
//! page's first 4 KiB, else the detection of part 1 (which also finds a page in TCVN3 or VNI
//! whose charset says Windows-1252). Scripts, styles, comments, forms and the page's `<head>`
//! are never text. Block elements and `<br>` break lines, a table's cells are separated by
//! tabs and its rows by lines (a table of layout, whose cells hold blocks, is read as blocks), entities are decoded by the parser, and white space collapses
//! as a browser collapses it (but in `<pre>`).
//!
//! The main text (the default; `--html-all` keeps the whole page): navigation, menus, headers,
//! footers, sidebars, tickers and forms are left out (by element, by ARIA role, and by the
//! words of their class or id); then the element that holds most of the page's paragraph text
//! is chosen, each paragraph of 25 chars or more (a `<p>`, `<td>`, `<li>`, or a block with text
//! of its own, as an article of text and `<br>` in a `<div>`) scoring its length (less the text
//! of its links) for its parent and half that for its grandparent, a class or id that says content
//! ("content", "article", "detail", "noidung", …) adding to a score and one that says
//! boilerplate taking from it. When no element scores (a page of short lines), the page's text
//! without its boilerplate is kept.

use super::{Builder, Cells, Extracted};
use crate::error::Error;
use crate::model::EncodingInfo;
use ego_tree::NodeRef;
use scraper::{Html, Node};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Elements that are never text.
const NEVER: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg",
    "canvas", "select", "option", "button", "input", "textarea",
];

/// Elements that are boilerplate, left out of the main text.
const BOILERPLATE: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "menu", "marquee",
];

/// ARIA roles that are boilerplate.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
];

/// The words of a class or id that mark boilerplate, and those that mark the content
/// (`data/html_classes.txt`).
struct ClassWords {
    boilerplate: Vec<String>,
    content: Vec<String>,
}

static CLASS_WORDS: LazyLock<ClassWords> =
    LazyLock::new(|| class_words().unwrap_or_else(|e| panic!("{e}")));

fn class_words() -> Result<ClassWords, Error> {
    let f = crate::lexicon::file("html_classes.txt");
    let mut w = ClassWords {
        boilerplate: Vec::new(),
        content: Vec::new(),
    };
    for l in crate::lexicon::parse::lines(f.name, f.text, 2, 2)? {
        let word = l.col(0).to_ascii_lowercase();
        match l.choice(1, &["boilerplate", "content"], None)? {
            "boilerplate" => w.boilerplate.push(word),
            _ => w.content.push(word),
        }
    }
    Ok(w)
}

/// Is one of `words` a content word?
fn says_content(words: &[String]) -> bool {
    words.iter().any(|w| CLASS_WORDS.content.contains(w))
}

/// Block elements: a line break before and after.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "hr",
    "center",
    "caption",
    "header",
    "footer",
    "nav",
    "aside",
];

/// Reads an HTML page.
pub(crate) fn read(bytes: &[u8], whole: bool) -> Result<Extracted, Error> {
    let (text, charset) = decode(bytes)?;
    let page = Html::parse_document(&text);
    let root = page.tree.root();
    let chosen = if whole { None } else { main(root) };
    let mut b = Builder::default();
    let mut w = Writer {
        b: &mut b,
        whole,
        pre: 0,
        cells: Cells::default(),
        tables: Vec::new(),
    };
    match chosen {
        Some(id) => match page.tree.get(id) {
            Some(n) => w.node(n, 0),
            None => w.node(root, 0),
        },
        None => w.node(root, 0),
    }
    let mut out = b.finish()?;
    // Text the detection left as it was is what the page's charset made it.
    if out.encoding.name == "utf-8" && out.encoding.repairs.is_empty() {
        if let Some(c) = charset {
            out.encoding = c;
        }
    }
    Ok(out)
}

/// The page's text, decoded by its BOM or declared charset, else by detection; and how, when
/// the charset decided.
fn decode(bytes: &[u8]) -> Result<(String, Option<EncodingInfo>), Error> {
    let named = |n: &str| crate::input::encoding::info(n, 1.0, vec![]);
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (s, _) = enc.decode_with_bom_removal(bytes);
        return Ok((
            s.into_owned(),
            Some(named(&enc.name().to_ascii_lowercase())),
        ));
    }
    if let Some(enc) = declared_charset(bytes) {
        if enc == encoding_rs::UTF_8 {
            if let Ok(s) = std::str::from_utf8(bytes) {
                return Ok((s.to_owned(), None));
            }
        } else {
            let (s, _, _) = enc.decode(bytes);
            let name = match enc.name() {
                "windows-1258" => Some(named("cp1258")),
                _ => None,
            };
            return Ok((s.into_owned(), name));
        }
    }
    let d = crate::input::encoding::decode_bytes(bytes, None)?;
    let how = (d.encoding.name != "utf-8").then_some(d.encoding);
    Ok((d.text, how))
}

/// The charset a page declares in its first 4 KiB (`<meta charset=…>` or `content="…;
/// charset=…"`).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&head[from..], b"<meta") {
        let start = from + at;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset=") {
            let v: Vec<u8> = tag[c + 8..]
                .iter()
                .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
                .take_while(|&&b| !matches!(b, b'"' | b'\'' | b' ' | b';' | b'/' | b'>'))
                .copied()
                .collect();
            if let Some(e) = encoding_rs::Encoding::for_label(&v) {
                // A page that says UTF-16 in ASCII bytes is not UTF-16.
                return Some(
                    if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                        encoding_rs::UTF_8
                    } else {
                        e
                    },
                );
            }
        }
        from = end.max(start + 1);
        if from >= head.len() {
            break;
        }
    }
    None
}

/// Is a table one of layout: a cell of it holds a block (a paragraph, a division, a list, a
/// heading, another table)? Its cells and rows are then read as blocks, not as tabs and lines.
fn is_layout(table: NodeRef<Node>) -> bool {
    let block = |t: &str| {
        matches!(
            t,
            "div" | "p" | "table" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        )
    };
    table.descendants().any(|d| {
        matches!(name(&d), Some("td" | "th"))
            && d.descendants().skip(1).any(|x| name(&x).is_some_and(block))
    })
}

/// The name of an element node.
fn name<'a>(n: &NodeRef<'a, Node>) -> Option<&'a str> {
    match n.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

/// The words of an element's class and id, in lower case.
fn words_of(n: &NodeRef<Node>) -> Vec<String> {
    let Node::Element(e) = n.value() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for v in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        for w in v.split(|c: char| !c.is_ascii_alphanumeric()) {
            if !w.is_empty() {
                out.push(w.to_ascii_lowercase());
            }
        }
    }
    out
}

/// Is the element boilerplate (left out of the main text)?
fn is_boilerplate(n: &NodeRef<Node>) -> bool {
    let Node::Element(e) = n.value() else {
        return false;
    };
    if BOILERPLATE.contains(&e.name()) {
        return true;
    }
    if e.attr("role")
        .is_some_and(|r| BOILERPLATE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let words = words_of(n);
    words.iter().any(|w| CLASS_WORDS.boilerplate.contains(w)) && !says_content(&words)
}

/// Is the node never text?
fn is_never(n: &NodeRef<Node>) -> bool {
    match n.value() {
        Node::Element(e) => NEVER.contains(&e.name()),
        Node::Comment(_) | Node::Doctype(_) | Node::ProcessingInstruction(_) => true,
        _ => false,
    }
}

/// The text length of every element under `n` and the part of it inside links, measured in
/// one pass (boilerplate and never-text count nothing).
fn measure(
    n: NodeRef<Node>,
    depth: usize,
    out: &mut HashMap<ego_tree::NodeId, (usize, usize)>,
) -> (usize, usize) {
    if depth > 256 || is_never(&n) || is_boilerplate(&n) {
        return (0, 0);
    }
    match n.value() {
        Node::Text(t) => (t.trim().chars().count(), 0),
        _ => {
            let (len, links) = n.children().fold((0, 0), |(a, b), c| {
                let (x, y) = measure(c, depth + 1, out);
                (a + x, b + y)
            });
            // All the text of a link is link text.
            let r = if name(&n) == Some("a") {
                (len, len)
            } else {
                (len, links)
            };
            out.insert(n.id(), r);
            r
        }
    }
}

/// The element holding the page's main text, by the scores the module describes.
fn main(root: NodeRef<Node>) -> Option<ego_tree::NodeId> {
    let mut lengths = HashMap::new();
    measure(root, 0, &mut lengths);
    let length = |n: &NodeRef<Node>| lengths.get(&n.id()).copied().unwrap_or((0, 0));
    let mut scores: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    let mut stack = vec![(root, 0usize)];
    while let Some((n, depth)) = stack.pop() {
        if depth > 256 || is_never(&n) || is_boilerplate(&n) {
            continue;
        }
        // A paragraph: its element, or a block holding text of its own (an article written
        // as text and <br> in a <div>, as many portals write it).
        let own_text = || {
            n.children()
                .any(|c| matches!(c.value(), Node::Text(t) if t.trim().chars().count() >= 25))
        };
        // A table cell or list item is a paragraph when it holds no block of its own (a cell
        // of a layout table, which holds the article's blocks, is not).
        let inline = || {
            !n.children()
                .any(|c| name(&c).is_some_and(|t| BLOCKS.contains(&t)))
        };
        let paragraph = matches!(name(&n), Some("p" | "pre" | "blockquote"))
            || (matches!(name(&n), Some("td" | "li")) && inline())
            || (matches!(
                name(&n),
                Some("div" | "section" | "article" | "font" | "span")
            ) && own_text());
        if paragraph {
            let (len, links) = length(&n);
            let own = len.saturating_sub(links);
            if own >= 25 {
                let s = own as f64;
                if let Some(p) = n.parent() {
                    *scores.entry(p.id()).or_default() += s;
                    if let Some(g) = p.parent() {
                        *scores.entry(g.id()).or_default() += s / 2.0;
                    }
                }
            }
        }
        for c in n.children() {
            if matches!(c.value(), Node::Element(_)) {
                stack.push((c, depth + 1));
            }
        }
    }
    // The candidates in the page's order, so that a tie goes to the first (outermost), the same
    // on every run.
    let mut best: Option<(ego_tree::NodeId, f64)> = None;
    for n in root.descendants() {
        let Some(&s) = scores.get(&n.id()) else {
            continue;
        };
        let id = n.id();
        let words = words_of(&n);
        let mut s = s;
        if says_content(&words) {
            s += 25.0;
        }
        let (len, links) = length(&n);
        if len > 0 {
            s *= 1.0 - links as f64 / len as f64;
        }
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((id, s));
        }
    }
    best.filter(|&(_, s)| s >= 25.0).map(|(id, _)| id)
}

/// Writes the text of nodes.
struct Writer<'b> {
    b: &'b mut Builder,
    whole: bool,
    /// Depth of `<pre>` elements.
    pre: usize,
    /// Where the writer stands in tables of data.
    cells: Cells,
    /// For each open table: is it a table of data (cells as tabs), not of layout?
    tables: Vec<bool>,
}

impl Writer<'_> {
    fn node(&mut self, n: NodeRef<Node>, depth: usize) {
        if depth > 256 || is_never(&n) || (!self.whole && is_boilerplate(&n)) {
            return;
        }
        match n.value() {
            Node::Text(t) => self.text(t),
            Node::Element(e) => {
                let tag = e.name();
                let data = self.tables.last().copied().unwrap_or(false);
                match tag {
                    "br" => return self.b.push_layout('\n'),
                    "table" => self.tables.push(!is_layout(n)),
                    "tr" if data => self.cells.row_start(),
                    "td" | "th" if data => self.cells.cell_start(self.b),
                    "pre" => self.pre += 1,
                    _ => {}
                }
                let block = BLOCKS.contains(&tag);
                if block {
                    self.line();
                }
                for c in n.children() {
                    self.node(c, depth + 1);
                }
                match tag {
                    "table" => {
                        self.tables.pop();
                    }
                    "td" | "th" if data => self.cells.cell_end(self.b),
                    "tr" if data => self.cells.row_end(self.b),
                    "pre" => self.pre -= 1,
                    _ => {}
                }
                if block {
                    self.line();
                }
            }
            _ => {
                for c in n.children() {
                    self.node(c, depth + 1);
                }
            }
        }
    }

    /// Ends the current line, unless it is empty (or inside a table cell).
    fn line(&mut self) {
        if self.cells.in_cell() {
            self.space();
            return;
        }
        if !self.b.text().is_empty() && !self.b.text().ends_with('\n') {
            self.b.trim_end_spaces();
            self.b.push_layout('\n');
        }
    }

    fn space(&mut self) {
        let t = self.b.text();
        if !t.is_empty() && !t.ends_with([' ', '\n', '\t']) {
            self.b.push_layout(' ');
        }
    }

    /// A text node: white space collapsed (but in `<pre>`).
    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            self.b.push_str(t);
            return;
        }
        let mut first = true;
        let starts_space = t.starts_with(|c: char| c.is_ascii_whitespace());
        for word in t.split_ascii_whitespace() {
            if !first || starts_space {
                self.space();
            }
            self.b.push_str(word);
            first = false;
        }
        if !first && t.ends_with(|c: char| c.is_ascii_whitespace()) {
            self.space();
        }
        if first && starts_space {
            self.space();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_class_words_parse_strictly() {
        let w = class_words().unwrap_or_else(|e| panic!("{e}"));
        assert!(w.boilerplate.iter().any(|x| x == "menu"));
        assert!(w.content.iter().any(|x| x == "noidung"));
    }
}
