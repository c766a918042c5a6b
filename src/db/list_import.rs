//! Lists in whole-catalog work: imports and backups (a batch names list places as `list:<name>`
//! marks on its films, and a list's own details in [`ImportBatch::lists`]), and a film's places
//! on lists kept with a deleted film so undo puts them back.

use std::collections::HashMap;

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use super::lists::{self, entry_of, list_by_name, put_entry};
use super::{DbError, FilmMark, ImportMode, Result};
use crate::model::{FilmId, List, ListEntry, ListId};

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
    /// Index into [`ImportBatch::films`](super::ImportBatch::films).
    pub film: usize,
    /// The note.
    pub note: String,
}

/// A film's place on a list, kept with a deleted film.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListPlace {
    /// The list.
    pub list: ListId,
    /// The film's entry on it.
    pub entry: ListEntry,
}

/// Raw places of imported entries start here, after every stored place, until
/// [`finish_lists`] numbers them densely.
const IMPORTED_BASE: i64 = 1 << 32;

/// Before a batch's films are stored: empties the lists when replacing the catalog, and creates
/// the batch's lists that are not stored yet (a stored list only gets a description it lacks).
pub(super) fn start_lists(
    tx: &Transaction,
    incoming: &[IncomingList],
    films: usize,
    mode: ImportMode,
) -> Result<()> {
    for list in incoming {
        List::named(list.name.trim()).validate()?;
        crate::model::refuse_nul(
            std::iter::once(list.description.as_str())
                .chain(list.notes.iter().map(|n| n.note.as_str())),
        )?;
        if let Some(note) = list.notes.iter().find(|n| n.film >= films) {
            return Err(DbError::FilmNotFound(FilmId(
                i64::try_from(note.film).unwrap_or(i64::MAX),
            )));
        }
    }
    if mode == ImportMode::Replace {
        tx.execute("DELETE FROM lists", [])?;
    }
    for list in incoming {
        match list_by_name(tx, &list.name)? {
            Some(stored) if stored.description.is_empty() && !list.description.is_empty() => {
                tx.execute(
                    "UPDATE lists SET description = ?2 WHERE id = ?1",
                    params![stored.id.map(|id| id.0), list.description],
                )?;
            }
            Some(_) => {}
            None => {
                let new = List {
                    id: None,
                    name: list.name.trim().to_owned(),
                    description: list.description.clone(),
                    ranked: list.ranked,
                };
                lists::insert_list(tx, &new, None)?;
            }
        }
    }
    Ok(())
}

/// Puts `film` on the list a `list:<name>` mark names at `place` (1 first), creating the list if
/// needed. False when the film is on that list already (nothing written).
pub(super) fn put_list_mark(
    tx: &Transaction,
    film: FilmId,
    name: &str,
    place: Option<u32>,
) -> Result<bool> {
    let id = match list_by_name(tx, name)?.and_then(|l| l.id) {
        Some(id) => id,
        None => lists::insert_list(tx, &List::named(name.trim()), None)?,
    };
    if entry_of(tx, id, film)?.is_some() {
        return Ok(false);
    }
    let raw = IMPORTED_BASE + i64::from(place.unwrap_or(u32::MAX));
    lists::insert_entry_row(tx, id, film, raw, "")?;
    Ok(true)
}

/// After a batch's films are stored: gives its notes to the entries without one, and numbers
/// every list's places densely (imported places after those stored before, in their order).
pub(super) fn finish_lists(
    tx: &Transaction,
    incoming: &[IncomingList],
    film_ids: &[FilmId],
) -> Result<()> {
    for list in incoming {
        let Some(id) = list_by_name(tx, &list.name)?.and_then(|l| l.id) else {
            continue;
        };
        for note in &list.notes {
            let Some(&film) = film_ids.get(note.film) else {
                continue;
            };
            tx.prepare_cached(
                "UPDATE list_entries SET note = ?3 WHERE list_id = ?1 AND film_id = ?2 AND note = ''",
            )?
            .execute(params![id.0, film, note.note])?;
        }
    }
    let ids: Vec<ListId> = tx
        .prepare_cached("SELECT id FROM lists ORDER BY id")?
        .query_map([], |r| r.get(0).map(ListId))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        lists::renumber(tx, id)?;
    }
    Ok(())
}

/// The film's places on lists as `list:<name>` marks (place 1 first), for a backup.
pub(super) fn list_marks_of(conn: &rusqlite::Connection, film: FilmId) -> Result<Vec<FilmMark>> {
    let mut select = conn.prepare_cached(
        "SELECT l.name, e.position FROM list_entries AS e JOIN lists AS l ON l.id = e.list_id
         WHERE e.film_id = ?1 ORDER BY l.name",
    )?;
    let rows = select.query_map([film], |r| {
        let position: u32 = r.get(1)?;
        Ok(FilmMark {
            mark: format!("{LIST_MARK}{}", r.get::<_, String>(0)?),
            position: Some(position.saturating_add(1)),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every list's own details for a backup, its notes naming films by their index in `index`.
pub(super) fn incoming_lists(
    conn: &rusqlite::Connection,
    index: &HashMap<FilmId, usize>,
) -> Result<Vec<IncomingList>> {
    let mut select =
        conn.prepare_cached("SELECT id, name, description, ranked FROM lists ORDER BY id")?;
    let stored = select
        .query_map([], |r| {
            Ok((
                ListId(r.get(0)?),
                IncomingList {
                    name: r.get(1)?,
                    description: r.get(2)?,
                    ranked: r.get(3)?,
                    notes: Vec::new(),
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(stored.len());
    for (id, mut list) in stored {
        for entry in lists::entries_of(conn, id)? {
            if let (false, Some(&film)) = (entry.note.is_empty(), index.get(&entry.film)) {
                list.notes.push(IncomingListNote {
                    film,
                    note: entry.note,
                });
            }
        }
        out.push(list);
    }
    Ok(out)
}

/// The film's places on lists, kept when it is deleted.
pub(super) fn places_of(conn: &rusqlite::Connection, film: FilmId) -> Result<Vec<ListPlace>> {
    let mut select = conn.prepare_cached(
        "SELECT list_id, film_id, position, note FROM list_entries WHERE film_id = ?1 ORDER BY list_id",
    )?;
    let rows = select.query_map([film], |r| {
        Ok(ListPlace {
            list: ListId(r.get(0)?),
            entry: ListEntry {
                film: r.get(1)?,
                position: r.get(2)?,
                note: r.get(3)?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Puts a restored film back at its places on the lists that still exist.
pub(super) fn put_back_places(tx: &Transaction, places: &[ListPlace]) -> Result<()> {
    for place in places {
        let exists = lists::list_by_id(tx, place.list)?.is_some();
        if exists && entry_of(tx, place.list, place.entry.film)?.is_none() {
            put_entry(tx, place.list, &place.entry)?;
        }
    }
    Ok(())
}
