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

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::{diary::normalise_tag, films, open::classify, reviews, text_keys};
use super::{Catalog, DbError, DiaryFilter, Result, WatchlistSort};
use crate::model::{Film, FilmId, Review, ReviewKind, ValidationError};

/// An id another service gives a film or a viewing, e.g. `imdb` / `tt0047396`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ExternalId {
    /// The service: `letterboxd`, `imdb`.
    pub source: String,
    /// The id as that service writes it (a URI for Letterboxd).
    pub value: String,
}

impl ExternalId {
    /// An id from `source`.
    pub fn new(source: &str, value: &str) -> Self {
        Self {
            source: source.to_owned(),
            value: value.trim().to_owned(),
        }
    }
}

/// A mark on a film as a whole: `watched`, `liked`, or `list:<name>` with the film's place.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FilmMark {
    /// `watched`, `liked` or `list:<name>`.
    pub mark: String,
    /// The film's place in a list, 1 first.
    #[serde(default)]
    pub position: Option<u32>,
}

/// A film to store or match, with what identifies it elsewhere.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IncomingFilm {
    /// The film; its `id` is ignored.
    #[serde(flatten)]
    pub film: Film,
    /// Its ids at other services.
    #[serde(default)]
    pub external_ids: Vec<ExternalId>,
    /// Its marks.
    #[serde(default)]
    pub marks: Vec<FilmMark>,
}

/// A viewing of the film at index `film` of the batch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncomingEntry {
    /// Index into [`ImportBatch::films`].
    pub film: usize,
    /// The day it was watched.
    pub watched_on: NaiveDate,
    /// Half stars, 1–10.
    #[serde(default)]
    pub rating_half_stars: Option<u8>,
    /// Seen before.
    #[serde(default)]
    pub rewatch: bool,
    /// Marked with a heart.
    #[serde(default)]
    pub liked: bool,
    /// The person's own words.
    #[serde(default)]
    pub review: String,
    /// Labels, as typed.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Its ids at other services.
    #[serde(default)]
    pub external_ids: Vec<ExternalId>,
}

/// A review (or a bare rating, as a review of kind own with no text) of the film at `film`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IncomingReview {
    /// Index into [`ImportBatch::films`].
    pub film: usize,
    /// The review; its `id` and `film_id` are ignored.
    #[serde(flatten)]
    pub review: Review,
}

/// A watchlist item for the film at `film`; items keep the batch's order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncomingWatch {
    /// Index into [`ImportBatch::films`].
    pub film: usize,
    /// When it was put on the list.
    pub added_on: NaiveDate,
    /// 1 (someday) to 5 (next).
    pub priority: u8,
    /// Why, or who recommended it.
    #[serde(default)]
    pub note: String,
}

/// Everything one import stores; items name their film by its index in `films`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportBatch {
    /// People credited on no film (films carry their own credits).
    #[serde(default)]
    pub people: Vec<String>,
    /// The films, each once.
    #[serde(default)]
    pub films: Vec<IncomingFilm>,
    /// Reviews and ratings.
    #[serde(default)]
    pub reviews: Vec<IncomingReview>,
    /// Viewings.
    #[serde(default)]
    pub diary: Vec<IncomingEntry>,
    /// The watchlist, in order.
    #[serde(default)]
    pub watchlist: Vec<IncomingWatch>,
}

/// How a batch meets what is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Match films to stored ones, fill their blanks, and skip what is already stored.
    Merge,
    /// Empty the catalog, then store everything as given.
    Replace,
}

/// What storing a batch did (or, for a preview, would do).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Films added to the catalog.
    pub films_added: usize,
    /// Films found in the catalog.
    pub films_matched: usize,
    /// Found films whose blank fields were filled in.
    pub films_filled: usize,
    /// Viewings added.
    pub diary_added: usize,
    /// Viewings already stored.
    pub diary_skipped: usize,
    /// Reviews and ratings added.
    pub reviews_added: usize,
    /// Reviews and ratings already stored.
    pub reviews_skipped: usize,
    /// Films put on the watchlist.
    pub watchlist_added: usize,
    /// Films already on the watchlist.
    pub watchlist_skipped: usize,
    /// Marks (watched, liked, list places) added.
    pub marks_added: usize,
    /// Marks already stored.
    pub marks_skipped: usize,
}

impl ImportSummary {
    /// Everything skipped because it was already stored.
    pub fn duplicates(&self) -> usize {
        self.diary_skipped + self.reviews_skipped + self.watchlist_skipped + self.marks_skipped
    }

    /// True when the batch changes nothing.
    pub fn is_unchanged(&self) -> bool {
        self.films_added
            + self.films_filled
            + self.diary_added
            + self.reviews_added
            + self.watchlist_added
            + self.marks_added
            == 0
    }
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} new films ({} already in the catalog, {} of them filled in), {} diary entries, \
             {} reviews and ratings, {} watchlist items, {} marks; {} skipped as duplicates",
            self.films_added,
            self.films_matched,
            self.films_filled,
            self.diary_added,
            self.reviews_added,
            self.watchlist_added,
            self.marks_added,
            self.duplicates()
        )
    }
}

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
        validate(batch)?;
        let path = self.path.clone();
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| classify(e, &path))?;
        let summary = Importer::new(self, &tx, mode)
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
        let mut film_ids = self.conn.prepare(
            "SELECT source, value FROM film_external_ids WHERE film_id = ?1 ORDER BY source, value",
        )?;
        let mut marks = self
            .conn
            .prepare("SELECT mark, position FROM film_marks WHERE film_id = ?1 ORDER BY mark")?;
        for (film_index, id) in ids.iter().enumerate() {
            let mut film = self.film(*id)?.ok_or(DbError::FilmNotFound(*id))?;
            film.id = None;
            let external_ids = film_ids
                .query_map([id], |r| {
                    Ok(ExternalId {
                        source: r.get(0)?,
                        value: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let marks = marks
                .query_map([id], |r| {
                    Ok(FilmMark {
                        mark: r.get(0)?,
                        position: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            batch.films.push(IncomingFilm {
                film,
                external_ids,
                marks,
            });
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

/// Checks every value before anything is written, so a bad value names itself, not a constraint.
fn validate(batch: &ImportBatch) -> Result<()> {
    for incoming in &batch.films {
        incoming.film.validate()?;
    }
    let film_count = batch.films.len();
    let dangling = batch
        .diary
        .iter()
        .map(|e| e.film)
        .chain(batch.reviews.iter().map(|r| r.film))
        .chain(batch.watchlist.iter().map(|w| w.film))
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
    if batch
        .watchlist
        .iter()
        .any(|w| !(1..=5).contains(&w.priority))
    {
        return Err(ValidationError::PriorityOutOfRange.into());
    }
    Ok(())
}

/// One run of a batch inside its transaction.
struct Importer<'a> {
    catalog: &'a Catalog,
    tx: &'a Transaction<'a>,
    mode: ImportMode,
    summary: ImportSummary,
    /// Tag name → id, so each tag is looked up once per batch.
    tag_ids: HashMap<String, i64>,
    /// The next watchlist position.
    next_position: i64,
}

impl<'a> Importer<'a> {
    fn new(catalog: &'a Catalog, tx: &'a Transaction<'a>, mode: ImportMode) -> Self {
        Self {
            catalog,
            tx,
            mode,
            summary: ImportSummary::default(),
            tag_ids: HashMap::new(),
            next_position: 0,
        }
    }

    fn run(mut self, batch: &ImportBatch) -> Result<ImportSummary> {
        if self.mode == ImportMode::Replace {
            self.tx
                .execute_batch("DELETE FROM films; DELETE FROM people; DELETE FROM tags;")?;
        }
        let mut add_person = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO people (name, sort_name) VALUES (?1, ?2)")?;
        for name in &batch.people {
            add_person.execute([name.trim(), &text_keys::fold(name)])?;
        }
        let mut film_ids = Vec::with_capacity(batch.films.len());
        for incoming in &batch.films {
            film_ids.push(self.film(incoming)?);
        }
        for incoming in &batch.reviews {
            self.review(film_ids[incoming.film], &incoming.review)?;
        }
        for entry in &batch.diary {
            self.entry(film_ids[entry.film], entry)?;
        }
        self.next_position = self.tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM watchlist",
            [],
            |r| r.get(0),
        )?;
        for item in &batch.watchlist {
            self.watch(film_ids[item.film], item)?;
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
                films::insert_film(self.tx, &incoming.film, None)?
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

    /// A stored film with one of `incoming`'s external ids, else with its title and year.
    fn find_film(&self, incoming: &IncomingFilm) -> Result<Option<FilmId>> {
        let mut by_id = self.tx.prepare_cached(
            "SELECT film_id FROM film_external_ids WHERE source = ?1 AND value = ?2",
        )?;
        for external in &incoming.external_ids {
            let found = by_id
                .query_row(params![external.source, external.value], |r| r.get(0))
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
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
        if self.mode == ImportMode::Merge {
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
        if self.mode == ImportMode::Merge {
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
        let mut by_id = self.tx.prepare_cached(
            "SELECT entry_id FROM diary_external_ids WHERE source = ?1 AND value = ?2",
        )?;
        for external in &entry.external_ids {
            let found = by_id
                .query_row(params![external.source, external.value], |r| r.get(0))
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
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
