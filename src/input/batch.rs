//! Batches: which inputs a run reads (files, folders, standard input, JSON Lines records), and
//! reading them in parallel while writing the results in order, a bounded window at a time, so
//! that memory stays flat however many documents there are. The command line's (feature `cli`);
//! public for its fuzz target, not a stable interface.

use crate::input::Encoding;
use crate::output::Record;
use crate::{input, Options};
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

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

/// How the files of a folder are chosen: a glob on their names, without case (the command
/// line's default takes text and the document formats).
pub struct Selector {
    glob: globset::GlobMatcher,
}

impl Selector {
    /// Files whose name matches `pattern` (e.g. `*.txt`, `*.{txt,md}`).
    pub fn new(pattern: &str) -> Result<Selector, String> {
        let glob = globset::GlobBuilder::new(pattern)
            .case_insensitive(true)
            .literal_separator(false)
            .build()
            .map_err(|e| format!("--glob {pattern:?}: {e}"))?
            .compile_matcher();
        Ok(Selector { glob })
    }

    fn wants(&self, path: &Path) -> bool {
        self.wants_name(path)
    }

    /// Does the glob select the file name of `path`?
    pub fn wants_name(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|n| self.glob.is_match(n))
    }
}

/// What a record's `source` says of a path: the path as it is when it is UTF-8, else with each
/// byte that is not UTF-8 written `\xNN` (`bad\xffname.txt`), so that the name stays
/// recoverable instead of turning into U+FFFD.
pub fn source_name(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        let mut out = String::with_capacity(bytes.len());
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

/// A file on disk, by device and inode: how the output file is told apart from the inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    /// The file `path` names (links followed), when it exists.
    pub fn of(path: &Path) -> Option<FileId> {
        std::fs::metadata(path)
            .ok()
            .as_ref()
            .and_then(FileId::from_metadata)
    }

    /// The file of some metadata.
    pub fn from_metadata(m: &std::fs::Metadata) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileId {
                dev: m.dev(),
                ino: m.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = m;
            None
        }
    }
}

/// What a file that is not a regular file is, for its error record.
fn special_kind(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = t;
    "a special file"
}

/// The jobs of the paths given, one at a time as the walk finds them (a million-file folder
/// costs one folder's listing at a time, never the whole list): files as they are, `-` as
/// standard input, and every selected file under a folder (recursively, following links, in
/// the order of their sorted paths). A folder's entries that cannot be read (a link loop, a
/// broken link, no permission) and selected entries that are not regular files (a FIFO, a
/// link to a device) become error jobs, never lost. Files in `skip` (the run's own output)
/// are left out of folders.
pub fn file_jobs<'a>(
    paths: &'a [PathBuf],
    select: &'a Selector,
    skip: &'a [FileId],
) -> impl Iterator<Item = Job> + 'a {
    paths
        .iter()
        .flat_map(move |p| -> Box<dyn Iterator<Item = Job>> {
            let source = source_name(p);
            if source == "-" {
                return Box::new(std::iter::once(Job {
                    source,
                    what: What::Stdin,
                }));
            }
            if !p.is_dir() {
                return Box::new(std::iter::once(Job {
                    source,
                    what: What::File(p.clone()),
                }));
            }
            let walk = walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name();
            Box::new(walk.into_iter().filter_map(move |entry| match entry {
                Ok(e) if e.file_type().is_dir() || !select.wants(e.path()) => None,
                Ok(e) if e.file_type().is_file() => {
                    let own = !skip.is_empty()
                        && e.metadata()
                            .ok()
                            .as_ref()
                            .and_then(FileId::from_metadata)
                            .is_some_and(|id| skip.contains(&id));
                    (!own).then(|| Job {
                        source: source_name(e.path()),
                        what: What::File(e.path().to_path_buf()),
                    })
                }
                Ok(e) => Some(Job {
                    source: source_name(e.path()),
                    what: What::Error(format!(
                        "not a regular file ({}); skipped",
                        special_kind(e.file_type())
                    )),
                }),
                Err(err) => {
                    let path = err.path().map_or_else(|| source.clone(), source_name);
                    let why = if err.loop_ancestor().is_some() {
                        "a symbolic link loop; skipped".to_owned()
                    } else {
                        match err.io_error() {
                            Some(e) => format!("cannot read: {e}"),
                            None => err.to_string(),
                        }
                    };
                    Some(Job {
                        source: path,
                        what: What::Error(why),
                    })
                }
            }))
        })
}

/// The lines of a stream, each at most `limit` bytes: a longer line is not kept (its bytes
/// are skipped to the next line break as they are read, so memory stays bounded) and comes
/// back as `Err(None)`; a read error as `Err(Some(e))`.
struct BoundedLines<R> {
    reader: R,
    limit: usize,
    done: bool,
}

impl<R: BufRead> Iterator for BoundedLines<R> {
    type Item = Result<Vec<u8>, Option<io::Error>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        let mut too_long = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Some(Err(Some(e)));
                }
            };
            if buf.is_empty() {
                self.done = true;
                if line.is_empty() && !too_long {
                    return None;
                }
                break;
            }
            let (piece, ends) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..i], Some(i + 1)),
                None => (buf, None),
            };
            if !too_long && line.len() + piece.len() > self.limit {
                too_long = true;
                line = Vec::new();
            }
            if !too_long {
                line.extend_from_slice(piece);
            }
            let used = ends.unwrap_or(buf.len());
            self.reader.consume(used);
            if ends.is_some() {
                break;
            }
        }
        Some(if too_long { Err(None) } else { Ok(line) })
    }
}

/// The records of a JSON Lines stream, `{"id": …, "text": …}` a line, as jobs; a line that is
/// not such a record, or longer than [`input::MAX_DOCUMENT`], becomes an error job named
/// `NAME:LINE`, and the stream goes on.
pub fn jsonl_jobs<R: BufRead>(reader: R, name: &str) -> impl Iterator<Item = Job> {
    let name = name.to_owned();
    let lines = BoundedLines {
        reader,
        limit: input::MAX_DOCUMENT,
        done: false,
    };
    lines.enumerate().filter_map(move |(i, line)| {
        let at = format!("{name}:{}", i + 1);
        let error = |why: String| {
            Some(Job {
                source: at.clone(),
                what: What::Error(why),
            })
        };
        let line = match line {
            Ok(l) => l,
            Err(Some(e)) => return error(format!("cannot read: {e}")),
            Err(None) => {
                return error(format!(
                    "a record larger than {} MiB, the most vnfacts reads as one document; \
                     skipped (split its text into several records)",
                    input::MAX_DOCUMENT >> 20
                ))
            }
        };
        let Ok(line) = String::from_utf8(line) else {
            return error("not a JSON record: invalid UTF-8".to_owned());
        };
        if line.trim().is_empty() {
            return None;
        }
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => return error(format!("not a JSON record: {e}")),
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_line_over_the_limit_is_skipped_as_it_is_read_and_the_next_ones_come() {
        let text = b"short\nxxxxxxxxxxxxxxxxxxxx\nafter\r\nlast";
        let r = io::BufReader::with_capacity(4, &text[..]);
        let lines: Vec<_> = BoundedLines {
            reader: r,
            limit: 10,
            done: false,
        }
        .map(|l| l.map_err(|e| e.is_none()))
        .collect();
        assert_eq!(
            lines,
            [
                Ok(b"short".to_vec()),
                Err(true),
                Ok(b"after\r".to_vec()),
                Ok(b"last".to_vec())
            ]
        );
    }

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    #[test]
    fn results_come_in_the_order_of_the_jobs_however_long_each_takes() {
        // Early jobs take longest, so later ones finish first and wait to be written.
        let n = 200;
        let mut got = Vec::new();
        run_ordered(
            0..n,
            &pool(2),
            |i| {
                std::thread::sleep(std::time::Duration::from_micros(((n - i) % 7 * 50) as u64));
                i * 3
            },
            |r| {
                got.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got, (0..n).map(|i| i * 3).collect::<Vec<_>>());
    }

    /// Jobs `0..n` that count in `taken` how many were handed out.
    fn counted(n: usize, taken: &AtomicUsize) -> impl Iterator<Item = usize> + '_ {
        (0..n).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        })
    }

    #[test]
    fn no_more_jobs_are_out_than_the_window() {
        let taken = AtomicUsize::new(0);
        let jobs = counted(1000, &taken);
        let mut written = 0;
        let window = 2 * WINDOW_PER_THREAD;
        run_ordered(
            jobs,
            &pool(2),
            |i| i,
            |_| {
                written += 1;
                // Jobs are handed out only while fewer than the window are unwritten.
                assert!(taken.load(Ordering::SeqCst) <= written + window);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(written, 1000);
    }

    #[test]
    fn an_error_writing_stops_the_handing_out() {
        let taken = AtomicUsize::new(0);
        let jobs = counted(10_000, &taken);
        let mut written = 0;
        let r = run_ordered(
            jobs,
            &pool(2),
            |i| i,
            |i| {
                if i == 5 {
                    return Err(io::Error::other("the reader went away"));
                }
                written += 1;
                Ok(())
            },
        );
        assert_eq!(r.unwrap_err().to_string(), "the reader went away");
        assert_eq!(written, 5);
        assert!(taken.load(Ordering::SeqCst) <= 6 + 2 * WINDOW_PER_THREAD);
    }

    #[test]
    fn a_job_that_panics_panics_the_caller() {
        let r = std::panic::catch_unwind(|| {
            run_ordered(
                0..50,
                &pool(2),
                |i| {
                    assert!(i != 20, "job 20 fails");
                    i
                },
                |_| Ok(()),
            )
        });
        let panic = r.unwrap_err();
        assert_eq!(panic.downcast_ref::<&str>(), Some(&"job 20 fails"));
    }
}

/// How a run reads its inputs: an encoding forced (`--encoding`), a format forced
/// (`--input`), an HTML page's whole text (`--html-all`).
#[derive(Debug, Clone, Copy, Default)]
pub struct How {
    /// The encoding of plain text, when forced.
    pub encoding: Option<Encoding>,
    /// The format, forced or told, and how HTML is read.
    pub read: input::ReadOptions,
}

/// A job read: its record, or a text longer than [`crate::WINDOW`] left for the writer to
/// read window by window, its facts written as they come (so that they are never all held).
pub enum Done {
    /// The record.
    Record(Record),
    /// An input whose bytes could not be decoded (written as an error record).
    Refused {
        /// The input, as given.
        source: String,
        /// Why: the encoding cannot be told, or the forced one does not fit.
        error: String,
    },
    /// A long text, not read yet.
    Long {
        /// The input, as given.
        source: String,
        /// Its text, and how it was read.
        doc: input::Decoded,
    },
}

impl Done {
    /// The record of what was read (a long text read whole).
    pub fn into_record(self, options: &Options) -> Record {
        match self {
            Done::Record(r) => r,
            Done::Refused { source, error } => Record::Error { source, error },
            Done::Long { source, doc } => document(source, &doc, options),
        }
    }
}

/// Reads one job: into its record, or, when `long` and its text is longer than
/// [`crate::WINDOW`], into a text left for the writer.
pub fn read_job(job: Job, options: &Options, how: &How, long: bool) -> Done {
    match read(job, how) {
        Done::Long { source, doc } if !long || doc.text.len() <= crate::WINDOW => {
            Done::Record(document(source, &doc, options))
        }
        d => d,
    }
}

/// Reads one job whole into its record and the decoded text its offsets index (what a page
/// that shows the text needs); the text is `None` when the input could not be read.
pub fn read_job_with_text(job: Job, options: &Options, how: &How) -> (Done, Option<String>) {
    match read(job, how) {
        Done::Long { source, doc } => {
            let record = document(source, &doc, options);
            (Done::Record(record), Some(doc.text))
        }
        d => (d, None),
    }
}

/// Reads the bytes of a job into its text (or the error that stops it).
fn read(job: Job, how: &How) -> Done {
    let Job { source, what } = job;
    if let What::Error(error) = what {
        return Done::Record(Record::Error { source, error });
    }
    match decode(&what, how) {
        Ok(doc) => Done::Long { source, doc },
        Err(e) if e.kind() == crate::ErrorKind::Decode => Done::Refused {
            source,
            error: e.to_string(),
        },
        Err(e) => Done::Record(Record::Error {
            source,
            error: e.to_string(),
        }),
    }
}

/// The text of what a job reads, decoded as `forced` or as its bytes show (an error job gives
/// its error). A decoding failure has the kind `Decode`.
#[inline(never)] // a frame of its own in profiles (scripts/stages.py)
pub fn decode(what: &What, how: &How) -> Result<input::Decoded, crate::Error> {
    match what {
        What::Error(e) => Err(crate::Error::new(crate::ErrorKind::Io, e.clone())),
        // A record's text is Unicode already, but may hold mojibake.
        What::Text(t) => input::decode_bytes(t.as_bytes(), how.encoding),
        What::Stdin => input::read_stream_with(io::stdin(), how.encoding, &how.read),
        What::File(p) => input::read_path_with(p, how.encoding, &how.read),
    }
}

/// The record of a document read whole.
fn document(source: String, d: &input::Decoded, options: &Options) -> Record {
    let mut doc = crate::extract_decoded(d, options);
    doc.source = source;
    Record::Document(doc)
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

/// The encodings of a run's inputs: "1,204 utf-8, 310 tcvn3, 12 vni, 2 refused".
///
/// ```
/// let mut t = vnfacts::input::batch::Encodings::default();
/// for _ in 0..1204 { t.add("utf-8"); }
/// t.add("tcvn3");
/// t.refuse();
/// assert_eq!(t.to_string(), "1,204 utf-8, 1 tcvn3, 1 refused");
/// ```
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Encodings {
    counts: Vec<(String, usize)>,
    refused: usize,
    /// The formats of the documents read.
    formats: Vec<(String, usize)>,
}

impl Encodings {
    /// Counts a document decoded as `name`.
    pub fn add(&mut self, name: &str) {
        bump(&mut self.counts, name);
    }

    /// Counts a document of `format`.
    pub fn add_format(&mut self, format: input::Format) {
        bump(&mut self.formats, format.name());
    }

    /// Counts an input that could not be decoded.
    pub fn refuse(&mut self) {
        self.refused += 1;
    }

    /// Counts what a job gave.
    pub fn count(&mut self, done: &Done) {
        match done {
            Done::Record(Record::Document(d)) => {
                if let Some(e) = &d.document.encoding {
                    self.add(&e.name);
                }
                let format = d
                    .document
                    .format
                    .as_deref()
                    .and_then(input::Format::from_name);
                if let Some(f) = format {
                    self.add_format(f);
                }
            }
            Done::Long { doc, .. } => {
                self.add(&doc.encoding.name);
                self.add_format(doc.format);
            }
            Done::Refused { .. } => self.refuse(),
            Done::Record(Record::Error { .. }) => {}
        }
    }

    /// Was every input plain UTF-8 text (nothing worth saying)?
    pub fn all_utf8(&self) -> bool {
        self.refused == 0
            && self.counts.iter().all(|(n, _)| n == "utf-8")
            && self.formats.iter().all(|(n, _)| n == "txt")
    }
}

impl std::fmt::Display for Encodings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = listed(&self.counts);
        if self.refused > 0 {
            parts.push(format!("{} refused", thousands(self.refused)));
        }
        f.write_str(&parts.join(", "))?;
        // The formats, when some input was not plain text.
        if self.formats.iter().any(|(n, _)| n != "txt") {
            write!(f, "; {}", listed(&self.formats).join(", "))?;
        }
        Ok(())
    }
}

/// Adds one to the count of `name`.
fn bump(counts: &mut Vec<(String, usize)>, name: &str) {
    match counts.iter_mut().find(|(n, _)| n == name) {
        Some((_, k)) => *k += 1,
        None => counts.push((name.to_owned(), 1)),
    }
}

/// Counts as "1,204 utf-8", the largest first (then by name).
fn listed(counts: &[(String, usize)]) -> Vec<String> {
    let mut counts = counts.to_vec();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
        .iter()
        .map(|(n, k)| format!("{} {n}", thousands(*k)))
        .collect()
}

/// `1204` as "1,204".
fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many jobs may be read ahead of the one being written, per thread: enough to keep the
/// threads busy while a slow document is read, few enough that memory stays flat.
const WINDOW_PER_THREAD: usize = 8;

/// Does `work` on `jobs` on `pool` and hands each result to `emit` in the order of the jobs.
///
/// A pipeline, not a batch at a time: the calling thread hands out jobs and writes results
/// while the pool's threads read, so no thread waits for the slowest document of a batch and
/// the writing (JSON, CSV) overlaps the reading. At most `threads × WINDOW_PER_THREAD` jobs are
/// out at once (read ahead of the next result to write, or being read), so memory stays flat
/// however many jobs there are. The first error of `emit` stops the handing out; the jobs
/// already out finish and their results are dropped.
pub fn run_ordered<J: Send, T: Send>(
    jobs: impl Iterator<Item = J>,
    pool: &rayon::ThreadPool,
    work: impl Fn(J) -> T + Sync,
    mut emit: impl FnMut(T) -> io::Result<()>,
) -> io::Result<()> {
    use std::collections::VecDeque;
    use std::sync::mpsc;
    let window = pool.current_num_threads().max(1) * WINDOW_PER_THREAD;
    let work = &work;
    // A job that panics sends its panic, which is raised again here, as a loop over the jobs
    // on this thread would.
    type Sent<T> = (usize, std::thread::Result<T>);
    let (tx, rx) = mpsc::channel::<Sent<T>>();
    // Results that came early, by their place after `next`.
    let mut early: VecDeque<Option<T>> = VecDeque::new();
    pool.in_place_scope(|scope| {
        let mut jobs = jobs.enumerate();
        let (mut sent, mut next) = (0usize, 0usize);
        let mut more = true;
        loop {
            while more && sent - next < window {
                match jobs.next() {
                    Some((i, job)) => {
                        let tx = tx.clone();
                        scope.spawn(move |_| {
                            let done =
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    work(job)
                                }));
                            // The receiver is gone only after an error: the result is not wanted.
                            let _ = tx.send((i, done));
                        });
                        sent += 1;
                    }
                    None => more = false,
                }
            }
            if next == sent {
                return Ok(());
            }
            // The next result in order, waiting for results as they come.
            while early.front().is_none_or(Option::is_none) {
                // This thread holds a sender: the channel stays open until the scope ends.
                let (i, done) = rx.recv().expect("the channel is open");
                let t = done.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                let at = i - next;
                if early.len() <= at {
                    early.resize_with(at + 1, || None);
                }
                early[at] = Some(t);
            }
            let t = early
                .pop_front()
                .flatten()
                .expect("the front result is there");
            next += 1;
            emit(t)?;
        }
    })
}
