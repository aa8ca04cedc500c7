//! Zip archives (.docx, .odt) read within [`Limits`]: the count of entries, what they inflate
//! to in all, and how much each inflates against its compressed size, so that a zip bomb is an
//! error before its bytes are made.

use super::{bad, Format, Limits};
use crate::error::Error;
use std::io::{Cursor, Read};

/// An archive being read.
pub(crate) struct Zip<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    format: Format,
    /// Bytes inflated so far.
    inflated: u64,
}

impl<'a> Zip<'a> {
    /// Opens the archive in `bytes`, read as a file of `format`.
    pub fn open(bytes: &'a [u8], limits: &Limits, format: Format) -> Result<Zip<'a>, Error> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            bad(
                format,
                format!("not a readable zip archive ({e}); damaged or cut short?"),
            )
        })?;
        if archive.len() > limits.entries {
            return Err(bad(
                format,
                format!(
                    "{} entries in its zip archive, over the limit of {} (a zip bomb?)",
                    archive.len(),
                    limits.entries
                ),
            ));
        }
        Ok(Zip {
            archive,
            limits: *limits,
            format,
            inflated: 0,
        })
    }

    /// The names of the entries, in the archive's order.
    pub fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect()
    }

    /// The bytes of the entry `name`, or `None` when there is none.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        let (format, limits) = (self.format, self.limits);
        let mut file = match self.archive.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(why)) if why.contains("assword") => {
                return Err(bad(
                    format,
                    "encrypted (a password is needed); save it without a password first",
                ))
            }
            Err(e) => return Err(bad(format, format!("{name}: {e}"))),
        };
        if file.encrypted() {
            return Err(bad(
                format,
                "encrypted (a password is needed); save it without a password first",
            ));
        }
        let (size, packed) = (file.size(), file.compressed_size().max(1));
        let left = limits.inflated.saturating_sub(self.inflated);
        let over_ratio = size / packed > limits.ratio && size > (1 << 20);
        if size > left || over_ratio {
            return Err(bomb(format, &limits, name));
        }
        // The sizes an archive declares may lie: read no more than what is left.
        let mut out = Vec::with_capacity(size as usize);
        (&mut file)
            .take(left + 1)
            .read_to_end(&mut out)
            .map_err(|e| bad(format, format!("{name}: cannot inflate: {e}")))?;
        let n = out.len() as u64;
        if n > left || (n / packed > limits.ratio && n > (1 << 20)) {
            return Err(bomb(format, &limits, name));
        }
        self.inflated += n;
        Ok(Some(out))
    }
}

/// The error of an entry that inflates beyond the limits.
fn bomb(format: Format, limits: &Limits, name: &str) -> Error {
    bad(
        format,
        format!(
            "{name} inflates beyond the limit ({} MiB in all, or {} times its packed size): a \
             zip bomb?",
            limits.inflated >> 20,
            limits.ratio
        ),
    )
}
