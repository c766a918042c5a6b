//! Latency percentiles at 100,000 films, the way a person meets them: a search keystroke (the
//! ordered ids the window reads first, then the first screen's 40 rows; for a search matching very
//! many films, also the whole list of ids that follows) for each prefix typed on the way to a few
//! words, filters of the query language alone and with text, a sort of the whole catalog by each
//! column, the stats, and opening the catalog. Prints p50 and p95 per line; nothing is asserted.
//!
//! `cargo bench --bench latency [-- PART…]` (only the lines whose label holds a PART, e.g.
//! `-- genre unwatched`); `CINEDEX_BENCH_FILMS` sets the size of the demo catalog built in
//! a temp folder, or `CINEDEX_BENCH_DB=path` measures an existing catalog (e.g. one made with
//! `cinedex demo --films 100000`).

use cinedex::db::{Catalog, FilmQuery, FilmRow, FirstIds, SortColumn, RANKED_MATCHES_MAX};

#[path = "../tests/support/filters.rs"]
mod filters;
mod support;

use filters::FILTERS;
use support::measure;

fn main() {
    let dir = tempfile::tempdir().expect("temp folder");
    let path = support::bench_catalog_path(dir.path());
    let catalog = Catalog::open(&path).expect("catalog");
    println!("{} films", catalog.counts().expect("counts").films);

    for typed in [
        "a", "am", "ame", "amel", "amelie", "t", "th", "the", "s", "sc", "sch", "schoen", "garden",
        "garden h", "千", "千尋", "melie", "zqx",
    ] {
        let query = FilmQuery {
            search: typed.to_owned(),
            ..FilmQuery::default()
        };
        if !support::wanted(&format!("keystroke {typed:?}")) {
            continue;
        }
        let matches = catalog.film_ids(&query).expect("ids").len();
        // What the window shows first: the listing's first ids (all of them unless the search
        // matches very many films) and the rows of the first screen.
        measure(&format!("keystroke {typed:?} ({matches})"), 60, || {
            first_screen(&catalog, &query)
        });
        if matches > RANKED_MATCHES_MAX {
            // The whole listing, which follows (the scroll bar's length, the count of matches).
            support::time(&format!("  then all {matches} ids"), 60, || {
                catalog.film_ids(&query).expect("ids")
            });
        }
    }
    // Filters of the query language, alone and with text; each line is the keystroke that
    // completes the query, measured as above (first ids, then the first screen's 40 rows): the
    // call the search worker makes for the first screen, after the keystrokes before it (not
    // timed). Issue 17 asks for each filter of FILTERS alone and with a text word: "the"
    // (77,559 films; listed in the order added), "garden" (listed in the order added too) and
    // "amelie" (2,611; ranked).
    // Also typed the other way, the ranked word first: then the keystrokes of the filter keep
    // the words' ranked order (db/ranked_words.rs).
    let matrix = FILTERS.iter().flat_map(|filter| {
        ["", " the", " garden", " amelie"]
            .map(|word| format!("{filter}{word}"))
            .into_iter()
            .chain([format!("amelie {filter}")])
    });
    let others = [
        "watched",
        "unwatched decade:1970s runtime:<100",
        "the -genre:drama",
        "amelie year:1990..2010",
        "schoen country:japan",
        "garden h unwatched",
        "th rating:>=3",
    ];
    for typed in matrix.chain(others.map(str::to_owned)) {
        if !support::wanted(&format!("filter {typed:?}")) {
            continue;
        }
        let query = FilmQuery {
            search: typed.clone(),
            ..FilmQuery::default()
        };
        let matches = catalog.film_ids(&query).expect("ids").len();
        support::time_after(
            &format!("filter {typed:?} ({matches})"),
            60,
            || keystrokes_before(&catalog, &typed),
            || first_screen(&catalog, &query),
        );
        support::time(&format!("  then all {matches} ids"), 15, || {
            catalog.film_ids(&query).expect("ids")
        });
        if typed.starts_with("amelie ") {
            // The one keystroke of the filter that ranks all the word's matches: the second
            // with these words (after other words, then one with these).
            support::time_after(
                "  the words' second keystroke",
                60,
                || {
                    for search in ["zqx has:poster", typed.as_str()] {
                        let other = FilmQuery {
                            search: search.to_owned(),
                            ..FilmQuery::default()
                        };
                        catalog.first_film_ids(&other).expect("ids");
                    }
                },
                || first_screen(&catalog, &query),
            );
        }
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

/// Asks for the first screen of each keystroke that led to `typed` (each shorter start of it,
/// unfinished syntax included), as the window's search worker would have: what the catalog
/// keeps between keystrokes is then what it would be.
fn keystrokes_before(catalog: &Catalog, typed: &str) {
    for (end, _) in typed.char_indices().skip(1) {
        let query = FilmQuery {
            search: typed[..end].to_owned(),
            ..FilmQuery::default()
        };
        // A keystroke whose syntax is unfinished has no first screen; the window waits too.
        let _first = catalog.first_film_ids(&query);
    }
}

/// What the window shows first for `query`: the listing's first ids (all of them unless the
/// whole costs much more) and the rows of the first screen.
fn first_screen(catalog: &Catalog, query: &FilmQuery) -> Vec<FilmRow> {
    let ids = match catalog.first_film_ids(query).expect("ids") {
        FirstIds::All(ids) | FirstIds::First(ids) => ids,
    };
    catalog.film_rows(&ids[..ids.len().min(40)]).expect("rows")
}
