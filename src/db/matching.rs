//! Storing a pasted review on the stored film it is about (found by the paste's rule in
//! `same_film.rs`) or as a new film.

use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;

use super::{films, reviews, same_film, Catalog, Change, DbError, Result, Written};
use crate::model::{Film, FilmId, Review, ReviewId};

/// A stored film that may be the one a review is about.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FilmMatch {
    /// The film.
    pub id: FilmId,
    /// Its title.
    pub title: String,
    /// Its year.
    pub year: Option<i32>,
    /// Its directors, comma-separated.
    pub directors: String,
    /// What agrees with the film looked for, e.g. "same title, year and director".
    pub reasons: String,
}

/// Where an imported review goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// The one matching film, or a new film when none matches; ambiguous matches are refused.
    Auto,
    /// This stored film.
    Film(FilmId),
    /// A new film, whatever matches.
    New,
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// A new film was stored with the review.
    Created {
        /// The new film.
        film_id: FilmId,
        /// The new review.
        review_id: ReviewId,
    },
    /// The review was added to a stored film (whose blank fields were filled in).
    Attached {
        /// The stored film.
        film_id: FilmId,
        /// The new review.
        review_id: ReviewId,
    },
    /// The film already holds this very review: nothing was written.
    AlreadyStored {
        /// The stored film.
        film_id: FilmId,
        /// The review already there.
        review_id: ReviewId,
    },
    /// More than one stored film fits; nothing was written.
    Ambiguous {
        /// The films that fit.
        candidates: Vec<FilmMatch>,
    },
}

impl Catalog {
    /// Stores a parsed film and its review in one transaction, as `target` says. The same review
    /// imported twice is stored once.
    pub fn import_review(
        &mut self,
        film: &Film,
        review: &Review,
        target: ImportTarget,
    ) -> Result<Written<ImportOutcome>> {
        film.validate()?;
        review.validate()?;
        self.write(|tx| import_review(tx, film, review, target))
    }
}

/// [`Catalog::import_review`] inside `tx`.
fn import_review(
    tx: &Transaction,
    film: &Film,
    review: &Review,
    target: ImportTarget,
) -> Result<Written<ImportOutcome>> {
    let film_id = match target {
        ImportTarget::Film(id) => id,
        ImportTarget::New | ImportTarget::Auto => {
            let matches = same_film::matches_of(tx, film)?;
            for candidate in &matches {
                if let Some(review_id) = same_review(tx, candidate.id, review)? {
                    let film_id = candidate.id;
                    let outcome = ImportOutcome::AlreadyStored { film_id, review_id };
                    return Ok(Written::unchanged(outcome));
                }
            }
            let mut candidates = if target == ImportTarget::Auto {
                matches
            } else {
                Vec::new()
            };
            if candidates.len() > 1 {
                return Ok(Written::unchanged(ImportOutcome::Ambiguous { candidates }));
            }
            let Some(only) = candidates.pop() else {
                let (film_id, review_id) = reviews::film_with_review(tx, film, review)?;
                let outcome = ImportOutcome::Created { film_id, review_id };
                return Ok(Written::new(outcome, Change::FilmAdded(film_id)));
            };
            only.id
        }
    };
    let before = films::film_by_id(tx, film_id)?.ok_or(DbError::FilmNotFound(film_id))?;
    if let Some(review_id) = same_review(tx, film_id, review)? {
        return Ok(Written::unchanged(ImportOutcome::AlreadyStored {
            film_id,
            review_id,
        }));
    }
    let mut stored = before.clone();
    // Attaching fills the stored film's blank fields; undo puts it back as it was.
    let filled = if stored.fill_blanks_from(film) {
        films::replace_film(tx, film_id, &stored)?;
        Change::FilmEdited(Box::new(before))
    } else {
        Change::nothing()
    };
    let review_id = reviews::insert_review(tx, film_id, review)?;
    let undo = Change::then(filled, Change::ReviewAdded(review_id));
    Ok(Written::new(
        ImportOutcome::Attached { film_id, review_id },
        undo,
    ))
}

/// A review of `film_id` with the same pasted text (or, without one, the same body).
fn same_review(tx: &Transaction, film_id: FilmId, review: &Review) -> Result<Option<ReviewId>> {
    Ok(tx
        .prepare_cached(
            "SELECT id FROM reviews WHERE film_id = ?1
             AND coalesce(source_text, body) = coalesce(?2, ?3) LIMIT 1",
        )?
        .query_row(
            rusqlite::params![film_id, review.source_text, review.body],
            |r| r.get(0),
        )
        .optional()?)
}
