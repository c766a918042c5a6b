//! The `film_marks` table: marks on a film as a whole (`watched`, `liked`), not on one viewing.

use rusqlite::{params, Transaction};

use super::Result;
use crate::model::FilmId;

/// Marks film `film` with `mark` (trimmed) at `position` inside `tx`, unless it has that mark;
/// true when the mark was added. The one place these rows are written: imports, merges and undo
/// all come here.
pub(super) fn add_mark(
    tx: &Transaction,
    film: FilmId,
    mark: &str,
    position: Option<u32>,
) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "INSERT OR IGNORE INTO film_marks (film_id, mark, position) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![film, mark.trim(), position])?
        == 1)
}
