//! Reading an IMDb CSV export (ratings, watchlist or a list, any era in `FORMATS.md`) into one
//! [`ImportBatch`].
//!
//! - Each film keeps its IMDb id (`Const`) as an external id, so a second import finds it again;
//!   title, original title, year, runtime, genres, release date and directors fill the film's
//!   blank fields (nothing already set is overwritten).
//! - `Your Rating` (1–10) is kept in the scale it came in: a review of kind own with no text and
//!   the rating `n/10`, dated when it was rated. The date is when it was rated, not a viewing, so
//!   no diary entry is made (the same rule as Letterboxd's `ratings.csv`).
//! - A watchlist (or list) file puts its films on the watchlist, in its order, rated rows too
//!   (their rating is kept as well). In the oldest format (`You rated`) ratings are a list as
//!   well: that list is told from a watchlist by its rows, every one rated and none with a
//!   `modified` date; its rows are ratings only.
//! - A partial release date (`1993`, `1995-01`) leaves the release date empty; an unknown year
//!   (`????`) leaves the year empty. Genres are written one way across eras: `sci_fi` and
//!   `Sci-Fi` are both `Sci-Fi`, `drama` is `Drama`.
//! - Only films are kept (movie, TV movie, short, video, and the oldest format's feature film,
//!   short film and documentary); rows of other types (series, episodes, games) are counted and
//!   skipped.

use std::path::Path;

use super::csv_table::{read_records, Record, Table};
use super::import_error::ImportError;
use crate::model::{
    rating_review, Credit, ExternalId, Film, ImportBatch, IncomingFilm, IncomingReview,
    IncomingWatch, Rating, Role,
};

/// The service name IMDb ids are stored under.
pub const IMDB: &str = "imdb";

/// The batch an IMDb export holds, and how many rows were skipped as not films.
pub fn imdb_batch(path: &Path, bytes: &[u8]) -> Result<(ImportBatch, usize), ImportError> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let not_imdb = || {
        ImportError::NotAnExport {
        what: "This is not an IMDb ratings, watchlist or list export (its header has no Const and Title columns)".to_owned(),
        path: path.to_path_buf(),
    }
    };
    let Some(table) = Table::new(&file, read_records(&file, bytes)?)? else {
        return Err(not_imdb());
    };
    if !table.has("const") || !table.has("title") {
        return Err(not_imdb());
    }
    let columns = Columns::of(&table);
    // The oldest format's ratings list: every row rated, none ever modified.
    let ratings_list = table.has("yourated")
        && table.rows.iter().all(|row| {
            !table.cell(row, columns.rating).is_empty()
                && table.cell(row, table.column(&["modified"])).is_empty()
        });
    let is_list = table.has("position") && !ratings_list;
    let mut batch = ImportBatch::default();
    let mut skipped = 0;
    for row in &table.rows {
        let title_type = table
            .cell(row, columns.title_type)
            .to_ascii_lowercase()
            .replace(' ', "");
        if !matches!(
            title_type.as_str(),
            "" | "movie"
                | "tvmovie"
                | "short"
                | "video"
                | "featurefilm"
                | "shortfilm"
                | "documentary"
        ) {
            skipped += 1;
            continue;
        }
        let film = film(&table, row, &columns)?;
        let index = batch.films.len();
        let rating = rating(&table, row, columns.rating)?;
        let url = film
            .external_ids
            .first()
            .map(|id| format!("https://www.imdb.com/title/{}/", id.value));
        batch.films.push(film);
        if let Some(rating) = rating.clone() {
            let rated_on = table.date(row, columns.rated_on)?;
            batch.reviews.push(IncomingReview {
                film: index,
                review: rating_review(rating, rated_on, url),
            });
        }
        if is_list {
            let added_on = table.date(row, columns.created)?.ok_or_else(|| {
                table.error(row, columns.created, "The date added is empty".into())
            })?;
            batch.watchlist.push(IncomingWatch {
                film: index,
                added_on,
                priority: 3,
                note: table.cell(row, columns.description).to_owned(),
            });
        }
    }
    Ok((batch, skipped))
}

/// Where each field is, under any era's name for it.
struct Columns {
    id: Option<usize>,
    title: Option<usize>,
    original_title: Option<usize>,
    title_type: Option<usize>,
    year: Option<usize>,
    runtime: Option<usize>,
    genres: Option<usize>,
    directors: Option<usize>,
    release_date: Option<usize>,
    rating: Option<usize>,
    rated_on: Option<usize>,
    created: Option<usize>,
    description: Option<usize>,
}

impl Columns {
    fn of(table: &Table) -> Self {
        Self {
            id: table.column(&["const"]),
            title: table.column(&["title"]),
            original_title: table.column(&["originaltitle"]),
            title_type: table.column(&["titletype"]),
            year: table.column(&["year"]),
            runtime: table.column(&["runtimemins", "runtime"]),
            genres: table.column(&["genres"]),
            directors: table.column(&["directors"]),
            release_date: table.column(&["releasedate", "releasedatemonthdayyear"]),
            rating: table.column(&["yourrating", "yourated"]),
            rated_on: table.column(&["daterated", "dateadded", "created"]),
            created: table.column(&["created", "dateadded", "daterated"]),
            description: table.column(&["description"]),
        }
    }
}

fn film(table: &Table, row: &Record, columns: &Columns) -> Result<IncomingFilm, ImportError> {
    let id = table.required(row, columns.id, "IMDb id (Const)")?;
    let valid_id =
        id.len() > 2 && id.starts_with("tt") && id[2..].bytes().all(|b| b.is_ascii_digit());
    if !valid_id {
        return Err(table.error(
            row,
            columns.id,
            format!("\"{id}\" is not an IMDb title id like tt0047396"),
        ));
    }
    let title = table.required(row, columns.title, "title")?.to_owned();
    let original_title = Some(table.cell(row, columns.original_title))
        .filter(|t| !t.is_empty() && *t != title)
        .map(str::to_owned);
    let runtime = table.cell(row, columns.runtime);
    let runtime_min = match runtime.parse::<u32>() {
        _ if runtime.is_empty() => None,
        Ok(minutes) => Some(minutes).filter(|m| *m > 0),
        Err(_) => {
            return Err(table.error(
                row,
                columns.runtime,
                format!("\"{runtime}\" is not a number of minutes"),
            ))
        }
    };
    Ok(IncomingFilm {
        film: Film {
            title,
            original_title,
            year: table.year(row, columns.year)?,
            runtime_min,
            genres: table
                .list(row, columns.genres)
                .iter()
                .map(|g| genre_name(g))
                .collect(),
            release_date: table.release_date(row, columns.release_date)?,
            credits: table
                .list(row, columns.directors)
                .into_iter()
                .map(|name| Credit::new(name, Role::Director))
                .collect(),
            ..Film::default()
        },
        external_ids: vec![ExternalId::new(IMDB, id)],
        marks: Vec::new(),
    })
}

/// IMDb's genres as its current exports write them.
const GENRES: [&str; 28] = [
    "Action",
    "Adult",
    "Adventure",
    "Animation",
    "Biography",
    "Comedy",
    "Crime",
    "Documentary",
    "Drama",
    "Family",
    "Fantasy",
    "Film-Noir",
    "Game-Show",
    "History",
    "Horror",
    "Music",
    "Musical",
    "Mystery",
    "News",
    "Reality-TV",
    "Romance",
    "Sci-Fi",
    "Short",
    "Sport",
    "Talk-Show",
    "Thriller",
    "War",
    "Western",
];

/// A genre as current exports write it: `sci_fi` and `sci-fi` are `Sci-Fi`, `drama` is `Drama`;
/// a genre IMDb does not list keeps its spelling with a capital first letter.
fn genre_name(genre: &str) -> String {
    let key = |g: &str| -> String {
        g.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let wanted = key(genre);
    if let Some(known) = GENRES.iter().find(|g| key(g) == wanted) {
        return (*known).to_owned();
    }
    let mut chars = genre.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `Your Rating`: a whole number 1–10, kept out of 10; empty is none.
fn rating(
    table: &Table,
    row: &Record,
    column: Option<usize>,
) -> Result<Option<Rating>, ImportError> {
    let text = table.cell(row, column);
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(value @ 1..=10) => Ok(Some(Rating::Points {
            value: f64::from(value),
            scale: 10,
        })),
        _ => Err(table.error(
            row,
            column,
            format!("The rating \"{text}\" is not a whole number from 1 to 10"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_eras_read_alike() {
        let old = "position,const,created,modified,description,Title,Title type,Directors,You rated,IMDb Rating,Runtime (mins),Year,Genres,Num. Votes,Release Date (month/day/year),URL\n\
                   1,tt0047396,2015-03-01,,,Rear Window,Feature Film,Alfred Hitchcock,9,8.5,112,1954,\"Mystery, Thriller\",400000,1954-09-01,https://www.imdb.com/title/tt0047396/\n";
        let (batch, skipped) = imdb_batch(Path::new("old.csv"), old.as_bytes()).unwrap();
        assert_eq!(skipped, 0, "the oldest exports call a film a Feature Film");
        assert_eq!(batch.films[0].film.genres, ["Mystery", "Thriller"]);
        assert_eq!(batch.films[0].film.year, Some(1954));
        assert_eq!(
            batch.reviews[0].review.rating,
            Some(Rating::Points {
                value: 9.0,
                scale: 10
            })
        );
        assert!(
            batch.watchlist.is_empty(),
            "a rated row of the oldest format's ratings list is a rating"
        );
        let new = "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n\
                   tt0047396,9,2020-05-01,Rear Window,Rear Window,https://www.imdb.com/title/tt0047396/,Movie,8.5,112,1954,\"Mystery, Thriller\",500000,1954-09-01,Alfred Hitchcock\n\
                   tt0903747,10,2020-05-02,Breaking Bad,Breaking Bad,https://www.imdb.com/title/tt0903747/,TV Series,9.5,49,2008–2013,Drama,2000000,2008-01-20,\n";
        let (batch, skipped) = imdb_batch(Path::new("ratings.csv"), new.as_bytes()).unwrap();
        assert_eq!(skipped, 1);
        assert_eq!(batch.films[0].film.runtime_min, Some(112));
        assert_eq!(batch.films[0].film.genres, ["Mystery", "Thriller"]);
        assert_eq!(batch.films[0].film.directors_line(), "Alfred Hitchcock");
        assert_eq!(batch.films[0].film.original_title, None);
        assert_eq!(
            batch.reviews[0].review.rating,
            Some(Rating::Points {
                value: 9.0,
                scale: 10
            })
        );
        assert!(batch.watchlist.is_empty());
    }

    /// The oldest era's quirks: partial release dates (I1), `????` years (I3), rated rows of a
    /// watchlist (I4), lower-case genres (I5), all in Windows-1252 (I2).
    #[test]
    fn old_era_quirks_import_whole() {
        let header = "\"position\",\"const\",\"created\",\"modified\",\"description\",\"Title\",\"Title type\",\"Directors\",\"You rated\",\"IMDb Rating\",\"Runtime (mins)\",\"Year\",\"Genres\",\"Num. Votes\",\"Release Date (month/day/year)\",\"URL\"\n";
        let rows = [
            "\"1\",\"tt0000001\",\"Mon Sep 24 03:14:35 2012\",\"Mon Sep 24 03:14:35 2012\",\"\",\"Y tu mam\u{e1} tambi\u{e9}n\",\"Feature Film\",\"Alfonso Cuar\u{f3}n\",\"\",\"7.6\",\"106\",\"2001\",\"drama, sci_fi, film_noir\",\"100\",\"2001-06\",\"http://www.imdb.com/title/tt0000001/\"\n",
            "\"2\",\"tt0000002\",\"Wed Sep  7 10:00:00 2016\",\"Wed Sep  7 10:00:00 2016\",\"\",\"Rated Anyway\",\"Documentary\",\"\",\"8\",\"7.0\",\"90\",\"1993\",\"documentary\",\"100\",\"1993\",\"http://www.imdb.com/title/tt0000002/\"\n",
            "\"3\",\"tt0000003\",\"Thu Sep  8 10:00:00 2016\",\"Thu Sep  8 10:00:00 2016\",\"\",\"Untitled Project\",\"Feature Film\",\"\",\"\",\"\",\"\",\"????\",\"\",\"\",\"\",\"http://www.imdb.com/title/tt0000003/\"\n",
        ];
        let text = format!("{header}{}", rows.concat());
        let (latin1, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable);
        assert!(
            std::str::from_utf8(&latin1).is_err(),
            "the fixture is not UTF-8"
        );
        let (batch, skipped) = imdb_batch(Path::new("WATCHLIST.csv"), &latin1).unwrap();
        assert_eq!(skipped, 0);
        let film = &batch.films[0].film;
        assert_eq!(film.title, "Y tu mam\u{e1} tambi\u{e9}n");
        assert_eq!(film.directors_line(), "Alfonso Cuar\u{f3}n");
        assert_eq!(film.genres, ["Drama", "Sci-Fi", "Film-Noir"]);
        assert_eq!((film.year, film.release_date), (Some(2001), None));
        assert_eq!(batch.films[1].film.year, Some(1993));
        assert_eq!(batch.films[2].film.year, None, "???? is an unknown year");
        assert_eq!(
            batch.watchlist.iter().map(|w| w.film).collect::<Vec<_>>(),
            [0, 1, 2],
            "a rated row of a watchlist stays on the watchlist"
        );
        assert_eq!(batch.reviews.len(), 1, "and its rating is kept");
        assert_eq!(
            batch.watchlist[1].added_on,
            chrono::NaiveDate::from_ymd_opt(2016, 9, 7).unwrap()
        );
    }

    #[test]
    fn binary_bytes_are_still_refused_as_not_text() {
        let error = imdb_batch(Path::new("x.csv"), b"Const,Title\n\x00\xff\xfe,x\n").unwrap_err();
        assert!(error.to_string().contains("not UTF-8"), "{error}");
    }
}
