//! An Excel workbook, through rust_xlsxwriter: sheet `facts` (the CSV columns, numbers as
//! numbers, days as dates, a frozen header and an autofilter) and sheet `documents` (one row
//! per input, errors included). The workbook is built whole and written when finished.

use super::cells::{date, error_row, row, Cell, COLUMNS};
use super::{output_error, Record, Writer};
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
}

impl<W: Write> Xlsx<W> {
    pub fn new(out: W) -> Self {
        Xlsx {
            out,
            facts: Vec::new(),
            documents: Vec::new(),
        }
    }

    fn book(&self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
        let mut book = Workbook::new();
        let bold = XFormat::new().set_bold();
        let day = XFormat::new().set_num_format("yyyy-mm-dd");
        type Sheet<'s> = (&'s str, &'s [&'s str], &'s Vec<Vec<Cell>>);
        let sheets: [Sheet; 2] = [
            ("facts", COLUMNS, &self.facts),
            ("documents", DOCUMENT_COLUMNS, &self.documents),
        ];
        for (name, header, rows) in sheets {
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
        match r {
            Record::Document(d) => {
                for f in &d.facts {
                    self.facts.push(row(&d.source, f));
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
                self.facts.push(error_row(source, error));
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
