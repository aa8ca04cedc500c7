//! The docx reader on any bytes, forced as docx: no panic, an answer in bounded time (libFuzzer's
//! -timeout), and, when it reads, a text whose pages lie inside it. Seeded with the docx files of
//! corpus/formats/ (fuzz/seed.py).
#![no_main]
use libfuzzer_sys::fuzz_target;
use vnfacts::input::{read_document, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let read = ReadOptions::new(Some(Format::Docx), false);
    if let Ok(d) = read_document(data.to_vec(), None, None, &read) {
        assert_eq!(d.format, Format::Docx);
        let n = d.text.chars().count();
        assert!(d.pages.iter().all(|&p| p <= n));
        assert!(d.pages.windows(2).all(|w| w[0] <= w[1]));
    }
});
