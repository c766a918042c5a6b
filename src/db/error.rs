//! What can go wrong in the repository, as sentences a person can act on.

use std::path::PathBuf;

use crate::model::{FilmId, ValidationError};

/// An error from the catalog file.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The file's `user_version` is higher than this build knows.
    #[error("This catalog was written by a newer Cinedex (catalog version {found}; this Cinedex reads up to {supported}); update Cinedex to open it: {}", path.display())]
    NewerVersion {
        /// The version found in the file.
        found: i64,
        /// The newest version this build reads.
        supported: i64,
        /// The file.
        path: PathBuf,
    },
    /// The file is not SQLite, or is SQLite written by another program.
    #[error("This file is not a Cinedex catalog, so it was left untouched: {}", path.display())]
    NotACatalog {
        /// The file.
        path: PathBuf,
    },
    /// Another program holds a lock on the file for longer than the busy timeout.
    #[error("The catalog is locked by another program; close it there and try again: {}", path.display())]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// SQLite found damaged pages in the file.
    #[error("The catalog file is damaged, so Cinedex will not change it; restore a backup or copy it elsewhere and check it with sqlite3: {}", path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
    },
    /// The copy kept before a schema upgrade could not be written.
    #[error("Cannot keep a copy of the catalog before upgrading it ({source}), so it was left as it was: {}", path.display())]
    Backup {
        /// Why.
        source: std::io::Error,
        /// The copy that could not be written.
        path: PathBuf,
    },
    /// A backup (Back up now, or the daily one) could not be written or its folder read.
    #[error("Cannot back up the catalog ({source}): {}", path.display())]
    BackupCopy {
        /// Why.
        source: std::io::Error,
        /// The backup file or folder.
        path: PathBuf,
    },
    /// The file or its folder cannot be written.
    #[error("The catalog cannot be written (the file or its folder is read-only): {}", path.display())]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The disk (or the file system the catalog is on) has no room left for the write.
    #[error("The disk is full, so nothing was written and the catalog is as it was; free some space and try again: {}", path.display())]
    DiskFull {
        /// The file.
        path: PathBuf,
    },
    /// The folder for a new catalog cannot be made.
    #[error("Cannot create the folder for the catalog ({source}): {}", path.display())]
    CreateFolder {
        /// Why.
        source: std::io::Error,
        /// The folder.
        path: PathBuf,
    },
    /// A value breaks a rule of the model.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// The film is not (or no longer) in the catalog.
    #[error("Film #{} is not in the catalog.", .0 .0)]
    FilmNotFound(FilmId),
    /// What an undo or redo would put back was changed or removed since.
    #[error("This can no longer be undone: what it changed was edited or removed since.")]
    Gone,
    /// The person stopped the work; the transaction was rolled back.
    #[error("Cancelled: nothing was changed.")]
    Cancelled,
    /// No list has this id.
    #[error("List #{} is not in the catalog.", .0 .0)]
    ListNotFound(crate::model::ListId),
    /// Another list has this name (ignoring case).
    #[error("A list called \"{0}\" exists already; choose another name.")]
    ListNameTaken(String),
    /// No list has this name.
    #[error("There is no list called \"{0}\"; `cinedex lists` shows the lists.")]
    ListNamed(String),
    /// A typed title fits several stored films, and no year tells them apart.
    #[error("{} films in the catalog are titled \"{title}\", so nothing was changed; add the year to choose one.", candidates.len())]
    AmbiguousTitle {
        /// The title as typed.
        title: String,
        /// The films it fits.
        candidates: Vec<super::FilmMatch>,
    },
    /// A film cannot be merged into itself.
    #[error("Film #{} cannot be merged with itself; name two different films.", .0 .0)]
    MergeSameFilm(FilmId),
    /// A search or saved view that cannot be read.
    #[error(transparent)]
    Query(#[from] crate::model::QueryError),
    /// Any other SQLite failure.
    #[error("The catalog could not be read or written: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
