//! The repository on real SQLite files in temp folders.

// Each binary uses only some of the shared helpers; the rest would warn as dead code.
#[allow(dead_code)]
mod support;

#[path = "repository/diary_watchlist.rs"]
mod diary_watchlist;
#[path = "repository/duplicates.rs"]
mod duplicates;
#[path = "repository/every_write.rs"]
mod every_write;
#[path = "repository/one_writer.rs"]
mod one_writer;
#[path = "repository/ranked_first_screen.rs"]
mod ranked_first_screen;
#[path = "repository/same_film.rs"]
mod same_film;
#[path = "repository/view_undo.rs"]
mod view_undo;

use cinedex::db::{
    Catalog, DbError, FilmQuery, FirstIds, ImportOutcome, ImportTarget, SortColumn, Written,
    SCHEMA_VERSION,
};
use cinedex::model::{Credit, Film, FilmId, Rating, Review, Role};
use rusqlite::Connection;
use support::records::{viewing, wish};
use support::temp_db_in_new_folders;

fn rust_and_bone() -> Film {
    let mut film = Film::titled("Rust and Bone");
    film.alternative_titles = vec!["Kimi to Aruku Sekai".into()];
    film.year = Some(2012);
    film.runtime_min = Some(122);
    film.languages = vec!["French".into()];
    film.credits = vec![
        Credit::new("Jacques Audiard", Role::Director),
        Credit::cast("Matthias Schoenaerts", "Ali"),
        Credit::cast("Marion Cotillard", "Stéphanie"),
    ];
    film
}

/// The titles `search` lists, by relevance.
fn titles(catalog: &Catalog, search: &str) -> Vec<String> {
    let query = FilmQuery {
        search: search.into(),
        ..FilmQuery::default()
    };
    titles_of(catalog, &catalog.film_ids(&query).unwrap())
}

/// The titles of the films `ids`, in that order.
fn titles_of(catalog: &Catalog, ids: &[FilmId]) -> Vec<String> {
    catalog
        .film_rows(ids)
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect()
}

fn count(path: &std::path::Path, table: &str) -> i64 {
    let conn = Connection::open(path).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn films_with_credits_survive_a_reopen_and_update_and_delete() {
    let (_dir, path) = temp_db_in_new_folders();
    let id = {
        let mut catalog = Catalog::open(&path).unwrap();
        catalog.create_film(&rust_and_bone()).unwrap().value
    };
    let mut catalog = Catalog::open(&path).unwrap();
    let mut film = catalog.film(id).unwrap().unwrap();
    assert_eq!(film.title, "Rust and Bone");
    assert_eq!(film.alternative_titles, ["Kimi to Aruku Sekai"]);
    assert_eq!(film.credits, rust_and_bone().credits);

    film.title = "De rouille et d'os".into();
    film.credits.swap(1, 2);
    film.credits
        .push(Credit::new("Thomas Bidegain", Role::Writer));
    catalog.update_film(&film).unwrap();
    let stored = catalog.film(id).unwrap().unwrap();
    assert_eq!(stored, film);
    assert_eq!(
        titles(&catalog, "rust"),
        Vec::<String>::new(),
        "search follows the rename"
    );
    assert_eq!(titles(&catalog, "rouille"), ["De rouille et d'os"]);
    assert_eq!(titles(&catalog, "bidegain"), ["De rouille et d'os"]);

    let deleted = catalog.delete_film(id).unwrap().undo;
    assert_eq!(catalog.film(id).unwrap(), None);
    assert_eq!(count(&path, "credits"), 0);
    assert!(titles(&catalog, "rouille").is_empty());
    catalog.revert(&deleted).unwrap();
    assert_eq!(
        catalog.film(id).unwrap().unwrap(),
        film,
        "undo puts it back whole"
    );
}

#[test]
fn people_are_shared_between_films() {
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let mut other = Film::titled("A Prophet");
    other
        .credits
        .push(Credit::new("Jacques Audiard", Role::Director));
    catalog.create_film(&rust_and_bone()).unwrap();
    catalog.create_film(&other).unwrap();
    assert_eq!(catalog.counts().unwrap().people, 3);
    assert_eq!(titles(&catalog, "audiard").len(), 2);
}

#[test]
fn validation_refuses_bad_films_with_a_sentence() {
    let mut catalog = Catalog::open_in_memory().unwrap();
    let mut film = Film::titled("Metropolis");
    film.year = Some(1850);
    let error = catalog.create_film(&film).unwrap_err();
    assert!(matches!(error, DbError::Invalid(_)));
    assert_eq!(
        error.to_string(),
        "The year 1850 is not a film year; use one between 1870 and 2100."
    );
    let review = Review {
        rating: Some(Rating::Points {
            value: 7.0,
            scale: 5,
        }),
        ..Review::default()
    };
    let id = catalog
        .create_film(&Film::titled("Metropolis"))
        .unwrap()
        .value;
    assert!(catalog.add_review(id, &review).is_err());
    assert_eq!(catalog.reviews_of(id).unwrap(), []);
}

#[test]
fn a_catalog_names_its_file_and_one_in_memory_names_none() {
    let (_dir, path) = temp_db_in_new_folders();
    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(catalog.file(), Some(path.as_path()));
    assert_eq!(Catalog::open_in_memory().unwrap().file(), None);
}

#[test]
fn an_empty_file_is_migrated_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.sqlite3");
    std::fs::write(&path, b"").unwrap();
    Catalog::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_catalog_from_a_newer_cinedex_is_refused_and_left_unchanged() {
    let (_dir, path) = temp_db_in_new_folders();
    drop(Catalog::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Catalog::open(&path).err().unwrap();
    assert!(matches!(error, DbError::NewerVersion { .. }), "{error}");
    assert!(error.to_string().contains("newer Cinedex"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn files_that_are_not_catalogs_are_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.sqlite3");
    std::fs::write(&text, "Dear diary, this is not a database.\n".repeat(200)).unwrap();
    let other_app = dir.path().join("other.sqlite3");
    {
        let conn = Connection::open(&other_app).unwrap();
        conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);")
            .unwrap();
    }
    for path in [text, other_app] {
        let before = std::fs::read(&path).unwrap();
        let error = Catalog::open(&path).err().unwrap();
        assert!(matches!(error, DbError::NotACatalog { .. }), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{}", path.display());
        let siblings: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(siblings.len(), 2, "no -wal or -shm file was left behind");
    }
}

#[test]
fn search_is_accent_insensitive_prefix_and_ranked() {
    let mut catalog = Catalog::open_in_memory().unwrap();
    let mut amelie = Film::titled("Amélie");
    amelie.original_title = Some("Le Fabuleux Destin d'Amélie Poulain".into());
    amelie
        .credits
        .push(Credit::new("Jean-Pierre Jeunet", Role::Director));
    catalog.create_film(&amelie).unwrap();
    catalog.create_film(&rust_and_bone()).unwrap();
    let metropolis = catalog
        .create_film(&Film::titled("Metropolis"))
        .unwrap()
        .value;
    catalog
        .add_review(
            metropolis,
            &Review {
                body: "Fritz Lang's city looks forward to Amélie's Paris, oddly.".into(),
                ..Review::default()
            },
        )
        .unwrap();

    assert_eq!(
        titles(&catalog, "amelie"),
        ["Amélie", "Metropolis"],
        "title match ranks first"
    );
    assert_eq!(titles(&catalog, "AMÉL"), ["Amélie", "Metropolis"]);
    assert_eq!(titles(&catalog, "schoen"), ["Rust and Bone"]);
    assert_eq!(
        titles(&catalog, "kimi aruku"),
        ["Rust and Bone"],
        "alternative titles"
    );
    assert_eq!(
        titles(&catalog, "stéphanie"),
        ["Rust and Bone"],
        "characters"
    );
    assert_eq!(titles(&catalog, "fritz"), ["Metropolis"], "review text");
    assert_eq!(
        titles(&catalog, "\"OR NEAR("),
        Vec::<String>::new(),
        "FTS syntax is quoted away"
    );
    assert_eq!(
        titles(&catalog, ""),
        ["Amélie", "Metropolis", "Rust and Bone"]
    );
}

#[test]
fn titles_are_found_by_a_part_inside_them() {
    let mut catalog = Catalog::open_in_memory().unwrap();
    catalog
        .create_film(&Film::titled("千と千尋の神隠し"))
        .unwrap();
    catalog.create_film(&Film::titled("東京物語")).unwrap();
    let mut boys = Film::titled("20th Century Boys");
    boys.alternative_titles = vec!["20世紀少年".into()];
    catalog.create_film(&boys).unwrap();
    catalog.create_film(&Film::titled("Amélie")).unwrap();
    assert_eq!(titles(&catalog, "千と"), ["千と千尋の神隠し"]);
    assert_eq!(titles(&catalog, "千尋"), ["千と千尋の神隠し"]);
    assert_eq!(titles(&catalog, "物語"), ["東京物語"]);
    assert_eq!(
        titles(&catalog, "世紀"),
        ["20th Century Boys"],
        "a CJK alternative title"
    );
    assert_eq!(
        titles(&catalog, "0世紀少"),
        ["20th Century Boys"],
        "digits and CJK"
    );
    assert_eq!(
        titles(&catalog, "MÉLIE"),
        ["Amélie"],
        "inside a word, accents folded"
    );
    assert_eq!(titles(&catalog, "語東"), Vec::<String>::new());
    // A title added after a search looked inside titles is found by the next one.
    catalog.create_film(&Film::titled("Cordélie")).unwrap();
    assert_eq!(titles(&catalog, "elie"), ["Amélie", "Cordélie"]);
}

#[test]
fn sorting_orders_by_each_column() {
    let mut catalog = Catalog::open_in_memory().unwrap();
    for (title, year, runtime) in [
        ("The Zebra", 1990, 80),
        ("Apple", 2001, 120),
        ("Mango", 1950, 95),
    ] {
        let mut film = Film::titled(title);
        film.year = Some(year);
        film.runtime_min = Some(runtime);
        catalog.create_film(&film).unwrap();
    }
    let order = |sort, descending| {
        let ids = catalog
            .film_ids(&FilmQuery {
                search: String::new(),
                sort,
                descending,
            })
            .unwrap();
        titles_of(&catalog, &ids)
    };
    assert_eq!(
        order(SortColumn::Title, false),
        ["Apple", "Mango", "The Zebra"]
    );
    assert_eq!(
        order(SortColumn::Year, false),
        ["Mango", "The Zebra", "Apple"]
    );
    assert_eq!(
        order(SortColumn::Runtime, true),
        ["Apple", "Mango", "The Zebra"]
    );
}

#[test]
fn a_failing_write_rolls_back_whole() {
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    catalog.create_film(&Film::titled("Already here")).unwrap();
    // Another program's trigger makes the last statement of the transaction fail.
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse_boom BEFORE INSERT ON reviews WHEN new.body = 'boom'
             BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        )
        .unwrap();
    let boom = Review {
        body: "boom".into(),
        ..Review::default()
    };
    assert!(catalog
        .create_film_with_review(&rust_and_bone(), &boom)
        .is_err());
    let batch = vec![
        (Film::titled("One"), vec![]),
        (rust_and_bone(), vec![Review::default()]),
        (Film::titled("Three"), vec![boom]),
    ];
    assert!(catalog.create_films_with_reviews(&batch, |_| {}).is_err());
    drop(catalog);
    assert_eq!(count(&path, "films"), 1);
    assert_eq!(count(&path, "people"), 0);
    assert_eq!(count(&path, "reviews"), 0);
    assert_eq!(count(&path, "film_search"), 1);
}

#[test]
fn importing_the_same_review_twice_adds_nothing_and_ambiguity_is_reported() {
    let mut catalog = Catalog::open_in_memory().unwrap();
    let review = Review {
        outlet: Some("The Japan Times".into()),
        body: "A boxer knows how to get back up when knocked down.".into(),
        source_text: Some("the whole paste".into()),
        ..Review::default()
    };
    let mut parsed = rust_and_bone();
    parsed.year = None;
    let first = catalog
        .import_review(&parsed, &review, ImportTarget::Auto)
        .unwrap()
        .value;
    let ImportOutcome::Created { film_id, .. } = first else {
        panic!("{first:?}")
    };
    let again = catalog
        .import_review(&parsed, &review, ImportTarget::Auto)
        .unwrap()
        .value;
    assert!(matches!(again, ImportOutcome::AlreadyStored { film_id: f, .. } if f == film_id));
    assert_eq!(catalog.counts().unwrap().films, 1);
    assert_eq!(catalog.counts().unwrap().reviews, 1);

    // A second film of the same name with no director to tell them apart.
    let twin = catalog
        .create_film(&Film::titled("Rust and Bone"))
        .unwrap()
        .value;
    let other_review = Review {
        body: "Another critic's view.".into(),
        source_text: Some("another paste".into()),
        ..Review::default()
    };
    let outcome = catalog
        .import_review(&parsed, &other_review, ImportTarget::Auto)
        .unwrap()
        .value;
    let ImportOutcome::Ambiguous { candidates } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(candidates.len(), 2);
    assert_eq!(catalog.counts().unwrap().reviews, 1, "nothing written");
    let chosen = catalog
        .import_review(&parsed, &other_review, ImportTarget::Film(twin))
        .unwrap()
        .value;
    assert!(matches!(chosen, ImportOutcome::Attached { film_id: f, .. } if f == twin));
    let filled = catalog.film(twin).unwrap().unwrap();
    assert_eq!(
        filled.runtime_min,
        Some(122),
        "blank fields filled from the paste"
    );
    assert_eq!(filled.directors_line(), "Jacques Audiard");
    assert!(catalog
        .import_review(&parsed, &other_review, ImportTarget::Film(FilmId(999)))
        .is_err());
}

#[test]
fn ratings_keep_their_scale() {
    let mut catalog = Catalog::open_in_memory().unwrap();
    let id = catalog
        .create_film(&Film::titled("Metropolis"))
        .unwrap()
        .value;
    for rating in [
        Rating::points(3.5, 5).unwrap(),
        Rating::letter("B+").unwrap(),
        Rating::points(7.0, 10).unwrap(),
    ] {
        catalog
            .add_review(
                id,
                &Review {
                    rating: Some(rating),
                    ..Review::default()
                },
            )
            .unwrap();
    }
    let stored: Vec<String> = catalog
        .reviews_of(id)
        .unwrap()
        .iter()
        .map(|r| r.rating.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(stored, ["3.5/5", "B+", "7/10"]);
    let row = &catalog.film_rows(&[id]).unwrap()[0];
    assert_eq!(row.rating_norm, Some((70.0 + 85.0 + 70.0) / 3.0));
}

#[test]
fn a_catalog_locked_by_another_program_gets_a_clear_error_and_no_change() {
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let error = catalog
        .create_film(&Film::titled("Metropolis"))
        .unwrap_err();
    assert!(matches!(error, DbError::Locked { .. }), "{error}");
    assert!(error
        .to_string()
        .starts_with("The catalog is locked by another program"));
    other.execute_batch("ROLLBACK").unwrap();
    catalog.create_film(&Film::titled("Metropolis")).unwrap();
    assert_eq!(catalog.counts().unwrap().films, 1);
}

#[test]
fn a_damaged_catalog_is_reported_and_not_rewritten() {
    let (_dir, path) = temp_db_in_new_folders();
    Catalog::open(&path)
        .unwrap()
        .create_films_with_reviews(&cinedex::demo::demo_films(400), |_| {})
        .unwrap();
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    for (i, b) in bytes.iter_mut().enumerate().skip(page) {
        if (i / 97) % 3 == 0 {
            *b = (i * 31 % 251) as u8;
        }
    }
    std::fs::write(&path, &bytes).unwrap();
    let outcome = Catalog::open(&path).and_then(|c| {
        let ids = c.film_ids(&FilmQuery::default())?;
        c.film_rows(&ids)?;
        c.film_ids(&FilmQuery {
            search: "amelie".into(),
            ..FilmQuery::default()
        })
    });
    let error = outcome.unwrap_err();
    assert!(matches!(error, DbError::Corrupt { .. }), "{error}");
    assert!(error.to_string().starts_with("The catalog file is damaged"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the damaged file was not rewritten"
    );
}

fn at(text: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
}

#[test]
fn a_backup_opens_as_a_catalog_with_the_same_films() {
    use cinedex::db::{back_up, backups_folder, BackupKind};
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    catalog.create_film(&rust_and_bone()).unwrap();
    catalog.create_film(&Film::titled("Metropolis")).unwrap();
    let catalog_bytes = std::fs::read(&path).unwrap();

    // Taken while the window's connection is open, with the write-ahead log not yet checkpointed.
    let copy = back_up(&path, BackupKind::Manual, at("2026-11-25 09:30:12")).unwrap();
    assert_eq!(
        copy,
        backups_folder(&path).join("catalog-2026-11-25-093012.sqlite3")
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        catalog_bytes,
        "the catalog is only read"
    );

    let backup = Catalog::open(&copy).unwrap();
    let mut found = titles(&backup, "");
    found.sort();
    assert_eq!(found, ["Metropolis", "Rust and Bone"]);
    assert_eq!(titles(&backup, "Audiard"), ["Rust and Bone"]);
    let check: String = Connection::open(&copy)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn a_backup_never_replaces_a_file() {
    use cinedex::db::{back_up, backups_folder, BackupKind};
    let (_dir, path) = temp_db_in_new_folders();
    Catalog::open(&path)
        .unwrap()
        .create_film(&rust_and_bone())
        .unwrap();
    let folder = backups_folder(&path);
    std::fs::create_dir_all(&folder).unwrap();
    let taken = folder.join("catalog-2026-11-25-093012.sqlite3");
    std::fs::write(&taken, b"someone's own file").unwrap();

    let copy = back_up(&path, BackupKind::Manual, at("2026-11-25 09:30:12")).unwrap();
    assert_eq!(copy, folder.join("catalog-2026-11-25-093012-2.sqlite3"));
    assert_eq!(std::fs::read(&taken).unwrap(), b"someone's own file");

    // A backup opened as the catalog backs up into its own backups folder, never onto itself.
    let before = std::fs::read(&copy).unwrap();
    let again = back_up(&copy, BackupKind::Manual, at("2026-11-25 09:30:12")).unwrap();
    assert_ne!(again, copy);
    assert_eq!(std::fs::read(&copy).unwrap(), before);
    assert_eq!(
        titles(&Catalog::open(&again).unwrap(), ""),
        ["Rust and Bone"]
    );
}

#[test]
fn daily_backups_come_once_a_day_and_keep_the_newest_n() {
    use cinedex::db::{back_up, daily_backup, list_backups, BackupKind};
    let (_dir, path) = temp_db_in_new_folders();
    Catalog::open(&path)
        .unwrap()
        .create_film(&rust_and_bone())
        .unwrap();
    let manual = back_up(&path, BackupKind::Manual, at("2026-11-01 12:00:00")).unwrap();
    for day in 2..=9 {
        let made = daily_backup(&path, 3, at(&format!("2026-11-{day:02} 08:00:00"))).unwrap();
        assert!(made.is_some(), "day {day} gets its backup");
        let again = daily_backup(&path, 3, at(&format!("2026-11-{day:02} 20:00:00"))).unwrap();
        assert_eq!(again, None, "only one a day");
    }
    let backups = list_backups(&path).unwrap();
    let automatic: Vec<String> = backups
        .iter()
        .filter(|b| b.kind == BackupKind::Automatic)
        .map(|b| b.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        automatic,
        [
            "catalog-auto-2026-11-09-080000.sqlite3",
            "catalog-auto-2026-11-08-080000.sqlite3",
            "catalog-auto-2026-11-07-080000.sqlite3",
        ]
    );
    assert!(manual.exists(), "a backup made by hand is never pruned");
    assert_eq!(backups.len(), 4);
    for backup in &backups {
        assert_eq!(
            titles(&Catalog::open(&backup.path).unwrap(), ""),
            ["Rust and Bone"]
        );
    }
}

#[test]
fn a_backup_of_a_file_that_is_not_a_catalog_is_refused_untouched() {
    use cinedex::db::{back_up, BackupKind};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "not a database at all, just some words to fill a page",
    )
    .unwrap();
    let error = back_up(&path, BackupKind::Manual, at("2026-11-25 09:30:12")).unwrap_err();
    assert!(error.to_string().contains("Cannot back up"), "{error}");
}

#[test]
fn the_data_version_moves_when_another_connection_writes() {
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let start = catalog.data_version().unwrap();
    catalog.create_film(&Film::titled("Own write")).unwrap();
    assert_eq!(
        catalog.data_version().unwrap(),
        start,
        "its own writes do not count"
    );
    Catalog::open(&path)
        .unwrap()
        .create_film(&Film::titled("Metropolis"))
        .unwrap();
    let moved = catalog.data_version().unwrap();
    assert_ne!(moved, start, "another connection's commit moves it");
    assert_eq!(catalog.data_version().unwrap(), moved, "and then it rests");
    assert_eq!(catalog.counts().unwrap().films, 2);
}

/// A version 7 catalog (every migration up to 007 applied by hand) with three films, a viewing
/// and `list:` marks the way version 4 to 7 stored lists.
fn version_7_catalog_with_list_marks(path: &std::path::Path) {
    let conn = Connection::open(path).unwrap();
    for sql in &support::MIGRATIONS[..7] {
        conn.execute_batch(sql).unwrap();
    }
    conn.execute_batch(
        "PRAGMA user_version = 7; PRAGMA application_id = 1129202776;
         INSERT INTO films (id, title, sort_title) VALUES
             (1, 'Parasite', 'parasite'), (2, 'Stalker', 'stalker'), (3, 'Amélie', 'amelie');
         INSERT INTO diary_entries (film_id, watched_on) VALUES (1, '2024-01-01');
         INSERT INTO film_marks (film_id, mark, position) VALUES
             (1, 'list:Favourites', 2), (2, 'list:Favourites', 1), (3, 'list:favourites', NULL),
             (3, 'list:Paris', 1), (2, 'watched', NULL), (1, 'liked', NULL);",
    )
    .unwrap();
}

#[test]
fn migration_8_turns_list_marks_into_lists_with_their_places() {
    use cinedex::model::ListProgress;
    let (_dir, path) = temp_db_in_new_folders();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    version_7_catalog_with_list_marks(&path);
    let catalog = Catalog::open(&path).unwrap();
    let lists = catalog.lists().unwrap();
    let names: Vec<&str> = lists.iter().map(|l| l.list.name.as_str()).collect();
    assert_eq!(
        names,
        ["Favourites", "Paris"],
        "names differing in case are one list"
    );
    assert_eq!(
        lists[0].progress,
        ListProgress { seen: 2, total: 3 },
        "a viewing or the watched mark"
    );
    let favourites = lists[0].list.id.unwrap();
    let order: Vec<(String, u32)> = catalog
        .list_entries(favourites)
        .unwrap()
        .into_iter()
        .map(|e| (e.summary.title, e.entry.position))
        .collect();
    assert_eq!(
        order,
        [
            ("Stalker".into(), 0),
            ("Parasite".into(), 1),
            ("Amélie".into(), 2)
        ],
        "places kept, a film without one last"
    );
    assert_eq!(
        count(&path, "film_marks"),
        2,
        "watched and liked stay marks"
    );
    let marks: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM film_marks WHERE mark LIKE 'list:%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(marks, 0);
}

#[test]
fn lists_are_created_filled_reordered_noted_and_undone() {
    use cinedex::db::{Change, DbError, FilmChoice, ListAdd, ListChange};
    use cinedex::model::List;
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let a = catalog
        .create_film(&Film::titled("Au hasard Balthazar"))
        .unwrap()
        .value;
    let b = catalog
        .create_film(&Film::titled("Bande à part"))
        .unwrap()
        .value;
    let c = catalog
        .create_film(&Film::titled("Cléo de 5 à 7"))
        .unwrap()
        .value;
    let mut list = List::named("Nouvelle vague");
    list.ranked = true;
    let id = catalog.create_list(&list).unwrap().value;
    assert!(matches!(
        catalog.create_list(&List::named("nouvelle VAGUE")),
        Err(DbError::ListNameTaken(_))
    ));
    assert!(catalog.create_list(&List::named(" ")).is_err());
    for film in [a, b, c] {
        let added = catalog
            .add_to_list(id, &FilmChoice::Stored(film), "")
            .unwrap()
            .value;
        assert!(matches!(added, ListAdd::Added(_)));
    }
    assert!(matches!(
        catalog.add_to_list(id, &FilmChoice::Stored(b), "again").unwrap().value,
        ListAdd::AlreadyListed(e) if e.position == 1
    ));
    let order = |catalog: &Catalog| -> Vec<FilmId> {
        catalog
            .list_entries(id)
            .unwrap()
            .into_iter()
            .map(|e| e.entry.film)
            .collect()
    };
    let moved = catalog.move_in_list(id, c, 0).unwrap();
    assert_eq!(moved.value, Some(0));
    assert_eq!(order(&catalog), [c, a, b]);
    let moved = moved.undo;
    assert_eq!(
        moved,
        Change::List(ListChange::EntryMoved {
            list: id,
            film: c,
            from: 2,
        })
    );
    let redo = catalog.revert(&moved).unwrap();
    assert_eq!(order(&catalog), [a, b, c], "undo puts it back");
    catalog.revert(&redo).unwrap();
    assert_eq!(order(&catalog), [c, a, b], "redo moves it again");

    assert_eq!(
        catalog.set_list_note(id, a, "Bresson").unwrap().undo,
        Change::List(ListChange::EntryNoted {
            list: id,
            film: a,
            note: String::new()
        })
    );
    let removed = catalog.remove_from_list(id, a).unwrap().undo;
    let Change::List(ListChange::EntryRemoved { entry, .. }) = &removed else {
        panic!("{removed:?}")
    };
    assert_eq!((entry.position, entry.note.as_str()), (1, "Bresson"));
    assert_eq!(order(&catalog), [c, b], "places stay dense");
    catalog.revert(&removed).unwrap();
    assert_eq!(order(&catalog), [c, a, b], "restored at its place");

    let mut renamed = catalog.list(id).unwrap().unwrap();
    renamed.name = "French New Wave".into();
    let before = catalog.update_list(&renamed).unwrap().undo;
    assert!(catalog.list_named("french new wave").unwrap().is_some());
    catalog.revert(&before).unwrap();
    assert!(
        catalog.list_named("Nouvelle Vague").unwrap().is_some(),
        "accents and case folded"
    );

    // Deleting a film keeps its list place for undo; deleting a list keeps its entries.
    let deleted_film = catalog.delete_film(a).unwrap().undo;
    assert_eq!(order(&catalog), [c, b]);
    catalog.revert(&deleted_film).unwrap();
    assert_eq!(order(&catalog), [c, a, b]);
    let deleted = catalog.delete_list(id).unwrap().undo;
    assert!(catalog.lists().unwrap().is_empty());
    let back = catalog.revert(&deleted).unwrap();
    assert_eq!(order(&catalog), [c, a, b]);
    assert_eq!(
        catalog.list_entries(id).unwrap()[1].entry.note,
        "Bresson",
        "notes come back"
    );
    catalog.revert(&back).unwrap();
    assert!(catalog.list(id).unwrap().is_none(), "redo deletes it again");
}

/// A small catalog whose answers are known: titles by id order.
fn query_catalog() -> (tempfile::TempDir, Catalog) {
    use cinedex::db::FilmChoice;
    use cinedex::model::{DiaryEntry, List};
    let (dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let mut rust = rust_and_bone();
    rust.genres = vec!["Drama".into(), "Romance".into()];
    rust.countries = vec!["France".into()];
    let mut shoplifters = Film::titled("Shoplifters");
    shoplifters.year = Some(2018);
    shoplifters.runtime_min = Some(121);
    shoplifters.genres = vec!["Drama".into()];
    shoplifters.countries = vec!["Japan".into()];
    shoplifters.languages = vec!["Japanese".into()];
    shoplifters.credits = vec![Credit::new("Hirokazu Kore-eda", Role::Director)];
    let mut stalker = Film::titled("Stalker");
    stalker.year = Some(1979);
    stalker.runtime_min = Some(162);
    stalker.genres = vec!["Science Fiction".into()];
    stalker.languages = vec!["Russian".into()];
    stalker.credits = vec![Credit::new("Andrei Tarkovsky", Role::Director)];
    let mut amelie = Film::titled("Amélie");
    amelie.year = Some(2001);
    amelie.runtime_min = Some(99);
    amelie.genres = vec!["Comédie".into()];
    amelie.languages = vec!["Français".into()];
    amelie.credits = vec![Credit::cast("Audrey Tautou", "Amélie")];
    let mut solaris = Film::titled("Solaris");
    solaris.year = Some(1972);
    solaris.runtime_min = Some(167);
    solaris.credits = vec![Credit::new("Andrei Tarkovsky", Role::Director)];
    let ids: Vec<FilmId> = [rust, shoplifters, stalker, amelie, solaris]
        .iter()
        .map(|f| catalog.create_film(f).unwrap().value)
        .collect();
    let entry = |film: FilmId, half: Option<u8>, tags: &[&str], review: &str| DiaryEntry {
        film_id: film,
        review: review.into(),
        ..viewing("2024-03-01", half, tags)
    };
    catalog
        .add_diary_entry(
            &FilmChoice::Stored(ids[1]),
            &entry(ids[1], Some(9), &["Cinéma"], ""),
        )
        .unwrap();
    catalog
        .add_diary_entry(
            &FilmChoice::Stored(ids[2]),
            &entry(ids[2], Some(6), &[], "Slow, vast."),
        )
        .unwrap();
    let top = catalog.create_list(&List::named("Top 100")).unwrap().value;
    for film in [ids[2], ids[4]] {
        catalog
            .add_to_list(top, &FilmChoice::Stored(film), "")
            .unwrap();
    }
    (dir, catalog)
}

#[test]
fn the_query_language_answers_a_table_of_queries() {
    let (_dir, mut catalog) = query_catalog();
    let table: &[(&str, &[&str])] = &[
        ("genre:drama", &["Rust and Bone", "Shoplifters"]),
        ("GENRE:Drama -country:japan", &["Rust and Bone"]),
        ("genre:comedie", &["Amélie"]),
        ("genre:\"science fiction\"", &["Stalker"]),
        ("language:francais", &["Amélie"]),
        ("year:1970..1979", &["Solaris", "Stalker"]),
        ("decade:2010s", &["Rust and Bone", "Shoplifters"]),
        ("year:>2001", &["Rust and Bone", "Shoplifters"]),
        ("country:japan", &["Shoplifters"]),
        ("director:kore-eda", &["Shoplifters"]),
        ("director:TARKOVSKY -solaris", &["Stalker"]),
        ("cast:cotillard", &["Rust and Bone"]),
        ("cast:tautou", &["Amélie"]),
        ("runtime:<100", &["Amélie"]),
        ("runtime:120..125", &["Rust and Bone", "Shoplifters"]),
        ("rating:>=4", &["Shoplifters"]),
        ("rating:<4", &["Stalker"]),
        ("tag:cinema", &["Shoplifters"]),
        ("list:\"top 100\"", &["Solaris", "Stalker"]),
        ("-list:\"Top 100\" -genre:drama", &["Amélie"]),
        ("watched", &["Shoplifters", "Stalker"]),
        ("unwatched director:tarkovsky", &["Solaris"]),
        ("has:review", &["Stalker"]),
        ("\"rust and bone\"", &["Rust and Bone"]),
        ("\"bone and rust\"", &[]),
        ("amel", &["Amélie"]),
        ("tarkovsky year:1979", &["Stalker"]),
        ("-tarkovsky", &["Amélie", "Rust and Bone", "Shoplifters"]),
        ("Mission: x", &[]),
        ("genre:DRAMA language:japanese", &["Shoplifters"]),
        ("country:france genre:romance rust", &["Rust and Bone"]),
        ("-has:review director:tarkovsky", &["Solaris"]),
        ("cast:\"marion cotillard\"", &["Rust and Bone"]),
        ("cast:otillard -director:audiard", &[]),
        ("director:audiard", &["Rust and Bone"]),
        ("genre:drama -watched", &["Rust and Bone"]),
        ("-genre:drama -genre:comedie", &["Solaris", "Stalker"]),
    ];
    for (query, expected) in table {
        let query_titles = |search: &str| {
            let query = FilmQuery {
                search: search.into(),
                sort: SortColumn::Title,
                ..FilmQuery::default()
            };
            let ids = catalog
                .film_ids(&query)
                .unwrap_or_else(|e| panic!("{search}: {e}"));
            assert_eq!(
                catalog.first_film_ids(&query).unwrap(),
                FirstIds::All(ids.clone()),
                "{search}: the first screen of a short listing is all of it"
            );
            titles_of(&catalog, &ids)
        };
        assert_eq!(query_titles(query), *expected, "{query}");
    }
    for (bad, message) in [
        (
            "year:soon",
            "\"soon\" is not a year or a range of years; write e.g. year:1970..1979.",
        ),
        ("rating:>=9", "\"<=9\" is not a rating"),
        ("runtime:", "runtime: needs a value, e.g. runtime:<100."),
    ] {
        let error = catalog
            .film_ids(&FilmQuery {
                search: bad.into(),
                ..FilmQuery::default()
            })
            .unwrap_err()
            .to_string();
        if bad == "rating:>=9" {
            assert!(error.contains("0.5 to 5 stars"), "{error}");
        } else {
            assert_eq!(error, message, "{bad}");
        }
    }
    let stalker = catalog.films_titled("Stalker", None).unwrap()[0].id;
    catalog
        .set_poster(stalker, &generated_poster("Stalker"))
        .unwrap();
    // By relevance (the default): ranked words, ties by title.
    for (query, expected) in [
        ("has:poster", vec!["Stalker"]),
        ("-has:poster tarkovsky", vec!["Solaris"]),
        ("tarkovsky year:1970..1980", vec!["Solaris", "Stalker"]),
        ("tarkovsky -watched", vec!["Solaris"]),
        (
            "tarkovsky -rating:<2 list:\"top 100\"",
            vec!["Solaris", "Stalker"],
        ),
        ("cotillard genre:drama runtime:>100", vec!["Rust and Bone"]),
    ] {
        assert_eq!(titles(&catalog, query), expected, "{query}");
    }
}

/// A demo catalog of `films` films with their diary, in a temp folder (kept while the first
/// value lives), and its path.
fn demo_catalog(films: usize) -> (tempfile::TempDir, std::path::PathBuf, Catalog) {
    let (dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let ids = catalog
        .create_films_with_reviews(&cinedex::demo::demo_films(films), |_| {})
        .unwrap();
    catalog
        .create_diary_entries(&cinedex::demo::demo_diary(&ids))
        .unwrap();
    (dir, path, catalog)
}

#[test]
fn a_filters_first_screen_is_the_start_of_its_whole_listing_in_every_order() {
    // Enough films that "t" and "the" match more than RANKED_MATCHES_MAX (listed in the order
    // added) and that common filters are walked, rare ones read whole.
    let (_dir, _path, catalog) = demo_catalog(7_000);
    let (mut first_screens, mut whole_listings) = (0, 0);
    let combined = [
        "country:japan -genre:drama",
        "-has:poster",
        "the genre:drama",
        "t unwatched",
        "the director:\"marion cotillard\"",
        "amelie -watched",
        "garden rating:>=3",
    ];
    for search in support::filters::FILTERS.into_iter().chain(combined) {
        for sort in [
            SortColumn::Relevance,
            SortColumn::Title,
            SortColumn::Year,
            SortColumn::Directors,
            SortColumn::Runtime,
            SortColumn::Rating,
        ] {
            for descending in [false, true] {
                let query = FilmQuery {
                    search: search.into(),
                    sort,
                    descending,
                };
                let whole = catalog.film_ids(&query).unwrap();
                match catalog.first_film_ids(&query).unwrap() {
                    FirstIds::All(ids) => {
                        assert_eq!(ids, whole, "{query:?}");
                        whole_listings += 1;
                    }
                    FirstIds::First(first) => {
                        assert!(first.len() >= 60 && first.len() < whole.len(), "{query:?}");
                        assert_eq!(first, whole[..first.len()], "{query:?}");
                        first_screens += 1;
                    }
                }
            }
        }
    }
    assert!(first_screens > 80, "{first_screens} first screens");
    assert!(whole_listings > 20, "{whole_listings} whole listings");
}

#[test]
fn saved_views_are_stored_in_the_catalog() {
    let (_dir, mut catalog) = query_catalog();
    assert_eq!(
        catalog.save_view("Short", "runtime:<100").unwrap().value,
        None
    );
    assert_eq!(
        catalog.save_view("short", "runtime:<130").unwrap().value,
        Some("runtime:<100".into()),
        "one name, ignoring case"
    );
    assert!(
        catalog.save_view("Broken", "year:").is_err(),
        "checked before saving"
    );
    assert!(catalog.save_view(" ", "x").is_err());
    let views = catalog.views().unwrap();
    assert_eq!(views.len(), 1);
    assert_eq!(views[0].query, "runtime:<130");
    assert_eq!(
        catalog.delete_view("SHORT").unwrap().value.unwrap().name,
        "Short"
    );
    assert!(catalog.views().unwrap().is_empty());
}

#[test]
fn pick_is_weighted_by_priority_and_the_same_for_a_seed() {
    use cinedex::db::{FilmChoice, PickFrom};
    use cinedex::model::WatchlistItem;
    let (_dir, mut catalog) = query_catalog();
    let id_of = |catalog: &Catalog, title: &str| catalog.films_titled(title, None).unwrap()[0].id;
    for (title, priority) in [("Solaris", 5), ("Amélie", 1)] {
        let film = id_of(&catalog, title);
        let item = WatchlistItem {
            film_id: film,
            ..wish(priority, "2024-01-01", "")
        };
        catalog
            .add_to_watchlist(&FilmChoice::Stored(film), &item)
            .unwrap();
    }
    let pick = |query: &str, from, seed| {
        catalog
            .pick(query, from, seed)
            .unwrap()
            .map(|p| p.film.title)
    };
    assert_eq!(
        pick("", PickFrom::Watchlist, 7),
        pick("", PickFrom::Watchlist, 7)
    );
    let mut solaris = 0;
    for seed in 0..600 {
        match pick("", PickFrom::Watchlist, seed).unwrap().as_str() {
            "Solaris" => solaris += 1,
            "Amélie" => {}
            other => panic!("{other} is not on the watchlist"),
        }
    }
    assert!((440..560).contains(&solaris), "about 5 in 6: {solaris}");
    assert_eq!(
        pick("runtime:<100", PickFrom::Watchlist, 1).as_deref(),
        Some("Amélie")
    );
    assert_eq!(pick("genre:western", PickFrom::Catalog, 1), None);
    let top = catalog.list_named("top 100").unwrap().unwrap().id.unwrap();
    for seed in 0..20 {
        let title = pick("", PickFrom::List(top), seed).unwrap();
        assert!(["Solaris", "Stalker"].contains(&title.as_str()));
    }
    assert_eq!(
        pick("unwatched", PickFrom::List(top), 3).as_deref(),
        Some("Solaris")
    );
}

#[test]
fn duplicates_are_found_with_their_reason_and_merged_in_one_undoable_step() {
    use cinedex::db::{Change, FilmChoice};
    use cinedex::model::{DiaryEntry, List};
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let mut first = Film::titled("Rear Window");
    first.year = Some(1954);
    first.credits = vec![Credit::new("Alfred Hitchcock", Role::Director)];
    let keep = catalog.create_film(&first).unwrap().value;
    let mut second = Film::titled("Rear window!");
    second.year = Some(1955);
    second.runtime_min = Some(112);
    second.credits = vec![Credit::new("Alfred Hitchcock", Role::Director)];
    let other = catalog.create_film(&second).unwrap().value;
    let mut unrelated = Film::titled("Rear Window");
    unrelated.year = Some(1998);
    catalog.create_film(&unrelated).unwrap();
    let mut not_same = Film::titled("Rear Window");
    not_same.year = Some(1954);
    not_same.credits = vec![Credit::new("Someone Else", Role::Director)];
    catalog.create_film(&not_same).unwrap();

    let found = catalog.duplicates().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].keep.id, found[0].other.id), (keep, other));
    assert!(
        found[0].reason.contains("directed by Alfred Hitchcock"),
        "{}",
        found[0].reason
    );

    let entry = DiaryEntry {
        film_id: other,
        ..viewing("2024-05-05", Some(8), &[])
    };
    catalog
        .add_diary_entry(&FilmChoice::Stored(other), &entry)
        .unwrap();
    let list = catalog
        .create_list(&List::named("Hitchcock"))
        .unwrap()
        .value;
    catalog
        .add_to_list(list, &FilmChoice::Stored(other), "the best")
        .unwrap();
    let before = catalog.snapshot().unwrap();

    let preview = catalog.merge_preview(keep, other).unwrap();
    assert_eq!((preview.diary_moved, preview.list_places_moved), (1, 1));
    assert_eq!(
        catalog.snapshot().unwrap(),
        before,
        "a preview changes nothing"
    );

    let merged = catalog.merge_films(keep, other).unwrap();
    assert_eq!(merged.value, preview);
    assert!(catalog.film(other).unwrap().is_none());
    let kept = catalog.film(keep).unwrap().unwrap();
    assert_eq!(kept.runtime_min, Some(112), "empty fields filled");
    assert_eq!(kept.year, Some(1954), "set fields kept");
    assert_eq!(catalog.list_entries(list).unwrap()[0].entry.film, keep);
    assert_eq!(
        catalog.list_entries(list).unwrap()[0].entry.note,
        "the best"
    );
    assert!(
        catalog.list_entries(list).unwrap()[0].seen,
        "the viewing moved"
    );

    assert!(matches!(merged.undo, Change::FilmsMerged(_)));
    let redo = catalog.revert(&merged.undo).unwrap();
    assert_eq!(
        catalog.snapshot().unwrap(),
        before,
        "one undo puts both back"
    );
    catalog.revert(&redo).unwrap();
    assert!(catalog.film(other).unwrap().is_none(), "redo merges again");
    assert!(catalog.merge_films(keep, keep).is_err());
}

#[test]
fn lists_survive_a_backup_and_restore() {
    use cinedex::db::ImportMode;
    use cinedex::model::List;
    let (_dir, mut catalog) = query_catalog();
    let mut list = catalog.list_named("Top 100").unwrap().unwrap();
    list.description = "Mine".into();
    list.ranked = true;
    catalog.update_list(&list).unwrap();
    let id = list.id.unwrap();
    let solaris = catalog.films_titled("Solaris", None).unwrap()[0].id;
    catalog.set_list_note(id, solaris, "Ocean").unwrap();
    catalog.create_list(&List::named("Empty")).unwrap();
    let batch = catalog.snapshot().unwrap();
    let mut copy = Catalog::open_in_memory().unwrap();
    copy.import_batch(&batch, ImportMode::Replace, |_| true)
        .unwrap();
    assert_eq!(copy.snapshot().unwrap(), batch);
    let restored = copy.list_named("top 100").unwrap().unwrap();
    assert_eq!(
        (restored.description.as_str(), restored.ranked),
        ("Mine", true)
    );
    let entries = copy.list_entries(restored.id.unwrap()).unwrap();
    let titles: Vec<&str> = entries.iter().map(|e| e.summary.title.as_str()).collect();
    assert_eq!(titles, ["Stalker", "Solaris"]);
    assert_eq!(entries[1].entry.note, "Ocean");
    // Merging the same backup again adds nothing.
    let again = copy
        .import_batch(&batch, ImportMode::Merge, |_| true)
        .unwrap();
    assert_eq!(again.marks_added, 0, "{again:?}");
}

fn generated_poster(title: &str) -> cinedex::model::Poster {
    cinedex::images::poster_from_image(&cinedex::images::generated_poster(title, Some(1927)))
        .unwrap()
}

#[test]
fn a_poster_is_set_replaced_and_removed_and_each_step_undoes() {
    use cinedex::model::PosterSize;
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let id = catalog
        .create_film(&Film::titled("Metropolis"))
        .unwrap()
        .value;
    assert!(!catalog.has_poster(id).unwrap());
    let first = generated_poster("Metropolis");
    let second = generated_poster("Metropolis (restored)");

    let set = catalog.set_poster(id, &first).unwrap().undo;
    let replace = catalog.set_poster(id, &second).unwrap().undo;
    drop(catalog);
    let mut catalog = Catalog::open(&path).unwrap();
    assert_eq!(catalog.poster(id).unwrap().as_ref(), Some(&second));
    assert_eq!(
        catalog.poster_bytes(id, PosterSize::Grid).unwrap(),
        Some(second.grid_thumb.clone())
    );
    assert_eq!(count(&path, "film_posters"), 1);

    let redo = catalog.revert(&replace).unwrap();
    assert_eq!(catalog.poster(id).unwrap().as_ref(), Some(&first));
    catalog.revert(&redo).unwrap();
    assert_eq!(catalog.poster(id).unwrap().as_ref(), Some(&second));

    let removed = catalog.remove_poster(id).unwrap();
    assert!(removed.changed(), "it had one");
    let removed = removed.undo;
    assert!(!catalog.has_poster(id).unwrap());
    assert!(
        !catalog.remove_poster(id).unwrap().changed(),
        "nothing left to remove"
    );
    catalog.revert(&removed).unwrap();
    assert_eq!(catalog.poster(id).unwrap().as_ref(), Some(&second));
    catalog.revert(&replace).unwrap();
    catalog.revert(&set).unwrap();
    assert!(!catalog.has_poster(id).unwrap(), "undone back to no poster");

    let error = catalog.set_poster(FilmId(999), &first).unwrap_err();
    assert!(
        matches!(error, DbError::FilmNotFound(FilmId(999))),
        "{error}"
    );
    let mut empty = first.clone();
    empty.grid_thumb.clear();
    assert!(catalog.set_poster(id, &empty).is_err());
    assert!(!catalog.has_poster(id).unwrap());
}

#[test]
fn a_deleted_film_takes_its_poster_along_and_undo_brings_it_back() {
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let id = catalog.create_film(&rust_and_bone()).unwrap().value;
    let poster = generated_poster("Rust and Bone");
    catalog.set_poster(id, &poster).unwrap();
    let deleted = catalog.delete_film(id).unwrap().undo;
    assert_eq!(count(&path, "film_posters"), 0);
    catalog.revert(&deleted).unwrap();
    assert_eq!(catalog.poster(id).unwrap(), Some(poster));
}

#[test]
fn posters_survive_a_snapshot_and_a_merge_never_replaces_one() {
    use cinedex::db::ImportMode;
    use cinedex::model::ImportBatch;
    let (dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let with = catalog
        .create_film(&Film::titled("Metropolis"))
        .unwrap()
        .value;
    catalog.create_film(&Film::titled("Nosferatu")).unwrap();
    let poster = generated_poster("Metropolis");
    catalog.set_poster(with, &poster).unwrap();
    let batch = catalog.snapshot().unwrap();
    assert_eq!(batch.posters.len(), 1);
    assert_eq!(batch.posters[0].film, 0);
    assert!(catalog.snapshot_with(false).unwrap().posters.is_empty());

    let copy_path = dir.path().join("copy.sqlite3");
    let mut copy = Catalog::open(&copy_path).unwrap();
    let summary = copy
        .import_batch(&batch, ImportMode::Replace, |_| true)
        .unwrap();
    assert_eq!(summary.posters_added, 1);
    assert_eq!(copy.snapshot().unwrap(), batch);

    // Merging a batch whose posters differ keeps the posters films have, and gives one to a
    // film without.
    let mut other = batch.clone();
    other.posters[0].poster = generated_poster("Another Metropolis");
    other.posters.push(cinedex::model::IncomingPoster {
        film: 1,
        poster: generated_poster("Nosferatu"),
    });
    let summary = copy
        .import_batch(&other, ImportMode::Merge, |_| true)
        .unwrap();
    assert_eq!((summary.posters_added, summary.posters_skipped), (1, 1));
    let after = copy.snapshot().unwrap();
    assert_eq!(after.posters[0].poster, poster);
    assert_eq!(after.posters.len(), 2);
    let totals = copy.poster_totals().unwrap();
    assert_eq!(totals.posters, 2);
    assert!(totals.thumbnail_bytes > 0 && totals.image_bytes > totals.thumbnail_bytes);

    let mut dangling = ImportBatch::default();
    dangling
        .posters
        .push(cinedex::model::IncomingPoster { film: 3, poster });
    assert!(copy
        .import_batch(&dangling, ImportMode::Merge, |_| true)
        .is_err());
}

#[test]
fn a_lookup_fills_only_blanks_adds_ids_and_a_poster_and_undoes_as_one_step() {
    use cinedex::db::LookupOutcome;
    use cinedex::model::{ExternalId, IncomingFilm};
    let (_dir, path) = temp_db_in_new_folders();
    let mut catalog = Catalog::open(&path).unwrap();
    let mut typed = Film::titled("Rust and Bone");
    typed.year = Some(2012);
    typed.notes = "Saw it at the Curzon.".into();
    let id = catalog.create_film(&typed).unwrap().value;
    let mut answer = rust_and_bone();
    answer.title = "De rouille et d'os".into();
    answer.year = Some(2013);
    let incoming = IncomingFilm {
        film: answer,
        external_ids: vec![
            ExternalId::new("tmdb", "97365"),
            ExternalId::new("imdb", "tt2053425"),
        ],
        marks: Vec::new(),
    };
    assert_eq!(catalog.films_to_look_up(10).unwrap(), [id]);
    let poster = generated_poster("Rust and Bone");
    let Written {
        value: applied,
        undo,
    } = catalog.apply_lookup(id, &incoming, Some(&poster)).unwrap();
    assert!(applied.fields_filled && applied.poster_added);
    assert_eq!(applied.ids_added, 2);
    let film = catalog.film(id).unwrap().unwrap();
    assert_eq!(film.title, "Rust and Bone", "the title stays");
    assert_eq!(film.year, Some(2012), "what was typed stays");
    assert_eq!(film.runtime_min, Some(122));
    assert_eq!(film.directors_line(), "Jacques Audiard");
    assert_eq!(catalog.external_ids(id).unwrap().len(), 2);
    assert!(
        catalog.films_to_look_up(10).unwrap().is_empty(),
        "looked up"
    );

    let again = catalog.apply_lookup(id, &incoming, Some(&poster)).unwrap();
    assert!(!again.changed(), "nothing new the second time");

    catalog.revert(&undo).unwrap();
    let film = catalog.film(id).unwrap().unwrap();
    assert_eq!(
        film,
        Film {
            id: Some(id),
            ..typed
        }
    );
    assert!(catalog.external_ids(id).unwrap().is_empty());
    assert!(!catalog.has_poster(id).unwrap());

    let other = catalog.create_film(&Film::titled("Zzyzx")).unwrap().value;
    catalog
        .record_lookup(other, LookupOutcome::NoMatch)
        .unwrap();
    assert!(catalog.films_to_look_up(10).unwrap().is_empty());
}
#[test]
fn known_is_built_from_a_real_catalog_file_and_recognises_its_films() {
    let (_dir, path) = temp_db_in_new_folders();
    let id = {
        let mut catalog = Catalog::open(&path).unwrap();
        catalog.create_film(&Film::titled("Metropolis")).unwrap();
        catalog.create_film(&rust_and_bone()).unwrap().value
    };
    let mut catalog = Catalog::open(&path).unwrap();
    let known = catalog.known().unwrap();
    assert_eq!(known.film_count(), 2);

    let paste = "Kimi to Aruku Sekai, which we know as Rust and Bone, gives Marion Cotillard \
                 her best role; Jacques Audiard never lets go.\n";
    let hits = known.find_titles(paste);
    let film = known.film(hits[0].films[0]).unwrap();
    assert_eq!(
        film.id,
        Some(id),
        "an alternative title names the stored film"
    );
    assert_eq!(hits.len(), 2);

    let parsed = cinedex::parse::parse_review_with(paste, &known);
    assert_eq!(parsed.review.title.as_deref(), Some("Kimi to Aruku Sekai"));
    assert_eq!(parsed.review.directors, ["Jacques Audiard"]);
    assert!(parsed
        .review
        .cast
        .iter()
        .any(|c| c.name == "Marion Cotillard"));

    // Refreshed after a write: a film added later is known to the next copy only.
    catalog.create_film(&Film::titled("The Third Man")).unwrap();
    assert!(known.find_titles("The Third Man").is_empty());
    assert_eq!(
        catalog.known().unwrap().find_titles("The Third Man").len(),
        1
    );
}
