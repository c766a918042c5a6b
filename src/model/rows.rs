//! Stored things as lists and exports show them: a diary entry, a watchlist item or a list
//! place with a short summary of its film, a film's ids at the services exports name films by,
//! and a review of kind own with its film. The repository reads them; exports write them out.

use serde::Serialize;

use super::{DiaryEntry, FilmId, ListEntry, Review, WatchlistItem};

/// What a diary or watchlist row shows of its film.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FilmSummary {
    /// The film.
    pub id: FilmId,
    /// Its title.
    pub title: String,
    /// Its year.
    pub year: Option<i32>,
    /// Its directors, in credit order.
    pub directors: Vec<String>,
    /// Its length in minutes.
    pub runtime_min: Option<u32>,
}

/// A diary entry with what it shows of its film.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiaryRow {
    /// The entry, with its id and tags.
    pub entry: DiaryEntry,
    /// Its film.
    pub film: FilmSummary,
}

/// A watchlist item with what it shows of its film.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WatchlistRow {
    /// The item.
    pub item: WatchlistItem,
    /// Its film.
    pub film: FilmSummary,
}

/// A film's place on a list, with what it shows of the film.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListEntryRow {
    /// Its place and note.
    #[serde(flatten)]
    pub entry: ListEntry,
    /// The film.
    #[serde(rename = "film_summary")]
    pub summary: FilmSummary,
    /// Whether it has been seen (a viewing, or marked watched).
    pub seen: bool,
}

/// A film's ids at the services an export names films by: one of each where known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilmIds {
    /// Its Letterboxd film URI (`https://boxd.it/…` preferred to the older slug form).
    pub letterboxd: Option<String>,
    /// Its IMDb id, `tt…`.
    pub imdb: Option<String>,
    /// Its TMDb id.
    pub tmdb: Option<String>,
}

/// A review of kind own (a rating, a review, or both) with its film: what another service keeps
/// apart from viewings.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnReview {
    /// The review.
    pub review: Review,
    /// Its film.
    pub film: FilmSummary,
}
