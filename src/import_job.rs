//! One import from files, the whole job, as the CLI and the window both run it: read and check
//! the files, back the catalog up before a restore replaces it, store the batch in one
//! transaction with progress and cancel, and say what it did. A preview runs the same work and
//! rolls it back; a preview into a catalog file that does not exist yet leaves none behind.
//!
//! It sits above both `interop` (which reads the files into a batch and knows no catalog) and
//! `db` (which stores a batch and knows no file formats), below the CLI and the window, which
//! both run it.

use std::cell::{Cell, RefCell};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use crate::db::{back_up, BackupKind, Catalog, DbError, ImportMode, ImportProgress, ImportSummary};
use crate::interop::{read_import, ImportError, ImportKind};

/// An import to run: which file, read as what, how it meets the catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportJob {
    /// What the file is.
    pub kind: ImportKind,
    /// The file or folder.
    pub path: PathBuf,
    /// Merge into the catalog, or replace it.
    pub mode: ImportMode,
    /// Only say what the import would do; change nothing.
    pub preview: bool,
}

/// Why an import changed nothing; each a sentence.
#[derive(Debug, thiserror::Error)]
pub enum ImportJobError {
    /// The files could not be read as what the job reads.
    #[error(transparent)]
    Read(#[from] ImportError),
    /// The catalog could not be backed up before a replace, so it was not replaced.
    #[error("Cannot back the catalog up before replacing it, so nothing was changed ({0})")]
    BackupFirst(DbError),
    /// Storing failed (or was cancelled); the catalog was left as it was.
    #[error(transparent)]
    Catalog(#[from] DbError),
}

/// What a finished job did (or, for a preview, would do).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    /// Per kind: what was added, updated and left as it was.
    pub summary: ImportSummary,
    /// Sentences on what the files held that was not imported, and why.
    pub notes: Vec<String>,
    /// True for a preview: nothing was changed.
    pub preview: bool,
    /// Where the catalog as it was before a replace was saved.
    pub saved_copy: Option<PathBuf>,
}

impl ImportJob {
    /// Runs the job against the catalog file `catalog`. `progress` hears how far storing is,
    /// and once more just before the commit; when it breaks, everything is rolled back and the
    /// result is [`DbError::Cancelled`] (as [`ImportJobError::Catalog`]).
    pub fn run(
        &self,
        catalog: &Path,
        progress: impl FnMut(ImportProgress) -> ControlFlow<()>,
    ) -> Result<ImportReport, ImportJobError> {
        let read = read_import(self.kind, &self.path)?;
        let mut catalog = if self.preview && !catalog.exists() {
            Catalog::open_in_memory()?
        } else {
            Catalog::open(catalog)?
        };
        // An empty catalog has nothing to lose, so it is not copied.
        let saved_copy =
            if self.mode == ImportMode::Replace && !self.preview && !catalog.is_empty()? {
                let now = chrono::Local::now().naive_local();
                Some(
                    back_up(catalog.path(), BackupKind::Manual, now)
                        .map_err(ImportJobError::BackupFirst)?,
                )
            } else {
                None
            };
        let last = Cell::new(ImportProgress::default());
        let cancelled = Cell::new(false);
        let progress = RefCell::new(progress);
        let summary = catalog.import_batch_watched(
            &read.batch,
            self.mode,
            |now| {
                last.set(now);
                (progress.borrow_mut())(now)
            },
            |_| {
                cancelled.set((progress.borrow_mut())(last.get()).is_break());
                !self.preview && !cancelled.get()
            },
        )?;
        if cancelled.get() {
            return Err(DbError::Cancelled.into());
        }
        Ok(ImportReport {
            summary,
            notes: read.notes,
            preview: self.preview,
            saved_copy,
        })
    }
}
