//! CSV and TSV, through the csv crate: one row a fact; an input that could not be read is one
//! row of kind `error`.

use super::cells::{
    error_row, indicator_error_row, indicator_row, row, Cell, COLUMNS, INDICATOR_COLUMNS,
};
use super::{output_error, Encoder, Record, Writer};
use crate::error::Error;
use crate::model::{DocumentInfo, Fact};
use std::io::Write;

/// Writes one row a fact.
pub(crate) struct Delimited<W: Write> {
    out: W,
    rows: Rows,
    /// The source of the document begun (streaming).
    source: String,
    /// A record's rows, made here before they are written.
    buf: Vec<u8>,
}

impl<W: Write> Delimited<W> {
    pub fn new(mut out: W, delimiter: u8, bom: bool, indicators: bool) -> Result<Self, Error> {
        if bom {
            out.write_all(b"\xEF\xBB\xBF").map_err(output_error)?;
        }
        let rows = Rows {
            delimiter,
            indicators,
        };
        let header = if indicators {
            INDICATOR_COLUMNS
        } else {
            COLUMNS
        };
        let mut buf = Vec::new();
        rows.with_writer(&mut buf, |w| {
            w.write_record(header.iter().copied()).map_err(output_error)
        })?;
        out.write_all(&buf).map_err(output_error)?;
        buf.clear();
        Ok(Delimited {
            out,
            rows,
            source: String::new(),
            buf,
        })
    }

    /// Writes the rows `write` makes into the buffer, then the buffer to the output.
    fn put(
        &mut self,
        write: impl FnOnce(&Rows, &mut csv::Writer<&mut Vec<u8>>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.buf.clear();
        let rows = &self.rows;
        rows.with_writer(&mut self.buf, |w| write(rows, w))?;
        self.out.write_all(&self.buf).map_err(output_error)
    }
}

/// How rows are written; the rows of a record are the same bytes whichever thread makes them,
/// since the csv crate quotes field by field.
#[derive(Clone, Copy)]
struct Rows {
    delimiter: u8,
    /// Indicator rows (one a figure, with its context) instead of fact rows.
    indicators: bool,
}

impl Rows {
    /// Runs `write` with a csv writer over `out`, and flushes it there.
    fn with_writer(
        &self,
        out: &mut Vec<u8>,
        write: impl FnOnce(&mut csv::Writer<&mut Vec<u8>>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut w = csv::WriterBuilder::new()
            .delimiter(self.delimiter)
            .buffer_capacity(4 << 10)
            .from_writer(out);
        write(&mut w)?;
        w.flush().map_err(output_error)
    }

    /// Writes the row of a fact (none for a fact that is no figure, in indicator rows).
    fn fact_row<O: Write>(
        &self,
        out: &mut csv::Writer<O>,
        source: &str,
        f: &Fact,
    ) -> Result<(), Error> {
        let cells = match self.indicators {
            true => match indicator_row(source, f) {
                Some(c) => c,
                None => return Ok(()),
            },
            false => row(source, f),
        };
        let cells: Vec<String> = cells.iter().map(Cell::text).collect();
        out.write_record(&cells).map_err(output_error)
    }

    /// Writes the rows of a record.
    fn record<O: Write>(&self, out: &mut csv::Writer<O>, r: &Record) -> Result<(), Error> {
        match r {
            Record::Document(d) => {
                for f in &d.facts {
                    self.fact_row(out, &d.source, f)?;
                }
            }
            Record::Error { source, error } => {
                let cells = match self.indicators {
                    true => indicator_error_row(source, error),
                    false => error_row(source, error),
                };
                let cells: Vec<String> = cells.iter().map(Cell::text).collect();
                out.write_record(&cells).map_err(output_error)?;
            }
        }
        Ok(())
    }
}

impl Encoder for Rows {
    fn encode(&self, r: &Record, out: &mut Vec<u8>) -> Result<(), Error> {
        self.with_writer(out, |w| self.record(w, r))
    }
}

impl<W: Write> Writer for Delimited<W> {
    fn write(&mut self, r: &Record, _text: Option<&str>) -> Result<(), Error> {
        self.put(|rows, w| rows.record(w, r))
    }

    fn encoder(&self) -> Option<Box<dyn Encoder>> {
        Some(Box::new(self.rows))
    }

    fn write_encoded(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.write_all(bytes).map_err(output_error)
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
        let wrote = self.put(|rows, w| rows.fact_row(w, &source, f));
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

#[cfg(test)]
mod tests {
    use crate::output::{writer, Format, Record, Rows, WriterOptions};

    #[test]
    fn encoded_rows_are_the_bytes_write_writes() {
        let mut d = crate::extract(
            "Chi hội ủng hộ 15.500 000 đồng, \"quỹ\" đạt 95%; có 20 hội viên.",
            &Default::default(),
        );
        d.source = "a, \"b\".txt".to_owned();
        let records = [
            Record::Document(d),
            Record::Error {
                source: "c.txt".to_owned(),
                error: "cannot tell the encoding".to_owned(),
            },
        ];
        for format in [Format::Csv, Format::Tsv] {
            for rows in [Rows::Facts, Rows::Indicators] {
                let options = WriterOptions::default().bom(true).rows(rows);
                let (mut direct, mut encoded) = (Vec::new(), Vec::new());
                let mut w = writer(format, &mut direct, options).unwrap();
                for r in &records {
                    w.write(r, None).unwrap();
                }
                w.finish().unwrap();
                let mut w = writer(format, &mut encoded, options).unwrap();
                let e = w.encoder().expect("rows are encoded ahead");
                for r in &records {
                    let mut bytes = Vec::new();
                    e.encode(r, &mut bytes).unwrap();
                    w.write_encoded(&bytes).unwrap();
                }
                w.finish().unwrap();
                let text = String::from_utf8(direct.clone()).unwrap();
                assert!(
                    text.contains("15500000") && text.contains("c.txt"),
                    "{text}"
                );
                assert_eq!(direct, encoded, "{format:?} {rows:?}");
            }
        }
    }
}
