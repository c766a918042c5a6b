//! Films with their credits: create, read, update, delete, and undo a delete.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::list_import::{self, ListPlace};
use super::{
    diary, film_external_ids, film_marks, open::classify, people, reviews, text_keys, watchlist,
    Catalog, DbError, Result,
};
use super::{ExternalId, FilmMark};
use crate::model::{Credit, DiaryEntry, Film, FilmId, Review, ReviewId, Role, WatchlistItem};

/// A deleted film with everything that hung on it, enough to put it back as it was, under the
/// same ids.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedFilm {
    /// The film with its credits and its old id.
    pub film: Film,
    /// Its reviews, with their ids.
    pub reviews: Vec<Review>,
    /// Its viewings, with their ids and tags.
    pub diary: Vec<DiaryEntry>,
    /// Its place on the watchlist.
    pub watchlist: Option<WatchlistItem>,
    /// Its ids at other services.
    pub external_ids: Vec<ExternalId>,
    /// Its marks (watched, liked).
    pub marks: Vec<FilmMark>,
    /// Its places on lists.
    pub lists: Vec<ListPlace>,
    /// Its poster.
    pub poster: Option<crate::model::Poster>,
}

/// The columns every film `SELECT` reads, in the order [`film_from_row`] expects.
const FILM_COLUMNS: &str = "id, title, original_title, alternative_titles, year, runtime_min, \
     languages, countries, genres, release_date, notes";

impl Catalog {
    /// Runs `work` in one transaction: committed whole if it returns `Ok`, rolled back otherwise.
    pub(super) fn write<T>(&mut self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| classify(e, &path))?;
        let value = work(&tx).map_err(|e| match e {
            DbError::Sqlite(e) => classify(e, &path),
            other => other,
        })?;
        tx.commit().map_err(|e| classify(e, &path))?;
        Ok(value)
    }

    /// Runs `work`, which writes many rows in one transaction, with the larger page cache of
    /// [`BULK_CACHE_KIB`](super::open::BULK_CACHE_KIB); the usual cache is back afterwards.
    pub(super) fn with_bulk_cache<T>(
        &mut self,
        work: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        self.conn
            .pragma_update(None, "cache_size", -super::open::BULK_CACHE_KIB)?;
        let result = work(self);
        let restored = self
            .conn
            .pragma_update(None, "cache_size", -super::open::CACHE_KIB);
        let value = result?;
        restored?;
        Ok(value)
    }

    /// Stores a new film with its credits; returns its id.
    pub fn create_film(&mut self, film: &Film) -> Result<FilmId> {
        film.validate()?;
        self.write(|tx| insert_film(tx, film, None))
    }

    /// The film with its credits, or `None` if there is no such film.
    pub fn film(&self, id: FilmId) -> Result<Option<Film>> {
        film_by_id(&self.conn, id)
    }

    /// Replaces the stored film (matched by its id) and its credits with `film`.
    pub fn update_film(&mut self, film: &Film) -> Result<()> {
        film.validate()?;
        let id = film.id.ok_or(DbError::FilmNotFound(FilmId(0)))?;
        self.write(|tx| replace_film(tx, id, film))
    }

    /// Deletes the film with its credits, reviews, diary entries and watchlist place; returns what
    /// was deleted so [`Catalog::restore_film`] can undo it.
    pub fn delete_film(&mut self, id: FilmId) -> Result<DeletedFilm> {
        self.write(|tx| take_film(tx, id))
    }

    /// Puts a deleted film back under its old id, with everything that hung on it.
    pub fn restore_film(&mut self, deleted: &DeletedFilm) -> Result<FilmId> {
        self.write(|tx| put_back_film(tx, deleted))
    }
}

/// Deletes film `id` and what hangs on it inside `tx`; returns all of it.
pub(super) fn take_film(tx: &Transaction, id: FilmId) -> Result<DeletedFilm> {
    let film = film_by_id(tx, id)?.ok_or(DbError::FilmNotFound(id))?;
    let deleted = DeletedFilm {
        film,
        reviews: reviews::reviews_of(tx, id)?,
        diary: diary::entries_of(tx, id)?,
        watchlist: watchlist::item_of_film(tx, id)?,
        external_ids: external_ids_of(tx, id)?,
        marks: marks_of(tx, id)?,
        lists: list_import::places_of(tx, id)?,
        poster: super::posters::poster_of(tx, id)?,
    };
    if let Some(item) = deleted.watchlist.as_ref().and_then(|i| i.id) {
        watchlist::remove_item(tx, item)?;
    }
    tx.execute("DELETE FROM films WHERE id = ?1", [id])?;
    diary::drop_unused_tags(tx)?;
    Ok(deleted)
}

/// The film's ids at other services.
pub(super) fn external_ids_of(conn: &rusqlite::Connection, id: FilmId) -> Result<Vec<ExternalId>> {
    let mut select = conn.prepare_cached(
        "SELECT source, value FROM film_external_ids WHERE film_id = ?1 ORDER BY source, value",
    )?;
    let rows = select.query_map([id], |r| {
        Ok(ExternalId {
            source: r.get(0)?,
            value: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The film's marks (watched, liked, lists).
pub(super) fn marks_of(conn: &rusqlite::Connection, id: FilmId) -> Result<Vec<FilmMark>> {
    let mut select = conn
        .prepare_cached("SELECT mark, position FROM film_marks WHERE film_id = ?1 ORDER BY mark")?;
    let rows = select.query_map([id], |r| {
        Ok(FilmMark {
            mark: r.get(0)?,
            position: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Puts `deleted` back inside `tx`, every row under its old id.
pub(super) fn put_back_film(tx: &Transaction, deleted: &DeletedFilm) -> Result<FilmId> {
    let (id, _) = insert_film_with_reviews(tx, &deleted.film, &deleted.reviews, deleted.film.id)?;
    for entry in &deleted.diary {
        diary::insert_entry(tx, id, entry, entry.id)?;
    }
    if let Some(item) = &deleted.watchlist {
        watchlist::put_back_item(tx, item)?;
    }
    film_external_ids::add_external_ids(tx, id, &deleted.external_ids)?;
    for mark in &deleted.marks {
        film_marks::add_mark(tx, id, &mark.mark, mark.position)?;
    }
    list_import::put_back_places(tx, &deleted.lists)?;
    if let Some(poster) = &deleted.poster {
        super::posters::put_poster(tx, id, Some(poster))?;
    }
    Ok(id)
}

/// Film `id` with its credits, or `None`.
pub(super) fn film_by_id(conn: &rusqlite::Connection, id: FilmId) -> Result<Option<Film>> {
    let film = conn
        .prepare_cached(&format!("SELECT {FILM_COLUMNS} FROM films WHERE id = ?1"))?
        .query_row([id], film_from_row)
        .optional()?;
    let Some(mut film) = film else {
        return Ok(None);
    };
    film.credits = credits_of(conn, id)?;
    Ok(Some(film))
}

/// Inserts `film` (with `id` if given) and its credits inside `tx`.
pub(super) fn insert_film(tx: &Transaction, film: &Film, id: Option<FilmId>) -> Result<FilmId> {
    Ok(insert_film_with_reviews(tx, film, &[], id)?.0)
}

/// Inserts `film` (with `id` if given), its credits and `reviews` of it inside `tx`; returns the
/// film's id and the reviews' ids, in order.
pub(super) fn insert_film_with_reviews(
    tx: &Transaction,
    film: &Film,
    reviews: &[Review],
    id: Option<FilmId>,
) -> Result<(FilmId, Vec<ReviewId>)> {
    let id = match id {
        Some(id) => id,
        None => next_film_id(tx)?,
    };
    let review_ids = write_credits_and_reviews(tx, id, film, reviews)?;
    execute_with_film(
        tx,
        &format!("INSERT INTO films ({FILM_INSERT_COLUMNS}) {FILM_INSERT_VALUES}"),
        id,
        film,
    )?;
    write_title_keys(tx, id, film)?;
    Ok((id, review_ids))
}

/// The columns a new film's row is written with, in the order [`execute_with_film`] binds them.
pub(super) const FILM_INSERT_COLUMNS: &str = "id, title, sort_title, original_title, \
     alternative_titles, year, runtime_min, languages, countries, genres, release_date, notes";

/// The values of [`FILM_INSERT_COLUMNS`], as [`execute_with_film`] binds them.
pub(super) const FILM_INSERT_VALUES: &str =
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/// The id the next new film gets.
pub(super) fn next_film_id(tx: &Transaction) -> Result<FilmId> {
    Ok(tx
        .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM films")?
        .query_row([], |r| r.get(0))?)
}

/// Writes the credits of `film` and `reviews` of it under `id` before the film's row exists
/// (their foreign keys are deferred to the commit), so the films insert trigger indexes the film
/// for search once, with its people and reviews, rather than once more per credit and review.
pub(super) fn write_credits_and_reviews(
    tx: &Transaction,
    id: FilmId,
    film: &Film,
    reviews: &[Review],
) -> Result<Vec<ReviewId>> {
    write_credits(tx, id, &film.credits)?;
    reviews
        .iter()
        .map(|review| reviews::insert_review(tx, id, review))
        .collect()
}

/// Overwrites film `id` and its credits with `film` inside `tx`.
pub(super) fn replace_film(tx: &Transaction, id: FilmId, film: &Film) -> Result<()> {
    let changed = execute_with_film(
        tx,
        "UPDATE films SET title = ?2, sort_title = ?3, original_title = ?4, alternative_titles = ?5,
                year = ?6, runtime_min = ?7, languages = ?8, countries = ?9, genres = ?10,
                release_date = ?11, notes = ?12,
                updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = ?1",
        id,
        film,
    )?;
    if changed == 0 {
        return Err(DbError::FilmNotFound(id));
    }
    tx.execute("DELETE FROM credits WHERE film_id = ?1", [id])?;
    write_credits(tx, id, &film.credits)?;
    write_title_keys(tx, id, film)
}

/// Runs `sql` with the film's columns bound as `?1` (id) to `?12`, in the order of the films table.
pub(super) fn execute_with_film(
    tx: &Transaction,
    sql: &str,
    id: FilmId,
    film: &Film,
) -> Result<usize> {
    Ok(tx.prepare_cached(sql)?.execute(params![
        id,
        film.title.trim(),
        text_keys::sort_title(&film.title),
        film.original_title,
        json_list(&film.alternative_titles),
        film.year,
        film.runtime_min,
        json_list(&film.languages),
        json_list(&film.countries),
        json_list(&film.genres),
        film.release_date,
        film.notes,
    ])?)
}

fn write_credits(tx: &Transaction, id: FilmId, credits: &[Credit]) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO credits (film_id, person_id, role, character, position) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, credit) in credits.iter().enumerate() {
        let person = people::person_id(tx, &credit.name)?;
        let character = credit
            .character
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        insert.execute(params![
            id,
            person,
            credit.role.as_str(),
            character,
            position as i64
        ])?;
    }
    Ok(())
}

/// Replaces the folded titles film `id` is matched by with those of `film`.
pub(super) fn write_title_keys(tx: &Transaction, id: FilmId, film: &Film) -> Result<()> {
    tx.execute("DELETE FROM title_keys WHERE film_id = ?1", [id])?;
    let mut insert =
        tx.prepare_cached("INSERT OR IGNORE INTO title_keys (film_id, key) VALUES (?1, ?2)")?;
    let titles = std::iter::once(&film.title)
        .chain(film.original_title.as_ref())
        .chain(&film.alternative_titles);
    for title in titles {
        let key = text_keys::fold(title);
        if !key.is_empty() {
            insert.execute(params![id, key])?;
        }
    }
    Ok(())
}

fn credits_of(conn: &rusqlite::Connection, id: FilmId) -> Result<Vec<Credit>> {
    let mut select = conn.prepare_cached(
        "SELECT p.name, c.role, c.character FROM credits AS c JOIN people AS p ON p.id = c.person_id
         WHERE c.film_id = ?1 ORDER BY c.position",
    )?;
    let rows = select.query_map([id], |row| {
        let role: String = row.get(1)?;
        Ok(Credit {
            name: row.get(0)?,
            role: Role::parse(&role).unwrap_or(Role::Cast),
            character: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn film_from_row(row: &Row<'_>) -> rusqlite::Result<Film> {
    Ok(Film {
        id: Some(row.get(0)?),
        title: row.get(1)?,
        original_title: row.get(2)?,
        alternative_titles: list_from_json(&row.get::<_, String>(3)?),
        year: row.get(4)?,
        runtime_min: row.get(5)?,
        languages: list_from_json(&row.get::<_, String>(6)?),
        countries: list_from_json(&row.get::<_, String>(7)?),
        genres: list_from_json(&row.get::<_, String>(8)?),
        release_date: row.get::<_, Option<NaiveDate>>(9)?,
        notes: row.get(10)?,
        credits: Vec::new(),
    })
}

/// A list of names as a JSON array, blanks dropped.
fn json_list(items: &[String]) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    serde_json::to_string(&items).unwrap_or_else(|_| "[]".to_owned())
}

fn list_from_json(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}
