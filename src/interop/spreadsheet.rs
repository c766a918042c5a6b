//! CSV exports for spreadsheets: every field, one row per item, UTF-8, RFC 4180 (quoting as
//! needed, CRLF line ends). The columns are the JSON record fields, in the same order (lists
//! joined with `, `).
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return
//! before one) as a formula, so a title like `=HYPERLINK(…)` could act when the file is opened.
//! Such cells get a leading `'`, which spreadsheets show as text and hide.

use super::records::cell;
use super::{DiaryRecord, ExportError, WatchlistRecord};
use crate::model::{DiaryRow, FilmSummary, WatchlistRow};

/// The watchlist columns, in the order written.
const WATCHLIST_HEADER: [&str; 10] = [
    "id",
    "position",
    "film_id",
    "title",
    "year",
    "directors",
    "runtime_min",
    "priority",
    "added_on",
    "note",
];

/// The diary columns, in the order written.
const DIARY_HEADER: [&str; 13] = [
    "id",
    "film_id",
    "title",
    "year",
    "directors",
    "runtime_min",
    "watched_on",
    "rating",
    "rating_half_stars",
    "rewatch",
    "liked",
    "review",
    "tags",
];

/// The watchlist, one item per row, every field.
pub(super) fn watchlist(rows: &[WatchlistRow]) -> Result<Vec<u8>, ExportError> {
    let cells = rows.iter().map(|row| {
        let record = WatchlistRecord::from(row);
        let [film_id, title, year, directors, runtime_min] = film_cells(&row.film);
        [
            cell(record.id),
            record.position.to_string(),
            film_id,
            title,
            year,
            directors,
            runtime_min,
            record.priority.to_string(),
            record.added_on.to_string(),
            record.note,
        ]
    });
    table(WATCHLIST_HEADER, cells, neutralise_formula)
}

/// The diary, one entry per row, every field.
pub(super) fn diary(rows: &[DiaryRow]) -> Result<Vec<u8>, ExportError> {
    let cells = rows.iter().map(|row| {
        let record = DiaryRecord::from(row);
        let [film_id, title, year, directors, runtime_min] = film_cells(&row.film);
        [
            cell(record.id),
            film_id,
            title,
            year,
            directors,
            runtime_min,
            record.watched_on.to_string(),
            cell(record.rating),
            cell(record.rating_half_stars),
            record.rewatch.to_string(),
            record.liked.to_string(),
            record.review,
            record.tags.join(", "),
        ]
    });
    table(DIARY_HEADER, cells, neutralise_formula)
}

/// A film's cells under `film_id`, `title`, `year`, `directors` (joined with `, `) and
/// `runtime_min`, as every spreadsheet export writes them.
pub(super) fn film_cells(film: &FilmSummary) -> [String; 5] {
    [
        film.id.0.to_string(),
        film.title.clone(),
        cell(film.year),
        film.directors.join(", "),
        cell(film.runtime_min),
    ]
}

/// A CSV file (RFC 4180: quoting as needed, CRLF line ends) of `header` and `rows`, each cell
/// passed through `guard`.
pub(super) fn table<const N: usize>(
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
    guard: fn(String) -> String,
) -> Result<Vec<u8>, ExportError> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    out.write_record(header)?;
    for row in rows {
        out.write_record(row.map(guard))?;
    }
    out.into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))
}

/// `text` with a leading `'` when a spreadsheet would run it as a formula.
pub(super) fn neutralise_formula(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralise_formula(formula.into()), format!("'{formula}"));
        }
        for plain in ["Rust and Bone", "3.5", "", "'quoted", " =spaced"] {
            assert_eq!(neutralise_formula(plain.into()), plain);
        }
    }
}
