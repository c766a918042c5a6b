//! The CSV that Letterboxd's importer reads (letterboxd.com/import), so a person can move their
//! diary, watchlist and ratings there. Films are named by their ids first (`LetterboxdURI`,
//! `imdbID`, `tmdbID`: a column is written when any row knows that id), so the match is exact,
//! then by title, year and directors as the fallback. Cells are written as they are (no
//! spreadsheet-formula guard: a title must reach Letterboxd unchanged), and reviews are
//! HTML-escaped, since Letterboxd reads them as HTML.
//!
//! Ratings and reviews of no viewing are rows without a `WatchedDate`, which Letterboxd takes as
//! a rating or a review of the film, not a diary entry.

use std::collections::HashMap;

use super::records::{cell, rating_text};
use super::ExportError;
use crate::model::{DiaryRow, FilmId, FilmIds, FilmSummary, OwnReview, Rating, WatchlistRow};

/// The id columns, in the order written (each only when some row knows it).
const ID_HEADER: [&str; 3] = ["LetterboxdURI", "imdbID", "tmdbID"];

/// The film columns after the ids.
const FILM_HEADER: [&str; 3] = ["Title", "Year", "Directors"];

/// The viewing columns after the film's.
const VIEWING_HEADER: [&str; 5] = ["WatchedDate", "Rating", "Rewatch", "Tags", "Review"];

/// Each film's ids at the services the export names films by.
pub type ExportIds = HashMap<FilmId, FilmIds>;

/// The watchlist for Letterboxd's importer, one film per row.
pub(super) fn watchlist(rows: &[WatchlistRow], ids: &ExportIds) -> Result<Vec<u8>, ExportError> {
    write(rows.iter().map(|row| (&row.film, Vec::new())), ids, false)
}

/// The diary for Letterboxd's importer, one viewing per row (each row makes a diary entry there).
pub(super) fn diary(rows: &[DiaryRow], ids: &ExportIds) -> Result<Vec<u8>, ExportError> {
    let rows = rows.iter().map(|row| {
        let entry = &row.entry;
        let tags: Vec<&str> = entry.tags.iter().map(|t| t.as_str()).collect();
        let cells = vec![
            entry.watched_on.to_string(),
            cell(entry.rating_half_stars.map(rating_text)),
            entry.rewatch.to_string(),
            tags.join(", "),
            html_escape::encode_text(&entry.review).into_owned(),
        ];
        (&row.film, cells)
    });
    write(rows, ids, true)
}

/// Ratings and reviews of no viewing (reviews of kind own) for Letterboxd's importer: rows
/// without a `WatchedDate`, the rating in stars (a rating out of 10 is half stars: 7/10 is 3.5).
pub(super) fn ratings(rows: &[OwnReview], ids: &ExportIds) -> Result<Vec<u8>, ExportError> {
    let rows = rows.iter().map(|own| {
        let review = &own.review;
        let cells = vec![
            String::new(),
            cell(review.rating.as_ref().and_then(half_stars).map(rating_text)),
            String::new(),
            String::new(),
            html_escape::encode_text(&review.body).into_owned(),
        ];
        (&own.film, cells)
    });
    write(rows, ids, true)
}

/// A rating in half stars, 1–10: its 0–100 value in tenths, `None` for 0.
fn half_stars(rating: &Rating) -> Option<u8> {
    let tenths = (rating.normalised() / 10.0).round();
    (tenths >= 1.0).then_some(tenths.min(10.0) as u8)
}

/// The CSV of `rows` (a film and its cells after the film's), with the viewing columns when
/// `viewings` is true.
fn write<'a>(
    rows: impl Iterator<Item = (&'a FilmSummary, Vec<String>)>,
    ids: &ExportIds,
    viewings: bool,
) -> Result<Vec<u8>, ExportError> {
    let rows: Vec<_> = rows.collect();
    let none = FilmIds::default();
    let ids_of = |film: &FilmSummary| ids.get(&film.id).unwrap_or(&none);
    let known = [
        rows.iter().any(|(f, _)| ids_of(f).letterboxd.is_some()),
        rows.iter().any(|(f, _)| ids_of(f).imdb.is_some()),
        rows.iter().any(|(f, _)| ids_of(f).tmdb.is_some()),
    ];
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<&str> = ID_HEADER
        .iter()
        .zip(known)
        .filter(|(_, known)| *known)
        .map(|(name, _)| *name)
        .collect();
    header.extend(FILM_HEADER);
    if viewings {
        header.extend(VIEWING_HEADER);
    }
    out.write_record(&header)?;
    for (film, cells) in rows {
        let film_ids = ids_of(film);
        let id_cells = [&film_ids.letterboxd, &film_ids.imdb, &film_ids.tmdb];
        let mut record: Vec<String> = id_cells
            .iter()
            .zip(known)
            .filter(|(_, known)| *known)
            .map(|(id, _)| (*id).clone().unwrap_or_default())
            .collect();
        record.extend([
            film.title.clone(),
            cell(film.year),
            film.directors.join(", "),
        ]);
        record.extend(cells);
        out.write_record(&record)?;
    }
    out.into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_out_of_ten_become_half_stars() {
        let points = |value, scale| Rating::Points { value, scale };
        assert_eq!(half_stars(&points(7.0, 10)), Some(7));
        assert_eq!(half_stars(&points(3.5, 5)), Some(7));
        assert_eq!(half_stars(&points(10.0, 10)), Some(10));
        assert_eq!(half_stars(&points(0.0, 10)), None);
    }
}
