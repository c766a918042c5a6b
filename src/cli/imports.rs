//! The import commands: `import letterboxd|imdb|backup`.
//!
//! Each reads its files whole first (a bad row stops it before anything is written), then stores
//! everything in one transaction. The summary is printed before the transaction commits;
//! `--dry-run` runs the same work and rolls it back, so it prints exactly what an import would do.

use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Subcommand;

use crate::db::{Catalog, ImportBatch, ImportMode};
use crate::interop;

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
    match command {
        ImportCommand::Letterboxd { path, dry_run } => {
            let files = interop::read_export_files(&path)?;
            let label = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let (batch, ignored) = interop::letterboxd_batch(&label, &path, &files)?;
            let what = format!("The Letterboxd export {}", path.display());
            store(db, &batch, ImportMode::Merge, dry_run, &what)?;
            if !ignored.is_empty() {
                println!("Not imported (no films in them): {}.", ignored.join(", "));
            }
            Ok(())
        }
        ImportCommand::Imdb { file, dry_run } => {
            let bytes = std::fs::read(&file).map_err(|source| interop::ImportError::Read {
                source,
                path: file.clone(),
            })?;
            let (batch, skipped) = interop::imdb_batch(&file, &bytes)?;
            let what = format!("The IMDb export {}", file.display());
            store(db, &batch, ImportMode::Merge, dry_run, &what)?;
            if skipped > 0 {
                println!("Skipped {skipped} rows that are not films (series, episodes, games).");
            }
            Ok(())
        }
        ImportCommand::Backup {
            file,
            replace,
            merge,
            dry_run,
        } => {
            let batch = interop::read_backup(&file)?;
            if !replace && !merge && !Catalog::open(db)?.is_empty()? {
                bail!(
                    "The catalog is not empty, so nothing was restored; add --replace to make it exactly the backup, or --merge to add what it lacks: {}",
                    db.display()
                );
            }
            let mode = if merge {
                ImportMode::Merge
            } else {
                ImportMode::Replace
            };
            let what = format!("The backup {}", file.display());
            store(db, &batch, mode, dry_run, &what)
        }
    }
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
