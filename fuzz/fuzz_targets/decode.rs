//! The decoder on any bytes, detected and forced in every encoding: no panic; the text is
//! valid UTF-8 with a confidence in 0…1 and parts inside it; UTF-8 input that holds no
//! mojibake marker comes back unchanged, and so does whatever is called plain UTF-8.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vnfacts::input::{decode_bytes, Encoding};

/// Valid UTF-8 that nothing could mistake for mojibake or for VIQR: no char in U+0080–U+00FF
/// (where the chars of a wrong 8-bit reading are) nor any of the punctuation Windows-1252 puts
/// in 80–9F, and at least one Vietnamese letter that is not ASCII (so it is not VIQR).
fn plain(s: &str) -> bool {
    let latin1 = |c: char| ('\u{80}'..='\u{ff}').contains(&c);
    let cp1252 = |c: char| "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c);
    !s.starts_with('\u{feff}')
        && !s.chars().any(|c| latin1(c) || cp1252(c))
        && s.chars().any(|c| ('\u{1ea0}'..='\u{1ef9}').contains(&c) || "ăđơưĂĐƠƯ".contains(c))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = decode_bytes(data, None) {
        assert!(std::str::from_utf8(d.text.as_bytes()).is_ok());
        assert!((0.0..=1.0).contains(&d.encoding.confidence));
        if let Ok(s) = std::str::from_utf8(data) {
            if plain(s) {
                assert_eq!(d.text, s, "plain UTF-8 changed ({:?})", d.encoding);
                assert_eq!(d.encoding.name, "utf-8");
            }
            // What is called plain UTF-8 is the input itself.
            if d.encoding.name == "utf-8" && d.encoding.repairs.iter().all(|r| r == "nfd") {
                assert_eq!(d.text, s.strip_prefix('\u{feff}').unwrap_or(s));
            }
        }
        if let Some(parts) = &d.encoding.parts {
            let n = d.text.chars().count();
            assert!(parts.iter().all(|p| p.start <= p.end && p.end <= n));
        }
    }
    for (e, _) in Encoding::ALL {
        if let Ok(d) = decode_bytes(data, Some(e)) {
            assert_eq!(d.encoding.name, e.name());
        }
    }
});
