//! The three "same film?" rules side by side on one catalog: a paste, a typed title and an import
//! each decide differently, as `db/same_film.rs` says.

use cinedex::db::{Catalog, ExternalId, ImportBatch, ImportMode, IncomingFilm};
use cinedex::model::{Credit, Film, Role};

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
    let id = catalog.create_film(&stored).unwrap();
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
