//! Where the output goes: standard output, a device written directly ("-o /dev/full"), or a
//! file written beside its final name as `FILE.partial` and renamed when complete, so that a
//! file appears only whole, and a failed run leaves nothing behind.

use super::Failure;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The output of a run.
pub(crate) struct Sink {
    target: Option<PathBuf>,
    partial: Option<PathBuf>,
}

fn partial_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    target.with_file_name(name)
}

impl Sink {
    /// Opens the output: `path`, or standard output when `None`.
    pub fn open(path: Option<&Path>) -> Result<(Sink, Box<dyn Write>), Failure> {
        let cannot =
            |t: &Path, e: io::Error| Failure::Usage(format!("{}: cannot write: {e}", t.display()));
        let Some(t) = path else {
            let sink = Sink {
                target: None,
                partial: None,
            };
            return Ok((sink, Box::new(io::BufWriter::new(io::stdout().lock()))));
        };
        // A device or a pipe is written directly; a file through a partial file.
        let special = std::fs::metadata(t).is_ok_and(|m| !m.is_file());
        if special {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(t)
                .map_err(|e| cannot(t, e))?;
            let sink = Sink {
                target: None,
                partial: None,
            };
            return Ok((sink, Box::new(io::BufWriter::new(f))));
        }
        let p = partial_path(t);
        let f = std::fs::File::create(&p).map_err(|e| cannot(t, e))?;
        let sink = Sink {
            target: Some(t.to_path_buf()),
            partial: Some(p),
        };
        Ok((sink, Box::new(io::BufWriter::new(f))))
    }

    /// Is the output a regular file (not standard output or a device)?
    pub fn is_file(&self) -> bool {
        self.target.is_some()
    }

    /// The output is complete: the partial file takes its final name.
    pub fn commit(mut self) -> Result<(), Failure> {
        if let (Some(t), Some(p)) = (&self.target, self.partial.take()) {
            std::fs::rename(&p, t)
                .map_err(|e| Failure::Run(format!("{}: cannot write: {e}", t.display())))?;
        }
        Ok(())
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        // A run that failed leaves no partial file behind.
        if let Some(p) = self.partial.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}
