//! The IMDb CSV reader on any bytes: a batch or an error, never a panic; a batch it reads can be
//! stored.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok((batch, _skipped)) = cinedex::interop::imdb_batch(Path::new("ratings.csv"), bytes) {
        cinedex_fuzz::store_and_roll_back(&batch);
    }
});
