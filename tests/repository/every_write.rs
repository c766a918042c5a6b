//! Every writing call of the repository, one after another on one real catalog file: each is
//! undone by the `Change` it returned, and the whole file is then as it was before the call;
//! redone, it is as it was after, under the same ids. The catalog is compared as a full dump of
//! its tables (and what its search finds), not as counts.

use chrono::NaiveDate;
use cinedex::db::{Catalog, Change, FilmChoice, ImportTarget, Written};
use cinedex::model::IncomingFilm;
use cinedex::model::{
    Credit, DiaryEntry, Film, FilmId, List, ListId, Review, Role, WatchlistItem, WatchlistItemId,
};
use rusqlite::types::Value;

use crate::support::temp_db;

/// One table's rows, each as its columns' values, sorted.
type Rows = Vec<Vec<String>>;

/// How the dump reads the tables whose ids no `Change` names: the people and tags a film or an
/// entry points to are names (stored once, under whatever id), and a film's credits are its
/// own rows, written anew with every edit.
const BY_NAME: [(&str, &str); 4] = [
    ("people", "SELECT name, sort_name FROM people"),
    ("tags", "SELECT name FROM tags"),
    (
        "credits",
        "SELECT c.film_id, p.name, c.role, c.character, c.position
         FROM credits AS c JOIN people AS p ON p.id = c.person_id",
    ),
    (
        "diary_tags",
        "SELECT d.entry_id, t.name FROM diary_tags AS d JOIN tags AS t ON t.id = d.tag_id",
    ),
];

/// Every table of the file with all its rows, less the full-text index's own tables (which the
/// schema's triggers keep), `film_lookups` (a record of what was asked of TMDb, which an undo
/// of the answer leaves, so `lookup --missing` does not ask again) and the columns that say
/// when a row was written (`…_at`), which a restore may set anew; people, tags and credits as
/// [`BY_NAME`] reads them.
fn dump(catalog: &Catalog) -> Vec<(String, Rows)> {
    let conn = rusqlite::Connection::open(catalog.path()).unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'film_search%'
             AND name <> 'film_lookups' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|table| {
            let sql = BY_NAME.iter().find(|(name, _)| *name == table).map_or_else(
                || format!("SELECT * FROM {table}"),
                |(_, sql)| sql.to_string(),
            );
            let mut select = conn.prepare(&sql).unwrap();
            let kept: Vec<usize> = (0..select.column_count())
                .filter(|&i| !select.column_name(i).unwrap().ends_with("_at"))
                .collect();
            let mut rows: Rows = select
                .query_map([], |row| {
                    Ok(kept
                        .iter()
                        .map(|&i| format!("{:?}", row.get::<_, Value>(i).unwrap()))
                        .collect())
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            rows.sort();
            (table, rows)
        })
        .chain(std::iter::once(("search".to_owned(), found(catalog))))
        .collect()
}

/// What the search finds for a few words of titles, people and reviews: the full-text index,
/// which no table above shows.
fn found(catalog: &Catalog) -> Rows {
    [
        "amelie",
        "metropolis",
        "tarkovsky",
        "ocean",
        "future",
        "boxer",
        "mirror",
    ]
    .into_iter()
    .map(|word| {
        let query = cinedex::db::FilmQuery {
            search: word.into(),
            ..Default::default()
        };
        let ids = catalog.film_ids(&query).unwrap();
        std::iter::once(word.to_owned())
            .chain(ids.iter().map(|id| id.0.to_string()))
            .collect()
    })
    .collect()
}

/// Asserts the catalog's dump is `expected`, naming the first table that differs.
fn assert_dump(catalog: &Catalog, expected: &[(String, Rows)], what: &str) {
    let now = dump(catalog);
    for ((table, rows), (_, wanted)) in now.iter().zip(expected) {
        assert_eq!(rows, wanted, "{what}: table {table}");
    }
    assert_eq!(now.len(), expected.len(), "{what}: the tables");
}

/// The one stored film titled `title`.
fn film_id(catalog: &Catalog, title: &str) -> FilmId {
    let found = catalog.films_titled(title, None).unwrap();
    assert_eq!(found.len(), 1, "{title}: {found:?}");
    found[0].id
}

/// The watchlist item of the film titled `title`.
fn item_id(catalog: &Catalog, title: &str) -> WatchlistItemId {
    let film = film_id(catalog, title);
    catalog
        .watchlist_item_of(film)
        .unwrap()
        .unwrap()
        .id
        .unwrap()
}

/// The list called `name`.
fn list_id(catalog: &Catalog, name: &str) -> ListId {
    catalog.list_named(name).unwrap().unwrap().id.unwrap()
}

fn film(title: &str, year: i32, director: &str) -> Film {
    Film {
        year: Some(year),
        credits: vec![Credit::new(director, Role::Director)],
        ..Film::titled(title)
    }
}

fn viewing(date: &str, rating: Option<u8>, tag: &str) -> DiaryEntry {
    DiaryEntry {
        id: None,
        film_id: FilmId(0),
        watched_on: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        rating_half_stars: rating,
        rewatch: false,
        liked: false,
        review: String::new(),
        tags: vec![cinedex::model::Tag::new(tag).unwrap()],
    }
}

fn wish(priority: u8, note: &str) -> WatchlistItem {
    WatchlistItem {
        id: None,
        film_id: FilmId(0),
        added_on: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        priority,
        note: note.into(),
        position: 0,
    }
}

fn review(body: &str) -> Review {
    Review {
        body: body.into(),
        ..Review::default()
    }
}

/// The change a write returned, checked to be one.
fn undo<T: std::fmt::Debug>(written: Written<T>) -> Change {
    assert!(written.changed(), "{written:?} changed nothing");
    written.undo
}

/// A writing call, named, that returns what undoes it.
type Write = (&'static str, Box<dyn Fn(&mut Catalog) -> Change>);

/// A writing call under `name`.
fn w(name: &'static str, write: impl Fn(&mut Catalog) -> Change + 'static) -> Write {
    (name, Box::new(write))
}

/// The film "Metropolis" added without a year, to be merged into the one of 1927.
fn twin(catalog: &Catalog) -> FilmId {
    let found = catalog.films_titled("Metropolis", None).unwrap();
    found.iter().find(|f| f.year.is_none()).unwrap().id
}

/// Every writing call of `Catalog` that returns a `Written`, each at least once, in an order
/// where each finds what the ones before left.
fn every_write() -> Vec<Write> {
    vec![
        w("create_film", |c| {
            undo(
                c.create_film(&film("Stalker", 1979, "Andrei Tarkovsky"))
                    .unwrap(),
            )
        }),
        w("update_film", |c| {
            let mut edited = c.film(film_id(c, "Amélie")).unwrap().unwrap();
            edited.original_title = Some("Le Fabuleux Destin d'Amélie Poulain".into());
            edited.runtime_min = Some(122);
            undo(c.update_film(&edited).unwrap())
        }),
        w("add_review", |c| {
            undo(
                c.add_review(film_id(c, "Metropolis"), &review("A city of machines."))
                    .unwrap(),
            )
        }),
        w("create_film_with_review", |c| {
            undo(
                c.create_film_with_review(
                    &film("Solaris", 1972, "Andrei Tarkovsky"),
                    &review("The ocean thinks."),
                )
                .unwrap(),
            )
        }),
        w("delete_review", |c| {
            let id = c.reviews_of(film_id(c, "Solaris")).unwrap()[0].id.unwrap();
            undo(c.delete_review(id).unwrap())
        }),
        w("add_diary_entry (stored film)", |c| {
            let choice = FilmChoice::Stored(film_id(c, "Metropolis"));
            undo(
                c.add_diary_entry(&choice, &viewing("2024-03-09", Some(8), "cinema"))
                    .unwrap(),
            )
        }),
        w("add_diary_entry (new film)", |c| {
            let choice = FilmChoice::New(Box::new(film("Playtime", 1967, "Jacques Tati")));
            undo(
                c.add_diary_entry(&choice, &viewing("2024-04-01", None, "home"))
                    .unwrap(),
            )
        }),
        w("add_diary_entry (typed title)", |c| {
            let choice = FilmChoice::Titled {
                title: "mon oncle".into(),
                year: Some(1958),
            };
            undo(
                c.add_diary_entry(&choice, &viewing("2024-04-02", Some(7), "home"))
                    .unwrap(),
            )
        }),
        w("update_diary_entry", |c| {
            let mut entry = c.diary_entries_of(film_id(c, "Metropolis")).unwrap()[0].clone();
            entry.rating_half_stars = Some(10);
            entry.tags = vec![cinedex::model::Tag::new("festival").unwrap()];
            undo(c.update_diary_entry(&entry).unwrap())
        }),
        w("delete_diary_entry", |c| {
            let id = c.diary_entries_of(film_id(c, "Playtime")).unwrap()[0]
                .id
                .unwrap();
            undo(c.delete_diary_entry(id).unwrap())
        }),
        w("add_to_watchlist (stored film)", |c| {
            let choice = FilmChoice::Stored(film_id(c, "Metropolis"));
            undo(c.add_to_watchlist(&choice, &wish(2, "again")).unwrap())
        }),
        w("add_to_watchlist (typed title)", |c| {
            let choice = FilmChoice::Titled {
                title: "STALKER".into(),
                year: None,
            };
            undo(c.add_to_watchlist(&choice, &wish(5, "the zone")).unwrap())
        }),
        w("update_watchlist_item", |c| {
            let mut item = c.watchlist_item(item_id(c, "Stalker")).unwrap().unwrap();
            item.priority = 1;
            item.note = "some day".into();
            undo(c.update_watchlist_item(&item).unwrap())
        }),
        w("move_watchlist_item", |c| {
            undo(c.move_watchlist_item(item_id(c, "Stalker"), 0).unwrap())
        }),
        w("remove_from_watchlist", |c| {
            undo(c.remove_from_watchlist(item_id(c, "Metropolis")).unwrap())
        }),
        w("mark_watched", |c| {
            undo(
                c.mark_watched(
                    item_id(c, "Amélie"),
                    &viewing("2024-05-01", Some(9), "cinema"),
                )
                .unwrap(),
            )
        }),
        w("create_list", |c| {
            undo(c.create_list(&List::named("Tarkovsky")).unwrap())
        }),
        w("update_list", |c| {
            let mut list = c.list(list_id(c, "Tarkovsky")).unwrap().unwrap();
            list.description = "Sculpting in time".into();
            list.ranked = true;
            undo(c.update_list(&list).unwrap())
        }),
        w("add_to_list (stored film)", |c| {
            let (list, choice) = (
                list_id(c, "Tarkovsky"),
                FilmChoice::Stored(film_id(c, "Stalker")),
            );
            undo(c.add_to_list(list, &choice, "first").unwrap())
        }),
        w("add_to_list (new film)", |c| {
            let list = list_id(c, "Tarkovsky");
            let choice = FilmChoice::New(Box::new(film("Mirror", 1975, "Andrei Tarkovsky")));
            undo(c.add_to_list(list, &choice, "").unwrap())
        }),
        w("move_in_list", |c| {
            let (list, mirror) = (list_id(c, "Tarkovsky"), film_id(c, "Mirror"));
            undo(c.move_in_list(list, mirror, 0).unwrap())
        }),
        w("set_list_note", |c| {
            let (list, mirror) = (list_id(c, "Tarkovsky"), film_id(c, "Mirror"));
            undo(c.set_list_note(list, mirror, "his mother").unwrap())
        }),
        w("remove_from_list", |c| {
            let (list, stalker) = (list_id(c, "Tarkovsky"), film_id(c, "Stalker"));
            undo(c.remove_from_list(list, stalker).unwrap())
        }),
        w("import_review (new film)", |c| {
            let pasted = film("Rust and Bone", 2012, "Jacques Audiard");
            undo(
                c.import_review(
                    &pasted,
                    &review("A boxer gets back up."),
                    ImportTarget::Auto,
                )
                .unwrap(),
            )
        }),
        w("import_review (attached, blanks filled)", |c| {
            let mut pasted = film("Metropolis", 1927, "Fritz Lang");
            pasted.runtime_min = Some(153);
            pasted.languages = vec!["German".into()];
            undo(
                c.import_review(&pasted, &review("Still the future."), ImportTarget::Auto)
                    .unwrap(),
            )
        }),
        w("apply_lookup", |c| {
            let answer = IncomingFilm {
                film: Film {
                    runtime_min: Some(163),
                    ..film("Solaris", 1972, "Andrei Tarkovsky")
                },
                external_ids: vec![cinedex::model::ExternalId::new("tmdb", "593")],
                marks: Vec::new(),
            };
            let poster = crate::generated_poster("Solaris");
            undo(
                c.apply_lookup(film_id(c, "Solaris"), &answer, Some(&poster))
                    .unwrap(),
            )
        }),
        w("set_poster", |c| {
            undo(
                c.set_poster(film_id(c, "Stalker"), &crate::generated_poster("Stalker"))
                    .unwrap(),
            )
        }),
        w("set_poster (replacing one)", |c| {
            undo(
                c.set_poster(
                    film_id(c, "Stalker"),
                    &crate::generated_poster("Stalker, restored"),
                )
                .unwrap(),
            )
        }),
        w("remove_poster", |c| {
            undo(c.remove_poster(film_id(c, "Solaris")).unwrap())
        }),
        w("save_view", |c| {
            undo(c.save_view("Short", "runtime:<100").unwrap())
        }),
        w("save_view (replacing one)", |c| {
            undo(c.save_view("short", "runtime:<130").unwrap())
        }),
        w("delete_view", |c| undo(c.delete_view("SHORT").unwrap())),
        w("create_film (a twin, without a year)", |c| {
            undo(c.create_film(&Film::titled("Metropolis")).unwrap())
        }),
        w("add_diary_entry (the twin)", |c| {
            let choice = FilmChoice::Stored(twin(c));
            undo(
                c.add_diary_entry(&choice, &viewing("2023-12-24", Some(6), "home"))
                    .unwrap(),
            )
        }),
        w("merge_films", |c| {
            let keep = c.films_titled("Metropolis", Some(1927)).unwrap()[0].id;
            undo(c.merge_films(keep, twin(c)).unwrap())
        }),
        w("delete_list", |c| {
            undo(c.delete_list(list_id(c, "Tarkovsky")).unwrap())
        }),
        w("delete_film", |c| {
            undo(c.delete_film(film_id(c, "Metropolis")).unwrap())
        }),
    ]
}

#[test]
fn every_write_is_undone_and_redone_by_its_change_with_the_same_ids() {
    let (_dir, db) = temp_db();
    let mut catalog = Catalog::open(&db).unwrap();
    catalog
        .create_film(&film("Amélie", 2001, "Jean-Pierre Jeunet"))
        .unwrap();
    catalog
        .create_film(&film("Metropolis", 1927, "Fritz Lang"))
        .unwrap();
    catalog
        .create_film(&film("Mon Oncle", 1958, "Jacques Tati"))
        .unwrap();
    let amelie = FilmChoice::Stored(film_id(&catalog, "Amélie"));
    catalog.add_to_watchlist(&amelie, &wish(3, "")).unwrap();

    for (name, write) in every_write() {
        let before = dump(&catalog);
        let change = write(&mut catalog);
        let after = dump(&catalog);
        assert_ne!(after, before, "{name} changed nothing");
        let redo = catalog.revert(&change).unwrap();
        assert_dump(&catalog, &before, &format!("{name}, undone"));
        let again = catalog.revert(&redo).unwrap();
        assert_dump(&catalog, &after, &format!("{name}, redone"));
        // Undo and redo again: each inverse is itself undone by its inverse.
        let redo = catalog.revert(&again).unwrap();
        assert_dump(&catalog, &before, &format!("{name}, undone after a redo"));
        catalog.revert(&redo).unwrap();
        assert_dump(&catalog, &after, &format!("{name}, redone twice"));
    }
}

#[test]
fn what_is_gone_cannot_be_reverted_and_the_failed_revert_writes_nothing() {
    let (_dir, db) = temp_db();
    let mut catalog = Catalog::open(&db).unwrap();
    let id = catalog
        .create_film(&film("Amélie", 2001, "Jean-Pierre Jeunet"))
        .unwrap()
        .value;
    let choice = FilmChoice::Stored(id);
    let logged = catalog.add_diary_entry(&choice, &viewing("2024-03-09", Some(8), "cinema"));
    let deleted = catalog.delete_film(id).unwrap().undo;
    let now = dump(&catalog);
    let error = catalog.revert(&logged.unwrap().undo).unwrap_err();
    assert!(matches!(error, cinedex::db::DbError::Gone), "{error:?}");
    assert_eq!(
        error.to_string(),
        "This can no longer be undone: what it changed was edited or removed since."
    );
    assert_dump(&catalog, &now, "a failed revert");
    catalog.revert(&deleted).unwrap();
    assert_eq!(
        catalog.diary_entries_of(id).unwrap().len(),
        1,
        "the film came back whole"
    );
}
