//! Posters: at most one per film, in `film_posters` (migration 9), with its two thumbnails. The
//! film rows stay small; reading a thumbnail reads only its own pages. A poster goes with its
//! film: deleting the film deletes it, and undoing the deletion brings it back.

use rusqlite::{params, OptionalExtension, Transaction};

use super::{films, Catalog, Change, DbError, Result};
use crate::model::{FilmId, Poster, PosterSize};

/// The columns every poster `SELECT` reads, in the order [`poster_from_row`] expects.
const POSTER_COLUMNS: &str = "mime, width, height, list_thumb, grid_thumb, image";

/// How many posters a catalog holds and what they cost it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct PosterTotals {
    /// Films with a poster.
    pub posters: i64,
    /// Bytes of all thumbnails (list and grid) together.
    pub thumbnail_bytes: i64,
    /// Bytes of all kept images together.
    pub image_bytes: i64,
}

impl Catalog {
    /// Gives `film` the poster, replacing the one it had; returns the change that undoes it.
    pub fn set_poster(&mut self, film: FilmId, poster: &Poster) -> Result<Change> {
        poster.validate()?;
        self.write(|tx| {
            require_film(tx, film)?;
            let before = put_poster(tx, film, Some(poster))?;
            Ok(Change::PosterReplaced {
                film,
                before: before.map(Box::new),
            })
        })
    }

    /// Gives each film its poster, replacing any, in one transaction (demo catalogs).
    pub fn set_posters(&mut self, posters: &[(FilmId, Poster)]) -> Result<()> {
        for (_, poster) in posters {
            poster.validate()?;
        }
        self.with_bulk_cache(|catalog| {
            catalog.write(|tx| {
                for (film, poster) in posters {
                    require_film(tx, *film)?;
                    put_poster(tx, *film, Some(poster))?;
                }
                Ok(())
            })
        })
    }

    /// Takes the film's poster away; returns the change that undoes it, or `None` when it had
    /// no poster (nothing is written then).
    pub fn remove_poster(&mut self, film: FilmId) -> Result<Option<Change>> {
        self.write(|tx| {
            require_film(tx, film)?;
            Ok(
                put_poster(tx, film, None)?.map(|before| Change::PosterReplaced {
                    film,
                    before: Some(Box::new(before)),
                }),
            )
        })
    }

    /// The film's poster with its thumbnails, or `None`.
    pub fn poster(&self, film: FilmId) -> Result<Option<Poster>> {
        poster_of(&self.conn, film)
    }

    /// The bytes of one of the film's poster images (a thumbnail for the table or the grid, or
    /// the kept image), read alone; `None` when the film has no poster.
    pub fn poster_bytes(&self, film: FilmId, size: PosterSize) -> Result<Option<Vec<u8>>> {
        let column = match size {
            PosterSize::List => "list_thumb",
            PosterSize::Grid => "grid_thumb",
            PosterSize::Full => "image",
        };
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {column} FROM film_posters WHERE film_id = ?1"
            ))?
            .query_row([film], |r| r.get(0))
            .optional()?)
    }

    /// One image (e.g. the grid thumbnail) of each of `films` that has a poster, by film: what
    /// an HTML export embeds.
    pub fn poster_images(
        &self,
        films: impl IntoIterator<Item = FilmId>,
        size: PosterSize,
    ) -> Result<std::collections::HashMap<FilmId, Vec<u8>>> {
        let mut images = std::collections::HashMap::new();
        for film in films {
            if images.contains_key(&film) {
                continue;
            }
            if let Some(bytes) = self.poster_bytes(film, size)? {
                images.insert(film, bytes);
            }
        }
        Ok(images)
    }

    /// Gives this connection SQLite's default page cache (2 MiB) instead of the larger one
    /// [`Catalog::open`] sets: for a reader of thumbnails (the window's poster loader), which are
    /// read once and kept decoded, so caching their pages would only take memory.
    pub fn use_small_page_cache(&self) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -2048)?;
        Ok(())
    }

    /// True when the film has a poster.
    pub fn has_poster(&self, film: FilmId) -> Result<bool> {
        poster_exists(&self.conn, film)
    }

    /// How many posters the catalog holds and their bytes.
    pub fn poster_totals(&self) -> Result<PosterTotals> {
        Ok(self.conn.query_row(
            "SELECT count(*), coalesce(sum(length(list_thumb) + length(grid_thumb)), 0),
                    coalesce(sum(length(image)), 0)
             FROM film_posters",
            [],
            |r| {
                Ok(PosterTotals {
                    posters: r.get(0)?,
                    thumbnail_bytes: r.get(1)?,
                    image_bytes: r.get(2)?,
                })
            },
        )?)
    }
}

/// Fails with [`DbError::FilmNotFound`] unless film `id` is stored.
fn require_film(tx: &Transaction, id: FilmId) -> Result<()> {
    let stored: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM films WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?;
    if stored {
        Ok(())
    } else {
        Err(DbError::FilmNotFound(id))
    }
}

/// True when film `id` has a poster.
pub(super) fn poster_exists(conn: &rusqlite::Connection, id: FilmId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM film_posters WHERE film_id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// The poster of film `id`, or `None`.
pub(super) fn poster_of(conn: &rusqlite::Connection, id: FilmId) -> Result<Option<Poster>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {POSTER_COLUMNS} FROM film_posters WHERE film_id = ?1"
        ))?
        .query_row([id], poster_from_row)
        .optional()?)
}

/// Sets (or, with `None`, removes) the poster of film `id` inside `tx`; returns the one it had.
pub(super) fn put_poster(
    tx: &Transaction,
    id: FilmId,
    poster: Option<&Poster>,
) -> Result<Option<Poster>> {
    let before = poster_of(tx, id)?;
    match poster {
        Some(p) => {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO film_posters
                    (film_id, mime, width, height, list_thumb, grid_thumb, image)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                id,
                p.mime,
                p.width,
                p.height,
                p.list_thumb,
                p.grid_thumb,
                p.image
            ])?;
        }
        None => {
            tx.prepare_cached("DELETE FROM film_posters WHERE film_id = ?1")?
                .execute([id])?;
        }
    }
    Ok(before)
}

/// Undoes a poster change inside `tx`: puts `before` back; returns the change that redoes it.
pub(super) fn revert_poster(
    tx: &Transaction,
    film: FilmId,
    before: Option<&Poster>,
) -> Result<Change> {
    films::film_by_id(tx, film)?.ok_or(DbError::Gone)?;
    let now = put_poster(tx, film, before)?;
    Ok(Change::PosterReplaced {
        film,
        before: now.map(Box::new),
    })
}

fn poster_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Poster> {
    Ok(Poster {
        mime: row.get(0)?,
        width: row.get(1)?,
        height: row.get(2)?,
        list_thumb: row.get(3)?,
        grid_thumb: row.get(4)?,
        image: row.get(5)?,
    })
}
