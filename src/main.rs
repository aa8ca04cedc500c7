//! The `vnfacts` command: a thin layer over the library. Reading arguments, files and the
//! terminal happens here; the library never prints and never reads files on its own.

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use vnfacts::batch::{file_jobs, jsonl_jobs, run_ordered, Job, Selector};
use vnfacts::write::{Format, Record, Writer};
use vnfacts::{Kind, Options};

const EXAMPLES: &str = "\
Examples:
  vnfacts extract corpus/hoi-nong-dan-so-ket-6-thang.txt --pretty
  vnfacts extract corpus/ > facts.jsonl
  vnfacts extract archive/ --format xlsx -o facts.xlsx
  vnfacts extract archive/ --format csv --bom -o facts.csv
  cat report.txt | vnfacts extract -
  cat records.jsonl | vnfacts extract --input jsonl > facts.jsonl
  vnfacts extract report.txt --kinds money,count --reference-year 2024
  vnfacts extract report.txt --document-date 2024-07-08 --lexicon lexicon.example.toml";

/// Reads Vietnamese reports and writes the facts in them.
#[derive(Parser)]
#[command(name = "vnfacts", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the facts of reports (UTF-8 text) as the JSON of SPEC.md, JSON Lines, CSV, TSV
    /// or an Excel workbook.
    #[command(after_help = EXAMPLES)]
    Extract(ExtractArgs),
    /// Check sample reports against the facts expected of them (X.facts.json beside X.txt).
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
}

const CHECK_EXAMPLES: &str = "\
Examples:
  vnfacts check corpus/                    # every X.txt with an X.facts.json beside it
  vnfacts check samples/ --strict          # also report facts the expectation does not list
  vnfacts check samples/new.txt --bless    # write the current facts as the expectation
  vnfacts check samples/ --require-expected --color never";

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    /// Colours when standard output is a terminal.
    Auto,
    /// Always colours.
    Always,
    /// Never colours.
    Never,
}

#[derive(clap::Args)]
struct CheckArgs {
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
    /// Which files of a folder are sample reports.
    #[arg(long, default_value = "*.txt", value_name = "GLOB")]
    glob: String,
    #[command(flatten)]
    read: ReadArgs,
}

/// What a check found.
#[derive(Default)]
struct CheckSummary {
    ok: usize,
    changed: usize,
    without: usize,
    errors: usize,
    written: usize,
    failed: bool,
}

fn check(args: CheckArgs) -> Result<CheckSummary, Failure> {
    use vnfacts::check::{blessed, compare, expected_path, render, Style};
    for p in &args.paths {
        if !p.exists() {
            return Err(Failure::Usage(format!(
                "{}: no such file or folder",
                p.display()
            )));
        }
    }
    let options = args.read.options(None)?;
    let select = Selector::new(&args.glob).map_err(Failure::Usage)?;
    let style = Style {
        color: match args.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
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
    let pool = rayon::ThreadPoolBuilder::new()
        .build()
        .map_err(|e| Failure::Run(e.to_string()))?;
    let jobs = file_jobs(&args.paths, &select);
    let mut sum = CheckSummary::default();
    let mut stdout = io::stdout().lock();
    run_ordered(jobs.into_iter(), &pool, &options, |r| {
        let doc = match r {
            Record::Error { source, error } => {
                sum.errors += 1;
                sum.failed = true;
                return writeln!(stdout, "{} {source}: {error}", paint("31", "error  "));
            }
            Record::Document(d) => d,
        };
        let expected_file = expected_path(Path::new(&doc.source));
        let actual = serde_json::to_value(doc).map_err(io::Error::other)?;
        let bless = |stdout: &mut dyn Write, sum: &mut CheckSummary| -> io::Result<()> {
            std::fs::write(&expected_file, blessed(doc))?;
            sum.written += 1;
            writeln!(stdout, "        wrote {}", expected_file.display())
        };
        let text = match std::fs::read_to_string(&expected_file) {
            Ok(t) => t,
            Err(_) => {
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
                return writeln!(
                    stdout,
                    "{} {}: not JSON: {e}",
                    paint("31", "error  "),
                    expected_file.display()
                );
            }
        };
        let diff = compare(&expected, &actual, args.strict);
        if diff.is_empty() {
            sum.ok += 1;
            return writeln!(stdout, "{} {}", paint("32", "ok     "), doc.source);
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
    })
    .map_err(|e| Failure::Run(format!("cannot write: {e}")))?;
    writeln!(
        stdout,
        "vnfacts check: {} ok, {} changed, {} without an expected file, {} errors{}",
        sum.ok,
        sum.changed,
        sum.without,
        sum.errors,
        if sum.written > 0 {
            format!(", {} expected files written", sum.written)
        } else {
            String::new()
        }
    )
    .map_err(|e| Failure::Run(format!("cannot write: {e}")))?;
    Ok(sum)
}

#[derive(Clone, Copy, ValueEnum)]
enum InputKind {
    /// Files of text (a folder: every file its glob selects).
    Text,
    /// JSON Lines records {"id": …, "text": …}, one document each.
    Jsonl,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Reports, folders (read recursively) or `-` for standard input. Several documents give
    /// one record a line, in order: as given, and sorted by path within a folder.
    #[arg(default_value = "-")]
    inputs: Vec<PathBuf>,
    /// What the inputs hold.
    #[arg(long, value_enum, default_value = "text")]
    input: InputKind,
    /// Output format: json (JSON Lines for several documents), jsonl, csv, tsv, xlsx.
    #[arg(long, default_value = "json", value_parser = parse_format)]
    format: Format,
    /// Write to this file instead of standard output (required for xlsx). It appears only
    /// when complete.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Start CSV/TSV with a byte-order mark, so that Excel on Windows reads UTF-8.
    #[arg(long)]
    bom: bool,
    /// Which files of a folder to read.
    #[arg(long, default_value = "*.txt", value_name = "GLOB")]
    glob: String,
    /// Threads (default: all cores).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    quiet: bool,
    /// Indent a lone JSON document for reading.
    #[arg(long)]
    pretty: bool,
    /// Only these kinds, separated by commas (money, count, percent, ratio, measure,
    /// duration, date, period, organization, person, location).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    kinds: Option<Vec<Kind>>,
    #[command(flatten)]
    read: ReadArgs,
}

/// How reports are read: the options `extract` and `check` share.
#[derive(clap::Args)]
struct ReadArgs {
    /// The year that completes dates written without one ("ngày 8/3", "6 tháng đầu năm");
    /// overrides the year read from the text.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
    reference_year: Option<i32>,
    /// The report's own date (YYYY-MM-DD), when the text does not say it; relative dates
    /// ("hôm qua", "tuần trước") are resolved against it. Never taken from the clock.
    #[arg(long, value_name = "DATE")]
    document_date: Option<vnfacts::calendar::Date>,
    /// Your own abbreviations, organisations and places (TOML; see lexicon.example.toml).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
}

impl ReadArgs {
    /// The library's options; a bad lexicon is a usage error.
    fn options(&self, kinds: Option<Vec<Kind>>) -> Result<Options, Failure> {
        let lexicon = match &self.lexicon {
            Some(p) => Some(std::sync::Arc::new(
                vnfacts::UserLexicon::load(p).map_err(Failure::Usage)?,
            )),
            None => None,
        };
        Ok(Options {
            reference_year: self.reference_year,
            kinds,
            document_date: self.document_date,
            lexicon,
        })
    }
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse()
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

/// A usage error (exit 2) or a failure of the run (exit 1).
enum Failure {
    Usage(String),
    Run(String),
}

/// The output: standard output, or a file written beside its final name and renamed when done.
struct Output {
    target: Option<PathBuf>,
    partial: Option<PathBuf>,
}

impl Output {
    fn partial_path(target: &Path) -> PathBuf {
        let mut name = target.file_name().unwrap_or_default().to_os_string();
        name.push(".partial");
        target.with_file_name(name)
    }

    fn commit(&mut self) -> Result<(), String> {
        if let (Some(t), Some(p)) = (&self.target, self.partial.take()) {
            std::fs::rename(&p, t).map_err(|e| format!("{}: cannot write: {e}", t.display()))?;
        }
        Ok(())
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // A run that failed leaves no partial file behind.
        if let Some(p) = self.partial.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn run(args: ExtractArgs) -> Result<vnfacts::batch::Summary, Failure> {
    let options = args.read.options(args.kinds.clone())?;
    if args.format == Format::Xlsx && args.output.is_none() {
        return Err(Failure::Usage(
            "--format xlsx writes a file: give it with -o FILE".to_owned(),
        ));
    }
    let select = Selector::new(&args.glob).map_err(Failure::Usage)?;
    let threads = args.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Failure::Usage(format!("--jobs {threads}: {e}")))?;

    // The jobs, in order.
    let (jobs, total): (Box<dyn Iterator<Item = Job>>, Option<usize>) = match args.input {
        InputKind::Text => {
            let jobs = file_jobs(&args.inputs, &select);
            let n = jobs.len();
            (Box::new(jobs.into_iter()), Some(n))
        }
        InputKind::Jsonl => {
            let mut streams: Vec<Box<dyn Iterator<Item = Job>>> = Vec::new();
            for p in &args.inputs {
                let name = p.display().to_string();
                if name == "-" {
                    streams.push(Box::new(jsonl_jobs(io::BufReader::new(io::stdin()), "-")));
                } else {
                    match std::fs::File::open(p) {
                        Ok(f) => streams.push(Box::new(jsonl_jobs(io::BufReader::new(f), &name))),
                        Err(e) => streams.push(Box::new(std::iter::once(Job {
                            source: name,
                            what: vnfacts::batch::What::Error(format!("cannot read: {e}")),
                        }))),
                    }
                }
            }
            (Box::new(streams.into_iter().flatten()), None)
        }
    };

    let show_progress = !args.quiet && io::stderr().is_terminal() && total.is_none_or(|n| n > 1);
    let bar = if show_progress {
        let bar = match total {
            Some(n) => ProgressBar::new(n as u64),
            None => ProgressBar::new_spinner(),
        };
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:30} {pos}/{len} documents, {msg} facts, {per_sec}, {eta} left",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };

    let mut output = Output {
        target: args.output.clone(),
        partial: None,
    };
    // A device or a pipe ("-o /dev/full") is written directly; a file through a partial file.
    let special = args
        .output
        .as_ref()
        .is_some_and(|t| std::fs::metadata(t).is_ok_and(|m| !m.is_file()));
    let mut sink: Box<dyn Write> = match &args.output {
        Some(t) if special => {
            if args.format == Format::Xlsx {
                return Err(Failure::Usage(format!(
                    "{}: xlsx needs a regular file",
                    t.display()
                )));
            }
            output.target = None;
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(t)
                .map_err(|e| Failure::Usage(format!("{}: cannot write: {e}", t.display())))?;
            Box::new(io::BufWriter::new(f))
        }
        Some(t) if args.format != Format::Xlsx => {
            let p = Output::partial_path(t);
            let f = std::fs::File::create(&p)
                .map_err(|e| Failure::Usage(format!("{}: cannot write: {e}", t.display())))?;
            output.partial = Some(p);
            Box::new(io::BufWriter::new(f))
        }
        _ => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let mut writer = Writer::new(args.format, &mut sink, args.bom)
        .map_err(|e| Failure::Run(format!("cannot write the output: {e}")))?
        .pretty(args.pretty);
    let mut facts = 0;
    let summary = run_ordered(jobs, &pool, &options, |r| {
        match r {
            Record::Document(d) => {
                for w in &d.warnings {
                    eprintln!("vnfacts: {}: {w}", d.source);
                }
                facts += d.facts.len();
            }
            Record::Error { source, error } => {
                if let Some(b) = &bar {
                    b.suspend(|| eprintln!("vnfacts: {source}: {error}"));
                } else {
                    eprintln!("vnfacts: {source}: {error}");
                }
            }
        }
        if let Some(b) = &bar {
            b.inc(1);
            b.set_message(facts.to_string());
        }
        writer.write(r)
    })
    .map_err(|e| Failure::Run(format!("cannot write the output: {e}")))?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if args.format == Format::Xlsx {
        let target = args.output.clone().expect("xlsx has -o");
        let partial = Output::partial_path(&target);
        output.partial = Some(partial.clone());
        writer.finish_xlsx(&partial).map_err(Failure::Run)?;
    } else {
        writer
            .finish()
            .map_err(|e| Failure::Run(format!("cannot write the output: {e}")))?;
    }
    sink.flush()
        .map_err(|e| Failure::Run(format!("cannot write the output: {e}")))?;
    drop(sink);
    output.commit().map_err(Failure::Run)?;
    Ok(summary)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = match cli.command {
        Command::Extract(args) => args,
        Command::Check(args) => {
            return match check(args) {
                Ok(s) if s.failed => ExitCode::from(1),
                Ok(_) => ExitCode::SUCCESS,
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
    };
    let quiet = args.quiet;
    let started = Instant::now();
    match run(args) {
        Ok(s) => {
            if !quiet && (s.documents > 1 || s.errors > 0) {
                let plural = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                eprintln!(
                    "vnfacts: {}, {}, {}, {:.2} s",
                    plural(s.documents, "document", "documents"),
                    plural(s.facts, "fact", "facts"),
                    plural(s.errors, "error", "errors"),
                    started.elapsed().as_secs_f64()
                );
            }
            if s.errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
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
