//! Backups of the catalog file: consistent copies made with SQLite's online backup, so a write in
//! progress (or a pending write-ahead log) never leaves a half-copied file.
//!
//! Layout: beside the catalog, a `backups` folder holds one file per backup, named after the
//! catalog and the local time it was taken, with the catalog's extension so each opens as a
//! catalog (`cinedex --db FILE`):
//!
//! ```text
//! ~/.local/share/cinedex/catalog.sqlite3
//! ~/.local/share/cinedex/backups/catalog-2026-11-25-093012.sqlite3        Back up now
//! ~/.local/share/cinedex/backups/catalog-auto-2026-11-24-081500.sqlite3   the daily backup
//! ```
//!
//! Rules: a backup never replaces an existing file (a name already taken gets `-2`, `-3`, …); only
//! automatic backups are pruned (the newest N kept), backups made by hand stay until the person
//! deletes them; the catalog itself is only read.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};

use super::open::classify;
use super::{DbError, Result};

/// How many automatic backups are kept unless the person chooses otherwise.
pub const DEFAULT_BACKUPS_KEPT: u32 = 5;

/// How many automatic backups a person may choose to keep.
pub const BACKUPS_KEPT_RANGE: std::ops::RangeInclusive<u32> = 1..=30;

/// The layout of the time in a backup's name.
const STAMP: &str = "%Y-%m-%d-%H%M%S";

/// How a backup came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupKind {
    /// Back up now: kept until the person deletes it.
    Manual,
    /// The daily backup at start-up: the oldest are pruned.
    Automatic,
}

/// One backup file found in the backups folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The file.
    pub path: PathBuf,
    /// When it was taken (local time, from its name).
    pub taken_at: NaiveDateTime,
    /// By hand or automatic.
    pub kind: BackupKind,
}

/// The folder the backups of the catalog at `catalog` go to: `backups` beside it.
pub fn backups_folder(catalog: &Path) -> PathBuf {
    catalog
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// Writes a consistent copy of the catalog at `catalog` into its backups folder, named for `now`,
/// and returns its path. The catalog is opened read-only; no existing file is replaced.
pub fn back_up(catalog: &Path, kind: BackupKind, now: NaiveDateTime) -> Result<PathBuf> {
    let source = Connection::open_with_flags(
        catalog,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(e, catalog))?;
    let folder = backups_folder(catalog);
    std::fs::create_dir_all(&folder).map_err(|source| DbError::BackupCopy {
        source,
        path: folder.clone(),
    })?;
    let (stem, extension) = name_parts(catalog);
    let prefix = match kind {
        BackupKind::Manual => format!("{stem}-"),
        BackupKind::Automatic => format!("{stem}-auto-"),
    };
    let stamp = now.format(STAMP);
    for attempt in 1..1000 {
        let counter = if attempt == 1 {
            String::new()
        } else {
            format!("-{attempt}")
        };
        let path = folder.join(format!("{prefix}{stamp}{counter}{extension}"));
        // Reserving the name with create_new is what guarantees no file is ever replaced.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => return Err(DbError::BackupCopy { source, path }),
        }
        return match copy_database(&source, &path) {
            Ok(()) => Ok(path),
            Err(error) => {
                // Only the file this call created is removed.
                let _ = std::fs::remove_file(&path);
                Err(DbError::BackupCopy {
                    source: std::io::Error::other(error),
                    path,
                })
            }
        };
    }
    Err(DbError::BackupCopy {
        source: std::io::Error::other("every name for this second is taken"),
        path: folder,
    })
}

/// Copies the main database of `source` to the file `to` with SQLite's online backup, so the copy
/// is one consistent state (a pending write-ahead log included).
pub(super) fn copy_database(source: &Connection, to: &Path) -> rusqlite::Result<()> {
    source.backup(
        rusqlite::MAIN_DB,
        to,
        None::<fn(rusqlite::backup::Progress)>,
    )
}

/// The backups of the catalog at `catalog`, newest first. A missing folder holds none; files that
/// are not named like its backups are ignored.
pub fn list_backups(catalog: &Path) -> Result<Vec<Backup>> {
    let folder = backups_folder(catalog);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(DbError::BackupCopy {
                source,
                path: folder,
            })
        }
    };
    let (stem, extension) = name_parts(catalog);
    let mut backups: Vec<Backup> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let (taken_at, kind) = parse_name(&name, &stem, &extension)?;
            Some(Backup {
                path: entry.path(),
                taken_at,
                kind,
            })
        })
        .collect();
    backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.path.cmp(&a.path)));
    Ok(backups)
}

/// Deletes the automatic backups beyond the newest `keep`; returns the files deleted.
pub fn prune_automatic(catalog: &Path, keep: u32) -> Result<Vec<PathBuf>> {
    let keep = usize::try_from(keep).unwrap_or(usize::MAX);
    let mut removed = Vec::new();
    for backup in list_backups(catalog)?
        .into_iter()
        .filter(|b| b.kind == BackupKind::Automatic)
        .skip(keep)
    {
        std::fs::remove_file(&backup.path).map_err(|source| DbError::BackupCopy {
            source,
            path: backup.path.clone(),
        })?;
        removed.push(backup.path);
    }
    Ok(removed)
}

/// The daily backup: when no backup of any kind was taken today (local calendar date),
/// writes an automatic one and prunes the automatic ones to the newest `keep`. Returns the new
/// backup, or `None` when none was due.
pub fn daily_backup(catalog: &Path, keep: u32, now: NaiveDateTime) -> Result<Option<PathBuf>> {
    let newest = list_backups(catalog)?.into_iter().map(|b| b.taken_at).max();
    if newest.is_some_and(|taken| taken.date() >= now.date()) {
        return Ok(None);
    }
    let path = back_up(catalog, BackupKind::Automatic, now)?;
    prune_automatic(catalog, keep)?;
    Ok(Some(path))
}

/// `catalog.sqlite3` → (`catalog`, `.sqlite3`); a name without extension gets an empty one.
fn name_parts(catalog: &Path) -> (String, String) {
    let stem = catalog.file_stem().map_or_else(
        || "catalog".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let extension = catalog
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (stem, extension)
}

/// The time and kind in a backup's file name, if it is one of this catalog's backups.
fn parse_name(name: &str, stem: &str, extension: &str) -> Option<(NaiveDateTime, BackupKind)> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(extension)?;
    let (kind, rest) = match rest.strip_prefix("auto-") {
        Some(rest) => (BackupKind::Automatic, rest),
        None => (BackupKind::Manual, rest),
    };
    let stamp_len = "2026-11-25-093012".len();
    let (stamp, counter) = rest.split_at_checked(stamp_len)?;
    let counter_ok = counter.is_empty()
        || counter
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !counter_ok {
        return None;
    }
    let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Some((taken_at, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        let at = |s| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        assert_eq!(
            parse_name("catalog-2026-11-25-093012.sqlite3", "catalog", ".sqlite3"),
            Some((at("2026-11-25 09:30:12"), BackupKind::Manual))
        );
        assert_eq!(
            parse_name(
                "catalog-auto-2026-11-25-093012-2.sqlite3",
                "catalog",
                ".sqlite3"
            ),
            Some((at("2026-11-25 09:30:12"), BackupKind::Automatic))
        );
        assert_eq!(
            parse_name("catalog-notes.sqlite3", "catalog", ".sqlite3"),
            None
        );
        assert_eq!(
            parse_name("other-2026-11-25-093012.sqlite3", "catalog", ".sqlite3"),
            None
        );
        assert_eq!(
            parse_name("catalog-2026-11-25-093012-x.sqlite3", "catalog", ".sqlite3"),
            None
        );
    }

    #[test]
    fn the_folder_is_beside_the_catalog() {
        assert_eq!(
            backups_folder(Path::new("/data/cinedex/catalog.sqlite3")),
            Path::new("/data/cinedex/backups")
        );
        assert_eq!(
            backups_folder(Path::new("catalog.sqlite3")),
            Path::new("./backups")
        );
    }
}
