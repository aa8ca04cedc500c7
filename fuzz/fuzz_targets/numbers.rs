//! The number reader on any text: no panic, no value that is not finite, every span inside
//! its text and on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Some(v) = vnfacts::parse_number(s) {
        assert!(v.to_f64().is_finite());
    }
    let (norm, figures) = vnfacts::stages::figures(s);
    for (start, end, a, b, value) in figures {
        assert!(start < end && end <= norm.len());
        assert!(value.is_finite());
        assert!(a < b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b));
    }
});
