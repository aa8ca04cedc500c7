//! Writers: the records of a batch as JSON, JSON Lines, CSV, TSV or an Excel workbook. They
//! read documents only; they never reach into the recognisers.
//!
//! ```
//! use vnfacts::write::{Format, Record, Writer};
//! let doc = vnfacts::extract("Hội có 20 hội viên, quỹ 15.500 000 đồng.", &Default::default());
//! let mut out = Vec::new();
//! let mut w = Writer::new(Format::Csv, &mut out, false).unwrap();
//! w.write(&Record::Document(doc)).unwrap();
//! w.finish().unwrap();
//! let csv = String::from_utf8(out).unwrap();
//! assert!(csv.starts_with("source,line,kind,text,value"));
//! assert!(csv.contains("money,15.500 000 đồng,15500000"));
//! ```

use crate::fact::{Document, Fact, Value};
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "xlsx" => Format::Xlsx,
            other => {
                return Err(format!(
                    "unknown format {other:?}; the formats are json, jsonl, csv, tsv, xlsx"
                ))
            }
        })
    }
}

/// One result of a batch: a document, or why an input could not be read.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
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

/// The columns of the CSV, TSV and XLSX fact rows.
pub const COLUMNS: &[&str] = &[
    "source",
    "line",
    "kind",
    "text",
    "value",
    "min",
    "max",
    "unit",
    "currency",
    "per",
    "qualifier",
    "start",
    "end",
    "name",
    "canonical",
    "role",
    "level",
    "precision",
    "from",
    "to",
    "year_inferred",
    "numerator",
    "denominator",
];

/// A cell of a fact row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// A number.
    Number(f64),
    /// An integer.
    Int(i64),
    /// A day (ISO text).
    Day(String),
    /// Text.
    Text(String),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(n) => n.to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Day(s) | Cell::Text(s) => s.clone(),
        }
    }
}

fn num(d: Option<crate::Dec>) -> Cell {
    match d {
        Some(d) => match d.to_i64() {
            Some(i) => Cell::Int(i),
            None => Cell::Number(d.to_f64()),
        },
        None => Cell::Empty,
    }
}

fn text(s: &Option<String>) -> Cell {
    s.as_ref().map_or(Cell::Empty, |s| Cell::Text(s.clone()))
}

fn date(s: &Option<String>) -> Cell {
    match s {
        Some(s) if s.len() == 10 => Cell::Day(s.clone()),
        Some(s) => Cell::Text(s.clone()),
        None => Cell::Empty,
    }
}

/// The cells of one fact, in the order of [`COLUMNS`].
pub fn row(source: &str, f: &Fact) -> Vec<Cell> {
    let value = match &f.value {
        Some(Value::Number(d)) => num(Some(*d)),
        Some(Value::Date(s)) => date(&Some(s.clone())),
        _ => Cell::Empty,
    };
    let ser = |v: Option<String>| v.map_or(Cell::Empty, Cell::Text);
    vec![
        Cell::Text(source.to_owned()),
        Cell::Int(f.line as i64),
        Cell::Text(f.kind.name().to_owned()),
        Cell::Text(f.text.clone()),
        value,
        num(f.min),
        num(f.max),
        text(&f.unit),
        text(&f.currency),
        text(&f.per),
        ser(f.qualifier.map(|q| serde_plain(&q))),
        Cell::Int(f.start as i64),
        Cell::Int(f.end as i64),
        text(&f.name),
        text(&f.canonical),
        text(&f.role),
        text(&f.level),
        ser(f.precision.map(|p| serde_plain(&p))),
        date(&f.from),
        date(&f.to),
        ser(f.year_inferred.map(|b| b.to_string())),
        num(f.numerator),
        num(f.denominator),
    ]
}

/// The JSON name of a unit enum value (`over`, `day`).
fn serde_plain<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Writes records as they come, in one format.
pub struct Writer<'a> {
    format: Format,
    out: Option<&'a mut dyn Write>,
    delimited: Option<csv::Writer<&'a mut dyn Write>>,
    xlsx: Option<Xlsx>,
    count: usize,
    pending_single: Option<String>,
    pending_pretty: Option<String>,
    pretty: bool,
}

impl<'a> Writer<'a> {
    /// A writer to `out`. `bom` starts CSV/TSV with a UTF-8 byte-order mark (for Excel on
    /// Windows). XLSX is written by [`Writer::finish_xlsx`] instead.
    pub fn new(format: Format, out: &'a mut dyn Write, bom: bool) -> io::Result<Writer<'a>> {
        let mut w = Writer {
            format,
            out: None,
            delimited: None,
            xlsx: None,
            count: 0,
            pending_single: None,
            pending_pretty: None,
            pretty: false,
        };
        match format {
            Format::Csv | Format::Tsv => {
                if bom {
                    out.write_all(b"\xEF\xBB\xBF")?;
                }
                let mut c = csv::WriterBuilder::new()
                    .delimiter(if format == Format::Tsv { b'\t' } else { b',' })
                    .from_writer(out);
                c.write_record(COLUMNS.iter().copied().chain(["error"]))?;
                w.delimited = Some(c);
            }
            Format::Xlsx => w.xlsx = Some(Xlsx::default()),
            _ => w.out = Some(out),
        }
        Ok(w)
    }

    /// Indents a lone JSON document.
    pub fn pretty(mut self, pretty: bool) -> Self {
        self.pretty = pretty;
        self
    }

    /// Writes one record.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        self.count += 1;
        match self.format {
            Format::Json | Format::Jsonl => {
                let line = serde_json::to_string(r)?;
                let out = self.out.as_mut().expect("JSON writer");
                if self.format == Format::Json && self.count == 1 {
                    // A lone document may be indented; hold it until we know it is alone.
                    self.pending_single = Some(line);
                    if self.pretty {
                        self.pending_pretty = Some(serde_json::to_string_pretty(r)?);
                    }
                    return Ok(());
                }
                if let Some(first) = self.pending_single.take() {
                    writeln!(out, "{first}")?;
                }
                writeln!(out, "{line}")
            }
            Format::Csv | Format::Tsv => {
                let c = self.delimited.as_mut().expect("CSV writer");
                match r {
                    Record::Document(d) => {
                        for f in &d.facts {
                            let mut cells: Vec<String> =
                                row(&d.source, f).iter().map(Cell::text).collect();
                            cells.push(String::new());
                            c.write_record(&cells)?;
                        }
                    }
                    Record::Error { source, error } => {
                        let mut cells = vec![String::new(); COLUMNS.len() + 1];
                        cells[0] = source.clone();
                        cells[2] = "error".to_owned();
                        cells[COLUMNS.len()] = error.clone();
                        c.write_record(&cells)?;
                    }
                }
                Ok(())
            }
            Format::Xlsx => {
                self.xlsx.as_mut().expect("XLSX writer").add(r);
                Ok(())
            }
        }
    }

    /// Flushes what is pending (a lone JSON document, the CSV buffer).
    pub fn finish(mut self) -> io::Result<()> {
        if let Some(first) = self.pending_single.take() {
            let out = self.out.as_mut().expect("JSON writer");
            match self.pending_pretty.take() {
                Some(pretty) => writeln!(out, "{pretty}")?,
                None => writeln!(out, "{first}")?,
            }
        }
        if let Some(mut c) = self.delimited.take() {
            c.flush()?;
        }
        if let Some(out) = self.out.as_mut() {
            out.flush()?;
        }
        Ok(())
    }

    /// The workbook of an XLSX writer, saved to `path`.
    pub fn finish_xlsx(mut self, path: &Path) -> Result<(), String> {
        let x = self.xlsx.take().ok_or("not an XLSX writer")?;
        x.save(path)
            .map_err(|e| format!("{}: cannot write the workbook: {e}", path.display()))
    }
}

/// The rows of a workbook, gathered until it is saved.
#[derive(Default)]
struct Xlsx {
    facts: Vec<Vec<Cell>>,
    documents: Vec<Vec<Cell>>,
}

impl Xlsx {
    fn add(&mut self, r: &Record) {
        match r {
            Record::Document(d) => {
                for f in &d.facts {
                    self.facts.push(row(&d.source, f));
                }
                self.documents.push(vec![
                    Cell::Text(d.source.clone()),
                    text(&d.document.title),
                    date(&d.document.date),
                    d.document
                        .reference_year
                        .map_or(Cell::Empty, |y| Cell::Int(y as i64)),
                    Cell::Int(d.facts.len() as i64),
                    Cell::Empty,
                ]);
            }
            Record::Error { source, error } => self.documents.push(vec![
                Cell::Text(source.clone()),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Int(0),
                Cell::Text(error.clone()),
            ]),
        }
    }

    fn save(&self, path: &Path) -> Result<(), rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
        let mut book = Workbook::new();
        let bold = XFormat::new().set_bold();
        let day = XFormat::new().set_num_format("yyyy-mm-dd");
        type Sheet<'s> = (&'s str, &'s [&'s str], &'s Vec<Vec<Cell>>);
        let sheets: [Sheet; 2] = [
            ("facts", COLUMNS, &self.facts),
            (
                "documents",
                &[
                    "source",
                    "title",
                    "date",
                    "reference_year",
                    "facts",
                    "error",
                ],
                &self.documents,
            ),
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
                        Cell::Int(i) => {
                            ws.write_number(r, c, *i as f64)?;
                        }
                        Cell::Number(n) => {
                            ws.write_number(r, c, *n)?;
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
        book.save(path)
    }
}
