//! The one error type of the library: an opaque [`Error`] with a [`kind`](Error::kind) to
//! match on and a message that says what went wrong and what to do.
//!
//! ```
//! use vnfacts::{ErrorKind, UserLexicon};
//! let err = UserLexicon::from_toml("[places]\n\"Liên Sơn\" = \"làng\"\n").unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Lexicon);
//! assert!(err.to_string().contains("is not a level"));
//! ```

use std::fmt;
use std::path::Path;

/// What kind of thing went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not text vnfacts can read (not UTF-8, a binary file).
    Decode,
    /// A document larger than vnfacts reads at once.
    TooLarge,
    /// Reading or writing a file failed.
    Io,
    /// A word list (built in or the user's) or a user lexicon is malformed.
    Lexicon,
    /// A value given by the caller is not valid (a date, a kind, a format).
    InvalidInput,
    /// Writing the output failed.
    Output,
    /// A document (Word, ODT, PDF, RTF, HTML) cannot be read: damaged, encrypted, over a limit
    /// that keeps a run safe, or with no text in it (a scanned PDF).
    Document,
}

/// An error, with its kind, a message and, where one applies, the file it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    /// Byte offset and line of a decoding error.
    at: Option<(usize, usize)>,
}

impl Error {
    /// An error of `kind` with `message`.
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            at: None,
        }
    }

    /// A decoding error at byte `offset`, line `line`.
    pub(crate) fn decode_at(offset: usize, line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Decode,
            message: message.into(),
            at: Some((offset, line)),
        }
    }

    /// An input/output error on `path`.
    #[cfg_attr(not(feature = "toml"), allow(dead_code))]
    pub(crate) fn io(path: &Path, what: &str, e: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io, format!("{}: {what}: {e}", path.display()))
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// For a decoding error: the byte offset of the first byte that could not be read,
    /// counted from the start of the input, and its 1-based line.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.at
    }

    /// The same error, said of `path` ("report.txt: …").
    pub fn in_file(mut self, path: &str) -> Error {
        self.message = format!("{path}: {}", self.message);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
