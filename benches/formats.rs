//! Reading speed per document format: `cargo bench --bench formats`, then
//! `python3 scripts/bench_table.py formats` for the README's table.
//!
//! Each format's files of `corpus/formats/` read one after the other (their text extracted, as
//! `extract` and `decode` read a file, before any fact is read); the throughput is the files'
//! bytes, so MB/s is of the files as they are on disk (a .docx is a zip, a PDF mostly fonts).
//! Beside them, `extract` on the text twins, to compare with the cost of the facts.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use vnfacts::input::{read_document, ReadOptions};
use vnfacts::{extract, Options};

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/formats");
    let mut g = c.benchmark_group("formats");
    g.sample_size(20);
    for format in ["docx", "doc", "odt", "rtf", "pdf", "html"] {
        let mut files: Vec<Vec<u8>> = std::fs::read_dir(root.join(format))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == format))
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        files.sort();
        let bytes: usize = files.iter().map(Vec::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format, |b| {
            b.iter(|| {
                for f in &files {
                    let d = read_document(f.clone(), None, None, &ReadOptions::default()).unwrap();
                    black_box(d.text.len());
                }
            })
        });
    }
    // The facts of the same reports, from their text twins.
    let twins: Vec<String> = [
        "tin-tuan-xa-binh-an",
        "hoi-nong-dan-so-ket-6-thang",
        "quy-khuyen-hoc-ung-ho",
        "ngan-sach-xa-dong-tam-2023",
    ]
    .iter()
    .map(|n| std::fs::read_to_string(root.join("..").join(format!("{n}.txt"))).unwrap())
    .collect();
    let bytes: usize = twins.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("txt: extract (the facts of the twins)", |b| {
        b.iter(|| {
            for t in &twins {
                black_box(extract(t, &Options::default()).facts.len());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
