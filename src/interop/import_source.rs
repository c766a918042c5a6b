//! What a file to import is (a Letterboxd export, an IMDb CSV, a Cinedex backup), told from the
//! file itself, and reading it into one [`ImportBatch`]: the one way the CLI and the window read
//! an import.

use std::io::Read;
use std::path::Path;

use super::import_error::ImportError;
use super::{imdb_batch, letterboxd_batch, read_backup, read_export_files};
use crate::model::ImportBatch;

/// The kinds of file Cinedex imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// A Letterboxd data export: its ZIP, its unpacked folder or one of its CSV files.
    Letterboxd,
    /// An IMDb ratings, watchlist or list export (CSV).
    Imdb,
    /// A backup written by Cinedex (JSON).
    Backup,
}

impl ImportKind {
    /// Every kind, in the order a menu lists them.
    pub const ALL: [Self; 3] = [Self::Letterboxd, Self::Imdb, Self::Backup];

    /// How the kind is named to a person.
    pub fn label(self) -> &'static str {
        match self {
            Self::Letterboxd => "Letterboxd export (ZIP, folder or CSV)",
            Self::Imdb => "IMDb ratings or watchlist (CSV)",
            Self::Backup => "Cinedex backup (JSON)",
        }
    }

    /// The kind `path` holds, told by what it is and how it begins: a folder or a ZIP is a
    /// Letterboxd export, a file starting with `{` a backup, a CSV whose header names IMDb's
    /// `Const` column an IMDb export, any other CSV a file of a Letterboxd export. `None` when
    /// it cannot be read or is none of these.
    pub fn detect(path: &Path) -> Option<Self> {
        if path.is_dir() {
            return Some(Self::Letterboxd);
        }
        let mut head = Vec::with_capacity(4096);
        std::fs::File::open(path)
            .ok()?
            .take(4096)
            .read_to_end(&mut head)
            .ok()?;
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
        if head.starts_with(b"PK\x03\x04") {
            return Some(Self::Letterboxd);
        }
        let text = String::from_utf8_lossy(head);
        let text = text.trim_start();
        if text.starts_with('{') {
            return Some(Self::Backup);
        }
        let header = text.lines().next()?.to_ascii_lowercase();
        if !header.contains(',') {
            return None;
        }
        if header
            .split(',')
            .any(|c| c.trim_matches(['"', ' ']) == "const")
        {
            Some(Self::Imdb)
        } else {
            Some(Self::Letterboxd)
        }
    }
}

/// An import read from its files, not yet stored.
#[derive(Clone, Debug)]
pub struct ReadImport {
    /// What to store.
    pub batch: ImportBatch,
    /// Sentences on what the files held that will not be imported (e.g. TV episodes).
    pub notes: Vec<String>,
}

/// Reads the import at `path` as `kind`: everything is read and checked before anything is
/// stored, so a bad row stops it with the file, line and column.
pub fn read_import(kind: ImportKind, path: &Path) -> Result<ReadImport, ImportError> {
    let detected = ImportKind::detect(path);
    let wrong = match (kind, detected) {
        (ImportKind::Letterboxd, Some(ImportKind::Imdb)) => {
            Some("This is an IMDb export, not a Letterboxd one, so nothing was imported; import it as IMDb (cinedex import imdb)")
        }
        (ImportKind::Imdb, Some(ImportKind::Letterboxd)) => {
            Some("This is a Letterboxd export, not an IMDb one, so nothing was imported; import it as Letterboxd (cinedex import letterboxd)")
        }
        (ImportKind::Letterboxd | ImportKind::Imdb, Some(ImportKind::Backup)) => {
            Some("This is a Cinedex backup, so nothing was imported; restore it as a backup (cinedex import backup)")
        }
        _ => None,
    };
    if let Some(what) = wrong {
        return Err(ImportError::Wrong {
            what: what.to_owned(),
            path: path.to_path_buf(),
        });
    }
    let mut notes = Vec::new();
    let batch = match kind {
        ImportKind::Letterboxd => {
            let files = read_export_files(path)?;
            let label = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let (batch, file_notes) = letterboxd_batch(&label, path, &files)?;
            notes.extend(file_notes);
            batch
        }
        ImportKind::Imdb => {
            let bytes = std::fs::read(path).map_err(|error| ImportError::Read {
                error,
                path: path.to_path_buf(),
            })?;
            let (batch, skipped) = imdb_batch(path, &bytes)?;
            if skipped > 0 {
                notes.push(format!(
                    "Skipped {skipped} rows that are not films (series, episodes, games)."
                ));
            }
            batch
        }
        ImportKind::Backup => read_backup(path)?,
    };
    Ok(ReadImport { batch, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(name: &str, bytes: &[u8]) -> Option<ImportKind> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        ImportKind::detect(&path)
    }

    #[test]
    fn kinds_are_told_by_content() {
        assert_eq!(
            detect("x.csv", b"Date,Name,Year,Letterboxd URI,Rating\n"),
            Some(ImportKind::Letterboxd)
        );
        assert_eq!(
            detect(
                "ratings.csv",
                b"\xEF\xBB\xBF\"Const\",\"Your Rating\",\"Date Rated\",\"Title\"\n"
            ),
            Some(ImportKind::Imdb)
        );
        assert_eq!(
            detect("b.json", b"  {\"format\": \"cinedex-backup\"}"),
            Some(ImportKind::Backup)
        );
        assert_eq!(
            detect("e.zip", b"PK\x03\x04rest"),
            Some(ImportKind::Letterboxd)
        );
        assert_eq!(detect("notes.txt", b"just some words"), None);
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(ImportKind::detect(dir.path()), Some(ImportKind::Letterboxd));
        assert_eq!(ImportKind::detect(&dir.path().join("missing.csv")), None);
    }
}
