//! Reviews under a film.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{Catalog, Change, DbError, Result, Written};
use crate::model::{Film, FilmId, Rating, Review, ReviewId, ReviewKind};

const REVIEW_COLUMNS: &str = "id, film_id, kind, outlet, reviewer, source_url, published_on, \
     rating_value, rating_scale, body, source_text";

impl Catalog {
    /// Adds a review to a stored film.
    pub fn add_review(&mut self, film: FilmId, review: &Review) -> Result<Written<ReviewId>> {
        review.validate()?;
        self.write(|tx| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM films WHERE id = ?1)",
                [film],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(DbError::FilmNotFound(film));
            }
            let id = insert_review(tx, film, review)?;
            Ok(Written::new(id, Change::ReviewAdded(id)))
        })
    }

    /// Stores a new film and a review of it together.
    pub fn create_film_with_review(
        &mut self,
        film: &Film,
        review: &Review,
    ) -> Result<Written<(FilmId, ReviewId)>> {
        film.validate()?;
        review.validate()?;
        self.write(|tx| {
            let ids = film_with_review(tx, film, review)?;
            Ok(Written::new(ids, Change::FilmAdded(ids.0)))
        })
    }

    /// The film's reviews, oldest first.
    pub fn reviews_of(&self, film: FilmId) -> Result<Vec<Review>> {
        reviews_of(&self.conn, film)
    }

    /// Deletes one review; returns it as it was, or `None` (and nothing written) when there is
    /// no such review.
    pub fn delete_review(&mut self, id: ReviewId) -> Result<Written<Option<Review>>> {
        self.write(|tx| {
            let Some(review) = take_review(tx, id)? else {
                return Ok(Written::unchanged(None));
            };
            let film = review.film_id.ok_or(DbError::Gone)?;
            let undo = Change::ReviewDeleted(film, Box::new(review.clone()));
            Ok(Written::new(Some(review), undo))
        })
    }
}

/// Inserts a new film and one review of it inside `tx`; returns both ids.
pub(super) fn film_with_review(
    tx: &Transaction,
    film: &Film,
    review: &Review,
) -> Result<(FilmId, ReviewId)> {
    let (film_id, review_ids) =
        super::films::insert_film_with_reviews(tx, film, std::slice::from_ref(review), None)?;
    // One review in, one id out.
    Ok((film_id, review_ids[0]))
}

/// Deletes review `id` inside `tx`; returns it as it was, or `None`.
pub(super) fn take_review(tx: &Transaction, id: ReviewId) -> Result<Option<Review>> {
    let review = tx
        .prepare_cached(&format!(
            "SELECT {REVIEW_COLUMNS} FROM reviews WHERE id = ?1"
        ))?
        .query_row([id], review_from_row)
        .optional()?;
    if review.is_some() {
        tx.execute("DELETE FROM reviews WHERE id = ?1", [id])?;
    }
    Ok(review)
}

/// The film's reviews, oldest first.
pub(super) fn reviews_of(conn: &rusqlite::Connection, film: FilmId) -> Result<Vec<Review>> {
    let mut select = conn.prepare_cached(&format!(
        "SELECT {REVIEW_COLUMNS} FROM reviews WHERE film_id = ?1 ORDER BY id"
    ))?;
    let rows = select.query_map([film], review_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Inserts `review` under `film` inside `tx`, under its own id when it has one (an undone
/// deletion comes back as it was).
pub(super) fn insert_review(tx: &Transaction, film: FilmId, review: &Review) -> Result<ReviewId> {
    let rating = review.rating.as_ref();
    tx.prepare_cached(
        "INSERT INTO reviews (film_id, kind, outlet, reviewer, source_url, published_on,
                              rating_value, rating_scale, rating_norm, body, source_text, id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        film,
        review.kind.as_str(),
        review.outlet,
        review.reviewer,
        review.source_url,
        review.published_on,
        rating.map(Rating::value_text),
        rating.map(Rating::scale_code),
        rating.map(Rating::normalised),
        review.body,
        review.source_text,
        review.id,
    ])?;
    Ok(ReviewId(tx.last_insert_rowid()))
}

fn review_from_row(row: &Row<'_>) -> rusqlite::Result<Review> {
    let kind: String = row.get(2)?;
    let value: Option<String> = row.get(7)?;
    let scale: Option<String> = row.get(8)?;
    Ok(Review {
        id: Some(row.get(0)?),
        film_id: Some(row.get(1)?),
        kind: ReviewKind::parse(&kind).unwrap_or_default(),
        outlet: row.get(3)?,
        reviewer: row.get(4)?,
        source_url: row.get(5)?,
        published_on: row.get(6)?,
        rating: value
            .zip(scale)
            .and_then(|(v, s)| Rating::from_stored(&v, &s)),
        body: row.get(9)?,
        source_text: row.get(10)?,
    })
}
