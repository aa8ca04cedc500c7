//! An Excel workbook, through rust_xlsxwriter: sheet `facts` (the CSV columns, numbers as
//! numbers, days as dates, a frozen header and an autofilter) and sheet `documents` (one row
//! per input, errors included). The workbook is built whole and written when finished.

use super::cells::{
    date, error_row, indicator_error_row, indicator_row, row, Cell, COLUMNS, INDICATOR_COLUMNS,
};
use super::{output_error, Record, Rows, Sheets, Writer, WriterOptions};
use crate::error::Error;
use std::io::Write;

const DOCUMENT_COLUMNS: &[&str] = &[
    "source",
    "title",
    "date",
    "reference_year",
    "number",
    "agency",
    "place",
    "district",
    "province",
    "code",
    "facts",
    "error",
];

/// The rows of a workbook, gathered until it is written.
pub(crate) struct Xlsx<W: Write> {
    out: W,
    facts: Vec<Vec<Cell>>,
    documents: Vec<Vec<Cell>>,
    options: WriterOptions,
}

/// The most chars Excel allows in a sheet's name.
const SHEET_NAME_CHARS: usize = 31;

/// A sheet name Excel accepts for `name`, unique among `taken`: none of `[]:*?/\`, at most 31
/// chars, a number added when the cut name is taken.
fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_owned();
    let clean = if clean.is_empty() {
        "sheet".to_owned()
    } else {
        clean
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let keep = SHEET_NAME_CHARS - suffix.chars().count();
        let cand: String = clean.chars().take(keep).collect::<String>() + &suffix;
        let lower = cand.to_lowercase();
        if !taken.iter().any(|t| t.to_lowercase() == lower) {
            taken.push(cand.clone());
            return cand;
        }
        n += 1;
    }
}

impl<W: Write> Xlsx<W> {
    pub fn new(out: W, options: WriterOptions) -> Self {
        Xlsx {
            out,
            facts: Vec::new(),
            documents: Vec::new(),
            options,
        }
    }

    fn book(&self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
        let mut book = Workbook::new();
        let bold = XFormat::new().set_bold();
        let day = XFormat::new().set_num_format("yyyy-mm-dd");
        let indicators = self.options.rows == Rows::Indicators;
        let (first, header) = match indicators {
            true => ("indicators", INDICATOR_COLUMNS),
            false => ("facts", COLUMNS),
        };
        let mut taken = vec!["documents".to_owned()];
        // A sheet: its name, its header and its rows.
        type Sheet<'s> = (String, &'s [&'s str], Vec<&'s Vec<Cell>>);
        let mut groups: Vec<Sheet> = Vec::new();
        if indicators && self.options.sheets == Sheets::PerOrganization {
            // One sheet per organisation, in the order they first come; figures with none last.
            let mut index: std::collections::HashMap<String, usize> = Default::default();
            for r in &self.facts {
                let org = match &r[1] {
                    Cell::Text(t) => t.clone(),
                    _ => String::new(),
                };
                let i = *index.entry(org.clone()).or_insert_with(|| {
                    groups.push((org, header, Vec::new()));
                    groups.len() - 1
                });
                groups[i].2.push(r);
            }
            groups.sort_by_key(|(org, _, _)| org.is_empty());
            for (org, _, _) in &mut groups {
                let name = match org.is_empty() {
                    true => "no organization".to_owned(),
                    false => org.clone(),
                };
                *org = sheet_name(&name, &mut taken);
            }
        } else {
            groups.push((first.to_owned(), header, self.facts.iter().collect()));
        }
        let docs: Vec<&Vec<Cell>> = self.documents.iter().collect();
        groups.push(("documents".to_owned(), DOCUMENT_COLUMNS, docs));
        for (name, header, rows) in &groups {
            let ws = book.add_worksheet();
            ws.set_name(name)?;
            for (c, h) in header.iter().enumerate() {
                ws.write_string_with_format(0, c as u16, *h, &bold)?;
            }
            for (r, cells) in rows.iter().enumerate() {
                let r = r as u32 + 1;
                for (c, cell) in cells.iter().enumerate() {
                    let c = c as u16;
                    match cell {
                        Cell::Empty => {}
                        // Excel's numbers are floats: a value a float cannot hold exactly is
                        // written as its digits, as text, never rounded.
                        Cell::Int(i) if i.unsigned_abs() <= 1 << 53 => {
                            ws.write_number(r, c, *i as f64)?;
                        }
                        Cell::Int(i) => {
                            ws.write_string(r, c, i.to_string())?;
                        }
                        Cell::Number(n) => {
                            ws.write_number(r, c, *n)?;
                        }
                        Cell::Decimal(d) => match d.exact_f64() {
                            Some(f) => {
                                ws.write_number(r, c, f)?;
                            }
                            None => {
                                ws.write_string(r, c, d.to_string())?;
                            }
                        },
                        Cell::Bool(b) => {
                            ws.write_boolean(r, c, *b)?;
                        }
                        Cell::Day(s) => match ExcelDateTime::parse_from_str(s) {
                            Ok(d) => {
                                ws.write_datetime_with_format(r, c, &d, &day)?;
                            }
                            Err(_) => {
                                ws.write_string(r, c, s)?;
                            }
                        },
                        Cell::Text(s) => {
                            ws.write_string(r, c, s)?;
                        }
                    }
                }
            }
            ws.set_freeze_panes(1, 0)?;
            ws.autofilter(0, 0, rows.len() as u32, header.len() as u16 - 1)?;
        }
        book.save_to_buffer()
    }
}

impl<W: Write> Writer for Xlsx<W> {
    fn write(&mut self, r: &Record, _text: Option<&str>) -> Result<(), Error> {
        let indicators = self.options.rows == Rows::Indicators;
        match r {
            Record::Document(d) => {
                for f in &d.facts {
                    match indicators {
                        true => self.facts.extend(indicator_row(&d.source, f)),
                        false => self.facts.push(row(&d.source, f)),
                    }
                }
                // The letterhead's number and issuing body (the last of its lines), and the
                // report's own place.
                let text = |s: Option<&String>| s.cloned().map_or(Cell::Empty, Cell::Text);
                let (doc, lh) = (&d.document, d.document.letterhead.as_ref());
                let place = doc.place.as_ref();
                self.documents.push(vec![
                    Cell::Text(d.source.clone()),
                    text(doc.title.as_ref()),
                    date(&doc.date),
                    doc.reference_year
                        .map_or(Cell::Empty, |y| Cell::Int(y as i64)),
                    text(lh.and_then(|l| l.number.as_ref())),
                    text(lh.and_then(|l| l.agency.last())),
                    text(place.map(|p| format!("{} {}", p.level, p.name)).as_ref()),
                    text(place.and_then(|p| p.district.as_ref())),
                    text(place.and_then(|p| p.province.as_ref())),
                    text(place.and_then(|p| p.code.as_ref())),
                    Cell::Int(d.facts.len() as i64),
                    Cell::Empty,
                ]);
            }
            Record::Error { source, error } => {
                self.facts.push(match indicators {
                    true => indicator_error_row(source, error),
                    false => error_row(source, error),
                });
                let mut row = vec![Cell::Text(source.clone())];
                row.resize_with(DOCUMENT_COLUMNS.len() - 2, || Cell::Empty);
                row.extend([Cell::Int(0), Cell::Text(error.clone())]);
                self.documents.push(row);
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), Error> {
        let bytes = self.book().map_err(|e| {
            Error::new(
                crate::ErrorKind::Output,
                format!("cannot build the workbook: {e}"),
            )
        })?;
        self.out.write_all(&bytes).map_err(output_error)?;
        self.out.flush().map_err(output_error)
    }
}
