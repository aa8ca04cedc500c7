//! Decoding speed, per encoding: `cargo bench --bench decode`.
//!
//! Each sample folder of `corpus/encodings/` joined and repeated to about 1 MB, then read
//! (a) with the encoding detected, as `extract` reads a file, and (b) in its encoding forced
//! (the conversion alone). Plain UTF-8 is measured beside `extract` on the same text, so that
//! the share of detection in a run can be read off (README "Old encodings").

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use vnfacts::input::{decode_bytes, decode_vec, Encoding};
use vnfacts::{extract, Options};

/// The files of a folder one after the other (each ends with a line break), repeated to about
/// 1 MB; a UTF-16 byte-order mark only at the start.
fn megabyte(dir: &Path) -> Vec<u8> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut body = Vec::new();
    let mut bom: &[u8] = &[];
    for f in files {
        let b = std::fs::read(f).unwrap();
        let rest = match b.as_slice() {
            [0xff, 0xfe, rest @ ..] => {
                bom = &[0xff, 0xfe];
                rest
            }
            [0xfe, 0xff, rest @ ..] => {
                bom = &[0xfe, 0xff];
                rest
            }
            all => all,
        };
        body.extend_from_slice(rest);
    }
    let mut out = bom.to_vec();
    out.extend(body.repeat((1 << 20) / body.len() + 1));
    out
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    // Plain UTF-8: detection (one pass) beside extraction.
    let mut utf8 = Vec::new();
    for e in std::fs::read_dir(&root).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            utf8.extend(std::fs::read(p).unwrap());
            utf8.push(b'\n');
        }
    }
    let utf8 = utf8.repeat((1 << 20) / utf8.len() + 1);
    let mut g = c.benchmark_group("utf-8");
    g.throughput(Throughput::Bytes(utf8.len() as u64));
    g.sample_size(20);
    // As a file is read: the bytes given to the decoder, which keeps them as the text.
    g.bench_function("detect and decode", |b| {
        b.iter_batched(
            || utf8.clone(),
            |v| decode_vec(black_box(v), None).unwrap(),
            BatchSize::LargeInput,
        )
    });
    let text = std::str::from_utf8(&utf8).unwrap();
    let opts = Options::default();
    g.bench_function("extract", |b| b.iter(|| extract(black_box(text), &opts)));
    g.finish();

    let mut g = c.benchmark_group("decode");
    g.sample_size(20);
    let mut dirs: Vec<_> = std::fs::read_dir(root.join("encodings"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = megabyte(&dir);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(format!("{name} detected"), |b| {
            b.iter(|| decode_bytes(black_box(&bytes), None).unwrap())
        });
        if let Ok(e) = name.parse::<Encoding>() {
            g.bench_function(format!("{name} forced"), |b| {
                b.iter(|| decode_bytes(black_box(&bytes), Some(e)).unwrap())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
