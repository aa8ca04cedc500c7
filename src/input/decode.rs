//! Decoding: bytes in, Unicode text out.
//!
//! Only UTF-8 (with or without a byte-order mark) is read for now. Bytes that are not UTF-8 give
//! an error that says where the first bad byte is, so that the user can find it.

use crate::error::Error;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes UTF-8 bytes, dropping a leading byte-order mark.
///
/// ```
/// let text = vnfacts::decode(b"\xEF\xBB\xBFX\xC3\xA3 Kim Li\xC3\xAAn").unwrap();
/// assert_eq!(text, "Xã Kim Liên");
/// let err = vnfacts::decode(b"d\xF2ng 1").unwrap_err();
/// assert_eq!(err.kind(), vnfacts::ErrorKind::Decode);
/// assert_eq!(err.position(), Some((1, 1)));
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    let (skip, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (BOM.len(), rest),
        None => (0, bytes),
    };
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let bad = e.valid_up_to();
            let valid = std::str::from_utf8(&body[..bad]).unwrap_or_default();
            let line = 1 + super::lines::Breaks::default().count(valid);
            let offset = skip + bad;
            Err(Error::decode_at(
                offset,
                line,
                format!(
                    "invalid UTF-8 at byte {offset} (line {line}); vnfacts reads UTF-8 text only for now: \
                     convert the file first, e.g. `iconv -f CP1258 -t UTF-8`"
                ),
            ))
        }
    }
}

/// [`decode`] of bytes that are given away: UTF-8 without a byte-order mark becomes the text
/// without a copy.
pub(crate) fn decode_owned(bytes: Vec<u8>) -> Result<String, Error> {
    if bytes.starts_with(BOM) {
        return decode(&bytes);
    }
    String::from_utf8(bytes).or_else(|e| decode(e.as_bytes()))
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
        assert_eq!(err.position(), Some((1, 1)));
        let err = decode(b"\xEF\xBB\xBFok\nok\n\xFF").unwrap_err();
        assert_eq!(err.position(), Some((9, 3)));
        assert!(err.to_string().contains("byte 9"));
    }
}
