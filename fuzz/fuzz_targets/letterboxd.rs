//! The Letterboxd export reader on any set of CSV files: a batch or an error, never a panic; a
//! batch it reads can be stored.
//!
//! The input is files separated by NUL bytes; each file's first byte picks its name in the
//! export, so the fuzzer can combine diary, reviews, ratings, watched, likes, watchlist and lists.
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

fuzz_target!(|bytes: &[u8]| {
    let files: Vec<ExportFile> = bytes
        .split(|b| *b == 0)
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
