//! The pdf reader on any bytes, forced as pdf: no panic escapes it (the parser's own are caught), an answer in bounded time (libFuzzer's
//! -timeout), and, when it reads, a text whose pages lie inside it. Seeded with the pdf files of
//! corpus/formats/ (fuzz/seed.py).
#![no_main]
use libfuzzer_sys::fuzz_target;
use vnfacts::input::{read_document, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    // The PDF parser panics on some malformed files; the reader catches those panics and
    // makes them errors. libFuzzer's panic hook would abort at the panic, before the catch:
    // here a panic is only a crash when nothing catches it (the target's own wrapper aborts).
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let read = ReadOptions::new(Some(Format::Pdf), false);
    if let Ok(d) = read_document(data.to_vec(), None, None, &read) {
        assert_eq!(d.format, Format::Pdf);
        let n = d.text.chars().count();
        assert!(d.pages.iter().all(|&p| p <= n));
        assert!(d.pages.windows(2).all(|w| w[0] <= w[1]));
    }
});
