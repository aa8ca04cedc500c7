//! JSON and JSON Lines: one document as JSON (indented when asked), several as one a line.

use super::{output_error, Encoder, Record, Writer};
use crate::error::Error;
use crate::model::{DocumentInfo, Fact};
use std::io::Write;

/// Writes JSON Lines; a lone document of the `json` format may be indented.
pub(crate) struct Json<W: Write> {
    out: W,
    lines: bool,
    pretty: bool,
    count: usize,
    /// The first record of the `json` format, held until we know whether it is alone.
    pending: Option<(String, Option<String>)>,
    /// One record's line, serialised here first and written with one call: serde_json's many
    /// small writes cost less into a `Vec` than through the output's buffer.
    line: Vec<u8>,
    /// Facts written of the document begun (streaming).
    streamed: usize,
}

impl<W: Write> Json<W> {
    pub fn new(out: W, lines: bool, pretty: bool) -> Self {
        Json {
            out,
            lines,
            pretty,
            count: 0,
            pending: None,
            line: Vec::new(),
            streamed: 0,
        }
    }
}

impl<W: Write> Writer for Json<W> {
    fn write(&mut self, r: &Record, _text: Option<&str>) -> Result<(), Error> {
        self.count += 1;
        if !self.lines && self.count == 1 {
            let line = serde_json::to_string(r).map_err(output_error)?;
            let pretty = if self.pretty {
                Some(serde_json::to_string_pretty(r).map_err(output_error)?)
            } else {
                None
            };
            self.pending = Some((line, pretty));
            return Ok(());
        }
        if let Some((first, _)) = self.pending.take() {
            writeln!(self.out, "{first}").map_err(output_error)?;
        }
        self.line.clear();
        serde_json::to_writer(&mut self.line, r).map_err(output_error)?;
        self.line.push(b'\n');
        self.out.write_all(&self.line).map_err(output_error)
    }

    /// A lone document is indented when asked, which needs it whole: streaming is for the
    /// unindented forms, whose bytes are those of a whole document's line.
    fn streams(&self) -> bool {
        self.lines || !self.pretty
    }

    fn begin(&mut self, source: &str, info: &DocumentInfo) -> Result<(), Error> {
        self.count += 1;
        if let Some((first, _)) = self.pending.take() {
            writeln!(self.out, "{first}").map_err(output_error)?;
        }
        // The fields in the order `Document` serialises them.
        self.line.clear();
        self.line.extend_from_slice(br#"{"source":"#);
        serde_json::to_writer(&mut self.line, source).map_err(output_error)?;
        self.line.extend_from_slice(br#","document":"#);
        serde_json::to_writer(&mut self.line, info).map_err(output_error)?;
        self.line.extend_from_slice(br#","facts":["#);
        self.out.write_all(&self.line).map_err(output_error)?;
        self.streamed = 0;
        Ok(())
    }

    fn fact(&mut self, fact: &Fact) -> Result<(), Error> {
        self.line.clear();
        if self.streamed > 0 {
            self.line.push(b',');
        }
        serde_json::to_writer(&mut self.line, fact).map_err(output_error)?;
        self.streamed += 1;
        self.out.write_all(&self.line).map_err(output_error)
    }

    fn end(&mut self, warnings: &[String]) -> Result<(), Error> {
        self.line.clear();
        self.line.push(b']');
        if !warnings.is_empty() {
            self.line.extend_from_slice(br#","warnings":"#);
            serde_json::to_writer(&mut self.line, warnings).map_err(output_error)?;
        }
        self.line.extend_from_slice(b"}\n");
        self.out.write_all(&self.line).map_err(output_error)
    }

    /// A record's line: what `write` writes of it when it does not indent (an unindented
    /// lone document is held until the end, but its bytes are the same line).
    fn encoder(&self) -> Option<Box<dyn Encoder>> {
        (self.lines || !self.pretty).then(|| Box::new(JsonLine) as Box<dyn Encoder>)
    }

    fn write_encoded(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.count += 1;
        if let Some((first, _)) = self.pending.take() {
            writeln!(self.out, "{first}").map_err(output_error)?;
        }
        self.out.write_all(bytes).map_err(output_error)
    }

    fn finish(mut self: Box<Self>) -> Result<(), Error> {
        if let Some((first, pretty)) = self.pending.take() {
            writeln!(self.out, "{}", pretty.unwrap_or(first)).map_err(output_error)?;
        }
        self.out.flush().map_err(output_error)
    }
}

/// A record as one line of JSON Lines, its line break included.
struct JsonLine;

impl Encoder for JsonLine {
    fn encode(&self, r: &Record, out: &mut Vec<u8>) -> Result<(), Error> {
        serde_json::to_writer(&mut *out, r).map_err(output_error)?;
        out.push(b'\n');
        Ok(())
    }
}

/// Indicator rows as JSON Lines: one object a figure, with the fields of
/// [`super::INDICATOR_COLUMNS`] (numbers as JSON numbers, exact; empty cells as `null`).
pub(crate) struct IndicatorLines<W: Write> {
    out: W,
    source: String,
    line: Vec<u8>,
}

impl<W: Write> IndicatorLines<W> {
    pub fn new(out: W) -> Self {
        IndicatorLines {
            out,
            source: String::new(),
            line: Vec::new(),
        }
    }

    fn row(&mut self, cells: &[super::Cell]) -> Result<(), Error> {
        use super::Cell;
        self.line.clear();
        self.line.push(b'{');
        for (i, (name, cell)) in super::INDICATOR_COLUMNS.iter().zip(cells).enumerate() {
            if i > 0 {
                self.line.push(b',');
            }
            serde_json::to_writer(&mut self.line, name).map_err(output_error)?;
            self.line.push(b':');
            let l = &mut self.line;
            match cell {
                Cell::Empty => serde_json::to_writer(l, &()),
                Cell::Int(n) => serde_json::to_writer(l, n),
                Cell::Number(n) => serde_json::to_writer(l, n),
                Cell::Bool(b) => serde_json::to_writer(l, b),
                // An exact decimal keeps its digits (Dec writes them as a JSON number).
                Cell::Decimal(d) => serde_json::to_writer(l, d),
                Cell::Day(s) | Cell::Text(s) => serde_json::to_writer(l, s),
            }
            .map_err(output_error)?;
        }
        self.line.extend_from_slice(b"}\n");
        self.out.write_all(&self.line).map_err(output_error)
    }

    fn fact_row(&mut self, source: &str, f: &Fact) -> Result<(), Error> {
        match super::indicator_row(source, f) {
            Some(cells) => self.row(&cells),
            None => Ok(()),
        }
    }
}

impl<W: Write> Writer for IndicatorLines<W> {
    fn write(&mut self, r: &Record, _text: Option<&str>) -> Result<(), Error> {
        match r {
            Record::Document(d) => {
                for f in &d.facts {
                    self.fact_row(&d.source, f)?;
                }
                Ok(())
            }
            Record::Error { source, error } => {
                self.row(&super::cells::indicator_error_row(source, error))
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{writer, Format, WriterOptions};

    fn records() -> Vec<Record> {
        let doc = |text: &str| {
            let mut d = crate::extract(text, &Default::default());
            d.source = format!("{}.txt", text.len());
            Record::Document(d)
        };
        vec![
            doc("Chi hội ủng hộ 15.500 000 đồng ngày 8/7/2024."),
            Record::Error {
                source: "b.txt".to_owned(),
                error: "cannot tell the encoding".to_owned(),
            },
            doc("Có 20 hội viên, đạt 95%."),
        ]
    }

    /// The bytes of `records` written by `write`, and by `write_encoded` of their encodings.
    fn both(format: Format, records: &[Record]) -> (Vec<u8>, Vec<u8>) {
        let (mut direct, mut encoded) = (Vec::new(), Vec::new());
        let mut w = writer(format, &mut direct, WriterOptions::default()).unwrap();
        for r in records {
            w.write(r, None).unwrap();
        }
        w.finish().unwrap();
        let mut w = writer(format, &mut encoded, WriterOptions::default()).unwrap();
        let e = w
            .encoder()
            .expect("JSON encodes ahead when it does not indent");
        for r in records {
            let mut bytes = Vec::new();
            e.encode(r, &mut bytes).unwrap();
            w.write_encoded(&bytes).unwrap();
        }
        w.finish().unwrap();
        (direct, encoded)
    }

    #[test]
    fn encoded_records_are_the_bytes_write_writes() {
        let rs = records();
        for format in [Format::Json, Format::Jsonl] {
            for n in [1, 3] {
                let (direct, encoded) = both(format, &rs[..n]);
                assert!(String::from_utf8_lossy(&direct).contains("\"value\":15500000"));
                assert_eq!(direct, encoded, "{format:?}, {n} records");
            }
        }
    }

    #[test]
    fn an_indented_document_is_not_encoded_ahead() {
        let mut out = Vec::new();
        let w = writer(
            Format::Json,
            &mut out,
            WriterOptions::default().pretty(true),
        )
        .unwrap();
        assert!(w.encoder().is_none());
    }
}
