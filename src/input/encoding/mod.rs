//! Decoding: bytes in, Unicode text out, and how it was done.
//!
//! ```
//! let d = vnfacts::input::decode_bytes(b"H\xe9i C\xf9u chi\xd5n binh x\xb7 Kim Li\xaan", None).unwrap();
//! assert_eq!(d.text, "Hội Cựu chiến binh xã Kim Liên");
//! assert_eq!(d.encoding.name, "tcvn3");
//! ```
//!
//! What is read, and how it is told (README "Old encodings"; the design is that of
//! `../shared/reference/legacy-encodings/README.md`):
//!
//! 1. A byte-order mark: UTF-8, UTF-16 LE or BE; UTF-16 without one, from its zero bytes.
//! 2. Valid UTF-8: as it is (the fast path: one pass finds no mark of mojibake), unless it
//!    holds mojibake ("Há»™i"), which is undone once or twice through the Windows-1252,
//!    Latin-1 and Windows-1258 views while the text gets more Vietnamese; or unless it is
//!    legacy bytes shown through Windows-1252 ("Héi Cùu chiÕn binh"), taken back to bytes and
//!    decoded. ASCII that reads as VIQR is VIQR.
//! 3. Other bytes: decoded as TCVN3, VNI, VISCII, VPS and Windows-1258 (and TCVN3-VN1 where the
//!    document shows it), and the most Vietnamese reading wins ([`score`]). A file whose
//!    paragraphs read best in different encodings is `mixed`. A file no reading makes
//!    Vietnamese is refused, with the two best readings and how to force one.

pub(crate) mod legacy;
mod mojibake;
pub(crate) mod score;
mod tables;
mod viqr;

use crate::error::Error;
use crate::model::{EncodingInfo, EncodingPart};
use legacy::Legacy;
use mojibake::View;
use score::{score, Score};

/// A decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Decoded {
    /// The text (what facts' offsets index).
    pub text: String,
    /// How it was obtained (`document.encoding`).
    pub encoding: EncodingInfo,
    /// The format it was read from (`document.format`).
    pub format: crate::input::Format,
    /// Where each page starts, in chars of `text` (a PDF's; empty for the other formats).
    pub pages: Vec<usize>,
}

impl Decoded {
    /// A text of `format` decoded as `encoding` says.
    pub(crate) fn new(text: String, encoding: EncodingInfo) -> Decoded {
        Decoded {
            text,
            encoding,
            format: crate::input::Format::Txt,
            pages: Vec::new(),
        }
    }

    /// The page (1-based) of the char at `at`, when the text has pages.
    pub fn page_of(&self, at: usize) -> Option<u32> {
        page_of(&self.pages, at)
    }

    /// Says in a document block how the text was read: its format, its encoding, its pages.
    pub fn stamp(&self, info: &mut crate::model::DocumentInfo) {
        info.format = Some(self.format.name().to_owned());
        info.encoding = Some(self.encoding.clone());
        info.pages = (!self.pages.is_empty()).then_some(self.pages.len());
    }
}

/// The page (1-based) of the char at `at`, given where each page starts.
pub fn page_of(pages: &[usize], at: usize) -> Option<u32> {
    (!pages.is_empty()).then(|| pages.partition_point(|&s| s <= at).max(1) as u32)
}

/// An encoding `--encoding` can force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, strictly: invalid bytes are an error.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// TCVN3 as ABC fonts hold it.
    Tcvn3,
    /// TCVN3 VN1 (capitals with tones in 80–9F and C0 positions).
    Tcvn3Vn1,
    /// VNI-Windows.
    Vni,
    /// VISCII.
    Viscii,
    /// VPS.
    Vps,
    /// Windows-1258.
    Cp1258,
    /// VIQR.
    Viqr,
}

impl Encoding {
    /// Every encoding with its name (SPEC.md).
    pub const ALL: [(Encoding, &'static str); 10] = [
        (Encoding::Utf8, "utf-8"),
        (Encoding::Utf16Le, "utf-16le"),
        (Encoding::Utf16Be, "utf-16be"),
        (Encoding::Tcvn3, "tcvn3"),
        (Encoding::Tcvn3Vn1, "tcvn3-vn1"),
        (Encoding::Vni, "vni"),
        (Encoding::Viscii, "viscii"),
        (Encoding::Vps, "vps"),
        (Encoding::Cp1258, "cp1258"),
        (Encoding::Viqr, "viqr"),
    ];

    /// Its name.
    pub fn name(self) -> &'static str {
        Encoding::ALL
            .iter()
            .find(|(e, _)| *e == self)
            .map_or("utf-8", |(_, n)| n)
    }

    /// The 8-bit table it is read with, when it is one.
    fn legacy(self) -> Option<Legacy> {
        LEGACY.iter().find(|(_, e)| *e == self).map(|(l, _)| *l)
    }
}

/// The 8-bit encodings and their tables.
const LEGACY: [(Legacy, Encoding); 6] = [
    (Legacy::Tcvn3, Encoding::Tcvn3),
    (Legacy::Tcvn3Vn1, Encoding::Tcvn3Vn1),
    (Legacy::Vni, Encoding::Vni),
    (Legacy::Viscii, Encoding::Viscii),
    (Legacy::Vps, Encoding::Vps),
    (Legacy::Cp1258, Encoding::Cp1258),
];

impl From<Legacy> for Encoding {
    fn from(l: Legacy) -> Encoding {
        LEGACY
            .iter()
            .find(|(x, _)| *x == l)
            .map_or(Encoding::Tcvn3, |(_, e)| *e)
    }
}

impl std::str::FromStr for Encoding {
    type Err = Error;

    fn from_str(s: &str) -> Result<Encoding, Error> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        let s = match s.as_str() {
            "utf8" => "utf-8",
            "windows-1258" => "cp1258",
            "vni-windows" => "vni",
            "tcvn" | "abc" | "tcvn5712" => "tcvn3",
            other => other,
        };
        Encoding::ALL
            .iter()
            .find(|(_, n)| *n == s)
            .map(|(e, _)| *e)
            .ok_or_else(|| {
                let names: Vec<&str> = Encoding::ALL.iter().map(|(_, n)| *n).collect();
                Error::new(
                    crate::ErrorKind::InvalidInput,
                    format!(
                        "unknown encoding {s:?}; the encodings are {}",
                        names.join(", ")
                    ),
                )
            })
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much of a text detection reads (bytes): enough to decide, and a long file costs no more.
const SAMPLE: usize = 16 << 10;

pub(crate) fn info(name: &str, confidence: f64, repairs: Vec<&str>) -> EncodingInfo {
    EncodingInfo {
        name: name.to_owned(),
        confidence: (confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
        repairs: repairs.into_iter().map(str::to_owned).collect(),
        parts: None,
    }
}

/// Reads a text that is Unicode already (a document's, a record's) through the detection: it
/// may hold mojibake, or a legacy encoding's bytes shown as Windows-1252 letters. Text that
/// detection cannot decide stays as it is.
pub(crate) fn decode_unicode(text: String) -> Decoded {
    match decode_bytes(text.as_bytes(), None) {
        Ok(d) => d,
        Err(_) => Decoded::new(text, info("utf-8", 1.0, vec![])),
    }
}

/// Decodes bytes: detected (see the module's documentation) or as `forced`.
pub fn decode_bytes(bytes: &[u8], forced: Option<Encoding>) -> Result<Decoded, Error> {
    match forced {
        Some(e) => decode_forced(bytes, e),
        None => detect(bytes),
    }
}

/// Writes `text` as a file saved in `encoding` would hold it: the inverse of decoding, for test
/// corpora and for checking a conversion (a char the encoding has no byte for is an error).
///
/// ```
/// use vnfacts::input::{encode, decode_bytes, Encoding};
/// let bytes = encode("Hội Cựu chiến binh", Encoding::Vni).unwrap();
/// assert_eq!(decode_bytes(&bytes, Some(Encoding::Vni)).unwrap().text, "Hội Cựu chiến binh");
/// ```
pub fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>, Error> {
    match encoding {
        Encoding::Utf8 => Ok(text.as_bytes().to_vec()),
        Encoding::Utf16Le => Ok([0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()),
        Encoding::Utf16Be => Ok([0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect()),
        Encoding::Viqr => Ok(viqr::encode(text).into_bytes()),
        _ => {
            let enc = encoding.legacy().unwrap_or(Legacy::Tcvn3);
            legacy::encode(enc, text).ok_or_else(|| {
                let bad = text
                    .chars()
                    .find(|c| legacy::encode(enc, &c.to_string()).is_none())
                    .unwrap_or('?');
                Error::new(
                    crate::ErrorKind::InvalidInput,
                    format!("{bad:?} has no byte in {}", encoding.name()),
                )
            })
        }
    }
}

/// Mangles bytes the way a wrong decoding does: `bytes` read through an 8-bit view and saved
/// again as UTF-8. `how` is the repair that undoes it (`document.encoding.repairs`):
/// `mojibake-cp1252`, `mojibake-latin1`, `mojibake-cp1258`, `mojibake-twice` (Windows-1252
/// twice) or `legacy-as-cp1252` (legacy bytes shown through Windows-1252).
///
/// ```
/// use vnfacts::input::mangle;
/// assert_eq!(mangle("Hội".as_bytes(), "mojibake-cp1252").unwrap(), "Há»™i".as_bytes());
/// ```
pub fn mangle(bytes: &[u8], how: &str) -> Result<Vec<u8>, Error> {
    let view = |b: &[u8], table: &[char; 256]| -> Vec<u8> {
        b.iter()
            .map(|&b| table[b as usize])
            .collect::<String>()
            .into_bytes()
    };
    let latin1: [char; 256] = std::array::from_fn(|b| b as u8 as char);
    Ok(match how {
        "mojibake-cp1252" | "legacy-as-cp1252" => view(bytes, &legacy::CP1252),
        "mojibake-latin1" => view(bytes, &latin1),
        "mojibake-cp1258" => view(bytes, &legacy::CP1258),
        "mojibake-twice" => view(&view(bytes, &legacy::CP1252), &legacy::CP1252),
        other => {
            return Err(Error::new(
                crate::ErrorKind::InvalidInput,
                format!(
                    "unknown mangling {other:?}; the manglings are mojibake-cp1252, \
                     mojibake-latin1, mojibake-cp1258, mojibake-twice, legacy-as-cp1252"
                ),
            ))
        }
    })
}

/// Decodes bytes that are given away, as [`decode_bytes`] does: plain UTF-8 becomes the text
/// without a copy, after one pass that checks it and looks for mojibake.
///
/// ```
/// let d = vnfacts::input::decode_vec("Hội có 20 hội viên".as_bytes().to_vec(), None).unwrap();
/// assert_eq!((d.text.as_str(), d.encoding.name.as_str()), ("Hội có 20 hội viên", "utf-8"));
/// ```
pub fn decode_vec(bytes: Vec<u8>, forced: Option<Encoding>) -> Result<Decoded, Error> {
    if forced.is_some() || bytes.starts_with(BOM) || looks_utf16(&bytes) || mojibake::marked(&bytes)
    {
        return decode_bytes(&bytes, forced);
    }
    // One pass checks the bytes are UTF-8 and makes them the text: simdutf8's check, a tenth
    // of std's time on Vietnamese text (where std's ASCII fast path rarely applies).
    let checked = match simdutf8::basic::from_utf8(&bytes) {
        // SAFETY: the bytes were just checked to be UTF-8.
        Ok(_) => Ok(unsafe { String::from_utf8_unchecked(bytes) }),
        Err(_) => String::from_utf8(bytes),
    };
    match checked {
        Ok(text) => {
            if mojibake::legacy_shown_as_cp1252(&text)
                || ascii_letters(&text) && viqr::signs(head(&text)) >= VIQR_SIGNS
            {
                return decode_bytes(text.as_bytes(), None);
            }
            let nfd = has_marks(text.as_bytes());
            Ok(Decoded::new(
                text,
                info("utf-8", 1.0, if nfd { vec!["nfd"] } else { vec![] }),
            ))
        }
        Err(e) => decode_bytes(e.as_bytes(), forced),
    }
}

/// Does UTF-8 `bytes` hold combining marks (U+0300–U+036F: NFD text)?
fn has_marks(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(0xcc, 0xcd, bytes).any(|i| bytes.get(i + 1).is_some_and(|&b| b >= 0x80))
}

/// The error of bytes that are not UTF-8 when UTF-8 is forced: where the first bad byte is.
fn not_utf8(bytes: &[u8], skip: usize, e: std::str::Utf8Error) -> Error {
    let bad = e.valid_up_to();
    let valid = std::str::from_utf8(&bytes[..bad]).unwrap_or_default();
    let line = 1 + super::lines::Breaks::default().count(valid);
    let offset = skip + bad;
    Error::decode_at(
        offset,
        line,
        format!(
            "invalid UTF-8 at byte {offset} (line {line}); UTF-8 was forced (--encoding utf-8): \
             leave --encoding out to have the encoding detected"
        ),
    )
}

fn decode_forced(bytes: &[u8], e: Encoding) -> Result<Decoded, Error> {
    let (text, repairs) = match e {
        Encoding::Utf8 => {
            let (skip, body) = match bytes.strip_prefix(BOM) {
                Some(rest) => (BOM.len(), rest),
                None => (0, bytes),
            };
            let s = std::str::from_utf8(body).map_err(|err| not_utf8(body, skip, err))?;
            (s.to_owned(), vec![])
        }
        Encoding::Utf16Le | Encoding::Utf16Be => (utf16(bytes, e == Encoding::Utf16Le), vec![]),
        Encoding::Viqr => (viqr::decode(&String::from_utf8_lossy(bytes)), vec![]),
        _ => decode_legacy(e.legacy().unwrap_or(Legacy::Tcvn3), bytes),
    };
    Ok(Decoded::new(text, info(e.name(), 1.0, repairs)))
}

/// UTF-16 text, its byte-order mark dropped.
fn utf16(bytes: &[u8], le: bool) -> String {
    let enc = if le {
        encoding_rs::UTF_16LE
    } else {
        encoding_rs::UTF_16BE
    };
    let body = match bytes {
        [0xff, 0xfe, rest @ ..] if le => rest,
        [0xfe, 0xff, rest @ ..] if !le => rest,
        _ => bytes,
    };
    enc.decode_without_bom_handling(body).0.into_owned()
}

/// UTF-16 without a byte-order mark: most of its high bytes are zero (ASCII, spaces, digits),
/// and few of its low bytes.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    // Text with no zero byte (all UTF-8 and 8-bit text) is told at once.
    if head.len() < 8 || memchr::memchr(0, head).is_none() {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if zero_odd * 10 >= pairs * 4 && zero_even * 20 < pairs {
        Some(true)
    } else if zero_even * 10 >= pairs * 4 && zero_odd * 20 < pairs {
        Some(false)
    } else {
        None
    }
}

/// Do `bytes` start as UTF-16 (a byte-order mark, or the zero bytes of its ASCII chars)?
pub(crate) fn looks_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe])
        || bytes.starts_with(&[0xfe, 0xff])
        || utf16_without_bom(bytes).is_some()
}

/// Are all the letters of `text` ASCII (what VIQR is written in; its quotes and dashes may
/// have been made typographic by a word processor)?
fn ascii_letters(text: &str) -> bool {
    text.is_ascii() || !text.chars().any(|c| !c.is_ascii() && c.is_alphabetic())
}

/// How many VIQR signs per 100 words make ASCII worth reading as VIQR.
const VIQR_SIGNS: f64 = 8.0;

/// A reading of some bytes: its encoding, text, score and repairs.
struct Reading {
    enc: Legacy,
    text: String,
    score: Score,
    repairs: Vec<&'static str>,
}

/// `bytes` decoded as `enc`, with the `.VnTimeH` case repair for TCVN3.
fn decode_legacy(enc: Legacy, bytes: &[u8]) -> (String, Vec<&'static str>) {
    let mut text = legacy::decode(enc, bytes);
    let mut repairs = vec![];
    if matches!(enc, Legacy::Tcvn3 | Legacy::Tcvn3Vn1) && legacy::vntimeh_case(&mut text) {
        repairs.push("vntimeh-case");
    }
    (text, repairs)
}

/// The readings of legacy bytes in every candidate encoding, best first.
fn legacy_readings(bytes: &[u8]) -> Vec<Reading> {
    let sample = sample(bytes);
    let vn1 = legacy::shows_vn1(sample);
    let mut out: Vec<Reading> = Legacy::ALL
        .iter()
        .filter(|&&e| e != Legacy::Tcvn3Vn1 || vn1)
        .map(|&enc| {
            let (text, repairs) = decode_legacy(enc, sample);
            Reading {
                enc,
                score: score(&text),
                text,
                repairs,
            }
        })
        .collect();
    out.sort_by(|a, b| b.score.value.total_cmp(&a.score.value));
    out
}

/// The first [`SAMPLE`] bytes, cut after a line break when one is near.
fn sample(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= SAMPLE {
        return bytes;
    }
    let cut = memchr::memrchr(b'\n', &bytes[..SAMPLE]).map_or(SAMPLE, |i| i + 1);
    &bytes[..cut]
}

/// The confidence of the best of `readings`: how Vietnamese it reads, and how far ahead of the
/// next it is.
fn confidence(best: &Score, second: Option<&Score>) -> f64 {
    let q = best.quality();
    let lead = match second {
        Some(s) if best.words > 0 => {
            ((best.value - s.value) / (2.0 * best.words as f64)).clamp(0.0, 1.0)
        }
        _ => 1.0,
    };
    q * (0.6 + 0.4 * lead)
}

/// Is a reading Vietnamese enough to be taken?
fn decided(best: &Score) -> bool {
    best.good > 0 && best.value > 0.0 && best.quality() >= 0.5
}

fn detect(bytes: &[u8]) -> Result<Decoded, Error> {
    if let Some(rest) = bytes.strip_prefix(BOM) {
        return match std::str::from_utf8(rest) {
            Ok(text) => detect_utf8(text, true),
            // A byte-order mark before bytes that are not UTF-8: read them as if it were not
            // there.
            Err(_) => detect_legacy(rest),
        };
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        let le = bytes[0] == 0xff;
        return Ok(Decoded::new(
            utf16(bytes, le),
            info(if le { "utf-16le" } else { "utf-16be" }, 1.0, vec![]),
        ));
    }
    if let Some(le) = utf16_without_bom(bytes) {
        return Ok(Decoded::new(
            utf16(bytes, le),
            info(if le { "utf-16le" } else { "utf-16be" }, 0.9, vec![]),
        ));
    }
    if let Some(at) = memchr::memchr(0, &bytes[..bytes.len().min(super::SNIFF)]) {
        return Err(super::binary(at));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => detect_utf8(text, false),
        Err(_) => detect_legacy(bytes),
    }
}

/// Valid UTF-8 (after its byte-order mark): as it is, or repaired.
fn detect_utf8(text: &str, bom: bool) -> Result<Decoded, Error> {
    let bytes = text.as_bytes();
    let plain = |text: &str| {
        let nfd = has_marks(text.as_bytes());
        Ok(Decoded::new(
            text.to_owned(),
            info("utf-8", 1.0, if nfd { vec!["nfd"] } else { vec![] }),
        ))
    };
    if ascii_letters(text) {
        // Decided on the head of the text, which alone is read twice.
        let h = head(text);
        if !bom && viqr::signs(h) >= VIQR_SIGNS {
            let v = viqr::decode(h);
            let s = score(&v);
            if s.good >= 3 && s.quality() >= 0.7 {
                let v = if h.len() < text.len() {
                    viqr::decode(text)
                } else {
                    v
                };
                return Ok(Decoded::new(v, info("viqr", confidence(&s, None), vec![])));
            }
        }
        if text.is_ascii() {
            return plain(text);
        }
    }
    if mojibake::marked(bytes) {
        if let Some(d) = unmojibake(text) {
            return Ok(d);
        }
    }
    if !bom && mojibake::legacy_shown_as_cp1252(text) {
        if let Some(back) = mojibake::back(text, View::Cp1252) {
            let readings = legacy_readings(&back);
            // The readings read the head of the bytes: so is the text read as it is.
            let n = sample(&back).len();
            let here = score(text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i]));
            if let Some(best) = readings.first() {
                if decided(&best.score) && best.score.value > here.value + 2.0 {
                    let mut d = finish_legacy(&back, &readings)?;
                    d.encoding.repairs.insert(0, "legacy-as-cp1252".to_owned());
                    return Ok(d);
                }
            }
        }
    }
    plain(text)
}

/// The head of a text that detection reads: at most [`SAMPLE`] bytes, cut after a line break
/// when there is one (a line break is never inside a mangled char), else at a char boundary.
fn head(text: &str) -> &str {
    if text.len() <= SAMPLE {
        return text;
    }
    let mut cut = SAMPLE;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = memchr::memrchr(b'\n', &text.as_bytes()[..cut]).map_or(cut, |i| i + 1);
    &text[..cut]
}

/// Undoes mojibake, once or twice, while the text gets more Vietnamese: the views are chosen on
/// the head of the text, then the whole text is taken back through them.
fn unmojibake(text: &str) -> Option<Decoded> {
    let head = head(text);
    let cut = head.len() < text.len();
    let here = score(head);
    let (views, mut cur, cur_score) = choose_views(head, here, cut);
    if views.is_empty() {
        return None;
    }
    if cut {
        let whole = views.iter().try_fold(text.to_owned(), |t, &v| {
            String::from_utf8(mojibake::back(&t, v)?).ok()
        });
        cur = match whole {
            Some(w) => w,
            // A later part that does not go back the same way: the whole text decides.
            None => choose_views(text, score(text), false).1,
        };
    }
    let mut repairs: Vec<&'static str> = match views.as_slice() {
        [v] if *v == View::Cp1252 && mojibake::read_as_latin1(head) => vec![View::Latin1.repair()],
        [v] => vec![v.repair()],
        _ => vec!["mojibake-twice"],
    };
    if has_marks(cur.as_bytes()) {
        repairs.push("nfd");
    }
    Some(Decoded::new(
        cur,
        info("utf-8", confidence(&cur_score, Some(&here)), repairs),
    ))
}

/// The views (at most three) through which `text` gets more Vietnamese, each the best of its
/// round, with the text and score they lead to. `cut`: the text is a head, whose last char may
/// be cut short.
fn choose_views(text: &str, here: Score, cut: bool) -> (Vec<View>, String, Score) {
    let mut cur = text.to_owned();
    let mut cur_score = here;
    let mut views = Vec::new();
    for _round in 0..3 {
        let mut best: Option<(String, Score, View)> = None;
        for view in View::ALL {
            let Some(b) = mojibake::back(&cur, view) else {
                continue;
            };
            let s = match String::from_utf8(b) {
                Ok(s) => s,
                // A char cut short at the end of a head.
                Err(e) if cut && e.utf8_error().error_len().is_none() => {
                    let n = e.utf8_error().valid_up_to();
                    let mut b = e.into_bytes();
                    b.truncate(n);
                    String::from_utf8(b).unwrap_or_default()
                }
                Err(_) => continue,
            };
            let sc = score(&s);
            if sc.value > cur_score.value && best.as_ref().is_none_or(|x| sc.value > x.1.value) {
                best = Some((s, sc, view));
            }
        }
        match best {
            Some((s, sc, view)) => {
                views.push(view);
                cur = s;
                cur_score = sc;
            }
            None => break,
        }
    }
    (views, cur, cur_score)
}

/// Bytes that are not UTF-8: the best legacy reading, or per paragraph when the file mixes.
fn detect_legacy(bytes: &[u8]) -> Result<Decoded, Error> {
    let readings = legacy_readings(bytes);
    let best = readings.first().map(|b| b.score);
    let strong = best.is_some_and(|b| decided(&b) && b.quality() >= 0.9);
    if !strong || utf8_letters(sample(bytes)) >= 3 {
        if let Some((d, total)) = mixed(bytes)? {
            // Parts read in different encodings must read clearly better than one reading.
            if best.is_none_or(|b| total.value > b.value + 4.0) {
                return Ok(d);
            }
        }
    }
    finish_legacy(bytes, &readings)
}

/// How many Vietnamese letters of UTF-8 `bytes` holds (C3/C4/C6 xx, E1 BA/BB xx): legacy
/// text almost never has them, a UTF-8 line added to a legacy file does.
fn utf8_letters(bytes: &[u8]) -> usize {
    let mut n = 0;
    for i in memchr::memchr3_iter(0xc3, 0xc6, 0xe1, bytes) {
        let cont = |k: usize| {
            bytes
                .get(i + k)
                .is_some_and(|&b| (0x80..=0xbf).contains(&b))
        };
        let letter = match bytes[i] {
            0xe1 => matches!(bytes.get(i + 1), Some(0xba | 0xbb)) && cont(2),
            _ => cont(1) && !cont(2),
        };
        n += usize::from(letter);
    }
    n
}

/// The whole of `bytes` decoded with the best of `readings` (which read a sample of them).
fn finish_legacy(bytes: &[u8], readings: &[Reading]) -> Result<Decoded, Error> {
    let (Some(best), second) = (readings.first(), readings.get(1)) else {
        return Err(undecided(None, None));
    };
    if !decided(&best.score) {
        return Err(undecided(Some(best), second));
    }
    let (text, repairs) = whole(bytes, best);
    Ok(Decoded::new(
        text,
        info(
            best.enc.name(),
            confidence(&best.score, second.map(|s| &s.score)),
            repairs,
        ),
    ))
}

/// The whole of `bytes` decoded as `reading` (which read a sample of them): its text when the
/// sample was all of them.
fn whole(bytes: &[u8], reading: &Reading) -> (String, Vec<&'static str>) {
    if bytes.len() == sample(bytes).len() {
        (reading.text.clone(), reading.repairs.clone())
    } else {
        decode_legacy(reading.enc, bytes)
    }
}

/// The error of bytes no encoding reads as Vietnamese.
fn undecided(best: Option<&Reading>, second: Option<&Reading>) -> Error {
    let names = match (best, second) {
        (Some(a), Some(b)) => format!(
            "the two best readings are {} and {}, and neither reads as Vietnamese",
            a.enc.name(),
            b.enc.name()
        ),
        _ => "no reading of it is Vietnamese".to_owned(),
    };
    let force = best.map_or("tcvn3", |b| b.enc.name());
    Error::new(
        crate::ErrorKind::Decode,
        format!(
            "cannot tell the encoding: it is not UTF-8, and {names}; force one with \
             --encoding {force} (or another of utf-8, tcvn3, vni, viscii, vps, cp1258, viqr)"
        ),
    )
}

/// A file whose paragraphs read best in different encodings (a UTF-8 header above a TCVN3
/// body): each paragraph decoded as it reads best; `None` when they all agree.
fn mixed(bytes: &[u8]) -> Result<Option<(Decoded, Score)>, Error> {
    // Paragraphs: runs of lines up to a blank line, which ends the paragraph before it (each
    // line, when there is no blank line).
    let blank = memchr::memmem::find(bytes, b"\n\n").is_some()
        || memchr::memmem::find(bytes, b"\n\r\n").is_some();
    let mut paras: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut end = i + 1;
            let at_blank = bytes[end..].starts_with(b"\n") || bytes[end..].starts_with(b"\r\n");
            if !blank || at_blank {
                while end < bytes.len() && matches!(bytes[end], b'\n' | b'\r') {
                    end += 1;
                }
                paras.push(&bytes[start..end]);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < bytes.len() {
        paras.push(&bytes[start..]);
    }
    if paras.len() < 2 {
        return Ok(None);
    }
    let mut text = String::new();
    let mut parts: Vec<EncodingPart> = Vec::new();
    let mut chars = 0;
    let mut total = Score::default();
    for p in paras {
        let (name, t, s) = match std::str::from_utf8(p) {
            Ok(t) if !t.is_ascii() => ("utf-8", t.to_owned(), score(t)),
            Ok(t) => ("ascii", t.to_owned(), score(t)),
            Err(_) => {
                let r = legacy_readings(p);
                let Some(best) = r.first() else {
                    return Ok(None);
                };
                // A paragraph longer than the sample its reading read: decoded whole.
                (best.enc.name(), whole(p, best).0, best.score)
            }
        };
        total.value += s.value;
        total.words += s.words;
        total.good += s.good;
        let n = t.chars().count();
        match parts.last_mut() {
            Some(last) if last.name == name || name == "ascii" => last.end += n,
            Some(last) if last.name == "ascii" => {
                last.name = name.to_owned();
                last.end += n;
            }
            _ => parts.push(EncodingPart {
                start: chars,
                end: chars + n,
                name: name.to_owned(),
            }),
        }
        chars += n;
        text.push_str(&t);
    }
    for p in &mut parts {
        if p.name == "ascii" {
            p.name = "utf-8".to_owned();
        }
    }
    if parts.len() < 2 || !decided(&total) {
        return Ok(None);
    }
    let mut e = info("mixed", total.quality(), vec![]);
    e.parts = Some(parts);
    Ok(Some((Decoded::new(text, e), total)))
}

#[cfg(test)]
mod tests;
