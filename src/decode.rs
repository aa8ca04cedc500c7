//! Decoding: bytes in, Unicode text out.
//!
//! ```
//! let text = vnfacts::decode::decode(b"\xEF\xBB\xBFX\xC3\xA3 Kim Li\xC3\xAAn").unwrap();
//! assert_eq!(text, "Xã Kim Liên");
//! ```
//!
//! Only UTF-8 (with or without a byte-order mark) is read for now. Bytes that are not UTF-8 give
//! a [`DecodeError`] that says where the first bad byte is, so that the user can find it.

use std::fmt;

/// Why a file could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset of the first byte that is not valid UTF-8, counted from the start of the
    /// input (the BOM included).
    pub byte_offset: usize,
    /// 1-based line of that byte.
    pub line: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid UTF-8 at byte {} (line {}); vnfacts reads UTF-8 text only for now: \
             convert the file first, e.g. `iconv -f CP1258 -t UTF-8`",
            self.byte_offset, self.line
        )
    }
}

impl std::error::Error for DecodeError {}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes UTF-8 bytes, dropping a leading byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let (skip, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (BOM.len(), rest),
        None => (0, bytes),
    };
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let bad = e.valid_up_to();
            let line = 1 + body[..bad].iter().filter(|&&b| b == b'\n').count();
            Err(DecodeError {
                byte_offset: skip + bad,
                line,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBF12 h\xE1\xBB\x99").unwrap(), "12 hộ");
        assert_eq!(decode(b"abc").unwrap(), "abc");
    }

    #[test]
    fn invalid_bytes_are_located() {
        let err = decode(b"d\xF2ng 1\nd\xF2ng 2").unwrap_err();
        assert_eq!(err.byte_offset, 1);
        assert_eq!(err.line, 1);
        let err = decode(b"\xEF\xBB\xBFok\nok\n\xFF").unwrap_err();
        assert_eq!(err.byte_offset, 9);
        assert_eq!(err.line, 3);
        assert!(err.to_string().contains("byte 9"));
    }
}
