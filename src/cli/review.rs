//! `vnfacts review`: a page to look at: each report's text with its facts highlighted.
//!
//! ```text
//! vnfacts review [OPTIONS] [INPUTS]...
//!   INPUTS          files, folders or - (stdin), as for `extract`
//!   -o FILE         write FILE (default: standard output), which appears only when complete
//!   --kinds K,…     only these kinds of facts
//! ```
//!
//! One self-contained HTML file (no other file, works offline): the text as read, every fact
//! highlighted by kind (colour and line style) with its value, unit, name and context on hover
//! and on keyboard focus; a table of the facts beside it, sortable and filterable, whose rows
//! scroll the text to their fact; a summary per document; for several documents a list with
//! search. The same page as `extract --format html`; `check --format html` adds the
//! differences from the expected facts.

use super::args::{kind_parser, ReadArgs};
use super::{extract, Failure, Outcome};
use std::path::PathBuf;
use vnfacts::output::{Format, WriterOptions};
use vnfacts::Kind;

pub(crate) const EXAMPLES: &str = "\
Examples:
  vnfacts review corpus/hoi-nong-dan-so-ket-6-thang.txt -o review.html
  vnfacts review archive/ -o archive.html          # one page, a list of documents with search
  vnfacts review bao-cao.docx --kinds money,count -o money.html
  vnfacts check samples/ --format html -o check.html   # the differences, marked in place";

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Reports, folders (read recursively) or `-` for standard input.
    #[arg(default_value = "-")]
    inputs: Vec<PathBuf>,
    /// Write the page to this file instead of standard output. It appears only when complete.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    quiet: bool,
    /// Only these kinds, separated by commas.
    #[arg(long, value_delimiter = ',', value_parser = kind_parser())]
    kinds: Option<Vec<Kind>>,
    #[command(flatten)]
    read: ReadArgs,
}

/// Runs `vnfacts review`.
pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let args = extract::Args {
        inputs: args.inputs,
        format: Format::Html,
        output: args.output,
        bom: false,
        quiet: args.quiet,
        pretty: false,
        kinds: args.kinds,
        read: args.read,
    };
    extract::run_with(args, WriterOptions::default())
}
