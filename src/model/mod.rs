//! Plain domain types (films, people, credits, reviews, diary, watchlist, tags, lists, an import's
//! batch, the rows lists and exports show, the folded keys titles are matched by) and their
//! validation; no I/O.

mod diary;
mod film;
mod import_batch;
mod list;
mod poster;
mod query;
mod rating;
mod review;
mod rows;
pub mod text_keys;

pub use diary::{DiaryEntry, DiaryEntryId, Tag, WatchlistItem, WatchlistItemId};
pub use film::{Credit, Film, FilmId, PersonId, Role, YEAR_RANGE};
pub use import_batch::{
    rating_review, ExternalId, FilmMark, ImportBatch, IncomingEntry, IncomingFilm, IncomingList,
    IncomingListNote, IncomingPoster, IncomingReview, IncomingWatch, LIST_MARK,
};
pub use list::{List, ListEntry, ListId, ListProgress};
pub use poster::{Poster, PosterSize, GRID_THUMB_BOX, LIST_THUMB_BOX, POSTER_MIME_TYPES};
pub use query::{Bounds, Filter, Query, QueryError, Term};
pub use rating::{LetterScale, Rating};
pub use review::{Review, ReviewId, ReviewKind};
pub use rows::{DiaryRow, FilmIds, FilmSummary, ListEntryRow, OwnReview, WatchlistRow};

/// Why a value cannot be stored; each message is a sentence a person can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ValidationError {
    /// The title is empty or only spaces.
    #[error("A film needs a title.")]
    EmptyTitle,
    /// The year lies outside [`YEAR_RANGE`].
    #[error("The year {0} is not a film year; use one between 1870 and 2100.")]
    YearOutOfRange(i32),
    /// The runtime is zero.
    #[error("The runtime must be more than 0 minutes.")]
    ZeroRuntime,
    /// A rating lies outside its own scale.
    #[error("The rating {rating} lies outside its scale.")]
    RatingOutOfScale {
        /// The rating as written.
        rating: String,
    },
    /// A credit names nobody.
    #[error("Every cast and crew row needs a person's name.")]
    EmptyPersonName,
    /// A diary rating is not a whole number of half stars from ½ to 5.
    #[error("A diary rating is from 0.5 to 5 stars, in half stars.")]
    DiaryRatingOutOfRange,
    /// A watchlist priority outside 1–5.
    #[error("A watchlist priority is from 1 to 5.")]
    PriorityOutOfRange,
    /// A tag with no letters.
    #[error("A tag cannot be empty.")]
    EmptyTag,
    /// A title, name, tag, mark or id holds the NUL character (SQLite would read it as ending
    /// there).
    #[error("A title, name or tag holds the NUL character, which usually means the file it came from is damaged.")]
    NulCharacter,
    /// A list's name is empty or only spaces.
    #[error("A list needs a name.")]
    EmptyListName,
    /// A saved view's name is empty or only spaces.
    #[error("A saved view needs a name.")]
    EmptyViewName,
    /// A poster with no image, or of a media type Cinedex does not keep.
    #[error("A poster needs a PNG, JPEG or WebP image with its thumbnails.")]
    BadPoster,
}

/// Refuses any of `texts` that holds the NUL character.
pub fn refuse_nul<'a>(texts: impl IntoIterator<Item = &'a str>) -> Result<(), ValidationError> {
    if texts.into_iter().any(|text| text.contains('\0')) {
        return Err(ValidationError::NulCharacter);
    }
    Ok(())
}
