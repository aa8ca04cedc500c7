//! The input stage: files, standard input and bytes turned into decoded text, with the limits
//! that keep a run safe (a document at most [`MAX_DOCUMENT`] bytes, no binary files). This is
//! where encodings and document formats are read.
//!
//! ```no_run
//! let text = vnfacts::input::read_path(std::path::Path::new("corpus/tin-tuan-xa-binh-an.txt")).unwrap();
//! let doc = vnfacts::extract(&text, &Default::default());
//! ```

#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod batch;
pub(crate) mod encoding;
pub(crate) mod format;
pub(crate) mod lines;

pub use encoding::{decode_bytes, decode_vec, encode, mangle, Decoded, Encoding};
pub use format::{detect_format, Format, ReadOptions};

use crate::error::{Error, ErrorKind};
use std::io::Read;
use std::path::Path;

/// The largest document read, in bytes (64 MiB): a larger one is refused with an error, so that
/// memory stays bounded (the offset map and figures take a few times the text).
pub const MAX_DOCUMENT: usize = 64 << 20;

fn too_large() -> Error {
    Error::new(
        ErrorKind::TooLarge,
        format!(
            "larger than {} MiB, the most vnfacts reads as one document; split it into parts",
            MAX_DOCUMENT >> 20
        ),
    )
}

/// How much of the start of an input is looked at for a NUL byte (a binary file).
pub(crate) const SNIFF: usize = 8192;

pub(crate) fn binary(at: usize) -> Error {
    Error::new(
        ErrorKind::Decode,
        format!("a binary file (a NUL byte at {at}), not text"),
    )
}

/// Reads at most [`MAX_DOCUMENT`] bytes of `r`. A binary stream is refused as soon as its
/// first [`SNIFF`] bytes are in, so that `/dev/zero` or a disk image is called binary at once
/// instead of being read to the size limit.
pub fn read_limited(r: impl Read) -> Result<Vec<u8>, Error> {
    read_limited_sized(r, 0)
}

/// [`read_limited`], with room made first for `hint` bytes (a file's size).
fn read_limited_sized(r: impl Read, hint: usize) -> Result<Vec<u8>, Error> {
    let mut b = Vec::with_capacity(hint.min(MAX_DOCUMENT) + 1);
    let mut r = r.take(MAX_DOCUMENT as u64 + 1);
    (&mut r)
        .take(SNIFF as u64)
        .read_to_end(&mut b)
        .map_err(|e| read_error(&e))?;
    if let Some(at) = memchr::memchr(0, &b) {
        // UTF-16 holds zero bytes (the high byte of every ASCII char), and so do the
        // containers of documents (zip, OLE, PDF); anything else with one is binary.
        if !encoding::looks_utf16(&b) && !format::container_magic(&b) {
            return Err(binary(at));
        }
    }
    r.read_to_end(&mut b).map_err(|e| read_error(&e))?;
    if b.len() > MAX_DOCUMENT {
        return Err(too_large());
    }
    Ok(b)
}

fn read_error(e: &std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::IsADirectory {
        Error::new(ErrorKind::Io, "is a folder, not a file")
    } else {
        Error::new(ErrorKind::Io, format!("cannot read: {e}"))
    }
}

/// Decodes bytes, the encoding detected (see [`decode_bytes`]): the text alone.
///
/// ```
/// let text = vnfacts::decode(b"\xEF\xBB\xBFX\xC3\xA3 Kim Li\xC3\xAAn").unwrap();
/// assert_eq!(text, "Xã Kim Liên");
/// // TCVN3 (ABC) bytes: detected and converted.
/// assert_eq!(vnfacts::decode(b"H\xe9i N\xabng d\xa9n x\xb7 \xa7\xabng T\xa9m").unwrap(), "Hội Nông dân xã Đông Tâm");
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    decode_bytes(bytes, None).map(|d| d.text)
}

/// Reads and decodes a file. The error says what is wrong, not which file (the caller knows).
pub fn read_path(path: &Path) -> Result<String, Error> {
    read_path_as(path, None).map(|d| d.text)
}

/// Reads a file and decodes it as `forced`, or as its bytes show; a document (Word, ODT, PDF,
/// RTF, HTML) is read as its text.
pub fn read_path_as(path: &Path, forced: Option<Encoding>) -> Result<Decoded, Error> {
    read_path_with(path, forced, &ReadOptions::default())
}

/// Reads a file as [`read_path_as`] does, its format forced or read as `read` says.
pub fn read_path_with(
    path: &Path,
    forced: Option<Encoding>,
    read: &ReadOptions,
) -> Result<Decoded, Error> {
    let f = std::fs::File::open(path).map_err(|e| read_error(&e))?;
    let size = f.metadata().map_or(0, |m| m.len() as usize);
    let name = path.file_name().and_then(|n| n.to_str());
    read_document(read_limited_sized(f, size)?, name, forced, read)
}

/// Reads the bytes of a document: its format told from them (the file's `name` a hint) or
/// forced by `read`; a container's text extracted (see [`format`]), plain text decoded as
/// `forced` says or as its bytes show.
///
/// ```
/// use vnfacts::input::{read_document, Format, ReadOptions};
/// // "\u227" is "ã"; the "\'e3" after it is the byte that stands in for it in old readers.
/// let rtf = br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 X\u227\'e3 Kim Li\u234?n\par}".to_vec();
/// let d = read_document(rtf, None, None, &ReadOptions::default()).unwrap();
/// assert_eq!((d.format, d.text.as_str()), (Format::Rtf, "Xã Kim Liên"));
/// ```
pub fn read_document(
    bytes: Vec<u8>,
    name: Option<&str>,
    forced: Option<Encoding>,
    read: &ReadOptions,
) -> Result<Decoded, Error> {
    match format::read(&bytes, name, read)? {
        (_, None) => encoding::decode_vec(bytes, forced),
        (format, Some(x)) => {
            let mut d = Decoded::new(x.text, x.encoding);
            d.format = format;
            d.pages = x.pages;
            Ok(d)
        }
    }
}

/// Reads and decodes a stream (standard input).
pub fn read_stream(r: impl Read) -> Result<String, Error> {
    read_stream_as(r, None).map(|d| d.text)
}

/// Reads a stream and decodes it as `forced`, or as its bytes show (a document as its text).
pub fn read_stream_as(r: impl Read, forced: Option<Encoding>) -> Result<Decoded, Error> {
    read_stream_with(r, forced, &ReadOptions::default())
}

/// Reads a stream as [`read_stream_as`] does, its format forced or read as `read` says.
pub fn read_stream_with(
    r: impl Read,
    forced: Option<Encoding>,
    read: &ReadOptions,
) -> Result<Decoded, Error> {
    read_document(read_limited(r)?, None, forced, read)
}
