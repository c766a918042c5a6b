//! The diary, the watchlist and their exports: the repository on real SQLite files in temp
//! folders, and the `cinedex` binary run as a person runs it, with every export read back by a
//! real parser.

// Each binary uses only some of the shared helpers; the rest would warn as dead code.
#[allow(dead_code)]
mod support;

use std::path::Path;
use std::str::FromStr;
use support::{fails, ok, temp_db};

use chrono::NaiveDate;
use cinedex::db::{
    Catalog, DbError, DiaryFilter, FilmChoice, FilmSummary, WatchlistAdd, WatchlistRow,
    WatchlistSort,
};
use cinedex::interop::{
    export_watchlist, write_atomically, DiaryRecord, WatchlistFormat, WatchlistRecord,
};
use cinedex::model::{Credit, DiaryEntry, Film, FilmId, Role, Tag, WatchlistItem, WatchlistItemId};
use icalendar::{Calendar, CalendarComponent, Component};
use proptest::arbitrary::any;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Helpers

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn film(title: &str, year: i32, director: &str, runtime_min: u32) -> Film {
    let mut film = Film::titled(title);
    film.year = Some(year);
    film.runtime_min = Some(runtime_min);
    film.credits = vec![Credit::new(director, Role::Director)];
    film
}

fn viewing(watched_on: &str, rating_half_stars: Option<u8>, tags: &[&str]) -> DiaryEntry {
    DiaryEntry {
        id: None,
        film_id: FilmId(0),
        watched_on: day(watched_on),
        rating_half_stars,
        rewatch: false,
        liked: false,
        review: String::new(),
        tags: tags.iter().map(|t| Tag::new(t).unwrap()).collect(),
    }
}

fn wish(priority: u8, added_on: &str, note: &str) -> WatchlistItem {
    WatchlistItem {
        id: None,
        film_id: FilmId(0),
        added_on: day(added_on),
        priority,
        note: note.into(),
        position: 0,
    }
}

fn added(outcome: WatchlistAdd) -> WatchlistItem {
    match outcome {
        WatchlistAdd::Added(item) => item,
        WatchlistAdd::AlreadyListed(item) => panic!("already listed: {item:?}"),
    }
}

fn watchlist_titles(catalog: &Catalog, sort: WatchlistSort) -> Vec<String> {
    catalog
        .watchlist(sort)
        .unwrap()
        .into_iter()
        .map(|r| r.film.title)
        .collect()
}

fn positions(catalog: &Catalog) -> Vec<u32> {
    catalog
        .watchlist(WatchlistSort::Position)
        .unwrap()
        .into_iter()
        .map(|r| r.item.position)
        .collect()
}

/// `cinedex export WHAT --format FORMAT` to standard output.
fn export(db: &Path, what: &str, format: &str) -> String {
    ok(db, &["export", what, "--format", format])
}

/// `cinedex export WHAT --format FORMAT -o FILE`; returns what it printed.
fn export_to(db: &Path, what: &str, format: &str, file: &Path) -> String {
    let file = file.to_str().unwrap();
    ok(db, &["export", what, "--format", format, "-o", file])
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn column<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let at = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    &row[at]
}

// ---------------------------------------------------------------------------------------------
// Repository

#[test]
fn diary_entries_rewatches_tags_filters_and_undo() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let paterson = catalog
        .create_film(&film("Paterson", 2016, "Jim Jarmusch", 118))
        .unwrap();

    let mut first = viewing("2023-12-30", Some(9), &["Cinema", "with Mia"]);
    first.liked = true;
    first.review = "A poem a day.".into();
    let first = catalog
        .add_diary_entry(&FilmChoice::Stored(paterson), &first)
        .unwrap();
    assert_eq!(first.film_id, paterson);
    assert_eq!(
        first.tags,
        [Tag::new("cinema").unwrap(), Tag::new("with mia").unwrap()]
    );

    let mut again = viewing("2024-03-09", Some(7), &["  CINEMA ", "home"]);
    again.rewatch = true;
    let again = catalog
        .add_diary_entry(&FilmChoice::Stored(paterson), &again)
        .unwrap();

    // A new film is created with its entry, in one transaction.
    let new_film = FilmChoice::New(Box::new(film(
        "Drive My Car",
        2021,
        "Ryusuke Hamaguchi",
        179,
    )));
    let third = catalog
        .add_diary_entry(&new_film, &viewing("2024-03-01", None, &[]))
        .unwrap();
    assert_ne!(third.film_id, paterson);

    // Reopen: everything is on disk.
    drop(catalog);
    let mut catalog = Catalog::open(&path).unwrap();
    assert_eq!(
        catalog.diary_entries_of(paterson).unwrap(),
        [again.clone(), first.clone()]
    );
    let tags: Vec<String> = catalog
        .tags()
        .unwrap()
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect();
    assert_eq!(
        tags,
        ["cinema", "home", "with mia"],
        "tags are shared and normalised"
    );

    // By month, newest first, with the film's title and year.
    let months = catalog.diary_by_month(&DiaryFilter::default()).unwrap();
    let shape: Vec<(i32, u32, usize)> = months
        .iter()
        .map(|m| (m.year, m.month, m.entries.len()))
        .collect();
    assert_eq!(shape, [(2024, 3, 2), (2023, 12, 1)]);
    assert_eq!(months[0].entries[0].film.title, "Paterson");
    assert_eq!(months[0].entries[0].film.year, Some(2016));
    assert_eq!(months[0].entries[0].film.directors, ["Jim Jarmusch"]);
    assert_eq!(months[0].entries[1].film.title, "Drive My Car");

    // Filters: year, tag (normalised like stored tags), rating.
    let ids = |filter: DiaryFilter| -> Vec<_> {
        catalog
            .diary(&filter)
            .unwrap()
            .into_iter()
            .map(|r| r.entry.id)
            .collect()
    };
    assert_eq!(
        ids(DiaryFilter {
            year: Some(2023),
            ..DiaryFilter::default()
        }),
        [first.id]
    );
    assert_eq!(
        ids(DiaryFilter {
            tag: Some("Cinema".into()),
            ..DiaryFilter::default()
        }),
        [again.id, first.id]
    );
    assert_eq!(
        ids(DiaryFilter {
            rating_half_stars: Some(7),
            ..DiaryFilter::default()
        }),
        [again.id]
    );

    // Update returns the entry as it was.
    let mut edited = again.clone();
    edited.rating_half_stars = Some(8);
    edited.tags = vec![Tag::new("home").unwrap()];
    assert_eq!(
        catalog.update_diary_entry(&edited).unwrap(),
        Some(again.clone())
    );
    assert_eq!(
        catalog.diary_entry(again.id.unwrap()).unwrap(),
        Some(edited.clone())
    );

    // Delete hands back the whole entry; restoring brings back the same id and tags.
    let deleted = catalog
        .delete_diary_entry(first.id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(deleted, first);
    assert_eq!(catalog.diary_entry(first.id.unwrap()).unwrap(), None);
    let tags: Vec<String> = catalog
        .tags()
        .unwrap()
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect();
    assert_eq!(tags, ["home"], "unused tags are dropped");
    assert_eq!(
        catalog.restore_diary_entry(&deleted).unwrap(),
        first.id.unwrap()
    );
    assert_eq!(
        catalog.diary_entry(first.id.unwrap()).unwrap(),
        Some(first.clone())
    );
    assert_eq!(
        catalog
            .delete_diary_entry(first.id.unwrap())
            .unwrap()
            .as_ref(),
        Some(&first)
    );
    assert_eq!(catalog.delete_diary_entry(first.id.unwrap()).unwrap(), None);

    // Refusals write nothing.
    let bad = viewing("2024-01-01", Some(11), &[]);
    assert!(matches!(
        catalog.add_diary_entry(&FilmChoice::Stored(paterson), &bad),
        Err(DbError::Invalid(_))
    ));
    assert!(matches!(
        catalog.add_diary_entry(
            &FilmChoice::Stored(FilmId(999)),
            &viewing("2024-01-01", None, &[])
        ),
        Err(DbError::FilmNotFound(FilmId(999)))
    ));
    assert_eq!(catalog.diary(&DiaryFilter::default()).unwrap().len(), 2);
}

#[test]
fn watchlist_keeps_one_item_per_film_and_dense_positions() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let films = [
        film("The Third Man", 1949, "Carol Reed", 104),
        film("Amélie", 2001, "Jean-Pierre Jeunet", 122),
        film("Beau Travail", 1999, "Claire Denis", 92),
        film("Ziemia obiecana", 1975, "Andrzej Wajda", 179),
    ];
    let mut items = Vec::new();
    for (i, f) in films.iter().enumerate() {
        let priority = [2, 5, 3, 5][i];
        let added_on = ["2024-01-01", "2024-02-01", "2024-03-01", "2023-12-01"][i];
        let choice = FilmChoice::New(Box::new(f.clone()));
        items.push(added(
            catalog
                .add_to_watchlist(&choice, &wish(priority, added_on, ""))
                .unwrap(),
        ));
    }
    assert_eq!(positions(&catalog), [0, 1, 2, 3]);

    // Adding a film already listed reports the item and changes nothing.
    let again = catalog
        .add_to_watchlist(
            &FilmChoice::Stored(items[1].film_id),
            &wish(1, "2025-01-01", "again"),
        )
        .unwrap();
    assert_eq!(again, WatchlistAdd::AlreadyListed(items[1].clone()));
    assert_eq!(catalog.watchlist(WatchlistSort::Position).unwrap().len(), 4);

    // Sorts.
    assert_eq!(
        watchlist_titles(&catalog, WatchlistSort::Title),
        ["Amélie", "Beau Travail", "The Third Man", "Ziemia obiecana"]
    );
    assert_eq!(
        watchlist_titles(&catalog, WatchlistSort::Priority),
        ["Amélie", "Ziemia obiecana", "Beau Travail", "The Third Man"]
    );
    assert_eq!(
        watchlist_titles(&catalog, WatchlistSort::DateAdded),
        ["Beau Travail", "Amélie", "The Third Man", "Ziemia obiecana"]
    );
    assert_eq!(
        watchlist_titles(&catalog, WatchlistSort::Runtime),
        ["Beau Travail", "The Third Man", "Amélie", "Ziemia obiecana"]
    );

    // Moves keep positions dense; past the end means the end.
    let ziemia = items[3].id.unwrap();
    assert_eq!(catalog.move_watchlist_item(ziemia, 0).unwrap(), Some(0));
    assert_eq!(
        watchlist_titles(&catalog, WatchlistSort::Position),
        ["Ziemia obiecana", "The Third Man", "Amélie", "Beau Travail"]
    );
    assert_eq!(catalog.move_watchlist_item(ziemia, 99).unwrap(), Some(3));
    assert_eq!(
        catalog
            .move_watchlist_item(items[2].id.unwrap(), 1)
            .unwrap(),
        Some(1)
    );
    assert_eq!(
        watchlist_titles(&catalog, WatchlistSort::Position),
        ["The Third Man", "Beau Travail", "Amélie", "Ziemia obiecana"]
    );
    assert_eq!(positions(&catalog), [0, 1, 2, 3]);

    // Remove closes the gap; restore puts the item back at its place with its id.
    let removed = catalog
        .remove_from_watchlist(items[2].id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(removed.position, 1);
    assert_eq!(positions(&catalog), [0, 1, 2]);
    assert_eq!(
        catalog.remove_from_watchlist(items[2].id.unwrap()).unwrap(),
        None
    );
    let restored = added(catalog.restore_watchlist_item(&removed).unwrap());
    assert_eq!(restored, removed);
    assert_eq!(
        watchlist_titles(&catalog, WatchlistSort::Position),
        ["The Third Man", "Beau Travail", "Amélie", "Ziemia obiecana"]
    );

    // Priority and note change; the old item comes back for undo.
    let mut edited = restored.clone();
    edited.priority = 4;
    edited.note = "Denis Lavant dancing".into();
    assert_eq!(
        catalog.update_watchlist_item(&edited).unwrap(),
        Some(restored)
    );
    assert_eq!(
        catalog.watchlist_item_of(edited.film_id).unwrap(),
        Some(edited.clone())
    );

    // "Watched it" moves the film from the watchlist into the diary, in one transaction.
    let mut entry = viewing("2024-04-01", Some(9), &["cinema"]);
    entry.liked = true;
    let (entry_id, gone) = catalog
        .mark_watched(edited.id.unwrap(), &entry)
        .unwrap()
        .unwrap();
    assert_eq!(gone, edited);
    assert_eq!(catalog.watchlist_item_of(edited.film_id).unwrap(), None);
    assert_eq!(positions(&catalog), [0, 1, 2]);
    let stored = catalog.diary_entry(entry_id).unwrap().unwrap();
    assert_eq!(stored.film_id, edited.film_id);
    assert_eq!(stored.rating_half_stars, Some(9));
}

#[test]
fn films_are_found_by_folded_title_and_year() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let old = catalog
        .create_film(&film("Solaris", 1972, "Andrei Tarkovsky", 167))
        .unwrap();
    let new = catalog
        .create_film(&film("Solaris", 2002, "Steven Soderbergh", 99))
        .unwrap();
    let amelie = catalog
        .create_film(&film("Amélie", 2001, "Jean-Pierre Jeunet", 122))
        .unwrap();
    let ids = |title: &str, year| -> Vec<FilmId> {
        catalog
            .films_titled(title, year)
            .unwrap()
            .into_iter()
            .map(|m| m.id)
            .collect()
    };
    assert_eq!(ids("solaris", None), [old, new]);
    assert_eq!(ids("SOLARIS", Some(2002)), [new]);
    assert_eq!(ids("Solaris", Some(2030)), []);
    assert_eq!(ids("  amelie! ", None), [amelie]);
    assert_eq!(ids("Amel", None), [], "only whole titles match");
}

#[test]
fn a_failed_atomic_write_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("watchlist.ics");
    std::fs::write(&path, "the old export").unwrap();
    let result = write_atomically(&path, |out| {
        out.write_all(b"BEGIN:VCALENDAR\r\n")?;
        Err(std::io::Error::other("the disk is full"))
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "the old export");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["watchlist.ics"], "no temporary file is left behind");
}

// ---------------------------------------------------------------------------------------------
// Command line

#[test]
fn log_then_diary_json_round_trip() {
    let (_dir, db) = temp_db();
    let out = ok(
        &db,
        &[
            "log",
            "Amélie",
            "--year",
            "2001",
            "--date",
            "2024-03-09",
            "--rating",
            "3.5",
            "--liked",
            "--review",
            "Paris, in green and red.",
            "--tags",
            "Cinema,with Mia",
        ],
    );
    assert!(
        out.contains("Logged \"Amélie\" (2001) on 2024-03-09"),
        "{out}"
    );
    assert!(
        out.contains("Added \"Amélie\" (2001) to the catalog"),
        "{out}"
    );

    // The same film, typed without accents or year: found, not created again.
    let out = ok(
        &db,
        &[
            "log",
            "amelie",
            "--date",
            "2025-01-02",
            "--rewatch",
            "--rating",
            "5",
        ],
    );
    assert!(!out.contains("to the catalog"), "{out}");

    let diary: Vec<DiaryRecord> = serde_json::from_str(&ok(&db, &["diary", "--json"])).unwrap();
    assert_eq!(diary.len(), 2);
    let (newest, oldest) = (&diary[0], &diary[1]);
    assert_eq!(newest.watched_on, day("2025-01-02"));
    assert!(newest.rewatch);
    assert_eq!(newest.rating, Some(5.0));
    assert_eq!(oldest.title, "Amélie");
    assert_eq!(oldest.year, Some(2001));
    assert_eq!(oldest.rating, Some(3.5), "3.5 stays 3.5");
    assert_eq!(oldest.rating_half_stars, Some(7));
    assert!(oldest.liked && !oldest.rewatch);
    assert_eq!(oldest.review, "Paris, in green and red.");
    assert_eq!(oldest.tags, ["cinema", "with mia"]);
    assert_eq!(newest.film_id, oldest.film_id, "one film, two viewings");

    let json: Value =
        serde_json::from_str(&ok(&db, &["diary", "--json", "--year", "2024"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["rating"], 3.5);

    let text = ok(&db, &["diary"]);
    let january = text.find("January 2025").unwrap();
    let march = text.find("March 2024").unwrap();
    assert!(january < march, "newest month first: {text}");
    assert!(text.contains("★★★½"), "{text}");

    let films: Value = serde_json::from_str(&ok(&db, &["films", "--json"])).unwrap();
    assert_eq!(films.as_array().unwrap().len(), 1);
}

#[test]
fn log_refuses_ambiguous_titles_and_bad_values_in_one_sentence() {
    let (_dir, db) = temp_db();
    ok(
        &db,
        &["log", "Solaris", "--year", "1972", "--date", "2020-01-01"],
    );
    ok(
        &db,
        &["log", "Solaris", "--year", "2002", "--date", "2021-01-01"],
    );

    let err = fails(&db, &["log", "solaris", "--date", "2022-01-01"]);
    assert!(
        err.starts_with("cinedex: 2 films in the catalog are titled \"solaris\""),
        "{err}"
    );
    assert!(
        err.contains("(1972)") && err.contains("(2002)"),
        "candidates are listed: {err}"
    );
    let err = fails(
        &db,
        &["log", "Solaris", "--date", "2022-01-01", "--rating", "3.3"],
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("half stars"), "{err}");
    let err = fails(
        &db,
        &["log", "Solaris", "--year", "1972", "--date", "2022-02-30"],
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("YYYY-MM-DD"), "{err}");

    let diary: Vec<Value> = serde_json::from_str(&ok(&db, &["diary", "--json"])).unwrap();
    assert_eq!(
        diary.len(),
        2,
        "nothing was written by the refused commands"
    );
}

/// Three films with titles and notes that test every format's escaping.
fn three_on_the_watchlist(db: &Path) {
    let out = ok(
        db,
        &[
            "watchlist",
            "add",
            "<script>alert(1)</script> & \"quotes\"",
            "--year",
            "2020",
            "--priority",
            "5",
            "--note",
            "Line one\nline two; with, commas \\ and a backslash",
        ],
    );
    assert!(
        out.contains("Added \"<script>alert(1)</script> & \"quotes\"\" (2020) to the watchlist"),
        "{out}"
    );
    ok(
        db,
        &[
            "watchlist",
            "add",
            "千と千尋の神隠し、あるいは長い長い題名のとても長い映画",
            "--year",
            "2001",
            "--priority",
            "2",
        ],
    );
    ok(
        db,
        &[
            "watchlist",
            "add",
            "Beau Travail",
            "--year",
            "1999",
            "--note",
            "Denis Lavant dancing",
        ],
    );
    let again = ok(db, &["watchlist", "add", "beau travail"]);
    assert!(again.contains("already on the watchlist"), "{again}");
}

const SCRIPT_TITLE: &str = "<script>alert(1)</script> & \"quotes\"";
const CJK_TITLE: &str = "千と千尋の神隠し、あるいは長い長い題名のとても長い映画";
const NOTE: &str = "Line one\nline two; with, commas \\ and a backslash";

#[test]
fn watchlist_add_three_then_export_every_format() {
    let (dir, db) = temp_db();
    three_on_the_watchlist(&db);

    let listed: Vec<WatchlistRecord> =
        serde_json::from_str(&ok(&db, &["watchlist", "list", "--json"])).unwrap();
    let titles: Vec<&str> = listed.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, [SCRIPT_TITLE, CJK_TITLE, "Beau Travail"]);
    assert_eq!(
        listed.iter().map(|r| r.position).collect::<Vec<_>>(),
        [0, 1, 2]
    );

    // JSON: the same records as `watchlist list --json`.
    let json: Vec<WatchlistRecord> =
        serde_json::from_str(&export(&db, "watchlist", "json")).unwrap();
    assert_eq!(json, listed);
    assert_eq!(json[0].note, NOTE);
    assert_eq!(json[0].priority, 5);
    assert_eq!(json[2].priority, 3, "the default priority");

    // Letterboxd: the importer's columns, the titles exactly.
    let (header, rows) = csv_rows(export(&db, "watchlist", "letterboxd").as_bytes());
    assert_eq!(header, ["Title", "Year", "Directors"]);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0], [SCRIPT_TITLE, "2020", ""]);
    assert_eq!(rows[1][0], CJK_TITLE);

    // CSV: every field, RFC 4180 line ends.
    let csv_text = export(&db, "watchlist", "csv");
    assert!(csv_text.starts_with("id,position,film_id,title,") && csv_text.ends_with("\r\n"));
    let (header, rows) = csv_rows(csv_text.as_bytes());
    assert_eq!(rows.len(), 3);
    assert_eq!(column(&header, &rows[0], "title"), SCRIPT_TITLE);
    assert_eq!(column(&header, &rows[0], "note"), NOTE);
    assert_eq!(column(&header, &rows[0], "priority"), "5");
    assert_eq!(column(&header, &rows[2], "position"), "2");
    assert_eq!(column(&header, &rows[1], "year"), "2001");

    // Markdown: a checklist grouped by priority, highest first.
    let markdown = export(&db, "watchlist", "markdown");
    assert_eq!(markdown.matches("- [ ] ").count(), 3, "{markdown}");
    let five = markdown.find("Priority 5").unwrap();
    let three = markdown.find("Priority 3").unwrap();
    let two = markdown.find("Priority 2").unwrap();
    assert!(five < three && three < two, "{markdown}");
    assert!(markdown.contains("\\<script\\>"), "{markdown}");

    // HTML: escaped by the exporter, so a parser reads the values back as text.
    let html = export(&db, "watchlist", "html");
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let text = html2text::from_read(html.as_bytes(), 10_000).unwrap();
    assert!(text.contains(SCRIPT_TITLE), "{text}");
    assert!(text.contains("Denis Lavant dancing"), "{text}");
    assert!(text.contains(CJK_TITLE), "{text}");

    // iCalendar: CRLF, folded lines of at most 75 octets, read back by a real parser.
    let ics_path = dir.path().join("watchlist.ics");
    let out = export_to(&db, "watchlist", "ics", &ics_path);
    assert!(
        out.contains("Wrote the watchlist (3 films) as ics to"),
        "{out}"
    );
    let ics = std::fs::read_to_string(&ics_path).unwrap();
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(ics.contains("\r\n "), "the long title is folded");
    let calendar = Calendar::from_str(&ics).unwrap();
    let todos: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Todo(todo) => Some(todo),
            _ => None,
        })
        .collect();
    assert_eq!(todos.len(), 3);
    assert_eq!(
        todos[0].get_summary(),
        Some(format!("{SCRIPT_TITLE} (2020)").as_str())
    );
    assert_eq!(
        todos[1].get_summary(),
        Some(format!("{CJK_TITLE} (2001)").as_str())
    );
    assert!(
        todos[0].get_description().unwrap().ends_with(NOTE),
        "{:?}",
        todos[0].get_description()
    );
    assert_eq!(todos[0].get_priority(), Some(1));
    let uids: Vec<_> = todos
        .iter()
        .map(|t| t.property_value("UID").unwrap().to_owned())
        .collect();
    assert_eq!(uids.len(), 3);
    assert!(uids.iter().all(|u| !u.is_empty()) && uids[0] != uids[1] && uids[1] != uids[2]);
    assert!(todos.iter().all(|t| t
        .property_value("DTSTAMP")
        .is_some_and(|s| s.ends_with('Z'))));

    // Written files are whole and the same as standard output, but for the time stamp.
    let md_path = dir.path().join("watchlist.md");
    export_to(&db, "watchlist", "markdown", &md_path);
    assert_eq!(std::fs::read_to_string(&md_path).unwrap(), markdown);
}

#[test]
fn watchlist_remove_by_title_or_number() {
    let (_dir, db) = temp_db();
    three_on_the_watchlist(&db);
    let listed: Vec<WatchlistRecord> =
        serde_json::from_str(&ok(&db, &["watchlist", "list", "--json"])).unwrap();

    let out = ok(&db, &["watchlist", "remove", "BEAU TRAVAIL"]);
    assert!(
        out.contains("Removed \"Beau Travail\" (1999) from the watchlist."),
        "{out}"
    );
    let number = format!("#{}", listed[0].id.unwrap());
    ok(&db, &["watchlist", "remove", &number]);

    let err = fails(&db, &["watchlist", "remove", "Beau Travail"]);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("is not on the watchlist"), "{err}");

    let left: Vec<WatchlistRecord> =
        serde_json::from_str(&ok(&db, &["watchlist", "list", "--json"])).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].title, CJK_TITLE);
    assert_eq!(left[0].position, 0, "positions stay dense");
    let text = ok(&db, &["watchlist", "list"]);
    assert!(text.contains(CJK_TITLE), "{text}");
}

#[test]
fn csv_export_neutralises_formulas() {
    let (_dir, db) = temp_db();
    ok(
        &db,
        &[
            "watchlist",
            "add",
            "=HYPERLINK(\"http://example.invalid\",\"click\")",
            "--note",
            "+SUM(A1:A9)",
        ],
    );
    ok(&db, &["watchlist", "add", "@import", "--note", "-2+3"]);
    ok(&db, &["watchlist", "add", "Tabbed", "--note", "\t=1"]);
    ok(&db, &["watchlist", "add", "Returned", "--note", "\r=1"]);
    ok(
        &db,
        &["watchlist", "add", "Plain - title", "--note", "fine = fine"],
    );

    let (header, rows) = csv_rows(export(&db, "watchlist", "csv").as_bytes());
    let cells: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (column(&header, r, "title"), column(&header, r, "note")))
        .collect();
    assert_eq!(
        cells,
        [
            (
                "'=HYPERLINK(\"http://example.invalid\",\"click\")",
                "'+SUM(A1:A9)"
            ),
            ("'@import", "'-2+3"),
            ("Tabbed", "'\t=1"),
            ("Returned", "'\r=1"),
            ("Plain - title", "fine = fine"),
        ]
    );

    // Letterboxd matches films by title, so its export keeps titles exactly as they are.
    let (_, rows) = csv_rows(export(&db, "watchlist", "letterboxd").as_bytes());
    assert_eq!(
        rows[0][0],
        "=HYPERLINK(\"http://example.invalid\",\"click\")"
    );
}

#[test]
fn diary_exports_read_back() {
    let (dir, db) = temp_db();
    ok(
        &db,
        &[
            "log",
            "Paterson",
            "--year",
            "2016",
            "--date",
            "2024-03-09",
            "--rating",
            "3.5",
            "--rewatch",
            "--review",
            "Bus <driver> & poet,\n\"Laura\"",
            "--tags",
            "cinema,with mia",
        ],
    );
    ok(
        &db,
        &[
            "log",
            "Beau Travail",
            "--year",
            "1999",
            "--date",
            "2024-05-01",
        ],
    );

    let (header, rows) = csv_rows(export(&db, "diary", "letterboxd").as_bytes());
    assert_eq!(
        header,
        [
            "Title",
            "Year",
            "Directors",
            "WatchedDate",
            "Rating",
            "Rewatch",
            "Tags",
            "Review"
        ]
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[1][..7],
        [
            "Paterson",
            "2016",
            "",
            "2024-03-09",
            "3.5",
            "true",
            "cinema, with mia"
        ]
    );
    assert_eq!(
        rows[1][7], "Bus &lt;driver&gt; &amp; poet,\n\"Laura\"",
        "reviews are HTML for Letterboxd"
    );
    assert_eq!(rows[0][4], "", "no rating");

    let (header, rows) = csv_rows(export(&db, "diary", "csv").as_bytes());
    assert_eq!(
        column(&header, &rows[1], "review"),
        "Bus <driver> & poet,\n\"Laura\""
    );
    assert_eq!(column(&header, &rows[1], "rating"), "3.5");
    assert_eq!(column(&header, &rows[1], "rating_half_stars"), "7");

    let path = dir.path().join("diary.json");
    let out = export_to(&db, "diary", "json", &path);
    assert!(
        out.contains("Wrote the diary (2 entries) as json to"),
        "{out}"
    );
    let records: Vec<DiaryRecord> = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(records[1].tags, ["cinema", "with mia"]);
    assert_eq!(records[1].rating, Some(3.5));

    // A failed export names the file and leaves what was there: here the target is a folder.
    let folder = dir.path().join("exports");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("keep.txt"), "kept").unwrap();
    let err = fails(
        &db,
        &[
            "export",
            "diary",
            "--format",
            "csv",
            "-o",
            folder.to_str().unwrap(),
        ],
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("Cannot write the export"), "{err}");
    assert!(folder.is_dir());
    assert_eq!(
        std::fs::read_to_string(folder.join("keep.txt")).unwrap(),
        "kept"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")),
        "{names:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Any text survives the iCalendar and CSV exports

fn row_with(title: &str, note: &str) -> WatchlistRow {
    WatchlistRow {
        item: WatchlistItem {
            id: Some(WatchlistItemId(7)),
            film_id: FilmId(3),
            added_on: day("2024-03-09"),
            priority: 4,
            note: note.to_owned(),
            position: 0,
        },
        film: FilmSummary {
            id: FilmId(3),
            title: title.to_owned(),
            year: Some(2020),
            directors: vec!["Agnès Varda".into()],
            runtime_min: Some(90),
        },
    }
}

/// What an iCalendar TEXT value can hold of `text`: line breaks as LF, tabs as spaces, no other
/// control characters.
fn ics_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(128))]

    #[test]
    fn any_title_and_note_survive_the_calendar(title in "\\PC{0,60}[,;:\\\\\"\r\n\t]{0,4}\\PC{0,60}", note in ".{0,200}") {
        let rows = [row_with(&title, &note)];
        let bytes = export_watchlist(WatchlistFormat::Ics, &rows, chrono::Utc::now()).unwrap();
        let ics = String::from_utf8(bytes).unwrap();
        for line in ics.split("\r\n") {
            proptest::prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
        }
        let calendar = Calendar::from_str(&ics).unwrap();
        let Some(CalendarComponent::Todo(todo)) = calendar.components.first() else {
            panic!("no to-do in {ics}");
        };
        let summary = format!("{} (2020)", ics_text(&title));
        proptest::prop_assert_eq!(todo.get_summary(), Some(summary.as_str()));
        let description = todo.get_description().unwrap_or_default();
        proptest::prop_assert!(
            description.trim_end().ends_with(ics_text(&note).trim()),
            "{:?}",
            description
        );
    }

    #[test]
    fn any_title_and_note_survive_the_spreadsheet(title in any::<String>(), note in any::<String>()) {
        let rows = [row_with(&title, &note)];
        let bytes = export_watchlist(WatchlistFormat::Csv, &rows, chrono::Utc::now()).unwrap();
        let (header, read) = csv_rows(&bytes);
        let guarded = |text: &str| {
            if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{text}")
            } else {
                text.to_owned()
            }
        };
        proptest::prop_assert_eq!(column(&header, &read[0], "title"), guarded(&title));
        proptest::prop_assert_eq!(column(&header, &read[0], "note"), guarded(&note));
    }
}

// ---------------------------------------------------------------------------------------------
// The window (egui_kittest, headless)

mod window {
    use std::path::Path;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use cinedex::db::{Catalog, DiaryFilter, FilmChoice, WatchlistSort};
    use cinedex::ui::{App, PersistedState};
    use eframe::egui::{self, accesskit::Role as A11yRole};
    use egui_kittest::kittest::Queryable;
    use egui_kittest::Harness;
    use egui_system_font_provider::SystemFontProvider;

    use super::{day, film, temp_db, wish};

    fn harness(path: &Path) -> Harness<'static, App> {
        let app = App::new(Catalog::open(path).unwrap(), PersistedState::default());
        let mut harness = Harness::builder()
            .with_size([1280.0, 800.0])
            .with_context_setup(|ctx| {
                ctx.add_font_provider(Arc::new(SystemFontProvider::new()));
            })
            .build_ui_state(|ui, app: &mut App| app.show(ui), app);
        settle(&mut harness);
        harness
    }

    /// Runs frames until the catalog table's worker has answered, then lets the window settle.
    fn settle(harness: &mut Harness<'_, App>) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            harness.step();
            // A background job answering late (on a busy machine) asks for a few more frames.
            if !harness.state().is_loading() && harness.run_ok().is_some() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for the window"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Clicks the left half of a node: half a star on a star button.
    fn click_left_half(harness: &Harness<'_, App>, label: &str) {
        let rect = harness.get_by_label(label).rect();
        let pos = egui::pos2(rect.left() + rect.width() * 0.25, rect.center().y);
        harness.event(egui::Event::PointerMoved(pos));
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::default(),
            });
        }
    }

    fn replace_text(harness: &mut Harness<'_, App>, label: &str, text: &str) {
        harness
            .get_by_role_and_label(A11yRole::TextInput, label)
            .focus();
        settle(harness);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        settle(harness);
        harness
            .get_by_role_and_label(A11yRole::TextInput, label)
            .type_text(text);
        settle(harness);
    }

    #[test]
    fn a_viewing_logged_with_three_and_a_half_stars_shows_under_its_month() {
        let (_dir, path) = temp_db();
        Catalog::open(&path)
            .unwrap()
            .create_film(&film("Paterson", 2016, "Jim Jarmusch", 118))
            .unwrap();
        let mut harness = harness(&path);
        harness.get_by_label("Diary").click();
        settle(&mut harness);
        assert!(harness.query_by_label("No diary entries yet.").is_some());

        harness.get_by_label("Log a viewing…").click();
        settle(&mut harness);
        harness
            .get_by_role_and_label(A11yRole::TextInput, "Film title")
            .focus();
        settle(&mut harness);
        harness
            .get_by_role_and_label(A11yRole::TextInput, "Film title")
            .type_text("pater");
        settle(&mut harness);
        harness
            .get_by_label("Paterson (2016) — Jim Jarmusch")
            .click();
        settle(&mut harness);
        replace_text(&mut harness, "Date", "2024-03-09");
        click_left_half(&harness, "4 stars");
        settle(&mut harness);
        assert!(
            harness.query_by_label("★★★½").is_some(),
            "the form shows 3.5 stars"
        );
        harness.get_by_label("Save entry").click();
        settle(&mut harness);

        assert!(harness.query_by_label("March 2024").is_some());
        assert!(harness.query_by_label("Paterson (2016)").is_some());
        let rows = Catalog::open(&path)
            .unwrap()
            .diary(&DiaryFilter::default())
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].entry.watched_on, day("2024-03-09"));
        assert_eq!(rows[0].entry.rating_half_stars, Some(7));
    }

    #[test]
    fn a_watchlist_item_marked_watched_moves_to_the_diary() {
        let (_dir, path) = temp_db();
        let mut catalog = Catalog::open(&path).unwrap();
        for (title, year) in [("Beau Travail", 1999), ("Solaris", 1972)] {
            let choice = FilmChoice::New(Box::new(film(title, year, "Someone", 100)));
            catalog
                .add_to_watchlist(&choice, &wish(3, "2024-01-01", ""))
                .unwrap();
        }
        drop(catalog);
        let mut harness = harness(&path);
        harness.get_by_label("Watchlist").click();
        settle(&mut harness);
        assert!(harness.query_by_label("Beau Travail (1999)").is_some());

        harness.get_by_label("Watched Beau Travail (1999)").click();
        settle(&mut harness);
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Num5);
        settle(&mut harness);
        harness.get_by_label("Save to diary").click();
        settle(&mut harness);
        assert!(harness.query_by_label("Beau Travail (1999)").is_none());
        assert!(harness.query_by_label("Solaris (1972)").is_some());

        harness.get_by_label("Diary").click();
        settle(&mut harness);
        assert!(harness.query_by_label("Beau Travail (1999)").is_some());
        let catalog = Catalog::open(&path).unwrap();
        let listed = catalog.watchlist(WatchlistSort::Position).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].item.position, 0);
        let rows = catalog.diary(&DiaryFilter::default()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].film.title, "Beau Travail");
        assert_eq!(rows[0].entry.rating_half_stars, Some(9));
    }
}

// ---------------------------------------------------------------------------------------------
// Undo and redo

/// The whole catalog as a backup would hold it, plus every row id, for before/after comparisons.
fn everything(catalog: &Catalog) -> (cinedex::db::ImportBatch, Vec<i64>) {
    let conn = rusqlite::Connection::open(catalog.path()).unwrap();
    let mut ids = Vec::new();
    for table in ["films", "reviews", "diary_entries", "watchlist"] {
        let mut select = conn
            .prepare(&format!("SELECT id FROM {table} ORDER BY id"))
            .unwrap();
        ids.extend(
            select
                .query_map([], |r| r.get::<_, i64>(0))
                .unwrap()
                .map(Result::unwrap),
        );
        ids.push(-1);
    }
    (catalog.snapshot().unwrap(), ids)
}

#[test]
fn every_change_is_undone_and_redone_with_the_same_ids() {
    use cinedex::db::Change;
    use cinedex::model::Review;

    let (_dir, db) = temp_db();
    let mut catalog = Catalog::open(&db).unwrap();
    let amelie = catalog
        .create_film(&film("Amélie", 2001, "Jean-Pierre Jeunet", 122))
        .unwrap();
    let metropolis = catalog
        .create_film(&film("Metropolis", 1927, "Fritz Lang", 153))
        .unwrap();
    let stored = catalog
        .add_diary_entry(
            &FilmChoice::Stored(amelie),
            &viewing("2024-03-09", Some(8), &["cinema"]),
        )
        .unwrap();
    let review = Review {
        body: "A fairy tale of Montmartre.".into(),
        ..Review::default()
    };
    catalog.add_review(amelie, &review).unwrap();
    let listed = added(
        catalog
            .add_to_watchlist(&FilmChoice::Stored(amelie), &wish(2, "2024-01-01", "again"))
            .unwrap(),
    );
    added(
        catalog
            .add_to_watchlist(&FilmChoice::Stored(metropolis), &wish(3, "2024-01-02", ""))
            .unwrap(),
    );
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO film_external_ids (source, value, film_id) VALUES ('imdb', 'tt0211915', {0});
             INSERT INTO film_marks (film_id, mark, position) VALUES ({0}, 'liked', NULL);",
            amelie.0
        ))
        .unwrap();
    }
    let start = everything(&catalog);

    // Each change, undone, gives the catalog back exactly; redone, gives the changed one back.
    let mut edited = catalog.film(amelie).unwrap().unwrap();
    let before = edited.clone();
    edited.title = "Le Fabuleux Destin d'Amélie Poulain".into();
    catalog.update_film(&edited).unwrap();
    let mut entry = stored.clone();
    entry.rating_half_stars = Some(10);
    let entry_before = catalog.update_diary_entry(&entry).unwrap().unwrap();
    let from = catalog
        .watchlist_item(listed.id.unwrap())
        .unwrap()
        .unwrap()
        .position;
    catalog.move_watchlist_item(listed.id.unwrap(), 1).unwrap();
    let changes = [
        Change::FilmEdited(Box::new(before)),
        Change::DiaryEdited(Box::new(entry_before)),
        Change::WatchlistMoved {
            id: listed.id.unwrap(),
            from,
        },
    ];
    let changed = everything(&catalog);
    let mut redo = Vec::new();
    for change in changes.iter().rev() {
        redo.push(catalog.revert(change).unwrap());
    }
    assert_eq!(everything(&catalog), start);
    for change in redo.iter().rev() {
        catalog.revert(change).unwrap();
    }
    assert_eq!(everything(&catalog), changed);
    for change in changes.iter().rev() {
        catalog.revert(change).unwrap();
    }
    assert_eq!(everything(&catalog), start);

    // A deleted film comes back with its reviews, viewings, watchlist place, ids and marks.
    let deleted = catalog.delete_film(amelie).unwrap();
    assert_eq!(deleted.diary.len(), 1);
    assert!(deleted.watchlist.is_some());
    assert_eq!(deleted.external_ids.len(), 1);
    assert_ne!(everything(&catalog), start);
    let redo = catalog
        .revert(&Change::FilmDeleted(Box::new(deleted)))
        .unwrap();
    assert_eq!(redo, Change::FilmAdded(amelie));
    assert_eq!(everything(&catalog), start);
    assert_eq!(titles_found(&catalog, "montmartre"), ["Amélie"]);

    // "Watched it" is one change: both halves come back together.
    let (entry_id, item) = catalog
        .mark_watched(listed.id.unwrap(), &viewing("2024-05-01", None, &[]))
        .unwrap()
        .unwrap();
    let together = Change::Together(vec![
        Change::WatchlistRemoved(Box::new(item)),
        Change::DiaryAdded(entry_id),
    ]);
    let redo = catalog.revert(&together).unwrap();
    assert_eq!(everything(&catalog), start);
    catalog.revert(&redo).unwrap();
    assert_eq!(catalog.diary_entries_of(amelie).unwrap().len(), 2);

    // What is gone cannot be reverted, and the failed revert writes nothing.
    let gone = Change::DiaryAdded(cinedex::model::DiaryEntryId(9999));
    let now = everything(&catalog);
    let error = catalog.revert(&gone).unwrap_err();
    assert!(matches!(error, DbError::Gone), "{error:?}");
    assert_eq!(
        error.to_string(),
        "This can no longer be undone: what it changed was edited or removed since."
    );
    assert_eq!(everything(&catalog), now);
}

fn titles_found(catalog: &Catalog, search: &str) -> Vec<String> {
    let query = cinedex::db::FilmQuery {
        search: search.into(),
        ..Default::default()
    };
    let ids = catalog.film_ids(&query).unwrap();
    catalog
        .film_rows(&ids)
        .unwrap()
        .into_iter()
        .map(|row| row.title)
        .collect()
}

#[test]
fn the_diary_is_filtered_by_month_and_by_decade_of_release() {
    let (_dir, db) = temp_db();
    for (title, year, date) in [
        ("Amélie", "2001", "2024-03-09"),
        ("Metropolis", "1927", "2024-03-20"),
        ("Heat", "1995", "2023-03-02"),
        ("Fargo", "1996", "2024-07-14"),
    ] {
        ok(&db, &["log", title, "--year", year, "--date", date]);
    }
    let titles = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["diary", "--json"];
        all.extend_from_slice(args);
        let rows: Vec<Value> = serde_json::from_str(&ok(&db, &all)).unwrap();
        rows.iter()
            .map(|r| r["title"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(titles(&["--month", "3"]), ["Metropolis", "Amélie", "Heat"]);
    assert_eq!(
        titles(&["--month", "3", "--year", "2024"]),
        ["Metropolis", "Amélie"]
    );
    assert_eq!(titles(&["--decade", "1990"]), ["Fargo", "Heat"]);
    // Any year of the decade names it.
    assert_eq!(titles(&["--decade", "1995", "--year", "2024"]), ["Fargo"]);
    let error = fails(&db, &["diary", "--month", "13"]);
    assert!(error.contains("13"), "{error}");
}
