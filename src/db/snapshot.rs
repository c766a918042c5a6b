//! The whole catalog read back as one [`ImportBatch`], for backups: in a stable order and with no
//! row ids, so the same catalog always gives the same batch, and a batch stored into an empty
//! catalog with [`ImportMode::Replace`](super::ImportMode::Replace) reads back the same.

use std::collections::HashMap;

use super::{films, Catalog, DbError, DiaryFilter, Result, WatchlistSort};
use super::{
    ExternalId, ImportBatch, IncomingEntry, IncomingFilm, IncomingPoster, IncomingReview,
    IncomingWatch,
};
use crate::model::FilmId;

impl Catalog {
    /// True when the catalog holds no film, person, viewing or watchlist item.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM films) AND NOT EXISTS (SELECT 1 FROM people)",
            [],
            |r| r.get(0),
        )?)
    }

    /// The whole catalog as one batch, in a stable order (films, reviews and viewings as they were
    /// added, the watchlist in the person's order), with no row ids: storing it with
    /// [`ImportMode::Replace`] into an empty catalog and reading it back gives the same batch.
    pub fn snapshot(&self) -> Result<ImportBatch> {
        self.snapshot_with(true)
    }

    /// [`Catalog::snapshot`], with the posters or (`posters: false`) without reading them.
    pub fn snapshot_with(&self, posters: bool) -> Result<ImportBatch> {
        let ids: Vec<FilmId> = self
            .conn
            .prepare("SELECT id FROM films ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let index: HashMap<FilmId, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut batch = ImportBatch {
            people: self
                .conn
                .prepare("SELECT name FROM people WHERE id NOT IN (SELECT person_id FROM credits) ORDER BY name")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?,
            ..ImportBatch::default()
        };
        for (film_index, id) in ids.iter().enumerate() {
            let mut film = self.film(*id)?.ok_or(DbError::FilmNotFound(*id))?;
            film.id = None;
            let external_ids = films::external_ids_of(&self.conn, *id)?;
            let marks = films::marks_of(&self.conn, *id)?;
            batch.films.push(IncomingFilm {
                film,
                external_ids,
                marks,
            });
            if posters {
                if let Some(poster) = super::posters::poster_of(&self.conn, *id)? {
                    batch.posters.push(IncomingPoster {
                        film: film_index,
                        poster,
                    });
                }
            }
            for mut review in self.reviews_of(*id)? {
                review.id = None;
                review.film_id = None;
                batch.reviews.push(IncomingReview {
                    film: film_index,
                    review,
                });
            }
        }
        let mut entry_ids = self.conn.prepare(
            "SELECT source, value FROM diary_external_ids WHERE entry_id = ?1 ORDER BY source, value",
        )?;
        let mut rows = self.diary(&DiaryFilter::default())?;
        rows.sort_by_key(|row| row.entry.id.map(|id| id.0));
        for row in rows {
            let entry = row.entry;
            let Some(&film) = index.get(&entry.film_id) else {
                continue;
            };
            let external_ids = entry_ids
                .query_map([entry.id], |r| {
                    Ok(ExternalId {
                        source: r.get(0)?,
                        value: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            batch.diary.push(IncomingEntry {
                film,
                watched_on: entry.watched_on,
                rating_half_stars: entry.rating_half_stars,
                rewatch: entry.rewatch,
                liked: entry.liked,
                review: entry.review,
                tags: entry.tags.iter().map(|t| t.as_str().to_owned()).collect(),
                external_ids,
            });
        }
        for row in self.watchlist(WatchlistSort::Position)? {
            let Some(&film) = index.get(&row.item.film_id) else {
                continue;
            };
            batch.watchlist.push(IncomingWatch {
                film,
                added_on: row.item.added_on,
                priority: row.item.priority,
                note: row.item.note,
            });
        }
        Ok(batch)
    }
}
