//! What the catalog benches share: the size of the demo catalog and building it.

use std::path::Path;
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
