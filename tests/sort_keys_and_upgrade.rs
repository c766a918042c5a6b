//! Migration 005 on real SQLite files: a catalog made at version 4 upgrades with its searches and
//! sorts unchanged; the "my rating" sort key follows every write; films stored in bulk are indexed
//! for search exactly once each, with their reviews. Migration 010 on a version 9 file: the
//! filters' keys are filled and follow every write.

use chrono::NaiveDate;
use std::collections::BTreeSet;

use cinedex::db::{title_key, Catalog, FilmChoice, FilmQuery, SortColumn, SCHEMA_VERSION};
use cinedex::model::{DiaryEntry, Film, FilmId, Rating, Review, ReviewKind};
use rusqlite::Connection;

// Each binary uses only some of the shared helpers; the rest would warn as dead code.
#[allow(dead_code)]
mod support;

/// "My rating" as version 4 computed it at every sort, for `films AS f`.
const OLD_RATING: &str = "coalesce(
    (SELECT d.rating_half_stars * 10.0 FROM diary_entries AS d
     WHERE d.film_id = f.id AND d.rating_half_stars IS NOT NULL ORDER BY d.watched_on DESC LIMIT 1),
    (SELECT avg(r.rating_norm) FROM reviews AS r WHERE r.film_id = f.id))";

const SEARCHES: [&str; 6] = ["t", "th", "sc", "the", "luminous", "zz"];

/// A version 4 catalog at `path`, written the way version 4 wrote films: the row, then its
/// credits, then its reviews (each re-indexing it), then diary entries.
fn version_4_catalog(path: &std::path::Path) {
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let tx = conn.transaction().unwrap();
    // The shipped schema up to version 4, as a Cinedex of that version wrote it.
    for migration in &support::MIGRATIONS[..4] {
        tx.execute_batch(migration).unwrap();
    }
    tx.execute_batch(
        "PRAGMA user_version = 4; PRAGMA application_id = 1129202776;
         INSERT INTO films (id, title, sort_title) VALUES
             (1, 'The Thin Man', 'thin man'), (2, 'Theorem', 'theorem'),
             (3, 'Schindler''s List', 'schindler''s list'), (4, 'Amélie', 'amelie'),
             (5, 'Solaris', 'solaris'), (6, 'Scarface', 'scarface');
         INSERT INTO people (id, name, sort_name) VALUES (1, 'Theo Angelopoulos', 'theo angelopoulos'),
             (2, 'Andrei Tarkovsky', 'andrei tarkovsky');
         INSERT INTO credits (film_id, person_id, role, position) VALUES
             (2, 1, 'director', 0), (5, 2, 'director', 0), (6, 1, 'cast', 0);
         INSERT INTO reviews (film_id, kind, body, rating_value, rating_scale, rating_norm) VALUES
             (1, 'external', 'A luminous comedy.', '4', '5', 80.0),
             (1, 'external', 'Thin, but fun.', '3', '5', 60.0),
             (3, 'external', 'Scenes that stay.', '5', '5', 100.0),
             (5, 'external', 'Slow and luminous.', '2', '5', 40.0),
             (6, 'own', 'Loud.', NULL, NULL, NULL);
         INSERT INTO diary_entries (film_id, watched_on, rating_half_stars) VALUES
             (3, '2024-01-02', 4), (3, '2024-05-06', NULL), (4, '2023-03-03', 9),
             (5, '2022-01-01', 7), (5, '2024-02-02', 3);",
    )
    .unwrap();
    tx.commit().unwrap();
}

fn ids(catalog: &Catalog, search: &str, sort: SortColumn, descending: bool) -> Vec<FilmId> {
    catalog
        .film_ids(&FilmQuery {
            search: search.into(),
            sort,
            descending,
        })
        .unwrap()
}

/// The films `search` matches, by id, straight from the search index.
fn matches(conn: &Connection, search: &str) -> Vec<i64> {
    let mut select = conn
        .prepare("SELECT rowid FROM film_search WHERE film_search MATCH ?1 ORDER BY rowid")
        .unwrap();
    select
        .query_map([format!("\"{search}\"*")], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Films by "my rating" as version 4 sorted them.
fn old_rating_order(conn: &Connection, direction: &str) -> Vec<FilmId> {
    let sql = format!(
        "SELECT f.id FROM films AS f
         ORDER BY {OLD_RATING} IS NULL, {OLD_RATING} {direction}, f.sort_title, f.id"
    );
    let mut select = conn.prepare(&sql).unwrap();
    select
        .query_map([], |r| Ok(FilmId(r.get(0)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Checks that the search index holds one row per film, equal to what the films say now, and
/// that every film's rating key equals its rating computed from scratch.
fn assert_index_and_keys_in_step(conn: &Connection) {
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM film_search"),
        count("SELECT count(*) FROM films")
    );
    // The index keeps no copy of the text (version 7): every word at every place it holds must
    // be what an index built afresh from the films' titles, people and reviews holds.
    conn.execute_batch(
        "CREATE VIRTUAL TABLE temp.expected USING fts5 (titles, people, reviews,
             tokenize = 'unicode61 remove_diacritics 2', content = '');
         INSERT INTO temp.expected (rowid, titles, people, reviews)
         SELECT film_id, titles, people, reviews FROM film_search_source;
         CREATE VIRTUAL TABLE temp.held USING fts5vocab (main, film_search, 'instance');
         CREATE VIRTUAL TABLE temp.wanted USING fts5vocab (temp, expected, 'instance');",
    )
    .unwrap();
    let words = count("SELECT count(*) FROM temp.wanted");
    assert!(words > 0);
    assert_eq!(count("SELECT count(*) FROM temp.held"), words);
    assert_eq!(
        count(
            "SELECT count(*) FROM (SELECT term, doc, col, offset FROM temp.held
                                   EXCEPT SELECT term, doc, col, offset FROM temp.wanted)"
        ),
        0,
        "every film's search row is what its titles, people and reviews say"
    );
    conn.execute_batch("DROP TABLE temp.held; DROP TABLE temp.wanted; DROP TABLE temp.expected;")
        .unwrap();
    conn.execute(
        "INSERT INTO film_search (film_search) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
    assert_eq!(
        count(&format!(
            "SELECT count(*) FROM films AS f WHERE f.rating_sort IS NOT {OLD_RATING}"
        )),
        0,
        "every rating key equals the rating computed from scratch"
    );
    assert_facets_in_step(conn);
}

/// Checks that `film_facets` holds exactly the folded genres, countries and languages of every
/// film, as the films' lists say now.
fn assert_facets_in_step(conn: &Connection) {
    let mut wanted = BTreeSet::new();
    let mut films = conn
        .prepare("SELECT id, genres, countries, languages FROM films")
        .unwrap();
    let mut rows = films.query([]).unwrap();
    while let Some(row) = rows.next().unwrap() {
        let film: i64 = row.get(0).unwrap();
        for (column, kind) in [(1, "genre"), (2, "country"), (3, "language")] {
            let values: Vec<String> =
                serde_json::from_str(&row.get::<_, String>(column).unwrap()).unwrap();
            for value in values {
                wanted.insert((kind.to_owned(), title_key(&value), film));
            }
        }
    }
    let held: BTreeSet<(String, String, i64)> = conn
        .prepare("SELECT kind, key, film_id FROM film_facets")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        held, wanted,
        "every film's filter keys are what its lists say"
    );
}

#[test]
fn a_version_4_catalog_upgrades_with_searches_and_sorts_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite3");
    version_4_catalog(&path);
    let (before_matches, before_asc, before_desc) = {
        let conn = Connection::open(&path).unwrap();
        let found: Vec<Vec<i64>> = SEARCHES.iter().map(|s| matches(&conn, s)).collect();
        (
            found,
            old_rating_order(&conn, "ASC"),
            old_rating_order(&conn, "DESC"),
        )
    };
    assert_eq!(before_matches[4], [1, 5], "the review words were indexed");

    let catalog = Catalog::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert!(dir.path().join("catalog.sqlite3.bak-v4").exists());
    assert_index_and_keys_in_step(&conn);
    // Stats read the watched films through migration 006's covering index.
    let viewings: u32 = conn
        .query_row("SELECT count(*) FROM diary_entries", [], |r| r.get(0))
        .unwrap();
    assert!(viewings > 0);
    assert_eq!(catalog.stats(None).unwrap().totals.viewings, viewings);
    for (search, before) in SEARCHES.iter().zip(&before_matches) {
        assert_eq!(&matches(&conn, search), before, "{search}");
        let mut found: Vec<i64> = ids(&catalog, search, SortColumn::Relevance, false)
            .into_iter()
            .map(|id| id.0)
            .collect();
        found.sort_unstable();
        assert_eq!(&found, before, "{search}");
    }
    assert_eq!(ids(&catalog, "", SortColumn::Rating, false), before_asc);
    assert_eq!(ids(&catalog, "", SortColumn::Rating, true), before_desc);
    // Latest rated viewing first (Amélie 90, Schindler 40, Solaris 30), then reviews (Thin Man 70).
    let rows = catalog.film_rows(&before_desc).unwrap();
    let ratings: Vec<(&str, Option<f64>)> = rows
        .iter()
        .map(|r| (r.title.as_str(), r.rating_norm))
        .collect();
    assert_eq!(
        ratings,
        [
            ("Amélie", Some(90.0)),
            ("The Thin Man", Some(70.0)),
            ("Schindler's List", Some(40.0)),
            ("Solaris", Some(30.0)),
            ("Scarface", None),
            ("Theorem", None),
        ]
    );
}

fn review(stars: Option<f64>, body: &str) -> Review {
    Review {
        kind: ReviewKind::External,
        rating: stars.map(|s| Rating::points(s, 5).unwrap()),
        body: body.into(),
        ..Review::default()
    }
}

fn viewing(day: &str, half_stars: Option<u8>) -> DiaryEntry {
    DiaryEntry {
        id: None,
        film_id: FilmId(0),
        watched_on: NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(),
        rating_half_stars: half_stars,
        rewatch: false,
        liked: false,
        review: String::new(),
        tags: Vec::new(),
    }
}

#[test]
fn the_rating_sort_key_follows_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite3");
    let mut catalog = Catalog::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let alpha = catalog.create_film(&Film::titled("Alpha")).unwrap();
    let (beta, _) = catalog
        .create_film_with_review(&Film::titled("Beta"), &review(Some(2.0), "Fine."))
        .unwrap();
    let gamma = catalog.create_film(&Film::titled("Gamma")).unwrap();
    let order = |catalog: &Catalog| -> Vec<String> {
        let ids = ids(catalog, "", SortColumn::Rating, true);
        catalog
            .film_rows(&ids)
            .unwrap()
            .into_iter()
            .map(|r| format!("{} {:?}", r.title, r.rating_norm))
            .collect()
    };
    assert_eq!(
        order(&catalog),
        ["Beta Some(40.0)", "Alpha None", "Gamma None"]
    );

    let first = catalog
        .add_review(alpha, &review(Some(5.0), "Great."))
        .unwrap();
    catalog
        .add_review(alpha, &review(Some(3.0), "Good."))
        .unwrap();
    catalog
        .add_review(gamma, &review(None, "Unrated."))
        .unwrap();
    assert_eq!(
        order(&catalog),
        ["Alpha Some(80.0)", "Beta Some(40.0)", "Gamma None"]
    );

    let watched = catalog
        .add_diary_entry(&FilmChoice::Stored(beta), &viewing("2024-05-01", Some(10)))
        .unwrap();
    catalog
        .add_diary_entry(&FilmChoice::Stored(beta), &viewing("2024-06-01", None))
        .unwrap();
    catalog
        .add_diary_entry(&FilmChoice::Stored(gamma), &viewing("2023-01-01", Some(2)))
        .unwrap();
    assert_eq!(
        order(&catalog),
        ["Beta Some(100.0)", "Alpha Some(80.0)", "Gamma Some(20.0)"]
    );
    assert_index_and_keys_in_step(&conn);

    let mut changed = watched.clone();
    changed.rating_half_stars = Some(1);
    catalog.update_diary_entry(&changed).unwrap();
    catalog.delete_review(first).unwrap();
    assert_eq!(
        order(&catalog),
        ["Alpha Some(60.0)", "Gamma Some(20.0)", "Beta Some(10.0)"]
    );
    catalog.delete_diary_entry(watched.id.unwrap()).unwrap();
    assert_eq!(
        order(&catalog),
        ["Alpha Some(60.0)", "Beta Some(40.0)", "Gamma Some(20.0)"]
    );
    let deleted = catalog.delete_film(alpha).unwrap();
    catalog.restore_film(&deleted).unwrap();
    assert_eq!(
        order(&catalog),
        ["Alpha Some(60.0)", "Beta Some(40.0)", "Gamma Some(20.0)"]
    );
    assert_index_and_keys_in_step(&conn);
}

#[test]
fn films_stored_in_bulk_are_indexed_once_each_with_their_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite3");
    let mut catalog = Catalog::open(&path).unwrap();
    catalog.create_film(&Film::titled("Already here")).unwrap();
    // Three chunks of the bulk insert (5,000 films each), the last one short.
    let films = cinedex::demo::demo_films(10_500);
    let mut reported = Vec::new();
    let ids = catalog
        .create_films_with_reviews(&films, |done| reported.push(done))
        .unwrap();
    assert_eq!(reported, [5000, 10000, 10500]);
    assert_eq!(ids.len(), 10_500);
    assert_eq!(ids[0], FilmId(2), "after the film already stored");
    catalog
        .create_diary_entries(&cinedex::demo::demo_diary(&ids))
        .unwrap();
    let conn = Connection::open(&path).unwrap();
    assert_index_and_keys_in_step(&conn);

    let with_word = films
        .iter()
        .filter(|(_, reviews)| reviews.iter().any(|r| r.body.contains("luminous")))
        .count();
    assert!(with_word > 100, "{with_word}");
    assert_eq!(
        ids_matching(&catalog, "luminous").len(),
        with_word,
        "a review word finds every film reviewed with it"
    );
    let (film, _) = &films[1234];
    let stored = catalog.film(ids[1234]).unwrap().unwrap();
    assert_eq!(
        (&stored.title, &stored.credits),
        (&film.title, &film.credits)
    );
    assert_eq!(
        catalog.reviews_of(ids[1234]).unwrap().len(),
        films[1234].1.len()
    );
}

fn ids_matching(catalog: &Catalog, search: &str) -> Vec<FilmId> {
    ids(catalog, search, SortColumn::Title, false)
}

/// The titles `search` lists, by title.
fn titles(catalog: &Catalog, search: &str) -> Vec<String> {
    let ids = ids(catalog, search, SortColumn::Title, false);
    catalog
        .film_rows(&ids)
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect()
}

#[test]
fn a_version_9_catalog_gets_filter_keys_that_follow_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite3");
    {
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        for migration in &support::MIGRATIONS[..9] {
            tx.execute_batch(migration).unwrap();
        }
        tx.execute_batch(
            r#"PRAGMA user_version = 9; PRAGMA application_id = 1129202776;
            INSERT INTO films (id, title, sort_title, genres, countries, languages) VALUES
                (1, 'Amélie', 'amelie', '["Comédie","comedie","Romance"]', '["France"]', '["Français"]'),
                (2, 'Shoplifters', 'shoplifters', '["Drama"]', '["Japan"]', '["Japanese"]'),
                (3, 'Stalker', 'stalker', '[]', '["Soviet Union"]', '["Russian"]');
            INSERT INTO reviews (film_id, kind, body) VALUES (1, 'external', 'Sweet.'), (2, 'own', '');
            INSERT INTO diary_entries (film_id, watched_on, review) VALUES
                (3, '2024-01-01', 'Vast.'), (2, '2024-02-02', '');"#,
        )
        .unwrap();
        tx.commit().unwrap();
    }
    let mut catalog = Catalog::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert!(dir.path().join("catalog.sqlite3.bak-v9").exists());
    let facets = |conn: &Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM film_facets", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(facets(&conn), 9, "two genres that fold alike are one key");
    assert_index_and_keys_in_step(&conn);
    for (search, expected) in [
        ("genre:comedie", vec!["Amélie"]),
        ("genre:COMÉDIE -country:japan", vec!["Amélie"]),
        ("country:\"soviet union\"", vec!["Stalker"]),
        ("language:francais", vec!["Amélie"]),
        ("has:review", vec!["Amélie", "Stalker"]),
        ("-has:review", vec!["Shoplifters"]),
        ("genre:drama", vec!["Shoplifters"]),
    ] {
        assert_eq!(titles(&catalog, search), expected, "{search}");
    }

    let amelie = FilmId(1);
    let mut film = catalog.film(amelie).unwrap().unwrap();
    film.genres = vec!["Drama".into()];
    catalog.update_film(&film).unwrap();
    assert_eq!(titles(&catalog, "genre:drama"), ["Amélie", "Shoplifters"]);
    assert!(titles(&catalog, "genre:comedie").is_empty());
    film.notes = "Montmartre.".into();
    catalog.update_film(&film).unwrap();
    assert_index_and_keys_in_step(&conn);

    let deleted = catalog.delete_film(FilmId(2)).unwrap();
    assert_eq!(titles(&catalog, "genre:drama"), ["Amélie"]);
    assert_eq!(facets(&conn), 5, "a deleted film leaves no key behind");
    catalog.restore_film(&deleted).unwrap();
    assert_eq!(titles(&catalog, "genre:drama"), ["Amélie", "Shoplifters"]);
    assert_index_and_keys_in_step(&conn);

    let review = catalog.reviews_of(amelie).unwrap()[0].id.unwrap();
    catalog.delete_review(review).unwrap();
    assert_eq!(titles(&catalog, "has:review"), ["Stalker"]);
}
