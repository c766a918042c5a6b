//! Listing and searching the catalog: film ids in order first, then rows for just the ids on
//! screen, so a 100,000-film catalog never loads whole.

use std::collections::HashMap;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{Catalog, Result};
use crate::model::{FilmId, Query};

/// A column the catalog can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortColumn {
    /// Best match first while searching; by title otherwise.
    #[default]
    Relevance,
    /// Title, ignoring case, accents and a leading article.
    Title,
    /// Year.
    Year,
    /// First director's name.
    Directors,
    /// Runtime in minutes.
    Runtime,
    /// My rating (latest diary rating, or the reviews' average).
    Rating,
}

/// What the catalog list shows: a search and an order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct FilmQuery {
    /// Words to find in titles, people and reviews; prefixes and accent-free spellings match.
    pub search: String,
    /// The order.
    pub sort: SortColumn,
    /// Reverse the order.
    pub descending: bool,
}

/// What one line of the catalog table shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FilmRow {
    /// The film.
    pub id: FilmId,
    /// Its title.
    pub title: String,
    /// Its year.
    pub year: Option<i32>,
    /// Its directors, comma-separated.
    pub directors: String,
    /// Its runtime.
    pub runtime_min: Option<u32>,
    /// My rating on 0–100: the latest diary rating, or the average of its reviews' ratings.
    pub rating_norm: Option<f64>,
}

/// How much the catalog holds, for the status bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CatalogCounts {
    /// Films.
    pub films: u64,
    /// People credited on any film.
    pub people: u64,
    /// Reviews.
    pub reviews: u64,
}

/// A search matching more films than this is not ranked: its films are listed in the order they
/// were added. Ranking costs about a microsecond a match, and a keystroke must be answered in a
/// few milliseconds; one more letter usually narrows the matches and brings the ranking back.
pub const RANKED_MATCHES_MAX: usize = 5_000;

/// SQL for a film's directors, comma-separated, for `films AS f`.
const DIRECTORS_SQL: &str = "coalesce((SELECT group_concat(p.name, ', ') FROM
    (SELECT person_id FROM credits WHERE film_id = f.id AND role = 'director' ORDER BY position) AS c
    JOIN people AS p ON p.id = c.person_id), '')";

/// The start of a listing, read before the whole of it when that is quicker (see
/// [`Catalog::first_film_ids`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FirstIds {
    /// The whole listing: what [`Catalog::film_ids`] returns.
    All(Vec<FilmId>),
    /// Its first ids (more than a screenful); [`Catalog::film_ids`] has the rest.
    First(Vec<FilmId>),
}

impl Catalog {
    /// The first ids of [`Catalog::film_ids`] when the whole list costs much more to read than a
    /// screenful, else the whole list. A search by relevance that matches more than
    /// [`RANKED_MATCHES_MAX`] films lists them in the order they were added, so its first ids
    /// are known after reading that many of them, a small part of the cost of reading all (a
    /// one-letter search matches most of the catalog). A search with filters gives its first 60 ids
    /// in its order when they are found by walking that order (`first_screen.rs`).
    pub fn first_film_ids(&self, query: &FilmQuery) -> Result<FirstIds> {
        let parsed = Query::parse(&query.search)?;
        if !parsed.is_plain_words() {
            return self.first_filtered_ids(&parsed, query.sort, query.descending);
        }
        let fts = fts_query(&query.search);
        if let (Some(fts), SortColumn::Relevance) = (fts, query.sort) {
            let first =
                self.matches_in_order(&fts, query.descending, Some(RANKED_MATCHES_MAX + 1))?;
            if first.len() > RANKED_MATCHES_MAX {
                return Ok(FirstIds::First(first));
            }
        }
        self.film_ids(query).map(FirstIds::All)
    }

    /// The ids of the films `query` selects, in its order. The search is in the query language
    /// of [`Query`]: free words, `field:value` filters, `-` and quotes; bad syntax is
    /// [`DbError::Query`](super::DbError::Query).
    pub fn film_ids(&self, query: &FilmQuery) -> Result<Vec<FilmId>> {
        let parsed = Query::parse(&query.search)?;
        if !parsed.is_plain_words() {
            return self.filtered_film_ids(&parsed, query.sort, query.descending);
        }
        let fts = fts_query(&query.search);
        let order = order_by(query.sort, query.descending, fts.is_some());
        let Some(fts) = fts else {
            let sql = format!("SELECT f.id FROM films AS f ORDER BY {order}, f.sort_title, f.id");
            let mut select = self.conn.prepare_cached(&sql)?;
            let ids = select.query_map([], |r| r.get(0))?;
            return Ok(ids.collect::<rusqlite::Result<_>>()?);
        };
        let ids = if query.sort == SortColumn::Relevance {
            self.relevant_ids(&fts, &order, query.descending)?
        } else {
            self.matching_ids(&fts, &order)?
        };
        if !ids.is_empty() {
            return Ok(ids);
        }
        // Scripts written without spaces (Japanese, Chinese) form one long token, and a word may
        // be typed from its middle: find the text inside titles.
        let inside =
            self.films_with_title_containing(&crate::model::text_keys::fold(&query.search))?;
        if inside.is_empty() {
            return Ok(inside);
        }
        let sql = format!(
            "SELECT f.id FROM films AS f WHERE f.id IN (SELECT value FROM json_each(?1))
             ORDER BY {}, f.sort_title, f.id",
            if query.sort == SortColumn::Relevance {
                "f.sort_title"
            } else {
                &order
            }
        );
        let mut select = self.conn.prepare_cached(&sql)?;
        let ids = select.query_map([json_ids(&inside)], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// The films matching the FTS query `fts`, ordered by `order`, then title.
    fn matching_ids(&self, fts: &str, order: &str) -> Result<Vec<FilmId>> {
        let sql = format!(
            "SELECT f.id FROM film_search JOIN films AS f ON f.id = film_search.rowid
             WHERE film_search MATCH ?1 ORDER BY {order}, f.sort_title, f.id"
        );
        let mut select = self.conn.prepare_cached(&sql)?;
        let ids = select.query_map([fts], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// The films matching the FTS query `fts`, best match first (by `order`, then in the order
    /// they were added) when there are at most [`RANKED_MATCHES_MAX`]; more are listed in the
    /// order they were added (newest first when `descending`), which keeps a one-letter keystroke
    /// fast. Neither reads the films table.
    fn relevant_ids(&self, fts: &str, order: &str, descending: bool) -> Result<Vec<FilmId>> {
        let ids = self.matches_in_order(fts, descending, None)?;
        if ids.is_empty() || ids.len() > RANKED_MATCHES_MAX {
            return Ok(ids);
        }
        // Ranked by the index alone: equal scores keep the order the films were added.
        let sql = format!(
            "SELECT rowid FROM film_search WHERE film_search MATCH ?1 ORDER BY {order}, rowid"
        );
        let mut select = self.conn.prepare_cached(&sql)?;
        let ids = select.query_map([fts], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// The films matching `fts` in the order they were added (newest first when `descending`),
    /// the first `limit` of them or all.
    fn matches_in_order(
        &self,
        fts: &str,
        descending: bool,
        limit: Option<usize>,
    ) -> Result<Vec<FilmId>> {
        let sql = format!(
            "SELECT rowid FROM film_search WHERE film_search MATCH ?1 ORDER BY rowid {} LIMIT ?2",
            if descending { "DESC" } else { "ASC" }
        );
        // SQLite reads a negative limit as none.
        let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let mut select = self.conn.prepare_cached(&sql)?;
        let ids = select.query_map(params![fts, limit], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// The table rows of `ids`, in the same order; ids no longer stored are skipped.
    pub fn film_rows(&self, ids: &[FilmId]) -> Result<Vec<FilmRow>> {
        let sql = format!(
            "SELECT f.id, f.title, f.year, {DIRECTORS_SQL}, f.runtime_min, f.rating_sort
             FROM films AS f WHERE f.id IN (SELECT value FROM json_each(?1))"
        );
        let mut select = self.conn.prepare_cached(&sql)?;
        let mut rows: HashMap<FilmId, FilmRow> = select
            .query_map(params![json_ids(ids)], |row| {
                let id: FilmId = row.get(0)?;
                Ok((
                    id,
                    FilmRow {
                        id,
                        title: row.get(1)?,
                        year: row.get(2)?,
                        directors: row.get(3)?,
                        runtime_min: row.get(4)?,
                        rating_norm: row.get(5)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids.iter().filter_map(|id| rows.remove(id)).collect())
    }

    /// How many films, people and reviews the catalog holds.
    pub fn counts(&self) -> Result<CatalogCounts> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM films), (SELECT count(*) FROM people), (SELECT count(*) FROM reviews)",
            [],
            |r| {
                Ok(CatalogCounts {
                    films: r.get::<_, i64>(0)?.unsigned_abs(),
                    people: r.get::<_, i64>(1)?.unsigned_abs(),
                    reviews: r.get::<_, i64>(2)?.unsigned_abs(),
                })
            },
        )?)
    }
}

/// A match's relevance in `film_search` (lower is better): titles weigh most, then people.
pub(super) const RELEVANCE: &str = "bm25(film_search, 10.0, 4.0, 1.0)";

/// The `ORDER BY` terms for `sort` over `films AS f` (`ranked`: joined with a matching
/// `film_search`, so relevance is its bm25 rank).
pub(super) fn order_by(sort: SortColumn, descending: bool, ranked: bool) -> String {
    let direction = if descending { "DESC" } else { "ASC" };
    match sort {
        SortColumn::Relevance if ranked => format!("{RELEVANCE} {direction}"),
        SortColumn::Relevance | SortColumn::Title => format!("f.sort_title {direction}"),
        SortColumn::Year => format!("f.year IS NULL, f.year {direction}"),
        SortColumn::Directors => format!("f.director_sort IS NULL, f.director_sort {direction}"),
        SortColumn::Runtime => format!("f.runtime_min IS NULL, f.runtime_min {direction}"),
        SortColumn::Rating => format!("f.rating_sort IS NULL, f.rating_sort {direction}"),
    }
}

/// Film ids as a JSON array, for `json_each`.
pub(super) fn json_ids(ids: &[FilmId]) -> String {
    serde_json::to_string(&ids.iter().map(|id| id.0).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".to_owned())
}

/// The FTS5 query for what a person typed: every word must match, each as a prefix.
/// `None` when the text has no words.
fn fts_query(search: &str) -> Option<String> {
    let words: Vec<String> = search
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_matching_very_many_films_is_listed_unranked_in_the_order_they_were_added() {
        let mut catalog = Catalog::open_in_memory().unwrap();
        let films: Vec<_> = (0..=RANKED_MATCHES_MAX)
            .map(|n| (crate::model::Film::titled(format!("Tide {n}")), Vec::new()))
            .collect();
        let stored = catalog.create_films_with_reviews(&films, |_| {}).unwrap();
        let ids = catalog
            .film_ids(&FilmQuery {
                search: "t".into(),
                ..FilmQuery::default()
            })
            .unwrap();
        assert_eq!(ids, stored);
        let first = |search: &str, descending| {
            catalog.first_film_ids(&FilmQuery {
                search: search.into(),
                descending,
                ..FilmQuery::default()
            })
        };
        assert_eq!(
            first("t", false).unwrap(),
            FirstIds::First(stored[..=RANKED_MATCHES_MAX].to_vec())
        );
        let mut newest: Vec<FilmId> = stored.iter().rev().copied().collect();
        newest.truncate(RANKED_MATCHES_MAX + 1);
        assert_eq!(first("t", true).unwrap(), FirstIds::First(newest));
        assert_eq!(
            first("tide 42", false).unwrap(),
            FirstIds::All(
                catalog
                    .film_ids(&FilmQuery {
                        search: "tide 42".into(),
                        ..FilmQuery::default()
                    })
                    .unwrap()
            )
        );
        let newest_first = catalog
            .film_ids(&FilmQuery {
                search: "ti".into(),
                descending: true,
                ..FilmQuery::default()
            })
            .unwrap();
        assert_eq!(newest_first.first(), stored.last());
        let ranked = catalog
            .film_ids(&FilmQuery {
                search: "tide 42".into(),
                ..FilmQuery::default()
            })
            .unwrap();
        assert_eq!(ranked.len(), 1 + 10 + 100, "42, 420-429 and 4200-4299");
        assert_eq!(ranked[0], stored[42], "ranked, then in the order added");
    }

    #[test]
    fn fts_query_quotes_words_as_prefixes() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(
            fts_query("amélie poulain"),
            Some("\"amélie\"* \"poulain\"*".into())
        );
        assert_eq!(
            fts_query("\"OR\" NEAR(x"),
            Some("\"OR\"* \"NEAR\"* \"x\"*".into())
        );
    }
}
