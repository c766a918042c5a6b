//! The diary and the watchlist through the `cinedex` binary run as a person runs it, with every
//! export read back by a real parser.

use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use cinedex::interop::{DiaryRecord, WatchlistRecord};
use icalendar::{Calendar, CalendarComponent, Component};
use serde_json::Value;

use crate::support::{column, csv_rows, fails, ok, temp_db};

// ---------------------------------------------------------------------------------------------
// Helpers

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
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
