//! What an import stores: films (each once, with their external ids and marks) and the viewings,
//! reviews and watchlist places that name a film by its index in the batch; the checks a batch
//! passes before anything is written; and what storing it did. The same shape is a backup's
//! content (see `interop::backup`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DbError;
use crate::model::{Film, FilmId, Poster, Review, ValidationError};

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

/// The service Letterboxd ids are stored under.
pub(super) const LETTERBOXD_SOURCE: &str = "letterboxd";

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
    pub lists: Vec<super::IncomingList>,
    /// Posters (a backup written without them has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posters: Vec<IncomingPoster>,
}

/// How a batch meets what is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Match films to stored ones, fill their blanks, and skip what is already stored.
    Merge,
    /// Empty the catalog, then store everything as given.
    Replace,
}

/// What storing a batch did (or, for a preview, would do).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Films added to the catalog.
    pub films_added: usize,
    /// Films found in the catalog.
    pub films_matched: usize,
    /// Films the batch names twice (the second time finds the film it just added).
    pub films_repeated: usize,
    /// Found films whose blank fields (or ids they lacked) were filled in.
    pub films_filled: usize,
    /// Viewings added.
    pub diary_added: usize,
    /// Viewings already stored, and left as they were.
    pub diary_skipped: usize,
    /// Viewings already stored that gained their review text or an id.
    pub diary_updated: usize,
    /// Reviews and ratings added.
    pub reviews_added: usize,
    /// Reviews and ratings already stored.
    pub reviews_skipped: usize,
    /// Films put on the watchlist.
    pub watchlist_added: usize,
    /// Films already on the watchlist.
    pub watchlist_skipped: usize,
    /// Marks (watched, liked, list places) added.
    pub marks_added: usize,
    /// Marks already stored.
    pub marks_skipped: usize,
    /// Of the reviews and ratings added, those that are a bare rating (no text).
    pub ratings_added: usize,
    /// Of the reviews and ratings already stored, the bare ratings.
    pub ratings_skipped: usize,
    /// Of the marks added, the list places (`list:…`).
    pub list_entries_added: usize,
    /// Of the marks already stored, the list places.
    pub list_entries_skipped: usize,
    /// Posters added.
    pub posters_added: usize,
    /// Posters not stored because the film had one.
    pub posters_skipped: usize,
}

impl ImportSummary {
    /// Everything left as it was because it was already stored.
    pub fn duplicates(&self) -> usize {
        self.diary_skipped
            + self.reviews_skipped
            + self.watchlist_skipped
            + self.marks_skipped
            + self.posters_skipped
    }

    /// True when the batch changes nothing.
    pub fn is_unchanged(&self) -> bool {
        self.films_added
            + self.films_filled
            + self.diary_updated
            + self.diary_added
            + self.reviews_added
            + self.watchlist_added
            + self.marks_added
            + self.posters_added
            == 0
    }
}

impl ImportSummary {
    /// Only the figures that are not zero, in words: "400 new films, 12 diary entries and 3
    /// skipped as duplicates"; "nothing" when every figure is zero.
    pub fn brief(&self) -> String {
        let parts: Vec<String> = [
            (self.films_added, "new film", "new films"),
            (
                self.films_matched,
                "film already in the catalog",
                "films already in the catalog",
            ),
            (self.films_filled, "film filled in", "films filled in"),
            (self.diary_added, "diary entry", "diary entries"),
            (
                self.diary_updated,
                "diary entry completed",
                "diary entries completed",
            ),
            (
                self.reviews_added,
                "review or rating",
                "reviews and ratings",
            ),
            (self.watchlist_added, "watchlist item", "watchlist items"),
            (self.marks_added, "mark", "marks"),
            (self.posters_added, "poster", "posters"),
            (
                self.duplicates(),
                "item already stored",
                "items already stored",
            ),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
        match parts.as_slice() {
            [] => "nothing".to_owned(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

impl std::fmt::Display for ImportSummary {
    /// Per kind (films, viewings, reviews, ratings, watchlist, marks, list entries): added,
    /// updated and unchanged, e.g. `films: 3 added, 1 updated, 2 unchanged; viewings: …`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let films_unchanged = self.films_matched - self.films_filled.min(self.films_matched);
        write!(
            f,
            "films: {} added, {} updated, {} unchanged",
            self.films_added, self.films_filled, films_unchanged
        )?;
        if self.films_repeated > 0 {
            write!(f, ", {} named twice", self.films_repeated)?;
        }
        write!(
            f,
            "; viewings: {} added, {} updated, {} unchanged; reviews: {} added, {} unchanged; \
             ratings: {} added, {} unchanged; watchlist: {} added, {} unchanged; watched and \
             liked marks: {} added, {} unchanged; list entries: {} added, {} unchanged",
            self.diary_added,
            self.diary_updated,
            self.diary_skipped,
            self.reviews_added - self.ratings_added,
            self.reviews_skipped - self.ratings_skipped,
            self.ratings_added,
            self.ratings_skipped,
            self.watchlist_added,
            self.watchlist_skipped,
            self.marks_added - self.list_entries_added,
            self.marks_skipped - self.list_entries_skipped,
            self.list_entries_added,
            self.list_entries_skipped
        )?;
        if self.posters_added + self.posters_skipped > 0 {
            write!(
                f,
                "; posters: {} added, {} unchanged",
                self.posters_added, self.posters_skipped
            )?;
        }
        Ok(())
    }
}

/// `n` with the noun in the form `n` needs: "1 diary entry", "2 diary entries".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Checks every value before anything is written, so a bad value names itself, not a constraint.
pub(super) fn validate(batch: &ImportBatch) -> super::Result<()> {
    for incoming in &batch.films {
        incoming.film.validate()?;
    }
    crate::model::refuse_nul(
        batch
            .people
            .iter()
            .map(String::as_str)
            .chain(batch.films.iter().flat_map(|f| {
                f.marks
                    .iter()
                    .map(|m| m.mark.as_str())
                    .chain(id_texts(&f.external_ids))
            }))
            .chain(batch.diary.iter().flat_map(|e| {
                e.tags
                    .iter()
                    .map(String::as_str)
                    .chain(id_texts(&e.external_ids))
            })),
    )?;
    let film_count = batch.films.len();
    let dangling = batch
        .diary
        .iter()
        .map(|e| e.film)
        .chain(batch.reviews.iter().map(|r| r.film))
        .chain(batch.watchlist.iter().map(|w| w.film))
        .chain(batch.posters.iter().map(|p| p.film))
        .find(|i| *i >= film_count);
    if let Some(index) = dangling {
        return Err(DbError::FilmNotFound(FilmId(
            i64::try_from(index).unwrap_or(i64::MAX),
        )));
    }
    for entry in &batch.diary {
        if !matches!(entry.rating_half_stars, None | Some(1..=10)) {
            return Err(ValidationError::DiaryRatingOutOfRange.into());
        }
    }
    for review in &batch.reviews {
        review.review.validate()?;
    }
    for poster in &batch.posters {
        poster.poster.validate()?;
    }
    if batch
        .watchlist
        .iter()
        .any(|w| !(1..=5).contains(&w.priority))
    {
        return Err(ValidationError::PriorityOutOfRange.into());
    }
    Ok(())
}

/// The source and value of each of `ids`.
fn id_texts(ids: &[ExternalId]) -> impl Iterator<Item = &str> {
    ids.iter()
        .flat_map(|id| [id.source.as_str(), id.value.as_str()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brief_summary_names_only_what_is_not_zero() {
        let mut summary = ImportSummary::default();
        assert_eq!(summary.brief(), "nothing");
        summary.films_added = 1;
        assert_eq!(summary.brief(), "1 new film");
        summary.diary_added = 400;
        summary.reviews_skipped = 2;
        assert_eq!(
            summary.brief(),
            "1 new film, 400 diary entries and 2 items already stored"
        );
    }
}
