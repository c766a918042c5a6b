//! Stats on a small hand-built catalog (a real SQLite file) against figures worked out by hand,
//! on an empty catalog, and the shape of `cinedex stats --json` from the built binary.

// Each binary uses only some of the shared helpers; the rest would warn as dead code.
#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};
use support::cinedex;

use chrono::NaiveDate;
use cinedex::db::{Catalog, RatingBar, TopEntry, Totals, TOP_COUNT};
use cinedex::model::{Credit, DiaryEntry, Film, FilmId, Role};
use serde_json::Value;

/// Four films, three of them watched in five viewings over 2023 and 2024:
///
/// | film  | year | runtime | languages        | countries | director | cast     | viewings (half stars)           |
/// |-------|------|---------|------------------|-----------|----------|----------|---------------------------------|
/// | Alpha | 1994 | 100     | French           | France    | Dana     | Ann, Bob | 2023-12-31 (8), 2024-01-15 (10, rewatch) |
/// | Beta  | 2001 | 120     | English          | UK, USA   | Dana     | Ann      | 2024-01-20 (6), 2024-11-30 (7, rewatch)  |
/// | Gamma | 1999 | —       | French, English  | France    | Erin     | Cid      | 2024-03-02 (unrated)            |
/// | Delta | 2010 | 90      | German           | Germany   | Zed      | Ann      | never                           |
fn hand_built_catalog(path: &Path) -> Catalog {
    let mut catalog = Catalog::open(path).unwrap();
    let mut film =
        |title: &str, year, runtime, languages: &[&str], countries: &[&str], people: &[&str]| {
            let mut film = Film::titled(title);
            film.year = Some(year);
            film.runtime_min = runtime;
            film.languages = languages.iter().map(|s| s.to_string()).collect();
            film.countries = countries.iter().map(|s| s.to_string()).collect();
            film.credits.push(Credit::new(people[0], Role::Director));
            for actor in &people[1..] {
                film.credits.push(Credit::cast(*actor, "someone"));
            }
            catalog.create_film(&film).unwrap().value
        };
    let alpha = film(
        "Alpha",
        1994,
        Some(100),
        &["French"],
        &["France"],
        &["Dana Director", "Ann Actor", "Bob Actor"],
    );
    let beta = film(
        "Beta",
        2001,
        Some(120),
        &["English"],
        &["UK", "USA"],
        &["Dana Director", "Ann Actor"],
    );
    let gamma = film(
        "Gamma",
        1999,
        None,
        &["French", "English"],
        &["France"],
        &["Erin Maker", "Cid Actor"],
    );
    film(
        "Delta",
        2010,
        Some(90),
        &["German"],
        &["Germany"],
        &["Zed Unwatched", "Ann Actor"],
    );
    let viewing = |film_id: FilmId, date: &str, half_stars: Option<u8>, rewatch: bool| DiaryEntry {
        id: None,
        film_id,
        watched_on: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        rating_half_stars: half_stars,
        rewatch,
        liked: false,
        review: String::new(),
        tags: Vec::new(),
    };
    let entries = [
        viewing(alpha, "2023-12-31", Some(8), false),
        viewing(alpha, "2024-01-15", Some(10), true),
        viewing(beta, "2024-01-20", Some(6), false),
        viewing(gamma, "2024-03-02", None, false),
        viewing(beta, "2024-11-30", Some(7), true),
    ];
    assert_eq!(catalog.create_diary_entries(&entries).unwrap(), 5);
    catalog
}

fn top(name: &str, films: u32, average_rating_stars: Option<f64>) -> TopEntry {
    TopEntry {
        name: name.into(),
        films,
        average_rating_stars,
    }
}

fn bars(rated: &[(u8, u32)]) -> Vec<RatingBar> {
    (1..=10)
        .map(|half_stars| RatingBar {
            half_stars,
            viewings: rated
                .iter()
                .find(|(h, _)| *h == half_stars)
                .map_or(0, |(_, n)| *n),
        })
        .collect()
}

#[test]
fn all_time_figures_match_the_hand_computed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = hand_built_catalog(&dir.path().join("catalog.sqlite3"));
    let stats = catalog.stats(None).unwrap();

    assert_eq!(stats.year, None);
    assert_eq!(stats.catalog_films, 4);
    // 100 + 100 + 120 + 120 minutes (Gamma has no runtime) = 440 min = 7.3 h;
    // ratings 8, 10, 6, 7 half stars: 31 / 4 = 7.75 half stars = 3.875 stars.
    assert_eq!(
        stats.totals,
        Totals {
            viewings: 5,
            films: 3,
            rewatches: 2,
            hours_watched: 7.3,
            average_rating_stars: Some(3.875),
        }
    );
    let months = stats.months.as_ref().unwrap();
    assert_eq!(months.year, 2024, "the latest year in the diary");
    assert_eq!(months.viewings, [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    let years: Vec<(i32, u32, f64)> = stats
        .years
        .iter()
        .map(|y| (y.year, y.viewings, y.hours_watched))
        .collect();
    assert_eq!(years, [(2023, 1, 1.7), (2024, 4, 5.7)], "100 min; 340 min");
    assert_eq!(stats.ratings, bars(&[(6, 1), (7, 1), (8, 1), (10, 1)]));
    let decades: Vec<(i32, u32)> = stats.decades.iter().map(|d| (d.decade, d.films)).collect();
    assert_eq!(decades, [(1990, 2), (2000, 1)], "Delta was never watched");

    // Film ratings: Alpha (8+10)/2 = 9, Beta (6+7)/2 = 6.5, Gamma unrated.
    assert_eq!(
        stats.top_directors,
        [
            top("Dana Director", 2, Some(3.875)),
            top("Erin Maker", 1, None)
        ]
    );
    assert_eq!(
        stats.top_actors,
        [
            top("Ann Actor", 2, Some(3.875)),
            top("Bob Actor", 1, Some(4.5)),
            top("Cid Actor", 1, None),
        ]
    );
    assert_eq!(
        stats.top_languages,
        [top("French", 2, Some(4.5)), top("English", 2, Some(3.25))]
    );
    assert_eq!(
        stats.top_countries,
        [
            top("France", 2, Some(4.5)),
            top("UK", 1, Some(3.25)),
            top("USA", 1, Some(3.25)),
        ]
    );

    let review = stats.year_in_review.as_ref().unwrap();
    assert_eq!(review.year, 2024);
    assert_eq!(review.totals.viewings, 4);
    assert_eq!(review.totals.films, 3);
    assert_eq!(review.totals.rewatches, 2);
    assert_eq!(review.totals.hours_watched, 5.7);
    let average = review.totals.average_rating_stars.unwrap();
    assert!(
        (average - 23.0 / 6.0).abs() < 1e-9,
        "(10+6+7)/3/2 = {average}"
    );
    assert_eq!(
        review.most_watched_director,
        Some(top("Dana Director", 2, Some(4.125)))
    );
    let best = review.highest_rated.as_ref().unwrap();
    assert_eq!(
        (best.title.as_str(), best.year, best.rating_stars),
        ("Alpha", Some(1994), 5.0)
    );
}

#[test]
fn a_year_limits_the_period_figures_but_not_the_years() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = hand_built_catalog(&dir.path().join("catalog.sqlite3"));

    let stats = catalog.stats(Some(2023)).unwrap();
    assert_eq!(stats.year, Some(2023));
    assert_eq!(stats.totals.viewings, 1);
    assert_eq!(stats.totals.average_rating_stars, Some(4.0));
    assert_eq!(stats.ratings, bars(&[(8, 1)]));
    assert_eq!(stats.months.as_ref().unwrap().viewings[11], 1);
    assert_eq!(stats.years.len(), 2, "every year of the diary");
    assert_eq!(
        stats.top_actors,
        [
            top("Ann Actor", 1, Some(4.0)),
            top("Bob Actor", 1, Some(4.0))
        ]
    );
    assert_eq!(stats.year_in_review.as_ref().unwrap().year, 2023);

    let quiet = catalog.stats(Some(2020)).unwrap();
    assert_eq!(quiet.totals, Totals::default());
    assert!(quiet.top_directors.is_empty() && quiet.decades.is_empty());
    let review = quiet.year_in_review.unwrap();
    assert_eq!(
        (review.most_watched_director, review.highest_rated),
        (None, None)
    );
}

#[test]
fn an_empty_catalog_gives_zeros_and_a_friendly_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.sqlite3");
    let stats = Catalog::open(&path).unwrap().stats(None).unwrap();
    assert_eq!(stats.catalog_films, 0);
    assert_eq!(stats.totals, Totals::default());
    assert_eq!(stats.ratings, bars(&[]));
    assert!(stats.years.is_empty() && stats.months.is_none() && stats.year_in_review.is_none());

    let output = cinedex(&path, &["stats"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("No diary entries yet"), "{text}");

    let json = stats_json(&path, &[]);
    assert_eq!(json["totals"]["viewings"], 0);
    assert_eq!(json["totals"]["average_rating_stars"], Value::Null);
    assert_eq!(json["year_in_review"], Value::Null);
}

fn stats_json(db: &Path, args: &[&str]) -> Value {
    let output = cinedex(db, &[&["stats", "--json"], args].concat());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap_or_else(|| panic!("an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn the_json_output_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("catalog.sqlite3");
    drop(hand_built_catalog(&path));

    let json = stats_json(&path, &[]);
    assert_eq!(
        keys(&json),
        [
            "catalog_films",
            "decades",
            "months",
            "ratings",
            "top_actors",
            "top_countries",
            "top_directors",
            "top_languages",
            "totals",
            "year",
            "year_in_review",
            "years",
        ]
    );
    assert_eq!(
        keys(&json["totals"]),
        [
            "average_rating_stars",
            "films",
            "hours_watched",
            "rewatches",
            "viewings"
        ]
    );
    assert_eq!(json["totals"]["viewings"], 5);
    assert_eq!(json["totals"]["hours_watched"], 7.3);
    assert_eq!(keys(&json["months"]), ["viewings", "year"]);
    assert_eq!(json["months"]["viewings"].as_array().unwrap().len(), 12);
    assert_eq!(
        keys(&json["years"][0]),
        ["hours_watched", "viewings", "year"]
    );
    assert_eq!(json["ratings"].as_array().unwrap().len(), 10);
    assert_eq!(keys(&json["ratings"][0]), ["half_stars", "viewings"]);
    assert_eq!(keys(&json["decades"][0]), ["decade", "films"]);
    assert_eq!(
        keys(&json["top_directors"][0]),
        ["average_rating_stars", "films", "name"]
    );
    assert_eq!(json["top_directors"][0]["name"], "Dana Director");
    assert_eq!(
        keys(&json["year_in_review"]),
        ["highest_rated", "most_watched_director", "totals", "year"]
    );
    assert_eq!(
        keys(&json["year_in_review"]["highest_rated"]),
        ["id", "rating_stars", "title", "year"]
    );

    let year = stats_json(&path, &["--year", "2023"]);
    assert_eq!(year["year"], 2023);
    assert_eq!(year["totals"]["viewings"], 1);

    let text = String::from_utf8(cinedex(&path, &["stats"]).stdout).unwrap();
    for heading in [
        "Ratings",
        "Top directors",
        "Year in review, 2024",
        "Highest rated: Alpha (1994)",
    ] {
        assert!(text.contains(heading), "{heading} in:\n{text}");
    }
}

#[test]
fn demo_catalogs_have_a_diary_to_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite3");
    let output = cinedex(&path, &["demo", "--films", "300"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json = stats_json(&path, &[]);
    assert_eq!(json["catalog_films"], 300);
    let viewings = json["totals"]["viewings"].as_u64().unwrap();
    assert!(
        (50..150).contains(&viewings),
        "about 30 in 100 films: {viewings}"
    );
    assert!(!json["top_actors"].as_array().unwrap().is_empty());
}

/// The figures as SQL aggregates compute them (the way `Catalog::stats` did before it counted in
/// one pass): (name, films, average stars) of the top `limit` rows of `sql`.
fn sql_top(
    conn: &rusqlite::Connection,
    sql: &str,
    limit: usize,
) -> Vec<(String, u32, Option<f64>)> {
    let mut select = conn.prepare(sql).unwrap();
    select
        .query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (a, b) => a == b,
    }
}

#[test]
fn demo_figures_equal_the_sql_aggregates_for_all_time_and_each_year() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite3");
    let mut catalog = Catalog::open(&path).unwrap();
    let ids = catalog
        .create_films_with_reviews(&cinedex::demo::demo_films(3_000), |_| {})
        .unwrap();
    catalog
        .create_diary_entries(&cinedex::demo::demo_diary(&ids))
        .unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    for year in [None, Some(2016), Some(2021), Some(2025)] {
        let stats = catalog.stats(year).unwrap();
        let (from, to) = match year {
            Some(y) => (format!("{y}-01-01"), format!("{y}-12-31")),
            None => ("0000-01-01".into(), "9999-12-31".into()),
        };
        let scope = format!(
            "(SELECT w.*, f.year, f.languages FROM
                (SELECT film_id, count(*) AS viewings, avg(rating_half_stars) AS r
                 FROM diary_entries WHERE watched_on BETWEEN '{from}' AND '{to}' GROUP BY film_id) AS w
              JOIN films AS f ON f.id = w.film_id)"
        );
        let (viewings, films, rating): (u32, u32, Option<f64>) = conn
            .query_row(
                &format!(
                    "SELECT count(*), count(DISTINCT film_id), avg(rating_half_stars) / 2.0
                     FROM diary_entries WHERE watched_on BETWEEN '{from}' AND '{to}'"
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            (stats.totals.viewings, stats.totals.films),
            (viewings, films)
        );
        assert!(close(stats.totals.average_rating_stars, rating), "{year:?}");
        for (role, top) in [
            ("director", &stats.top_directors),
            ("cast", &stats.top_actors),
        ] {
            let expected = sql_top(
                &conn,
                &format!(
                    "SELECT p.name, count(DISTINCT s.film_id) AS films, avg(s.r) / 2.0 AS rating
                     FROM {scope} AS s JOIN credits AS c ON c.film_id = s.film_id AND c.role = '{role}'
                     JOIN people AS p ON p.id = c.person_id
                     GROUP BY p.id ORDER BY films DESC, rating IS NULL, rating DESC, p.sort_name LIMIT ?1"
                ),
                TOP_COUNT,
            );
            assert_eq!(top.len(), expected.len(), "{role} {year:?}");
            for (entry, (name, films, rating)) in top.iter().zip(&expected) {
                assert_eq!(
                    (&entry.name, entry.films),
                    (name, *films),
                    "{role} {year:?}"
                );
                assert!(
                    close(entry.average_rating_stars, *rating),
                    "{name} {year:?}"
                );
            }
        }
        let languages = sql_top(
            &conn,
            &format!(
                "SELECT j.value AS name, count(DISTINCT s.film_id) AS films, avg(s.r) / 2.0 AS rating
                 FROM {scope} AS s, json_each(s.languages) AS j
                 GROUP BY j.value ORDER BY films DESC, rating IS NULL, rating DESC, name LIMIT ?1"
            ),
            TOP_COUNT,
        );
        let found: Vec<(String, u32)> = stats
            .top_languages
            .iter()
            .map(|t| (t.name.clone(), t.films))
            .collect();
        let expected: Vec<(String, u32)> =
            languages.iter().map(|(n, f, _)| (n.clone(), *f)).collect();
        assert_eq!(found, expected, "{year:?}");
        let decades: u32 = stats.decades.iter().map(|d| d.films).sum();
        assert_eq!(decades, films, "every demo film has a year");
    }
}
