//! How fast a Letterboxd export imports: a generated export with 10,000 diary entries (6,000
//! films, a third of them rewatched, tags, every tenth entry reviewed, plus ratings, watched and
//! watchlist files) read from memory and stored into a fresh catalog file in one transaction;
//! also the same export imported a second time (everything a duplicate), and a backup of the
//! result. Run with `cargo bench --bench imports`; `CINEDEX_BENCH_ENTRIES` sets another size.

use std::fmt::Write;
use std::hint::black_box;
use std::path::Path;

use cinedex::db::{Catalog, ImportMode};
use cinedex::interop::{backup_bytes, letterboxd_batch, ExportFile};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

/// A Letterboxd export with `entries` diary rows over `entries * 3 / 5` films.
fn generated_export(entries: usize) -> Vec<ExportFile> {
    let films = (entries * 3 / 5).max(1);
    let title = |n: usize| format!("Film Number {n}, Part {}", n % 7);
    let year = |n: usize| 1920 + n % 100;
    let mut diary =
        String::from("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n");
    let mut reviews =
        String::from("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n");
    for i in 0..entries {
        let n = i % films;
        let day = format!("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28);
        let rating = if i % 9 == 0 {
            String::new()
        } else {
            format!("{}", f64::from(1 + (i % 10) as u32) / 2.0)
        };
        let rewatch = if i >= films { "Yes" } else { "" };
        let tags = ["", "cinema", "\"home, tv\"", "festival"][i % 4];
        let _ = writeln!(
            diary,
            "{day},\"{}\",{},https://boxd.it/e{i},{rating},{rewatch},{tags},{day}",
            title(n),
            year(n)
        );
        if i % 10 == 0 {
            let _ = writeln!(
                reviews,
                "{day},\"{}\",{},https://boxd.it/e{i},{rating},{rewatch},\"<b>Viewing {i}</b>, with &amp; without\nnotes.\",,{day}",
                title(n),
                year(n)
            );
        }
    }
    let mut ratings = String::from("Date,Name,Year,Letterboxd URI,Rating\n");
    let mut watched = String::from("Date,Name,Year,Letterboxd URI\n");
    for n in 0..films {
        let _ = writeln!(
            ratings,
            "2020-01-01,\"{}\",{},https://boxd.it/f{n},{}",
            title(n),
            year(n),
            1 + n % 5
        );
        let _ = writeln!(
            watched,
            "2020-01-01,\"{}\",{},https://boxd.it/f{n}",
            title(n),
            year(n)
        );
    }
    let mut watchlist = String::from("Date,Name,Year,Letterboxd URI\n");
    for n in 0..films / 10 {
        let _ = writeln!(watchlist, "2024-01-01,Wanted {n},2001,https://boxd.it/w{n}");
    }
    [
        ("diary.csv", diary),
        ("reviews.csv", reviews),
        ("ratings.csv", ratings),
        ("watched.csv", watched),
        ("watchlist.csv", watchlist),
    ]
    .into_iter()
    .map(|(path, text)| ExportFile {
        path: path.to_owned(),
        bytes: text.into_bytes(),
    })
    .collect()
}

fn import(files: &[ExportFile], catalog: &mut Catalog) -> cinedex::db::ImportSummary {
    let (batch, _) = letterboxd_batch("bench", Path::new("bench"), files).expect("export reads");
    catalog
        .import_batch(&batch, ImportMode::Merge, |_| true)
        .expect("import")
}

fn import_benches(c: &mut Criterion) {
    let entries: usize = std::env::var("CINEDEX_BENCH_ENTRIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let files = generated_export(entries);
    let dir = tempfile::tempdir().expect("temp folder");
    let mut group = c.benchmark_group(format!("letterboxd_{entries}_entries"));
    group.sample_size(10);
    let mut round = 0;
    group.bench_function("into_empty_catalog", |b| {
        b.iter_batched(
            || {
                round += 1;
                Catalog::open(dir.path().join(format!("fresh-{round}.sqlite3"))).expect("catalog")
            },
            |mut catalog| black_box(import(&files, &mut catalog)),
            BatchSize::PerIteration,
        )
    });
    let mut catalog = Catalog::open(dir.path().join("full.sqlite3")).expect("catalog");
    let summary = import(&files, &mut catalog);
    assert_eq!(summary.diary_added, entries);
    group.bench_function("again_all_duplicates", |b| {
        b.iter(|| black_box(import(&files, &mut catalog)))
    });
    group.bench_function("backup_export", |b| {
        b.iter(|| black_box(backup_bytes(&catalog.snapshot().expect("snapshot")).expect("json")))
    });
    group.finish();
}

criterion_group!(benches, import_benches);
criterion_main!(benches);
