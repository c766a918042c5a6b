//! The files of a Letterboxd data export: the ZIP as downloaded (with or without a top folder and
//! `__MACOSX/` junk), its unpacked folder, or one CSV file of it. Every CSV file is read, those
//! under `deleted/` and `orphaned/` too: the import decides what each becomes.

use std::io::Read;
use std::path::Path;

use super::import_error::ImportError;

/// One file of an export: its path inside the export (`/`-separated) and its bytes.
#[derive(Clone, Debug)]
pub struct ExportFile {
    /// E.g. `lists/favourites.csv`.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The CSV files of the export at `path`: a ZIP file, a folder, or one CSV file of an export
/// (e.g. `diary.csv`), sorted by path.
pub fn read_export_files(path: &Path) -> Result<Vec<ExportFile>, ImportError> {
    let read_error = |error| ImportError::Read {
        error,
        path: path.to_path_buf(),
    };
    let mut files = Vec::new();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if path.is_dir() {
        collect_folder(path, path, &mut files).map_err(read_error)?;
    } else if let Some(name) = name.filter(|n| wanted(n)) {
        files.push(ExportFile {
            path: name,
            bytes: std::fs::read(path).map_err(read_error)?,
        });
    } else {
        let file = std::fs::File::open(path).map_err(read_error)?;
        let mut archive = zip::ZipArchive::new(file).map_err(|_| ImportError::NotAnExport {
            what: "This is neither a Letterboxd export ZIP nor its unpacked folder".to_owned(),
            path: path.to_path_buf(),
        })?;
        for index in 0..archive.len() {
            let mut entry = archive
                .by_index(index)
                .map_err(|e| read_error(std::io::Error::other(e)))?;
            let name = entry.name().replace('\\', "/");
            if entry.is_dir() || !wanted(&name) {
                continue;
            }
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).map_err(read_error)?;
            files.push(ExportFile { path: name, bytes });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// A CSV file, not a copy made by macOS's archiver.
fn wanted(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".csv") && !path.split('/').any(|part| part == "__MACOSX")
}

/// Where in an export a file lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// The export's own files.
    Current,
    /// `deleted/`: what the person deleted on purpose.
    Deleted,
    /// `orphaned/`: entries whose film page Letterboxd removed.
    Orphaned,
}

impl Place {
    /// The place of the file at `path` (`/`-separated, inside the export).
    pub(super) fn of(path: &str) -> Self {
        let mut parts = path.split('/').map(str::to_ascii_lowercase);
        if parts.clone().any(|p| p == "deleted") {
            Self::Deleted
        } else if parts.any(|p| p == "orphaned") {
            Self::Orphaned
        } else {
            Self::Current
        }
    }
}

fn collect_folder(root: &Path, folder: &Path, files: &mut Vec<ExportFile>) -> std::io::Result<()> {
    for item in std::fs::read_dir(folder)? {
        let item = item?;
        let path = item.path();
        if item.file_type()?.is_dir() {
            collect_folder(root, &path, files)?;
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if wanted(&name) {
            files.push(ExportFile {
                path: name,
                bytes: std::fs::read(&path)?,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_wanted_files() {
        assert!(wanted("diary.csv"));
        assert!(wanted("lists/my-list.csv"));
        assert!(wanted("deleted/diary.csv"));
        assert!(!wanted("__MACOSX/diary.csv"));
        assert!(!wanted("profile.txt"));
        assert_eq!(Place::of("top/deleted/lists/x.csv"), Place::Deleted);
        assert_eq!(Place::of("orphaned/reviews.csv"), Place::Orphaned);
        assert_eq!(Place::of("lists/orphaned-films.csv"), Place::Current);
    }
}
