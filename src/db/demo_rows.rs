//! Storing many diary entries at once, for demo catalogs and benchmarks: one transaction for all
//! of them, where the diary's own calls take one transaction per entry.

use rusqlite::params;

use super::{Catalog, Result};
use crate::model::DiaryEntry;

impl Catalog {
    /// Stores `entries` (their films must be stored; `id` is ignored) with their tags in one
    /// transaction; returns how many were stored.
    pub fn create_diary_entries(&mut self, entries: &[DiaryEntry]) -> Result<usize> {
        entries.iter().try_for_each(DiaryEntry::validate)?;
        self.write(|tx| {
            let mut insert = tx.prepare_cached(
                "INSERT INTO diary_entries (film_id, watched_on, rating_half_stars, rewatch, liked, review)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut add_tag = tx.prepare_cached("INSERT OR IGNORE INTO tags (name) VALUES (?1)")?;
            let mut link = tx.prepare_cached(
                "INSERT OR IGNORE INTO diary_tags (entry_id, tag_id)
                 SELECT ?1, id FROM tags WHERE name = ?2",
            )?;
            for entry in entries {
                insert.execute(params![
                    entry.film_id,
                    entry.watched_on,
                    entry.rating_half_stars,
                    entry.rewatch,
                    entry.liked,
                    entry.review,
                ])?;
                let entry_id = tx.last_insert_rowid();
                for tag in &entry.tags {
                    let name = tag.as_str().to_lowercase();
                    add_tag.execute([&name])?;
                    link.execute(params![entry_id, name])?;
                }
            }
            Ok(entries.len())
        })
    }
}
