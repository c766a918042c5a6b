//! The flat records the JSON and CSV exports write: one per diary entry or watchlist item, with
//! the film's facts beside the entry's own fields. Field names are stable (see `docs/exports.md`):
//! new fields may be added, none renamed or removed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{DiaryRow, WatchlistRow};

/// One diary entry as exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiaryRecord {
    /// The entry's id in the catalog.
    pub id: Option<i64>,
    /// The film's id in the catalog.
    pub film_id: i64,
    /// The film's title.
    pub title: String,
    /// The film's year.
    pub year: Option<i32>,
    /// The film's directors, in credit order.
    pub directors: Vec<String>,
    /// The film's length in minutes.
    pub runtime_min: Option<u32>,
    /// The day it was watched, `YYYY-MM-DD`.
    pub watched_on: NaiveDate,
    /// Stars, 0.5 to 5 in half steps.
    pub rating: Option<f64>,
    /// The same rating in half stars, 1 to 10.
    pub rating_half_stars: Option<u8>,
    /// Seen before.
    pub rewatch: bool,
    /// Marked with a heart.
    pub liked: bool,
    /// The person's own words.
    pub review: String,
    /// The entry's tags, alphabetical.
    pub tags: Vec<String>,
}

/// One watchlist item as exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WatchlistRecord {
    /// The item's id in the catalog.
    pub id: Option<i64>,
    /// Its place in the person's order, 0 first.
    pub position: u32,
    /// The film's id in the catalog.
    pub film_id: i64,
    /// The film's title.
    pub title: String,
    /// The film's year.
    pub year: Option<i32>,
    /// The film's directors, in credit order.
    pub directors: Vec<String>,
    /// The film's length in minutes.
    pub runtime_min: Option<u32>,
    /// 1 (someday) to 5 (next).
    pub priority: u8,
    /// When it was put on the list, `YYYY-MM-DD`.
    pub added_on: NaiveDate,
    /// Why, or who recommended it.
    pub note: String,
}

impl From<&DiaryRow> for DiaryRecord {
    fn from(row: &DiaryRow) -> Self {
        let entry = &row.entry;
        Self {
            id: entry.id.map(|id| id.0),
            film_id: row.film.id.0,
            title: row.film.title.clone(),
            year: row.film.year,
            directors: row.film.directors.clone(),
            runtime_min: row.film.runtime_min,
            watched_on: entry.watched_on,
            rating: entry.rating_half_stars.map(|half| f64::from(half) / 2.0),
            rating_half_stars: entry.rating_half_stars,
            rewatch: entry.rewatch,
            liked: entry.liked,
            review: entry.review.clone(),
            tags: entry.tags.iter().map(|t| t.as_str().to_owned()).collect(),
        }
    }
}

impl From<&WatchlistRow> for WatchlistRecord {
    fn from(row: &WatchlistRow) -> Self {
        let item = &row.item;
        Self {
            id: item.id.map(|id| id.0),
            position: item.position,
            film_id: row.film.id.0,
            title: row.film.title.clone(),
            year: row.film.year,
            directors: row.film.directors.clone(),
            runtime_min: row.film.runtime_min,
            priority: item.priority,
            added_on: item.added_on,
            note: item.note.clone(),
        }
    }
}

/// A rating in half stars as Letterboxd writes it: 7 is `3.5`, 8 is `4`.
pub fn rating_text(half_stars: u8) -> String {
    if half_stars.is_multiple_of(2) {
        (half_stars / 2).to_string()
    } else {
        format!("{}.5", half_stars / 2)
    }
}

/// An optional number as a CSV cell: empty when unknown.
pub(super) fn cell<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_stars_keep_their_half() {
        assert_eq!(rating_text(1), "0.5");
        assert_eq!(rating_text(7), "3.5");
        assert_eq!(rating_text(8), "4");
        assert_eq!(rating_text(10), "5");
    }
}
