//! What the fuzz targets share: every batch a reader accepts is offered to a catalog, which must
//! store it or refuse it with a sentence of its own, never with a raw SQLite constraint failure.

use std::cell::RefCell;

use cinedex::db::{Catalog, DbError, ImportMode};
use cinedex::model::ImportBatch;

thread_local! {
    /// One in-memory catalog per process: migrating a new one for every input would be most of
    /// the work.
    static CATALOG: RefCell<Catalog> =
        RefCell::new(Catalog::open_in_memory().expect("an in-memory catalog opens"));
}

/// Stores `batch` in both modes and rolls back, so the catalog stays empty between inputs.
/// Panics (a finding) when storing fails with anything but a validation error.
pub fn store_and_roll_back(batch: &ImportBatch) {
    CATALOG.with(|catalog| {
        let mut catalog = catalog.borrow_mut();
        for mode in [ImportMode::Merge, ImportMode::Replace] {
            match catalog.import_batch(batch, mode, |_| false) {
                Ok(_) | Err(DbError::Invalid(_) | DbError::FilmNotFound(_)) => {}
                Err(other) => panic!("a batch a reader accepted could not be stored: {other}"),
            }
        }
    });
}
