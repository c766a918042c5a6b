//! Merging two stored films that are one: everything that hangs on the other film (viewings,
//! reviews, its watchlist place, list places, external ids, marks) moves to the film kept, whose
//! empty fields are filled from the other; then the other is deleted. One transaction, and one
//! undo step: [`MergedFilms`] holds both films as they were, so undo puts both back whole.

use rusqlite::Transaction;
use serde::Serialize;

use super::films::{self, DeletedFilm};
use super::{diary, film_external_ids, film_marks, list_import, lists, posters, reviews};
use super::{watchlist, Catalog, DbError, Result};
use crate::model::{FilmId, WatchlistItem};

/// Two films before a merge: enough to undo it.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedFilms {
    /// The film kept, with everything on it, as it was.
    pub keep: DeletedFilm,
    /// The film merged into it, as it was.
    pub other: DeletedFilm,
}

/// What a merge moves and fills (or, for a preview, would).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MergeSummary {
    /// The film kept.
    pub keep: FilmId,
    /// The film merged into it and deleted.
    pub other: FilmId,
    /// Viewings moved.
    pub diary_moved: usize,
    /// Reviews moved.
    pub reviews_moved: usize,
    /// External ids moved (those the kept film has already are dropped).
    pub external_ids_moved: usize,
    /// Marks moved (watched, liked).
    pub marks_moved: usize,
    /// List places moved (on lists the kept film is not on).
    pub list_places_moved: usize,
    /// The watchlist place moved (the kept film was not on the watchlist).
    pub watchlist_moved: bool,
    /// Whether the kept film, which had no poster, took the other's.
    pub poster_moved: bool,
    /// Whether empty fields of the kept film were filled from the other.
    pub fields_filled: bool,
}

impl Catalog {
    /// Merges film `other` into film `keep` in one transaction; returns what it did and what
    /// undoes it.
    pub fn merge_films(
        &mut self,
        keep: FilmId,
        other: FilmId,
    ) -> Result<(MergeSummary, MergedFilms)> {
        self.write(|tx| merge(tx, keep, other))
    }

    /// What [`Catalog::merge_films`] would do, without changing anything.
    pub fn merge_preview(&mut self, keep: FilmId, other: FilmId) -> Result<MergeSummary> {
        let tx = self.conn.transaction()?;
        let (summary, _) = merge(&tx, keep, other)?;
        tx.rollback()?;
        Ok(summary)
    }
}

/// Film `id` with everything on it, read without changing it.
fn capture(tx: &Transaction, id: FilmId) -> Result<DeletedFilm> {
    Ok(DeletedFilm {
        film: films::film_by_id(tx, id)?.ok_or(DbError::FilmNotFound(id))?,
        reviews: reviews::reviews_of(tx, id)?,
        diary: diary::entries_of(tx, id)?,
        watchlist: watchlist::item_of_film(tx, id)?,
        external_ids: films::external_ids_of(tx, id)?,
        marks: films::marks_of(tx, id)?,
        lists: list_import::places_of(tx, id)?,
        poster: posters::poster_of(tx, id)?,
    })
}

/// Merges `other` into `keep` inside `tx`.
pub(super) fn merge(
    tx: &Transaction,
    keep: FilmId,
    other: FilmId,
) -> Result<(MergeSummary, MergedFilms)> {
    if keep == other {
        return Err(DbError::MergeSameFilm(keep));
    }
    let kept = capture(tx, keep)?;
    let gone = films::take_film(tx, other)?;
    let mut summary = MergeSummary {
        keep,
        other,
        diary_moved: 0,
        reviews_moved: 0,
        external_ids_moved: 0,
        marks_moved: 0,
        list_places_moved: 0,
        watchlist_moved: false,
        poster_moved: false,
        fields_filled: false,
    };
    for entry in gone.diary.iter().rev() {
        diary::insert_entry(tx, keep, entry, entry.id)?;
        summary.diary_moved += 1;
    }
    for review in &gone.reviews {
        reviews::insert_review(tx, keep, review)?;
        summary.reviews_moved += 1;
    }
    summary.external_ids_moved +=
        film_external_ids::add_external_ids(tx, keep, &gone.external_ids)?;
    for mark in &gone.marks {
        summary.marks_moved +=
            usize::from(film_marks::add_mark(tx, keep, &mark.mark, mark.position)?);
    }
    for place in &gone.lists {
        if lists::entry_of(tx, place.list, keep)?.is_none() {
            let mut entry = place.entry.clone();
            entry.film = keep;
            lists::put_entry(tx, place.list, &entry)?;
            summary.list_places_moved += 1;
        }
    }
    if let Some(item) = &gone.watchlist {
        summary.watchlist_moved = move_watch(tx, keep, kept.watchlist.as_ref(), item)?;
    }
    if let (None, Some(poster)) = (&kept.poster, &gone.poster) {
        posters::put_poster(tx, keep, Some(poster))?;
        summary.poster_moved = true;
    }
    let mut film = kept.film.clone();
    if film.fill_blanks_from(&gone.film) {
        films::replace_film(tx, keep, &film)?;
        summary.fields_filled = true;
    }
    Ok((
        summary,
        MergedFilms {
            keep: kept,
            other: gone,
        },
    ))
}

/// Gives the kept film the other's watchlist place when it has none (true), or else the higher
/// priority of the two and the other's note when its own is empty.
fn move_watch(
    tx: &Transaction,
    keep: FilmId,
    kept: Option<&WatchlistItem>,
    item: &WatchlistItem,
) -> Result<bool> {
    let Some(kept) = kept else {
        let moved = WatchlistItem {
            film_id: keep,
            ..item.clone()
        };
        watchlist::put_back_item(tx, &moved)?;
        return Ok(true);
    };
    let mut updated = kept.clone();
    updated.priority = kept.priority.max(item.priority);
    if updated.note.trim().is_empty() {
        updated.note.clone_from(&item.note);
    }
    if updated != *kept {
        watchlist::replace_item(tx, &updated)?;
    }
    Ok(false)
}

/// Undoes a merge inside `tx`: the kept film as it is now is taken away, and both films are put
/// back as they were. Returns the films' ids, to merge them again.
pub(super) fn unmerge(tx: &Transaction, merged: &MergedFilms) -> Result<(FilmId, FilmId)> {
    let keep = merged.keep.film.id.ok_or(DbError::Gone)?;
    let other = merged.other.film.id.ok_or(DbError::Gone)?;
    if films::film_by_id(tx, other)?.is_some() {
        return Err(DbError::Gone);
    }
    films::take_film(tx, keep).map_err(|_| DbError::Gone)?;
    films::put_back_film(tx, &merged.keep)?;
    films::put_back_film(tx, &merged.other)?;
    Ok((keep, other))
}
