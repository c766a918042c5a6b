//! What real exports do (see `../shared/real-exports/DEFECTS.md`), each on a fixture written here
//! with the same quirk: one test per defect, named by its id.

use std::process::{Command, Stdio};

use super::*;

const HEADER_DIARY: &str = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n";
const HEADER_REVIEWS: &str =
    "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n";
const HEADER_FILMS: &str = "Date,Name,Year,Letterboxd URI\n";

/// L1 + L3: a film Letterboxd removed has no URI in diary.csv nor in reviews.csv; the review
/// joins its viewing, and a second import changes nothing and says so.
#[test]
fn l1_rows_without_uri_join_and_import_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let files = [
        (
            "diary.csv",
            format!("{HEADER_DIARY}2020-10-28,Lost Hike,2017,,3,,youtube,2020-10-27\n"),
        ),
        (
            "reviews.csv",
            format!(
                "{HEADER_REVIEWS}2020-10-28,Lost Hike,2017,,3,,\"Like a new <i>sequel</i>.\",youtube,2020-10-27\n"
            ),
        ),
    ];
    let folder = write_folder(&dir.path().join("export"), &files);
    let out = ok(&db, &["import", "letterboxd", path_str(&folder)]);
    assert!(
        out.contains("viewings: 1 added, 0 updated, 0 unchanged"),
        "{out}"
    );
    let batch = snapshot(&db);
    assert_eq!(batch.diary.len(), 1, "one viewing, not two");
    assert_eq!(batch.diary[0].review, "Like a new sequel.");
    let before = backup(&db);
    let again = ok(&db, &["import", "letterboxd", path_str(&folder)]);
    assert!(again.contains("Nothing new"), "{again}");
    assert_eq!(backup(&db), before, "the second import changed the catalog");
}

/// L3: reviews.csv imported after diary.csv completes the viewings, and says so.
#[test]
fn l3_reviews_after_the_diary_are_updates_not_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let diary = dir.path().join("diary.csv");
    let reviews = dir.path().join("reviews.csv");
    std::fs::write(
        &diary,
        format!("{HEADER_DIARY}2024-01-03,Amélie,2001,https://boxd.it/e1,4,,,2024-01-02\n"),
    )
    .unwrap();
    std::fs::write(
        &reviews,
        format!(
            "{HEADER_REVIEWS}2024-01-03,Amélie,2001,https://boxd.it/e1,4,,Lovely.,,2024-01-02\n"
        ),
    )
    .unwrap();
    let first = ok(&db, &["import", "letterboxd", path_str(&diary)]);
    assert!(
        first.contains("films: 1 added, 0 updated, 0 unchanged"),
        "{first}"
    );
    let out = ok(&db, &["import", "letterboxd", path_str(&reviews)]);
    assert!(
        out.contains("viewings: 0 added, 1 updated, 0 unchanged"),
        "{out}"
    );
    assert!(out.contains("Imported into"), "{out}");
    assert_eq!(snapshot(&db).diary[0].review, "Lovely.");
}

/// L2: two films of one title and year with different URIs stay two films, on the watchlist
/// too; a yearless row with its own URI is not the film of another year.
#[test]
fn l2_different_uris_are_different_films() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let files = [
        (
            "watched.csv",
            format!(
                "{HEADER_FILMS}2020-06-16,The Ghost Castle,1897,https://boxd.it/g1\n\
                 2020-06-16,The Ghost Castle,1897,https://boxd.it/g2\n\
                 2020-06-16,Green Planet,2003,https://boxd.it/p1\n"
            ),
        ),
        (
            "watchlist.csv",
            format!(
                "{HEADER_FILMS}2024-01-01,Far Country,2023,https://boxd.it/w1\n\
                 2024-01-02,Far Country,2023,https://boxd.it/w2\n\
                 2024-01-03,Green Planet,,https://boxd.it/p2\n"
            ),
        ),
    ];
    let folder = write_folder(&dir.path().join("export"), &files);
    let out = ok(&db, &["import", "letterboxd", path_str(&folder)]);
    assert!(
        out.contains("films: 6 added, 0 updated, 0 unchanged"),
        "{out}"
    );
    let batch = snapshot(&db);
    assert_eq!(batch.films.len(), 6);
    assert_eq!(batch.watchlist.len(), 3, "no watchlist row is lost");
    // A later export of the same films matches each by its URI, never by title.
    let out = ok(&db, &["import", "letterboxd", path_str(&folder)]);
    assert!(
        out.contains("films: 0 added, 0 updated, 6 unchanged"),
        "{out}"
    );
}

/// L2 in old exports: diary URIs `letterboxd.com/<user>/film/<slug>/` name the film's slug, so
/// `…-1897/` and `…-1897-1/` are the viewings of two films.
#[test]
fn l2_old_entry_uris_find_their_film_by_slug() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let files = [
        (
            "watched.csv",
            format!(
                "{HEADER_FILMS}2020-06-16,The Ghost Castle,1897,https://letterboxd.com/film/the-ghost-castle-1897/\n\
                 2020-06-16,The Ghost Castle,1897,https://letterboxd.com/film/the-ghost-castle-1897-1/\n"
            ),
        ),
        (
            "diary.csv",
            format!(
                "{HEADER_DIARY}2020-06-16,The Ghost Castle,1897,https://letterboxd.com/me/film/the-ghost-castle-1897/,,,,2020-06-16\n\
                 2020-06-16,The Ghost Castle,1897,https://letterboxd.com/me/film/the-ghost-castle-1897-1/,,,,2020-06-16\n"
            ),
        ),
    ];
    let folder = write_folder(&dir.path().join("export"), &files);
    ok(&db, &["import", "letterboxd", path_str(&folder)]);
    let batch = snapshot(&db);
    assert_eq!(batch.films.len(), 2);
    assert_ne!(
        batch.diary[0].film, batch.diary[1].film,
        "not a rewatch of one film"
    );
}

/// L5: orphaned/ is imported (see the main export test); `deleted/` and a file of NUL bytes are
/// named in the notes, the damaged file as damaged.
#[test]
fn l5_damaged_and_deleted_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let folder = write_folder(
        &dir.path().join("export"),
        &[
            (
                "watched.csv",
                format!("{HEADER_FILMS}2020-01-01,Stalker,1979,https://boxd.it/s1\n"),
            ),
            ("lists/ranked.csv", "\0".repeat(300)),
            ("deleted/diary.csv", HEADER_DIARY.to_owned()),
        ],
    );
    let out = ok(&db, &["import", "letterboxd", path_str(&folder)]);
    assert!(
        out.contains(
            "unreadable (every byte is NUL: a damaged copy of the export): lists/ranked.csv"
        ),
        "{out}"
    );
    assert!(
        out.contains("on purpose") && out.contains("deleted/diary.csv"),
        "{out}"
    );
    let damaged = folder.join("lists/ranked.csv");
    let error = fails(&db, &["import", "letterboxd", path_str(&damaged)]);
    assert!(error.contains("Every byte of this is NUL"), "{error}");
}

/// I2 end to end: a Windows-1252 IMDb file imports, its accents intact.
#[test]
fn i2_a_latin1_imdb_file_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let csv = dir.path().join("ratings.csv");
    let mut bytes = b"Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n".to_vec();
    bytes.extend(b"tt0000009,8,2021-03-01,Kur\xf4zu zero,https://www.imdb.com/title/tt0000009/,movie,7,90,2007,sci_fi,100,2007,Alfonso Cuar\xf3n\n");
    std::fs::write(&csv, bytes).unwrap();
    let out = ok(&db, &["import", "imdb", path_str(&csv)]);
    assert!(out.contains("films: 1 added"), "{out}");
    let batch = snapshot(&db);
    assert_eq!(batch.films[0].film.title, "Kurôzu zero");
    assert_eq!(batch.films[0].film.directors_line(), "Alfonso Cuarón");
    assert_eq!(batch.films[0].film.genres, ["Sci-Fi"]);
    assert_eq!(
        batch.films[0].film.release_date, None,
        "a partial date is left empty"
    );
}

/// M1: the wrong importer names the right one, and an OS error is said once.
#[test]
fn m1_the_wrong_importer_names_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let csv = dir.path().join("WATCHLIST.csv");
    std::fs::write(&csv, IMDB_WATCHLIST).unwrap();
    let error = fails(&db, &["import", "letterboxd", path_str(&csv)]);
    assert!(
        error.contains("This is an IMDb export") && error.contains("cinedex import imdb"),
        "{error}"
    );
    let folder = write_folder(&dir.path().join("export"), &export());
    let error = fails(&db, &["import", "imdb", path_str(&folder)]);
    assert!(error.contains("cinedex import letterboxd"), "{error}");
    let missing = dir.path().join("missing");
    let error = fails(&db, &["import", "letterboxd", path_str(&missing)]);
    assert_eq!(error.matches("os error").count(), 1, "{error}");
    assert!(!db.exists(), "a refused import leaves no catalog behind");
}

/// M2: a dry run on a catalog path that does not exist yet leaves no file behind.
#[test]
fn m2_a_dry_run_creates_no_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite3");
    let folder = write_folder(&dir.path().join("export"), &export());
    let out = ok(
        &db,
        &["import", "letterboxd", path_str(&folder), "--dry-run"],
    );
    assert!(
        out.contains("films: 9 added") && out.contains("Dry run"),
        "{out}"
    );
    assert!(!db.exists(), "the dry run left {}", db.display());
}

/// R1: `import backup --replace` backs the catalog up first, as the window does.
#[test]
fn r1_a_replace_backs_the_catalog_up_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    ok(
        &db,
        &["log", "Stalker", "--year", "1979", "--date", "2024-01-01"],
    );
    let other = dir.path().join("other.sqlite3");
    ok(
        &other,
        &["log", "Playtime", "--year", "1967", "--date", "2024-02-01"],
    );
    let file = dir.path().join("other.json");
    ok(&other, &["export", "backup", "-o", path_str(&file)]);
    let out = ok(&db, &["import", "backup", path_str(&file), "--replace"]);
    assert!(out.contains("backed up as"), "{out}");
    let copies: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(copies.len(), 1);
    let saved = Catalog::open(&copies[0]).unwrap().snapshot().unwrap();
    assert_eq!(
        saved.films[0].film.title, "Stalker",
        "the copy is the catalog as it was"
    );
    assert_eq!(snapshot(&db).films[0].film.title, "Playtime");
}

/// P1: a reader that stops early (`| head -1`) does not turn a committed import into a failure.
#[test]
fn p1_a_closed_stdout_is_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let csv = dir.path().join("ratings.csv");
    std::fs::write(&csv, IMDB_RATINGS).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cinedex"))
        .arg("--db")
        .arg(&db)
        .args(["import", "imdb", path_str(&csv)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(snapshot(&db).films.len(), 2);
}

/// Item 6: an old export (slug URIs) and a newer one of the same person (`boxd.it` URIs, a year
/// Letterboxd corrected, two films of one title and year) merge without a doubled viewing.
#[test]
fn an_old_and_a_new_export_of_one_person_merge_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let old = write_folder(
        &dir.path().join("2020"),
        &[
            (
                "watched.csv",
                format!(
                    "{HEADER_FILMS}2020-01-01,Machine Mind,2014,https://letterboxd.com/film/machine-mind-2014/\n\
                     2020-06-16,The Ghost Castle,1897,https://letterboxd.com/film/the-ghost-castle-1897/\n\
                     2020-06-16,The Ghost Castle,1897,https://letterboxd.com/film/the-ghost-castle-1897-1/\n"
                ),
            ),
            (
                "diary.csv",
                format!(
                    "{HEADER_DIARY}2020-01-01,Machine Mind,2014,https://letterboxd.com/me/film/machine-mind-2014/,4,,,2015-06-28\n\
                     2020-06-16,The Ghost Castle,1897,https://letterboxd.com/me/film/the-ghost-castle-1897/,,,,2020-06-16\n\
                     2020-06-16,The Ghost Castle,1897,https://letterboxd.com/me/film/the-ghost-castle-1897-1/,,,,2020-06-16\n"
                ),
            ),
        ],
    );
    let new = write_folder(
        &dir.path().join("2022"),
        &[
            (
                "watched.csv",
                format!(
                    "{HEADER_FILMS}2020-01-01,Machine Mind,2015,https://boxd.it/m1\n\
                     2020-06-16,The Ghost Castle,1897,https://boxd.it/g1\n\
                     2020-06-16,The Ghost Castle,1897,https://boxd.it/g2\n\
                     2022-01-01,Newer Film,2021,https://boxd.it/n1\n"
                ),
            ),
            (
                "diary.csv",
                format!(
                    "{HEADER_DIARY}2020-01-01,Machine Mind,2015,https://boxd.it/e1,4,,,2015-06-28\n\
                     2020-06-16,The Ghost Castle,1897,https://boxd.it/e2,,,,2020-06-16\n\
                     2020-06-16,The Ghost Castle,1897,https://boxd.it/e3,,,,2020-06-16\n\
                     2022-01-02,Newer Film,2021,https://boxd.it/e4,,,,2022-01-01\n"
                ),
            ),
        ],
    );
    ok(&db, &["import", "letterboxd", path_str(&old)]);
    let out = ok(&db, &["import", "letterboxd", path_str(&new)]);
    assert!(
        out.contains("viewings: 1 added, 3 updated, 0 unchanged"),
        "{out}"
    );
    let batch = snapshot(&db);
    assert_eq!(batch.films.len(), 4, "no film doubled by a corrected year");
    assert_eq!(batch.diary.len(), 4, "no viewing doubled");
    let again = backup(&db);
    ok(&db, &["import", "letterboxd", path_str(&new)]);
    assert_eq!(backup(&db), again);
}

/// Round trip: Cinedex's own Letterboxd CSVs (diary and ratings) imported into a fresh catalog
/// give back the same films, days, ratings, rewatches, tags and review texts; the ids come first.
#[test]
fn letterboxd_csvs_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let zip = write_zip(&dir.path().join("export.zip"), &export());
    ok(&db, &["import", "letterboxd", path_str(&zip)]);
    let ratings_csv = dir.path().join("imdb.csv");
    std::fs::write(&ratings_csv, IMDB_RATINGS).unwrap();
    ok(&db, &["import", "imdb", path_str(&ratings_csv)]);
    let diary = dir.path().join("diary-lb.csv");
    let ratings = dir.path().join("ratings-lb.csv");
    let watchlist = dir.path().join("watchlist-lb.csv");
    ok(
        &db,
        &[
            "export",
            "diary",
            "--format",
            "letterboxd",
            "-o",
            path_str(&diary),
        ],
    );
    ok(
        &db,
        &[
            "export",
            "ratings",
            "--format",
            "letterboxd",
            "-o",
            path_str(&ratings),
        ],
    );
    ok(
        &db,
        &[
            "export",
            "watchlist",
            "--format",
            "letterboxd",
            "-o",
            path_str(&watchlist),
        ],
    );
    let diary_text = std::fs::read_to_string(&diary).unwrap();
    assert!(
        diary_text.starts_with(
            "LetterboxdURI,Title,Year,Directors,WatchedDate,Rating,Rewatch,Tags,Review\r\n"
        ),
        "{diary_text}"
    );
    let ratings_text = std::fs::read_to_string(&ratings).unwrap();
    assert!(
        ratings_text.contains(",Rear Window,1954,Alfred Hitchcock,,4.5,,,Tense – perfect."),
        "{ratings_text}"
    );
    assert!(
        ratings_text.contains("tt0047396,Rear Window,1954,Alfred Hitchcock,,3.5,"),
        "the IMDb 7/10: {ratings_text}"
    );
    assert!(std::fs::read_to_string(&watchlist)
        .unwrap()
        .starts_with("LetterboxdURI,Title,Year,Directors\r\n"));

    let fresh = dir.path().join("fresh.sqlite3");
    ok(&fresh, &["import", "letterboxd-csv", path_str(&diary)]);
    ok(&fresh, &["import", "letterboxd", path_str(&ratings)]);
    let (a, b) = (snapshot(&db), snapshot(&fresh));
    let viewings = |batch: &ImportBatch| {
        let mut all: Vec<_> = batch
            .diary
            .iter()
            .map(|e| {
                let film = &batch.films[e.film].film;
                let mut tags = e.tags.clone();
                tags.sort();
                (
                    film.title.clone(),
                    film.year,
                    e.watched_on,
                    e.rating_half_stars,
                    e.rewatch,
                    tags,
                    e.review.clone(),
                )
            })
            .collect();
        all.sort();
        all
    };
    assert_eq!(viewings(&a), viewings(&b));
    let rated = |batch: &ImportBatch| {
        let mut all: Vec<_> = batch
            .reviews
            .iter()
            .map(|r| {
                let film = &batch.films[r.film].film;
                let norm = r
                    .review
                    .rating
                    .as_ref()
                    .map(|x| x.normalised().round() as i64);
                (film.title.clone(), film.year, norm, r.review.body.clone())
            })
            .collect();
        all.sort();
        all
    };
    assert_eq!(rated(&a), rated(&b));
    let before = backup(&fresh);
    let again = ok(&fresh, &["import", "letterboxd", path_str(&diary)]);
    assert!(again.contains("Nothing new"), "{again}");
    assert_eq!(backup(&fresh), before);
}
