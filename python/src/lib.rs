//! `vnfacts._vnfacts`: the Rust half of the Python package. It reads texts, files and bytes
//! with the `vnfacts` library and hands back each document as the JSON of SPEC.md (the Python
//! half, `python/vnfacts/__init__.py`, parses it into dicts and gives the friendly signatures,
//! docstrings and DataFrames). Batches are read in parallel on a rayon pool with the
//! interpreter released, results in input order.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use vnfacts::input::{read_document, read_path_with, Encoding, ReadOptions};
use vnfacts::output::{indicator_row, Cell, COLUMNS, INDICATOR_COLUMNS};
use vnfacts::{Document, ErrorKind, Kind, Options, UserLexicon};

/// The allocator of the command line, which a reading's many small, short-lived strings suit
/// (the Rust side of 10,000 records: 1.44 s with the system allocator, 1.36–1.41 s with it).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(_vnfacts, Error, PyException, "Any error of vnfacts.");
create_exception!(
    _vnfacts,
    DecodeError,
    Error,
    "The bytes could not be decoded: the encoding cannot be told, or a forced one does not fit."
);
create_exception!(
    _vnfacts,
    TooLargeError,
    Error,
    "The input is larger than vnfacts reads."
);
create_exception!(
    _vnfacts,
    InputError,
    Error,
    "A file could not be read (it does not exist, it is a folder, no permission)."
);
create_exception!(
    _vnfacts,
    DocumentError,
    Error,
    "A document (Word, PDF, ODT, RTF, HTML) is damaged, encrypted or holds no text."
);
create_exception!(
    _vnfacts,
    LexiconError,
    Error,
    "A user lexicon is malformed (the message names the file and line)."
);
create_exception!(
    _vnfacts,
    InvalidInputError,
    Error,
    "An argument is wrong: an unknown kind, a bad date, an unknown encoding."
);

/// The Python exception of a library error, of the class its kind says.
fn py_err(e: vnfacts::Error) -> PyErr {
    let msg = e.to_string();
    match e.kind() {
        ErrorKind::Decode => DecodeError::new_err(msg),
        ErrorKind::TooLarge => TooLargeError::new_err(msg),
        ErrorKind::Io => InputError::new_err(msg),
        ErrorKind::Document => DocumentError::new_err(msg),
        ErrorKind::Lexicon => LexiconError::new_err(msg),
        ErrorKind::InvalidInput => InvalidInputError::new_err(msg),
        _ => Error::new_err(msg),
    }
}

fn invalid(msg: String) -> PyErr {
    InvalidInputError::new_err(msg)
}

/// The reading options, from the Python keywords.
fn options(
    reference_year: Option<i32>,
    document_date: Option<&str>,
    kinds: Option<Vec<String>>,
    lexicon: Option<PathBuf>,
) -> PyResult<Options> {
    let mut o = Options {
        reference_year,
        ..Options::default()
    };
    if let Some(d) = document_date {
        o.document_date = Some(
            d.parse()
                .map_err(|e| invalid(format!("document_date {d:?}: {e}")))?,
        );
    }
    if let Some(ks) = kinds {
        let mut v = Vec::new();
        for k in ks {
            v.push(k.parse::<Kind>().map_err(py_err)?);
        }
        o.kinds = Some(v);
    }
    if let Some(p) = lexicon {
        o.lexicon = Some(Arc::new(UserLexicon::load(&p).map_err(py_err)?));
    }
    Ok(o)
}

fn encoding(name: Option<&str>) -> PyResult<Option<Encoding>> {
    name.map(|n| n.parse::<Encoding>().map_err(py_err))
        .transpose()
}

fn to_json(doc: &Document) -> PyResult<String> {
    serde_json::to_string(doc).map_err(|e| Error::new_err(e.to_string()))
}

/// One input of a batch: a text, a file, or a file's bytes.
enum Item {
    Text(String),
    Path(PathBuf),
    Bytes(Vec<u8>),
}

/// Reads one input into its document. `source` is `-` for a text, the path for a file,
/// `<bytes>` for bytes, as the command line names them. A text is read as the command line
/// reads a text record (`--input jsonl`) or standard input: checked for mangled UTF-8
/// ("Há»™i") and decomposed tone marks, which are repaired, `document.encoding` saying so.
fn read_item(
    item: Item,
    forced: Option<Encoding>,
    o: &Options,
) -> Result<Document, vnfacts::Error> {
    match item {
        Item::Text(t) => {
            let d = vnfacts::decode_bytes(t.as_bytes(), forced)?;
            Ok(vnfacts::extract_decoded(&d, o))
        }
        Item::Path(p) => {
            let d = read_path_with(&p, forced, &ReadOptions::default())
                .map_err(|e| e.in_file(&p.display().to_string()))?;
            let mut doc = vnfacts::extract_decoded(&d, o);
            doc.source = p.display().to_string();
            Ok(doc)
        }
        Item::Bytes(b) => {
            let d = read_document(b, None, forced, &ReadOptions::default())?;
            let mut doc = vnfacts::extract_decoded(&d, o);
            doc.source = "<bytes>".to_owned();
            Ok(doc)
        }
    }
}

fn items(raw: Vec<(String, Vec<u8>)>) -> PyResult<Vec<Item>> {
    raw.into_iter()
        .map(|(kind, v)| match kind.as_str() {
            "text" => String::from_utf8(v)
                .map(Item::Text)
                .map_err(|e| invalid(format!("a text that is not UTF-8: {e}"))),
            "path" => Ok(Item::Path(path_of(v))),
            "bytes" => Ok(Item::Bytes(v)),
            other => Err(invalid(format!("unknown input kind {other:?}"))),
        })
        .collect()
}

#[cfg(unix)]
fn path_of(v: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(v))
}

#[cfg(not(unix))]
fn path_of(v: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&v).into_owned())
}

/// Runs `f` over the items on `jobs` threads, in order, with the interpreter released: all
/// cores on rayon's global pool (made once per process: `extract_iter` calls this a chunk at a
/// time) when `None`, this thread alone for one, a pool of its own otherwise.
fn parallel<T: Send>(
    py: Python<'_>,
    items: Vec<Item>,
    jobs: Option<usize>,
    f: impl Fn(Item) -> T + Sync + Send,
) -> PyResult<Vec<T>> {
    match jobs {
        Some(0) => Err(invalid("jobs must be at least 1".to_owned())),
        Some(1) => Ok(py.detach(|| items.into_iter().map(&f).collect())),
        None => Ok(py.detach(|| items.into_par_iter().map(&f).collect())),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| Error::new_err(e.to_string()))?;
            Ok(py.detach(|| pool.install(|| items.into_par_iter().map(&f).collect())))
        }
    }
}

/// The document of one text, as JSON.
#[pyfunction]
#[pyo3(signature = (text, reference_year=None, document_date=None, kinds=None, lexicon=None))]
fn extract_json(
    py: Python<'_>,
    text: &str,
    reference_year: Option<i32>,
    document_date: Option<&str>,
    kinds: Option<Vec<String>>,
    lexicon: Option<PathBuf>,
) -> PyResult<String> {
    let o = options(reference_year, document_date, kinds, lexicon)?;
    let item = Item::Text(text.to_owned());
    let doc = py.detach(|| read_item(item, None, &o)).map_err(py_err)?;
    to_json(&doc)
}

/// The document of one file (any encoding or format the command line reads), as JSON.
#[pyfunction]
#[pyo3(signature = (path, encoding=None, reference_year=None, document_date=None, kinds=None, lexicon=None))]
fn extract_file_json(
    py: Python<'_>,
    path: PathBuf,
    encoding: Option<&str>,
    reference_year: Option<i32>,
    document_date: Option<&str>,
    kinds: Option<Vec<String>>,
    lexicon: Option<PathBuf>,
) -> PyResult<String> {
    let forced = self::encoding(encoding)?;
    let o = options(reference_year, document_date, kinds, lexicon)?;
    let item = Item::Path(path);
    let doc = py.detach(|| read_item(item, forced, &o)).map_err(py_err)?;
    to_json(&doc)
}

/// The documents of many inputs (`(kind, value)`: `text` with UTF-8 bytes, `path` with the
/// path's bytes, `bytes`), read in parallel, in order. Each result is `(ok, json)`: a
/// document, or `(false, [source, error kind, message])` for an input that could not be read.
#[pyfunction]
#[pyo3(signature = (inputs, jobs=None, encoding=None, reference_year=None, document_date=None, kinds=None, lexicon=None))]
#[allow(clippy::too_many_arguments)]
fn extract_many_json(
    py: Python<'_>,
    inputs: Vec<(String, Vec<u8>)>,
    jobs: Option<usize>,
    encoding: Option<&str>,
    reference_year: Option<i32>,
    document_date: Option<&str>,
    kinds: Option<Vec<String>>,
    lexicon: Option<PathBuf>,
) -> PyResult<Vec<(bool, String)>> {
    let forced = self::encoding(encoding)?;
    let o = options(reference_year, document_date, kinds, lexicon)?;
    let items = items(inputs)?;
    let done = parallel(py, items, jobs, |item| {
        let source = source_of(&item);
        match read_item(item, forced, &o) {
            Ok(doc) => serde_json::to_string(&doc)
                .map(|j| (true, j))
                .unwrap_or_else(|e| (false, error_json(&source, "output", &e.to_string()))),
            Err(e) => (
                false,
                error_json(&source, kind_name(e.kind()), &e.to_string()),
            ),
        }
    })?;
    Ok(done)
}

/// The indicator rows of many inputs, each row a JSON object of [`INDICATOR_COLUMNS`] (an input
/// that could not be read: `(false, [source, error kind, message])`).
#[pyfunction]
#[pyo3(signature = (inputs, jobs=None, encoding=None, reference_year=None, document_date=None, lexicon=None))]
#[allow(clippy::too_many_arguments)]
fn table_json(
    py: Python<'_>,
    inputs: Vec<(String, Vec<u8>)>,
    jobs: Option<usize>,
    encoding: Option<&str>,
    reference_year: Option<i32>,
    document_date: Option<&str>,
    lexicon: Option<PathBuf>,
) -> PyResult<Vec<(bool, Vec<String>)>> {
    let forced = self::encoding(encoding)?;
    let o = options(reference_year, document_date, None, lexicon)?;
    let items = items(inputs)?;
    parallel(py, items, jobs, |item| {
        let source = source_of(&item);
        match read_item(item, forced, &o) {
            Ok(doc) => (
                true,
                doc.facts
                    .iter()
                    .filter_map(|f| indicator_row(&doc.source, f))
                    .map(|cells| row_json(INDICATOR_COLUMNS, &cells))
                    .collect(),
            ),
            Err(e) => (
                false,
                vec![error_json(&source, kind_name(e.kind()), &e.to_string())],
            ),
        }
    })
}

/// A row as a JSON object: numbers as numbers (an exact decimal by its digits), days as ISO
/// text, empty cells as null.
fn row_json(columns: &[&str], cells: &[Cell]) -> String {
    let mut m = serde_json::Map::new();
    for (c, cell) in columns.iter().zip(cells) {
        let v = match cell {
            Cell::Empty => serde_json::Value::Null,
            Cell::Int(i) => (*i).into(),
            Cell::Number(f) => serde_json::Number::from_f64(*f)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Cell::Bool(b) => (*b).into(),
            Cell::Decimal(d) => serde_json::to_value(d).unwrap_or(serde_json::Value::Null),
            Cell::Day(s) | Cell::Text(s) => s.clone().into(),
            other => other.text().into(),
        };
        m.insert((*c).to_owned(), v);
    }
    serde_json::Value::Object(m).to_string()
}

fn source_of(item: &Item) -> String {
    match item {
        Item::Text(_) => "-".to_owned(),
        Item::Path(p) => p.display().to_string(),
        Item::Bytes(_) => "<bytes>".to_owned(),
    }
}

fn error_json(source: &str, kind: &str, msg: &str) -> String {
    serde_json::json!([source, kind, msg]).to_string()
}

/// The name of an error kind, as the Python exceptions are named after it.
fn kind_name(k: ErrorKind) -> &'static str {
    match k {
        ErrorKind::Decode => "decode",
        ErrorKind::TooLarge => "too_large",
        ErrorKind::Io => "input",
        ErrorKind::Document => "document",
        ErrorKind::Lexicon => "lexicon",
        ErrorKind::InvalidInput => "invalid_input",
        _ => "error",
    }
}

/// The columns of fact rows and of indicator rows, as `vnfacts table` and the CSV writer
/// name them.
#[pyfunction]
fn columns() -> (Vec<&'static str>, Vec<&'static str>) {
    (COLUMNS.to_vec(), INDICATOR_COLUMNS.to_vec())
}

/// The kinds of facts.
#[pyfunction]
fn kinds() -> Vec<&'static str> {
    Kind::ALL.iter().map(|k| k.name()).collect()
}

#[pymodule]
fn _vnfacts(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("Error", py.get_type::<Error>())?;
    m.add("DecodeError", py.get_type::<DecodeError>())?;
    m.add("TooLargeError", py.get_type::<TooLargeError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("DocumentError", py.get_type::<DocumentError>())?;
    m.add("LexiconError", py.get_type::<LexiconError>())?;
    m.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_file_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(table_json, m)?)?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    m.add_function(wrap_pyfunction!(kinds, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
