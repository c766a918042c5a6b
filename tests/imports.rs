//! Imports and backups as a person runs them: realistic Letterboxd exports (ZIP and folder) and
//! IMDb CSVs built here, imported with the real binary into catalogs in temp folders, then read
//! back through the library.

// Each binary uses only some of the shared helpers; the rest would warn as dead code.
#[allow(dead_code)]
mod support;

#[path = "imports/real_quirks.rs"]
mod real_quirks;

use std::io::Write;
use std::path::{Path, PathBuf};
use support::{fails, ok, temp_db};

use cinedex::db::{Catalog, DiaryFilter};
use cinedex::model::{ImportBatch, Rating};

const DIARY: &str = "\u{feff}Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n\
2024-01-03,Amélie,2001,https://boxd.it/d1,3.5,,\"cinema, with mia\",2024-01-02\r\n\
2024-02-10,\"Crouching Tiger, Hidden Dragon\",2000,https://boxd.it/d2,5,,,2024-02-09\r\n\
2024-03-01,Amélie,2001,https://boxd.it/d3,4,Yes,,2024-03-01\r\n\
2024-03-05,千と千尋の神隠し,2001,https://boxd.it/d4,,,,2024-03-04\r\n";

const REVIEWS: &str = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n\
2024-01-03,Amélie,2001,https://boxd.it/d1,3.5,,\"<b>Charming</b>, whimsical &amp; a bit much.\r\n\
Second paragraph with \"\"quotes\"\", commas… and <a href=\"\"https://example.com\"\">a link</a>&#39;s text.\",cinema,2024-01-02\n\
2023-12-01,Rear Window,1954,https://boxd.it/r9,4.5,,\"Tense – <i>perfect</i>.\",,\n";

const RATINGS: &str = "Date,Name,Year,Letterboxd URI,Rating\n\
2024-01-03,Amélie,2001,https://boxd.it/f1,3.5\n\
2023-12-01,Rear Window,1954,https://boxd.it/f2,4.5\n\
2022-05-05,Parasite,2019,https://boxd.it/f3,5\n";

const WATCHED: &str = "Date,Name,Year,Letterboxd URI\n\
2024-01-03,Amélie,2001,https://boxd.it/f1\n\
2022-05-05,Parasite,2019,https://boxd.it/f3\n\
2021-01-01,Stalker,,https://boxd.it/f4\n";

const WATCHLIST: &str = "Date,Name,Year,Letterboxd URI\n\
2024-04-01,\"Jeanne Dielman, 23 quai du Commerce, 1080 Bruxelles\",1975,https://boxd.it/f5\n\
2024-04-02,Tokyo Story,1953,https://boxd.it/f6\n";

const LIKES: &str = "Date,Name,Year,Letterboxd URI\n2022-05-05,Parasite,2019,https://boxd.it/f3\n";

const LIST: &str = "Letterboxd list export v7\n\
Date,Name,Tags,URL,Description\n\
2022-06-11,Favourites,,https://boxd.it/l1,My all-time favourites\n\
\n\
Position,Name,Year,URL,Description\n\
1,Parasite,2019,https://boxd.it/f3,\n\
2,\"Crouching Tiger, Hidden Dragon\",2000,https://boxd.it/f7,Wuxia\n";

const DELETED: &str = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n\
2020-01-01,Cats,2019,https://boxd.it/x1,0.5,,,2020-01-01\n";

/// An entry whose film page Letterboxd removed: no URI.
const ORPHANED: &str = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n\
2020-01-03,Gone Film,2019,,3,,,2020-01-02\n";

/// A Letterboxd export as (path inside the export, contents).
fn export() -> Vec<(&'static str, String)> {
    vec![
        ("diary.csv", DIARY.to_owned()),
        ("reviews.csv", REVIEWS.to_owned()),
        ("ratings.csv", RATINGS.to_owned()),
        ("watched.csv", WATCHED.to_owned()),
        ("watchlist.csv", WATCHLIST.to_owned()),
        ("likes/films.csv", LIKES.to_owned()),
        ("likes/lists.csv", "Date,Content\n2023-01-01,https://boxd.it/l9\n".to_owned()),
        ("lists/favourites.csv", LIST.to_owned()),
        ("deleted/diary.csv", DELETED.to_owned()),
        ("orphaned/diary.csv", ORPHANED.to_owned()),
        ("comments.csv", "Date,Content,Comment\n".to_owned()),
        (
            "profile.csv",
            "Date Joined,Username,Given Name,Family Name,Email Address,Location,Website,Bio,Pronoun,Favorite Films\n\
             2020-01-01,mia,Mia,,mia@example.com,,,,,\n"
                .to_owned(),
        ),
    ]
}

fn write_folder(dir: &Path, files: &[(&str, String)]) -> PathBuf {
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir.to_path_buf()
}

fn write_zip(path: &Path, files: &[(&str, String)]) -> PathBuf {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in files {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    path.to_path_buf()
}

/// The full backup of the catalog at `db`, as bytes.
fn backup(db: &Path) -> Vec<u8> {
    let file = db.with_extension(format!("backup-{}.json", rand_suffix()));
    ok(db, &["export", "backup", "-o", file.to_str().unwrap()]);
    std::fs::read(file).unwrap()
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

fn snapshot(db: &Path) -> ImportBatch {
    Catalog::open(db).unwrap().snapshot().unwrap()
}

fn film_index(batch: &ImportBatch, title: &str) -> usize {
    batch
        .films
        .iter()
        .position(|f| f.film.title == title)
        .unwrap_or_else(|| panic!("no film {title}"))
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_letterboxd_zip_and_its_folder_import_alike_and_keep_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let zip = write_zip(&dir.path().join("letterboxd-mia.zip"), &export());
    let folder = write_folder(&dir.path().join("unpacked"), &export());
    let from_zip = dir.path().join("zip.sqlite3");
    let from_folder = dir.path().join("folder.sqlite3");
    let out = ok(&from_zip, &["import", "letterboxd", path_str(&zip)]);
    assert!(
        out.contains("films: 9 added, 0 updated, 0 unchanged"),
        "{out}"
    );
    assert!(out.contains("viewings: 5 added"), "{out}");
    assert!(
        out.contains("reviews: 1 added, 0 unchanged; ratings: 3 added, 0 unchanged"),
        "the undated review and the three ratings: {out}"
    );
    assert!(out.contains("list entries: 2 added, 0 unchanged"), "{out}");
    assert!(out.contains("orphaned/"), "{out}");
    assert!(
        out.contains("on purpose") && out.contains("deleted/diary.csv"),
        "{out}"
    );
    ok(&from_folder, &["import", "letterboxd", path_str(&folder)]);
    let diary_only = dir.path().join("diary-only.sqlite3");
    let out = ok(
        &diary_only,
        &["import", "letterboxd", path_str(&folder.join("diary.csv"))],
    );
    assert!(
        out.contains("films: 3 added") && out.contains("viewings: 4 added"),
        "{out}"
    );
    assert_eq!(backup(&from_zip), backup(&from_folder));

    let catalog = Catalog::open(&from_zip).unwrap();
    let batch = catalog.snapshot().unwrap();
    let titles: Vec<&str> = batch.films.iter().map(|f| f.film.title.as_str()).collect();
    assert_eq!(titles.len(), 9, "{titles:?}");
    assert!(!titles.contains(&"Cats"), "deleted/ is not imported");
    assert!(
        titles.contains(&"Gone Film"),
        "orphaned/ entries are viewings of a film known by title and year"
    );

    let amelie = film_index(&batch, "Amélie");
    let entries: Vec<_> = batch.diary.iter().filter(|e| e.film == amelie).collect();
    assert_eq!(
        entries.len(),
        2,
        "a rewatch is a second entry of the same film"
    );
    assert_eq!(entries[0].rating_half_stars, Some(7), "3.5 stays 3.5");
    assert_eq!(entries[0].watched_on.to_string(), "2024-01-02");
    assert_eq!(entries[0].tags, ["cinema", "with mia"]);
    assert_eq!(
        entries[0].review,
        "Charming, whimsical & a bit much.\nSecond paragraph with \"quotes\", commas… and a link's text."
    );
    assert!(entries[1].rewatch);
    assert_eq!(entries[1].rating_half_stars, Some(8));

    let spirited = film_index(&batch, "千と千尋の神隠し");
    let entry = batch.diary.iter().find(|e| e.film == spirited).unwrap();
    assert_eq!(entry.rating_half_stars, None, "an empty rating stays empty");

    let crouching = film_index(&batch, "Crouching Tiger, Hidden Dragon");
    assert_eq!(batch.films[crouching].film.year, Some(2000));
    assert!(batch.films[crouching]
        .marks
        .iter()
        .any(|m| m.mark == "list:Favourites" && m.position == Some(2)));

    let parasite = film_index(&batch, "Parasite");
    let marks: Vec<&str> = batch.films[parasite]
        .marks
        .iter()
        .map(|m| m.mark.as_str())
        .collect();
    assert_eq!(marks, ["liked", "list:Favourites", "watched"]);
    let ids: Vec<&str> = batch.films[parasite]
        .external_ids
        .iter()
        .map(|i| i.value.as_str())
        .collect();
    assert_eq!(ids, ["https://boxd.it/f3"]);

    let rear = film_index(&batch, "Rear Window");
    let ratings: Vec<_> = batch.reviews.iter().filter(|r| r.film == rear).collect();
    assert_eq!(
        ratings.len(),
        2,
        "the rating and the review without a diary entry"
    );
    assert!(ratings.iter().all(|r| r.review.rating
        == Some(Rating::Points {
            value: 4.5,
            scale: 5
        })));
    assert!(ratings.iter().any(|r| r.review.body == "Tense – perfect."));
    assert!(
        batch.diary.iter().all(|e| e.film != rear),
        "a rating date is no viewing"
    );

    let stalker = film_index(&batch, "Stalker");
    assert_eq!(batch.films[stalker].film.year, None);
    let watchlist: Vec<&str> = batch
        .watchlist
        .iter()
        .map(|w| batch.films[w.film].film.title.as_str())
        .collect();
    assert_eq!(
        watchlist,
        [
            "Jeanne Dielman, 23 quai du Commerce, 1080 Bruxelles",
            "Tokyo Story"
        ]
    );
    assert_eq!(catalog.diary(&DiaryFilter::default()).unwrap().len(), 5);
}

#[test]
fn importing_again_changes_nothing_and_a_newer_export_adds_only_what_is_new() {
    let (dir, db) = temp_db();
    let zip = write_zip(&dir.path().join("export.zip"), &export());
    ok(&db, &["import", "letterboxd", path_str(&zip)]);
    let first = backup(&db);
    let out = ok(&db, &["import", "letterboxd", path_str(&zip)]);
    assert!(
        out.contains("films: 0 added, 0 updated, 9 unchanged"),
        "{out}"
    );
    assert!(out.contains("Nothing new"), "{out}");
    assert_eq!(backup(&db), first, "a second import changes nothing");

    let mut newer = export();
    newer[0]
        .1
        .push_str("2024-05-01,Parasite,2019,https://boxd.it/d5,4.5,Yes,,2024-04-30\r\n");
    newer[4]
        .1
        .push_str("2024-05-02,Playtime,1967,https://boxd.it/f8\n");
    let newer = write_folder(&dir.path().join("newer"), &newer);
    let out = ok(&db, &["import", "letterboxd", path_str(&newer)]);
    assert!(
        out.contains("films: 1 added, 0 updated, 9 unchanged"),
        "{out}"
    );
    assert!(
        out.contains("viewings: 1 added, 0 updated, 5 unchanged"),
        "{out}"
    );
    assert!(out.contains("watchlist: 1 added, 2 unchanged"), "{out}");
    let batch = snapshot(&db);
    assert_eq!(batch.films.len(), 10);
    assert_eq!(batch.diary.len(), 6);
    assert_eq!(batch.diary[5].rating_half_stars, Some(9));
}

#[test]
fn a_bad_row_names_file_line_and_column_and_leaves_the_catalog_as_it_was() {
    let (dir, db) = temp_db();
    ok(
        &db,
        &[
            "log",
            "Metropolis",
            "--year",
            "1927",
            "--date",
            "2024-01-01",
        ],
    );
    let before = backup(&db);

    let mut truncated = export();
    let cut = DIARY.find("2024-03-01,Amélie").unwrap() + 20;
    truncated[0].1 = DIARY[..cut].to_owned();
    let zip = write_zip(&dir.path().join("truncated.zip"), &truncated);
    let error = fails(&db, &["import", "letterboxd", path_str(&zip)]);
    assert!(error.contains("truncated.zip/diary.csv"), "{error}");
    assert!(error.contains("line 4"), "{error}");
    assert!(error.contains("nothing was imported"), "{error}");
    assert_eq!(error.trim().lines().count(), 1, "{error}");
    assert_eq!(backup(&db), before);

    let mut bad_rating = export();
    bad_rating[1].1 = REVIEWS.replace(",4.5,,\"Tense", ",4.3,,\"Tense");
    let folder = write_folder(&dir.path().join("bad"), &bad_rating);
    let error = fails(&db, &["import", "letterboxd", path_str(&folder)]);
    assert!(
        error.contains(
            "The rating \"4.3\" is not 0.5 to 5 stars in half stars (line 4, column 5 \"Rating\")"
        ),
        "{error}"
    );
    assert!(error.contains("bad/reviews.csv"), "{error}");
    assert_eq!(backup(&db), before);

    let other = write_zip(
        &dir.path().join("photos.zip"),
        &[
            ("notes.csv", "a,b\n1,2\n".to_owned()),
            ("readme.txt", "hi".to_owned()),
        ],
    );
    let error = fails(&db, &["import", "letterboxd", path_str(&other)]);
    assert!(error.contains("holds no Letterboxd diary"), "{error}");
    let csv = dir.path().join("comments.csv");
    std::fs::write(&csv, "Date,Content,Comment\n").unwrap();
    let error = fails(&db, &["import", "letterboxd", path_str(&csv)]);
    assert!(error.contains("holds no Letterboxd diary"), "{error}");
    let not_zip = dir.path().join("diary.txt");
    std::fs::write(&not_zip, "hello").unwrap();
    let error = fails(&db, &["import", "letterboxd", path_str(&not_zip)]);
    assert!(error.contains("neither a Letterboxd export ZIP"), "{error}");
    assert_eq!(backup(&db), before);
}

#[test]
fn a_dry_run_prints_the_summary_and_changes_nothing() {
    let (dir, db) = temp_db();
    ok(
        &db,
        &["log", "Parasite", "--year", "2019", "--date", "2022-05-05"],
    );
    let before = backup(&db);
    let zip = write_zip(&dir.path().join("export.zip"), &export());
    let out = ok(&db, &["import", "letterboxd", path_str(&zip), "--dry-run"]);
    assert!(
        out.contains("films: 8 added, 1 updated, 0 unchanged"),
        "{out}"
    );
    assert!(out.contains("Dry run: nothing was changed."), "{out}");
    assert_eq!(backup(&db), before);
}

const IMDB_RATINGS: &str = "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\r\n\
tt0047396,7,2024-05-01,Rear Window,Rear Window,https://www.imdb.com/title/tt0047396/,Movie,8.5,112,1954,\"Mystery, Thriller\",500000,1954-09-01,Alfred Hitchcock\r\n\
tt0903747,10,2024-05-02,Breaking Bad,Breaking Bad,https://www.imdb.com/title/tt0903747/,TV Series,9.5,49,2008–2013,\"Crime, Drama\",2000000,2008-01-20,\r\n\
tt6751668,9,2024-05-03,Parasite,Gisaengchung,https://www.imdb.com/title/tt6751668/,Movie,8.5,132,2019,\"Drama, Thriller\",900000,2019-05-30,Bong Joon Ho\r\n";

const IMDB_WATCHLIST: &str = "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n\
1,tt0073198,2019-01-01,2019-01-01,Akerman,\"Jeanne Dielman, 23 quai du Commerce, 1080 Bruxelles\",https://www.imdb.com/title/tt0073198/,movie,7.6,201,1975,Drama,20000,1975-05-14,Chantal Akerman\n\
2,tt0046438,2019-01-02,2019-01-02,,Tokyo Story,https://www.imdb.com/title/tt0046438/,movie,8.1,136,1953,Drama,60000,1953-11-03,Yasujirô Ozu\n\
3,tt0062136,2019-01-03,2019-01-03,,Playtime,https://www.imdb.com/title/tt0062136/,movie,7.8,124,1967,Comedy,25000,1967-12-16,Jacques Tati\n";

const IMDB_2017: &str = "Const,Your Rating,Date Added,Title,Title Type,Directors,IMDb Rating,Runtime (mins),Year,Genres,Num Votes\n\
tt0079944,8,2017-10-01,Stalker,movie,Andrei Tarkovsky,8.1,162,1979,\"Drama, Sci-Fi\",130000\n";

#[test]
fn imdb_exports_fill_films_keep_ids_and_ratings_out_of_ten() {
    let (dir, db) = temp_db();
    let zip = write_zip(&dir.path().join("export.zip"), &export());
    ok(&db, &["import", "letterboxd", path_str(&zip)]);
    let ratings = dir.path().join("ratings.csv");
    std::fs::write(&ratings, IMDB_RATINGS).unwrap();
    let watchlist = dir.path().join("WATCHLIST.csv");
    std::fs::write(&watchlist, IMDB_WATCHLIST).unwrap();
    let old = dir.path().join("old-ratings.csv");
    std::fs::write(&old, IMDB_2017).unwrap();

    let out = ok(&db, &["import", "imdb", path_str(&ratings)]);
    assert!(
        out.contains("films: 0 added, 2 updated, 0 unchanged"),
        "{out}"
    );
    assert!(out.contains("Skipped 1 rows that are not films"), "{out}");
    let out = ok(&db, &["import", "imdb", path_str(&watchlist)]);
    assert!(out.contains("films: 1 added"), "{out}");
    assert!(out.contains("watchlist: 1 added, 2 unchanged"), "{out}");
    ok(&db, &["import", "imdb", path_str(&old)]);
    let after = backup(&db);
    ok(&db, &["import", "imdb", path_str(&ratings)]);
    ok(&db, &["import", "imdb", path_str(&watchlist)]);
    assert_eq!(backup(&db), after, "a second IMDb import changes nothing");

    let batch = snapshot(&db);
    let rear = film_index(&batch, "Rear Window");
    let film = &batch.films[rear];
    assert_eq!(film.film.runtime_min, Some(112));
    assert_eq!(film.film.genres, ["Mystery", "Thriller"]);
    assert_eq!(film.film.directors_line(), "Alfred Hitchcock");
    assert!(film
        .external_ids
        .iter()
        .any(|i| i.source == "imdb" && i.value == "tt0047396"));
    assert!(batch.reviews.iter().any(|r| r.film == rear
        && r.review.rating
            == Some(Rating::Points {
                value: 7.0,
                scale: 10
            })
        && r.review.published_on.map(|d| d.to_string()).as_deref() == Some("2024-05-01")));
    let parasite = film_index(&batch, "Parasite");
    assert_eq!(
        batch.films[parasite].film.original_title.as_deref(),
        Some("Gisaengchung")
    );
    assert!(!batch.films.iter().any(|f| f.film.title == "Breaking Bad"));
    let stalker = film_index(&batch, "Stalker");
    assert_eq!(
        batch.films[stalker].film.year,
        Some(1979),
        "a blank year is filled in"
    );
    assert_eq!(batch.watchlist.len(), 3);

    let error = fails(
        &db,
        &["import", "imdb", path_str(&dir.path().join("export.zip"))],
    );
    assert!(error.contains("nothing was imported"), "{error}");
    assert_eq!(backup(&db), after);
}

#[test]
fn a_backup_restores_byte_for_byte_and_asks_before_touching_a_full_catalog() {
    let (dir, db) = temp_db();
    ok(&db, &["demo", "--films", "40"]);
    let zip = write_zip(&dir.path().join("export.zip"), &export());
    ok(&db, &["import", "letterboxd", path_str(&zip)]);
    let ratings = dir.path().join("ratings.csv");
    std::fs::write(&ratings, IMDB_RATINGS).unwrap();
    ok(&db, &["import", "imdb", path_str(&ratings)]);
    ok(
        &db,
        &[
            "watchlist",
            "add",
            "Metropolis",
            "--year",
            "1927",
            "--note",
            "Restored print",
        ],
    );
    let file = dir.path().join("backup.json");
    ok(&db, &["export", "backup", "-o", path_str(&file)]);
    let first = std::fs::read(&file).unwrap();
    let text = String::from_utf8(first.clone()).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"cinedex-backup\",\n  \"version\": 1,"));

    let restored = dir.path().join("restored.sqlite3");
    let out = ok(&restored, &["import", "backup", path_str(&file)]);
    assert!(out.contains("Imported"), "{out}");
    assert_eq!(
        backup(&restored),
        first,
        "backup → restore → backup is byte-identical"
    );

    let error = fails(&restored, &["import", "backup", path_str(&file)]);
    assert!(
        error.contains("--replace") && error.contains("--merge"),
        "{error}"
    );
    ok(&restored, &["log", "Nosferatu", "--date", "2024-10-31"]);
    ok(
        &restored,
        &["import", "backup", path_str(&file), "--replace"],
    );
    assert_eq!(
        backup(&restored),
        first,
        "--replace makes the catalog exactly the backup"
    );

    let small = dir.path().join("small.sqlite3");
    ok(&small, &["import", "letterboxd", path_str(&zip)]);
    let small_backup = dir.path().join("small.json");
    ok(&small, &["export", "backup", "-o", path_str(&small_backup)]);
    let before = std::fs::read(&small_backup).unwrap();
    let out = ok(
        &small,
        &["import", "backup", path_str(&small_backup), "--merge"],
    );
    assert!(out.contains("films: 0 added, 0 updated"), "{out}");
    assert_eq!(
        backup(&small),
        before,
        "merging a catalog's own backup changes nothing"
    );

    let mut cut = text.clone();
    cut.truncate(text.len() / 2);
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, cut).unwrap();
    let error = fails(
        &small,
        &["import", "backup", path_str(&broken), "--replace"],
    );
    assert!(
        error.contains("ends too early") && error.contains("line"),
        "{error}"
    );
    assert_eq!(backup(&small), before);
}

#[test]
fn a_viewing_logged_by_hand_is_recognised_and_two_viewings_on_one_day_are_kept() {
    let (dir, db) = temp_db();
    ok(
        &db,
        &[
            "log",
            "Amelie",
            "--year",
            "2001",
            "--date",
            "2024-01-02",
            "--rating",
            "3.5",
        ],
    );
    let mut files = export();
    files[0]
        .1
        .push_str("2024-03-05,千と千尋の神隠し,2001,https://boxd.it/d6,,,,2024-03-04\r\n");
    let folder = write_folder(&dir.path().join("export"), &files);
    let out = ok(&db, &["import", "letterboxd", path_str(&folder)]);
    assert!(
        out.contains("viewings: 5 added, 1 updated, 0 unchanged"),
        "the entry logged by hand gains its Letterboxd id: {out}"
    );
    let batch = snapshot(&db);
    assert_eq!(batch.diary.len(), 6);
    assert_eq!(batch.films[batch.diary[0].film].film.title, "Amelie");
    assert_eq!(batch.diary[0].external_ids[0].value, "https://boxd.it/d1");
    let spirited = film_index(&batch, "千と千尋の神隠し");
    assert_eq!(batch.diary.iter().filter(|e| e.film == spirited).count(), 2);
    let again = ok(&db, &["import", "letterboxd", path_str(&folder)]);
    assert!(again.contains("Nothing new"), "{again}");
}

#[test]
fn a_cancelled_import_rolls_back_and_reports_it() {
    use std::ops::ControlFlow;

    use cinedex::db::{DbError, ImportMode};
    use cinedex::interop::{read_import, ImportKind};

    let (dir, db) = temp_db();
    ok(&db, &["demo", "--films", "20"]);
    let before = backup(&db);
    let folder = write_folder(&dir.path().join("export"), &export());
    assert_eq!(ImportKind::detect(&folder), Some(ImportKind::Letterboxd));
    let read = read_import(ImportKind::Letterboxd, &folder).unwrap();

    let mut catalog = Catalog::open(&db).unwrap();
    let mut seen = Vec::new();
    let result = catalog.import_batch_watched(
        &read.batch,
        ImportMode::Merge,
        |progress| {
            seen.push(progress);
            if progress.done == 5 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
        |_| true,
    );
    assert!(matches!(result, Err(DbError::Cancelled)), "{result:?}");
    assert_eq!(
        result.unwrap_err().to_string(),
        "Cancelled: nothing was changed."
    );
    assert_eq!(seen.len(), 5);
    assert!(seen.iter().all(|p| p.total == seen[0].total && p.total > 5));
    drop(catalog);
    assert_eq!(
        backup(&db),
        before,
        "a cancelled import changed the catalog"
    );

    // The same import left to run reports every item and stores it.
    let mut catalog = Catalog::open(&db).unwrap();
    let mut last = None;
    let summary = catalog
        .import_batch_watched(
            &read.batch,
            ImportMode::Merge,
            |progress| {
                last = Some(progress);
                ControlFlow::Continue(())
            },
            |_| true,
        )
        .unwrap();
    let last = last.unwrap();
    assert_eq!(last.done, last.total);
    assert!((last.fraction() - 1.0).abs() < f32::EPSILON);
    assert_eq!(summary.films_added, 9);
}

/// Found by `cargo fuzz run imdb`: a NUL byte in a name (here the director) passed the reader and
/// the model's checks, and SQLite's CHECK (which reads a text only up to a NUL) refused it with a
/// raw constraint message. Now it is refused as a sentence before anything is written.
#[test]
fn a_nul_character_in_a_name_is_refused_with_a_sentence() {
    let csv = IMDB_RATINGS.replace("Alfred Hitchcock", "\0\0Alfred Hitchcock");
    let (batch, _) =
        cinedex::interop::imdb_batch(Path::new("ratings.csv"), csv.as_bytes()).unwrap();
    let mut catalog = Catalog::open_in_memory().unwrap();
    let error = catalog
        .import_batch(&batch, cinedex::db::ImportMode::Merge, |_| true)
        .unwrap_err();
    assert!(
        matches!(
            error,
            cinedex::db::DbError::Invalid(cinedex::model::ValidationError::NulCharacter)
        ),
        "{error}"
    );
    assert_eq!(catalog.counts().unwrap().films, 0);

    let (dir, db) = temp_db();
    let file = dir.path().join("ratings.csv");
    std::fs::write(&file, csv).unwrap();
    let err = fails(&db, &["import", "imdb", path_str(&file)]);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("holds the NUL character"), "{err}");
}
