//! How fast the catalog answers at 100,000 films (with the demo's ~30,000 diary entries): the id
//! list behind the table (all films, a search, a sort), one screen of rows, a search keystroke
//! (the ids the window reads first, then the first screen's rows), and the stats. Run with
//! `cargo bench --bench catalog`; set `CINEDEX_BENCH_FILMS` for another size. The catalog is built
//! once, in a temp folder; see `docs/performance.md` for the figures.

use std::hint::black_box;

use cinedex::db::{FilmQuery, FirstIds, SortColumn};
use criterion::{criterion_group, criterion_main, Criterion};

mod support;

fn catalog_benches(c: &mut Criterion) {
    let films = support::bench_films();
    let dir = tempfile::tempdir().expect("temp folder");
    let catalog = support::demo_catalog(&dir.path().join("bench.sqlite3"), films);

    let query = |search: &str, sort| FilmQuery {
        search: search.to_owned(),
        sort,
        descending: false,
    };
    let mut group = c.benchmark_group(format!("catalog_{films}"));
    group.sample_size(20);
    for (name, q) in [
        ("ids_by_title", query("", SortColumn::Title)),
        ("ids_by_year", query("", SortColumn::Year)),
        ("ids_by_director", query("", SortColumn::Directors)),
        ("search_word_amelie", query("amelie", SortColumn::Relevance)),
        (
            "search_prefix_schoen",
            query("schoen", SortColumn::Relevance),
        ),
        ("search_one_letter_t", query("t", SortColumn::Relevance)),
        (
            "search_two_words",
            query("garden harbour", SortColumn::Relevance),
        ),
        (
            "search_cjk_inside_title",
            query("千尋", SortColumn::Relevance),
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(catalog.film_ids(&q).expect("ids")))
        });
    }
    let ids = catalog
        .film_ids(&query("", SortColumn::Title))
        .expect("ids");
    let screen = &ids[ids.len() / 2..ids.len() / 2 + 40];
    group.bench_function("rows_for_one_screen_40", |b| {
        b.iter(|| black_box(catalog.film_rows(screen).expect("rows")))
    });
    group.bench_function("counts", |b| {
        b.iter(|| black_box(catalog.counts().expect("counts")))
    });
    // What one keystroke in the search box costs before the window shows it: the ids the search
    // worker reads first (all of them, unless the search matches very many films), then the rows
    // of the first screen. `search_one_letter_t` above is the whole list that follows for `t`.
    for typed in ["a", "am", "ame", "amel", "schoen", "t"] {
        let q = query(typed, SortColumn::Relevance);
        group.bench_function(format!("keystroke_{typed}"), |b| {
            b.iter(|| {
                let ids = match catalog.first_film_ids(&q).expect("ids") {
                    FirstIds::All(ids) | FirstIds::First(ids) => ids,
                };
                black_box(catalog.film_rows(&ids[..ids.len().min(40)]).expect("rows"))
            })
        });
    }
    group.bench_function("stats_all_time", |b| {
        b.iter(|| black_box(catalog.stats(None).expect("stats")))
    });
    group.bench_function("stats_2024", |b| {
        b.iter(|| black_box(catalog.stats(Some(2024)).expect("stats")))
    });
    group.finish();
    known_benches(c, &catalog, films);
}

criterion_group!(benches, catalog_benches);
criterion_main!(benches);

// The catalog as the review parser's memory: building `Known` from every stored title and person,
// and reading a ~10 KB paste that names stored films with it (matching is linear in the text).
fn known_benches(c: &mut Criterion, catalog: &cinedex::db::Catalog, films: usize) {
    let mut group = c.benchmark_group(format!("known_{films}"));
    group.sample_size(10);
    group.bench_function("build_known", |b| {
        b.iter(|| black_box(catalog.known().expect("known")))
    });
    let known = catalog.known().expect("known");
    let ids = catalog.film_ids(&FilmQuery::default()).expect("ids");
    let rows = catalog.film_rows(&ids[..ids.len().min(5)]).expect("rows");
    let mut paste = String::new();
    while paste.len() < 10 * 1024 {
        for row in &rows {
            paste.push_str(&format!(
                "Watching {} again, the film stops arguing with itself; the camera floats, the \
                 score drops out, and for a minute nobody is explaining anything.\n\n",
                row.title
            ));
        }
    }
    group.bench_function("find_titles_and_names_10KB", |b| {
        b.iter(|| {
            black_box(known.find_titles(black_box(&paste)));
            black_box(known.find_names(black_box(&paste)))
        })
    });
    group.bench_function("parse_review_with_10KB", |b| {
        b.iter(|| black_box(cinedex::parse::parse_review_with(black_box(&paste), &known)))
    });
    group.bench_function("parse_review_text_only_10KB", |b| {
        b.iter(|| black_box(cinedex::parse::parse_review(black_box(&paste))))
    });
    group.finish();
}
