//! Storing a whole batch at once (another service's export, a backup) and reading the whole
//! catalog back as one batch.
//!
//! Rules it keeps:
//! - A batch is stored in one transaction: whole, or not at all. A preview (`commit: false`) runs
//!   the very same code and rolls it back, so its summary is exactly what storing would do.
//! - In [`ImportMode::Merge`] nothing already stored is stored twice: a film is matched by its
//!   external ids (Letterboxd URI, IMDb id), then by its folded title and year, but never to a
//!   film holding a different id of the same kind (two Letterboxd URIs are two films; the rule is
//!   `same_film::film_for_import`); a viewing by its
//!   external id, then by film, date, rating and rewatch; a review by its film and every field;
//!   a watchlist item by its film; a mark by its film and name. Blank fields of a matched film are
//!   filled in, nothing set is overwritten.
//! - In [`ImportMode::Replace`] the catalog is emptied first and everything is stored as given,
//!   in order, so a catalog read back with [`Catalog::snapshot`] gives the same batch.

use std::collections::HashSet;
use std::ops::ControlFlow;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use super::batch::validate;
use super::{diary, films, list_import, open::classify, reviews, text_keys};
use super::{film_external_ids, film_marks, people, same_film, watchlist};
use super::{Catalog, DbError, Result};
use super::{ImportBatch, ImportMode, ImportSummary, IncomingEntry, IncomingFilm, IncomingWatch};
use crate::model::{DiaryEntry, Film, FilmId, Review, ReviewKind, Tag, WatchlistItem};

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

/// One run of a batch inside its transaction.
struct Importer<'a> {
    catalog: &'a Catalog,
    /// Told after each item; breaking cancels the import.
    progress: &'a mut dyn FnMut(ImportProgress) -> ControlFlow<()>,
    position: ImportProgress,
    tx: &'a Transaction<'a>,
    mode: ImportMode,
    summary: ImportSummary,
    /// The next watchlist position.
    next_position: usize,
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
        list_import::start_lists(self.tx, &batch.lists, batch.films.len(), self.mode)?;
        for name in &batch.people {
            people::add_person(self.tx, name)?;
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
        let next: u32 = self.tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM watchlist",
            [],
            |r| r.get(0),
        )?;
        self.next_position = next as usize;
        for item in &batch.watchlist {
            self.watch(film_ids[item.film], item)?;
            self.step()?;
        }
        list_import::finish_lists(self.tx, &batch.lists, &film_ids)?;
        for incoming in &batch.posters {
            self.poster(film_ids[incoming.film], &incoming.poster)?;
            self.step()?;
        }
        Ok(self.summary)
    }

    /// The stored film `incoming` is, found or added, with its external ids and marks.
    fn film(&mut self, incoming: &IncomingFilm) -> Result<FilmId> {
        let found = match self.mode {
            ImportMode::Merge => same_film::film_for_import(self.tx, incoming)?,
            ImportMode::Replace => None,
        };
        let mut filled = false;
        let id = match found {
            Some(id) if self.added.contains(&id) => {
                self.summary.films_repeated += 1;
                id
            }
            Some(id) => {
                self.summary.films_matched += 1;
                filled = self.fill_blanks(id, &incoming.film)?;
                id
            }
            None => {
                self.summary.films_added += 1;
                let id = films::insert_film(self.tx, &incoming.film, None)?;
                self.added.insert(id);
                id
            }
        };
        let new_ids = film_external_ids::add_external_ids(self.tx, id, &incoming.external_ids)?;
        if new_ids > 0 && found.is_some_and(|f| !self.added.contains(&f)) && !filled {
            self.summary.films_filled += 1;
        }
        for mark in &incoming.marks {
            let list = usize::from(mark.mark.trim().starts_with(list_import::LIST_MARK));
            let added = match mark.mark.trim().strip_prefix(list_import::LIST_MARK) {
                Some(name) if !name.trim().is_empty() => {
                    list_import::put_list_mark(self.tx, id, name, mark.position)?
                }
                _ => film_marks::add_mark(self.tx, id, &mark.mark, mark.position)?,
            };
            if added {
                self.summary.marks_added += 1;
                self.summary.list_entries_added += list;
            } else {
                self.summary.marks_skipped += 1;
                self.summary.list_entries_skipped += list;
            }
        }
        Ok(id)
    }

    /// Fills the blank fields of stored film `id` from `film`; nothing set is overwritten.
    /// True when something was filled in.
    fn fill_blanks(&mut self, id: FilmId, film: &Film) -> Result<bool> {
        let bare = Film {
            title: film.title.clone(),
            notes: film.notes.clone(),
            ..Film::default()
        };
        if *film == bare {
            return Ok(false);
        }
        let mut stored = self.catalog.film(id)?.ok_or(DbError::FilmNotFound(id))?;
        if stored.fill_blanks_from(film) {
            films::replace_film(self.tx, id, &stored)?;
            self.summary.films_filled += 1;
            return Ok(true);
        }
        Ok(false)
    }

    fn review(&mut self, film: FilmId, review: &Review) -> Result<()> {
        let bare_rating = usize::from(review.body.is_empty() && review.rating.is_some());
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
                self.summary.ratings_skipped += bare_rating;
                return Ok(());
            }
        }
        reviews::insert_review(self.tx, film, review)?;
        self.summary.reviews_added += 1;
        self.summary.ratings_added += bare_rating;
        Ok(())
    }

    fn entry(&mut self, film: FilmId, entry: &IncomingEntry) -> Result<()> {
        if self.mode == ImportMode::Merge && !self.added.contains(&film) {
            if let Some(stored) = self.stored_entry(film, entry)? {
                let mut changed = self.add_entry_ids(stored, entry)?;
                if !entry.review.is_empty() {
                    changed += self
                        .tx
                        .prepare_cached(
                            "UPDATE diary_entries SET review = ?2 WHERE id = ?1 AND review = ''",
                        )?
                        .execute(params![stored, entry.review])?;
                }
                if changed > 0 {
                    self.summary.diary_updated += 1;
                } else {
                    self.summary.diary_skipped += 1;
                }
                return Ok(());
            }
        }
        let viewing = DiaryEntry {
            id: None,
            film_id: film,
            watched_on: entry.watched_on,
            rating_half_stars: entry.rating_half_stars,
            rewatch: entry.rewatch,
            liked: entry.liked,
            review: entry.review.clone(),
            tags: entry.tags.iter().filter_map(|t| Tag::new(t).ok()).collect(),
        };
        let id = diary::insert_entry(self.tx, film, &viewing, None)?;
        self.summary.diary_added += 1;
        self.add_entry_ids(id.0, entry)?;
        Ok(())
    }

    /// The stored viewing `entry` repeats: one with any of its external ids, else one of the same
    /// film (or, failing that, of another film of its title and year: a diary row names its film
    /// by those only), day, rating and rewatch that has no id of the same service and kind (a viewing from
    /// an old export, `letterboxd.com/<user>/film/…`, is the same viewing as one from a newer
    /// export, `boxd.it/…`).
    fn stored_entry(&self, film: FilmId, entry: &IncomingEntry) -> Result<Option<i64>> {
        let sql = "SELECT entry_id FROM diary_external_ids WHERE source = ?1 AND value = ?2";
        if let Some(id) = same_film::first_known(self.tx, sql, &entry.external_ids)? {
            return Ok(Some(id));
        }
        let first = entry.external_ids.first();
        let source = first.map(|e| e.source.as_str());
        let short = first.is_some_and(|e| e.value.contains("boxd.it/"));
        Ok(self
            .tx
            .prepare_cached(
                "SELECT d.id FROM diary_entries AS d
                 WHERE d.film_id IN (SELECT t.film_id FROM title_keys AS k
                                     JOIN title_keys AS t ON t.key = k.key
                                     JOIN films AS f ON f.id = t.film_id
                                     WHERE k.film_id = ?1
                                       AND f.year IS (SELECT year FROM films WHERE id = ?1))
                   AND d.watched_on = ?2 AND d.rating_half_stars IS ?3 AND d.rewatch = ?4
                   AND NOT EXISTS (SELECT 1 FROM diary_external_ids AS x
                                   WHERE x.entry_id = d.id AND x.source IS ?5
                                     AND (instr(x.value, 'boxd.it/') > 0) = ?6)
                 ORDER BY d.film_id IS NOT ?1, d.id LIMIT 1",
            )?
            .query_row(
                params![
                    film,
                    entry.watched_on,
                    entry.rating_half_stars,
                    entry.rewatch,
                    source,
                    short
                ],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores `entry`'s external ids on viewing `id`; returns how many it lacked.
    fn add_entry_ids(&self, id: i64, entry: &IncomingEntry) -> Result<usize> {
        let mut add = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO diary_external_ids (source, value, entry_id) VALUES (?1, ?2, ?3)",
        )?;
        let mut added = 0;
        for external in &entry.external_ids {
            added += add.execute(params![external.source, external.value, id])?;
        }
        Ok(added)
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
        let place = WatchlistItem {
            id: None,
            film_id: film,
            added_on: item.added_on,
            priority: item.priority,
            note: item.note.clone(),
            position: 0,
        };
        watchlist::insert_item(self.tx, film, &place, None, self.next_position)?;
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
