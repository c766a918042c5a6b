//! Parse speed: the seed paste, a ~10 KB paste and a 5 MB paste.

use std::hint::black_box;

use cinedex::parse::parse_review;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../tests/fixtures/reviews/seed-japan-times.txt");

/// A prose paragraph with a cast pair, repeated to the wanted size after a credits block.
fn paste(bytes: usize) -> String {
    let paragraph = "When Ali (Matthias Schoenaerts) carries her into the sea, the film stops arguing with itself; the camera floats, the score drops out, and for a minute nobody is explaining anything.\n\n";
    let mut text = String::from(
        "Rust and Bone (Kimi to Aruku Sekai)\nDirector Jacques Audiard\nRun Time 122 minutes\n\n",
    );
    while text.len() < bytes {
        text.push_str(paragraph);
    }
    text
}

fn bench(c: &mut Criterion) {
    let ten_kb = paste(10 * 1024);
    let five_mb = paste(5 * 1024 * 1024);
    let mut group = c.benchmark_group("parse_review");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("seed", |b| b.iter(|| parse_review(black_box(SEED))));
    group.throughput(Throughput::Bytes(ten_kb.len() as u64));
    group.bench_function("10KB", |b| b.iter(|| parse_review(black_box(&ten_kb))));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(five_mb.len() as u64));
    group.bench_function("5MB", |b| b.iter(|| parse_review(black_box(&five_mb))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
