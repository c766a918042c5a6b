//! Find duplicates against its rule: the same external id however it is spelt, or the same folded
//! title with years at most one apart (a film without a year fits any) and a director in common
//! or none named on one of them. A table of films with every pair and reason written out by
//! hand, and 90 films sharing the title "Solaris" checked against a plain reading of the rule
//! over all pairs.

use std::collections::BTreeSet;

use cinedex::db::{Catalog, ImportMode};
use cinedex::model::{Credit, Film, FilmId, Role};
use cinedex::model::{ExternalId, ImportBatch, IncomingFilm};

use crate::support::temp_db;

fn film(title: &str, year: Option<i32>, directors: &[&str]) -> Film {
    let mut film = Film::titled(title);
    film.year = year;
    film.credits = directors
        .iter()
        .map(|name| Credit::new(*name, Role::Director))
        .collect();
    film
}

/// Stores `film` with `ids` (`(source, value)`) as an import does, and returns its id.
fn import_with_ids(catalog: &mut Catalog, film: Film, ids: &[(&str, &str)]) -> FilmId {
    let title = film.title.clone();
    let batch = ImportBatch {
        films: vec![IncomingFilm {
            film,
            external_ids: ids.iter().map(|(s, v)| ExternalId::new(s, v)).collect(),
            ..IncomingFilm::default()
        }],
        ..ImportBatch::default()
    };
    let summary = catalog
        .import_batch(&batch, ImportMode::Merge, |_| true)
        .unwrap();
    assert_eq!(summary.films_added, 1, "{title} is a film of its own");
    catalog
        .film_with_external_id(&ExternalId::new(ids[0].0, ids[0].1))
        .unwrap()
        .expect("the film holds its id")
}

/// The pairs found, as the names of their films (in the order `ids` gives) and the reason.
fn found(catalog: &Catalog, ids: &[(FilmId, &'static str)]) -> Vec<(String, String, String)> {
    let name = |id: FilmId| {
        let (_, name) = ids.iter().find(|(i, _)| *i == id).unwrap();
        (*name).to_owned()
    };
    catalog
        .duplicates()
        .unwrap()
        .into_iter()
        .map(|pair| (name(pair.keep.id), name(pair.other.id), pair.reason))
        .collect()
}

#[test]
fn every_pair_of_a_table_of_films_is_found_with_the_reason_written_here() {
    let (_dir, path) = temp_db();
    let mut catalog = Catalog::open(&path).unwrap();
    let hitchcock: &[&str] = &["Alfred Hitchcock"];
    let tarkovsky: &[&str] = &["Andrei Tarkovsky"];
    let table: Vec<(&'static str, Film)> = vec![
        ("rw54", film("Rear Window", Some(1954), hitchcock)),
        ("rw55", film("Rear window!", Some(1955), hitchcock)),
        // Within one year of 1955 but not of 1954: pairs are not chained.
        ("rw56", film("Rear Window", Some(1956), hitchcock)),
        ("rw98", film("Rear Window", Some(1998), &["Jeff Bleckner"])),
        // The year of rw54 and within one of rw55, but another director.
        (
            "rw54-other",
            film("Rear Window", Some(1954), &["Someone Else"]),
        ),
        (
            "hamlet48",
            film("Hamlet", Some(1948), &["Laurence Olivier"]),
        ),
        ("hamlet96", film("Hamlet", Some(1996), &["Kenneth Branagh"])),
        // Without a year: any year fits; the directors still decide.
        ("hamlet-kb", film("Hamlet", None, &["Kenneth Branagh"])),
        ("hamlet", film("Hamlet", None, &[])),
        ("hamlet-ma", film("Hamlet", None, &["Michael Almereyda"])),
        ("stalker-a", film("Stalker", Some(1979), &[])),
        ("stalker-b", film("Stalker", Some(1979), &[])),
        ("stalker81", film("Stalker", Some(1981), &[])),
        ("solyaris", {
            let mut film = film("Solyaris", Some(1972), tarkovsky);
            film.alternative_titles = vec!["Solaris".into()];
            film
        }),
        ("solaris", film("Solaris", Some(1972), tarkovsky)),
        (
            "fargo96",
            film("Fargo", Some(1996), &["Joel Coen", "Ethan Coen"]),
        ),
        (
            "fargo97",
            film("Fargo", Some(1997), &["Ethan Coen", "Joel Coen"]),
        ),
    ];
    let mut ids: Vec<(FilmId, &'static str)> = table
        .into_iter()
        .map(|(name, film)| (catalog.create_film(&film).unwrap().value, name))
        .collect();
    let mirror_ids = [
        ("imdb", "tt0072443"),
        ("letterboxd", "https://letterboxd.com/film/mirror/"),
    ];
    let mirror = film("Mirror", Some(1975), tarkovsky);
    ids.push((
        import_with_ids(&mut catalog, mirror.clone(), &mirror_ids),
        "mirror",
    ));
    // Another title and year, the same IMDb id in capitals.
    let zerkalo = film("Zerkalo", Some(1974), &[]);
    let zerkalo = import_with_ids(&mut catalog, zerkalo, &[("imdb", "TT0072443")]);
    ids.push((zerkalo, "zerkalo"));
    // The same film page with a member's name in front: the id decides, not the title.
    let again = [("letterboxd", "http://www.letterboxd.com/mia/film/mirror")];
    ids.push((
        import_with_ids(&mut catalog, mirror, &again),
        "mirror-again",
    ));

    let expected = [
        (
            "rw54",
            "rw55",
            "Both are titled \"Rear Window\", from 1954 and 1955, directed by Alfred Hitchcock.",
        ),
        (
            "rw55",
            "rw56",
            "Both are titled \"Rear window!\", from 1955 and 1956, directed by Alfred Hitchcock.",
        ),
        (
            "hamlet48",
            "hamlet",
            "Both are titled \"Hamlet\", one from 1948 and one without a year, and one names no director.",
        ),
        (
            "hamlet96",
            "hamlet-kb",
            "Both are titled \"Hamlet\", one from 1996 and one without a year, directed by Kenneth Branagh.",
        ),
        (
            "hamlet96",
            "hamlet",
            "Both are titled \"Hamlet\", one from 1996 and one without a year, and one names no director.",
        ),
        (
            "hamlet-kb",
            "hamlet",
            "Both are titled \"Hamlet\", neither with a year, and one names no director.",
        ),
        (
            "hamlet",
            "hamlet-ma",
            "Both are titled \"Hamlet\", neither with a year, and one names no director.",
        ),
        (
            "stalker-a",
            "stalker-b",
            "Both are titled \"Stalker\", from 1979, and neither names a director.",
        ),
        (
            "solyaris",
            "solaris",
            "\"Solyaris\" and \"Solaris\" share the title \"solaris\", from 1972, directed by Andrei Tarkovsky.",
        ),
        (
            "fargo96",
            "fargo97",
            "Both are titled \"Fargo\", from 1996 and 1997, directed by Ethan Coen.",
        ),
        ("mirror", "zerkalo", "Both have the imdb id tt0072443."),
        (
            "mirror",
            "mirror-again",
            "Both have the letterboxd id letterboxd.com/film/mirror.",
        ),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, why)| ((*a).to_owned(), (*b).to_owned(), (*why).to_owned()))
        .collect();
    assert_eq!(found(&catalog, &ids), expected);
}

/// A fixed sequence of numbers (SplitMix64), so every run stores the same films.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

/// Lower-case letters and digits with single spaces: the folding of these ASCII titles.
fn folded(title: &str) -> String {
    title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The rule read plainly over every pair: the pair of films `a` and `b` (in that order) and why
/// they look like one film, or `None`.
fn all_pairs_reason(a: &Film, b: &Film) -> Option<String> {
    let keys = |f: &Film| -> BTreeSet<String> {
        std::iter::once(&f.title)
            .chain(&f.alternative_titles)
            .map(|t| folded(t))
            .collect()
    };
    let key = keys(a).intersection(&keys(b)).next()?.clone();
    let year = match (a.year, b.year) {
        (Some(x), Some(y)) if (x - y).abs() > 1 => return None,
        (Some(x), Some(y)) if x == y => format!("from {x}"),
        (Some(x), Some(y)) => format!("from {x} and {y}"),
        (Some(x), None) | (None, Some(x)) => format!("one from {x} and one without a year"),
        (None, None) => "neither with a year".to_owned(),
    };
    let directors = |f: &Film| -> BTreeSet<String> {
        f.credits
            .iter()
            .filter(|c| c.role == Role::Director)
            .map(|c| c.name.clone())
            .collect()
    };
    let (of_a, of_b) = (directors(a), directors(b));
    let shared = of_a.intersection(&of_b).next();
    let whom = match (shared, of_a.is_empty(), of_b.is_empty()) {
        (Some(name), _, _) => format!("directed by {name}"),
        (None, true, true) => "and neither names a director".to_owned(),
        (None, false, false) => return None,
        (None, _, _) => "and one names no director".to_owned(),
    };
    let title = if folded(&a.title) == key && folded(&b.title) == key {
        format!("Both are titled \"{}\"", a.title)
    } else {
        format!(
            "\"{}\" and \"{}\" share the title \"{key}\"",
            a.title, b.title
        )
    };
    Some(format!("{title}, {year}, {whom}."))
}

#[test]
fn ninety_films_titled_solaris_pair_as_a_reading_of_every_pair_says() {
    for seed in [7, 1972] {
        let (_dir, path) = temp_db();
        let mut catalog = Catalog::open(&path).unwrap();
        let mut dice = Dice(seed);
        let titles = ["Solaris", "SOLARIS", "Solaris!", "Solyaris"];
        let directors: [&[&str]; 5] = [
            &[],
            &["Andrei Tarkovsky"],
            &["Steven Soderbergh"],
            &["Andrei Tarkovsky", "Steven Soderbergh"],
            &["Steven Soderbergh", "Andrei Tarkovsky"],
        ];
        let mut films = Vec::new();
        for _ in 0..90 {
            let title = titles[dice.below(4) as usize];
            // Seven years with about thirteen films each, so a film has many neighbours within
            // one year, and some films without a year.
            let year = match dice.below(8) {
                0 => None,
                n => Some(1969 + n as i32),
            };
            let mut film = film(title, year, directors[dice.below(5) as usize]);
            if title == "Solyaris" && dice.below(2) == 0 {
                film.alternative_titles = vec!["Solaris".into()];
            }
            let id = catalog.create_film(&film).unwrap().value;
            films.push((id, film));
        }
        let mut expected = Vec::new();
        for (i, (a_id, a)) in films.iter().enumerate() {
            for (b_id, b) in &films[i + 1..] {
                if let Some(reason) = all_pairs_reason(a, b) {
                    expected.push((*a_id, *b_id, reason));
                }
            }
        }
        let found: Vec<(FilmId, FilmId, String)> = catalog
            .duplicates()
            .unwrap()
            .into_iter()
            .map(|pair| (pair.keep.id, pair.other.id, pair.reason))
            .collect();
        let without_year = expected
            .iter()
            .filter(|(_, _, why)| why.contains("without a year") || why.contains("neither with"))
            .count();
        assert!(
            expected.len() > 500 && without_year > 50,
            "the films make many pairs, some without a year: {} and {without_year}",
            expected.len()
        );
        for (want, got) in expected.iter().zip(&found) {
            assert_eq!(want, got, "seed {seed}: the first pair that differs");
        }
        assert_eq!(found.len(), expected.len(), "seed {seed}: as many pairs");
    }
}
