//! Bytes → decode → extract: no panic, every span true, every value finite, JSON written.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = vnfacts::decode(data) else { return };
    let doc = vnfacts::extract(&text, &vnfacts::Options::default());
    let chars: Vec<char> = text.chars().collect();
    for f in &doc.facts {
        assert!(f.start < f.end && f.end <= chars.len(), "span {}..{} of {}", f.start, f.end, chars.len());
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
        for v in [f.number(), f.min, f.max, f.numerator, f.denominator].into_iter().flatten() {
            assert!(v.to_f64().is_finite());
        }
    }
    serde_json::to_string(&doc).unwrap();
});
