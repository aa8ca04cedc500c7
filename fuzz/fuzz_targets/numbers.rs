//! The number reader on any text: no panic, no value that is not finite.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Some(v) = vnfacts::numbers::parse_number(s) {
        assert!(v.to_f64().is_finite());
    }
    let norm = vnfacts::normalize::Normalized::new(s);
    for f in vnfacts::numbers::scan(norm.text()) {
        assert!(f.start < f.end && f.end <= norm.text().len());
        assert!(f.value.to_f64().is_finite());
        let (a, b) = norm.to_source(f.start, f.end);
        assert!(a < b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b));
    }
});
