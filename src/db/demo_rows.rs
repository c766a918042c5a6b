//! Storing many diary entries at once, for demo catalogs and benchmarks: one transaction for all
//! of them, where the diary's own calls take one transaction per entry.

use super::{diary, Catalog, Result};
use crate::model::DiaryEntry;

impl Catalog {
    /// Stores `entries` (their films must be stored; `id` is ignored) with their tags in one
    /// transaction; returns how many were stored.
    pub fn create_diary_entries(&mut self, entries: &[DiaryEntry]) -> Result<usize> {
        entries.iter().try_for_each(DiaryEntry::validate)?;
        self.write(|tx| {
            for entry in entries {
                diary::insert_entry(tx, entry.film_id, entry, None)?;
            }
            Ok(entries.len())
        })
    }
}
