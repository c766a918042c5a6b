//! Reading a Letterboxd data export (the ZIP as downloaded, or its unpacked folder) into one
//! [`ImportBatch`].
//!
//! What becomes what:
//! - `diary.csv`: one diary entry per row (a rewatch is another row); the watched date, or the
//!   logged date when it is empty; the rating in half stars exactly; rewatch; tags.
//! - `reviews.csv`: the review goes into the diary entry with the same Letterboxd URI (the entry's
//!   URI) or, for a row without one (a film Letterboxd removed), the entry of the same film, day
//!   and rating. A review with no such entry but a watched date is a diary entry of its own; one
//!   without a watched date is kept as a review of kind own. HTML becomes plain text (see
//!   `review_html`).
//! - `ratings.csv`: a rating (0.5–5 stars) is a review of kind own with no text, dated when it was
//!   rated; the date is not a viewing, so no diary entry is made.
//! - `watched.csv` and `likes/films.csv`: the marks `watched` and `liked` on the film.
//! - `watchlist.csv`: the watchlist, in the file's order, priority 3.
//! - `lists/<slug>.csv`: the mark `list:<name>` on each film, with its place in the list, and the
//!   list's description and its films' notes (`Description` columns) in `ImportBatch::lists`.
//! - `orphaned/diary.csv` and `orphaned/reviews.csv` (entries whose film page is gone): viewings,
//!   as the files above, of a film known by its title and year.
//! - `deleted/` (what the person deleted on purpose), comments, the profile and liked lists or
//!   reviews are not imported, and the notes say so; a file of NUL bytes is named as damaged.
//!
//! A file's kind comes from its header. `watched.csv`, `watchlist.csv` and `likes/films.csv` share
//! one header (`Date,Name,Year,Letterboxd URI`), so for those three the file name tells them apart.
//! A film is who its film URI says (ratings, watched, watchlist, likes, lists): two URIs are two
//! films, even of one title and year. Diary and review rows carry the entry's URI; in old exports
//! (`letterboxd.com/<user>/film/<slug>/`) it names the film's slug, so the film URI is read from
//! it, and otherwise they find their film by folded title and year. Every URI is kept as an
//! external id.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;

use super::csv_table::{all_nul, fold_name, read_records, Record, Table};
use super::import_error::ImportError;
use super::letterboxd_files::{ExportFile, Place};
use super::review_html::review_text;
use crate::model::text_keys::title_key;
use crate::model::{
    rating_review, ExternalId, Film, FilmMark, ImportBatch, IncomingEntry, IncomingFilm,
    IncomingList, IncomingListNote, IncomingReview, IncomingWatch, Rating, Review, ReviewKind,
    LIST_MARK,
};

/// The service name external ids from Letterboxd are stored under.
pub const LETTERBOXD: &str = "letterboxd";

/// What a file of the export holds, told by its header (and, for three files sharing one header,
/// by its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// The CSV Letterboxd's importer reads (and Cinedex writes): films named by their ids.
    ImportCsv,
    Ratings,
    Watched,
    Liked,
    Watchlist,
    List,
    Diary,
    Reviews,
}

/// The batch a Letterboxd export's `files` hold; `label` (the ZIP or folder) prefixes file names
/// in errors. Also returns sentences on what was not imported, and why, for the summary.
pub fn letterboxd_batch(
    label: &str,
    path: &Path,
    files: &[ExportFile],
) -> Result<(ImportBatch, Vec<String>), ImportError> {
    let mut kinds = Vec::new();
    let (mut ignored, mut deleted, mut damaged) = (Vec::new(), Vec::new(), Vec::new());
    for file in files {
        let place = Place::of(&file.path);
        if place == Place::Deleted {
            deleted.push(file.path.clone());
            continue;
        }
        if all_nul(&file.bytes) {
            damaged.push(file.path.clone());
            continue;
        }
        let name = format!("{label}/{}", file.path);
        let records = read_records(&name, &file.bytes)?;
        match kind_of(&file.path, &records) {
            Some(kind)
                if place == Place::Current || matches!(kind, Kind::Diary | Kind::Reviews) =>
            {
                kinds.push((kind, name, records, place));
            }
            _ => ignored.push(file.path.clone()),
        }
    }
    if kinds.is_empty() && !damaged.is_empty() {
        return Err(ImportError::NotAnExport {
            what: "Every byte of this is NUL (a damaged copy of the export)".to_owned(),
            path: path.to_path_buf(),
        });
    }
    if kinds.is_empty() {
        return Err(ImportError::NotAnExport {
            what: "This holds no Letterboxd diary, ratings, watched films, watchlist or lists"
                .to_owned(),
            path: path.to_path_buf(),
        });
    }
    // Files with film URIs first, so the diary's title-and-year rows meet films that have them.
    kinds.sort_by_key(|(kind, name, ..)| (*kind, name.clone()));
    let mut builder = Builder::default();
    for (kind, name, records, place) in kinds {
        let orphaned = place == Place::Orphaned;
        if kind == Kind::List {
            builder.list(&name, records)?;
        } else if let Some(table) = Table::new(&name, records)? {
            let before = builder.batch.diary.len() + builder.batch.reviews.len();
            builder.table(kind, &table)?;
            if orphaned {
                builder.orphaned +=
                    builder.batch.diary.len() + builder.batch.reviews.len() - before;
            }
        }
    }
    let mut notes = Vec::new();
    if builder.orphaned > 0 {
        notes.push(format!(
            "From orphaned/ (entries of films Letterboxd no longer lists): {} viewings and reviews, \
             of films known by their title and year.",
            builder.orphaned
        ));
    }
    if builder.repeated_watchlist > 0 {
        notes.push(format!(
            "Skipped {} watchlist rows that repeat a film already on the file's watchlist.",
            builder.repeated_watchlist
        ));
    }
    if !deleted.is_empty() {
        notes.push(format!(
            "Not imported, on purpose (what you deleted on Letterboxd): {}.",
            deleted.join(", ")
        ));
    }
    if !damaged.is_empty() {
        notes.push(format!(
            "Not imported, unreadable (every byte is NUL: a damaged copy of the export): {}.",
            damaged.join(", ")
        ));
    }
    if !ignored.is_empty() {
        notes.push(format!(
            "Not imported (no films in them): {}.",
            ignored.join(", ")
        ));
    }
    Ok((builder.batch, notes))
}

fn kind_of(path: &str, records: &[Record]) -> Option<Kind> {
    let first = records.first()?;
    let header: Vec<String> = first.fields.iter().map(|f| fold_name(f)).collect();
    let has = |name: &str| header.iter().any(|h| h == name);
    if header
        .first()
        .is_some_and(|h| h.starts_with("letterboxdlistexport"))
        || (has("date") && has("name") && has("url") && has("description"))
    {
        return Some(Kind::List);
    }
    let names_films =
        (has("name") || has("title")) && (has("letterboxduri") || has("url") || has("year"));
    if !names_films || has("const") {
        return None;
    }
    if (has("title") && !has("name")) || has("imdbid") || has("tmdbid") || has("rating10") {
        return Some(Kind::ImportCsv);
    }
    if has("review") {
        return Some(Kind::Reviews);
    }
    if has("watcheddate") || has("rewatch") {
        return Some(Kind::Diary);
    }
    if has("rating") {
        return Some(Kind::Ratings);
    }
    let file = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    match file.as_str() {
        "watched.csv" => Some(Kind::Watched),
        "watchlist.csv" => Some(Kind::Watchlist),
        "films.csv" if path.to_ascii_lowercase().contains("likes/") => Some(Kind::Liked),
        _ => None,
    }
}

/// Builds the batch: each film once, found by film URI or by folded title and year.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) batch: ImportBatch,
    /// Film id (a Letterboxd URI, an IMDb or TMDb id) → index in the batch's films.
    by_uri: HashMap<String, usize>,
    by_title: HashMap<(String, Option<i32>), usize>,
    /// Diary entry URI → index in the batch's diary, for reviews.
    entries: HashMap<String, usize>,
    /// (film, watched day) → indexes in the batch's diary, for reviews without a URI.
    entries_by_day: HashMap<(usize, NaiveDate), Vec<usize>>,
    /// Films already on the batch's watchlist.
    listed: HashSet<usize>,
    /// Watchlist rows naming a film already on it.
    repeated_watchlist: usize,
    /// Viewings and reviews read from `orphaned/`.
    orphaned: usize,
}

/// The columns every Letterboxd film row has.
struct FilmColumns {
    name: Option<usize>,
    year: Option<usize>,
    uri: Option<usize>,
}

impl FilmColumns {
    fn of(table: &Table) -> Self {
        Self {
            name: table.column(&["name", "title"]),
            year: table.column(&["year"]),
            uri: table.column(&["letterboxduri", "url"]),
        }
    }
}

impl Builder {
    fn table(&mut self, kind: Kind, table: &Table) -> Result<(), ImportError> {
        let columns = FilmColumns::of(table);
        let date = table.column(&["date"]);
        let rating = table.column(&["rating"]);
        for row in &table.rows {
            let uri = table.cell(row, columns.uri);
            let uri = (!uri.is_empty()).then(|| ExternalId::new(LETTERBOXD, uri));
            match kind {
                Kind::ImportCsv => self.import_row(table, row)?,
                Kind::Diary | Kind::Reviews => self.entry(kind, table, row, &columns, uri)?,
                Kind::Ratings => {
                    let film = self.film(table, row, &columns, uri.clone())?;
                    if let Some(half) = half_stars(table, row, rating)? {
                        let review = rating_review(
                            stars(half),
                            table.date(row, date)?,
                            uri.map(|u| u.value),
                        );
                        self.batch.reviews.push(IncomingReview { film, review });
                    }
                }
                Kind::Watched | Kind::Liked => {
                    let film = self.film(table, row, &columns, uri)?;
                    let mark = if kind == Kind::Watched {
                        "watched"
                    } else {
                        "liked"
                    };
                    self.mark(film, mark.to_owned(), None);
                }
                Kind::Watchlist => {
                    let film = self.film(table, row, &columns, uri)?;
                    let added_on = table
                        .date(row, date)?
                        .ok_or_else(|| table.error(row, date, "The date added is empty".into()))?;
                    if self.listed.insert(film) {
                        self.batch.watchlist.push(IncomingWatch {
                            film,
                            added_on,
                            priority: 3,
                            note: String::new(),
                        });
                    } else {
                        self.repeated_watchlist += 1;
                    }
                }
                Kind::List => {}
            }
        }
        Ok(())
    }

    /// A diary or review row: a new entry, or the review of the entry with its URI.
    fn entry(
        &mut self,
        kind: Kind,
        table: &Table,
        row: &Record,
        columns: &FilmColumns,
        uri: Option<ExternalId>,
    ) -> Result<(), ImportError> {
        let rating = half_stars(table, row, table.column(&["rating"]))?;
        let review_column = table.column(&["review"]);
        let review = review_text(table.cell(row, review_column));
        let tags = table.list(row, table.column(&["tags"]));
        let watched = table.date(row, table.column(&["watcheddate"]))?;
        let film = self.film(
            table,
            row,
            columns,
            uri.as_ref().and_then(film_uri_of_entry),
        )?;
        let joined = match uri.as_ref().and_then(|u| self.entries.get(&u.value)) {
            Some(&index) => Some(index),
            // A review row without a URI (or one the diary lacks) joins the diary row of the same
            // film, day and rating that has no review yet.
            None if kind == Kind::Reviews => watched.and_then(|day| {
                self.entries_by_day.get(&(film, day)).and_then(|found| {
                    found.iter().copied().find(|&i| {
                        let entry = &self.batch.diary[i];
                        entry.rating_half_stars == rating && entry.review.is_empty()
                    })
                })
            }),
            None => None,
        };
        if let Some(index) = joined {
            let entry = &mut self.batch.diary[index];
            if entry.review.is_empty() {
                entry.review = review;
            }
            for tag in tags {
                if !entry.tags.contains(&tag) {
                    entry.tags.push(tag);
                }
            }
            if let Some(uri) = uri {
                if !entry.external_ids.contains(&uri) {
                    self.entries.insert(uri.value.clone(), index);
                    entry.external_ids.push(uri);
                }
            }
            return Ok(());
        }
        let logged = table.date(row, table.column(&["date"]))?;
        let watched_on = match (kind, watched, logged) {
            (_, Some(day), _) | (Kind::Diary, None, Some(day)) => day,
            (Kind::Diary, None, None) => {
                return Err(table.error(
                    row,
                    table.column(&["watcheddate"]),
                    "The watched date is empty".into(),
                ))
            }
            _ => {
                let own = Review {
                    kind: ReviewKind::Own,
                    rating: rating.map(stars),
                    published_on: logged,
                    source_url: uri.map(|u| u.value),
                    body: review,
                    ..Review::default()
                };
                if !own.body.is_empty() || own.rating.is_some() {
                    self.batch
                        .reviews
                        .push(IncomingReview { film, review: own });
                }
                return Ok(());
            }
        };
        let rewatch = table.yes_no(row, table.column(&["rewatch"]))?;
        if let Some(uri) = &uri {
            self.entries
                .insert(uri.value.clone(), self.batch.diary.len());
        }
        self.entries_by_day
            .entry((film, watched_on))
            .or_default()
            .push(self.batch.diary.len());
        self.batch.diary.push(IncomingEntry {
            film,
            watched_on,
            rating_half_stars: rating,
            rewatch,
            liked: false,
            review,
            tags,
            external_ids: uri.into_iter().collect(),
        });
        Ok(())
    }

    /// A list file: a header table (name, URL) and, after an empty line, the films in order.
    fn list(&mut self, name: &str, records: Vec<Record>) -> Result<(), ImportError> {
        let split = records
            .iter()
            .position(|r| r.fields.first().is_some_and(|f| fold_name(f) == "position"));
        let Some(split) = split else {
            return Ok(());
        };
        let mut head = records;
        let films = head.split_off(split);
        head.retain(|r| {
            !r.fields
                .first()
                .is_some_and(|f| fold_name(f).starts_with("letterboxdlistexport"))
        });
        let (list_name, description) = Table::new(name, head)?
            .and_then(|t| {
                let (column, about) = (t.column(&["name"]), t.column(&["description"]));
                let row = t.rows.first()?;
                Some((
                    t.cell(row, column).to_owned(),
                    t.cell(row, about).to_owned(),
                ))
            })
            .unwrap_or_default();
        let list_name = Some(list_name)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| {
                let file = name.rsplit('/').next().unwrap_or(name);
                file.trim_end_matches(".csv").to_owned()
            });
        let Some(table) = Table::new(name, films)? else {
            return Ok(());
        };
        let columns = FilmColumns::of(&table);
        let position = table.column(&["position"]);
        let note = table.column(&["description"]);
        let mut notes = Vec::new();
        for row in &table.rows {
            let uri = table.cell(row, columns.uri);
            let uri = (!uri.is_empty()).then(|| ExternalId::new(LETTERBOXD, uri));
            let film = self.film(&table, row, &columns, uri)?;
            let place = table.cell(row, position).parse::<u32>().ok();
            self.mark(film, format!("{LIST_MARK}{list_name}"), place);
            let text = table.cell(row, note);
            if !text.is_empty() {
                notes.push(IncomingListNote {
                    film,
                    note: text.to_owned(),
                });
            }
        }
        // The export does not say whether a list is ranked: it comes in unranked, in its order.
        self.batch.lists.push(IncomingList {
            name: list_name,
            description,
            ranked: false,
            notes,
        });
        Ok(())
    }

    fn mark(&mut self, film: usize, mark: String, position: Option<u32>) {
        let marks = &mut self.batch.films[film].marks;
        if !marks.iter().any(|m| m.mark == mark) {
            marks.push(FilmMark { mark, position });
        }
    }

    /// The index of the row's film in the batch, added if new.
    fn film(
        &mut self,
        table: &Table,
        row: &Record,
        columns: &FilmColumns,
        uri: Option<ExternalId>,
    ) -> Result<usize, ImportError> {
        let title = table.required(row, columns.name, "film's name")?;
        let year = table.year(row, columns.year)?;
        let film = Film {
            title: title.to_owned(),
            year,
            ..Film::default()
        };
        Ok(self.film_named(film, uri.into_iter().collect()))
    }

    /// The index of `film` in the batch, added if new: the film with one of `ids` (ids are who a
    /// film is, so an id not seen yet is a new film, whatever its title), or without ids the
    /// film of the same folded title and year.
    pub(super) fn film_named(&mut self, film: Film, ids: Vec<ExternalId>) -> usize {
        let key = (title_key(&film.title), film.year);
        let known = if ids.is_empty() {
            self.by_title.get(&key).copied()
        } else {
            ids.iter()
                .find_map(|id| self.by_uri.get(&id.value).copied())
        };
        let index = known.unwrap_or_else(|| {
            self.batch.films.push(IncomingFilm {
                film,
                ..IncomingFilm::default()
            });
            self.batch.films.len() - 1
        });
        self.by_title.entry(key).or_insert(index);
        for id in ids {
            let stored = &mut self.batch.films[index].external_ids;
            if !stored.contains(&id) {
                stored.push(id.clone());
            }
            self.by_uri.entry(id.value).or_insert(index);
        }
        index
    }
}

/// The film URI an old export's entry URI names: `https://letterboxd.com/<user>/film/<slug>/…`
/// is the film `https://letterboxd.com/film/<slug>/`. Recent entry URIs (`boxd.it`) name none.
fn film_uri_of_entry(entry: &ExternalId) -> Option<ExternalId> {
    let rest = entry
        .value
        .strip_prefix("https://letterboxd.com/")
        .or_else(|| entry.value.strip_prefix("http://letterboxd.com/"))?;
    let mut parts = rest.split('/');
    let (user, film, slug) = (parts.next()?, parts.next()?, parts.next()?);
    if user.is_empty() || user == "film" || film != "film" || slug.is_empty() {
        return None;
    }
    Some(ExternalId::new(
        LETTERBOXD,
        &format!("https://letterboxd.com/film/{slug}/"),
    ))
}

/// The rating in `column` as half stars: empty is none, `3.5` is 7; anything but 0.5 to 5 in
/// half steps is an error (never rounded).
pub(super) fn half_stars(
    table: &Table,
    row: &Record,
    column: Option<usize>,
) -> Result<Option<u8>, ImportError> {
    let text = table.cell(row, column);
    if text.is_empty() {
        return Ok(None);
    }
    let halves = text.parse::<f64>().ok().map(|stars| stars * 2.0);
    match halves {
        Some(h) if h.fract() == 0.0 && (1.0..=10.0).contains(&h) => Ok(Some(h as u8)),
        _ => Err(table.error(
            row,
            column,
            format!("The rating \"{text}\" is not 0.5 to 5 stars in half stars"),
        )),
    }
}

/// Half stars as a rating out of 5: 7 is 3.5/5.
pub(super) fn stars(half: u8) -> Rating {
    Rating::Points {
        value: f64::from(half) / 2.0,
        scale: 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_entry_uri_names_its_film() {
        let entry = ExternalId::new(
            LETTERBOXD,
            "https://letterboxd.com/someone/film/the-haunted-castle-1897-1/",
        );
        assert_eq!(
            film_uri_of_entry(&entry).map(|u| u.value).as_deref(),
            Some("https://letterboxd.com/film/the-haunted-castle-1897-1/")
        );
        let film = ExternalId::new(LETTERBOXD, "https://letterboxd.com/film/x/");
        assert_eq!(film_uri_of_entry(&film), None);
        assert_eq!(
            film_uri_of_entry(&ExternalId::new(LETTERBOXD, "https://boxd.it/abc")),
            None
        );
    }
}
