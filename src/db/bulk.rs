//! Storing a whole batch at once (another service's export, a backup) and reading the whole
//! catalog back as one batch.
//!
//! Rules it keeps:
//! - A batch is stored in one transaction: whole, or not at all. A preview (`commit: false`) runs
//!   the very same code and rolls it back, so its summary is exactly what storing would do.
//! - In [`ImportMode::Merge`] nothing already stored is stored twice: a film is matched by its
//!   external ids (Letterboxd URI, IMDb id), then by its folded title and year; a viewing by its
//!   external id, then by film, date, rating and rewatch; a review by its film and every field;
//!   a watchlist item by its film; a mark by its film and name. Blank fields of a matched film are
//!   filled in, nothing set is overwritten.
//! - In [`ImportMode::Replace`] the catalog is emptied first and everything is stored as given,
//!   in order, so a catalog read back with [`Catalog::snapshot`] gives the same batch.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use super::{diary::normalise_tag, films, open::classify, reviews, text_keys};
use super::{Catalog, DbError, Result};
use super::{
    ExternalId, ImportBatch, ImportMode, ImportSummary, IncomingEntry, IncomingFilm, IncomingWatch,
};
use crate::model::{Film, FilmId, Review, ReviewKind, ValidationError};

/// How many prepared statements an import keeps ready.
const STATEMENT_CACHE: usize = 64;

impl Catalog {
    /// Stores `batch` in one transaction as `mode` says. Once the work is done, and before it is
    /// committed, `decide` sees what it did: it commits on `true` and rolls back on `false` (a
    /// preview runs the very same code). Returns what the batch did or would do.
    pub fn import_batch(
        &mut self,
        batch: &ImportBatch,
        mode: ImportMode,
        decide: impl FnOnce(&ImportSummary) -> bool,
    ) -> Result<ImportSummary> {
        self.import_batch_watched(batch, mode, |_| ControlFlow::Continue(()), decide)
    }

    /// [`Catalog::import_batch`], telling `progress` after each item stored how far it is;
    /// when `progress` breaks, the import stops, everything is rolled back and the result is
    /// [`DbError::Cancelled`].
    pub fn import_batch_watched(
        &mut self,
        batch: &ImportBatch,
        mode: ImportMode,
        mut progress: impl FnMut(ImportProgress) -> ControlFlow<()>,
        decide: impl FnOnce(&ImportSummary) -> bool,
    ) -> Result<ImportSummary> {
        validate(batch)?;
        self.with_bulk_cache(|catalog| catalog.import_validated(batch, mode, &mut progress, decide))
    }

    /// [`Catalog::import_batch_watched`] of a batch that passed validation.
    fn import_validated(
        &mut self,
        batch: &ImportBatch,
        mode: ImportMode,
        progress: &mut impl FnMut(ImportProgress) -> ControlFlow<()>,
        decide: impl FnOnce(&ImportSummary) -> bool,
    ) -> Result<ImportSummary> {
        // An import cycles through some 30 statements (its own and the schema's); the default
        // cache of 16 would prepare most of them again for every row.
        self.conn
            .set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let path = self.path.clone();
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| classify(e, &path))?;
        let summary = Importer::new(self, &tx, mode, progress)
            .run(batch)
            .map_err(|e| match e {
                DbError::Sqlite(e) => classify(e, &path),
                other => other,
            })?;
        if decide(&summary) {
            tx.commit().map_err(|e| classify(e, &path))?;
        }
        Ok(summary)
    }
}

/// How far an import is: `done` of `total` items (people, films, reviews, viewings, watchlist
/// places) stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportProgress {
    /// Items stored so far.
    pub done: usize,
    /// Items in the batch.
    pub total: usize,
}

impl ImportProgress {
    /// The items `batch` holds.
    fn of(batch: &ImportBatch) -> Self {
        Self {
            done: 0,
            total: batch.people.len()
                + batch.films.len()
                + batch.reviews.len()
                + batch.diary.len()
                + batch.watchlist.len()
                + batch.posters.len(),
        }
    }

    /// The share done, 0.0–1.0.
    pub fn fraction(self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f32 / self.total as f32
        }
    }
}

/// Checks every value before anything is written, so a bad value names itself, not a constraint.
fn validate(batch: &ImportBatch) -> Result<()> {
    for incoming in &batch.films {
        incoming.film.validate()?;
    }
    crate::model::refuse_nul(
        batch
            .people
            .iter()
            .map(String::as_str)
            .chain(batch.films.iter().flat_map(|f| {
                f.marks
                    .iter()
                    .map(|m| m.mark.as_str())
                    .chain(id_texts(&f.external_ids))
            }))
            .chain(batch.diary.iter().flat_map(|e| {
                e.tags
                    .iter()
                    .map(String::as_str)
                    .chain(id_texts(&e.external_ids))
            })),
    )?;
    let film_count = batch.films.len();
    let dangling = batch
        .diary
        .iter()
        .map(|e| e.film)
        .chain(batch.reviews.iter().map(|r| r.film))
        .chain(batch.watchlist.iter().map(|w| w.film))
        .chain(batch.posters.iter().map(|p| p.film))
        .find(|i| *i >= film_count);
    if let Some(index) = dangling {
        return Err(DbError::FilmNotFound(FilmId(
            i64::try_from(index).unwrap_or(i64::MAX),
        )));
    }
    for entry in &batch.diary {
        if !matches!(entry.rating_half_stars, None | Some(1..=10)) {
            return Err(ValidationError::DiaryRatingOutOfRange.into());
        }
    }
    for review in &batch.reviews {
        review.review.validate()?;
    }
    for poster in &batch.posters {
        poster.poster.validate()?;
    }
    if batch
        .watchlist
        .iter()
        .any(|w| !(1..=5).contains(&w.priority))
    {
        return Err(ValidationError::PriorityOutOfRange.into());
    }
    Ok(())
}

/// The source and value of each of `ids`.
fn id_texts(ids: &[ExternalId]) -> impl Iterator<Item = &str> {
    ids.iter()
        .flat_map(|id| [id.source.as_str(), id.value.as_str()])
}

/// One run of a batch inside its transaction.
struct Importer<'a> {
    catalog: &'a Catalog,
    /// Told after each item; breaking cancels the import.
    progress: &'a mut dyn FnMut(ImportProgress) -> ControlFlow<()>,
    position: ImportProgress,
    tx: &'a Transaction<'a>,
    mode: ImportMode,
    summary: ImportSummary,
    /// Tag name → id, so each tag is looked up once per batch.
    tag_ids: HashMap<String, i64>,
    /// The next watchlist position.
    next_position: i64,
    /// Films this batch added: nothing stored can repeat what it holds for them, so their
    /// viewings, reviews and watchlist places need no look-up.
    added: HashSet<FilmId>,
}

impl<'a> Importer<'a> {
    fn new(
        catalog: &'a Catalog,
        tx: &'a Transaction<'a>,
        mode: ImportMode,
        progress: &'a mut dyn FnMut(ImportProgress) -> ControlFlow<()>,
    ) -> Self {
        Self {
            catalog,
            progress,
            position: ImportProgress::default(),
            tx,
            mode,
            summary: ImportSummary::default(),
            tag_ids: HashMap::new(),
            next_position: 0,
            added: HashSet::new(),
        }
    }

    /// Counts one item stored; an error when the person cancelled.
    fn step(&mut self) -> Result<()> {
        self.position.done += 1;
        match (self.progress)(self.position) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(DbError::Cancelled),
        }
    }

    fn run(mut self, batch: &ImportBatch) -> Result<ImportSummary> {
        self.position = ImportProgress::of(batch);
        if self.mode == ImportMode::Replace {
            self.tx
                .execute_batch("DELETE FROM films; DELETE FROM people; DELETE FROM tags;")?;
        }
        let mut add_person = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO people (name, sort_name) VALUES (?1, ?2)")?;
        for name in &batch.people {
            add_person.execute([name.trim(), &text_keys::fold(name)])?;
            self.step()?;
        }
        let mut film_ids = Vec::with_capacity(batch.films.len());
        for incoming in &batch.films {
            film_ids.push(self.film(incoming)?);
            self.step()?;
        }
        for incoming in &batch.reviews {
            self.review(film_ids[incoming.film], &incoming.review)?;
            self.step()?;
        }
        for entry in &batch.diary {
            self.entry(film_ids[entry.film], entry)?;
            self.step()?;
        }
        self.next_position = self.tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM watchlist",
            [],
            |r| r.get(0),
        )?;
        for item in &batch.watchlist {
            self.watch(film_ids[item.film], item)?;
            self.step()?;
        }
        for incoming in &batch.posters {
            self.poster(film_ids[incoming.film], &incoming.poster)?;
            self.step()?;
        }
        Ok(self.summary)
    }

    /// The stored film `incoming` is, found or added, with its external ids and marks.
    fn film(&mut self, incoming: &IncomingFilm) -> Result<FilmId> {
        let found = match self.mode {
            ImportMode::Merge => self.find_film(incoming)?,
            ImportMode::Replace => None,
        };
        let id = match found {
            Some(id) => {
                self.summary.films_matched += 1;
                self.fill_blanks(id, &incoming.film)?;
                id
            }
            None => {
                self.summary.films_added += 1;
                let id = films::insert_film(self.tx, &incoming.film, None)?;
                self.added.insert(id);
                id
            }
        };
        let mut add_id = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO film_external_ids (source, value, film_id) VALUES (?1, ?2, ?3)",
        )?;
        for external in &incoming.external_ids {
            add_id.execute(params![external.source, external.value, id])?;
        }
        let mut add_mark = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO film_marks (film_id, mark, position) VALUES (?1, ?2, ?3)",
        )?;
        for mark in &incoming.marks {
            if add_mark.execute(params![id, mark.mark.trim(), mark.position])? == 1 {
                self.summary.marks_added += 1;
            } else {
                self.summary.marks_skipped += 1;
            }
        }
        Ok(id)
    }

    /// What `sql` (a look-up by source and value) finds for the first of `ids` it knows.
    fn first_known<T: rusqlite::types::FromSql>(
        &self,
        sql: &str,
        ids: &[ExternalId],
    ) -> Result<Option<T>> {
        let mut select = self.tx.prepare_cached(sql)?;
        for external in ids {
            let found = select
                .query_row(params![external.source, external.value], |r| r.get(0))
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }

    /// A stored film with one of `incoming`'s external ids, else with its title and year.
    fn find_film(&self, incoming: &IncomingFilm) -> Result<Option<FilmId>> {
        let sql = "SELECT film_id FROM film_external_ids WHERE source = ?1 AND value = ?2";
        if let Some(id) = self.first_known(sql, &incoming.external_ids)? {
            return Ok(Some(id));
        }
        let key = text_keys::fold(&incoming.film.title);
        Ok(self
            .tx
            .prepare_cached(
                "SELECT f.id FROM title_keys AS k JOIN films AS f ON f.id = k.film_id
                 WHERE k.key = ?1 AND (?2 IS NULL OR f.year IS NULL OR f.year = ?2)
                 ORDER BY f.year IS NOT ?2, f.id LIMIT 1",
            )?
            .query_row(params![key, incoming.film.year], |r| r.get(0))
            .optional()?)
    }

    /// Fills the blank fields of stored film `id` from `film`; nothing set is overwritten.
    fn fill_blanks(&mut self, id: FilmId, film: &Film) -> Result<()> {
        let bare = Film {
            title: film.title.clone(),
            notes: film.notes.clone(),
            ..Film::default()
        };
        if *film == bare {
            return Ok(());
        }
        let mut stored = self.catalog.film(id)?.ok_or(DbError::FilmNotFound(id))?;
        if stored.fill_blanks_from(film) {
            films::replace_film(self.tx, id, &stored)?;
            self.summary.films_filled += 1;
        }
        Ok(())
    }

    fn review(&mut self, film: FilmId, review: &Review) -> Result<()> {
        if self.mode == ImportMode::Merge && !self.added.contains(&film) {
            let rating = review.rating.as_ref();
            let stored: bool = self
                .tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM reviews WHERE film_id = ?1 AND kind = ?2
                        AND body = ?3 AND source_text IS ?4 AND source_url IS ?5
                        AND rating_value IS ?6 AND rating_scale IS ?7 AND outlet IS ?8)",
                )?
                .query_row(
                    params![
                        film,
                        review.kind.as_str(),
                        review.body,
                        review.source_text,
                        review.source_url,
                        rating.map(crate::model::Rating::value_text),
                        rating.map(crate::model::Rating::scale_code),
                        review.outlet,
                    ],
                    |r| r.get(0),
                )?;
            if stored {
                self.summary.reviews_skipped += 1;
                return Ok(());
            }
        }
        reviews::insert_review(self.tx, film, review)?;
        self.summary.reviews_added += 1;
        Ok(())
    }

    fn entry(&mut self, film: FilmId, entry: &IncomingEntry) -> Result<()> {
        if self.mode == ImportMode::Merge && !self.added.contains(&film) {
            if let Some(stored) = self.stored_entry(film, entry)? {
                self.summary.diary_skipped += 1;
                self.add_entry_ids(stored, entry)?;
                if !entry.review.is_empty() {
                    self.tx
                        .prepare_cached(
                            "UPDATE diary_entries SET review = ?2 WHERE id = ?1 AND review = ''",
                        )?
                        .execute(params![stored, entry.review])?;
                }
                return Ok(());
            }
        }
        self.tx
            .prepare_cached(
                "INSERT INTO diary_entries (film_id, watched_on, rating_half_stars, rewatch, liked, review)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                film,
                entry.watched_on,
                entry.rating_half_stars,
                entry.rewatch,
                entry.liked,
                entry.review
            ])?;
        let id = self.tx.last_insert_rowid();
        self.summary.diary_added += 1;
        for tag in &entry.tags {
            let name = normalise_tag(tag);
            if name.is_empty() {
                continue;
            }
            let tag_id = self.tag_id(name)?;
            self.tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO diary_tags (entry_id, tag_id) VALUES (?1, ?2)",
                )?
                .execute(params![id, tag_id])?;
        }
        self.add_entry_ids(id, entry)
    }

    /// The stored viewing `entry` repeats: one with any of its external ids, else one of the same
    /// film, day, rating and rewatch that has no id from the same service.
    fn stored_entry(&self, film: FilmId, entry: &IncomingEntry) -> Result<Option<i64>> {
        let sql = "SELECT entry_id FROM diary_external_ids WHERE source = ?1 AND value = ?2";
        if let Some(id) = self.first_known(sql, &entry.external_ids)? {
            return Ok(Some(id));
        }
        let source = entry.external_ids.first().map(|e| e.source.as_str());
        Ok(self
            .tx
            .prepare_cached(
                "SELECT d.id FROM diary_entries AS d
                 WHERE d.film_id = ?1 AND d.watched_on = ?2 AND d.rating_half_stars IS ?3
                   AND d.rewatch = ?4
                   AND NOT EXISTS (SELECT 1 FROM diary_external_ids AS x
                                   WHERE x.entry_id = d.id AND x.source IS ?5)
                 ORDER BY d.id LIMIT 1",
            )?
            .query_row(
                params![
                    film,
                    entry.watched_on,
                    entry.rating_half_stars,
                    entry.rewatch,
                    source
                ],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn add_entry_ids(&self, id: i64, entry: &IncomingEntry) -> Result<()> {
        let mut add = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO diary_external_ids (source, value, entry_id) VALUES (?1, ?2, ?3)",
        )?;
        for external in &entry.external_ids {
            add.execute(params![external.source, external.value, id])?;
        }
        Ok(())
    }

    /// The id of the tag `name` (normalised), added if new.
    fn tag_id(&mut self, name: String) -> Result<i64> {
        if let Some(id) = self.tag_ids.get(&name) {
            return Ok(*id);
        }
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO tags (name) VALUES (?1)")?
            .execute([&name])?;
        let id: i64 = self
            .tx
            .prepare_cached("SELECT id FROM tags WHERE name = ?1")?
            .query_row([&name], |r| r.get(0))?;
        self.tag_ids.insert(name, id);
        Ok(id)
    }

    /// Stores the poster of `film`, unless (in a merge) the film has one: nothing set is
    /// overwritten.
    fn poster(&mut self, film: FilmId, poster: &crate::model::Poster) -> Result<()> {
        if self.mode == ImportMode::Merge
            && !self.added.contains(&film)
            && super::posters::poster_exists(self.tx, film)?
        {
            self.summary.posters_skipped += 1;
            return Ok(());
        }
        super::posters::put_poster(self.tx, film, Some(poster))?;
        self.summary.posters_added += 1;
        Ok(())
    }

    fn watch(&mut self, film: FilmId, item: &IncomingWatch) -> Result<()> {
        let listed: bool = self
            .tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM watchlist WHERE film_id = ?1)")?
            .query_row([film], |r| r.get(0))?;
        if listed {
            self.summary.watchlist_skipped += 1;
            return Ok(());
        }
        self.tx
            .prepare_cached(
                "INSERT INTO watchlist (film_id, added_on, priority, note, position)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                film,
                item.added_on,
                item.priority,
                item.note,
                self.next_position
            ])?;
        self.next_position += 1;
        self.summary.watchlist_added += 1;
        Ok(())
    }
}

/// The key films are matched by: the title with case, accents and punctuation folded away.
pub fn title_key(title: &str) -> String {
    text_keys::fold(title)
}

/// A review of kind own with no text: how a bare rating from another service is kept (the day it
/// was rated is not a viewing, so it makes no diary entry).
pub fn rating_review(
    rating: crate::model::Rating,
    rated_on: Option<NaiveDate>,
    url: Option<String>,
) -> Review {
    Review {
        kind: ReviewKind::Own,
        rating: Some(rating),
        published_on: rated_on,
        source_url: url,
        ..Review::default()
    }
}
