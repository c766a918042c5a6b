//! The TMDb client and `cinedex lookup`, against a real HTTP server on 127.0.0.1 that answers in
//! the shapes TMDb's API reference documents (bodies written here from the documented fields).

// Each binary uses only some of the shared helpers; the rest would warn as dead code.
#[allow(dead_code)]
mod support;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;
use support::local_tmdb::{LocalTmdb, Mode};
use support::{poster_png, stderr, stdout, temp_db};

use cinedex::online::{OnlineError, Tmdb, TmdbSettings};
use serde_json::Value;

#[test]
fn the_client_searches_reads_a_film_and_fetches_its_poster() {
    let tmdb_server = LocalTmdb::start(Mode::Normal);
    let tmdb = Tmdb::new(tmdb_server.settings());
    let candidates = tmdb.search("Rust and Bone", Some(2012)).unwrap();
    assert_eq!(candidates.len(), 2);
    assert_eq!(candidates[0].tmdb_id, 97365);
    assert_eq!(candidates[0].year, Some(2012));
    assert!(candidates[0].has_poster && !candidates[1].has_poster);

    let film = tmdb.film(97365).unwrap();
    let incoming = &film.incoming;
    assert_eq!(incoming.film.title, "Rust and Bone");
    assert_eq!(
        incoming.film.original_title.as_deref(),
        Some("De rouille et d'os")
    );
    assert_eq!(incoming.film.runtime_min, Some(120));
    assert_eq!(incoming.film.genres, ["Drama", "Romance"]);
    assert_eq!(incoming.film.countries, ["France", "Belgium"]);
    assert_eq!(incoming.film.languages, ["French"]);
    assert_eq!(incoming.film.directors_line(), "Jacques Audiard");
    let writers: Vec<&str> = incoming.film.people(cinedex::model::Role::Writer).collect();
    assert_eq!(writers, ["Jacques Audiard", "Thomas Bidegain"]);
    assert_eq!(
        incoming.film.credits.last().unwrap().character.as_deref(),
        Some("Sam")
    );
    let ids: Vec<(&str, &str)> = incoming
        .external_ids
        .iter()
        .map(|i| (i.source.as_str(), i.value.as_str()))
        .collect();
    assert_eq!(ids, [("tmdb", "97365"), ("imdb", "tt2053425")]);

    let bytes = tmdb.poster(film.poster_path.as_deref().unwrap()).unwrap();
    assert_eq!(bytes, poster_png(200, 300));
    tmdb.poster("/rust-and-bone.png").unwrap();
    let asked = tmdb_server.asked();
    assert_eq!(
        asked
            .iter()
            .filter(|u| u.starts_with("/3/configuration"))
            .count(),
        1,
        "the configuration is asked once: {asked:?}"
    );
    assert!(asked[0].contains("api_key=test-key"), "{asked:?}");
    assert!(
        asked
            .iter()
            .filter(|u| u.starts_with("/t/p/"))
            .all(|u| !u.contains("api_key")),
        "the key is not sent to the image host"
    );
}

#[test]
fn failures_are_sentences() {
    let refused = LocalTmdb::start(Mode::Unauthorized);
    let error = Tmdb::new(refused.settings())
        .search("Rust and Bone", None)
        .unwrap_err();
    assert_eq!(error, OnlineError::KeyRefused);
    assert_eq!(
        error.to_string(),
        "TMDb says the API key was refused; check CINEDEX_TMDB_KEY."
    );

    let slow = LocalTmdb::start(Mode::Slow);
    let settings = TmdbSettings {
        timeout: Duration::from_secs(1),
        ..slow.settings()
    };
    let error = Tmdb::new(settings)
        .search("Rust and Bone", None)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "TMDb did not answer in 1 s; check the connection and try again."
    );

    let malformed = LocalTmdb::start(Mode::Malformed);
    let error = Tmdb::new(malformed.settings())
        .search("Rust and Bone", None)
        .unwrap_err();
    assert!(matches!(error, OnlineError::Malformed(_)), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("TMDb's answer could not be read"),
        "{error}"
    );

    let normal = LocalTmdb::start(Mode::Normal);
    assert_eq!(
        Tmdb::new(normal.settings()).film(1),
        Err(OnlineError::NotFound)
    );

    // Nothing listens on a port just given up.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let settings = TmdbSettings {
        api_url: format!("http://127.0.0.1:{closed}/3"),
        ..TmdbSettings::new("test-key")
    };
    let error = Tmdb::new(settings).search("Rust", None).unwrap_err();
    assert!(
        error.to_string().starts_with("Cannot reach TMDb"),
        "{error}"
    );
}

#[test]
fn a_429_is_waited_out_and_then_the_answer_read() {
    let server = LocalTmdb::start(Mode::RateLimitedOnce);
    let candidates = Tmdb::new(server.settings())
        .search("Rust and Bone", None)
        .unwrap();
    assert_eq!(candidates.len(), 2);
    assert_eq!(server.asked().len(), 2, "asked again after the 429");
}

/// The shared `support::command`, with TMDb settings only from `server` (none when `None`).
fn cinedex(db: &Path, server: Option<&LocalTmdb>, args: &[&str]) -> Output {
    let mut command = support::command(db, args);
    command
        .env_remove("CINEDEX_TMDB_KEY")
        .env_remove("CINEDEX_TMDB_URL")
        .env_remove("CINEDEX_TMDB_IMAGE_URL");
    if let Some(server) = server {
        command
            .env("CINEDEX_TMDB_KEY", "test-key")
            .env("CINEDEX_TMDB_URL", server.api_url());
    }
    command.output().unwrap()
}

fn films(db: &Path) -> Vec<Value> {
    let output = cinedex(db, None, &["films", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str::<Value>(&stdout(&output))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn log(db: &Path, title: &str, year: &str) {
    let output = cinedex(
        db,
        None,
        &["log", title, "--year", year, "--date", "2024-02-01"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn lookup_lists_candidates_and_apply_fills_only_blanks_with_the_poster() {
    let server = LocalTmdb::start(Mode::Normal);
    let (_dir, db) = temp_db();
    log(&db, "Rust and Bone", "2012");
    let id = films(&db)[0]["id"].to_string();

    let output = cinedex(&db, Some(&server), &["lookup", &id, "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let candidates: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(candidates[0]["tmdb_id"], 97365);
    assert_eq!(candidates[1]["title"], "Rust");
    assert!(
        server.asked()[0].contains("year=2012"),
        "{:?}",
        server.asked()
    );
    assert_eq!(
        films(&db)[0]["runtime_min"],
        Value::Null,
        "listing changes nothing"
    );

    let output = cinedex(&db, Some(&server), &["lookup", &id, "--apply"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("blank fields filled in"),
        "{}",
        stdout(&output)
    );
    let film = &films(&db)[0];
    assert_eq!(film["title"], "Rust and Bone");
    assert_eq!(film["year"], 2012);
    assert_eq!(film["runtime_min"], 120);
    assert_eq!(film["original_title"], "De rouille et d'os");
    assert_eq!(film["has_poster"], true);
    assert!(film["credits"].to_string().contains("Thomas Bidegain"));

    let output = cinedex(&db, Some(&server), &["lookup", &id, "--apply", "--json"]);
    let applied: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(applied["fields_filled"], false, "{applied}");
    assert_eq!(applied["poster_added"], false);

    // A title the catalog does not know is added through the import rules, matched by its ids
    // the next time.
    let output = cinedex(
        &db,
        Some(&server),
        &["lookup", "Rust", "--apply", "--tmdb", "97365", "--json"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let applied: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(applied["film_added"], false, "{applied}");
    assert_eq!(applied["film_id"].to_string(), id);
    assert_eq!(
        films(&db).len(),
        1,
        "matched by its TMDb id, not added twice"
    );
    let (_new_dir, new) = temp_db();
    let output = cinedex(&new, Some(&server), &["lookup", "Rust and Bone", "--apply"]);
    assert!(
        stdout(&output).contains("added to the catalog"),
        "{}",
        stdout(&output)
    );
    let added = &films(&new)[0];
    assert_eq!(
        (added["year"].as_i64(), added["has_poster"].as_bool()),
        (Some(2012), Some(true))
    );

    // Several candidates and no sure one: nothing is chosen for the person.
    let (_other_dir, other) = temp_db();
    let output = cinedex(&other, Some(&server), &["lookup", "Rusty", "--apply"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("choose one with --tmdb ID"),
        "{}",
        stderr(&output)
    );
    assert!(films(&other).is_empty());
}

#[test]
fn without_a_key_nothing_is_sent_and_a_refused_key_changes_nothing() {
    let server = LocalTmdb::start(Mode::Normal);
    let (_dir, db) = temp_db();
    log(&db, "Rust and Bone", "2012");
    let mut command = Command::new(env!("CARGO_BIN_EXE_cinedex"));
    let output = command
        .args(["--db", db.to_str().unwrap(), "lookup", "1", "--apply"])
        .env_remove("CINEDEX_TMDB_KEY")
        .env("CINEDEX_TMDB_URL", server.api_url())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(
        stderr(&output).trim(),
        "cinedex: No TMDb API key is set, so nothing was sent; set CINEDEX_TMDB_KEY to look films up."
    );
    assert!(server.asked().is_empty(), "nothing was sent");

    let refused = LocalTmdb::start(Mode::Unauthorized);
    let before = std::fs::read(&db).unwrap();
    let output = cinedex(&db, Some(&refused), &["lookup", "1", "--apply"]);
    assert!(!output.status.success());
    assert_eq!(
        stderr(&output).trim_end().lines().count(),
        1,
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("API key was refused"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn lookup_missing_fills_what_surely_matches_and_resumes() {
    let server = LocalTmdb::start(Mode::Normal);
    let (_dir, db) = temp_db();
    log(&db, "Rust and Bone", "2012");
    log(&db, "Zzyzx", "2006");
    log(&db, "Rust", "1999");
    let output = cinedex(&db, Some(&server), &["lookup", "--missing", "--limit", "2"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Rust and Bone: filled in"), "{text}");
    assert!(text.contains("Zzyzx: no match on TMDb"), "{text}");
    assert!(
        text.contains("Looked up 2 films: 1 filled in, 1 not matched."),
        "{text}"
    );

    // The next run goes on with the film not yet looked up; "Rust" (1999) is not TMDb's 2024
    // "Rust", so it is not filled.
    let output = cinedex(&db, Some(&server), &["lookup", "--missing"]);
    let text = stdout(&output);
    assert!(
        text.contains("Looked up 1 films: 0 filled in, 1 not matched."),
        "{text}"
    );
    let output = cinedex(&db, Some(&server), &["lookup", "--missing"]);
    assert!(
        stdout(&output).contains("Looked up 0 films"),
        "{}",
        stdout(&output)
    );
    let films = films(&db);
    let rust = films.iter().find(|f| f["title"] == "Rust").unwrap();
    assert_eq!(rust["runtime_min"], Value::Null);
    assert_eq!(rust["has_poster"], false);
}
