//! Batches: which inputs a run reads (files, folders, standard input, JSON Lines records), and
//! reading them in parallel while writing the results in order, a bounded window at a time, so
//! that memory stays flat however many documents there are.

use rayon::prelude::*;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};
use vnfacts::output::Record;
use vnfacts::{extract, input, Options};

/// One input to read.
#[derive(Debug, Clone)]
pub struct Job {
    /// What the record's `source` says: the path as given, `-`, or a record's id.
    pub source: String,
    /// Where the text is.
    pub what: What,
}

/// Where a job's text is.
#[derive(Debug, Clone)]
pub enum What {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// Text already read (a JSON Lines record).
    Text(String),
    /// An input that is already known to be unreadable, and why.
    Error(String),
}

/// How the files of a folder are chosen: a glob on their names (default `*.txt`).
pub struct Selector {
    glob: globset::GlobMatcher,
}

impl Selector {
    /// Files whose name matches `pattern` (e.g. `*.txt`, `*.{txt,md}`).
    pub fn new(pattern: &str) -> Result<Selector, String> {
        let glob = globset::Glob::new(pattern)
            .map_err(|e| format!("--glob {pattern:?}: {e}"))?
            .compile_matcher();
        Ok(Selector { glob })
    }

    fn wants(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|n| self.glob.is_match(n))
    }
}

/// The jobs of the paths given: files as they are, `-` as standard input, and every selected
/// file under a folder (recursively, following links, sorted by path). A folder's entries that
/// cannot be read (a link loop, a broken link, no permission) become error jobs, never lost.
pub fn file_jobs(paths: &[PathBuf], select: &Selector) -> Vec<Job> {
    let mut jobs = Vec::new();
    for p in paths {
        let source = p.display().to_string();
        if source == "-" {
            jobs.push(Job {
                source,
                what: What::Stdin,
            });
        } else if p.is_dir() {
            let walk = walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name();
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() && select.wants(e.path()) => jobs.push(Job {
                        source: e.path().display().to_string(),
                        what: What::File(e.path().to_path_buf()),
                    }),
                    Ok(_) => {}
                    Err(err) => {
                        let path = err
                            .path()
                            .map_or_else(|| source.clone(), |p| p.display().to_string());
                        let why = if err.loop_ancestor().is_some() {
                            "a symbolic link loop; skipped".to_owned()
                        } else {
                            match err.io_error() {
                                Some(e) => format!("cannot read: {e}"),
                                None => err.to_string(),
                            }
                        };
                        jobs.push(Job {
                            source: path,
                            what: What::Error(why),
                        });
                    }
                }
            }
        } else {
            jobs.push(Job {
                source,
                what: What::File(p.clone()),
            });
        }
    }
    jobs
}

/// The records of a JSON Lines stream, `{"id": …, "text": …}` a line, as jobs; a line that is
/// not such a record becomes an error job named `NAME:LINE`.
pub fn jsonl_jobs<R: BufRead>(reader: R, name: &str) -> impl Iterator<Item = Job> {
    let name = name.to_owned();
    reader.lines().enumerate().filter_map(move |(i, line)| {
        let at = format!("{name}:{}", i + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                return Some(Job {
                    source: at,
                    what: What::Error(format!("cannot read: {e}")),
                })
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                return Some(Job {
                    source: at,
                    what: What::Error(format!("not a JSON record: {e}")),
                })
            }
        };
        let id = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => at.clone(),
            other => other.to_string(),
        };
        Some(match v["text"].as_str() {
            Some(t) => Job {
                source: id,
                what: What::Text(t.to_owned()),
            },
            None => Job {
                source: id,
                what: What::Error("the record has no \"text\" string".to_owned()),
            },
        })
    })
}

/// Reads one job into its record.
pub fn process(job: Job, options: &Options) -> Record {
    let Job { source, what } = job;
    let text = match what {
        What::Error(e) => Err(e),
        What::Text(t) => Ok(t),
        What::Stdin => input::read_stream(io::stdin()).map_err(|e| e.to_string()),
        What::File(p) => input::read_path(&p).map_err(|e| e.to_string()),
    };
    match text {
        Ok(text) => {
            let mut doc = extract(&text, options);
            doc.source = source;
            Record::Document(doc)
        }
        Err(error) => Record::Error { source, error },
    }
}

/// What a run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Records written.
    pub documents: usize,
    /// Facts in them.
    pub facts: usize,
    /// Inputs that could not be read.
    pub errors: usize,
}

/// How many jobs are read at once per thread: enough to keep the threads busy, few enough that
/// memory stays flat.
const WINDOW_PER_THREAD: usize = 8;

/// Reads `jobs` on `pool` and hands each record to `emit` in the order of the jobs.
pub fn run_ordered(
    jobs: impl Iterator<Item = Job>,
    pool: &rayon::ThreadPool,
    options: &Options,
    mut emit: impl FnMut(&Record) -> io::Result<()>,
) -> io::Result<Summary> {
    let window = pool.current_num_threads().max(1) * WINDOW_PER_THREAD;
    let mut jobs = jobs.peekable();
    let mut summary = Summary::default();
    while jobs.peek().is_some() {
        let batch: Vec<Job> = jobs.by_ref().take(window).collect();
        let records: Vec<Record> =
            pool.install(|| batch.into_par_iter().map(|j| process(j, options)).collect());
        for r in &records {
            summary.documents += 1;
            match r {
                Record::Document(d) => summary.facts += d.facts.len(),
                Record::Error { .. } => summary.errors += 1,
            }
            emit(r)?;
        }
    }
    Ok(summary)
}
