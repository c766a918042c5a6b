//! What an online look-up (TMDb) brings, applied to one stored film: its blank fields filled by
//! the same rule imports use ([`Film::fill_blanks_from`]: nothing set is overwritten, the title
//! stays), its ids at the service added, and its poster set if it had none; all in one
//! transaction, undone as one [`Change`]. `film_lookups` (migration 9) remembers which films
//! were looked up, so a run over many films resumes where it stopped.

use rusqlite::{params, OptionalExtension, Transaction};

use super::{film_external_ids, films, posters, Catalog, Change, DbError, ExternalId};
use super::{IncomingFilm, Result};
use crate::model::{FilmId, Poster};

/// What a look-up did to a film.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LookupOutcome {
    /// Blank fields were filled in, or ids or a poster added.
    Filled,
    /// The film already had everything the answer held.
    Unchanged,
    /// The service knows no film of that title.
    NoMatch,
    /// Several films fit and none clearly; the person must choose.
    Ambiguous,
}

impl LookupOutcome {
    fn as_str(self) -> &'static str {
        match self {
            Self::Filled => "filled",
            Self::Unchanged => "unchanged",
            Self::NoMatch => "no match",
            Self::Ambiguous => "ambiguous",
        }
    }
}

/// What [`Catalog::apply_lookup`] changed.
#[derive(Clone, Debug, PartialEq)]
pub struct LookupApplied {
    /// Blank fields of the film were filled in.
    pub fields_filled: bool,
    /// Ids at other services added to the film.
    pub ids_added: usize,
    /// The film had no poster and now has one.
    pub poster_added: bool,
    /// What undoes all of it, as one step; `None` when nothing changed.
    pub change: Option<Change>,
}

impl Catalog {
    /// Fills the blanks of stored film `id` from `answer` (never overwriting, the title
    /// untouched), adds its external ids, and sets `poster` if the film has none, in one
    /// transaction; records the look-up.
    pub fn apply_lookup(
        &mut self,
        id: FilmId,
        answer: &IncomingFilm,
        poster: Option<&Poster>,
    ) -> Result<LookupApplied> {
        answer.film.validate()?;
        if let Some(poster) = poster {
            poster.validate()?;
        }
        self.write(|tx| {
            let before = films::film_by_id(tx, id)?.ok_or(DbError::FilmNotFound(id))?;
            let mut changes = Vec::new();
            let mut filled = before.clone();
            let fields_filled = filled.fill_blanks_from(&answer.film);
            if fields_filled {
                filled.validate()?;
                films::replace_film(tx, id, &filled)?;
                changes.push(Change::FilmEdited(Box::new(before)));
            }
            let ids_before = films::external_ids_of(tx, id)?;
            let ids_added = film_external_ids::add_external_ids(tx, id, &answer.external_ids)?;
            if ids_added > 0 {
                changes.push(Change::ExternalIds {
                    film: id,
                    before: ids_before,
                });
            }
            let poster_added = match poster {
                Some(poster) if !posters::poster_exists(tx, id)? => {
                    posters::put_poster(tx, id, Some(poster))?;
                    changes.push(Change::PosterReplaced {
                        film: id,
                        before: None,
                    });
                    true
                }
                _ => false,
            };
            let outcome = if changes.is_empty() {
                LookupOutcome::Unchanged
            } else {
                LookupOutcome::Filled
            };
            record(tx, id, outcome)?;
            Ok(LookupApplied {
                fields_filled,
                ids_added,
                poster_added,
                change: (!changes.is_empty()).then_some(Change::Together(changes)),
            })
        })
    }

    /// Records that film `id` was looked up with `outcome` (e.g. no match), so a run over many
    /// films does not ask about it again.
    pub fn record_lookup(&mut self, id: FilmId, outcome: LookupOutcome) -> Result<()> {
        self.write(|tx| record(tx, id, outcome))
    }

    /// Up to `limit` films, first added first, that lack a runtime or a poster and were never
    /// looked up: what `lookup --missing` works through.
    pub fn films_to_look_up(&self, limit: usize) -> Result<Vec<FilmId>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut select = self.conn.prepare_cached(
            "SELECT f.id FROM films AS f
             WHERE (f.runtime_min IS NULL
                    OR NOT EXISTS (SELECT 1 FROM film_posters AS p WHERE p.film_id = f.id))
               AND NOT EXISTS (SELECT 1 FROM film_lookups AS l WHERE l.film_id = f.id)
             ORDER BY f.id LIMIT ?1",
        )?;
        let ids = select.query_map([limit], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// The film another service knows by `id`, if the catalog has it.
    pub fn film_with_external_id(&self, id: &ExternalId) -> Result<Option<FilmId>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT film_id FROM film_external_ids WHERE source = ?1 AND value = ?2",
            )?
            .query_row(params![id.source, id.value], |r| r.get(0))
            .optional()?)
    }

    /// The film's ids at other services, e.g. `tmdb` / `550`.
    pub fn external_ids(&self, id: FilmId) -> Result<Vec<ExternalId>> {
        films::external_ids_of(&self.conn, id)
    }
}

fn record(tx: &Transaction, id: FilmId, outcome: LookupOutcome) -> Result<()> {
    tx.prepare_cached("INSERT OR REPLACE INTO film_lookups (film_id, outcome) VALUES (?1, ?2)")?
        .execute(params![id, outcome.as_str()])?;
    Ok(())
}

/// Undoes a change of the film's external ids inside `tx`: gives it `before` again; returns the
/// change that redoes it.
pub(super) fn revert_external_ids(
    tx: &Transaction,
    film: FilmId,
    before: &[ExternalId],
) -> Result<Change> {
    films::film_by_id(tx, film)?.ok_or(DbError::Gone)?;
    let now = films::external_ids_of(tx, film)?;
    tx.execute("DELETE FROM film_external_ids WHERE film_id = ?1", [film])?;
    film_external_ids::add_external_ids(tx, film, before)?;
    Ok(Change::ExternalIds { film, before: now })
}
