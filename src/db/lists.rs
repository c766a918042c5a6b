//! Lists of films: create, rename, delete, add, remove, reorder, note, and how much of each has
//! been seen.
//!
//! Rules it keeps:
//! - Every call that writes is one transaction.
//! - A list's name is unique, ignoring case; a film is on a list at most once.
//! - Places are dense: 0, 1, 2, … in the list's order, after every add, move, remove and restore.
//! - Seen means a viewing in the diary or the mark `watched`.
//! - What a write replaced is handed back whole, so undo (`ListChange`) puts it back as it was.

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;

use super::film_refs::{self, FilmChoice, FilmSummary, SUMMARY_COLUMNS};
use super::{text_keys, Catalog, DbError, Result};
use crate::model::{FilmId, List, ListEntry, ListId, ListProgress};

/// A list with how much of it has been seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListRow {
    /// The list.
    #[serde(flatten)]
    pub list: List,
    /// Seen of total.
    #[serde(flatten)]
    pub progress: ListProgress,
}

/// A film's place on a list, with what it shows of the film.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListEntryRow {
    /// Its place and note.
    #[serde(flatten)]
    pub entry: ListEntry,
    /// The film.
    #[serde(rename = "film_summary")]
    pub summary: FilmSummary,
    /// Whether it has been seen (a viewing, or marked watched).
    pub seen: bool,
}

/// What adding a film to a list did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", content = "entry", rename_all = "snake_case")]
pub enum ListAdd {
    /// The film was put at the end of the list.
    Added(ListEntry),
    /// The film was on the list already: this is its place, unchanged; nothing was written.
    AlreadyListed(ListEntry),
}

/// A deleted list with its entries, enough to put it back under its old id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeletedList {
    /// The list, with its id.
    pub list: List,
    /// Its entries, in order.
    pub entries: Vec<ListEntry>,
}

/// SQL: whether the film `film` (an SQL expression) has been seen.
pub(super) const SEEN_SQL: &str =
    "(EXISTS (SELECT 1 FROM diary_entries AS d WHERE d.film_id = {film})
    OR EXISTS (SELECT 1 FROM film_marks AS m WHERE m.film_id = {film} AND m.mark = 'watched'))";

/// [`SEEN_SQL`] for the film expression `film`.
pub(super) fn seen_sql(film: &str) -> String {
    SEEN_SQL.replace("{film}", film)
}

/// The columns of a list for a `SELECT` over `lists AS l`, as [`list_from_row`] reads them.
const LIST_COLUMNS: &str = "l.id, l.name, l.description, l.ranked";

impl Catalog {
    /// Every list, by name, with its progress.
    pub fn lists(&self) -> Result<Vec<ListRow>> {
        let sql = format!(
            "SELECT {LIST_COLUMNS},
                (SELECT count(*) FROM list_entries AS e WHERE e.list_id = l.id AND {}),
                (SELECT count(*) FROM list_entries AS e WHERE e.list_id = l.id)
             FROM lists AS l ORDER BY l.name, l.id",
            seen_sql("e.film_id")
        );
        let mut select = self.conn.prepare_cached(&sql)?;
        let rows = select.query_map([], |row| {
            Ok(ListRow {
                list: list_from_row(row)?,
                progress: ListProgress {
                    seen: row.get(4)?,
                    total: row.get(5)?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// List `id`, or `None`.
    pub fn list(&self, id: ListId) -> Result<Option<List>> {
        list_by_id(&self.conn, id)
    }

    /// The list called `name`, ignoring case (and, when no name matches so, accents and
    /// punctuation too), or `None`.
    pub fn list_named(&self, name: &str) -> Result<Option<List>> {
        if let Some(list) = list_by_name(&self.conn, name)? {
            return Ok(Some(list));
        }
        let key = text_keys::fold(name);
        Ok(self
            .lists()?
            .into_iter()
            .map(|row| row.list)
            .find(|list| text_keys::fold(&list.name) == key && !key.is_empty()))
    }

    /// The films on list `id` in its order, each with whether it has been seen.
    pub fn list_entries(&self, id: ListId) -> Result<Vec<ListEntryRow>> {
        let sql = format!(
            "SELECT e.film_id, e.position, e.note, {}, {SUMMARY_COLUMNS}
             FROM list_entries AS e JOIN films AS f ON f.id = e.film_id
             WHERE e.list_id = ?1 ORDER BY e.position, e.film_id",
            seen_sql("e.film_id")
        );
        let mut select = self.conn.prepare_cached(&sql)?;
        let rows = select.query_map([id], |row| {
            Ok(ListEntryRow {
                entry: entry_from_row(row)?,
                seen: row.get(3)?,
                summary: film_refs::summary_from_row(row, 4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The lists film `film` is on, by id.
    pub fn lists_holding(&self, film: FilmId) -> Result<Vec<ListId>> {
        let mut select = self.conn.prepare_cached(
            "SELECT list_id FROM list_entries WHERE film_id = ?1 ORDER BY list_id",
        )?;
        let ids = select.query_map([film], |row| Ok(ListId(row.get(0)?)))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// Seen of total for list `id`.
    pub fn list_progress(&self, id: ListId) -> Result<ListProgress> {
        let entries = self.list_entries(id)?;
        Ok(ListProgress {
            seen: count(entries.iter().filter(|e| e.seen).count()),
            total: count(entries.len()),
        })
    }

    /// Stores a new list; its name must not be taken (ignoring case). Returns its id.
    pub fn create_list(&mut self, list: &List) -> Result<ListId> {
        list.validate()?;
        self.write(|tx| insert_list(tx, list, None))
    }

    /// Renames a list or changes its description or ranking. Returns it as it was, for undo.
    pub fn update_list(&mut self, list: &List) -> Result<List> {
        list.validate()?;
        self.write(|tx| replace_list(tx, list))
    }

    /// Deletes a list with its entries (the films stay); returns it whole for
    /// [`Catalog::restore_list`].
    pub fn delete_list(&mut self, id: ListId) -> Result<DeletedList> {
        self.write(|tx| take_list(tx, id))
    }

    /// Puts a deleted list back under its old id with its entries (those whose film is gone are
    /// left out).
    pub fn restore_list(&mut self, deleted: &DeletedList) -> Result<ListId> {
        self.write(|tx| put_back_list(tx, deleted))
    }

    /// Puts `film` at the end of list `id` (creating the film first if it is new, in the same
    /// transaction) with `note`. A film already on the list is reported, not added twice.
    pub fn add_to_list(&mut self, id: ListId, film: &FilmChoice, note: &str) -> Result<ListAdd> {
        crate::model::refuse_nul([note])?;
        self.write(|tx| {
            list_by_id(tx, id)?.ok_or(DbError::ListNotFound(id))?;
            let film = film_refs::chosen_film(tx, film)?;
            if let Some(entry) = entry_of(tx, id, film)? {
                return Ok(ListAdd::AlreadyListed(entry));
            }
            let entry = ListEntry {
                film,
                position: u32::MAX,
                note: note.to_owned(),
            };
            Ok(ListAdd::Added(put_entry(tx, id, &entry)?))
        })
    }

    /// Takes `film` off list `id`; returns its entry as it was, or `None` when it was not there.
    pub fn remove_from_list(&mut self, id: ListId, film: FilmId) -> Result<Option<ListEntry>> {
        self.write(|tx| take_entry(tx, id, film))
    }

    /// Moves `film` to `position` on list `id` (0 is the top; past the end means the end).
    /// Returns where it landed, or `None` when the film is not on the list.
    pub fn move_in_list(&mut self, id: ListId, film: FilmId, position: u32) -> Result<Option<u32>> {
        self.write(|tx| move_entry(tx, id, film, position))
    }

    /// Sets the note of `film` on list `id`; returns the note it had, or `None` when the film is
    /// not on the list.
    pub fn set_list_note(
        &mut self,
        id: ListId,
        film: FilmId,
        note: &str,
    ) -> Result<Option<String>> {
        crate::model::refuse_nul([note])?;
        self.write(|tx| replace_note(tx, id, film, note))
    }
}

/// A count as stored; no list holds more than `u32::MAX` films.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Inserts `list` (under `id` if given) inside `tx`; a taken name is refused.
pub(super) fn insert_list(tx: &Transaction, list: &List, id: Option<ListId>) -> Result<ListId> {
    if list_by_name(tx, &list.name)?.is_some() {
        return Err(DbError::ListNameTaken(list.name.trim().to_owned()));
    }
    tx.prepare_cached("INSERT INTO lists (id, name, description, ranked) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![id, list.name.trim(), list.description, list.ranked])?;
    Ok(ListId(tx.last_insert_rowid()))
}

/// Overwrites the list `list.id` names inside `tx`; returns it as it was.
pub(super) fn replace_list(tx: &Transaction, list: &List) -> Result<List> {
    let id = list.id.ok_or(DbError::ListNotFound(ListId(0)))?;
    let before = list_by_id(tx, id)?.ok_or(DbError::ListNotFound(id))?;
    if list_by_name(tx, &list.name)?.is_some_and(|other| other.id != Some(id)) {
        return Err(DbError::ListNameTaken(list.name.trim().to_owned()));
    }
    tx.prepare_cached("UPDATE lists SET name = ?2, description = ?3, ranked = ?4 WHERE id = ?1")?
        .execute(params![id, list.name.trim(), list.description, list.ranked])?;
    Ok(before)
}

/// Deletes list `id` inside `tx`; returns it with its entries.
pub(super) fn take_list(tx: &Transaction, id: ListId) -> Result<DeletedList> {
    let list = list_by_id(tx, id)?.ok_or(DbError::ListNotFound(id))?;
    let entries = entries_of(tx, id)?;
    tx.execute("DELETE FROM lists WHERE id = ?1", [id.0])?;
    Ok(DeletedList { list, entries })
}

/// Puts `deleted` back inside `tx` under its old id.
pub(super) fn put_back_list(tx: &Transaction, deleted: &DeletedList) -> Result<ListId> {
    let id = insert_list(tx, &deleted.list, deleted.list.id)?;
    let mut stored = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM films WHERE id = ?1)")?;
    for entry in &deleted.entries {
        // A film deleted since the list was is not put back on it.
        if stored.query_row([entry.film], |r| r.get(0))? {
            insert_entry_row(tx, id, entry.film, i64::from(entry.position), &entry.note)?;
        }
    }
    renumber(tx, id)?;
    Ok(id)
}

/// Writes the row putting `film` on list `list` at the raw `position` with `note` inside `tx`;
/// callers number the places densely afterwards. The one place a `list_entries` row is written:
/// the lists' edits, undo and imports all come here.
pub(super) fn insert_entry_row(
    tx: &Transaction,
    list: ListId,
    film: FilmId,
    position: i64,
    note: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO list_entries (list_id, film_id, position, note) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![list.0, film, position, note])?;
    Ok(())
}

/// Puts `entry` on list `id` at `entry.position` (past the end: the end) inside `tx`, shifting
/// the entries from there down; returns it as stored.
pub(super) fn put_entry(tx: &Transaction, id: ListId, entry: &ListEntry) -> Result<ListEntry> {
    let mut films = ordered_films(tx, id)?;
    let at = usize::try_from(entry.position)
        .unwrap_or(usize::MAX)
        .min(films.len());
    insert_entry_row(tx, id, entry.film, i64::from(count(at)), &entry.note)?;
    films.insert(at, entry.film);
    write_positions(tx, id, &films)?;
    Ok(ListEntry {
        position: count(at),
        ..entry.clone()
    })
}

/// Takes `film` off list `id` inside `tx` and closes the gap; returns its entry.
pub(super) fn take_entry(tx: &Transaction, id: ListId, film: FilmId) -> Result<Option<ListEntry>> {
    let Some(entry) = entry_of(tx, id, film)? else {
        return Ok(None);
    };
    tx.execute(
        "DELETE FROM list_entries WHERE list_id = ?1 AND film_id = ?2",
        params![id.0, film],
    )?;
    renumber(tx, id)?;
    Ok(Some(entry))
}

/// Moves `film` to `position` on list `id` inside `tx`; returns where it landed.
pub(super) fn move_entry(
    tx: &Transaction,
    id: ListId,
    film: FilmId,
    position: u32,
) -> Result<Option<u32>> {
    let mut films = ordered_films(tx, id)?;
    let Some(from) = films.iter().position(|f| *f == film) else {
        return Ok(None);
    };
    films.remove(from);
    let to = usize::try_from(position)
        .unwrap_or(usize::MAX)
        .min(films.len());
    films.insert(to, film);
    write_positions(tx, id, &films)?;
    Ok(Some(count(to)))
}

/// Sets the note of `film` on list `id` inside `tx`; returns the note before.
pub(super) fn replace_note(
    tx: &Transaction,
    id: ListId,
    film: FilmId,
    note: &str,
) -> Result<Option<String>> {
    let Some(before) = entry_of(tx, id, film)? else {
        return Ok(None);
    };
    tx.prepare_cached("UPDATE list_entries SET note = ?3 WHERE list_id = ?1 AND film_id = ?2")?
        .execute(params![id.0, film, note])?;
    Ok(Some(before.note))
}

/// The films of list `id` in its order.
fn ordered_films(tx: &Transaction, id: ListId) -> Result<Vec<FilmId>> {
    let mut select = tx.prepare_cached(
        "SELECT film_id FROM list_entries WHERE list_id = ?1 ORDER BY position, film_id",
    )?;
    let films = select.query_map([id.0], |r| r.get(0))?;
    Ok(films.collect::<rusqlite::Result<_>>()?)
}

/// Numbers the entries of list `id` 0, 1, 2, … in the order of `films`, writing only the places
/// that change.
fn write_positions(tx: &Transaction, id: ListId, films: &[FilmId]) -> Result<()> {
    let mut update = tx.prepare_cached(
        "UPDATE list_entries SET position = ?3 WHERE list_id = ?1 AND film_id = ?2 AND position != ?3",
    )?;
    for (position, film) in films.iter().enumerate() {
        update.execute(params![id.0, film, count(position)])?;
    }
    Ok(())
}

/// Numbers the entries of list `id` densely in their present order.
pub(super) fn renumber(tx: &Transaction, id: ListId) -> Result<()> {
    let films = ordered_films(tx, id)?;
    write_positions(tx, id, &films)
}

/// Every entry of list `id`, in order.
pub(super) fn entries_of(conn: &rusqlite::Connection, id: ListId) -> Result<Vec<ListEntry>> {
    let mut select = conn.prepare_cached(
        "SELECT film_id, position, note FROM list_entries WHERE list_id = ?1
         ORDER BY position, film_id",
    )?;
    let rows = select.query_map([id.0], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The entry of `film` on list `id`, or `None`.
pub(super) fn entry_of(
    conn: &rusqlite::Connection,
    id: ListId,
    film: FilmId,
) -> Result<Option<ListEntry>> {
    Ok(conn
        .prepare_cached(
            "SELECT film_id, position, note FROM list_entries WHERE list_id = ?1 AND film_id = ?2",
        )?
        .query_row(params![id.0, film], entry_from_row)
        .optional()?)
}

/// List `id`, or `None`.
pub(super) fn list_by_id(conn: &rusqlite::Connection, id: ListId) -> Result<Option<List>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {LIST_COLUMNS} FROM lists AS l WHERE l.id = ?1"
        ))?
        .query_row([id.0], list_from_row)
        .optional()?)
}

/// The list called `name` (trimmed, ignoring case), or `None`.
pub(super) fn list_by_name(conn: &rusqlite::Connection, name: &str) -> Result<Option<List>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {LIST_COLUMNS} FROM lists AS l WHERE l.name = ?1"
        ))?
        .query_row([name.trim()], list_from_row)
        .optional()?)
}

fn list_from_row(row: &Row<'_>) -> rusqlite::Result<List> {
    Ok(List {
        id: Some(ListId(row.get(0)?)),
        name: row.get(1)?,
        description: row.get(2)?,
        ranked: row.get(3)?,
    })
}

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<ListEntry> {
    Ok(ListEntry {
        film: row.get(0)?,
        position: row.get(1)?,
        note: row.get(2)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Film;

    #[test]
    fn lists_holding_names_the_lists_a_film_is_on() {
        let mut catalog = Catalog::open_in_memory().unwrap();
        let film = catalog.create_film(&Film::titled("Vagabond")).unwrap();
        let other = catalog.create_film(&Film::titled("Cléo")).unwrap();
        let varda = catalog.create_list(&List::named("Varda")).unwrap();
        let winter = catalog.create_list(&List::named("Winter")).unwrap();
        catalog.create_list(&List::named("Empty")).unwrap();
        for list in [winter, varda] {
            let choice = FilmChoice::Stored(film);
            catalog.add_to_list(list, &choice, "").unwrap();
        }
        catalog
            .add_to_list(varda, &FilmChoice::Stored(other), "")
            .unwrap();
        assert_eq!(catalog.lists_holding(film).unwrap(), [varda, winter]);
        assert_eq!(catalog.lists_holding(other).unwrap(), [varda]);
        catalog.remove_from_list(varda, other).unwrap();
        assert!(catalog.lists_holding(other).unwrap().is_empty());
    }
}
