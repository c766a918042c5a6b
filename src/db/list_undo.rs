//! Undo and redo of list writes: a [`ListChange`] holds what a write replaced, and
//! [`revert`] undoes it inside the caller's transaction, returning the change that redoes it.

use rusqlite::Transaction;

use super::lists::{self, DeletedList};
use super::{DbError, Result};
use crate::model::{FilmId, List, ListEntry, ListId};

/// A change to the lists, as what it takes to undo it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListChange {
    /// A list was created.
    Created(ListId),
    /// A list was deleted with its entries.
    Deleted(Box<DeletedList>),
    /// A list was renamed, described or (un)ranked; this is it as it was.
    Edited(Box<List>),
    /// A film was put on a list.
    EntryAdded {
        /// The list.
        list: ListId,
        /// The film.
        film: FilmId,
    },
    /// A film was taken off a list; this is its entry as it was.
    EntryRemoved {
        /// The list.
        list: ListId,
        /// The entry.
        entry: ListEntry,
    },
    /// A film was moved on a list; it was at `from`.
    EntryMoved {
        /// The list.
        list: ListId,
        /// The film.
        film: FilmId,
        /// Its place before, 0 first.
        from: u32,
    },
    /// A film's note on a list was changed; this is the note before.
    EntryNoted {
        /// The list.
        list: ListId,
        /// The film.
        film: FilmId,
        /// The note before.
        note: String,
    },
}

impl ListChange {
    /// What undoing it does, for the Edit menu: "Undo new list".
    pub fn description(&self) -> &'static str {
        match self {
            Self::Created(_) => "new list",
            Self::Deleted(_) => "list deletion",
            Self::Edited(_) => "list edit",
            Self::EntryAdded { .. } => "list addition",
            Self::EntryRemoved { .. } => "list removal",
            Self::EntryMoved { .. } => "list move",
            Self::EntryNoted { .. } => "list note",
        }
    }
}

/// Undoes `change` inside `tx`; returns its inverse. What is gone already is reported.
pub(super) fn revert(tx: &Transaction, change: &ListChange) -> Result<ListChange> {
    let gone = || DbError::Gone;
    Ok(match change {
        ListChange::Created(id) => {
            ListChange::Deleted(Box::new(lists::take_list(tx, *id).map_err(|_| gone())?))
        }
        ListChange::Deleted(deleted) => ListChange::Created(lists::put_back_list(tx, deleted)?),
        ListChange::Edited(before) => ListChange::Edited(Box::new(
            lists::replace_list(tx, before).map_err(|_| gone())?,
        )),
        ListChange::EntryAdded { list, film } => ListChange::EntryRemoved {
            list: *list,
            entry: lists::take_entry(tx, *list, *film)?.ok_or_else(gone)?,
        },
        ListChange::EntryRemoved { list, entry } => {
            lists::list_by_id(tx, *list)?.ok_or_else(gone)?;
            if lists::entry_of(tx, *list, entry.film)?.is_some() {
                return Err(gone());
            }
            lists::put_entry(tx, *list, entry)?;
            ListChange::EntryAdded {
                list: *list,
                film: entry.film,
            }
        }
        ListChange::EntryMoved { list, film, from } => {
            let now = lists::entry_of(tx, *list, *film)?
                .ok_or_else(gone)?
                .position;
            lists::move_entry(tx, *list, *film, *from)?;
            ListChange::EntryMoved {
                list: *list,
                film: *film,
                from: now,
            }
        }
        ListChange::EntryNoted { list, film, note } => ListChange::EntryNoted {
            list: *list,
            film: *film,
            note: lists::replace_note(tx, *list, *film, note)?.ok_or_else(gone)?,
        },
    })
}
