//! CSV and TSV, through the csv crate: one row a fact; an input that could not be read is one
//! row of kind `error`.

use super::cells::{
    error_row, indicator_error_row, indicator_row, row, Cell, COLUMNS, INDICATOR_COLUMNS,
};
use super::{output_error, Record, Writer};
use crate::error::Error;
use crate::model::{DocumentInfo, Fact};
use std::io::Write;

/// Writes one row a fact.
pub(crate) struct Delimited<W: Write> {
    out: csv::Writer<W>,
    /// The source of the document begun (streaming).
    source: String,
    /// Indicator rows (one a figure, with its context) instead of fact rows.
    indicators: bool,
}

impl<W: Write> Delimited<W> {
    pub fn new(mut out: W, delimiter: u8, bom: bool, indicators: bool) -> Result<Self, Error> {
        if bom {
            out.write_all(b"\xEF\xBB\xBF").map_err(output_error)?;
        }
        let mut out = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(out);
        let header = if indicators {
            INDICATOR_COLUMNS
        } else {
            COLUMNS
        };
        out.write_record(header.iter().copied())
            .map_err(output_error)?;
        Ok(Delimited {
            out,
            source: String::new(),
            indicators,
        })
    }

    /// Writes the row of a fact (none for a fact that is no figure, in indicator rows).
    fn fact_row(&mut self, source: &str, f: &Fact) -> Result<(), Error> {
        let cells = match self.indicators {
            true => match indicator_row(source, f) {
                Some(c) => c,
                None => return Ok(()),
            },
            false => row(source, f),
        };
        let cells: Vec<String> = cells.iter().map(Cell::text).collect();
        self.out.write_record(&cells).map_err(output_error)
    }
}

impl<W: Write> Writer for Delimited<W> {
    fn write(&mut self, r: &Record, _text: Option<&str>) -> Result<(), Error> {
        match r {
            Record::Document(d) => {
                for f in &d.facts {
                    self.fact_row(&d.source, f)?;
                }
            }
            Record::Error { source, error } => {
                let cells = match self.indicators {
                    true => indicator_error_row(source, error),
                    false => error_row(source, error),
                };
                let cells: Vec<String> = cells.iter().map(Cell::text).collect();
                self.out.write_record(&cells).map_err(output_error)?;
            }
        }
        Ok(())
    }

    fn streams(&self) -> bool {
        true
    }

    fn begin(&mut self, source: &str, _info: &DocumentInfo) -> Result<(), Error> {
        self.source = source.to_owned();
        Ok(())
    }

    fn fact(&mut self, f: &Fact) -> Result<(), Error> {
        let source = std::mem::take(&mut self.source);
        let wrote = self.fact_row(&source, f);
        self.source = source;
        wrote
    }

    fn end(&mut self, _warnings: &[String]) -> Result<(), Error> {
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), Error> {
        self.out.flush().map_err(output_error)
    }
}
