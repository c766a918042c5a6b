//! Writing a file so that it is either the old file or the whole new one: the bytes go to a
//! temporary file in the same folder, are flushed to the disk, and only then renamed over the
//! target (an atomic step on one file system). An interrupted or failed write leaves the old file
//! in place and removes the temporary one.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes `path` atomically with what `write` puts into the writer it is given. If `write` or
/// any step after it fails, `path` is left as it was and the error is returned.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path names no file",
        ));
    };
    let (temp_path, file) = create_temp(&folder, &name.to_string_lossy())?;
    if let Ok(old) = std::fs::metadata(path) {
        // A replaced file keeps who may read it; failing to copy that is not worth failing over.
        let _ = file.set_permissions(old.permissions());
    }
    let written = fill(file, write).and_then(|()| std::fs::rename(&temp_path, path));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temp_path);
        return Err(error);
    }
    sync_folder(&folder);
    Ok(())
}

/// Writes into `file` through a buffer and flushes it to the disk.
fn fill(file: File, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut out = BufWriter::new(file);
    write(&mut out)?;
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()
}

/// A new, hidden file beside the target, e.g. `.watchlist.csv.cinedex-1234-0.tmp`.
fn create_temp(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut attempt = 0u32;
    loop {
        let temp = folder.join(format!(
            ".{name}.cinedex-{}-{attempt}.tmp",
            std::process::id()
        ));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Flushes the folder entry of the rename to the disk where the system allows it; the file
/// itself is already whole either way, so a failure here is not an error.
fn sync_folder(folder: &Path) {
    if cfg!(unix) {
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("watchlist.csv");
        std::fs::write(&path, "old").unwrap();
        let error = write_atomically(&path, |out| {
            out.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(error.to_string(), "disk full");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        write_atomically(&path, |out| out.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("diary.csv");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&path, |out| out.write_all(b"new")).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
