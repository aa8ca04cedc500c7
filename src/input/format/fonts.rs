//! The font families of the old 8-bit encodings (`data/legacy_fonts.txt`): a run of a Word,
//! ODT or RTF document set in `.VnTime` holds TCVN3 bytes shown as Windows-1252 letters ("Héi"
//! for "Hội"), and is decoded by its font.
//!
//! ```text
//! let f = of(".VnTime").unwrap();
//! assert_eq!(f.decode("Héi N«ng d©n"), "Hội Nông dân");
//! assert_eq!(of(".VnTimeH").unwrap().decode("h¤i"), "HỘI");
//! assert!(of("Times New Roman").is_none());
//! ```

use crate::input::encoding::legacy::{self, cp1252_byte, Legacy};
use crate::lexicon::{file, parse::lines};
use std::sync::LazyLock;

/// A legacy font family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Font {
    /// The encoding of its text.
    pub encoding: Legacy,
    /// It shows every letter as a capital.
    pub capitals: bool,
}

/// The families, as (name or start of names in ASCII lower case, font), longest first.
static FONTS: LazyLock<Vec<(String, Font)>> =
    LazyLock::new(|| parse().unwrap_or_else(|e| panic!("{e}")));

fn parse() -> Result<Vec<(String, Font)>, crate::Error> {
    let f = file("legacy_fonts.txt");
    let mut out = Vec::new();
    for l in lines(f.name, f.text, 2, 3)? {
        let encoding = match l.choice(1, &["tcvn3", "tcvn3-vn1", "vni", "viscii", "vps"], None)? {
            "tcvn3" => Legacy::Tcvn3,
            "tcvn3-vn1" => Legacy::Tcvn3Vn1,
            "vni" => Legacy::Vni,
            "viscii" => Legacy::Viscii,
            _ => Legacy::Vps,
        };
        let capitals = l.choice(2, &["capitals"], Some(""))? == "capitals";
        out.push((l.col(0).to_ascii_lowercase(), Font { encoding, capitals }));
    }
    out.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    Ok(out)
}

/// The legacy font `name` is one of (its longest entry that the name starts with), if any.
pub(crate) fn of(name: &str) -> Option<Font> {
    let name = name.trim().as_bytes();
    FONTS
        .iter()
        .find(|(n, _)| {
            name.get(..n.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(n.as_bytes()))
        })
        .map(|(_, f)| *f)
}

impl Font {
    /// Decodes the text of a run set in this font: each char back to the Windows-1252 byte it
    /// shows (a char that is no such byte, e.g. one typed later in Unicode, stays as it is),
    /// then the bytes through the encoding's table.
    pub fn decode(self, run: &str) -> String {
        let mut out = String::with_capacity(run.len() + 8);
        let mut bytes = Vec::with_capacity(run.len());
        let flush = |bytes: &mut Vec<u8>, out: &mut String| {
            if !bytes.is_empty() {
                let s = legacy::decode(self.encoding, bytes);
                if self.capitals {
                    out.extend(s.chars().flat_map(char::to_uppercase));
                } else {
                    out.push_str(&s);
                }
                bytes.clear();
            }
        };
        for c in run.chars() {
            // Symbol fonts map their chars to the private use area (U+F000 + byte).
            let b = match c as u32 {
                0xf020..=0xf0ff => Some((c as u32 - 0xf000) as u8),
                _ => cp1252_byte(c),
            };
            match b {
                Some(b) => bytes.push(b),
                None => {
                    flush(&mut bytes, &mut out);
                    out.push(c);
                }
            }
        }
        flush(&mut bytes, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_list_parses_and_the_longest_family_wins() {
        assert!(parse().unwrap().len() > 20);
        let time = of(".VnTime").unwrap();
        assert_eq!((time.encoding, time.capitals), (Legacy::Tcvn3, false));
        assert!(of(".VnTimeH").unwrap().capitals);
        assert!(!of(".VnArial Narrow").unwrap().capitals);
        assert_eq!(of("VNI-Times").unwrap().encoding, Legacy::Vni);
        assert_eq!(of("vps times").unwrap().encoding, Legacy::Vps);
        assert_eq!(of("Times New Roman"), None);
    }

    #[test]
    fn a_run_is_decoded_by_its_font() {
        // TCVN3 bytes of "Hội Nông dân xã" shown as Windows-1252.
        let tcvn3 = legacy::decode(Legacy::Tcvn3, b"H\xe9i N\xabng d\xa9n x\xb7");
        assert_eq!(tcvn3, "Hội Nông dân xã");
        let shown: String = b"H\xe9i N\xabng d\xa9n x\xb7"
            .iter()
            .map(|&b| legacy::CP1252[b as usize])
            .collect();
        assert_eq!(of(".VnTime").unwrap().decode(&shown), "Hội Nông dân xã");
        assert_eq!(of(".VnTimeH").unwrap().decode(&shown), "HỘI NÔNG DÂN XÃ");
        // A char no Windows-1252 byte shows (typed in Unicode later) is kept.
        assert_eq!(of(".VnTime").unwrap().decode("x\u{1ea1}"), "x\u{1ea1}");
    }
}
