//! Writers: the records of a run as JSON, JSON Lines, CSV, TSV or an Excel workbook, all
//! behind one trait, [`Writer`], which [`writer`] makes for a [`Format`]. Writers read
//! documents (and, where given, the text they were read from); they never reach into the
//! recognisers.
//!
//! ```
//! use vnfacts::output::{writer, Format, Record, WriterOptions};
//! let doc = vnfacts::extract("Hội có 20 hội viên, quỹ 15.500 000 đồng.", &Default::default());
//! let mut out = Vec::new();
//! let mut w = writer(Format::Jsonl, &mut out, WriterOptions::default()).unwrap();
//! w.write(&Record::Document(doc), None).unwrap();
//! w.finish().unwrap();
//! let line = String::from_utf8(out).unwrap();
//! assert!(line.contains(r#""text":"15.500 000 đồng""#));
//! ```

mod cells;
#[cfg(feature = "csv")]
mod delimited;
#[cfg(feature = "html")]
mod html;
mod json;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use cells::{indicator_row, row, Cell, COLUMNS, INDICATOR_COLUMNS};
#[cfg(feature = "html")]
pub use html::{Review, Verdict};

use crate::error::{Error, ErrorKind};
use crate::model::{Document, DocumentInfo, Fact};
use serde::Serialize;
use std::io::Write;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// One JSON document; several documents give JSON Lines (SPEC.md).
    Json,
    /// One document a line.
    Jsonl,
    /// One fact a row, comma-separated.
    Csv,
    /// One fact a row, tab-separated.
    Tsv,
    /// An Excel workbook: a sheet of facts and a sheet of documents.
    Xlsx,
    /// A review page: one HTML file showing each document's text with its facts highlighted
    /// and a table of them ([`Review`]).
    Html,
}

impl Format {
    /// Every format, with its name.
    pub const ALL: [(Format, &'static str); 6] = [
        (Format::Json, "json"),
        (Format::Jsonl, "jsonl"),
        (Format::Csv, "csv"),
        (Format::Tsv, "tsv"),
        (Format::Xlsx, "xlsx"),
        (Format::Html, "html"),
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("json", |(_, n)| n)
    }

    /// Whether this build can write it (CSV, TSV, XLSX and HTML need the `csv`, `xlsx` and
    /// `html` features).
    pub fn available(self) -> bool {
        match self {
            Format::Json | Format::Jsonl => true,
            Format::Csv | Format::Tsv => cfg!(feature = "csv"),
            Format::Xlsx => cfg!(feature = "xlsx"),
            Format::Html => cfg!(feature = "html"),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format, Error> {
        let s = s.to_ascii_lowercase();
        let s = if s == "ndjson" { "jsonl".to_owned() } else { s };
        Format::ALL
            .iter()
            .find(|(_, n)| *n == s)
            .map(|(f, _)| *f)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|(_, n)| *n).collect();
                Error::new(
                    ErrorKind::InvalidInput,
                    format!("unknown format {s:?}; the formats are {}", names.join(", ")),
                )
            })
    }
}

/// One result of a run: a document, or why an input could not be read.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
// A record is made and moved once per input: boxing its document would cost an allocation a
// document for nothing.
#[allow(clippy::large_enum_variant)]
pub enum Record {
    /// A document's facts.
    Document(Document),
    /// An input that could not be read.
    Error {
        /// The input, as given (a path, `-`, or a record's id).
        source: String,
        /// What went wrong.
        error: String,
    },
}

impl Record {
    /// The input this record is for.
    pub fn source(&self) -> &str {
        match self {
            Record::Document(d) => &d.source,
            Record::Error { source, .. } => source,
        }
    }
}

/// What a row of CSV, TSV, XLSX (and a line of JSON Lines, for indicators) is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rows {
    /// One row a fact ([`COLUMNS`]); JSON and JSON Lines write whole documents.
    #[default]
    Facts,
    /// One row a figure with its context ([`INDICATOR_COLUMNS`]), in every format: what
    /// `vnfacts table` writes.
    Indicators,
}

/// How an XLSX workbook of indicator rows is split into sheets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Sheets {
    /// One sheet of every row.
    #[default]
    One,
    /// One sheet per organisation (and one for figures with none).
    PerOrganization,
}

/// How a writer writes.
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct WriterOptions {
    /// Indent a lone JSON document.
    pub pretty: bool,
    /// Start CSV/TSV with a UTF-8 byte-order mark (for Excel on Windows).
    pub bom: bool,
    /// What a row is.
    pub rows: Rows,
    /// How a workbook is split into sheets.
    pub sheets: Sheets,
}

impl WriterOptions {
    /// Indent a lone JSON document.
    pub fn pretty(mut self, yes: bool) -> Self {
        self.pretty = yes;
        self
    }

    /// Start CSV/TSV with a byte-order mark.
    pub fn bom(mut self, yes: bool) -> Self {
        self.bom = yes;
        self
    }

    /// What a row is.
    pub fn rows(mut self, rows: Rows) -> Self {
        self.rows = rows;
        self
    }

    /// How a workbook is split into sheets.
    pub fn sheets(mut self, sheets: Sheets) -> Self {
        self.sheets = sheets;
        self
    }
}

/// Writes records as they come, in one format.
pub trait Writer {
    /// Writes one record. `text` is the decoded text the document was read from, when the
    /// caller has it (a writer that shows the text, such as a review page, needs it).
    fn write(&mut self, record: &Record, text: Option<&str>) -> Result<(), Error>;

    /// Whether this writer can write a document as its facts come ([`Writer::begin`],
    /// [`Writer::fact`], [`Writer::end`]), without holding them all: what a long document
    /// read window by window ([`crate::extract_each`]) needs to keep its memory bounded.
    fn streams(&self) -> bool {
        false
    }

    /// Begins a document whose facts follow one by one.
    fn begin(&mut self, source: &str, info: &DocumentInfo) -> Result<(), Error> {
        let _ = (source, info);
        Err(not_streaming())
    }

    /// Writes a fact of the document begun.
    fn fact(&mut self, fact: &Fact) -> Result<(), Error> {
        let _ = fact;
        Err(not_streaming())
    }

    /// Ends the document begun, with its warnings.
    fn end(&mut self, warnings: &[String]) -> Result<(), Error> {
        let _ = warnings;
        Err(not_streaming())
    }

    /// An [`Encoder`] that makes, of one record, the bytes [`Writer::write`] would write, on
    /// any thread: offered by a writer whose bytes for a record depend on that record alone
    /// (JSON Lines, unindented JSON, CSV and TSV), so that a batch serialises its records on the
    /// threads that read them and the writing thread only writes ([`Writer::write_encoded`]).
    fn encoder(&self) -> Option<Box<dyn Encoder>> {
        None
    }

    /// Writes the bytes this writer's [`Writer::encoder`] made of a record, as
    /// [`Writer::write`] would have written that record.
    fn write_encoded(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let _ = bytes;
        Err(Error::new(
            ErrorKind::Output,
            "this writer encodes no records ahead (Writer::encoder is None)",
        ))
    }

    /// Writes what is pending and flushes the output.
    fn finish(self: Box<Self>) -> Result<(), Error>;
}

/// Makes the bytes of one record for a [`Writer`] (see [`Writer::encoder`]).
///
/// ```
/// use vnfacts::output::{writer, Format, Record, WriterOptions};
/// let doc = vnfacts::extract("Quỹ hội có 15.500.000 đồng.", &Default::default());
/// let record = Record::Document(doc);
/// let (mut direct, mut encoded) = (Vec::new(), Vec::new());
/// let mut w = writer(Format::Jsonl, &mut direct, WriterOptions::default()).unwrap();
/// w.write(&record, None).unwrap();
/// w.finish().unwrap();
/// let mut w = writer(Format::Jsonl, &mut encoded, WriterOptions::default()).unwrap();
/// let mut bytes = Vec::new();
/// w.encoder().unwrap().encode(&record, &mut bytes).unwrap();
/// w.write_encoded(&bytes).unwrap();
/// w.finish().unwrap();
/// assert_eq!(direct, encoded);
/// ```
pub trait Encoder: Send + Sync {
    /// Appends the bytes of `record` to `out`.
    fn encode(&self, record: &Record, out: &mut Vec<u8>) -> Result<(), Error>;
}

fn not_streaming() -> Error {
    Error::new(
        ErrorKind::Output,
        "this writer takes whole documents (Writer::streams is false)",
    )
}

/// An error writing the output.
pub(crate) fn output_error(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Output, format!("cannot write the output: {e}"))
}

/// A writer of `format` to `out`.
pub fn writer<'a>(
    format: Format,
    out: impl Write + 'a,
    options: WriterOptions,
) -> Result<Box<dyn Writer + 'a>, Error> {
    let _ = options.bom;
    let indicators = options.rows == Rows::Indicators;
    match format {
        Format::Json | Format::Jsonl if indicators => Ok(Box::new(json::IndicatorLines::new(out))),
        Format::Json | Format::Jsonl => Ok(Box::new(json::Json::new(
            out,
            format == Format::Jsonl,
            options.pretty,
        ))),
        #[cfg(feature = "csv")]
        Format::Csv | Format::Tsv => Ok(Box::new(delimited::Delimited::new(
            out,
            if format == Format::Tsv { b'\t' } else { b',' },
            options.bom,
            indicators,
        )?)),
        #[cfg(feature = "xlsx")]
        Format::Xlsx => Ok(Box::new(xlsx::Xlsx::new(out, options))),
        #[cfg(feature = "html")]
        Format::Html if indicators => Err(Error::new(
            ErrorKind::InvalidInput,
            "the review page shows documents, not indicator rows: use `vnfacts review` or \
             `extract --format html`",
        )),
        #[cfg(feature = "html")]
        Format::Html => Ok(Box::new(html::Review::new(out, false))),
        #[allow(unreachable_patterns)]
        _ => Err(Error::new(
            ErrorKind::InvalidInput,
            format!(
                "this build of vnfacts cannot write {}: build it with the feature that does",
                format.name()
            ),
        )),
    }
}
