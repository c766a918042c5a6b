//! Storing a pasted review on the stored film it is about (found by the paste's rule in
//! `same_film.rs`) or as a new film.

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::{films, reviews, Catalog, DbError, Result};
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
    ) -> Result<ImportOutcome> {
        film.validate()?;
        review.validate()?;
        let film_id = match target {
            ImportTarget::Film(id) => id,
            ImportTarget::New | ImportTarget::Auto => {
                if let Some((film_id, review_id)) = self.same_review_anywhere(film, review)? {
                    return Ok(ImportOutcome::AlreadyStored { film_id, review_id });
                }
                let mut candidates = if target == ImportTarget::Auto {
                    self.find_matches(film)?
                } else {
                    Vec::new()
                };
                if candidates.len() > 1 {
                    return Ok(ImportOutcome::Ambiguous { candidates });
                }
                let Some(only) = candidates.pop() else {
                    let (film_id, review_id) = self.create_film_with_review(film, review)?;
                    return Ok(ImportOutcome::Created { film_id, review_id });
                };
                only.id
            }
        };
        let mut stored = self.film(film_id)?.ok_or(DbError::FilmNotFound(film_id))?;
        if let Some(review_id) = self.same_review(film_id, review)? {
            return Ok(ImportOutcome::AlreadyStored { film_id, review_id });
        }
        let filled = stored.fill_blanks_from(film);
        self.write(|tx| {
            if filled {
                films::replace_film(tx, film_id, &stored)?;
            }
            let review_id = reviews::insert_review(tx, film_id, review)?;
            Ok(ImportOutcome::Attached { film_id, review_id })
        })
    }

    /// A review of `film_id` with the same pasted text (or, without one, the same body).
    fn same_review(&self, film_id: FilmId, review: &Review) -> Result<Option<ReviewId>> {
        Ok(self
            .conn
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

    /// A stored review with the same pasted text on a film that matches `film`.
    fn same_review_anywhere(
        &self,
        film: &Film,
        review: &Review,
    ) -> Result<Option<(FilmId, ReviewId)>> {
        for candidate in self.find_matches(film)? {
            if let Some(review_id) = self.same_review(candidate.id, review)? {
                return Ok(Some((candidate.id, review_id)));
            }
        }
        Ok(None)
    }
}
