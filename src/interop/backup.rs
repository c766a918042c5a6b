//! The backup: the whole catalog in one JSON file, and back.
//!
//! The file is `{"format": "cinedex-backup", "version": 1, ...}` followed by the fields of
//! [`ImportBatch`]: `people` (people credited on no film), `films` (every field, with `credits`,
//! `external_ids` and `marks`), `reviews` (every field, with the pasted `source_text`), `diary`
//! (with `tags` and `external_ids`) and `watchlist` (in the person's order). Items name their film
//! by its index in `films`; row ids are not written (`id` and `film_id` are always `null`), so a
//! backup does not depend on how a catalog numbered its rows. The order is stable (films, reviews
//! and viewings as they were added) and nothing in it records when the backup was made, so the
//! same catalog always gives the same bytes: backup, restore into an empty catalog, and backup
//! again gives an identical file. Rows' created/updated times are not kept.
//!
//! `posters` (left out when there are none, e.g. a backup written with `--no-posters`) holds
//! each film's poster by film index: `mime`, `width`, `height`, and `image`, `list_thumb`,
//! `grid_thumb` as base64, byte for byte as stored. Each is checked from its headers on reading.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::import_error::ImportError;
use crate::model::ImportBatch;

/// The `format` of a backup file.
pub const BACKUP_FORMAT: &str = "cinedex-backup";

/// The newest backup version this build writes and reads.
pub const BACKUP_VERSION: u32 = 1;

/// A backup file's fields, as read.
#[derive(Deserialize)]
struct BackupFile {
    #[serde(flatten)]
    batch: ImportBatch,
}

/// A backup file's fields, as written.
#[derive(Serialize)]
struct BackupOut<'a> {
    format: &'a str,
    version: u32,
    #[serde(flatten)]
    batch: &'a ImportBatch,
}

/// The backup file's bytes for `batch` (a whole catalog, from `Catalog::snapshot`).
pub fn backup_bytes(batch: &ImportBatch) -> Result<Vec<u8>, serde_json::Error> {
    let file = BackupOut {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        batch,
    };
    let mut bytes = serde_json::to_vec_pretty(&file)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The catalog a backup file holds; a file that is not a backup, or is one from a newer Cinedex,
/// is refused with where and why.
pub fn read_backup(path: &Path) -> Result<ImportBatch, ImportError> {
    let bytes = std::fs::read(path).map_err(|error| ImportError::Read {
        error,
        path: path.to_path_buf(),
    })?;
    backup_batch(path, &bytes)
}

/// The catalog held by `bytes`, the contents of the backup file at `path` (named in errors);
/// refused like [`read_backup`] refuses a file.
pub fn backup_batch(path: &Path, bytes: &[u8]) -> Result<ImportBatch, ImportError> {
    let file = path.display().to_string();
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
        version: Option<u32>,
    }
    let head: Head = serde_json::from_slice(bytes).map_err(|e| json_error(&file, &e))?;
    if head.format.as_deref() != Some(BACKUP_FORMAT) {
        return Err(ImportError::NotAnExport {
            what: "This is not a Cinedex backup (its \"format\" is not \"cinedex-backup\")"
                .to_owned(),
            path: path.to_path_buf(),
        });
    }
    if head.version.is_none_or(|v| v > BACKUP_VERSION) {
        return Err(ImportError::NotAnExport {
            what: format!(
                "This backup was written by a newer Cinedex (backup version {}; this Cinedex reads up to {BACKUP_VERSION}); update Cinedex to restore it",
                head.version.unwrap_or(0)
            ),
            path: path.to_path_buf(),
        });
    }
    let backup: BackupFile = serde_json::from_slice(bytes).map_err(|e| json_error(&file, &e))?;
    for (n, incoming) in backup.batch.posters.iter().enumerate() {
        crate::images::check_stored_poster(&incoming.poster).map_err(|e| {
            ImportError::NotAnExport {
                what: format!(
                    "Poster {} of the backup is damaged ({})",
                    n + 1,
                    e.to_string().trim_end_matches('.')
                ),
                path: path.to_path_buf(),
            }
        })?;
    }
    Ok(backup.batch)
}

fn json_error(file: &str, error: &serde_json::Error) -> ImportError {
    let problem = match error.classify() {
        serde_json::error::Category::Eof => {
            "The backup ends too early (it may be cut short)".to_owned()
        }
        serde_json::error::Category::Syntax => "The backup is not valid JSON".to_owned(),
        _ => {
            let text = error.to_string();
            let cause = text.split(" at line ").next().unwrap_or(&text);
            format!("The backup holds a value Cinedex cannot read ({cause})")
        }
    };
    ImportError::Row {
        file: file.to_owned(),
        line: u64::try_from(error.line()).unwrap_or(0),
        column: Some((error.column(), "JSON".to_owned())),
        problem,
    }
}
