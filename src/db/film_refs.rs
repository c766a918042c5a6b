//! How diary entries and watchlist items name their film: a short summary of it for lists and
//! exports, and creating it on the spot when it is new (finding it by the title a person types is
//! in `same_film.rs`).

use rusqlite::{Row, Transaction};

use super::{films, same_film, Change, DbError, Result};
use crate::model::{Film, FilmId, FilmSummary};

/// The film a new diary entry or watchlist item is for.
#[derive(Clone, Debug, PartialEq)]
pub enum FilmChoice {
    /// A film already in the catalog.
    Stored(FilmId),
    /// A film to create in the same transaction, e.g. from a title and a year typed on the spot.
    New(Box<Film>),
    /// The film a person named by typing its title (and maybe its year), found by the typed-title
    /// rule of `same_film.rs` in the write's transaction: the one stored film that fits, else a
    /// new film of that title and year. Several fitting films are
    /// [`DbError::AmbiguousTitle`], and nothing is written.
    Titled {
        /// The title as typed.
        title: String,
        /// The year, if typed.
        year: Option<i32>,
    },
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

/// The id of the film `choice` names inside `tx` (checked to exist, or created), with the
/// change that undoes creating it ([`Change::nothing`] for a stored film).
pub(super) fn chosen_film(tx: &Transaction, choice: &FilmChoice) -> Result<(FilmId, Change)> {
    match choice {
        FilmChoice::Stored(id) => {
            let exists: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM films WHERE id = ?1)")?
                .query_row([id], |r| r.get(0))?;
            if exists {
                Ok((*id, Change::nothing()))
            } else {
                Err(DbError::FilmNotFound(*id))
            }
        }
        FilmChoice::New(film) => new_film(tx, film),
        FilmChoice::Titled { title, year } => {
            let mut found = same_film::titled(tx, title, *year)?;
            match found.len() {
                0 => {
                    let film = Film {
                        title: title.trim().to_owned(),
                        year: *year,
                        ..Film::default()
                    };
                    new_film(tx, &film)
                }
                1 => chosen_film(tx, &FilmChoice::Stored(found.remove(0).id)),
                _ => Err(DbError::AmbiguousTitle {
                    title: title.trim().to_owned(),
                    candidates: found,
                }),
            }
        }
    }
}

/// Stores `film` inside `tx`; returns its id and the change that undoes it.
fn new_film(tx: &Transaction, film: &Film) -> Result<(FilmId, Change)> {
    film.validate()?;
    let id = films::insert_film(tx, film, None)?;
    Ok((id, Change::FilmAdded(id)))
}
