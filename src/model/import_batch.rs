//! What an import brings, before it meets the catalog: films (each once, with their ids at other
//! services and their marks) and the viewings, reviews, watchlist places, list details and posters
//! that name a film by its index in the batch. The readers of other services' exports and of
//! backups produce it; the repository stores it (and reads the whole catalog back as one, the
//! backup's content).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Film, Poster, Rating, Review, ReviewKind};

/// An id another service gives a film or a viewing, e.g. `imdb` / `tt0047396`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ExternalId {
    /// The service: `letterboxd`, `imdb`.
    pub source: String,
    /// The id as that service writes it (a URI for Letterboxd).
    pub value: String,
}

impl ExternalId {
    /// An id from `source`.
    pub fn new(source: &str, value: &str) -> Self {
        Self {
            source: source.to_owned(),
            value: value.trim().to_owned(),
        }
    }
}

/// A mark on a film as a whole: `watched`, `liked`, or `list:<name>` with the film's place.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FilmMark {
    /// `watched`, `liked` or `list:<name>`.
    pub mark: String,
    /// The film's place in a list, 1 first.
    #[serde(default)]
    pub position: Option<u32>,
}

/// A film to store or match, with what identifies it elsewhere.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IncomingFilm {
    /// The film; its `id` is ignored.
    #[serde(flatten)]
    pub film: Film,
    /// Its ids at other services.
    #[serde(default)]
    pub external_ids: Vec<ExternalId>,
    /// Its marks.
    #[serde(default)]
    pub marks: Vec<FilmMark>,
}

/// A viewing of the film at index `film` of the batch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncomingEntry {
    /// Index into [`ImportBatch::films`].
    pub film: usize,
    /// The day it was watched.
    pub watched_on: NaiveDate,
    /// Half stars, 1–10.
    #[serde(default)]
    pub rating_half_stars: Option<u8>,
    /// Seen before.
    #[serde(default)]
    pub rewatch: bool,
    /// Marked with a heart.
    #[serde(default)]
    pub liked: bool,
    /// The person's own words.
    #[serde(default)]
    pub review: String,
    /// Labels, as typed.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Its ids at other services.
    #[serde(default)]
    pub external_ids: Vec<ExternalId>,
}

/// A review (or a bare rating, as a review of kind own with no text) of the film at `film`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IncomingReview {
    /// Index into [`ImportBatch::films`].
    pub film: usize,
    /// The review; its `id` and `film_id` are ignored.
    #[serde(flatten)]
    pub review: Review,
}

/// A watchlist item for the film at `film`; items keep the batch's order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncomingWatch {
    /// Index into [`ImportBatch::films`].
    pub film: usize,
    /// When it was put on the list.
    pub added_on: NaiveDate,
    /// 1 (someday) to 5 (next).
    pub priority: u8,
    /// Why, or who recommended it.
    #[serde(default)]
    pub note: String,
}

/// The poster of the film at `film`. In a merge it is stored only for a film that has none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncomingPoster {
    /// Index into [`ImportBatch::films`].
    pub film: usize,
    /// The poster with its thumbnails.
    #[serde(flatten)]
    pub poster: Poster,
}

/// Everything one import stores; items name their film by its index in `films`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportBatch {
    /// People credited on no film (films carry their own credits).
    #[serde(default)]
    pub people: Vec<String>,
    /// The films, each once.
    #[serde(default)]
    pub films: Vec<IncomingFilm>,
    /// Reviews and ratings.
    #[serde(default)]
    pub reviews: Vec<IncomingReview>,
    /// Viewings.
    #[serde(default)]
    pub diary: Vec<IncomingEntry>,
    /// The watchlist, in order.
    #[serde(default)]
    pub watchlist: Vec<IncomingWatch>,
    /// The lists' own details (description, ranked, notes); their films carry `list:` marks.
    #[serde(default)]
    pub lists: Vec<IncomingList>,
    /// Posters (a backup written without them has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posters: Vec<IncomingPoster>,
}

/// The prefix of a mark that puts a film on a list: `list:<name>`.
pub const LIST_MARK: &str = "list:";

/// A list's own details in a batch; the films on it carry `list:<name>` marks with their place.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingList {
    /// The list's name, as in the marks.
    pub name: String,
    /// What it is about.
    #[serde(default)]
    pub description: String,
    /// Whether its order is a ranking.
    #[serde(default)]
    pub ranked: bool,
    /// Notes on its films.
    #[serde(default)]
    pub notes: Vec<IncomingListNote>,
}

/// A note on the film at index `film` of the batch, on a list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingListNote {
    /// Index into [`ImportBatch::films`].
    pub film: usize,
    /// The note.
    pub note: String,
}

/// A review of kind own with no text: how a bare rating from another service is kept (the day it
/// was rated is not a viewing, so it makes no diary entry).
pub fn rating_review(rating: Rating, rated_on: Option<NaiveDate>, url: Option<String>) -> Review {
    Review {
        kind: ReviewKind::Own,
        rating: Some(rating),
        published_on: rated_on,
        source_url: url,
        ..Review::default()
    }
}
