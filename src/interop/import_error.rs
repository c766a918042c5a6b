//! What can be wrong with the files an import reads: every problem names the file, and a row's the
//! line and the column, as a sentence that says nothing was imported.

use std::path::PathBuf;

/// Why the files of an import were read as nothing (storing what was read can fail too: see
/// `import_job::ImportJobError`).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A value in a row cannot be read.
    #[error("{problem} (line {line}{}), so nothing was imported: {file}", column_text(.column))]
    Row {
        /// The file, as the person knows it (e.g. `export.zip/diary.csv`).
        file: String,
        /// The line the row starts on, 1 first.
        line: u64,
        /// The column, 1 first, with its name.
        column: Option<(usize, String)>,
        /// What is wrong, as a clause.
        problem: String,
    },
    /// The file or folder is not what the command reads.
    #[error("{what}, so nothing was imported: {}", path.display())]
    NotAnExport {
        /// What it is not, as a clause.
        what: String,
        /// The file or folder.
        path: PathBuf,
    },
    /// The file is another kind of import than the one asked for.
    #[error("{what}: {}", path.display())]
    Wrong {
        /// What it is and what to do, as a sentence without its full stop.
        what: String,
        /// The file or folder.
        path: PathBuf,
    },
    /// The file or folder cannot be read.
    #[error("Cannot read the export ({error}), so nothing was imported: {}", path.display())]
    Read {
        /// Why (not a `source`, so the reason is said once).
        error: std::io::Error,
        /// The file or folder.
        path: PathBuf,
    },
}

/// `, column 5 "Rating"`, or nothing.
fn column_text(column: &Option<(usize, String)>) -> String {
    match column {
        Some((number, name)) => format!(", column {number} \"{name}\""),
        None => String::new(),
    }
}
