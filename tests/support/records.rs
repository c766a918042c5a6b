//! The values tests store, written once: a day from its ISO text, a film with its director, a
//! viewing and a watchlist item. A test changes the fields it cares about with `..` from these.

use chrono::NaiveDate;
use cinedex::model::{Credit, DiaryEntry, Film, FilmId, Role, Tag, WatchlistItem};

/// The day written `YYYY-MM-DD`.
pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A film of `year` directed by `director`.
pub fn directed(title: &str, year: i32, director: &str) -> Film {
    let mut film = Film::titled(title);
    film.year = Some(year);
    film.credits = vec![Credit::new(director, Role::Director)];
    film
}

/// A film of `year` directed by `director`, `runtime_min` minutes long.
pub fn film(title: &str, year: i32, director: &str, runtime_min: u32) -> Film {
    Film {
        runtime_min: Some(runtime_min),
        ..directed(title, year, director)
    }
}

/// A first viewing on `watched_on`, not liked, with no review, of no film yet (`film_id` 0).
pub fn viewing(watched_on: &str, rating_half_stars: Option<u8>, tags: &[&str]) -> DiaryEntry {
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

/// A watchlist item added on `added_on`, of no film yet (`film_id` 0), at the top.
pub fn wish(priority: u8, added_on: &str, note: &str) -> WatchlistItem {
    WatchlistItem {
        id: None,
        film_id: FilmId(0),
        added_on: day(added_on),
        priority,
        note: note.into(),
        position: 0,
    }
}
