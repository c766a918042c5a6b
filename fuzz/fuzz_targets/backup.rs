//! The backup reader on any bytes: a batch or an error, never a panic. A batch it reads can be
//! stored, and written back out it reads as the same batch.
#![no_main]

use std::path::Path;

use cinedex::interop::{backup_batch, backup_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("backup.json");
    let Ok(batch) = backup_batch(path, bytes) else {
        return;
    };
    cinedex_fuzz::store_and_roll_back(&batch);
    let written = backup_bytes(&batch).expect("a batch that was read can be written");
    let again = backup_batch(path, &written).expect("a written backup reads back");
    assert_eq!(again, batch, "a backup survives writing and reading");
});
