//! Latency percentiles at 100,000 films, the way a person meets them: a whole search keystroke
//! (the ordered ids, then the first screen's 40 rows) for each prefix typed on the way to a few
//! words, a sort of the whole catalog by each column, the stats, and opening the catalog. Prints
//! p50 and p95 per line; nothing is asserted.
//!
//! `cargo bench --bench latency`; `CINEDEX_BENCH_FILMS` sets the size of the demo catalog built in
//! a temp folder, or `CINEDEX_BENCH_DB=path` measures an existing catalog (e.g. one made with
//! `cinedex demo --films 100000`).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use cinedex::db::{Catalog, FilmQuery, SortColumn};

mod support;

/// The 50th and 95th percentiles of `samples_ms`.
fn percentiles(mut samples_ms: Vec<f64>) -> (f64, f64) {
    samples_ms.sort_by(f64::total_cmp);
    let at = |p: usize| samples_ms[(samples_ms.len() * p).div_ceil(100).max(1) - 1];
    (at(50), at(95))
}

/// Runs `work` `runs` times and prints its p50 and p95 in milliseconds.
fn measure<T>(label: &str, runs: usize, mut work: impl FnMut() -> T) {
    let samples = (0..runs)
        .map(|_| {
            let started = Instant::now();
            black_box(work());
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let (p50, p95) = percentiles(samples);
    println!("{label:<36} p50 {p50:>8.2} ms   p95 {p95:>8.2} ms");
}

fn main() {
    let _dir;
    let path = match std::env::var_os("CINEDEX_BENCH_DB") {
        Some(path) => PathBuf::from(path),
        None => {
            _dir = tempfile::tempdir().expect("temp folder");
            let path = _dir.path().join("bench.sqlite3");
            support::demo_catalog(&path, support::bench_films());
            path
        }
    };
    let catalog = Catalog::open(&path).expect("catalog");
    println!("{} films", catalog.counts().expect("counts").films);

    for typed in [
        "a", "am", "ame", "amel", "amelie", "t", "th", "the", "s", "sc", "sch", "schoen", "garden",
        "garden h", "千", "千尋",
    ] {
        let query = FilmQuery {
            search: typed.to_owned(),
            ..FilmQuery::default()
        };
        let matches = catalog.film_ids(&query).expect("ids").len();
        measure(&format!("keystroke {typed:?} ({matches})"), 60, || {
            let ids = catalog.film_ids(&query).expect("ids");
            catalog.film_rows(&ids[..ids.len().min(40)]).expect("rows")
        });
    }
    for sort in [
        SortColumn::Title,
        SortColumn::Year,
        SortColumn::Directors,
        SortColumn::Runtime,
        SortColumn::Rating,
    ] {
        let query = FilmQuery {
            sort,
            ..FilmQuery::default()
        };
        measure(&format!("sort all by {sort:?}"), 10, || {
            catalog.film_ids(&query).expect("ids")
        });
    }
    measure("stats, year 2024", 15, || {
        catalog.stats(Some(2024)).expect("stats")
    });
    measure("stats, all time", 15, || {
        catalog.stats(None).expect("stats")
    });
    measure("open the catalog", 15, || {
        Catalog::open(&path).expect("catalog")
    });
}
