//! The `people` table: one row per name, shared by every film that credits it.

use rusqlite::{OptionalExtension, Transaction};

use super::{text_keys, Result};
use crate::model::PersonId;

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
