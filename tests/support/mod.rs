//! Helpers shared by the integration-test binaries: running the built `cinedex` binary on a
//! catalog, reading what it printed, and catalog paths in fresh temp folders.
//!
//! Each binary includes this with `mod support;`; cargo does not build `tests/support/` as a test
//! binary of its own.

pub mod local_tmdb;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The shipped migrations in order: a test builds a catalog of version N, as that version
/// wrote it, from the first N.
pub const MIGRATIONS: [&str; 10] = [
    include_str!("../../src/db/migrations/001_init.sql"),
    include_str!("../../src/db/migrations/002_sort_keys_and_covering_indexes.sql"),
    include_str!("../../src/db/migrations/003_search_prefix_index.sql"),
    include_str!("../../src/db/migrations/004_imports.sql"),
    include_str!("../../src/db/migrations/005_review_order_rating_key_two_letter_prefixes.sql"),
    include_str!("../../src/db/migrations/006_films_stats_index.sql"),
    include_str!("../../src/db/migrations/007_contentless_search_three_letter_prefixes.sql"),
    include_str!("../../src/db/migrations/008_lists.sql"),
    include_str!("../../src/db/migrations/009_posters.sql"),
    include_str!("../../src/db/migrations/010_filter_keys.sql"),
];

/// The built binary set to run `cinedex --db DB ARGS`, with `CINEDEX_DB` removed so the catalog
/// is always the one named here.
pub fn command(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cinedex"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CINEDEX_DB");
    command
}

/// Runs `cinedex --db DB ARGS` with an empty standard input and returns what it did.
pub fn cinedex(db: &Path, args: &[&str]) -> Output {
    cinedex_with_input(db, args, None)
}

/// Runs `cinedex --db DB ARGS` with `input` (or nothing) on its standard input.
pub fn cinedex_with_input(db: &Path, args: &[&str], input: Option<&[u8]>) -> Output {
    let mut child = command(db, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(input) = input {
        stdin.write_all(input).unwrap();
    }
    drop(stdin);
    child.wait_with_output().unwrap()
}

/// Runs `cinedex`, fails the test unless it succeeded, and returns its standard output.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let output = cinedex(db, args);
    assert!(
        output.status.success(),
        "cinedex {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Runs `cinedex`, fails the test unless it failed, and returns its standard error.
pub fn fails(db: &Path, args: &[&str]) -> String {
    let output = cinedex(db, args);
    assert!(
        !output.status.success(),
        "cinedex {args:?} should fail: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stderr).unwrap()
}

/// The standard output of a run, which must be UTF-8.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The standard error of a run, which must be UTF-8.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A temp folder and a catalog path directly inside it (the file does not exist yet).
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("catalog.sqlite3");
    (dir, db)
}

/// A temp folder and a catalog path two folders down that do not exist yet, so opening it
/// shows that missing folders are created.
pub fn temp_db_in_new_folders() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a").join("b").join("catalog.sqlite3");
    (dir, db)
}

/// A PNG of `width` × `height` with a gradient, as a person's image file would be.
pub fn poster_png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// The header and the rows of CSV text.
pub fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// The cell of `row` under the column called `name`; panics naming it if there is none.
pub fn column<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let at = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    &row[at]
}
