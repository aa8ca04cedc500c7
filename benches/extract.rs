//! Throughput of `extract` on the corpus: `cargo bench --bench extract`.
//! Criterion reports bytes per second for one document (~2 KB) and for the whole corpus joined
//! into one text repeated to about 1 MB, and for each stage of the pipeline on that 1 MB.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The allocator the `vnfacts` binary ships with (src/main.rs): the stages make and drop many
/// small strings, so the system allocator would weigh them differently from a real run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::hint::black_box;
use vnfacts::stages::{normalized, recognisers, Read, Settled};
use vnfacts::{extract, Options};

fn corpus() -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let opts = Options::default();
    let mut g = c.benchmark_group("extract");
    let one = &docs[0];
    g.throughput(Throughput::Bytes(one.len() as u64));
    g.bench_function("one report", |b| b.iter(|| extract(black_box(one), &opts)));
    let joined = docs.join("\n");
    let big = joined.repeat((1 << 20) / joined.len() + 1);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(20);
    g.bench_function("1 MB", |b| b.iter(|| extract(black_box(&big), &opts)));
    g.finish();

    // The stages, on the same 1 MB, to see where the time goes.
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(20);
    g.bench_function("normalize", |b| b.iter(|| normalized(black_box(&big))));
    g.bench_function("read (normalise, words, figures)", |b| {
        b.iter(|| Read::new(black_box(&big)))
    });
    let read = Read::new(&big);
    g.bench_function("recognisers", |b| b.iter(|| read.recognise(black_box(&[]))));
    for name in recognisers() {
        g.bench_function(format!("recogniser {name}"), |b| {
            b.iter(|| read.recognise(black_box(&[name])))
        });
    }
    g.finish();

    // The context stage (issue 16: at most 15% of extraction), on the corpus joined (one
    // reading, below the window size): the whole extraction, and the stage alone (with the copy
    // of the settled facts it starts from, timed apart to subtract).
    let mut g = c.benchmark_group("context");
    g.throughput(Throughput::Bytes(joined.len() as u64));
    g.sample_size(30);
    g.bench_function("extract corpus", |b| {
        b.iter(|| extract(black_box(&joined), &opts))
    });
    let settled = Settled::new(&joined);
    g.bench_function("context stage", |b| b.iter(|| settled.context()));
    g.bench_function("copy of the settled facts", |b| b.iter(|| settled.copy()));
    g.finish();

    // Time against size: 1×, 10× and 100× the corpus; linear time keeps the throughput level.
    let mut g = c.benchmark_group("scale");
    g.sample_size(10);
    for times in [1usize, 10, 100] {
        let text = joined.repeat(times);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{times}x corpus"), |b| {
            b.iter(|| extract(black_box(&text), &opts))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
