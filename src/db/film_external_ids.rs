//! The `film_external_ids` table: a film's ids at other services (`letterboxd`, `imdb`, `tmdb`).

use rusqlite::{params, Transaction};

use super::{ExternalId, Result};
use crate::model::FilmId;

/// Gives film `film` the ids in `ids` inside `tx`; an id some film already holds is left where it
/// is. Returns how many were added. The one place these rows are written: imports, look-ups,
/// merges and undo all come here.
pub(super) fn add_external_ids<'a>(
    tx: &Transaction,
    film: FilmId,
    ids: impl IntoIterator<Item = &'a ExternalId>,
) -> Result<usize> {
    let mut add = tx.prepare_cached(
        "INSERT OR IGNORE INTO film_external_ids (source, value, film_id) VALUES (?1, ?2, ?3)",
    )?;
    let mut added = 0;
    for external in ids {
        added += add.execute(params![external.source, external.value, film])?;
    }
    Ok(added)
}
