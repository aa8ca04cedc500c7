//! The cells of a fact's row, shared by the CSV, TSV and XLSX writers.

use crate::model::{Dec, Fact, Value};

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
    "province",
    "district",
    "code",
    "current",
    "precision",
    "from",
    "to",
    "year_inferred",
    "numerator",
    "denominator",
    "month_day",
    "relative",
    "lunar",
    "time",
    "part_of_day",
    "full_name",
    "author",
    "unit_full",
    "page",
    "error",
];

/// A cell of a fact row.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Cell {
    /// Nothing.
    Empty,
    /// A number.
    Number(f64),
    /// An integer.
    Int(i64),
    /// An exact decimal: CSV writes its digits, XLSX a number when a float holds it exactly
    /// and its digits as text otherwise (never a rounded value).
    Decimal(Dec),
    /// A yes or no (`true` / `false` in CSV, a boolean cell in XLSX).
    Bool(bool),
    /// A day (ISO text).
    Day(String),
    /// Text.
    Text(String),
}

impl Cell {
    /// The cell as text, as CSV writes it.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(n) => n.to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Decimal(d) => d.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Day(s) | Cell::Text(s) => s.clone(),
        }
    }
}

fn num(d: Option<Dec>) -> Cell {
    match d {
        Some(d) => match d.to_i64() {
            Some(i) => Cell::Int(i),
            None => Cell::Decimal(d),
        },
        None => Cell::Empty,
    }
}

fn text(s: &Option<String>) -> Cell {
    s.as_ref().map_or(Cell::Empty, |s| Cell::Text(s.clone()))
}

pub(crate) fn date(s: &Option<String>) -> Cell {
    match s {
        Some(s) if s.len() == 10 => Cell::Day(s.clone()),
        Some(s) => Cell::Text(s.clone()),
        None => Cell::Empty,
    }
}

/// A nested field (`relative`, `lunar`) as compact JSON in one cell.
fn nested<T: serde::Serialize>(v: &Option<T>) -> Cell {
    v.as_ref()
        .and_then(|v| serde_json::to_string(v).ok())
        .map_or(Cell::Empty, Cell::Text)
}

/// The row of an input that could not be read: its source, `kind` `error`, and the reason in
/// the `error` column.
#[cfg_attr(not(any(feature = "csv", feature = "xlsx")), allow(dead_code))]
pub fn error_row(source: &str, error: &str) -> Vec<Cell> {
    let mut cells = vec![Cell::Empty; COLUMNS.len()];
    cells[0] = Cell::Text(source.to_owned());
    cells[2] = Cell::Text("error".to_owned());
    cells[COLUMNS.len() - 1] = Cell::Text(error.to_owned());
    cells
}

/// The cells of one fact, in the order of [`COLUMNS`]: every field of the JSON fact, the
/// nested ones (`relative`, `lunar`) as compact JSON.
pub fn row(source: &str, f: &Fact) -> Vec<Cell> {
    let value = match &f.value {
        Some(Value::Number(d)) => num(Some(*d)),
        Some(Value::Date(s)) => date(&Some(s.clone())),
        _ => Cell::Empty,
    };
    let word = |v: Option<&'static str>| v.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()));
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
        word(f.qualifier.map(|q| q.name())),
        Cell::Int(f.start as i64),
        Cell::Int(f.end as i64),
        text(&f.name),
        text(&f.canonical),
        text(&f.role),
        text(&f.level),
        text(&f.province),
        text(&f.district),
        text(&f.code),
        text(&f.current),
        word(f.precision.map(|p| p.name())),
        date(&f.from),
        date(&f.to),
        f.year_inferred.map_or(Cell::Empty, Cell::Bool),
        num(f.numerator),
        num(f.denominator),
        text(&f.month_day),
        nested(&f.relative),
        nested(&f.lunar),
        text(&f.time),
        text(&f.part_of_day),
        text(&f.full_name),
        f.author.map_or(Cell::Empty, Cell::Bool),
        text(&f.unit_full),
        f.page.map_or(Cell::Empty, |p| Cell::Int(p as i64)),
        Cell::Empty,
    ]
}

/// The columns of an indicator row (`vnfacts table`): one row a figure, with its context.
pub const INDICATOR_COLUMNS: &[&str] = &[
    "source",
    "organization",
    "period_from",
    "period_to",
    "metric",
    "metric_key",
    "value",
    "min",
    "max",
    "unit",
    "currency",
    "per",
    "qualifier",
    "kind",
    "text",
    "line",
    "start",
    "end",
    "organization_text",
    "period_text",
];

/// The indicator row of a figure fact, in the order of [`INDICATOR_COLUMNS`] (`None` for a
/// fact that is no figure).
pub fn indicator_row(source: &str, f: &Fact) -> Option<Vec<Cell>> {
    let ctx = f.context.as_deref()?;
    let value = match &f.value {
        Some(Value::Number(d)) => num(Some(*d)),
        _ => Cell::Empty,
    };
    let org = ctx.organization.as_ref();
    let period = ctx.period.as_ref();
    let metric = ctx.metric.as_ref();
    let word = |v: Option<&'static str>| v.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()));
    Some(vec![
        Cell::Text(source.to_owned()),
        text(&org.map(|o| o.canonical.clone())),
        date(&period.map(|p| p.from.clone())),
        date(&period.map(|p| p.to.clone())),
        text(&metric.map(|m| m.label.clone())),
        text(&metric.and_then(|m| m.key.clone())),
        value,
        num(f.min),
        num(f.max),
        text(&f.unit),
        text(&f.currency),
        text(&f.per),
        word(f.qualifier.map(|q| q.name())),
        Cell::Text(f.kind.name().to_owned()),
        Cell::Text(f.text.clone()),
        Cell::Int(f.line as i64),
        Cell::Int(f.start as i64),
        Cell::Int(f.end as i64),
        text(&org.map(|o| o.text.clone())),
        text(&period.map(|p| p.text.clone())),
    ])
}

/// The indicator row of an input that could not be read: its source, `kind` `error`, and the
/// reason in the `text` column.
#[cfg_attr(not(any(feature = "csv", feature = "xlsx")), allow(dead_code))]
pub fn indicator_error_row(source: &str, error: &str) -> Vec<Cell> {
    let mut cells = vec![Cell::Empty; INDICATOR_COLUMNS.len()];
    cells[0] = Cell::Text(source.to_owned());
    cells[13] = Cell::Text("error".to_owned());
    cells[14] = Cell::Text(error.to_owned());
    cells
}
