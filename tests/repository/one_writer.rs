//! Each table's row is written by one function, which the single edits, undo and imports all call:
//! rows stored by either path are spelt, shared and placed alike.

use chrono::NaiveDate;
use cinedex::db::{
    Catalog, ExternalId, FilmChoice, FilmMark, ImportBatch, ImportMode, IncomingEntry,
    IncomingFilm, IncomingWatch,
};
use cinedex::model::{Credit, DiaryEntry, Film, FilmId, List, Role, Tag, WatchlistItem};

use crate::count;
use crate::support::temp_db;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn directed(title: &str, year: i32, director: &str) -> Film {
    let mut film = Film::titled(title);
    film.year = Some(year);
    film.credits = vec![Credit::new(director, Role::Director)];
    film
}

fn store(catalog: &mut Catalog, batch: &ImportBatch) -> cinedex::db::ImportSummary {
    catalog
        .import_batch(batch, ImportMode::Merge, |_| true)
        .unwrap()
}

#[test]
fn an_import_shares_the_people_and_tags_the_edits_stored_however_they_are_spelt() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let rust = catalog
        .create_film(&directed("Rust and Bone", 2012, "Jacques Audiard"))
        .unwrap();
    let logged = DiaryEntry {
        id: None,
        film_id: rust,
        watched_on: day("2024-03-01"),
        rating_half_stars: Some(8),
        rewatch: false,
        liked: false,
        review: String::new(),
        tags: vec![Tag::new("Cinema").unwrap()],
    };
    catalog
        .add_diary_entry(&FilmChoice::Stored(rust), &logged)
        .unwrap();

    let batch = ImportBatch {
        people: vec![" Jacques Audiard ".into(), "Jacques Audiard".into()],
        films: vec![IncomingFilm {
            film: directed("A Prophet", 2009, "Jacques  Audiard"),
            ..IncomingFilm::default()
        }],
        diary: vec![IncomingEntry {
            film: 0,
            watched_on: day("2024-04-02"),
            rating_half_stars: None,
            rewatch: false,
            liked: false,
            review: String::new(),
            tags: vec![
                "CINEMA".into(),
                " cinema ".into(),
                "with  Mia".into(),
                "   ".into(),
            ],
            external_ids: Vec::new(),
        }],
        ..ImportBatch::default()
    };
    let summary = store(&mut catalog, &batch);
    assert_eq!((summary.films_added, summary.diary_added), (1, 1));

    // The name typed with spaces around it is the person the film edit stored; the one with a
    // doubled space inside is another spelling, kept as given (trimmed) like any credit.
    assert_eq!(count(&path, "people"), 2);
    let prophet = catalog.film_ids(&Default::default()).unwrap();
    let prophet = *prophet.iter().find(|id| **id != rust).unwrap();
    let entries = catalog.diary_entries_of(prophet).unwrap();
    let tags: Vec<&str> = entries[0].tags.iter().map(Tag::as_str).collect();
    assert_eq!(tags, ["cinema", "with mia"]);
    assert_eq!(count(&path, "tags"), 2, "cinema is one tag for both paths");
    assert_eq!(count(&path, "diary_tags"), 3);

    // Importing the same batch again adds no person, tag or viewing.
    let again = store(&mut catalog, &batch);
    assert_eq!((again.films_matched, again.diary_skipped), (1, 1));
    assert_eq!((count(&path, "people"), count(&path, "tags")), (2, 2));
}

#[test]
fn a_restored_film_and_an_import_of_it_write_its_ids_and_marks_once() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let incoming = IncomingFilm {
        film: directed("Cléo from 5 to 7", 1962, "Agnès Varda"),
        external_ids: vec![ExternalId {
            source: "imdb".into(),
            value: "tt0055852".into(),
        }],
        marks: vec![FilmMark {
            mark: " liked ".into(),
            position: None,
        }],
    };
    let batch = ImportBatch {
        films: vec![incoming],
        ..ImportBatch::default()
    };
    let first = store(&mut catalog, &batch);
    assert_eq!((first.films_added, first.marks_added), (1, 1));
    let id = catalog.film_ids(&Default::default()).unwrap()[0];

    let deleted = catalog.delete_film(id).unwrap();
    assert_eq!(count(&path, "film_external_ids"), 0);
    assert_eq!(catalog.restore_film(&deleted).unwrap(), id);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mark: String = conn
        .query_row(
            "SELECT mark FROM film_marks WHERE film_id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        mark, "liked",
        "the import trimmed it and undo put it back as stored"
    );

    let again = store(&mut catalog, &batch);
    assert_eq!(
        (again.films_matched, again.marks_added, again.marks_skipped),
        (1, 0, 1)
    );
    assert_eq!(
        (
            count(&path, "film_external_ids"),
            count(&path, "film_marks")
        ),
        (1, 1)
    );
}

#[test]
fn imported_watchlist_places_follow_those_added_by_hand() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let by_hand = catalog
        .create_film(&directed("Vagabond", 1985, "Agnès Varda"))
        .unwrap();
    let wish = WatchlistItem {
        id: None,
        film_id: by_hand,
        added_on: day("2024-01-01"),
        priority: 4,
        note: "Mia says so".into(),
        position: 0,
    };
    catalog
        .add_to_watchlist(&FilmChoice::Stored(by_hand), &wish)
        .unwrap();
    let batch = ImportBatch {
        films: vec![
            IncomingFilm {
                film: directed("Le Bonheur", 1965, "Agnès Varda"),
                ..IncomingFilm::default()
            },
            IncomingFilm {
                film: directed("Vagabond", 1985, "Agnès Varda"),
                ..IncomingFilm::default()
            },
        ],
        watchlist: vec![
            IncomingWatch {
                film: 0,
                added_on: day("2024-02-01"),
                priority: 2,
                note: "from Letterboxd".into(),
            },
            IncomingWatch {
                film: 1,
                added_on: day("2024-02-01"),
                priority: 1,
                note: String::new(),
            },
        ],
        ..ImportBatch::default()
    };
    let summary = store(&mut catalog, &batch);
    assert_eq!((summary.watchlist_added, summary.watchlist_skipped), (1, 1));
    let places: Vec<(String, u32, u8, String)> = catalog
        .watchlist(Default::default())
        .unwrap()
        .into_iter()
        .map(|row| {
            (
                row.film.title,
                row.item.position,
                row.item.priority,
                row.item.note,
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("Vagabond".to_owned(), 0, 4, "Mia says so".to_owned()),
            ("Le Bonheur".to_owned(), 1, 2, "from Letterboxd".to_owned()),
        ]
    );
}

#[test]
fn a_restored_list_leaves_out_a_film_deleted_since_and_keeps_its_places_dense() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let films: Vec<FilmId> = ["Cléo from 5 to 7", "Le Bonheur", "Vagabond"]
        .iter()
        .map(|title| {
            catalog
                .create_film(&directed(title, 1970, "Agnès Varda"))
                .unwrap()
        })
        .collect();
    let list = catalog.create_list(&List::named("Varda")).unwrap();
    for (film, note) in films.iter().zip(["first", "", "last"]) {
        catalog
            .add_to_list(list, &FilmChoice::Stored(*film), note)
            .unwrap();
    }
    let deleted = catalog.delete_list(list).unwrap();
    catalog.delete_film(films[1]).unwrap();

    assert_eq!(catalog.restore_list(&deleted).unwrap(), list);
    let entries: Vec<(String, u32, String)> = catalog
        .list_entries(list)
        .unwrap()
        .into_iter()
        .map(|row| (row.summary.title, row.entry.position, row.entry.note))
        .collect();
    assert_eq!(
        entries,
        [
            ("Cléo from 5 to 7".to_owned(), 0, "first".to_owned()),
            ("Vagabond".to_owned(), 1, "last".to_owned()),
        ]
    );
    assert_eq!(count(&path, "list_entries"), 2);
}
