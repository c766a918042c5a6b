//! The CSV that Letterboxd's importer reads (letterboxd.com/import), so a person can move their
//! diary or watchlist there. Columns are matched by name there; titles, years and directors let
//! it find each film. Cells are written as they are (no spreadsheet-formula guard: a title must
//! reach Letterboxd unchanged), and reviews are HTML-escaped, since Letterboxd reads them as HTML.

use std::convert::identity;

use super::records::{cell, rating_text};
use super::spreadsheet::table;
use super::ExportError;
use crate::db::{DiaryRow, FilmSummary, WatchlistRow};

/// The diary columns, in the order written.
const DIARY_HEADER: [&str; 8] = [
    "Title",
    "Year",
    "Directors",
    "WatchedDate",
    "Rating",
    "Rewatch",
    "Tags",
    "Review",
];

/// The watchlist columns: just what identifies each film.
const WATCHLIST_HEADER: [&str; 3] = ["Title", "Year", "Directors"];

/// The watchlist for Letterboxd's importer, one film per row.
pub(super) fn watchlist(rows: &[WatchlistRow]) -> Result<Vec<u8>, ExportError> {
    let cells = rows.iter().map(|row| film_cells(&row.film));
    table(WATCHLIST_HEADER, cells, identity)
}

/// The diary for Letterboxd's importer, one viewing per row (each row makes a diary entry there).
pub(super) fn diary(rows: &[DiaryRow]) -> Result<Vec<u8>, ExportError> {
    let cells = rows.iter().map(|row| {
        let entry = &row.entry;
        let [title, year, directors] = film_cells(&row.film);
        let tags: Vec<&str> = entry.tags.iter().map(|t| t.as_str()).collect();
        [
            title,
            year,
            directors,
            entry.watched_on.to_string(),
            cell(entry.rating_half_stars.map(rating_text)),
            entry.rewatch.to_string(),
            tags.join(", "),
            html_escape::encode_text(&entry.review).into_owned(),
        ]
    });
    table(DIARY_HEADER, cells, identity)
}

/// Title, year and directors (comma-separated) of `film`.
fn film_cells(film: &FilmSummary) -> [String; 3] {
    [
        film.title.clone(),
        cell(film.year),
        film.directors.join(", "),
    ]
}
