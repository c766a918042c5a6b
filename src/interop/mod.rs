//! Exports of the diary and the watchlist to the files other programs read: Letterboxd's importer,
//! spreadsheets (CSV), scripts (JSON), notes (Markdown), a printable page (HTML) and calendars
//! (iCalendar). Each format is a pure function from `model`'s rows to bytes; writing the
//! bytes to a file goes through [`write_atomically`], so a failed export never leaves half a file.
//! The fields of each format are documented in `docs/exports.md`.
//! Imports go the other way: a Letterboxd export, an IMDb CSV or a backup is read into one
//! [`crate::model::ImportBatch`], which the catalog stores in one transaction.

mod atomic;
mod backup;
mod csv_table;
mod html;
mod ics;
mod imdb;
mod import_error;
mod import_source;
mod json;
mod letterboxd;
mod letterboxd_csv;
mod letterboxd_files;
mod letterboxd_import;
mod list_export;
mod markdown;
mod records;
mod review_html;
mod saved_page;
mod spreadsheet;

use chrono::{DateTime, Utc};

use crate::model::{DiaryRow, OwnReview, WatchlistRow};

pub use atomic::write_atomically;
pub use backup::{backup_batch, backup_bytes, read_backup, BACKUP_FORMAT, BACKUP_VERSION};
pub use html::PosterThumbnails;
pub use imdb::{imdb_batch, IMDB};
pub use import_error::ImportError;
pub use import_source::{read_import, ImportKind, ReadImport};
pub use letterboxd::ExportIds;
pub use letterboxd_csv::TMDB;
pub use letterboxd_files::{read_export_files, ExportFile};
pub use letterboxd_import::{letterboxd_batch, LETTERBOXD};
pub use list_export::{export_list, ListFormat};
pub use records::{rating_text, DiaryRecord, WatchlistRecord};
pub use review_html::review_text;
pub use saved_page::saved_page_image;

/// Why an export could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("The CSV could not be written: {0}")]
    Csv(#[from] csv::Error),
    /// The JSON writer failed.
    #[error("The JSON could not be written: {0}")]
    Json(#[from] serde_json::Error),
}

/// The formats the watchlist exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WatchlistFormat {
    /// The CSV Letterboxd's importer reads: the film's ids where known, `Title,Year,Directors`.
    Letterboxd,
    /// Every field, one row per item, for spreadsheets.
    Csv,
    /// Every field as JSON records.
    Json,
    /// A checklist grouped by priority.
    Markdown,
    /// One printable page.
    Html,
    /// An iCalendar file with one to-do per film.
    Ics,
}

/// The formats the diary exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiaryFormat {
    /// The CSV Letterboxd's importer reads: the film's ids where known, then
    /// `Title,Year,Directors,WatchedDate,Rating,Rewatch,Tags,Review`.
    Letterboxd,
    /// Every field, one row per entry, for spreadsheets.
    Csv,
    /// Every field as JSON records.
    Json,
    /// One printable page.
    Html,
}

impl WatchlistFormat {
    /// Every format, in the order help texts list them.
    pub const ALL: [Self; 6] = [
        Self::Letterboxd,
        Self::Csv,
        Self::Json,
        Self::Markdown,
        Self::Html,
        Self::Ics,
    ];

    /// The name a person types, e.g. `markdown`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Letterboxd => "letterboxd",
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Ics => "ics",
        }
    }

    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Letterboxd | Self::Csv => "csv",
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Ics => "ics",
        }
    }

    /// The format named by [`WatchlistFormat::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl DiaryFormat {
    /// Every format, in the order help texts list them.
    pub const ALL: [Self; 4] = [Self::Letterboxd, Self::Csv, Self::Json, Self::Html];

    /// The name a person types, e.g. `letterboxd`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Letterboxd => "letterboxd",
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Html => "html",
        }
    }

    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Letterboxd | Self::Csv => "csv",
            Self::Json => "json",
            Self::Html => "html",
        }
    }

    /// The format named by [`DiaryFormat::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The watchlist `rows` (in the order given) in `format`, the films named by title, year and
/// directors only; `now` stamps the iCalendar file. [`export_watchlist_with_ids`] also names
/// them by their ids.
pub fn export_watchlist(
    format: WatchlistFormat,
    rows: &[WatchlistRow],
    now: DateTime<Utc>,
) -> Result<Vec<u8>, ExportError> {
    export_watchlist_with_ids(format, rows, &ExportIds::new(), now)
}

/// The watchlist `rows` (in the order given) in `format`; `ids` (from
/// the catalog's `service_ids`) name the films to Letterboxd; `now` stamps the iCalendar
/// file.
pub fn export_watchlist_with_ids(
    format: WatchlistFormat,
    rows: &[WatchlistRow],
    ids: &ExportIds,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        WatchlistFormat::Letterboxd => letterboxd::watchlist(rows, ids)?,
        WatchlistFormat::Csv => spreadsheet::watchlist(rows)?,
        WatchlistFormat::Json => json::watchlist(rows)?,
        WatchlistFormat::Markdown => markdown::watchlist(rows).into_bytes(),
        WatchlistFormat::Html => html::watchlist(rows, &PosterThumbnails::new()).into_bytes(),
        WatchlistFormat::Ics => ics::watchlist(rows, now).into_bytes(),
    })
}

/// The diary `rows` (in the order given) in `format`, the films named by title, year and
/// directors only; [`export_diary_with_ids`] also names them by their ids.
pub fn export_diary(format: DiaryFormat, rows: &[DiaryRow]) -> Result<Vec<u8>, ExportError> {
    export_diary_with_ids(format, rows, &ExportIds::new())
}

/// The diary `rows` (in the order given) in `format`; `ids` name the films to Letterboxd.
pub fn export_diary_with_ids(
    format: DiaryFormat,
    rows: &[DiaryRow],
    ids: &ExportIds,
) -> Result<Vec<u8>, ExportError> {
    match format {
        DiaryFormat::Letterboxd => letterboxd::diary(rows, ids),
        DiaryFormat::Csv => spreadsheet::diary(rows),
        DiaryFormat::Json => json::diary(rows),
        DiaryFormat::Html => Ok(html::diary(rows, &PosterThumbnails::new()).into_bytes()),
    }
}

/// The watchlist `rows` as one printable HTML page, each film's poster thumbnail from
/// `thumbnails` embedded in it (a self-contained file).
pub fn watchlist_html(rows: &[WatchlistRow], thumbnails: &PosterThumbnails) -> Vec<u8> {
    html::watchlist(rows, thumbnails).into_bytes()
}

/// The diary `rows` as one printable HTML page, each film's poster thumbnail from `thumbnails`
/// embedded in it (a self-contained file).
pub fn diary_html(rows: &[DiaryRow], thumbnails: &PosterThumbnails) -> Vec<u8> {
    html::diary(rows, thumbnails).into_bytes()
}

/// Ratings and reviews of no viewing (the catalog's `own_reviews`) as the CSV
/// Letterboxd's importer reads: rows without a `WatchedDate`.
pub fn export_ratings_letterboxd(
    rows: &[OwnReview],
    ids: &ExportIds,
) -> Result<Vec<u8>, ExportError> {
    letterboxd::ratings(rows, ids)
}
