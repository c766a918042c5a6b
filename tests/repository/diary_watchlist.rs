//! The diary and the watchlist in the repository on real SQLite files in temp folders, their
//! iCalendar and CSV exports for any text, and undo and redo of every change.

use std::str::FromStr;

use cinedex::db::{Catalog, Change, DbError, DiaryFilter, FilmChoice, WatchlistAdd, WatchlistSort};
use cinedex::interop::{export_watchlist, write_atomically, WatchlistFormat};
use cinedex::model::{FilmId, FilmSummary, Tag, WatchlistItem, WatchlistItemId, WatchlistRow};
use icalendar::{Calendar, CalendarComponent, Component};
use proptest::arbitrary::any;

use crate::support::records::{day, film, viewing, wish};
use crate::support::{column, csv_rows, temp_db};

// ---------------------------------------------------------------------------------------------
// Helpers

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

// ---------------------------------------------------------------------------------------------
// Repository

#[test]
fn diary_entries_rewatches_tags_filters_and_undo() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let paterson = catalog
        .create_film(&film("Paterson", 2016, "Jim Jarmusch", 118))
        .unwrap()
        .value;

    let mut first = viewing("2023-12-30", Some(9), &["Cinema", "with Mia"]);
    first.liked = true;
    first.review = "A poem a day.".into();
    let first = catalog
        .add_diary_entry(&FilmChoice::Stored(paterson), &first)
        .unwrap()
        .value;
    assert_eq!(first.film_id, paterson);
    assert_eq!(
        first.tags,
        [Tag::new("cinema").unwrap(), Tag::new("with mia").unwrap()]
    );

    let mut again = viewing("2024-03-09", Some(7), &["  CINEMA ", "home"]);
    again.rewatch = true;
    let again = catalog
        .add_diary_entry(&FilmChoice::Stored(paterson), &again)
        .unwrap()
        .value;

    // A new film is created with its entry, in one transaction.
    let new_film = FilmChoice::New(Box::new(film(
        "Drive My Car",
        2021,
        "Ryusuke Hamaguchi",
        179,
    )));
    let third = catalog
        .add_diary_entry(&new_film, &viewing("2024-03-01", None, &[]))
        .unwrap()
        .value;
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

    // Update is undone by the entry as it was.
    let mut edited = again.clone();
    edited.rating_half_stars = Some(8);
    edited.tags = vec![Tag::new("home").unwrap()];
    assert_eq!(
        catalog.update_diary_entry(&edited).unwrap().undo,
        Change::DiaryEdited(Box::new(again.clone()))
    );
    assert_eq!(
        catalog.diary_entry(again.id.unwrap()).unwrap(),
        Some(edited.clone())
    );

    // Delete keeps the whole entry for undo; undoing brings back the same id and tags.
    let deleted = catalog.delete_diary_entry(first.id.unwrap()).unwrap().undo;
    assert_eq!(deleted, Change::DiaryDeleted(Box::new(first.clone())));
    assert_eq!(catalog.diary_entry(first.id.unwrap()).unwrap(), None);
    let tags: Vec<String> = catalog
        .tags()
        .unwrap()
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect();
    assert_eq!(tags, ["home"], "unused tags are dropped");
    assert_eq!(
        catalog.revert(&deleted).unwrap(),
        Change::DiaryAdded(first.id.unwrap())
    );
    assert_eq!(
        catalog.diary_entry(first.id.unwrap()).unwrap(),
        Some(first.clone())
    );
    assert_eq!(
        catalog.delete_diary_entry(first.id.unwrap()).unwrap().undo,
        deleted
    );
    let again = catalog.delete_diary_entry(first.id.unwrap()).unwrap();
    assert!(!again.changed(), "a gone entry is not deleted twice");

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
                .unwrap()
                .value,
        ));
    }
    assert_eq!(positions(&catalog), [0, 1, 2, 3]);

    // Adding a film already listed reports the item and changes nothing.
    let again = catalog
        .add_to_watchlist(
            &FilmChoice::Stored(items[1].film_id),
            &wish(1, "2025-01-01", "again"),
        )
        .unwrap()
        .value;
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
    assert_eq!(
        catalog.move_watchlist_item(ziemia, 0).unwrap().value,
        Some(0)
    );
    assert_eq!(
        watchlist_titles(&catalog, WatchlistSort::Position),
        ["Ziemia obiecana", "The Third Man", "Amélie", "Beau Travail"]
    );
    assert_eq!(
        catalog.move_watchlist_item(ziemia, 99).unwrap().value,
        Some(3)
    );
    assert_eq!(
        catalog
            .move_watchlist_item(items[2].id.unwrap(), 1)
            .unwrap()
            .value,
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
        .undo;
    let Change::WatchlistRemoved(removed_item) = &removed else {
        panic!("{removed:?}")
    };
    assert_eq!(removed_item.position, 1);
    assert_eq!(positions(&catalog), [0, 1, 2]);
    assert!(!catalog
        .remove_from_watchlist(items[2].id.unwrap())
        .unwrap()
        .changed());
    assert_eq!(
        catalog.revert(&removed).unwrap(),
        Change::WatchlistAdded(items[2].id.unwrap())
    );
    let restored = catalog
        .watchlist_item(items[2].id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(&restored, removed_item.as_ref());
    assert_eq!(
        watchlist_titles(&catalog, WatchlistSort::Position),
        ["The Third Man", "Beau Travail", "Amélie", "Ziemia obiecana"]
    );

    // Priority and note change; the old item comes back for undo.
    let mut edited = restored.clone();
    edited.priority = 4;
    edited.note = "Denis Lavant dancing".into();
    assert_eq!(
        catalog.update_watchlist_item(&edited).unwrap().undo,
        Change::WatchlistEdited(Box::new(restored))
    );
    assert_eq!(
        catalog.watchlist_item_of(edited.film_id).unwrap(),
        Some(edited.clone())
    );

    // "Watched it" moves the film from the watchlist into the diary, in one transaction.
    let mut entry = viewing("2024-04-01", Some(9), &["cinema"]);
    entry.liked = true;
    let watched = catalog.mark_watched(edited.id.unwrap(), &entry).unwrap();
    let entry_id = watched.value.unwrap();
    assert_eq!(
        watched.undo,
        Change::Together(vec![
            Change::WatchlistRemoved(Box::new(edited.clone())),
            Change::DiaryAdded(entry_id)
        ])
    );
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
        .unwrap()
        .value;
    let new = catalog
        .create_film(&film("Solaris", 2002, "Steven Soderbergh", 99))
        .unwrap()
        .value;
    let amelie = catalog
        .create_film(&film("Amélie", 2001, "Jean-Pierre Jeunet", 122))
        .unwrap()
        .value;
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
