//! The Letterboxd export reader on any set of CSV files: a batch or an error, never a panic; a
//! batch it reads can be stored.
//!
//! The input is files separated by three NUL bytes (so a single NUL can still reach a file's
//! text); each file's first byte picks its name in the export, so the fuzzer can combine diary,
//! reviews, ratings, watched, likes, watchlist and lists.
#![no_main]

use std::path::Path;

use cinedex::interop::{letterboxd_batch, ExportFile};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = [
    "diary.csv",
    "reviews.csv",
    "ratings.csv",
    "watched.csv",
    "watchlist.csv",
    "likes/films.csv",
    "lists/favourites.csv",
    "profile.csv",
];

const SEPARATOR: &[u8] = b"\0\0\0";

/// The parts of `bytes` between separators.
fn split_files(mut bytes: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    while let Some(at) = bytes.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        parts.push(&bytes[..at]);
        bytes = &bytes[at + SEPARATOR.len()..];
    }
    parts.push(bytes);
    parts
}

fuzz_target!(|bytes: &[u8]| {
    let files: Vec<ExportFile> = split_files(bytes)
        .into_iter()
        .filter_map(|file| {
            let (pick, content) = file.split_first()?;
            Some(ExportFile {
                path: NAMES[usize::from(*pick) % NAMES.len()].to_owned(),
                bytes: content.to_vec(),
            })
        })
        .collect();
    if let Ok((batch, _ignored)) = letterboxd_batch("export.zip", Path::new("export.zip"), &files) {
        cinedex_fuzz::store_and_roll_back(&batch);
    }
});
