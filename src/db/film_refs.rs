//! How diary entries and watchlist items name their film: a short summary of it for lists and
//! exports, and creating it on the spot when it is new (finding it by the title a person types is
//! in `same_film.rs`).

use rusqlite::{Row, Transaction};
use serde::Serialize;

use super::{films, DbError, Result};
use crate::model::{Film, FilmId};

/// What a diary or watchlist row shows of its film.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FilmSummary {
    /// The film.
    pub id: FilmId,
    /// Its title.
    pub title: String,
    /// Its year.
    pub year: Option<i32>,
    /// Its directors, in credit order.
    pub directors: Vec<String>,
    /// Its length in minutes.
    pub runtime_min: Option<u32>,
}

/// The film a new diary entry or watchlist item is for.
#[derive(Clone, Debug, PartialEq)]
pub enum FilmChoice {
    /// A film already in the catalog.
    Stored(FilmId),
    /// A film to create in the same transaction, e.g. from a title and a year typed on the spot.
    New(Box<Film>),
}

/// The columns of a [`FilmSummary`] for a `SELECT` over `films AS f`, in the order
/// [`summary_from_row`] reads them.
pub(super) const SUMMARY_COLUMNS: &str = "f.id, f.title, f.year, f.runtime_min,
    (SELECT json_group_array(name) FROM
        (SELECT p.name FROM credits AS c JOIN people AS p ON p.id = c.person_id
         WHERE c.film_id = f.id AND c.role = 'director' ORDER BY c.position))";

/// Reads a [`FilmSummary`] from the columns [`SUMMARY_COLUMNS`] put at `first`.
pub(super) fn summary_from_row(row: &Row<'_>, first: usize) -> rusqlite::Result<FilmSummary> {
    let directors: String = row.get(first + 4)?;
    Ok(FilmSummary {
        id: row.get(first)?,
        title: row.get(first + 1)?,
        year: row.get(first + 2)?,
        runtime_min: row.get(first + 3)?,
        directors: serde_json::from_str(&directors).unwrap_or_default(),
    })
}

/// The id of the film `choice` names inside `tx`: checked to exist, or created.
pub(super) fn chosen_film(tx: &Transaction, choice: &FilmChoice) -> Result<FilmId> {
    match choice {
        FilmChoice::Stored(id) => {
            let exists: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM films WHERE id = ?1)")?
                .query_row([id], |r| r.get(0))?;
            if exists {
                Ok(*id)
            } else {
                Err(DbError::FilmNotFound(*id))
            }
        }
        FilmChoice::New(film) => {
            film.validate()?;
            films::insert_film(tx, film, None)
        }
    }
}
