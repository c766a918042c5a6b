//! The three "same film?" rules side by side on one catalog: a paste, a typed title and an import
//! each decide differently, as `db/same_film.rs` says.

use cinedex::db::{Catalog, ImportMode};
use cinedex::model::{Credit, ExternalId, Film, ImportBatch, IncomingFilm, Role};

use crate::support::temp_db;

fn rain(year: i32, director: &str) -> Film {
    let mut film = Film::titled("Rain");
    film.year = Some(year);
    film.credits = vec![Credit::new(director, Role::Director)];
    film
}

fn import(catalog: &mut Catalog, film: Film, ids: &[&str]) -> (usize, usize) {
    let batch = ImportBatch {
        films: vec![IncomingFilm {
            film,
            external_ids: ids.iter().map(|v| ExternalId::new("imdb", v)).collect(),
            ..IncomingFilm::default()
        }],
        ..ImportBatch::default()
    };
    // A preview: the summary says what storing would do, and nothing is kept.
    let summary = catalog
        .import_batch(&batch, ImportMode::Merge, |_| false)
        .unwrap();
    (summary.films_matched, summary.films_added)
}

#[test]
fn a_paste_a_typed_title_and_an_import_each_decide_by_their_own_rule() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let mut stored = rain(2019, "Joris Ivens");
    stored.original_title = Some("Regen".into());
    let id = catalog.create_film(&stored).unwrap().value;
    catalog
        .import_batch(
            &ImportBatch {
                films: vec![IncomingFilm {
                    film: stored.clone(),
                    external_ids: vec![ExternalId::new("imdb", "tt0020315")],
                    ..IncomingFilm::default()
                }],
                ..ImportBatch::default()
            },
            ImportMode::Merge,
            |_| true,
        )
        .unwrap();
    let pasted = |film: &Film| -> Vec<String> {
        catalog
            .find_matches(film)
            .unwrap()
            .into_iter()
            .map(|m| {
                assert_eq!(m.id, id);
                m.reasons
            })
            .collect()
    };

    // A paste: a year one off still fits (festival against release), two off does not; the
    // original title fits; directors that differ rule it out.
    assert_eq!(
        pasted(&rain(2019, "Joris Ivens")),
        ["same title, year and director"]
    );
    assert_eq!(
        pasted(&rain(2020, "Joris Ivens")),
        ["same title and director"]
    );
    assert!(pasted(&rain(2021, "Joris Ivens")).is_empty());
    let mut regen = rain(2019, "Joris Ivens");
    regen.title = "REGEN!".into();
    assert_eq!(pasted(&regen), ["same title, year and director"]);
    assert!(pasted(&rain(2019, "Mannus Franken")).is_empty());

    // A typed title is meant exactly: a year one off leaves the film out.
    let typed = |year: Option<i32>| catalog.films_titled("rain", year).unwrap().len();
    assert_eq!(
        (typed(None), typed(Some(2019)), typed(Some(2020))),
        (1, 1, 0)
    );

    // An import: the title and a year one off is another film; the same title and year with
    // another IMDb id is another film; the IMDb id decides alone, whatever the year.
    assert_eq!(import(&mut catalog, rain(2020, "Joris Ivens"), &[]), (0, 1));
    assert_eq!(import(&mut catalog, rain(2019, "Joris Ivens"), &[]), (1, 0));
    assert_eq!(
        import(&mut catalog, rain(2019, "Joris Ivens"), &["tt9999999"]),
        (0, 1)
    );
    assert_eq!(
        import(&mut catalog, rain(1990, "Someone Else"), &["tt0020315"]),
        (1, 0)
    );
}

#[test]
fn a_typed_title_is_resolved_in_the_write_one_film_a_new_film_or_a_refusal() {
    use cinedex::db::{Change, DbError, FilmChoice, WatchlistAdd};
    use cinedex::model::WatchlistItem;

    let (_dir, db) = temp_db();
    let mut catalog = Catalog::open(&db).unwrap();
    let first = catalog
        .create_film(&rain(1929, "Joris Ivens"))
        .unwrap()
        .value;
    let titled = |title: &str, year| FilmChoice::Titled {
        title: title.into(),
        year,
    };
    let item = WatchlistItem {
        id: None,
        film_id: cinedex::model::FilmId(0),
        added_on: chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
        priority: 3,
        note: String::new(),
        position: 0,
    };

    // One film fits (folded title): it is the one, and no film is added.
    let written = catalog
        .add_to_watchlist(&titled("  RAIN ", None), &item)
        .unwrap();
    let WatchlistAdd::Added(listed) = &written.value else {
        panic!("{:?}", written.value)
    };
    assert_eq!(listed.film_id, first);
    assert_eq!(written.undo, Change::WatchlistAdded(listed.id.unwrap()));

    // None fits that year: a new film of the typed title and year, undone with its item.
    let written = catalog
        .add_to_watchlist(&titled(" Rain ", Some(2019)), &item)
        .unwrap();
    let WatchlistAdd::Added(listed) = &written.value else {
        panic!("{:?}", written.value)
    };
    let added = catalog.film(listed.film_id).unwrap().unwrap();
    assert_eq!((added.title.as_str(), added.year), ("Rain", Some(2019)));
    assert_eq!(written.undo.film_added(), Some(listed.film_id));

    // Two fit and no year tells them apart: refused with both, and nothing written.
    let before = catalog.snapshot().unwrap();
    let error = catalog
        .add_to_watchlist(&titled("rain", None), &item)
        .unwrap_err();
    let DbError::AmbiguousTitle { candidates, .. } = &error else {
        panic!("{error:?}")
    };
    let ids: Vec<_> = candidates.iter().map(|c| c.id).collect();
    assert_eq!(ids, [first, listed.film_id]);
    assert_eq!(
        error.to_string(),
        "2 films in the catalog are titled \"rain\", so nothing was changed; add the year to choose one."
    );
    assert_eq!(catalog.snapshot().unwrap(), before);

    // Undoing the second add takes the new film away with its item.
    catalog.revert(&written.undo).unwrap();
    assert!(catalog.film(listed.film_id).unwrap().is_none());
    assert_eq!(catalog.films_titled("rain", None).unwrap().len(), 1);
}
