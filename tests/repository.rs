//! The repository on real SQLite files in temp folders.

use cinedex::db::{
    Catalog, DbError, FilmQuery, ImportOutcome, ImportTarget, SortColumn, SCHEMA_VERSION,
};
use cinedex::model::{Credit, Film, FilmId, Rating, Review, Role};
use rusqlite::Connection;

fn temp_catalog() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join("nested")
        .join("folder")
        .join("catalog.sqlite3");
    (dir, path)
}

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

fn titles(catalog: &Catalog, search: &str) -> Vec<String> {
    let query = FilmQuery {
        search: search.into(),
        ..FilmQuery::default()
    };
    let ids = catalog.film_ids(&query).unwrap();
    catalog
        .film_rows(&ids)
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
    let (_dir, path) = temp_catalog();
    let id = {
        let mut catalog = Catalog::open(&path).unwrap();
        catalog.create_film(&rust_and_bone()).unwrap()
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

    let deleted = catalog.delete_film(id).unwrap();
    assert_eq!(catalog.film(id).unwrap(), None);
    assert_eq!(count(&path, "credits"), 0);
    assert!(titles(&catalog, "rouille").is_empty());
    catalog.restore_film(&deleted).unwrap();
    assert_eq!(
        catalog.film(id).unwrap().unwrap(),
        film,
        "undo puts it back whole"
    );
}

#[test]
fn people_are_shared_between_films() {
    let (_dir, path) = temp_catalog();
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
    let id = catalog.create_film(&Film::titled("Metropolis")).unwrap();
    assert!(catalog.add_review(id, &review).is_err());
    assert_eq!(catalog.reviews_of(id).unwrap(), []);
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
    let (_dir, path) = temp_catalog();
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
    let metropolis = catalog.create_film(&Film::titled("Metropolis")).unwrap();
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
        catalog
            .film_rows(&ids)
            .unwrap()
            .into_iter()
            .map(|r| r.title)
            .collect::<Vec<_>>()
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
    let (_dir, path) = temp_catalog();
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
        .unwrap();
    let ImportOutcome::Created { film_id, .. } = first else {
        panic!("{first:?}")
    };
    let again = catalog
        .import_review(&parsed, &review, ImportTarget::Auto)
        .unwrap();
    assert!(matches!(again, ImportOutcome::AlreadyStored { film_id: f, .. } if f == film_id));
    assert_eq!(catalog.counts().unwrap().films, 1);
    assert_eq!(catalog.counts().unwrap().reviews, 1);

    // A second film of the same name with no director to tell them apart.
    let twin = catalog.create_film(&Film::titled("Rust and Bone")).unwrap();
    let other_review = Review {
        body: "Another critic's view.".into(),
        source_text: Some("another paste".into()),
        ..Review::default()
    };
    let outcome = catalog
        .import_review(&parsed, &other_review, ImportTarget::Auto)
        .unwrap();
    let ImportOutcome::Ambiguous { candidates } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(candidates.len(), 2);
    assert_eq!(catalog.counts().unwrap().reviews, 1, "nothing written");
    let chosen = catalog
        .import_review(&parsed, &other_review, ImportTarget::Film(twin))
        .unwrap();
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
    let id = catalog.create_film(&Film::titled("Metropolis")).unwrap();
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
    let (_dir, path) = temp_catalog();
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
    let (_dir, path) = temp_catalog();
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
    let (_dir, path) = temp_catalog();
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
    let (_dir, path) = temp_catalog();
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
    let (_dir, path) = temp_catalog();
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
    let (_dir, path) = temp_catalog();
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

#[test]
fn known_is_built_from_a_real_catalog_file_and_recognises_its_films() {
    let (_dir, path) = temp_catalog();
    let id = {
        let mut catalog = Catalog::open(&path).unwrap();
        catalog.create_film(&Film::titled("Metropolis")).unwrap();
        catalog.create_film(&rust_and_bone()).unwrap()
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
