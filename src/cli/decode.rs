//! `vnfacts decode`: old encodings, mangled text and documents (Word, ODT, RTF, PDF, HTML)
//! converted to UTF-8 text.
//!
//! ```text
//! vnfacts decode [OPTIONS] [INPUTS]...
//!   INPUTS            files, or - (stdin); folders with --out-dir
//!   -o FILE           write the text to FILE (refused when it exists, unless --force)
//!   --out-dir DIR     convert every file --glob selects into DIR, same layout and names (a
//!                     document's text as NAME.txt: bao-cao.docx → bao-cao.docx.txt)
//!   --force           replace output files that exist
//!   --encoding NAME   read every input in this encoding instead of detecting it
//!   --input FORMAT    read every input as this format instead of telling it from its bytes
//!   --html-all        an HTML page's whole text, not only its article
//! ```
//!
//! The text written is exactly the text that facts' `start`/`end` index (SPEC.md): UTF-8
//! input as it is (its byte-order mark removed), anything else converted, in NFC. Nothing is
//! converted in place: an output folder inside an input folder is refused, and so is an output
//! file that exists (unless `--force`). Each file appears only whole (a temporary file beside
//! it, renamed when complete). A file that cannot be decoded gets an error line, and the run
//! goes on; the summary counts the encodings ("1,204 utf-8, 310 tcvn3, 12 vni, 2 refused").

use super::args::FileArgs;
use super::sink::{write_whole, Sink};
use super::{Failure, Outcome};
use std::io::Write;
use std::path::{Path, PathBuf};
use vnfacts::input::batch::{file_jobs, run_ordered, Encodings, FileId, Job, Selector, What};
use vnfacts::input::Decoded;

pub(crate) const EXAMPLES: &str = "\
Examples:
  vnfacts decode old/bao-cao.txt                  # the text, as UTF-8, on standard output
  vnfacts decode old/bao-cao.txt -o bao-cao.txt   # into a new file
  vnfacts decode archive/ --out-dir utf8/         # a whole tree, same layout and names
  vnfacts decode bao-cao.docx                     # a Word file's text, as facts index it
  vnfacts decode archive/ --out-dir utf8/ --glob '*' --encoding tcvn3";

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Files, or `-` for standard input; folders (read recursively) with --out-dir.
    #[arg(default_value = "-")]
    inputs: Vec<PathBuf>,
    /// Write the text to this file instead of standard output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    output: Option<PathBuf>,
    /// Convert every file of the inputs into this folder, with the same layout and names.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Replace output files that exist (they are refused otherwise).
    #[arg(long)]
    force: bool,
    /// No summary on standard error.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    files: FileArgs,
}

/// Runs `vnfacts decode`.
pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    args.files.files_only("decode")?;
    let select = Selector::new(&args.files.glob).map_err(Failure::Usage)?;
    let pool = args.files.pool(args.quiet)?;
    match &args.out_dir {
        Some(dir) => to_folder(&args, dir, &select, &pool),
        None => to_stream(&args, &select, &pool),
    }
}

/// Reads and decodes one job.
fn decode(job: &Job, args: &Args) -> Result<Decoded, vnfacts::Error> {
    vnfacts::input::batch::decode(&job.what, &args.files.how())
}

/// Counts a result: its encoding, or a refusal (bytes that could not be decoded; a file that
/// could not be read is an error line, not counted, as `extract` does).
fn count(tally: &mut Encodings, r: &Result<Decoded, vnfacts::Error>) {
    match r {
        Ok(d) => {
            tally.add(&d.encoding.name);
            tally.add_format(d.format);
        }
        Err(e) if e.kind() == vnfacts::ErrorKind::Decode => tally.refuse(),
        Err(_) => {}
    }
}

/// The texts of the inputs, one after the other, on standard output or in `-o FILE`.
fn to_stream(args: &Args, select: &Selector, pool: &rayon::ThreadPool) -> Result<Outcome, Failure> {
    if let Some(d) = args.inputs.iter().find(|p| p.is_dir()) {
        return Err(Failure::Usage(format!(
            "{} is a folder: give --out-dir DIR to convert every file in it",
            d.display()
        )));
    }
    if let Some(o) = &args.output {
        if !args.force && std::fs::symlink_metadata(o).is_ok_and(|m| m.is_file()) {
            return Err(Failure::Usage(format!(
                "{}: the file exists; give --force to replace it",
                o.display()
            )));
        }
    }
    let inputs: Vec<FileId> = args.inputs.iter().filter_map(|p| FileId::of(p)).collect();
    let (sink, mut out) = Sink::open(args.output.as_deref(), &inputs)?;
    let mut tally = Encodings::default();
    let mut failed = false;
    let ran = run_ordered(
        file_jobs(&args.inputs, select, &[]),
        pool,
        |job| (decode(&job, args), job.source),
        |(r, source)| {
            count(&mut tally, &r);
            match r {
                Ok(d) => out.write_all(d.text.as_bytes()),
                Err(e) => {
                    failed = true;
                    eprintln!("vnfacts: {source}: {e}");
                    Ok(())
                }
            }
        },
    );
    let ran = ran.and_then(|()| out.flush());
    drop(out);
    if sink.closed() {
        return Ok(Outcome::Done);
    }
    ran.map_err(|e| Failure::Run(format!("cannot write the output: {e}")))?;
    sink.commit()?;
    if !args.quiet && (args.inputs.len() > 1 || failed) {
        eprintln!("vnfacts decode: {tally}");
    }
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Done
    })
}

/// The absolute form of `p`, with its links resolved as far as it exists.
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    match (p.parent(), p.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => absolute(parent).join(name),
        (_, Some(name)) => std::env::current_dir().unwrap_or_default().join(name),
        _ => p.to_path_buf(),
    }
}

/// Each input converted into `dir`: a folder's files under the same relative paths, a file
/// under its name.
fn to_folder(
    args: &Args,
    dir: &Path,
    select: &Selector,
    pool: &rayon::ThreadPool,
) -> Result<Outcome, Failure> {
    let out_abs = absolute(dir);
    for p in &args.inputs {
        if p.as_os_str() == "-" {
            return Err(Failure::Usage(
                "standard input has no name to write under --out-dir: use -o FILE".to_owned(),
            ));
        }
        if p.is_dir() && out_abs.starts_with(absolute(p)) {
            return Err(Failure::Usage(format!(
                "{}: the output folder is inside the input folder {}; nothing is converted in \
                 place (choose a folder outside it)",
                dir.display(),
                p.display()
            )));
        }
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Usage(format!("{}: cannot create: {e}", dir.display())))?;
    // Each job with the path it is written to.
    let jobs = args.inputs.iter().flat_map(|p| {
        let root = if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        file_jobs(std::slice::from_ref(p), select, &[]).map(move |job| {
            let rel = match &job.what {
                What::File(f) => f.strip_prefix(&root).ok().map(Path::to_path_buf),
                _ => None,
            };
            (job, rel)
        })
    });
    let mut tally = Encodings::default();
    let (mut written, mut failed) = (0usize, false);
    let mut say = |source: &str, why: &str| {
        failed = true;
        eprintln!("vnfacts: {source}: {why}");
    };
    let ran = run_ordered(
        jobs,
        pool,
        |(job, rel)| (decode(&job, args), job.source, rel),
        |(r, source, rel)| {
            count(&mut tally, &r);
            let (d, rel) = match (r, rel) {
                (Err(e), _) => {
                    say(&source, &e.to_string());
                    return Ok(());
                }
                (Ok(_), None) => {
                    say(&source, "no path to write it under");
                    return Ok(());
                }
                (Ok(d), Some(rel)) => (d, rel),
            };
            // A document becomes a text file beside the name it had ("bao-cao.docx.txt").
            let target = if d.format == vnfacts::input::Format::Txt {
                dir.join(&rel)
            } else {
                let mut name = rel.clone().into_os_string();
                name.push(".txt");
                dir.join(name)
            };
            let made = target.parent().map_or(Ok(()), std::fs::create_dir_all);
            match made.and_then(|()| write_whole(&target, d.text.as_bytes(), args.force)) {
                Ok(()) => written += 1,
                Err(e) => say(&source, &format!("{}: {e}", target.display())),
            }
            Ok(())
        },
    );
    ran.map_err(|e| Failure::Run(format!("cannot write: {e}")))?;
    if !args.quiet {
        eprintln!(
            "vnfacts decode: {tally}; {written} {} written to {}",
            if written == 1 { "file" } else { "files" },
            dir.display()
        );
    }
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Done
    })
}
