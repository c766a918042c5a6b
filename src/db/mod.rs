//! The repository: the catalog in one SQLite file.
//!
//! Rules it keeps:
//! - The schema is an ordered list of migrations applied at open under `PRAGMA user_version`, in one
//!   transaction; a shipped migration is never edited.
//! - A file written by a newer Cinedex, or a file that is not a Cinedex catalog, is refused before
//!   anything is written to it: it is first inspected read-only.
//! - Every public call that writes is one transaction: it is stored whole or not at all.
//! - Full-text search is kept in step by triggers in the schema, never by hand.

mod backups;
mod batch;
mod bulk;
mod demo_rows;
mod diary;
mod duplicate_titles;
mod duplicates;
mod error;
mod film_external_ids;
mod film_marks;
mod film_refs;
mod films;
mod first_screen;
mod ids;
mod known;
mod list_import;
mod list_undo;
mod lists;
mod lookups;
mod matching;
mod merge;
mod open;
mod people;
mod pick;
mod posters;
mod query_sql;
mod ranked_words;
mod reviews;
mod same_film;
mod search;
mod snapshot;
mod stats;
mod stats_tally;
mod stats_text;
mod title_scan;
mod undo;
mod view_undo;
mod views;
mod watchlist;
mod written;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use backups::{
    back_up, backups_folder, daily_backup, list_backups, prune_automatic, Backup, BackupKind,
    BACKUPS_KEPT_RANGE, DEFAULT_BACKUPS_KEPT,
};
pub use batch::{ImportMode, ImportSummary};
pub use bulk::ImportProgress;
pub use diary::{normalise_tag, DiaryFilter, DiaryMonth};
pub use duplicates::Duplicate;
pub use error::DbError;
pub use film_refs::FilmChoice;
pub use films::DeletedFilm;
pub use list_import::ListPlace;
pub use list_undo::ListChange;
pub use lists::{DeletedList, ListAdd, ListRow};
pub use lookups::{LookupApplied, LookupOutcome};
pub use matching::{FilmMatch, ImportOutcome, ImportTarget};
pub use merge::{MergeSummary, MergedFilms};
pub use open::ChangeProbe;
pub use open::{default_catalog_path, SCHEMA_VERSION};
pub use pick::{Pick, PickFrom};
pub use posters::PosterTotals;
pub use search::{CatalogCounts, FilmQuery, FilmRow, FirstIds, SortColumn, RANKED_MATCHES_MAX};
pub use stats::{
    DecadeCount, MonthsOfYear, RatedFilm, RatingBar, Stats, TopEntry, Totals, YearFigures,
    YearInReview, TOP_COUNT,
};
pub use undo::Change;
pub use view_undo::ViewChange;
pub use views::SavedView;
pub use watchlist::{WatchlistAdd, WatchlistSort};
pub use written::Written;

/// Results of the repository.
pub type Result<T, E = DbError> = std::result::Result<T, E>;

/// An open catalog file.
pub struct Catalog {
    conn: Connection,
    path: PathBuf,
    /// The folded title keys, once a search has had to look inside titles.
    title_keys: RefCell<Option<title_scan::TitleKeys>>,
    /// The ranked order of the last ranked words searched with filters.
    ranked_words: RefCell<Option<ranked_words::RankedWords>>,
}

impl Catalog {
    /// Opens (or creates) the catalog at `path`, creating missing parent folders and applying
    /// migrations. Refuses, unchanged, a file from a newer Cinedex or a file that is not a catalog.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let conn = open::open_connection(&path)?;
        Ok(Self {
            conn,
            path,
            title_keys: RefCell::default(),
            ranked_words: RefCell::default(),
        })
    }

    /// A catalog that lives only in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Self> {
        let conn = open::open_in_memory()?;
        Ok(Self {
            conn,
            path: PathBuf::from(":memory:"),
            title_keys: RefCell::default(),
            ranked_words: RefCell::default(),
        })
    }

    /// The file this catalog lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file this catalog lives in, or `None` for a catalog in memory (which no other
    /// connection, thread or program can open).
    pub fn file(&self) -> Option<&Path> {
        let in_memory = self.path.as_os_str() == ":memory:" || self.path.as_os_str().is_empty();
        (!in_memory).then_some(self.path.as_path())
    }

    /// SQLite's `PRAGMA data_version`: a number that changes when another connection (a second
    /// window, the CLI) commits a change to the file, and stays the same for this catalog's own
    /// writes. Cheap enough to ask every second: no table is read.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .map_err(|e| open::classify(e, &self.path))
    }
}
