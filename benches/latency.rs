//! Latency percentiles at 100,000 films, the way a person meets them: a whole search keystroke
//! (the ordered ids, then the first screen's 40 rows) for each prefix typed on the way to a few
//! words, a sort of the whole catalog by each column, the stats, and opening the catalog. Prints
//! p50 and p95 per line; nothing is asserted.
//!
//! `cargo bench --bench latency`; `CINEDEX_BENCH_FILMS` sets the size of the demo catalog built in
//! a temp folder, or `CINEDEX_BENCH_DB=path` measures an existing catalog (e.g. one made with
//! `cinedex demo --films 100000`).

use cinedex::db::{Catalog, FilmQuery, SortColumn};

mod support;

use support::measure;

fn main() {
    let dir = tempfile::tempdir().expect("temp folder");
    let path = support::bench_catalog_path(dir.path());
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
