//! The command line: the subcommands (one file each, usage at its top), the flags they share
//! ([`args`]), the batch runner ([`batch`]), the output file ([`sink`]), and the one place that
//! turns an outcome into an exit code ([`main`]).
//!
//! Exit codes: 0 when every document was read (and, for `check`, matched), 1 when some could
//! not be (or differ), 2 on a usage error.

mod args;
mod check;
mod decode;
mod extract;
mod review;
mod signals;
mod sink;
mod table;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Reads Vietnamese reports and writes the facts in them.
#[derive(Parser)]
#[command(name = "vnfacts", version, after_help = extract::EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the facts of reports (text in any encoding: see `decode`) as the JSON of SPEC.md, JSON Lines, CSV, TSV
    /// or an Excel workbook.
    #[command(after_help = extract::EXAMPLES)]
    Extract(extract::Args),
    /// Indicator rows: one a figure (money, count, percent, ratio, measure) with its
    /// organisation, period and metric, as CSV, TSV, an Excel workbook or JSON Lines.
    #[command(after_help = table::EXAMPLES)]
    Table(table::Args),
    /// A review page: one HTML file with each report's text, its facts highlighted by kind, and
    /// a table of them (the same as `extract --format html`).
    #[command(after_help = review::EXAMPLES)]
    Review(review::Args),
    /// Check sample reports against the facts expected of them (X.facts.json beside X.txt).
    #[command(after_help = check::EXAMPLES)]
    Check(check::Args),
    /// Convert reports in old encodings (TCVN3, VNI, VISCII, VPS, Windows-1258, VIQR, UTF-16)
    /// or mangled text ("Há»™i") to UTF-8: the text that facts' offsets index.
    #[command(after_help = decode::EXAMPLES)]
    Decode(decode::Args),
}

/// How a run ended.
pub(crate) enum Outcome {
    /// Everything was read (and matched).
    Done,
    /// Some inputs could not be read, or a check found differences.
    Failed,
}

/// Why a run stopped.
pub(crate) enum Failure {
    /// A usage error (exit 2): a bad option, a missing input, an unusable output.
    Usage(String),
    /// The run failed (exit 1): the output could not be written.
    Run(String),
}

impl From<vnfacts::Error> for Failure {
    fn from(e: vnfacts::Error) -> Failure {
        match e.kind() {
            vnfacts::ErrorKind::Output | vnfacts::ErrorKind::Io => Failure::Run(e.to_string()),
            _ => Failure::Usage(e.to_string()),
        }
    }
}

/// Runs the command line and says how it ended.
pub(crate) fn main() -> ExitCode {
    let cli = Cli::parse();
    signals::install();
    let outcome = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Table(args) => table::run(args),
        Command::Review(args) => review::run(args),
        Command::Check(args) => check::run(args),
        Command::Decode(args) => decode::run(args),
    };
    match outcome {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        Err(Failure::Usage(msg)) => {
            eprintln!("vnfacts: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Run(msg)) => {
            eprintln!("vnfacts: {msg}");
            ExitCode::from(1)
        }
    }
}
