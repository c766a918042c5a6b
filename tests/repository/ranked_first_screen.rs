//! A ranked search with filters gives its first screen from the words' ranked order kept between
//! keystrokes (`db/ranked_words.rs`); it must be the start of the whole listing, which SQL ranks
//! afresh (the first 60 rows of the full query), for every filter, in both directions, and after
//! the catalog changes.

use cinedex::db::{Catalog, FilmQuery, FirstIds};
use cinedex::model::Film;

/// The first screen of `search` (by relevance) and its whole listing, checked to agree; true
/// when the first screen was only the start of the listing.
fn first_screen_agrees(catalog: &Catalog, search: &str, descending: bool) -> bool {
    let query = FilmQuery {
        search: search.into(),
        descending,
        ..FilmQuery::default()
    };
    let whole = catalog.film_ids(&query).unwrap();
    match catalog.first_film_ids(&query).unwrap() {
        FirstIds::All(ids) => {
            assert_eq!(ids, whole, "{query:?}");
            false
        }
        FirstIds::First(first) => {
            assert_eq!(first.len(), 60, "{query:?}");
            assert!(whole.len() > 60, "{query:?}: {} in all", whole.len());
            assert_eq!(first, whole[..60], "{query:?}");
            true
        }
    }
}

#[test]
fn a_ranked_searchs_first_screen_with_filters_is_the_start_of_its_whole_listing() {
    // At 7,000 films each of these words matches up to about 900 films, all ranked, many equal
    // in score (their ties are broken by title).
    let (_dir, path, mut catalog) = crate::demo_catalog(7_000);
    let filters = [
        "genre:drama",
        "-genre:drama",
        "decade:1990s",
        "country:japan",
        "language:french",
        "director:varda",
        "cast:cotillard",
        "runtime:<100",
        "rating:>=4",
        "year:1990..2010",
        "unwatched",
        "watched",
        "has:review",
        "has:poster",
        "-has:poster",
        "tag:cinema",
        "unwatched decade:1970s runtime:<100",
        "-cast:cotillard rating:>=3",
    ];
    let (mut first_screens, mut whole_listings) = (0, 0);
    // Word first, then each filter: the keystrokes that keep the words' order.
    for words in [
        "garden",
        "schoen",
        "amelie",
        "varda",
        "\"marion cotillard\"",
    ] {
        for descending in [false, true] {
            for filter in filters {
                for search in [format!("{words} {filter}"), format!("{filter} {words}")] {
                    if first_screen_agrees(&catalog, &search, descending) {
                        first_screens += 1;
                    } else {
                        whole_listings += 1;
                    }
                }
            }
        }
    }
    assert!(first_screens > 150, "{first_screens} first screens");
    assert!(whole_listings > 100, "{whole_listings} whole listings");

    // The kept order is read again after this catalog's own change… (Each search is asked
    // twice: the second keystroke with the same words walks their ranked order.)
    let search = "garden unwatched";
    let first_screen = |catalog: &Catalog| {
        first_screen_agrees(catalog, search, false);
        assert!(
            first_screen_agrees(catalog, search, false),
            "a first screen"
        );
        match catalog
            .first_film_ids(&FilmQuery {
                search: search.into(),
                ..FilmQuery::default()
            })
            .unwrap()
        {
            FirstIds::First(ids) | FirstIds::All(ids) => ids,
        }
    };
    let before = first_screen(&catalog);
    let _deleted = catalog.delete_film(before[0]).unwrap();
    let after = first_screen(&catalog);
    assert!(!after.contains(&before[0]));
    assert_eq!(after[..59], before[1..60]);

    // …and after another connection's (another window's, the CLI's).
    let mut other = Catalog::open(&path).unwrap();
    let _added = other.create_film(&Film::titled("Garden Garden")).unwrap();
    let titles: Vec<String> = catalog
        .film_rows(&first_screen(&catalog))
        .unwrap()
        .into_iter()
        .map(|row| row.title)
        .collect();
    assert!(titles.contains(&"Garden Garden".to_owned()), "{titles:?}");
}
