//! What the catalog benches share: the size of the demo catalog, building it, and timing work.
// Each bench binary compiles this module and uses only a part of it.
#![allow(dead_code)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use cinedex::db::Catalog;

/// How many demo films to build: `CINEDEX_BENCH_FILMS`, or 100,000.
pub fn bench_films() -> usize {
    std::env::var("CINEDEX_BENCH_FILMS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}

/// A demo catalog of `films` films with its diary at `path`; prints how long storing took.
pub fn demo_catalog(path: &Path, films: usize) -> Catalog {
    let mut catalog = Catalog::open(path).expect("catalog");
    let started = Instant::now();
    let ids = catalog
        .create_films_with_reviews(&cinedex::demo::demo_films(films), |_| {})
        .expect("demo films");
    catalog
        .create_diary_entries(&cinedex::demo::demo_diary(&ids))
        .expect("demo diary");
    eprintln!(
        "stored {films} demo films and their diary in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    catalog
}

/// The 50th and 95th percentiles of `samples_ms`.
pub fn percentiles(mut samples_ms: Vec<f64>) -> (f64, f64) {
    samples_ms.sort_by(f64::total_cmp);
    let at = |p: usize| samples_ms[(samples_ms.len() * p).div_ceil(100).max(1) - 1];
    (at(50), at(95))
}

/// True when `label` is to be measured: the words after `--` on the command line (`cargo bench
/// --bench latency -- genre unwatched`) name what to measure, by any part of a label; none, all.
pub fn wanted(label: &str) -> bool {
    let mut named = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .peekable();
    named.peek().is_none() || named.any(|part| label.contains(&part))
}

/// [`time`]s `work` if `label` is [`wanted`].
pub fn measure<T>(label: &str, runs: usize, work: impl FnMut() -> T) {
    if wanted(label) {
        time(label, runs, work);
    }
}

/// Runs `work` `runs` times and prints its p50 and p95 in milliseconds.
pub fn time<T>(label: &str, runs: usize, work: impl FnMut() -> T) {
    time_after(label, runs, || {}, work);
}

/// Runs `before` (not timed), then `work` (timed), `runs` times, and prints the p50 and p95 of
/// `work` in milliseconds.
pub fn time_after<T>(
    label: &str,
    runs: usize,
    mut before: impl FnMut(),
    mut work: impl FnMut() -> T,
) {
    let samples = (0..runs)
        .map(|_| {
            before();
            let started = Instant::now();
            black_box(work());
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let (p50, p95) = percentiles(samples);
    println!("{label:<36} p50 {p50:>8.2} ms   p95 {p95:>8.2} ms");
}

/// The catalog to measure: `CINEDEX_BENCH_DB`, or a demo catalog of [`bench_films`] films built in
/// `dir`.
pub fn bench_catalog_path(dir: &Path) -> PathBuf {
    match std::env::var_os("CINEDEX_BENCH_DB") {
        Some(path) => PathBuf::from(path),
        None => {
            let path = dir.join("bench.sqlite3");
            demo_catalog(&path, bench_films());
            path
        }
    }
}

/// How many distinct generated posters [`add_demo_posters`] draws; the films share them in turn.
const POSTER_POOL: usize = 500;

/// Gives every second film of the catalog at `path` a generated poster, unless it has posters
/// already; prints what it cost: time, thumbnail bytes per poster and the file's growth.
///
/// Drawing 50,000 distinct posters would take minutes, and the grid's cost does not depend on
/// what a thumbnail shows, so the films share [`POSTER_POOL`] posters (drawn from the first films'
/// titles); each film still has its own row of `film_posters` with its own copy of the bytes.
pub fn add_demo_posters(path: &Path) {
    let mut catalog = Catalog::open(path).expect("catalog");
    if catalog.poster_totals().expect("totals").posters > 0 {
        return;
    }
    let started = Instant::now();
    let before = std::fs::metadata(path).map_or(0, |m| m.len());
    let mut ids = catalog
        .film_ids(&cinedex::db::FilmQuery::default())
        .expect("ids");
    ids.sort();
    let pool: Vec<_> = catalog
        .film_rows(&ids[..POSTER_POOL.min(ids.len())])
        .expect("rows")
        .iter()
        .map(|row| {
            let image = cinedex::images::generated_poster(&row.title, row.year);
            cinedex::images::poster_from_image(&image).expect("poster")
        })
        .collect();
    let given: Vec<_> = ids.iter().step_by(2).zip(pool.iter().cycle()).collect();
    for chunk in given.chunks(5_000) {
        // A chunk's copies at a time: all 50,000 at once would take 1.4 GB.
        let chunk: Vec<_> = chunk.iter().map(|(id, p)| (**id, (*p).clone())).collect();
        catalog.set_posters(&chunk).expect("posters");
    }
    let totals = catalog.poster_totals().expect("totals");
    let after = std::fs::metadata(path).map_or(0, |m| m.len());
    let per = |bytes: f64| bytes / totals.posters.max(1) as f64 / 1000.0;
    eprintln!(
        "gave {} films a poster in {:.1} s: thumbnails {:.1} KB a set (list + grid), kept \
         images {:.1} KB, the file grew {:.1} KB a poster",
        totals.posters,
        started.elapsed().as_secs_f64(),
        per(totals.thumbnail_bytes as f64),
        per(totals.image_bytes as f64),
        per(after.saturating_sub(before) as f64),
    );
}
