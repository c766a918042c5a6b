//! Reading a Letterboxd data export (the ZIP as downloaded, or its unpacked folder) into one
//! [`ImportBatch`].
//!
//! What becomes what:
//! - `diary.csv`: one diary entry per row (a rewatch is another row); the watched date, or the
//!   logged date when it is empty; the rating in half stars exactly; rewatch; tags.
//! - `reviews.csv`: the review goes into the diary entry with the same Letterboxd URI (the entry's
//!   URI). A review with no such entry but a watched date is a diary entry of its own; one without
//!   a watched date is kept as a review of kind own. HTML becomes plain text: line breaks and
//!   paragraphs are kept, entities decoded, formatting and link targets dropped.
//! - `ratings.csv`: a rating (0.5–5 stars) is a review of kind own with no text, dated when it was
//!   rated; the date is not a viewing, so no diary entry is made.
//! - `watched.csv` and `likes/films.csv`: the marks `watched` and `liked` on the film.
//! - `watchlist.csv`: the watchlist, in the file's order, priority 3.
//! - `lists/<slug>.csv`: the mark `list:<name>` on each film, with its place in the list, and the
//!   list's description and its films' notes (`Description` columns) in `ImportBatch::lists`.
//! - `deleted/`, `orphaned/`, comments, the profile and liked lists or reviews are not imported.
//!
//! A file's kind comes from its header. `watched.csv`, `watchlist.csv` and `likes/films.csv` share
//! one header (`Date,Name,Year,Letterboxd URI`), so for those three the file name tells them apart.
//! Films are found by their film URI (ratings, watched, watchlist, likes, lists), then by folded
//! title and year, so a film named by many files is one film; diary and review rows name their
//! film by title and year only (their URI is the entry's). Every URI is kept as an external id.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::csv_table::{fold_name, read_records, ImportError, Record, Table};
use crate::db::{
    rating_review, ExternalId, FilmMark, ImportBatch, IncomingEntry, IncomingFilm, IncomingList,
    IncomingListNote, IncomingReview, IncomingWatch,
};
use crate::model::{Film, Rating, Review, ReviewKind};

/// The service name external ids from Letterboxd are stored under.
pub const LETTERBOXD: &str = "letterboxd";

/// One file of an export: its path inside the export (`/`-separated) and its bytes.
#[derive(Clone, Debug)]
pub struct ExportFile {
    /// E.g. `lists/favourites.csv`.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The CSV files of the export at `path`: a ZIP file, a folder, or one CSV file of an export
/// (e.g. `diary.csv`). Files under `deleted/` or `orphaned/` are left out.
pub fn read_export_files(path: &Path) -> Result<Vec<ExportFile>, ImportError> {
    let read_error = |source| ImportError::Read {
        source,
        path: path.to_path_buf(),
    };
    let mut files = Vec::new();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if path.is_dir() {
        collect_folder(path, path, &mut files).map_err(read_error)?;
    } else if let Some(name) = name.filter(|n| wanted(n)) {
        files.push(ExportFile {
            path: name,
            bytes: std::fs::read(path).map_err(read_error)?,
        });
    } else {
        let file = std::fs::File::open(path).map_err(read_error)?;
        let mut archive = zip::ZipArchive::new(file).map_err(|_| ImportError::NotAnExport {
            what: "This is neither a Letterboxd export ZIP nor its unpacked folder".to_owned(),
            path: path.to_path_buf(),
        })?;
        for index in 0..archive.len() {
            let mut entry = archive
                .by_index(index)
                .map_err(|e| read_error(std::io::Error::other(e)))?;
            let name = entry.name().replace('\\', "/");
            if entry.is_dir() || !wanted(&name) {
                continue;
            }
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).map_err(read_error)?;
            files.push(ExportFile { path: name, bytes });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// A CSV file outside `deleted/` and `orphaned/`.
fn wanted(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".csv")
        && !path
            .split('/')
            .any(|part| part == "deleted" || part == "orphaned" || part == "__MACOSX")
}

fn collect_folder(root: &Path, folder: &Path, files: &mut Vec<ExportFile>) -> std::io::Result<()> {
    for item in std::fs::read_dir(folder)? {
        let item = item?;
        let path = item.path();
        if item.file_type()?.is_dir() {
            collect_folder(root, &path, files)?;
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if wanted(&name) {
            files.push(ExportFile {
                path: name,
                bytes: std::fs::read(&path)?,
            });
        }
    }
    Ok(())
}

/// What a file of the export holds, told by its header (and, for three files sharing one header,
/// by its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Ratings,
    Watched,
    Liked,
    Watchlist,
    List,
    Diary,
    Reviews,
}

/// The batch a Letterboxd export's `files` hold; `label` (the ZIP or folder) prefixes file names
/// in errors. Also returns the files that were not imported, for the summary.
pub fn letterboxd_batch(
    label: &str,
    path: &Path,
    files: &[ExportFile],
) -> Result<(ImportBatch, Vec<String>), ImportError> {
    let mut kinds = Vec::new();
    let mut ignored = Vec::new();
    for file in files {
        let name = format!("{label}/{}", file.path);
        let records = read_records(&name, &file.bytes)?;
        match kind_of(&file.path, &records) {
            Some(kind) => kinds.push((kind, name, records)),
            None => ignored.push(file.path.clone()),
        }
    }
    if kinds.is_empty() {
        return Err(ImportError::NotAnExport {
            what: "This holds no Letterboxd diary, ratings, watched films, watchlist or lists"
                .to_owned(),
            path: path.to_path_buf(),
        });
    }
    // Files with film URIs first, so the diary's title-and-year rows meet films that have them.
    kinds.sort_by_key(|(kind, name, _)| (*kind, name.clone()));
    let mut builder = Builder::default();
    for (kind, name, records) in kinds {
        if kind == Kind::List {
            builder.list(&name, records)?;
        } else if let Some(table) = Table::new(&name, records)? {
            builder.table(kind, &table)?;
        }
    }
    Ok((builder.batch, ignored))
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
    if !names_films {
        return None;
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
struct Builder {
    batch: ImportBatch,
    by_uri: HashMap<String, usize>,
    by_title: HashMap<(String, Option<i32>), usize>,
    /// Diary entry URI → index in the batch's diary, for reviews.
    entries: HashMap<String, usize>,
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
                    if !self.batch.watchlist.iter().any(|w| w.film == film) {
                        self.batch.watchlist.push(IncomingWatch {
                            film,
                            added_on,
                            priority: 3,
                            note: String::new(),
                        });
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
        if let Some(&index) = uri.as_ref().and_then(|u| self.entries.get(&u.value)) {
            let entry = &mut self.batch.diary[index];
            if entry.review.is_empty() {
                entry.review = review;
            }
            for tag in tags {
                if !entry.tags.contains(&tag) {
                    entry.tags.push(tag);
                }
            }
            return Ok(());
        }
        let film = self.film(table, row, columns, None)?;
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
        let rewatch_column = table.column(&["rewatch"]);
        let rewatch = match table
            .cell(row, rewatch_column)
            .to_ascii_lowercase()
            .as_str()
        {
            "yes" | "true" => true,
            "" | "no" | "false" => false,
            other => {
                return Err(table.error(
                    row,
                    rewatch_column,
                    format!("\"{other}\" is not Yes or empty"),
                ))
            }
        };
        if let Some(uri) = &uri {
            self.entries
                .insert(uri.value.clone(), self.batch.diary.len());
        }
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
            self.mark(film, format!("list:{list_name}"), place);
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
        let key = (crate::db::title_key(title), year);
        let known = uri
            .as_ref()
            .and_then(|u| self.by_uri.get(&u.value))
            .or_else(|| self.by_title.get(&key))
            .copied();
        let index = match known {
            Some(index) => index,
            None => {
                self.batch.films.push(IncomingFilm {
                    film: Film {
                        title: title.to_owned(),
                        year,
                        ..Film::default()
                    },
                    ..IncomingFilm::default()
                });
                self.batch.films.len() - 1
            }
        };
        self.by_title.entry(key).or_insert(index);
        if let Some(uri) = uri {
            let ids = &mut self.batch.films[index].external_ids;
            if !ids.contains(&uri) {
                ids.push(uri.clone());
            }
            self.by_uri.entry(uri.value).or_insert(index);
        }
        Ok(index)
    }
}

/// The rating in `column` as half stars: empty is none, `3.5` is 7; anything but 0.5 to 5 in
/// half steps is an error (never rounded).
fn half_stars(
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
fn stars(half: u8) -> Rating {
    Rating::Points {
        value: f64::from(half) / 2.0,
        scale: 5,
    }
}

/// A Letterboxd review (an HTML fragment) as plain text: line breaks and paragraphs kept,
/// entities decoded, tags dropped.
pub fn review_text(html: &str) -> String {
    let html = html.replace("\r\n", "\n");
    let mut text = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            text.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        if matches!(
            name.as_str(),
            "br" | "br/" | "/p" | "/blockquote" | "/div" | "/li"
        ) {
            text.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let text = html_escape::decode_html_entities(&text);
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim().lines().map(str::trim_end) {
        blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
        if blank_run < 2 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_html_becomes_text() {
        let html = "<b>Bold</b> &amp; <i>it&#39;s</i> <a href=\"https://x\">link</a><br/>next\r\n\r\n\r\n<blockquote>quoted</blockquote>end";
        assert_eq!(review_text(html), "Bold & it's link\nnext\n\nquoted\nend");
    }

    #[test]
    fn deleted_and_orphaned_files_are_not_wanted() {
        assert!(wanted("diary.csv"));
        assert!(wanted("lists/my-list.csv"));
        assert!(!wanted("deleted/diary.csv"));
        assert!(!wanted("orphaned/reviews.csv"));
        assert!(!wanted("profile.txt"));
    }
}
