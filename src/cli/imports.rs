//! The import commands: `import letterboxd|imdb|backup`.
//!
//! Each runs one [`ImportJob`], as the window does: the files are read whole first (a bad row
//! stops it before anything is written), then everything is stored in one transaction, with a
//! progress bar on a terminal (none when standard error is not one). `--dry-run` runs the same
//! work and rolls it back, so it prints exactly what an import would do.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::db::{Catalog, ImportMode};
use crate::import_job::ImportJob;
use crate::interop::ImportKind;

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
    /// A CSV in the form Letterboxd's importer reads (what `export … --format letterboxd` writes):
    /// films by LetterboxdURI, imdbID or tmdbID, then title and year; viewings, ratings, reviews.
    LetterboxdCsv {
        /// The CSV file.
        #[arg(value_name = "CSV")]
        file: PathBuf,
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
    let (kind, path, mode, preview) = match command {
        ImportCommand::Letterboxd { path, dry_run } => (
            ImportKind::Letterboxd,
            path,
            Some(ImportMode::Merge),
            dry_run,
        ),
        ImportCommand::LetterboxdCsv { file, dry_run } => (
            ImportKind::Letterboxd,
            file,
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
    let mode = match mode {
        Some(mode) => mode,
        None if !db.exists() || Catalog::open(db)?.is_empty()? => ImportMode::Replace,
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
    let job = ImportJob {
        kind,
        path,
        mode,
        preview,
    };
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("Storing {pos}/{len} {wide_bar} {eta}") {
        bar.set_style(style);
    }
    let report = job.run(db, |progress| {
        bar.set_length(progress.total as u64);
        bar.set_position(progress.done as u64);
        ControlFlow::Continue(())
    });
    bar.finish_and_clear();
    let report = report?;
    let mut out = Output::default();
    out.line(&format!("{what}: {}.", report.summary));
    for note in &report.notes {
        out.line(note);
    }
    if let Some(copy) = &report.saved_copy {
        out.line(&format!(
            "The catalog as it was is backed up as {}.",
            copy.display()
        ));
    }
    if report.preview {
        out.line("Dry run: nothing was changed.");
    } else if report.summary.is_unchanged() {
        out.line("Nothing new: the catalog already holds all of it.");
    } else {
        out.line(&format!("Imported into {}.", db.display()));
    }
    out.finish()
}

/// Standard output for what an import did. The import is already committed (or rolled back)
/// when it prints, so a reader that stops early (`| head -1`) changes nothing: a closed pipe
/// ends the printing quietly, and any other failure to write is reported once at the end.
#[derive(Default)]
struct Output {
    closed: bool,
    error: Option<std::io::Error>,
}

impl Output {
    fn line(&mut self, text: &str) {
        if self.closed || self.error.is_some() {
            return;
        }
        match writeln!(std::io::stdout().lock(), "{text}") {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => self.closed = true,
            Err(e) => self.error = Some(e),
        }
    }

    fn finish(self) -> anyhow::Result<()> {
        match self.error {
            Some(e) => Err(anyhow::anyhow!(
                "The import is done, but its summary could not be printed ({e})"
            )),
            None => Ok(()),
        }
    }
}
