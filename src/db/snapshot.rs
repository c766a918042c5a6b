//! The whole catalog read back as one [`ImportBatch`], for backups: in a stable order and with no
//! row ids, so the same catalog always gives the same batch, and a batch stored into an empty
//! catalog with [`ImportMode::Replace`](super::ImportMode::Replace) reads back the same. Also what
//! an export to another service needs beside the diary and watchlist rows: each film's ids there
//! ([`Catalog::service_ids`]) and the ratings and reviews of no viewing ([`Catalog::own_reviews`]).

use std::collections::HashMap;

use super::film_refs::{summary_from_row, SUMMARY_COLUMNS};
use super::{films, list_import, Catalog, DbError, DiaryFilter, Result, WatchlistSort};
use crate::model::{
    ExternalId, FilmId, FilmIds, FilmSummary, ImportBatch, IncomingEntry, IncomingFilm,
    IncomingPoster, IncomingReview, IncomingWatch, OwnReview, ReviewKind,
};

impl Catalog {
    /// Every film's ids at Letterboxd, IMDb and TMDb; films with none are left out.
    pub fn service_ids(&self) -> Result<HashMap<FilmId, FilmIds>> {
        let mut select = self.conn.prepare(
            "SELECT film_id, source, value FROM film_external_ids
             WHERE source IN ('letterboxd', 'imdb', 'tmdb') ORDER BY film_id, source, value",
        )?;
        let mut ids: HashMap<FilmId, FilmIds> = HashMap::new();
        let rows = select.query_map([], |r| {
            Ok((
                r.get::<_, FilmId>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (film, source, value) = row?;
            let known = ids.entry(film).or_default();
            let slot = match source.as_str() {
                "letterboxd" => &mut known.letterboxd,
                "imdb" => &mut known.imdb,
                _ => &mut known.tmdb,
            };
            let better = slot
                .as_ref()
                .is_none_or(|old| !old.contains("boxd.it/") && value.contains("boxd.it/"));
            if better {
                *slot = Some(value);
            }
        }
        Ok(ids)
    }

    /// The reviews of kind own (ratings and reviews kept apart from any viewing), by film title
    /// and then as they were added.
    pub fn own_reviews(&self) -> Result<Vec<OwnReview>> {
        let films: Vec<FilmSummary> = self
            .conn
            .prepare(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM films AS f
                 WHERE f.id IN (SELECT film_id FROM reviews WHERE kind = 'own')
                 ORDER BY f.title, f.year, f.id"
            ))?
            .query_map([], |row| summary_from_row(row, 0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut own = Vec::new();
        for film in films {
            for review in self.reviews_of(film.id)? {
                if review.kind == ReviewKind::Own {
                    own.push(OwnReview {
                        review,
                        film: film.clone(),
                    });
                }
            }
        }
        Ok(own)
    }

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
    /// [`ImportMode::Replace`](super::ImportMode::Replace) into an empty catalog and reading it
    /// back gives the same batch.
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
            let mut marks = films::marks_of(&self.conn, *id)?;
            marks.extend(list_import::list_marks_of(&self.conn, *id)?);
            marks.sort();
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
        batch.lists = list_import::incoming_lists(&self.conn, &index)?;
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
