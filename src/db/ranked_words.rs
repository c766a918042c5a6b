//! The first screen of a ranked search with filters (`amelie genre:drama`, issue 17), without
//! ranking the words again at every keystroke.
//!
//! Words matching at most [`RANKED_MATCHES_MAX`](super::RANKED_MATCHES_MAX) films are ranked by
//! relevance, and ranking is most of a keystroke's cost: bm25 reads each match's positions and
//! length, and the titles that break its many ties are read from the films (3–4 ms for
//! `amelie`'s 2,611 matches at 100,000 films), while testing a match against the filters costs
//! a few index look-ups. So the ranked order of all the words' matches is read once and kept
//! while the words, the direction and the catalog stay the same: typing `amelie genre:drama`
//! after `amelie ` changes only the filter. The first keystroke with new words ranks only the
//! films its terms select, as the whole listing does (typing `genre:drama amelie` changes the
//! words at every keystroke, and ranking all their matches each time would cost more); the
//! second with the same words reads their whole ranked order, and it and the next ones walk
//! it: the matches are tested by the terms' probes [`CHUNK_IDS`] at a time, in that order,
//! until a screenful and one more pass. A filter does not change a match's score (bm25
//! depends on the words and the whole index), so the films passing come in the order of the
//! whole listing, which is still read by SQL (`ranked_listing` in `query_sql.rs`);
//! `tests/repository/ranked_first_screen.rs` compares the two.

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::first_screen::FIRST_SCREEN_IDS;
use super::query_sql::{ranked_matches, QuerySql, Sql, FILM_ID};
use super::search::json_ids;
use super::{Catalog, FirstIds, Result, SortColumn};
use crate::model::FilmId;

/// How many ranked matches one statement tests: a walk reads at most this many more than it
/// needs, and a whole walk of 5,000 matches takes ten statements.
const CHUNK_IDS: usize = 500;

/// Every film matching some ranked words, in the order of their listing by relevance, and the
/// catalog's state when it was read.
pub(super) struct RankedWords {
    /// The FTS query of the words.
    fts: String,
    /// True for the reversed order (worst match first, ties still by title).
    descending: bool,
    /// [`Catalog::catalog_state`] when read.
    read_at: (i64, u64),
    /// The matches, best first (last when `descending`), once the words have come twice.
    ids: Option<Vec<FilmId>>,
}

impl RankedWords {
    /// True when this is the order of `fts` in direction `descending`, read in `state`.
    fn holds(&self, fts: &str, descending: bool, state: (i64, u64)) -> bool {
        self.fts == fts && self.descending == descending && self.read_at == state
    }
}

impl Catalog {
    /// The first screen of the listing of `sql` by relevance, whose words are `fts`: its first
    /// ids when more than a screenful pass its terms, else the whole listing. `None` when the
    /// words match too many films to be ranked (then they are listed in the order added).
    pub(super) fn ranked_first_ids(
        &self,
        sql: &QuerySql,
        fts: &str,
        descending: bool,
    ) -> Result<Option<FirstIds>> {
        let state = self.catalog_state()?;
        let mut cached = self.ranked_words.borrow_mut();
        let mut words = match cached.take() {
            Some(words) if words.holds(fts, descending, state) => words,
            kept => {
                if !self.words_are_ranked(fts)? {
                    *cached = kept;
                    return Ok(None);
                }
                // New words: rank only the films the terms select, and remember the words.
                *cached = Some(RankedWords {
                    fts: fts.to_owned(),
                    descending,
                    read_at: state,
                    ids: None,
                });
                let whole = self.whole_listing(sql, SortColumn::Relevance, descending, Some(true));
                return whole.map(|ids| Some(FirstIds::All(ids)));
            }
        };
        let ids = match words.ids.take() {
            Some(ids) => ids,
            None => self.ids_of(&ranked_matches(fts, descending))?,
        };
        let first = self.walk_ranked(&ids, sql);
        words.ids = Some(ids);
        *cached = Some(words);
        first.map(Some)
    }

    /// The films of `ranked`, in that order, that the terms of `sql` select: the first
    /// [`FIRST_SCREEN_IDS`] when more pass, else all of them.
    fn walk_ranked(&self, ranked: &[FilmId], sql: &QuerySql) -> Result<FirstIds> {
        // A chunk's ids and their places in it; the films' rows only for terms that read them.
        let (from, film) = if sql.reads_row() {
            (
                "json_each(?) AS j CROSS JOIN films AS f ON f.id = j.value",
                FILM_ID,
            )
        } else {
            ("json_each(?) AS j", "j.value")
        };
        let mut select = Sql::text(format!("SELECT j.key, j.value FROM {from} WHERE "));
        select.params.push(Value::Null);
        select.push(&sql.probes(film));
        let mut statement = self.conn.prepare_cached(&select.text)?;
        let mut first = Vec::with_capacity(FIRST_SCREEN_IDS);
        for chunk in ranked.chunks(CHUNK_IDS) {
            select.params[0] = json_ids(chunk).into();
            let mut passed = statement
                .query_map(params_from_iter(&select.params), |row| {
                    Ok((row.get::<_, i64>(0)?, row.get::<_, FilmId>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            passed.sort_unstable_by_key(|&(place, _)| place);
            for (_, id) in passed {
                if first.len() == FIRST_SCREEN_IDS {
                    return Ok(FirstIds::First(first));
                }
                first.push(id);
            }
        }
        Ok(FirstIds::All(first))
    }
}
