//! `vnfacts check`: sample reports against the facts expected of them.
//!
//! ```text
//! vnfacts check [OPTIONS] [PATHS]...
//!   PATHS               sample reports or folders of them (default: .)
//!   --strict            compare every field; report facts the expectation does not list
//!   --bless             write the current facts as the expectation of what changed or has none
//!   --require-expected  fail documents without an X.facts.json
//!   --color WHEN        auto (default), always, never
//!   --format F          text (default), or html: a review page with the differences marked
//!                       in place (missing, changed old → new, new), to -o FILE or stdout
//!   -o FILE             the page's file (the text report then goes to stdout, else stderr)
//! ```

use super::args::ReadArgs;
use super::sink::{write_whole, Sink};
use super::{Failure, Outcome};
use clap::ValueEnum;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use vnfacts::check::{blessed, compare, expected_path, render, report_of, validate, Style};
use vnfacts::input::batch::{
    file_jobs, read_job, read_job_with_text, run_ordered, Encodings, Selector,
};
use vnfacts::output::{Record, Review, Verdict};

pub(crate) const EXAMPLES: &str = "\
Examples:
  vnfacts check corpus/                    # every X.txt with an X.facts.json beside it
  vnfacts check samples/ --strict          # also report facts the expectation does not list
  vnfacts check samples/new.txt --bless    # write the current facts as the expectation
  vnfacts check samples/ --require-expected --color never
  vnfacts check samples/ --strict --format html -o check.html   # the differences, in place";

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ColorWhen {
    /// Colours when standard output is a terminal.
    Auto,
    /// Always colours.
    Always,
    /// Never colours.
    Never,
}

/// What `check` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// A report a document a line (and the differences under it).
    Text,
    /// A review page with the differences marked in the text (and the text report beside).
    Html,
}

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Sample reports or folders of them.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Compare every field, and report facts the expected file does not list.
    #[arg(long)]
    strict: bool,
    /// Write the current facts as the expected file of each document that changed or has none.
    #[arg(long)]
    bless: bool,
    /// Fail documents that have no expected file (they are only listed otherwise).
    #[arg(long)]
    require_expected: bool,
    /// Colours in the output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorWhen,
    /// What to write: the text report, or a review page with the differences marked.
    #[arg(long, value_enum, default_value = "text")]
    format: CheckFormat,
    /// Write the review page to this file (with --format html). It appears only when complete.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

/// What a check found.
#[derive(Default)]
struct Summary {
    ok: usize,
    changed: usize,
    without: usize,
    errors: usize,
    written: usize,
    failed: bool,
}

/// Runs `vnfacts check`.
pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let options = args.read.options(None)?;
    args.read.files.files_only("check")?;
    let how = args.read.files.how();
    let select = Selector::new(&args.read.files.glob).map_err(Failure::Usage)?;
    let html = args.format == CheckFormat::Html;
    if args.output.is_some() && !html {
        return Err(Failure::Usage(
            "-o writes the review page: give --format html too".to_owned(),
        ));
    }
    // The page goes to -o or standard output; the text report to standard output, or to
    // standard error when the page takes standard output.
    let (sink, mut page) = if html {
        let (sink, out) = Sink::open(args.output.as_deref(), &[])?;
        (Some(sink), Some(Review::new(out, true)))
    } else {
        (None, None)
    };
    let report_to_stderr = html && args.output.is_none();
    let style = Style {
        color: match args.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto if report_to_stderr => io::stderr().is_terminal(),
            ColorWhen::Auto => io::stdout().is_terminal(),
        },
    };
    let paint = |code: &str, s: &str| {
        if style.color {
            format!("\u{1b}[{code}m{s}\u{1b}[0m")
        } else {
            s.to_owned()
        }
    };
    let pool = args.read.files.pool(true)?;
    // `check X.facts.json` checks the report it belongs to. A path that does not exist is an
    // error record and exit 1, as with `extract`.
    let paths: Vec<PathBuf> = args
        .paths
        .iter()
        .map(|p| report_of(p, |r| select.wants_name(r)).unwrap_or_else(|| p.clone()))
        .collect();
    let jobs = file_jobs(&paths, &select, &[]);
    let mut sum = Summary::default();
    let mut encodings = Encodings::default();
    let mut stdout: Box<dyn Write> = if report_to_stderr {
        Box::new(io::stderr().lock())
    } else {
        Box::new(io::stdout().lock())
    };
    let page_error = |e: vnfacts::Error| io::Error::other(e.to_string());
    run_ordered(
        jobs,
        &pool,
        |j| {
            if html {
                read_job_with_text(j, &options, &how)
            } else {
                (read_job(j, &options, &how, false), None)
            }
        },
        |(done, text)| {
            encodings.count(&done);
            let r = &done.into_record(&options);
            let doc = match r {
                Record::Error { source, error } => {
                    sum.errors += 1;
                    sum.failed = true;
                    if let Some(p) = &mut page {
                        p.write_error(source, error).map_err(page_error)?;
                    }
                    return writeln!(stdout, "{} {source}: {error}", paint("31", "error  "));
                }
                Record::Document(d) => d,
            };
            let read = text.as_deref();
            let expected_file = expected_path(Path::new(&doc.source));
            let actual = serde_json::to_value(doc).map_err(io::Error::other)?;
            let bless = |stdout: &mut dyn Write, sum: &mut Summary| -> io::Result<()> {
                write_whole(&expected_file, blessed(doc).as_bytes(), true)?;
                sum.written += 1;
                writeln!(stdout, "        wrote {}", expected_file.display())
            };
            let text = match std::fs::read_to_string(&expected_file) {
                Ok(t) => t,
                Err(_) => {
                    if let Some(p) = &mut page {
                        p.write_checked(doc, read, Verdict::NoExpectation)
                            .map_err(page_error)?;
                    }
                    sum.without += 1;
                    if args.require_expected && !args.bless {
                        sum.failed = true;
                    }
                    writeln!(
                        stdout,
                        "{} {} (no {})",
                        paint("33", "no expectation"),
                        doc.source,
                        expected_file.display()
                    )?;
                    return if args.bless {
                        bless(&mut stdout, &mut sum)
                    } else {
                        Ok(())
                    };
                }
            };
            let expected: serde_json::Value = match serde_json::from_str(&text) {
                Ok(v) => v,
                Err(e) => {
                    sum.errors += 1;
                    sum.failed = true;
                    if let Some(p) = &mut page {
                        let why = format!("{}: not JSON: {e}", expected_file.display());
                        p.write_error(&doc.source, &why).map_err(page_error)?;
                    }
                    return writeln!(
                        stdout,
                        "{} {}: not JSON: {e}",
                        paint("31", "error  "),
                        expected_file.display()
                    );
                }
            };
            if let Err(why) = validate(&expected) {
                sum.errors += 1;
                sum.failed = true;
                if let Some(p) = &mut page {
                    let why = format!("{}: {why}", expected_file.display());
                    p.write_error(&doc.source, &why).map_err(page_error)?;
                }
                return writeln!(
                    stdout,
                    "{} {}: {why}",
                    paint("31", "error  "),
                    expected_file.display()
                );
            }
            let diff = compare(&expected, &actual, args.strict);
            if let Some(p) = &mut page {
                p.write_checked(doc, read, Verdict::Compared(&diff))
                    .map_err(page_error)?;
            }
            if diff.is_empty() {
                sum.ok += 1;
                let moved = if diff.moved > 0 {
                    format!(" (offsets moved by {}: {} facts)", diff.shift, diff.moved)
                } else {
                    String::new()
                };
                return writeln!(stdout, "{} {}{moved}", paint("32", "ok     "), doc.source);
            }
            sum.changed += 1;
            writeln!(stdout, "{} {}", paint("31", "changed"), doc.source)?;
            write!(stdout, "{}", render(&diff, style))?;
            if args.bless {
                bless(&mut stdout, &mut sum)
            } else {
                sum.failed = true;
                Ok(())
            }
        },
    )
    .map_err(|e| Failure::Run(format!("cannot write: {e}")))?;
    if let (Some(p), Some(sink)) = (page, sink) {
        p.finish_page()?;
        sink.commit()?;
    }
    writeln!(
        stdout,
        "vnfacts check: {} ok, {} changed, {} without an expected file, {} errors{}{}",
        sum.ok,
        sum.changed,
        sum.without,
        sum.errors,
        if sum.written > 0 {
            format!(", {} expected files written", sum.written)
        } else {
            String::new()
        },
        // Old encodings are worth a word; a folder of UTF-8 is not.
        if encodings.all_utf8() {
            String::new()
        } else {
            format!("; {encodings}")
        }
    )
    .map_err(|e| Failure::Run(format!("cannot write: {e}")))?;
    Ok(if sum.failed {
        Outcome::Failed
    } else {
        Outcome::Done
    })
}
