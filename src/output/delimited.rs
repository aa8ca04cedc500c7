//! CSV and TSV, through the csv crate: one row a fact; an input that could not be read is one
//! row of kind `error`.

use super::cells::{error_row, row, Cell, COLUMNS};
use super::{output_error, Record, Writer};
use crate::error::Error;
use crate::model::{DocumentInfo, Fact};
use std::io::Write;

/// Writes one row a fact.
pub(crate) struct Delimited<W: Write> {
    out: csv::Writer<W>,
    /// The source of the document begun (streaming).
    source: String,
}

impl<W: Write> Delimited<W> {
    pub fn new(mut out: W, delimiter: u8, bom: bool) -> Result<Self, Error> {
        if bom {
            out.write_all(b"\xEF\xBB\xBF").map_err(output_error)?;
        }
        let mut out = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(out);
        out.write_record(COLUMNS.iter().copied())
            .map_err(output_error)?;
        Ok(Delimited {
            out,
            source: String::new(),
        })
    }
}

impl<W: Write> Writer for Delimited<W> {
    fn write(&mut self, r: &Record, _text: Option<&str>) -> Result<(), Error> {
        match r {
            Record::Document(d) => {
                for f in &d.facts {
                    let cells: Vec<String> = row(&d.source, f).iter().map(Cell::text).collect();
                    self.out.write_record(&cells).map_err(output_error)?;
                }
            }
            Record::Error { source, error } => {
                let cells: Vec<String> = error_row(source, error).iter().map(Cell::text).collect();
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
        let cells: Vec<String> = row(&self.source, f).iter().map(Cell::text).collect();
        self.out.write_record(&cells).map_err(output_error)
    }

    fn end(&mut self, _warnings: &[String]) -> Result<(), Error> {
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), Error> {
        self.out.flush().map_err(output_error)
    }
}
