//! Opening a catalog file: inspect before touching, connection pragmas, migrations.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::{DbError, Result};

/// The schema, one migration per shipped version. Append only.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_init.sql"),
    include_str!("migrations/002_sort_keys_and_covering_indexes.sql"),
    include_str!("migrations/003_search_prefix_index.sql"),
    include_str!("migrations/004_imports.sql"),
    include_str!("migrations/005_review_order_rating_key_two_letter_prefixes.sql"),
    include_str!("migrations/006_films_stats_index.sql"),
    include_str!("migrations/007_contentless_search_three_letter_prefixes.sql"),
    include_str!("migrations/008_lists.sql"),
    include_str!("migrations/009_posters.sql"),
    include_str!("migrations/010_filter_keys.sql"),
];

/// The catalog version this build writes and reads; newer files are refused.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of a Cinedex catalog: "CNDX".
const APPLICATION_ID: i64 = 0x434E_4458;

/// Where the catalog lives when neither `--db` nor `CINEDEX_DB` says otherwise, e.g.
/// `~/.local/share/cinedex/catalog.sqlite3` on Linux. `None` if the system has no home folder.
pub fn default_catalog_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cinedex")
        .map(|dirs| dirs.data_dir().join("catalog.sqlite3"))
}

/// Opens `path` for reading and writing, after checking read-only that it is a catalog this build
/// may change (or a new or empty file).
pub(super) fn open_connection(path: &Path) -> Result<Connection> {
    let has_content = std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
    if has_content {
        let version = inspect(path)?;
        if (1..SCHEMA_VERSION).contains(&version) {
            keep_copy_before_upgrade(path, version)?;
        }
    } else if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| DbError::CreateFolder {
            source,
            path: folder.to_path_buf(),
        })?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify(e, path))?;
    configure(&conn, true).map_err(|e| classify(e, path))?;
    migrate(&mut conn, path)?;
    Ok(conn)
}

/// A fresh catalog in memory.
pub(super) fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn, false)?;
    migrate(&mut conn, Path::new(":memory:"))?;
    Ok(conn)
}

/// Turns SQLite's codes for "not a database", "damaged", "disk full", "locked" and "read-only"
/// into their own errors.
pub(super) fn classify(error: rusqlite::Error, path: &Path) -> DbError {
    let path = path.to_path_buf();
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => DbError::NotACatalog { path },
        Some(ErrorCode::DatabaseCorrupt) => DbError::Corrupt { path },
        Some(ErrorCode::DiskFull) => DbError::DiskFull { path },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => DbError::Locked { path },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            DbError::ReadOnly { path }
        }
        _ => DbError::Sqlite(error),
    }
}

/// Reads the file's header without writing (read-only, no pragma that writes): refuses a newer
/// catalog or another program's file, closing the file before the refusal. Returns the catalog
/// version in the file (0 for an empty SQLite file).
fn inspect(path: &Path) -> Result<i64> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(e, path))?;
    let read = || -> rusqlite::Result<(i64, i64, i64)> {
        let app_id = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let objects = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((app_id, version, objects))
    };
    let read = read().map_err(|e| classify(e, path));
    drop(conn);
    let (app_id, version, objects) = read?;
    verdict(app_id, version, objects, path)
}

/// What a file's header says: its catalog version if this build may open it, or why not. A
/// SQLite file holding nothing counts as Cinedex's only at version 0 (a new catalog), or as a
/// newer catalog above [`SCHEMA_VERSION`] (a future Cinedex may write its header first).
fn verdict(app_id: i64, version: i64, objects: i64, path: &Path) -> Result<i64> {
    let ours = app_id == APPLICATION_ID || (app_id == 0 && objects == 0);
    if ours && version > SCHEMA_VERSION {
        return Err(DbError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
            path: path.to_path_buf(),
        });
    }
    if app_id == APPLICATION_ID || (ours && version == 0) {
        return Ok(version);
    }
    Err(DbError::NotACatalog {
        path: path.to_path_buf(),
    })
}

/// A second, read-only connection to a catalog file that only asks SQLite's `PRAGMA
/// data_version`: a worker thread can poll it, so the window need not wake to ask. It writes
/// nothing and sets no pragma; its version moves whenever any other connection (the window's own
/// included) commits.
pub struct ChangeProbe {
    conn: Connection,
    path: PathBuf,
}

impl ChangeProbe {
    /// Opens `path` read-only, for an already opened catalog.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(e, path))?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The file's data version as this connection sees it; it changes after another
    /// connection's commit.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .map_err(|e| classify(e, &self.path))
    }
}

/// Copies the catalog to `<name>.bak-v<version>` beside it before a migration changes it, with
/// SQLite's online backup so a pending write-ahead log is included. An existing copy is kept.
fn keep_copy_before_upgrade(path: &Path, version: i64) -> Result<()> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bak-v{version}"));
    let copy = path.with_file_name(name);
    if copy.exists() {
        return Ok(());
    }
    let source = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(e, path))?;
    super::backups::copy_database(&source, &copy).map_err(|e| DbError::Backup {
        source: std::io::Error::other(e),
        path: copy.clone(),
    })
}

/// The page cache of a connection, in KiB (SQLite's default is 2 MiB). All-time stats at 100,000
/// films read ~17 MB of pages (diary, the `films_stats` index and the credits index); a 32 MiB
/// cache keeps them between runs (44 -> 41 ms). The memory is taken only as pages are read.
pub(super) const CACHE_KIB: i64 = 32 * 1024;

/// The page cache while one transaction writes many rows (`Catalog::with_bulk_cache`), in KiB: a
/// 100,000-film load no longer spills pages to the write-ahead log and writes them again (16 MiB:
/// 9.4 s, 64 MiB: 8.2 s; 2 MiB, the default, spent 3.9 s in the kernel alone).
pub(super) const BULK_CACHE_KIB: i64 = 64 * 1024;

/// Connection settings, set at every open (they are not part of the schema).
fn configure(conn: &Connection, on_disk: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    if on_disk {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    // Sorts and the stats' scratch table stay in memory instead of temp files.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    super::query_sql::register_functions(conn)?;
    Ok(())
}

/// Applies the migrations the file lacks, all in one transaction.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| classify(e, path))?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(DbError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
            path: path.to_path_buf(),
        });
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    for migration in MIGRATIONS
        .iter()
        .skip(usize::try_from(version).unwrap_or(0))
    {
        tx.execute_batch(migration)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit().map_err(|e| classify(e, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_to_an_empty_database() {
        let conn = open_in_memory().unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }

    #[test]
    fn a_copy_is_kept_before_an_upgrade_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.sqlite3");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE films (title TEXT); INSERT INTO films VALUES ('Metropolis');")
            .unwrap();
        keep_copy_before_upgrade(&path, 1).unwrap();
        conn.execute("INSERT INTO films VALUES ('Nosferatu')", [])
            .unwrap();
        keep_copy_before_upgrade(&path, 1).unwrap();
        let copy = Connection::open(dir.path().join("catalog.sqlite3.bak-v1")).unwrap();
        let titles: i64 = copy
            .query_row("SELECT count(*) FROM films", [], |r| r.get(0))
            .unwrap();
        assert_eq!(titles, 1, "the first copy is kept");
    }

    /// Makes a file as another program would, in rollback-journal mode (SQLite's default), and
    /// returns its bytes.
    fn made_elsewhere(path: &Path, sql: &str) -> Vec<u8> {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(sql).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
        drop(conn);
        std::fs::read(path).unwrap()
    }

    /// Opens `sql`'s file, expects `refused`, and checks that not one byte changed and that no
    /// journal, `-wal` or `-shm` file was left beside it.
    fn assert_refused_unchanged(sql: &str, refused: fn(&DbError) -> bool) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("made-elsewhere.sqlite3");
        let before = made_elsewhere(&path, sql);
        assert_eq!(&before[18..20], &[1, 1], "a rollback-journal file");
        let error = open_connection(&path).err().unwrap();
        assert!(refused(&error), "{sql}: {error}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{sql}");
        let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(files.len(), 1, "{sql}: nothing was left beside the file");
    }

    #[test]
    fn a_newer_file_made_elsewhere_is_refused_byte_for_byte_unchanged() {
        let newer = |e: &DbError| matches!(e, DbError::NewerVersion { found: 999, .. });
        // Only the version, as `sqlite3.connect(p).execute("PRAGMA user_version = 999")` leaves it.
        assert_refused_unchanged("PRAGMA user_version = 999;", newer);
        assert_refused_unchanged(
            &format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 999;
                 CREATE TABLE films (id INTEGER PRIMARY KEY, title TEXT);
                 INSERT INTO films (title) VALUES ('Metropolis');"
            ),
            newer,
        );
    }

    #[test]
    fn a_foreign_or_other_apps_file_is_refused_byte_for_byte_unchanged() {
        let foreign = |e: &DbError| matches!(e, DbError::NotACatalog { .. });
        assert_refused_unchanged(
            "PRAGMA application_id = 1234; PRAGMA user_version = 1;",
            foreign,
        );
        assert_refused_unchanged(
            "PRAGMA application_id = 1234; PRAGMA user_version = 999;
             CREATE TABLE notes (body TEXT);",
            foreign,
        );
        assert_refused_unchanged(
            "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);
             INSERT INTO invoices (total) VALUES (12.5);",
            foreign,
        );
        // An empty file that claims an older catalog version holds no catalog to upgrade.
        assert_refused_unchanged("PRAGMA user_version = 3;", foreign);
    }
}
