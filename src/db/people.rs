//! The `people` table: one row per name, shared by every film that credits it.

use rusqlite::{OptionalExtension, Transaction};

use super::Result;
use crate::model::{text_keys, FilmId, PersonId};

/// Stores the person `name` (trimmed, with its folded sort name) inside `tx` unless a person of
/// that name is stored; true when a row was added. The one place a person's row is written:
/// a film's credits and an import's people both come here.
pub(super) fn add_person(tx: &Transaction, name: &str) -> Result<bool> {
    let name = name.trim();
    Ok(tx
        .prepare_cached("INSERT OR IGNORE INTO people (name, sort_name) VALUES (?1, ?2)")?
        .execute([name, &text_keys::fold(name)])?
        == 1)
}

/// The id of the person named `name` (trimmed), added if new.
pub(super) fn person_id(tx: &Transaction, name: &str) -> Result<PersonId> {
    let mut find = tx.prepare_cached("SELECT id FROM people WHERE name = ?1")?;
    let name = name.trim();
    if let Some(id) = find.query_row([name], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    add_person(tx, name)?;
    Ok(PersonId(tx.last_insert_rowid()))
}

/// The people credited on film `film` inside `tx`.
pub(super) fn credited_on(tx: &Transaction, film: FilmId) -> Result<Vec<PersonId>> {
    let mut select =
        tx.prepare_cached("SELECT DISTINCT person_id FROM credits WHERE film_id = ?1")?;
    let ids = select.query_map([film], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Deletes those of `people` no film credits any more inside `tx` (a person's row is the name
/// a credit points to, so one without credits is left over, as a tag no entry uses is).
pub(super) fn drop_uncredited(tx: &Transaction, people: &[PersonId]) -> Result<()> {
    let mut delete = tx.prepare_cached(
        "DELETE FROM people WHERE id = ?1
         AND NOT EXISTS (SELECT 1 FROM credits WHERE person_id = ?1)",
    )?;
    for person in people {
        delete.execute([person])?;
    }
    Ok(())
}
