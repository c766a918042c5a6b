//! The watchlist: the films a person wants to see, each once, in their own order.
//!
//! Rules it keeps:
//! - Every call that writes is one transaction.
//! - A film is on the list at most once: adding it again reports the item already there.
//! - Positions are dense: 0, 1, 2, … in the person's order, after every add, move, remove and
//!   restore.
//! - A removed item is handed back whole so it can be restored at its old place.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::film_refs::{self, FilmChoice, FilmSummary, SUMMARY_COLUMNS};
use super::{diary, text_keys, Catalog, DbError, Result};
use crate::model::{DiaryEntry, DiaryEntryId, FilmId, WatchlistItem, WatchlistItemId};

/// An order for the watchlist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WatchlistSort {
    /// The person's own order.
    #[default]
    Position,
    /// Highest priority first.
    Priority,
    /// Most recently added first.
    DateAdded,
    /// By title, ignoring case, accents and a leading article.
    Title,
    /// Shortest first; films of unknown length last.
    Runtime,
}

/// A watchlist item with what it shows of its film.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WatchlistRow {
    /// The item.
    pub item: WatchlistItem,
    /// Its film.
    pub film: FilmSummary,
}

/// What adding a film to the watchlist did.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "outcome", content = "item", rename_all = "snake_case")]
pub enum WatchlistAdd {
    /// The film was put at the end of the list.
    Added(WatchlistItem),
    /// The film was on the list already: this is its item, unchanged; nothing was written.
    AlreadyListed(WatchlistItem),
}

/// The columns of a watchlist item for a `SELECT` over `watchlist AS w`, in the order
/// [`item_from_row`] reads them.
const ITEM_COLUMNS: &str = "w.id, w.film_id, w.added_on, w.priority, w.note, w.position";

/// How many columns [`ITEM_COLUMNS`] holds.
const ITEM_WIDTH: usize = 6;

impl Catalog {
    /// Puts `film` at the end of the watchlist (creating the film first if it is new, in the same
    /// transaction), with `item`'s date, priority and note; `item.id`, `item.film_id` and
    /// `item.position` are ignored. A film already on the list is reported, not added twice.
    pub fn add_to_watchlist(
        &mut self,
        film: &FilmChoice,
        item: &WatchlistItem,
    ) -> Result<WatchlistAdd> {
        item.validate()?;
        self.write(|tx| {
            let film_id = film_refs::chosen_film(tx, film)?;
            if let Some(listed) = item_of_film(tx, film_id)? {
                return Ok(WatchlistAdd::AlreadyListed(listed));
            }
            let at_end = ordered_ids(tx)?.len();
            let id = insert_item(tx, film_id, item, None, at_end)?;
            Ok(WatchlistAdd::Added(stored_item(tx, id)?))
        })
    }

    /// Changes an item's date added, priority and note (its place changes with
    /// [`Catalog::move_watchlist_item`]). Returns the item as it was, for undo; `None` when no
    /// item has that id.
    pub fn update_watchlist_item(&mut self, item: &WatchlistItem) -> Result<Option<WatchlistItem>> {
        item.validate()?;
        self.write(|tx| replace_item(tx, item))
    }

    /// Moves an item to `position` (0 is the top; past the end means the end), shifting the items
    /// between. Returns the position it landed at, or `None` when no item has that id.
    pub fn move_watchlist_item(
        &mut self,
        id: WatchlistItemId,
        position: u32,
    ) -> Result<Option<u32>> {
        self.write(|tx| move_item(tx, id, position))
    }

    /// Takes an item off the list; returns it whole so [`Catalog::restore_watchlist_item`] can
    /// undo the removal, or `None` when no item has that id.
    pub fn remove_from_watchlist(&mut self, id: WatchlistItemId) -> Result<Option<WatchlistItem>> {
        self.write(|tx| remove_item(tx, id))
    }

    /// Puts a removed item back under its old id at its old place. If its film was put on the
    /// list again in the meantime, that item is reported and nothing is written.
    pub fn restore_watchlist_item(&mut self, item: &WatchlistItem) -> Result<WatchlistAdd> {
        item.validate()?;
        self.write(|tx| put_back_item(tx, item))
    }

    /// "Watched it": stores `entry` as a viewing of the item's film and takes the item off the
    /// list, in one transaction; `entry.film_id` is ignored. Returns the new entry's id and the
    /// removed item (for undo), or `None` when no item has that id.
    pub fn mark_watched(
        &mut self,
        id: WatchlistItemId,
        entry: &DiaryEntry,
    ) -> Result<Option<(DiaryEntryId, WatchlistItem)>> {
        entry.validate()?;
        self.write(|tx| {
            let Some(item) = remove_item(tx, id)? else {
                return Ok(None);
            };
            let entry_id = diary::insert_entry(tx, item.film_id, entry, None)?;
            Ok(Some((entry_id, item)))
        })
    }

    /// Item `id`, if it is on the list.
    pub fn watchlist_item(&self, id: WatchlistItemId) -> Result<Option<WatchlistItem>> {
        item_by_id(&self.conn, id)
    }

    /// The item for `film`, if the film is on the list.
    pub fn watchlist_item_of(&self, film: FilmId) -> Result<Option<WatchlistItem>> {
        item_of_film(&self.conn, film)
    }

    /// The whole watchlist with its films, in `sort` order; ties keep the person's order.
    pub fn watchlist(&self, sort: WatchlistSort) -> Result<Vec<WatchlistRow>> {
        let mut select = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS}, {SUMMARY_COLUMNS}
             FROM watchlist AS w JOIN films AS f ON f.id = w.film_id
             ORDER BY w.position, w.id"
        ))?;
        let rows = select.query_map([], |row| {
            Ok(WatchlistRow {
                item: item_from_row(row)?,
                film: film_refs::summary_from_row(row, ITEM_WIDTH)?,
            })
        })?;
        let mut rows: Vec<WatchlistRow> = rows.collect::<rusqlite::Result<_>>()?;
        match sort {
            WatchlistSort::Position => {}
            WatchlistSort::Priority => rows.sort_by_key(|r| std::cmp::Reverse(r.item.priority)),
            WatchlistSort::DateAdded => rows.sort_by_key(|r| std::cmp::Reverse(r.item.added_on)),
            WatchlistSort::Title => {
                rows.sort_by_cached_key(|r| text_keys::sort_title(&r.film.title))
            }
            WatchlistSort::Runtime => {
                rows.sort_by_key(|r| (r.film.runtime_min.is_none(), r.film.runtime_min))
            }
        }
        Ok(rows)
    }
}

/// Changes an item's date added, priority and note inside `tx`; returns it as it was, or `None`.
pub(super) fn replace_item(
    tx: &Transaction,
    item: &WatchlistItem,
) -> Result<Option<WatchlistItem>> {
    let Some(id) = item.id else { return Ok(None) };
    let before = item_by_id(tx, id)?;
    if before.is_some() {
        tx.prepare_cached(
            "UPDATE watchlist SET added_on = ?2, priority = ?3, note = ?4 WHERE id = ?1",
        )?
        .execute(params![id, item.added_on, item.priority, item.note])?;
    }
    Ok(before)
}

/// Moves item `id` to `position` inside `tx`; returns where it landed, or `None`.
pub(super) fn move_item(
    tx: &Transaction,
    id: WatchlistItemId,
    position: u32,
) -> Result<Option<u32>> {
    let mut ids = ordered_ids(tx)?;
    let Some(from) = ids.iter().position(|i| *i == id) else {
        return Ok(None);
    };
    ids.remove(from);
    let to = usize::try_from(position)
        .unwrap_or(usize::MAX)
        .min(ids.len());
    ids.insert(to, id);
    write_positions(tx, &ids)?;
    Ok(Some(position_number(to)))
}

/// Puts a removed item back inside `tx` under its old id at its old place; an item listed for
/// its film in the meantime is reported and nothing is written.
pub(super) fn put_back_item(tx: &Transaction, item: &WatchlistItem) -> Result<WatchlistAdd> {
    film_refs::chosen_film(tx, &FilmChoice::Stored(item.film_id))?;
    if let Some(listed) = item_of_film(tx, item.film_id)? {
        return Ok(WatchlistAdd::AlreadyListed(listed));
    }
    let mut ids = ordered_ids(tx)?;
    let id = insert_item(tx, item.film_id, item, item.id, ids.len())?;
    let at = usize::try_from(item.position)
        .unwrap_or(usize::MAX)
        .min(ids.len());
    ids.insert(at, id);
    write_positions(tx, &ids)?;
    Ok(WatchlistAdd::Added(stored_item(tx, id)?))
}

/// Inserts `item` for `film_id` (under `id` if given) at `position` inside `tx`. The one place a
/// watchlist row is written: additions, undo and imports all come here.
pub(super) fn insert_item(
    tx: &Transaction,
    film_id: FilmId,
    item: &WatchlistItem,
    id: Option<WatchlistItemId>,
    position: usize,
) -> Result<WatchlistItemId> {
    tx.prepare_cached(
        "INSERT INTO watchlist (id, film_id, added_on, priority, note, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        film_id,
        item.added_on,
        item.priority,
        item.note,
        position_number(position)
    ])?;
    Ok(WatchlistItemId(tx.last_insert_rowid()))
}

/// Deletes item `id` and closes the gap it leaves; returns it as it was.
pub(super) fn remove_item(tx: &Transaction, id: WatchlistItemId) -> Result<Option<WatchlistItem>> {
    let Some(item) = item_by_id(tx, id)? else {
        return Ok(None);
    };
    tx.execute("DELETE FROM watchlist WHERE id = ?1", [id])?;
    write_positions(tx, &ordered_ids(tx)?)?;
    Ok(Some(item))
}

/// Every item's id in the person's order.
fn ordered_ids(tx: &Transaction) -> Result<Vec<WatchlistItemId>> {
    let mut select = tx.prepare_cached("SELECT id FROM watchlist ORDER BY position, id")?;
    let ids = select.query_map([], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Numbers the items 0, 1, 2, … in the order of `ids`, writing only the positions that change.
fn write_positions(tx: &Transaction, ids: &[WatchlistItemId]) -> Result<()> {
    let mut update =
        tx.prepare_cached("UPDATE watchlist SET position = ?2 WHERE id = ?1 AND position != ?2")?;
    for (position, id) in ids.iter().enumerate() {
        update.execute(params![id, position_number(position)])?;
    }
    Ok(())
}

/// A place in the list as stored; a list longer than `u32::MAX` cannot be held in memory anyway.
fn position_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// Item `id` as stored, read inside the transaction that wrote it.
fn stored_item(tx: &Transaction, id: WatchlistItemId) -> Result<WatchlistItem> {
    item_by_id(tx, id)?.ok_or(DbError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
}

/// Item `id`, or `None`.
pub(super) fn item_by_id(
    conn: &rusqlite::Connection,
    id: WatchlistItemId,
) -> Result<Option<WatchlistItem>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM watchlist AS w WHERE w.id = ?1"
        ))?
        .query_row([id], item_from_row)
        .optional()?)
}

/// The item for `film`, or `None`.
pub(super) fn item_of_film(
    conn: &rusqlite::Connection,
    film: FilmId,
) -> Result<Option<WatchlistItem>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM watchlist AS w WHERE w.film_id = ?1"
        ))?
        .query_row([film], item_from_row)
        .optional()?)
}

fn item_from_row(row: &Row<'_>) -> rusqlite::Result<WatchlistItem> {
    Ok(WatchlistItem {
        id: Some(row.get(0)?),
        film_id: row.get(1)?,
        added_on: row.get::<_, NaiveDate>(2)?,
        priority: row.get(3)?,
        note: row.get(4)?,
        position: row.get(5)?,
    })
}
