//! What an import stores: films (each once, with their external ids and marks) and the viewings,
//! reviews and watchlist places that name a film by its index in the batch; and what storing it
//! did. The same shape is a backup's content (see `interop::backup`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Film, Poster, Review};

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
    /// Found films whose blank fields were filled in.
    pub films_filled: usize,
    /// Viewings added.
    pub diary_added: usize,
    /// Viewings already stored.
    pub diary_skipped: usize,
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
    /// Posters added.
    pub posters_added: usize,
    /// Posters not stored because the film had one.
    pub posters_skipped: usize,
}

impl ImportSummary {
    /// Everything skipped because it was already stored.
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
                self.reviews_added,
                "review or rating",
                "reviews and ratings",
            ),
            (self.watchlist_added, "watchlist item", "watchlist items"),
            (self.marks_added, "mark", "marks"),
            (self.posters_added, "poster", "posters"),
            (self.duplicates(), "duplicate skipped", "duplicates skipped"),
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
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({} already in the catalog, {} of them filled in), {}, {}, {}, {}; {} skipped as \
             duplicates",
            count(self.films_added, "new film", "new films"),
            self.films_matched,
            self.films_filled,
            count(self.diary_added, "diary entry", "diary entries"),
            count(
                self.reviews_added,
                "review or rating",
                "reviews and ratings"
            ),
            count(self.watchlist_added, "watchlist item", "watchlist items"),
            count(self.marks_added, "mark", "marks"),
            self.duplicates()
        )?;
        if self.posters_added > 0 {
            write!(f, "; {}", count(self.posters_added, "poster", "posters"))?;
        }
        Ok(())
    }
}

/// `n` with the noun in the form `n` needs: "1 diary entry", "2 diary entries".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
            "1 new film, 400 diary entries and 2 duplicates skipped"
        );
    }
}
