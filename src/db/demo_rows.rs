//! Storing many films and many diary entries at once, for demo catalogs, benchmarks and tests: one
//! transaction for all of them, where the usual calls take one transaction per film or entry.
//!
//! Films go in by chunks: the chunk's credits and reviews first (their foreign keys are deferred),
//! then its film rows in one `INSERT … SELECT` from a temporary table, then its title keys. FTS5
//! writes the search index's pending rows to disk as a new segment at the start of every statement
//! that opens a savepoint (every statement that fires triggers), so one insert statement per film
//! left one segment per film to write and merge: a third of the time of storing 100,000 films. One
//! statement per chunk leaves one segment per chunk. The index is still written by the triggers.
//!
//! This is the one table row written outside its own file's function, on purpose: a film's values
//! are bound by `films::execute_with_film` with the same `FILM_INSERT_COLUMNS` as
//! `films::insert_film_with_reviews`, but reach `films` through the temporary table. Storing each
//! film with that function instead would cost the third named above (demo catalogs, benchmarks).

use super::films::{self, FILM_INSERT_COLUMNS, FILM_INSERT_VALUES};
use super::{diary, Catalog, Result};
use crate::model::{DiaryEntry, Film, FilmId, Review};

/// How many films one `INSERT … SELECT` stores: fewer, larger index segments to merge. At 100,000
/// films, chunks of 5,000 stored them in 7.1–7.3 s against 8.4–8.5 s for chunks of 1,000; larger
/// chunks gained nothing more.
const FILMS_PER_CHUNK: usize = 5000;

impl Catalog {
    /// Stores many films with their reviews in one transaction (demo data, benchmarks); calls
    /// `progress(done)` after every 5,000 films and after the last.
    pub fn create_films_with_reviews(
        &mut self,
        films: &[(Film, Vec<Review>)],
        mut progress: impl FnMut(usize),
    ) -> Result<Vec<FilmId>> {
        for (film, reviews) in films {
            film.validate()?;
            reviews.iter().try_for_each(Review::validate)?;
        }
        self.with_bulk_cache(|catalog| catalog.write(|tx| {
            tx.execute_batch(&format!(
                "CREATE TEMP TABLE new_films AS SELECT {FILM_INSERT_COLUMNS} FROM films LIMIT 0"
            ))?;
            let mut next = films::next_film_id(tx)?.0;
            let mut ids = Vec::with_capacity(films.len());
            for chunk in films.chunks(FILMS_PER_CHUNK) {
                let first = ids.len();
                for (film, reviews) in chunk {
                    let id = FilmId(next);
                    next += 1;
                    films::write_credits_and_reviews(tx, id, film, reviews)?;
                    films::execute_with_film(
                        tx,
                        &format!(
                            "INSERT INTO temp.new_films ({FILM_INSERT_COLUMNS}) {FILM_INSERT_VALUES}"
                        ),
                        id,
                        film,
                    )?;
                    ids.push(id);
                }
                tx.prepare_cached(&format!(
                    "INSERT INTO films ({FILM_INSERT_COLUMNS})
                     SELECT {FILM_INSERT_COLUMNS} FROM temp.new_films ORDER BY id"
                ))?
                .execute([])?;
                tx.prepare_cached("DELETE FROM temp.new_films")?
                    .execute([])?;
                for (&id, (film, _)) in ids[first..].iter().zip(chunk) {
                    films::write_title_keys(tx, id, film)?;
                }
                progress(ids.len());
            }
            tx.execute_batch("DROP TABLE temp.new_films")?;
            Ok(ids)
        }))
    }

    /// Stores `entries` (their films must be stored; `id` is ignored) with their tags in one
    /// transaction; returns how many were stored.
    pub fn create_diary_entries(&mut self, entries: &[DiaryEntry]) -> Result<usize> {
        entries.iter().try_for_each(DiaryEntry::validate)?;
        self.with_bulk_cache(|catalog| {
            catalog.write(|tx| {
                for entry in entries {
                    diary::insert_entry(tx, entry.film_id, entry, None)?;
                }
                Ok(entries.len())
            })
        })
    }
}
