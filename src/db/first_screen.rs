//! The first screen of a filtered listing, read before the whole of it (issue 17), so a filter
//! keystroke is answered within a frame at 100,000 films.
//!
//! The films are walked in the listing's order, from the index that holds that order (the sort
//! column's, or the full-text index's in the order films were added), each film tested by the
//! terms' probes (a few index look-ups), until a screenful and one more are found. A term that
//! selects few films (counted from its index, at most `√(60 × films)` of them) makes the walk
//! long and the whole listing cheap: then the whole listing is read instead (none at all when
//! the term selects no film). So is any listing whose walk has read [`WALK_ROWS_MAX`] films
//! without filling a screen. By relevance, ranked words walk their ranked order, kept between
//! keystrokes (`ranked_words.rs`).

use rusqlite::params_from_iter;

use super::query_sql::{added_order, QuerySql, Sql, FILM_ID, MATCH_ROWID};
use super::{Catalog, FirstIds, Result, SortColumn};
use crate::model::Query;

/// How many ids a first screen holds: more than the catalog table shows at once.
pub(super) const FIRST_SCREEN_IDS: usize = 60;

/// How many films a walk reads (about 2 ms at 100,000 films) before the whole listing is read
/// instead: the terms together select fewer than one film in 65 of those walked.
const WALK_ROWS_MAX: usize = 4_000;

impl Catalog {
    /// The first ids of the listing of `query` (not plain words) in the order `sort`, or the
    /// whole listing when that is as cheap; see the module's doc.
    pub(super) fn first_filtered_ids(
        &self,
        query: &Query,
        sort: SortColumn,
        descending: bool,
    ) -> Result<FirstIds> {
        let sql = QuerySql::new(query);
        let whole = |ranked| {
            self.whole_listing(&sql, sort, descending, ranked)
                .map(FirstIds::All)
        };
        let (walks, film, ranked) = match (&sql.fts, sort) {
            (None, _) => (sort_walks(sort, descending), FILM_ID, None),
            (Some(fts), SortColumn::Relevance) => {
                if let Some(first) = self.ranked_first_ids(&sql, fts, descending)? {
                    return Ok(first);
                }
                (vec![added_walk(fts, descending)], MATCH_ROWID, Some(false))
            }
            // Words in another order: as for plain words, the whole listing.
            (Some(_), _) => return whole(None),
        };
        match self.fewest_selected(&sql)? {
            Some(0) => return Ok(FirstIds::All(Vec::new())),
            Some(_) => return whole(ranked),
            None => {}
        }
        match self.walk(&walks, &sql.probes(film))? {
            Some(first) => Ok(first),
            None => whole(ranked),
        }
    }

    /// How many films a term of `sql` (not negated) selects, for the first term found to select
    /// at most `√(60 × films)`: fewer than that, walking an order finds a screenful only after
    /// reading more films than the whole listing holds. `None` when no term selects so few.
    fn fewest_selected(&self, sql: &QuerySql) -> Result<Option<u64>> {
        let films: i64 =
            self.conn
                .query_row("SELECT coalesce(max(id), 0) FROM films", [], |r| r.get(0))?;
        let few = (FIRST_SCREEN_IDS as u64 * films.unsigned_abs()).isqrt();
        for source in sql.sources() {
            let mut count = source.within("SELECT count(*) FROM (", " LIMIT ?)");
            count
                .params
                .push(i64::try_from(few + 1).unwrap_or(i64::MAX).into());
            let mut statement = self.conn.prepare_cached(&count.text)?;
            let selected: i64 =
                statement.query_row(params_from_iter(&count.params), |r| r.get(0))?;
            if selected.unsigned_abs() <= few {
                return Ok(Some(selected.unsigned_abs()));
            }
        }
        Ok(None)
    }

    /// Walks `walks` in turn, testing each film with `probes`: the first screen and more, the
    /// whole listing if the walks end first, or `None` after [`WALK_ROWS_MAX`] films.
    fn walk(&self, walks: &[Walk], probes: &Sql) -> Result<Option<FirstIds>> {
        let mut first = Vec::with_capacity(FIRST_SCREEN_IDS);
        let mut read = 0;
        for walk in walks {
            let select = walk.select(probes);
            let mut statement = self.conn.prepare_cached(&select.text)?;
            let mut rows = statement.query(params_from_iter(&select.params))?;
            while let Some(row) = rows.next()? {
                if row.get::<_, i64>(1)? != 0 {
                    if first.len() == FIRST_SCREEN_IDS {
                        return Ok(Some(FirstIds::First(first)));
                    }
                    first.push(row.get(0)?);
                }
                read += 1;
                if read == WALK_ROWS_MAX {
                    return Ok(None);
                }
            }
        }
        Ok(Some(FirstIds::All(first)))
    }
}

/// A part of a listing's order that one index holds: films of `films AS f` (`from`: the
/// tables and the `WHERE`) in the order `order`.
struct Walk {
    from: Sql,
    order: String,
}

impl Walk {
    /// Each film's id and whether `probes` hold for it, in order.
    fn select(&self, probes: &Sql) -> Sql {
        let mut select = Sql::text("SELECT f.id, coalesce(");
        select
            .push(probes)
            .push_str(", 0) FROM ")
            .push(&self.from)
            .push_str(&format!(" ORDER BY {}", self.order));
        select
    }
}

/// The walks of the order `sort` without words: the order of
/// [`listing_order`](super::query_sql::listing_order) for a listing without words, one index
/// each (a sort column's films with a value first, in its index, then those without, by title).
fn sort_walks(sort: SortColumn, descending: bool) -> Vec<Walk> {
    let direction = if descending { "DESC" } else { "ASC" };
    let column = match sort {
        SortColumn::Relevance | SortColumn::Title => {
            return vec![Walk {
                from: Sql::text("films AS f"),
                order: format!("f.sort_title {direction}, f.id"),
            }]
        }
        SortColumn::Year => "f.year",
        SortColumn::Directors => "f.director_sort",
        SortColumn::Runtime => "f.runtime_min",
        SortColumn::Rating => "f.rating_sort",
    };
    vec![
        Walk {
            from: Sql::text(format!("films AS f WHERE {column} IS NOT NULL")),
            order: format!("{column} {direction}, f.sort_title, f.id"),
        },
        Walk {
            from: Sql::text(format!("films AS f WHERE {column} IS NULL")),
            order: "f.sort_title, f.id".to_owned(),
        },
    ]
}

/// The walk of the films matching `fts` in the order they were added (newest first when
/// `descending`), read from the full-text index in that order.
fn added_walk(fts: &str, descending: bool) -> Walk {
    let mut from = Sql::text(
        "film_search CROSS JOIN films AS f ON f.id = film_search.rowid
         WHERE film_search MATCH ?",
    );
    from.params.push(fts.to_owned().into());
    Walk {
        from,
        order: added_order(descending),
    }
}
