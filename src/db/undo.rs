//! Undo and redo: each change the window makes is kept as a [`Change`] holding what it replaced;
//! [`Catalog::revert`] undoes it in one transaction and returns the change that redoes it, so
//! redo is a revert of the revert. Rows come back under their old ids, with their relations.

use super::list_undo::{self, ListChange};
use super::merge::{self, MergedFilms};
use super::view_undo::{self, ViewChange};
use super::{
    diary, films, reviews, watchlist, Catalog, DbError, DeletedFilm, Result, WatchlistAdd,
};
use crate::model::WatchlistItemId;
use crate::model::{DiaryEntry, DiaryEntryId, Film, FilmId, Review, ReviewId, WatchlistItem};

/// A change to the catalog, as what it takes to undo it.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A film was edited; this is it as it was.
    FilmEdited(Box<Film>),
    /// A film was added.
    FilmAdded(FilmId),
    /// A film was deleted with everything that hung on it.
    FilmDeleted(Box<DeletedFilm>),
    /// A review was added.
    ReviewAdded(ReviewId),
    /// A review of this film was deleted.
    ReviewDeleted(FilmId, Box<Review>),
    /// A diary entry was edited; this is it as it was.
    DiaryEdited(Box<DiaryEntry>),
    /// A diary entry was added.
    DiaryAdded(DiaryEntryId),
    /// A diary entry was deleted.
    DiaryDeleted(Box<DiaryEntry>),
    /// A watchlist item was edited; this is it as it was.
    WatchlistEdited(Box<WatchlistItem>),
    /// A film was put on the watchlist.
    WatchlistAdded(WatchlistItemId),
    /// An item was taken off the watchlist.
    WatchlistRemoved(Box<WatchlistItem>),
    /// An item was moved; it was at `from`.
    WatchlistMoved {
        /// The item.
        id: WatchlistItemId,
        /// Its place before, 0 first.
        from: u32,
    },
    /// A change to the lists.
    List(ListChange),
    /// A change to the saved views.
    View(ViewChange),
    /// Two films were merged; these are both as they were.
    FilmsMerged(Box<MergedFilms>),
    /// A merge was undone; redoing it merges `other` into `keep` again.
    FilmsUnmerged {
        /// The film kept.
        keep: FilmId,
        /// The film merged into it.
        other: FilmId,
    },
    /// A film's poster was set, replaced or removed; `before` is the one it had.
    PosterReplaced {
        /// The film.
        film: FilmId,
        /// Its poster before the change, if it had one.
        before: Option<Box<crate::model::Poster>>,
    },
    /// A film's ids at other services were changed (a look-up added some); `before` is what
    /// it had.
    ExternalIds {
        /// The film.
        film: FilmId,
        /// Its ids before the change.
        before: Vec<crate::model::ExternalId>,
    },
    /// Several changes made as one (e.g. "Watched it": a viewing logged, an item taken off).
    Together(Vec<Change>),
}

impl Change {
    /// The change of a write that changed nothing: reverting it does nothing.
    pub fn nothing() -> Self {
        Self::Together(Vec::new())
    }

    /// Whether reverting it would change nothing.
    pub fn is_nothing(&self) -> bool {
        matches!(self, Self::Together(changes) if changes.iter().all(Self::is_nothing))
    }

    /// `first` and then `second` as one change (`first` may be nothing).
    pub fn then(first: Change, second: Change) -> Self {
        if first.is_nothing() {
            second
        } else {
            Self::Together(vec![first, second])
        }
    }

    /// The film this change added, alone or among others (a viewing logged for a title typed
    /// on the spot adds its film first).
    pub fn film_added(&self) -> Option<FilmId> {
        match self {
            Self::FilmAdded(id) => Some(*id),
            Self::Together(changes) => changes.iter().find_map(Self::film_added),
            _ => None,
        }
    }

    /// What undoing it does, for the Edit menu: "Undo edit film".
    pub fn description(&self) -> &'static str {
        match self {
            Self::FilmEdited(_) => "film edit",
            Self::FilmAdded(_) => "new film",
            Self::FilmDeleted(_) => "film deletion",
            Self::ReviewAdded(_) => "new review",
            Self::ReviewDeleted(..) => "review deletion",
            Self::DiaryEdited(_) => "diary edit",
            Self::DiaryAdded(_) => "new diary entry",
            Self::DiaryDeleted(_) => "diary deletion",
            Self::WatchlistEdited(_) => "watchlist edit",
            Self::WatchlistAdded(_) => "watchlist addition",
            Self::WatchlistRemoved(_) => "watchlist removal",
            Self::WatchlistMoved { .. } => "watchlist move",
            Self::List(change) => change.description(),
            Self::View(change) => change.description(),
            Self::FilmsMerged(_) => "merge",
            Self::FilmsUnmerged { .. } => "unmerge",
            Self::PosterReplaced { .. } => "poster change",
            Self::ExternalIds { .. } => "film look-up",
            Self::Together(changes) => changes.first().map_or("change", Self::description),
        }
    }
}

impl From<ListChange> for Change {
    fn from(change: ListChange) -> Self {
        Self::List(change)
    }
}

impl From<ViewChange> for Change {
    fn from(change: ViewChange) -> Self {
        Self::View(change)
    }
}

impl Catalog {
    /// Undoes `change` in one transaction; returns the change that redoes it. A row that is
    /// gone (or back) already because of some later edit is reported, and nothing is written.
    pub fn revert(&mut self, change: &Change) -> Result<Change> {
        self.write(|tx| revert(tx, change))
    }
}

/// Undoes `change` inside `tx`; returns its inverse.
fn revert(tx: &rusqlite::Transaction, change: &Change) -> Result<Change> {
    let gone = || DbError::Gone;
    Ok(match change {
        Change::FilmEdited(before) => {
            let id = before.id.ok_or_else(gone)?;
            let after = films::film_by_id(tx, id)?.ok_or_else(gone)?;
            films::replace_film(tx, id, before)?;
            Change::FilmEdited(Box::new(after))
        }
        Change::FilmAdded(id) => Change::FilmDeleted(Box::new(films::take_film(tx, *id)?)),
        Change::FilmDeleted(deleted) => Change::FilmAdded(films::put_back_film(tx, deleted)?),
        Change::ReviewAdded(id) => {
            let review = reviews::take_review(tx, *id)?.ok_or_else(gone)?;
            let film = review.film_id.ok_or_else(gone)?;
            Change::ReviewDeleted(film, Box::new(review))
        }
        Change::ReviewDeleted(film, review) => {
            films::film_by_id(tx, *film)?.ok_or(DbError::FilmNotFound(*film))?;
            Change::ReviewAdded(reviews::insert_review(tx, *film, review)?)
        }
        Change::DiaryEdited(before) => {
            let after = diary::replace_entry(tx, before)?.ok_or_else(gone)?;
            Change::DiaryEdited(Box::new(after))
        }
        Change::DiaryAdded(id) => {
            Change::DiaryDeleted(Box::new(diary::take_entry(tx, *id)?.ok_or_else(gone)?))
        }
        Change::DiaryDeleted(entry) => Change::DiaryAdded(diary::put_back_entry(tx, entry)?),
        Change::WatchlistEdited(before) => {
            let after = watchlist::replace_item(tx, before)?.ok_or_else(gone)?;
            Change::WatchlistEdited(Box::new(after))
        }
        Change::WatchlistAdded(id) => {
            Change::WatchlistRemoved(Box::new(watchlist::remove_item(tx, *id)?.ok_or_else(gone)?))
        }
        Change::WatchlistRemoved(item) => match watchlist::put_back_item(tx, item)? {
            WatchlistAdd::Added(item) => Change::WatchlistAdded(item.id.ok_or_else(gone)?),
            WatchlistAdd::AlreadyListed(_) => return Err(gone()),
        },
        Change::WatchlistMoved { id, from } => {
            let now = watchlist::item_by_id(tx, *id)?.ok_or_else(gone)?.position;
            watchlist::move_item(tx, *id, *from)?;
            Change::WatchlistMoved { id: *id, from: now }
        }
        Change::List(change) => Change::List(list_undo::revert(tx, change)?),
        Change::View(change) => Change::View(view_undo::revert(tx, change)?),
        Change::FilmsMerged(merged) => {
            let (keep, other) = merge::unmerge(tx, merged)?;
            Change::FilmsUnmerged { keep, other }
        }
        Change::FilmsUnmerged { keep, other } => {
            Change::FilmsMerged(Box::new(merge::merge(tx, *keep, *other)?.1))
        }
        Change::PosterReplaced { film, before } => {
            super::posters::revert_poster(tx, *film, before.as_deref())?
        }
        Change::ExternalIds { film, before } => {
            super::lookups::revert_external_ids(tx, *film, before)?
        }
        Change::Together(changes) => {
            let mut inverses = Vec::with_capacity(changes.len());
            for change in changes.iter().rev() {
                inverses.push(revert(tx, change)?);
            }
            Change::Together(inverses)
        }
    })
}
