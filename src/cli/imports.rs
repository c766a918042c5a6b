//! The import commands: `import letterboxd|imdb|backup`.
//!
//! Each reads its files whole first (a bad row stops it before anything is written), then stores
//! everything in one transaction. The summary is printed before the transaction commits;
//! `--dry-run` runs the same work and rolls it back, so it prints exactly what an import would do.

use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Subcommand;

use crate::db::{Catalog, ImportBatch, ImportMode};
use crate::interop::{self, ImportKind};

/// `cinedex import …`.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A Letterboxd data export: the ZIP, its unpacked folder, or one of its CSV files.
    Letterboxd {
        /// The ZIP file, the folder or the CSV file.
        #[arg(value_name = "ZIP_OR_DIR")]
        path: PathBuf,
        /// Print what would be imported and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// An IMDb ratings, watchlist or list export (CSV).
    Imdb {
        /// The CSV file.
        #[arg(value_name = "CSV")]
        file: PathBuf,
        /// Print what would be imported and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// A backup written by `cinedex export backup`.
    Backup {
        /// The backup file.
        file: PathBuf,
        /// Empty the catalog first: it becomes exactly the backup.
        #[arg(long, conflicts_with = "merge")]
        replace: bool,
        /// Add what the catalog lacks; films already in it are matched, not doubled.
        #[arg(long)]
        merge: bool,
        /// Print what would be restored and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Runs one `import` subcommand.
pub fn import(db: &Path, command: ImportCommand) -> anyhow::Result<()> {
    let (kind, path, mode, dry_run) = match command {
        ImportCommand::Letterboxd { path, dry_run } => (
            ImportKind::Letterboxd,
            path,
            Some(ImportMode::Merge),
            dry_run,
        ),
        ImportCommand::Imdb { file, dry_run } => {
            (ImportKind::Imdb, file, Some(ImportMode::Merge), dry_run)
        }
        ImportCommand::Backup {
            file,
            replace,
            merge,
            dry_run,
        } => {
            let mode = match (replace, merge) {
                (_, true) => Some(ImportMode::Merge),
                (true, _) => Some(ImportMode::Replace),
                // Only an empty catalog may be restored into without saying how.
                _ => None,
            };
            (ImportKind::Backup, file, mode, dry_run)
        }
    };
    let read = interop::read_import(kind, &path)?;
    let mode = match mode {
        Some(mode) => mode,
        None if Catalog::open(db)?.is_empty()? => ImportMode::Replace,
        None => bail!(
            "The catalog is not empty, so nothing was restored; add --replace to make it exactly the backup, or --merge to add what it lacks: {}",
            db.display()
        ),
    };
    let what = match kind {
        ImportKind::Letterboxd => format!("The Letterboxd export {}", path.display()),
        ImportKind::Imdb => format!("The IMDb export {}", path.display()),
        ImportKind::Backup => format!("The backup {}", path.display()),
    };
    store(db, &read.batch, mode, dry_run, &what)?;
    for note in &read.notes {
        println!("{note}");
    }
    Ok(())
}

/// Stores `batch`, printing what it does before committing (or, for a dry run, instead).
fn store(
    db: &Path,
    batch: &ImportBatch,
    mode: ImportMode,
    dry_run: bool,
    what: &str,
) -> anyhow::Result<()> {
    let mut catalog = Catalog::open(db)?;
    let summary = catalog.import_batch(batch, mode, |summary| {
        println!("{what}: {summary}.");
        !dry_run
    })?;
    if dry_run {
        println!("Dry run: nothing was changed.");
    } else if summary.is_unchanged() {
        println!("Nothing new: the catalog already holds all of it.");
    } else {
        println!("Imported into {}.", db.display());
    }
    Ok(())
}
