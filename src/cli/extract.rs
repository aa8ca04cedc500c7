//! `vnfacts extract`: the facts of reports, as JSON, JSON Lines, CSV, TSV or a workbook.
//!
//! ```text
//! vnfacts extract [OPTIONS] [INPUTS]...
//!   INPUTS          files, folders (every file --glob selects, recursively) or - (stdin):
//!                   text, HTML, Word (.docx, .doc), ODT, RTF, PDF, told from their bytes
//!   --input KIND    jsonl: records {"id": …, "text": …}, one document each; or a format
//!                   (txt, html, docx, doc, pdf, rtf, odt) forced on every file
//!   --html-all      an HTML page's whole text (default: its main text, the article)
//!   --format F      json (default; JSON Lines for several documents), jsonl, csv, tsv, xlsx,
//!                   html (a review page: the text with its facts highlighted)
//!   -o FILE         write FILE, which appears only when complete (xlsx needs it)
//!   --kinds K,…     only these kinds of facts
//!   --jobs N        documents read at once (default: all cores)
//! ```

use super::args::{format_parser, kind_parser, InputKind, ReadArgs};
use super::sink::Sink;
use super::{Failure, Outcome};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::Instant;
use vnfacts::input::batch::{
    file_jobs, jsonl_jobs, read_job, read_job_with_text, run_ordered, source_name, Done, Encodings,
    FileId, Job, Selector, Summary, What,
};
use vnfacts::output::{writer, Format, Record, WriterOptions};
use vnfacts::Kind;
use vnfacts::Piece;

pub(crate) const EXAMPLES: &str = "\
Examples:
  vnfacts extract corpus/hoi-nong-dan-so-ket-6-thang.txt --pretty
  vnfacts extract corpus/ > facts.jsonl
  vnfacts extract archive/ --format xlsx -o facts.xlsx
  vnfacts extract bao-cao.docx bao-cao.pdf trang-tin.html
  vnfacts extract archive/ --format csv --bom -o facts.csv
  cat report.txt | vnfacts extract -
  cat records.jsonl | vnfacts extract --input jsonl > facts.jsonl
  vnfacts extract report.txt --kinds money,count --reference-year 2024
  vnfacts extract report.txt --document-date 2024-07-08 --lexicon lexicon.example.toml";

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Reports, folders (read recursively) or `-` for standard input. Several documents give
    /// one record a line, in order: as given, and sorted by path within a folder.
    #[arg(default_value = "-")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Output format (json: JSON Lines for several documents).
    #[arg(long, default_value = "json", value_parser = format_parser())]
    pub(crate) format: Format,
    /// Write to this file instead of standard output (required for xlsx). It appears only
    /// when complete.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Start CSV/TSV with a byte-order mark, so that Excel on Windows reads UTF-8.
    #[arg(long)]
    pub(crate) bom: bool,
    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// Indent a lone JSON document for reading.
    #[arg(long)]
    pub(crate) pretty: bool,
    /// Only these kinds, separated by commas.
    #[arg(long, value_delimiter = ',', value_parser = kind_parser())]
    pub(crate) kinds: Option<Vec<Kind>>,
    #[command(flatten)]
    pub(crate) read: ReadArgs,
}

/// The jobs of the inputs, in order, and how many when known (a folder's files are found as
/// they are read, so their number is not). `skip` holds the run's own output files.
fn jobs<'a>(
    args: &'a Args,
    select: &'a Selector,
    skip: &'a [FileId],
) -> (Box<dyn Iterator<Item = Job> + 'a>, Option<usize>) {
    match args.read.files.input {
        InputKind::Text | InputKind::Format(_) => {
            let total = (!args.inputs.iter().any(|p| p.is_dir())).then_some(args.inputs.len());
            (Box::new(file_jobs(&args.inputs, select, skip)), total)
        }
        InputKind::Jsonl => {
            let mut streams: Vec<Box<dyn Iterator<Item = Job>>> = Vec::new();
            for p in &args.inputs {
                let name = source_name(p);
                if name == "-" {
                    streams.push(Box::new(jsonl_jobs(io::BufReader::new(io::stdin()), "-")));
                } else {
                    match std::fs::File::open(p) {
                        Ok(f) => streams.push(Box::new(jsonl_jobs(io::BufReader::new(f), &name))),
                        Err(e) => streams.push(Box::new(std::iter::once(Job {
                            source: name,
                            what: What::Error(format!("cannot read: {e}")),
                        }))),
                    }
                }
            }
            (Box::new(streams.into_iter().flatten()), None)
        }
    }
}

/// The files the run reads that an output must not be: the files given, and the output
/// itself when it lies in an input folder and the glob selects it. Warns when the output
/// does not exist yet but the next run over that folder would read it.
fn input_files(args: &Args, select: &Selector) -> Vec<FileId> {
    let mut ids: Vec<FileId> = args
        .inputs
        .iter()
        .filter(|p| p.as_os_str() != "-" && !p.is_dir())
        .filter_map(|p| FileId::of(p))
        .collect();
    let Some(out) = &args.output else {
        return ids;
    };
    if args.read.files.input == InputKind::Jsonl || !select.wants_name(out) {
        return ids;
    }
    let dir_of_out = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(dir_of_out) = dir_of_out.canonicalize() else {
        return ids;
    };
    for folder in args.inputs.iter().filter(|p| p.is_dir()) {
        let Ok(folder) = folder.canonicalize() else {
            continue;
        };
        if !dir_of_out.starts_with(&folder) {
            continue;
        }
        match FileId::of(out) {
            Some(id) => ids.push(id),
            None if !args.quiet => eprintln!(
                "vnfacts: warning: {} lies inside the input folder {} and --glob selects it: \
                 the next run over that folder will read it as a report",
                out.display(),
                folder.display()
            ),
            None => {}
        }
    }
    ids
}

fn progress(total: Option<usize>) -> ProgressBar {
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
    bar
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Runs `vnfacts extract`.
pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let how = WriterOptions::default().pretty(args.pretty).bom(args.bom);
    run_with(args, how)
}

/// Runs an extraction written the way `write` says (`vnfacts table` writes indicator rows).
pub(crate) fn run_with(args: Args, write: WriterOptions) -> Result<Outcome, Failure> {
    let started = Instant::now();
    let options = args.read.options(args.kinds.clone())?;
    let how = args.read.files.how();
    if args.format == Format::Xlsx && args.output.is_none() {
        return Err(Failure::Usage(
            "--format xlsx writes a file: give it with -o FILE".to_owned(),
        ));
    }
    let select = Selector::new(&args.read.files.glob).map_err(Failure::Usage)?;
    let pool = args.read.files.pool(args.quiet)?;
    // Refused before anything is read: an output that is one of the inputs.
    let inputs = input_files(&args, &select);
    let (sink, out) = Sink::open(args.output.as_deref(), &inputs)?;
    let skip: Vec<FileId> = sink.temp_id().into_iter().collect();
    let (jobs, total) = jobs(&args, &select, &skip);
    let bar = (!args.quiet && io::stderr().is_terminal() && total.is_none_or(|n| n > 1))
        .then(|| progress(total));

    if args.format == Format::Xlsx && !sink.is_file() {
        return Err(Failure::Usage(format!(
            "{}: xlsx needs a regular file",
            args.output
                .as_deref()
                .unwrap_or(std::path::Path::new("-"))
                .display()
        )));
    }
    let mut w = writer(args.format, out, write)?;
    let mut summary = Summary::default();
    let mut encodings = Encodings::default();
    let mut failed = None;
    let streams = w.streams();
    // Records are serialised where they are read, when the writer allows it: the writing
    // thread then only writes bytes.
    let encoder = w.encoder();
    // A review page shows each document's text: the readers keep it.
    let keep_text = args.format == Format::Html;
    let ran = run_ordered(
        jobs,
        &pool,
        |j| {
            let (mut done, text) = if keep_text {
                read_job_with_text(j, &options, &how)
            } else {
                (read_job(j, &options, &how, streams), None)
            };
            let encode = |r: &Record| {
                let e = encoder.as_ref()?;
                // Room for a report's record (a 2 KB report's line is about 6 KB) without
                // growing the buffer step by step.
                let mut bytes = Vec::with_capacity(16 << 10);
                Some(e.encode(r, &mut bytes).map(|()| bytes))
            };
            let bytes = match &done {
                Done::Record(r) => encode(r),
                Done::Refused { source, error } => encode(&Record::Error {
                    source: source.clone(),
                    error: error.clone(),
                }),
                Done::Long { .. } => None,
            };
            // A record written as bytes needs only its count of facts: the facts are freed
            // here, by the thread that made them, not by the writing thread.
            let mut facts = None;
            if let (Some(Ok(_)), Done::Record(Record::Document(d))) = (&bytes, &mut done) {
                facts = Some(d.facts.len());
                d.facts = Vec::new();
            }
            (done, bytes, facts, text)
        },
        |(done, bytes, facts, text)| {
            let say = |msg: String| match &bar {
                Some(b) => b.suspend(|| eprintln!("{msg}")),
                None => eprintln!("{msg}"),
            };
            summary.documents += 1;
            encodings.count(&done);
            let wrote = match done {
                // A record (bytes that could not be decoded are an error record).
                short @ (Done::Record(_) | Done::Refused { .. }) => {
                    let r = short.into_record(&options);
                    match &r {
                        Record::Document(d) => {
                            for warning in &d.warnings {
                                say(format!("vnfacts: {}: {warning}", d.source));
                            }
                            summary.facts += facts.unwrap_or(d.facts.len());
                        }
                        Record::Error { source, error } => {
                            summary.errors += 1;
                            say(format!("vnfacts: {source}: {error}"));
                        }
                    }
                    match bytes {
                        Some(Ok(bytes)) => w.write_encoded(&bytes),
                        Some(Err(e)) => Err(e),
                        None => w.write(&r, text.as_deref()),
                    }
                }
                // A long text: read window by window, its facts written as they come.
                Done::Long { source, doc } => {
                    let facts = &mut summary.facts;
                    let w = &mut w;
                    let read = vnfacts::extract_each(&doc.text, &options, |piece| match piece {
                        Piece::Document(info) => {
                            let mut info = info.clone();
                            doc.stamp(&mut info);
                            w.begin(&source, &info)
                        }
                        Piece::Fact(mut f) => {
                            *facts += 1;
                            f.page = doc.page_of(f.start);
                            w.fact(&f)
                        }
                        _ => Ok(()),
                    });
                    read.and_then(|warnings| {
                        for warning in &warnings {
                            say(format!("vnfacts: {source}: {warning}"));
                        }
                        w.end(&warnings)
                    })
                }
            };
            if let Some(b) = &bar {
                b.inc(1);
                b.set_message(summary.facts.to_string());
            }
            wrote.map_err(|e| {
                let msg = e.to_string();
                failed = Some(e);
                io::Error::other(msg)
            })
        },
    );
    if sink.closed() {
        // The reader went away (`| head`): stop quietly, as Unix tools do.
        return Ok(Outcome::Done);
    }
    if let Some(e) = failed {
        return Err(Failure::Run(e.to_string()));
    }
    ran.map_err(|e| Failure::Run(format!("cannot write the output: {e}")))?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Err(e) = w.finish() {
        if sink.closed() {
            return Ok(Outcome::Done);
        }
        return Err(Failure::Run(e.to_string()));
    }
    sink.commit()?;
    if !args.quiet && (summary.documents > 1 || summary.errors > 0) {
        eprintln!(
            "vnfacts: {}, {}, {}, {:.2} s; {encodings}",
            plural(summary.documents, "document", "documents"),
            plural(summary.facts, "fact", "facts"),
            plural(summary.errors, "error", "errors"),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if summary.errors > 0 {
        Outcome::Failed
    } else {
        Outcome::Done
    })
}
