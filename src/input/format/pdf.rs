//! PDF: the text layer, page by page, through `pdf-extract` (which reads the fonts' encodings
//! and ToUnicode maps over `lopdf`).
//!
//! Pages are read in order and joined by a line break and a form feed (U+000C, the page break
//! of plain text, as pdftotext writes it; reading takes it for a space); a page's lines are kept
//! as the PDF lays them out (reading joins hard-wrapped lines as it joins them in text files). Hyphens at
//! line ends are kept: Vietnamese words are not hyphenated, so a hyphen there is text. A PDF
//! whose pages hold no text is an error that says to run OCR; an encrypted one is decrypted
//! with the empty password when it has one (a PDF that may be opened but not copied), else is
//! an error. A panic of the parser on a malformed file is caught and becomes an error.

use super::{bad, Builder, Extracted, Format};
use crate::error::Error;

/// Reads a PDF file.
pub(crate) fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    let f = Format::Pdf;
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|_| bad(f, "its objects cannot be read (a malformed file); damaged?"))?
        .map_err(|e| {
            let why = e.to_string();
            if why.to_ascii_lowercase().contains("decrypt") || why.contains("ncrypt") {
                bad(
                    f,
                    "encrypted (a password is needed); save it without a password first",
                )
            } else {
                bad(f, format!("cannot be read ({why}); damaged or cut short?"))
            }
        })?;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(bad(
            f,
            if pages.is_empty() {
                "no pages".to_owned()
            } else {
                format!(
                    "no text layer (a scanned page?): run OCR first, e.g. ocrmypdf in.pdf \
                     out.pdf ({} page{} without text)",
                    pages.len(),
                    if pages.len() == 1 { "" } else { "s" }
                )
            },
        ));
    }
    // Pages tidied one by one and joined by a line break and a form feed (a page break, which
    // every decoding keeps as it is): where each page starts is found in the decoded text by
    // its form feed, whatever the decoding did to the chars before it.
    let mut b = Builder::default();
    let mut nonempty = Vec::with_capacity(pages.len());
    for p in &pages {
        let page = super::tidy(&p.replace('\u{c}', "\n"));
        nonempty.push(!page.is_empty());
        if !page.is_empty() && !b.text().is_empty() {
            b.push_layout('\n');
            b.push_layout('\u{c}');
        }
        b.push_str(&page);
    }
    let mut out = b.finish()?;
    let total = out.text.chars().count();
    // A page with text starts after its form feed (the first, at 0); a page without starts
    // where the text before it ends: at the line break before the next form feed, or at the end.
    let ffs: Vec<usize> = out
        .text
        .chars()
        .enumerate()
        .filter(|&(_, c)| c == '\u{c}')
        .map(|(i, _)| i + 1)
        .collect();
    let (mut k, mut seen) = (0, false);
    out.pages = nonempty
        .iter()
        .map(|&has| match (has, seen) {
            (_, false) => {
                seen = has;
                0
            }
            (true, true) => {
                k += 1;
                ffs.get(k - 1).copied().unwrap_or(total)
            }
            (false, true) => ffs.get(k).map_or(total, |&a| a - 2),
        })
        .collect();
    Ok(out)
}
