//! The diary: one entry per viewing (a film watched three times has three entries), each with its
//! date, half-star rating, rewatch and liked marks, the person's own words and tags.
//!
//! Rules it keeps:
//! - Every call that writes is one transaction; an entry and its tags are stored together.
//! - Tags are shared between entries and normalised: spaces collapsed and lower-cased, so
//!   `Cinema`, ` cinema ` and `CINEMA` are one tag. A tag no entry uses any more is dropped.
//! - A deleted entry is handed back whole (id, tags and all) so it can be restored as it was.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::film_refs::{self, FilmChoice, FilmSummary, SUMMARY_COLUMNS};
use super::{Catalog, DbError, Result};
use crate::model::{DiaryEntry, DiaryEntryId, FilmId, Tag};

/// Which diary entries to list; every field left `None` lists them all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct DiaryFilter {
    /// Only viewings in this calendar year.
    pub year: Option<i32>,
    /// Only entries with this tag (normalised like stored tags).
    pub tag: Option<String>,
    /// Only entries with this rating, in half stars 1–10.
    pub rating_half_stars: Option<u8>,
    /// Only viewings in this month, 1–12 (of `year` when it is set, else of any year).
    pub month: Option<u32>,
    /// Only films released in the decade starting this year, e.g. 1990.
    pub decade: Option<i32>,
}

/// A diary entry with what it shows of its film.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiaryRow {
    /// The entry, with its id and tags.
    pub entry: DiaryEntry,
    /// Its film.
    pub film: FilmSummary,
}

/// The entries of one calendar month, newest first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiaryMonth {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// Its entries, newest first.
    pub entries: Vec<DiaryRow>,
}

/// The columns of a diary entry for a `SELECT` over `diary_entries AS d`, in the order
/// [`entry_from_row`] reads them; the tags come as a JSON array, sorted.
const ENTRY_COLUMNS: &str =
    "d.id, d.film_id, d.watched_on, d.rating_half_stars, d.rewatch, d.liked, d.review,
    (SELECT json_group_array(name) FROM
        (SELECT t.name FROM diary_tags AS dt JOIN tags AS t ON t.id = dt.tag_id
         WHERE dt.entry_id = d.id ORDER BY t.name))";

/// How many columns [`ENTRY_COLUMNS`] holds.
const ENTRY_WIDTH: usize = 8;

impl Catalog {
    /// Stores a new viewing of `film` (creating the film first if it is new, in the same
    /// transaction); `entry.id` and `entry.film_id` are ignored. Returns the entry as stored.
    pub fn add_diary_entry(&mut self, film: &FilmChoice, entry: &DiaryEntry) -> Result<DiaryEntry> {
        entry.validate()?;
        self.write(|tx| {
            let film_id = film_refs::chosen_film(tx, film)?;
            let id = insert_entry(tx, film_id, entry, None)?;
            stored_entry(tx, id)
        })
    }

    /// Replaces the stored entry with `entry` (matched by its id), tags included. Returns the
    /// entry as it was, for undo; `None` when no entry has that id (nothing is written then).
    pub fn update_diary_entry(&mut self, entry: &DiaryEntry) -> Result<Option<DiaryEntry>> {
        entry.validate()?;
        self.write(|tx| replace_entry(tx, entry))
    }

    /// Deletes one entry; returns it whole (id and tags) so [`Catalog::restore_diary_entry`]
    /// can undo the deletion, or `None` when there was no such entry.
    pub fn delete_diary_entry(&mut self, id: DiaryEntryId) -> Result<Option<DiaryEntry>> {
        self.write(|tx| take_entry(tx, id))
    }

    /// Puts a deleted entry back under its old id (a new id if it has none), with its tags.
    pub fn restore_diary_entry(&mut self, entry: &DiaryEntry) -> Result<DiaryEntryId> {
        entry.validate()?;
        self.write(|tx| put_back_entry(tx, entry))
    }

    /// One entry with its tags, or `None`.
    pub fn diary_entry(&self, id: DiaryEntryId) -> Result<Option<DiaryEntry>> {
        entry_by_id(&self.conn, id)
    }

    /// The viewings of one film, newest first (for the film editor).
    pub fn diary_entries_of(&self, film: FilmId) -> Result<Vec<DiaryEntry>> {
        entries_of(&self.conn, film)
    }

    /// The entries `filter` selects with their films, newest viewing first.
    pub fn diary(&self, filter: &DiaryFilter) -> Result<Vec<DiaryRow>> {
        let mut select = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS}, {SUMMARY_COLUMNS}
             FROM diary_entries AS d JOIN films AS f ON f.id = d.film_id
             WHERE (?1 IS NULL OR substr(d.watched_on, 1, 4) = printf('%04d', ?1))
               AND (?2 IS NULL OR d.rating_half_stars = ?2)
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM diary_tags AS dt JOIN tags AS t ON t.id = dt.tag_id
                                          WHERE dt.entry_id = d.id AND t.name = ?3))
               AND (?4 IS NULL OR substr(d.watched_on, 6, 2) = printf('%02d', ?4))
               AND (?5 IS NULL OR f.year BETWEEN ?5 AND ?5 + 9)
             ORDER BY d.watched_on DESC, d.id DESC"
        ))?;
        let tag = filter.tag.as_deref().map(normalise_tag);
        let values = params![
            filter.year,
            filter.rating_half_stars,
            tag,
            filter.month,
            filter.decade
        ];
        let rows = select.query_map(values, |row| {
            Ok(DiaryRow {
                entry: entry_from_row(row)?,
                film: film_refs::summary_from_row(row, ENTRY_WIDTH)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The entries `filter` selects, grouped by calendar month, newest month first.
    pub fn diary_by_month(&self, filter: &DiaryFilter) -> Result<Vec<DiaryMonth>> {
        let mut months: Vec<DiaryMonth> = Vec::new();
        for row in self.diary(filter)? {
            let (year, month) = (row.entry.watched_on.year(), row.entry.watched_on.month());
            match months.last_mut() {
                Some(last) if last.year == year && last.month == month => last.entries.push(row),
                _ => months.push(DiaryMonth {
                    year,
                    month,
                    entries: vec![row],
                }),
            }
        }
        Ok(months)
    }

    /// Every tag some entry uses, in alphabetical order.
    pub fn tags(&self) -> Result<Vec<Tag>> {
        let mut select = self
            .conn
            .prepare_cached("SELECT name FROM tags ORDER BY name")?;
        let names = select.query_map([], |r| r.get::<_, String>(0))?;
        let mut tags = Vec::new();
        for name in names {
            tags.extend(Tag::new(&name?).ok());
        }
        Ok(tags)
    }
}

/// A tag as stored: spaces collapsed and lower-cased.
pub fn normalise_tag(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The viewings of one film, newest first.
pub(super) fn entries_of(conn: &rusqlite::Connection, film: FilmId) -> Result<Vec<DiaryEntry>> {
    let mut select = conn.prepare_cached(&format!(
        "SELECT {ENTRY_COLUMNS} FROM diary_entries AS d
         WHERE d.film_id = ?1 ORDER BY d.watched_on DESC, d.id DESC"
    ))?;
    let rows = select.query_map([film], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Overwrites the stored entry `entry` names by its id inside `tx`; returns it as it was, or
/// `None` when there is none (nothing is written then).
pub(super) fn replace_entry(tx: &Transaction, entry: &DiaryEntry) -> Result<Option<DiaryEntry>> {
    let Some(id) = entry.id else { return Ok(None) };
    let Some(before) = entry_by_id(tx, id)? else {
        return Ok(None);
    };
    film_refs::chosen_film(tx, &FilmChoice::Stored(entry.film_id))?;
    execute_with_entry(
        tx,
        "UPDATE diary_entries SET film_id = ?2, watched_on = ?3, rating_half_stars = ?4,
                rewatch = ?5, liked = ?6, review = ?7
         WHERE id = ?1",
        Some(id),
        entry.film_id,
        entry,
    )?;
    write_tags(tx, id, &entry.tags)?;
    drop_unused_tags(tx)?;
    Ok(Some(before))
}

/// Deletes entry `id` inside `tx`; returns it whole, or `None` when there is none.
pub(super) fn take_entry(tx: &Transaction, id: DiaryEntryId) -> Result<Option<DiaryEntry>> {
    let entry = entry_by_id(tx, id)?;
    if entry.is_some() {
        tx.execute("DELETE FROM diary_entries WHERE id = ?1", [id])?;
        drop_unused_tags(tx)?;
    }
    Ok(entry)
}

/// Puts a deleted entry back inside `tx` under its old id (a new id if it has none).
pub(super) fn put_back_entry(tx: &Transaction, entry: &DiaryEntry) -> Result<DiaryEntryId> {
    film_refs::chosen_film(tx, &FilmChoice::Stored(entry.film_id))?;
    insert_entry(tx, entry.film_id, entry, entry.id)
}

/// Runs `sql` with an entry's columns bound as `?1` (id) to `?7`, in the order of the table.
fn execute_with_entry(
    tx: &Transaction,
    sql: &str,
    id: Option<DiaryEntryId>,
    film_id: FilmId,
    entry: &DiaryEntry,
) -> Result<usize> {
    Ok(tx.prepare_cached(sql)?.execute(params![
        id,
        film_id,
        entry.watched_on,
        entry.rating_half_stars,
        entry.rewatch,
        entry.liked,
        entry.review,
    ])?)
}

/// Inserts `entry` for `film_id` (under `id` if given) with its tags inside `tx`.
pub(super) fn insert_entry(
    tx: &Transaction,
    film_id: FilmId,
    entry: &DiaryEntry,
    id: Option<DiaryEntryId>,
) -> Result<DiaryEntryId> {
    execute_with_entry(
        tx,
        "INSERT INTO diary_entries (id, film_id, watched_on, rating_half_stars, rewatch, liked, review)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        id,
        film_id,
        entry,
    )?;
    let id = DiaryEntryId(tx.last_insert_rowid());
    add_tags(tx, id, &entry.tags)?;
    Ok(id)
}

/// Replaces the tags of entry `id` with `tags`, adding new tags. Tags the entry no longer uses
/// are left for [`drop_unused_tags`] (a new entry leaves none: dropping them after each of
/// 30,000 new entries re-read every tag link each time, 6 s for a demo diary).
fn write_tags(tx: &Transaction, id: DiaryEntryId, tags: &[Tag]) -> Result<()> {
    tx.prepare_cached("DELETE FROM diary_tags WHERE entry_id = ?1")?
        .execute([id])?;
    add_tags(tx, id, tags)
}

/// Gives entry `id` the tags `tags` (normalised; a blank one skipped, one given twice linked
/// once), adding the tags not stored yet. The one place `tags` and `diary_tags` rows are
/// written: the diary's edits, undo and imports all come here.
fn add_tags(tx: &Transaction, id: DiaryEntryId, tags: &[Tag]) -> Result<()> {
    let mut find = tx.prepare_cached("SELECT id FROM tags WHERE name = ?1")?;
    let mut add = tx.prepare_cached("INSERT INTO tags (name) VALUES (?1)")?;
    let mut link =
        tx.prepare_cached("INSERT OR IGNORE INTO diary_tags (entry_id, tag_id) VALUES (?1, ?2)")?;
    for tag in tags {
        let name = normalise_tag(tag.as_str());
        if name.is_empty() {
            continue;
        }
        // Looked up first, so the plain INSERT meets no stored name: a failure is a real error,
        // never a row silently skipped.
        let tag_id: i64 = match find.query_row([&name], |r| r.get(0)).optional()? {
            Some(tag_id) => tag_id,
            None => {
                add.execute([&name])?;
                tx.last_insert_rowid()
            }
        };
        link.execute(params![id, tag_id])?;
    }
    Ok(())
}

/// Deletes the tags no entry uses any more.
pub(super) fn drop_unused_tags(tx: &Transaction) -> Result<()> {
    tx.prepare_cached("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM diary_tags)")?
        .execute([])?;
    Ok(())
}

/// Entry `id` as stored, read inside the transaction that wrote it.
fn stored_entry(tx: &Transaction, id: DiaryEntryId) -> Result<DiaryEntry> {
    entry_by_id(tx, id)?.ok_or(DbError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
}

/// Entry `id` with its tags, or `None`.
pub(super) fn entry_by_id(
    conn: &rusqlite::Connection,
    id: DiaryEntryId,
) -> Result<Option<DiaryEntry>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM diary_entries AS d WHERE d.id = ?1"
        ))?
        .query_row([id], entry_from_row)
        .optional()?)
}

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<DiaryEntry> {
    let tags: String = row.get(7)?;
    let tags: Vec<String> = serde_json::from_str(&tags).unwrap_or_default();
    Ok(DiaryEntry {
        id: Some(row.get(0)?),
        film_id: row.get(1)?,
        watched_on: row.get::<_, NaiveDate>(2)?,
        rating_half_stars: row.get(3)?,
        rewatch: row.get(4)?,
        liked: row.get(5)?,
        review: row.get(6)?,
        tags: tags.iter().filter_map(|t| Tag::new(t).ok()).collect(),
    })
}
