//! The diary (films watched), the watchlist (films to see) and tags.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{FilmId, ValidationError};

/// The row id of a diary entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DiaryEntryId(pub i64);

/// The row id of a watchlist item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WatchlistItemId(pub i64);

/// A label a person gives to diary entries, e.g. `cinema` or `with Mia`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tag(String);

impl Tag {
    /// A tag from text, trimmed; empty text is refused.
    pub fn new(text: &str) -> Result<Self, ValidationError> {
        let text = text.trim();
        if text.is_empty() {
            Err(ValidationError::EmptyTag)
        } else {
            Ok(Self(text.to_owned()))
        }
    }

    /// The tag's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One viewing of a film.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiaryEntry {
    /// `None` until stored.
    pub id: Option<DiaryEntryId>,
    /// The film watched.
    pub film_id: FilmId,
    /// The day it was watched.
    pub watched_on: NaiveDate,
    /// The rating in half stars, 1 (½★) to 10 (★★★★★).
    pub rating_half_stars: Option<u8>,
    /// Seen before.
    pub rewatch: bool,
    /// Marked with a heart.
    pub liked: bool,
    /// The person's own words about this viewing.
    pub review: String,
    /// Labels for this viewing.
    pub tags: Vec<Tag>,
}

impl DiaryEntry {
    /// Checks the rating is ½ to 5 stars.
    pub fn validate(&self) -> Result<(), ValidationError> {
        match self.rating_half_stars {
            Some(1..=10) | None => Ok(()),
            Some(_) => Err(ValidationError::DiaryRatingOutOfRange),
        }
    }
}

/// A film the person wants to see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WatchlistItem {
    /// `None` until stored.
    pub id: Option<WatchlistItemId>,
    /// The film.
    pub film_id: FilmId,
    /// When it was put on the list.
    pub added_on: NaiveDate,
    /// 1 (someday) to 5 (next).
    pub priority: u8,
    /// Why, or who recommended it.
    pub note: String,
    /// Place in the person's ordering, 0 first.
    pub position: u32,
}

impl WatchlistItem {
    /// Checks the priority is 1–5.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if (1..=5).contains(&self.priority) {
            Ok(())
        } else {
            Err(ValidationError::PriorityOutOfRange)
        }
    }
}
