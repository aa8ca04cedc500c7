//! `vnfacts table`: indicator rows, one a figure, with its organisation, period and metric.
//!
//! ```text
//! vnfacts table [OPTIONS] [INPUTS]...
//!   INPUTS          files, folders or - (stdin), as for `extract`
//!   --format F      csv (default), tsv, xlsx, jsonl
//!   --sheets S      xlsx: one (default) or per-organization (one sheet per organisation)
//!   -o FILE         write FILE, which appears only when complete (xlsx needs it)
//! ```
//!
//! Columns: source, organization, period_from, period_to, metric, metric_key, value, min, max,
//! unit, currency, per, qualifier, kind, text, line, start, end, organization_text,
//! period_text. An input that could not be read is a row of kind `error`, the reason in `text`.

use super::args::{format_parser, ReadArgs};
use super::{extract, Failure, Outcome};
use std::path::PathBuf;
use vnfacts::output::{Format, Rows, Sheets, WriterOptions};

pub(crate) const EXAMPLES: &str = "\
Examples:
  vnfacts table corpus/hoi-nong-dan-so-ket-6-thang.txt
  vnfacts table archive/ --format xlsx -o indicators.xlsx
  vnfacts table archive/ --format xlsx --sheets per-organization -o by-organization.xlsx
  vnfacts table archive/ --format tsv > indicators.tsv
  vnfacts table archive/ --format jsonl | python3 -c 'import pandas, sys; print(pandas.read_json(sys.stdin, lines=True))'";

/// How a workbook is split into sheets.
#[derive(Clone, Copy, clap::ValueEnum)]
enum SheetsArg {
    /// One sheet of every row.
    One,
    /// One sheet per organisation.
    PerOrganization,
}

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Reports, folders (read recursively) or `-` for standard input.
    #[arg(default_value = "-")]
    inputs: Vec<PathBuf>,
    /// Output format: csv, tsv, xlsx or jsonl (one row a line).
    #[arg(long, default_value = "csv", value_parser = format_parser())]
    format: Format,
    /// Sheets of an xlsx workbook.
    #[arg(long, value_enum, default_value = "one")]
    sheets: SheetsArg,
    /// Write to this file instead of standard output (required for xlsx). It appears only
    /// when complete.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Start CSV/TSV with a byte-order mark, so that Excel on Windows reads UTF-8.
    #[arg(long)]
    bom: bool,
    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    read: ReadArgs,
}

/// Runs `vnfacts table`.
pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    if matches!(args.format, Format::Json | Format::Html) {
        return Err(Failure::Usage(format!(
            "table writes rows: --format csv, tsv, xlsx or jsonl (one row a line){}",
            if args.format == Format::Html {
                "; the review page of documents is `vnfacts review`"
            } else {
                ""
            }
        )));
    }
    let sheets = match args.sheets {
        SheetsArg::One => Sheets::One,
        SheetsArg::PerOrganization => Sheets::PerOrganization,
    };
    if sheets == Sheets::PerOrganization && args.format != Format::Xlsx {
        return Err(Failure::Usage(
            "--sheets per-organization needs --format xlsx".to_owned(),
        ));
    }
    let write = WriterOptions::default()
        .bom(args.bom)
        .rows(Rows::Indicators)
        .sheets(sheets);
    let args = extract::Args {
        inputs: args.inputs,
        format: args.format,
        output: args.output,
        bom: args.bom,
        quiet: args.quiet,
        pretty: false,
        kinds: None,
        read: args.read,
    };
    extract::run_with(args, write)
}
