//! Where the output goes: standard output, a device or pipe written directly
//! ("-o /dev/full"), or a file written as a temporary file of its own in the same folder and
//! renamed over the final name when complete (`tempfile`'s persist: an atomic rename). So a
//! file appears only whole; two runs with the same `-o` never share a file (the last to
//! finish wins, whole); a failed or interrupted run (Ctrl-C, SIGTERM: see [`signals`]) leaves
//! nothing behind; and an output that is one of the inputs is refused before anything is
//! read.

use super::Failure;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use vnfacts::input::batch::FileId;

/// The output of a run.
pub(crate) struct Sink {
    target: Option<PathBuf>,
    temp: Option<tempfile::NamedTempFile>,
    closed: Arc<AtomicBool>,
}

/// A writer that notes when its reader went away (a broken pipe: `vnfacts … | head -1`), so
/// that the run stops quietly, as Unix tools do, instead of reporting an error.
struct NotePipe<W> {
    inner: W,
    closed: Arc<AtomicBool>,
}

impl<W: Write> NotePipe<W> {
    fn note<T>(&self, r: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &r {
            if e.kind() == io::ErrorKind::BrokenPipe {
                self.closed.store(true, Ordering::SeqCst);
            }
        }
        r
    }
}

impl<W: Write> Write for NotePipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.note(r)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let r = self.inner.write_all(buf);
        self.note(r)
    }
    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
    }
}

fn cannot(t: &Path, e: impl std::fmt::Display) -> Failure {
    Failure::Usage(format!("{}: cannot write: {e}", t.display()))
}

impl Sink {
    /// Opens the output: `path`, or standard output when `None`. `inputs` are the files the
    /// run reads (given, or the output's folder when it is inside an input folder and the
    /// glob would select it): an output that is one of them is refused.
    pub fn open(path: Option<&Path>, inputs: &[FileId]) -> Result<(Sink, Box<dyn Write>), Failure> {
        let closed = Arc::new(AtomicBool::new(false));
        let wrap = |w: Box<dyn Write>| -> Box<dyn Write> {
            Box::new(NotePipe {
                inner: w,
                closed: closed.clone(),
            })
        };
        let Some(t) = path else {
            let out = wrap(Box::new(io::BufWriter::new(io::stdout().lock())));
            let sink = Sink {
                target: None,
                temp: None,
                closed,
            };
            return Ok((sink, out));
        };
        if FileId::of(t).is_some_and(|id| inputs.contains(&id)) {
            return Err(Failure::Usage(format!(
                "{}: the output is one of the inputs; writing it would destroy that report \
                 (choose another -o)",
                t.display()
            )));
        }
        // A device or a pipe is written directly; a file through a temporary file.
        if std::fs::metadata(t).is_ok_and(|m| !m.is_file()) {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(t)
                .map_err(|e| cannot(t, e))?;
            let out = wrap(Box::new(io::BufWriter::new(f)));
            let sink = Sink {
                target: None,
                temp: None,
                closed,
            };
            return Ok((sink, out));
        }
        let dir = match t.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let temp = temp_beside(t, dir).map_err(|e| cannot(t, e))?;
        let f = temp.as_file().try_clone().map_err(|e| cannot(t, e))?;
        super::signals::remove_on_signal(Some(temp.path().to_path_buf()));
        let out = wrap(Box::new(io::BufWriter::new(f)));
        let sink = Sink {
            target: Some(t.to_path_buf()),
            temp: Some(temp),
            closed,
        };
        Ok((sink, out))
    }

    /// Is the output a regular file (not standard output or a device)?
    pub fn is_file(&self) -> bool {
        self.target.is_some()
    }

    /// The temporary file being written, which a folder walk must not read.
    pub fn temp_id(&self) -> Option<FileId> {
        self.temp.as_ref().and_then(|t| FileId::of(t.path()))
    }

    /// Did the reader of the output go away (a broken pipe)?
    pub fn closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }

    /// The output is complete: the temporary file takes its final name, atomically.
    pub fn commit(mut self) -> Result<(), Failure> {
        if let (Some(t), Some(temp)) = (&self.target, self.temp.take()) {
            super::signals::committing(|| temp.persist(t))
                .map_err(|e| Failure::Run(format!("{}: cannot write: {}", t.display(), e.error)))?;
        }
        Ok(())
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        // A run that failed leaves no temporary file behind (NamedTempFile removes it).
        if self.temp.take().is_some() {
            super::signals::remove_on_signal(None);
        }
    }
}

/// A temporary file in `dir` for writing `target`: `.NAME.XXXXXX.partial`. A temporary file is
/// private (0600); the output it becomes is not: it takes the permissions of the file it
/// replaces, else those of any new file (0666 less the umask).
fn temp_beside(target: &Path, dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".partial");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created as any new file is (0666 less the umask); then, when it replaces a file,
        // given that file's permissions exactly (a change of mode is not masked).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
        let temp = builder.tempfile_in(dir)?;
        if let Ok(m) = std::fs::metadata(target) {
            temp.as_file().set_permissions(m.permissions())?;
        }
        Ok(temp)
    }
    #[cfg(not(unix))]
    builder.tempfile_in(dir)
}

/// Writes `bytes` as the whole of `path`: through a temporary file beside it, renamed over it
/// when complete, so that a failure or an interruption (see [`super::signals`]) never leaves
/// half a file. Unless `replace`, a `path` that exists is refused and left as it is.
pub(crate) fn write_whole(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let exists = || {
        io::Error::new(
            io::ErrorKind::AlreadyExists,
            "exists; give --force to replace it",
        )
    };
    if !replace && std::fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let mut temp = temp_beside(path, dir)?;
    super::signals::remove_on_signal(Some(temp.path().to_path_buf()));
    temp.write_all(bytes)?;
    super::signals::committing(|| {
        if replace {
            temp.persist(path)
        } else {
            temp.persist_noclobber(path)
        }
    })
    .map(drop)
    .map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists => exists(),
        _ => e.error,
    })
}
