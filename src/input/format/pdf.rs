//! PDF: the text layer, page by page, through `pdf-extract` (which reads the fonts' encodings
//! and ToUnicode maps over `lopdf`).
//!
//! Pages are read in order and joined by a blank line; a page's lines are kept as the PDF
//! lays them out (reading joins hard-wrapped lines as it joins them in text files). Hyphens at
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
    // Each page tidied on its own, so that where it starts in the whole text is known.
    let mut b = Builder::default();
    let mut starts = Vec::with_capacity(pages.len());
    let mut chars = 0usize;
    for p in &pages {
        let page = super::tidy(p);
        if !page.is_empty() && chars > 0 {
            b.push_layout('\n');
            b.push_layout('\n');
            chars += 2;
        }
        starts.push(chars);
        chars += page.chars().count();
        b.push_str(&page);
    }
    let mut out = b.finish(starts)?;
    // The detection may have changed the text (a legacy font's bytes): its pages are then
    // found again by their lengths in the same proportion; most PDFs keep their text as it is.
    if out.text.chars().count() != chars {
        let total = out.text.chars().count().max(1);
        out.pages = out
            .pages
            .iter()
            .map(|&s| s * total / chars.max(1))
            .collect();
    }
    Ok(out)
}
