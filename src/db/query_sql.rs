//! The query language as SQL: the free words of a [`Query`] become one full-text match, and each
//! other term SQL on `films AS f` in the forms a listing needs ([`TermSql`]), all reading indexes
//! kept for them (migration 010): folded genres, countries and languages in `film_facets`,
//! credits by person, reviews and viewings with words. Values are folded as titles and names are
//! ("Amélie", "AMELIE" and "amelie" are one), with the SQL function `cinedex_fold`.
//!
//! A query with words is ranked by relevance when its words alone match at most
//! [`RANKED_MATCHES_MAX`] films; otherwise its films are listed in the order they were added, as
//! for plain words. Whether the words are ranked is known after reading that many of their
//! matches, whatever the filters select, so a keystroke never counts the filtered films first.

use rusqlite::functions::FunctionFlags;
use rusqlite::types::Value;
use rusqlite::Connection;

use super::search::{order_by, RELEVANCE};
use super::{Catalog, Result, SortColumn, RANKED_MATCHES_MAX};
use crate::model::{text_keys, Bounds, FilmId, Filter, Query};

/// Registers `cinedex_fold(text)`: [`text_keys::fold`] for SQL (the filter keys' triggers call it).
pub(super) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "cinedex_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get_raw(0).as_str_or_null()?.map(text_keys::fold)),
    )
}

/// SQL text with the values of its `?` placeholders, in the order they appear.
#[derive(Clone, Debug, Default)]
pub(super) struct Sql {
    /// The text.
    pub text: String,
    /// One value per `?` of `text`.
    pub params: Vec<Value>,
}

impl Sql {
    /// `text` with `params` for its placeholders.
    fn new(text: impl Into<String>, params: impl IntoIterator<Item = Value>) -> Self {
        Self {
            text: text.into(),
            params: params.into_iter().collect(),
        }
    }

    /// Text without placeholders.
    pub fn text(text: impl Into<String>) -> Self {
        Self::new(text, [])
    }

    /// Appends text without placeholders.
    pub fn push_str(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Appends `other`, text and values.
    pub fn push(&mut self, other: &Sql) -> &mut Self {
        self.text.push_str(&other.text);
        self.params.extend(other.params.iter().cloned());
        self
    }

    /// `before`, this, then `after`.
    pub fn within(&self, before: &str, after: &str) -> Self {
        let mut sql = Self::text(before);
        sql.push(self).push_str(after);
        sql
    }
}

/// What the terms' SQL writes for the film's id: `f.id` over `films AS f`, the full-text index's
/// row id where it leads (`+` keeps SQLite from handing an `IN` list of ids to the index, which
/// would run the whole full-text query once per id).
const FILM: &str = "{film}";

/// The film's id over `films AS f`.
pub(super) const FILM_ID: &str = "f.id";

/// The film's id where the full-text index leads.
pub(super) const MATCH_ROWID: &str = "+film_search.rowid";

/// One term of a query (not a free word that is matched by the full-text index) as SQL.
#[derive(Clone, Debug)]
pub(super) struct TermSql {
    /// True for `-term`.
    negated: bool,
    /// The term as a condition on `films AS f` that costs a few index look-ups per film and
    /// nothing up front: for walking the films in an order and stopping early.
    probe: Sql,
    /// The term as a condition on `films AS f` for a whole listing: it may read the term's films
    /// once up front (an `IN` list), or let SQLite start from an index of them.
    condition: Sql,
    /// True when the term reads the film's row (`f.year` …), not only its id.
    reads_row: bool,
    /// The films the term selects (`SELECT` of ids, maybe repeated: `UNION ALL` streams where
    /// `UNION` would read both sides whole), read from an index, when they can be: how few they
    /// are tells whether a listing is read whole.
    source: Option<Sql>,
}

impl TermSql {
    fn new(probe: Sql, condition: Sql, source: Option<Sql>) -> Self {
        Self {
            negated: false,
            probe,
            condition,
            reads_row: false,
            source,
        }
    }

    /// The same SQL in all three forms.
    fn same(sql: Sql) -> Self {
        Self::new(sql.clone(), sql, None)
    }

    /// The films the term selects, read from `source`: `{film} IN (source)` for a listing.
    fn from_source(probe: Sql, source: Sql) -> Self {
        Self::new(probe, source.within("{film} IN (", ")"), Some(source))
    }

    /// `condition` or its negation.
    fn negate(&self, condition: &Sql) -> Sql {
        if self.negated {
            condition.within("NOT coalesce(", ", 0)")
        } else {
            condition.clone()
        }
    }
}

/// A parsed query as SQL: the full-text match of its free words, and its other terms.
#[derive(Clone, Debug, Default)]
pub(super) struct QuerySql {
    /// The FTS5 query every film must match (the free words and phrases), if the query has any.
    pub fts: Option<String>,
    /// The other terms, all of which must hold.
    terms: Vec<TermSql>,
}

impl QuerySql {
    /// The SQL of `query`.
    pub fn new(query: &Query) -> Self {
        let mut fts = Vec::new();
        let mut terms = Vec::new();
        for term in &query.terms {
            match (&term.filter, term.negated) {
                (Filter::Word(text) | Filter::Phrase(text), false) => {
                    fts.extend(phrase_query(text));
                }
                (filter, negated) => terms.push(TermSql {
                    negated,
                    ..term_sql(filter)
                }),
            }
        }
        Self {
            fts: (!fts.is_empty()).then(|| fts.join(" ")),
            terms,
        }
    }

    /// Every term's probe, joined by `AND` (`1` without terms): true for the films the terms
    /// select, per film, with nothing read up front. `film` is the SQL of the film's id.
    pub fn probes(&self, film: &str) -> Sql {
        self.joined(film, |_| true, |term| term.negate(&term.probe))
    }

    /// The probes of the terms that read the film's row (`row`), or only its id (`!row`).
    fn probes_reading(&self, film: &str, row: bool) -> Sql {
        self.joined(
            film,
            |term| term.reads_row == row,
            |term| term.negate(&term.probe),
        )
    }

    /// True when a term reads the film's row (`f.year` …) of `films AS f`, not only its id.
    pub fn reads_row(&self) -> bool {
        self.terms.iter().any(|term| term.reads_row)
    }

    /// Every term's condition for a whole listing, joined by `AND` (`1` without terms).
    pub fn conditions(&self, film: &str) -> Sql {
        self.joined(film, |_| true, |term| term.negate(&term.condition))
    }

    /// The sources of the terms that are not negated: each selects a superset of the listing.
    pub fn sources(&self) -> impl Iterator<Item = &Sql> {
        self.terms
            .iter()
            .filter(|term| !term.negated)
            .filter_map(|term| term.source.as_ref())
    }

    fn joined(
        &self,
        film: &str,
        wanted: impl Fn(&TermSql) -> bool,
        each: impl Fn(&TermSql) -> Sql,
    ) -> Sql {
        let mut sql = Sql::text("1");
        for term in self.terms.iter().filter(|term| wanted(term)) {
            sql.push_str(" AND ").push(&each(term));
        }
        sql.text = sql.text.replace(FILM, film);
        sql
    }
}

/// The SQL of `filter` (not negated).
fn term_sql(filter: &Filter) -> TermSql {
    let facet = |kind: &str, value: &str| {
        let params = [Value::from(kind.to_owned()), text_keys::fold(value).into()];
        TermSql::from_source(
            Sql::new(
                "EXISTS (SELECT 1 FROM film_facets WHERE kind = ? AND key = ? AND film_id = {film})",
                params.clone(),
            ),
            Sql::new(
                "SELECT film_id FROM film_facets WHERE kind = ? AND key = ?",
                params,
            ),
        )
    };
    // Part of a name: the people are few enough to read whole; their credits come from indexes
    // (a probe reads the film's few credits: `+` keeps SQLite from seeking each person's).
    let credited = |role: &str, value: &str| {
        let params = [Value::from(text_keys::fold(value)), role.to_owned().into()];
        TermSql::from_source(
            Sql::new(
                "EXISTS (SELECT 1 FROM credits AS c WHERE c.film_id = {film}
                         AND +c.person_id IN (SELECT id FROM people WHERE instr(sort_name, ?) > 0)
                         AND c.role = ?)",
                params.clone(),
            ),
            Sql::new(
                "SELECT c.film_id FROM credits AS c
                 WHERE c.person_id IN (SELECT id FROM people WHERE instr(sort_name, ?) > 0)
                   AND c.role = ?",
                params,
            ),
        )
    };
    // A column of the film within bounds: SQLite reads the column's index for a listing.
    let bounded = |column: &str, bounds: &Bounds, scale: f64| {
        let condition = between(&format!("f.{column}"), bounds, scale);
        let source = condition.within("SELECT f.id FROM films AS f WHERE ", "");
        TermSql {
            reads_row: true,
            ..TermSql::new(condition.clone(), condition, Some(source))
        }
    };
    // Films read from a small table once (tags and lists name few films).
    let listed = |source: Sql| TermSql::from_source(source.within("{film} IN (", ")"), source);
    match filter {
        Filter::Word(text) | Filter::Phrase(text) => match phrase_query(text) {
            Some(fts) => TermSql::same(Sql::new(
                "{film} IN (SELECT rowid FROM film_search WHERE film_search MATCH ?)",
                [fts.into()],
            )),
            None => TermSql::same(Sql::text("1")),
        },
        Filter::Genre(value) => facet("genre", value),
        Filter::Country(value) => facet("country", value),
        Filter::Language(value) => facet("language", value),
        Filter::Director(value) => credited("director", value),
        Filter::Cast(value) => credited("cast", value),
        Filter::Year(bounds) => bounded("year", bounds, 1.0),
        Filter::Runtime(bounds) => bounded("runtime_min", bounds, 1.0),
        // Stored 0–100: a star is 20.
        Filter::Rating(bounds) => bounded("rating_sort", bounds, 20.0),
        Filter::Tag(tag) => listed(Sql::new(
            "SELECT d.film_id FROM tags AS t JOIN diary_tags AS dt ON dt.tag_id = t.id
             JOIN diary_entries AS d ON d.id = dt.entry_id WHERE cinedex_fold(t.name) = ?",
            [text_keys::fold(tag).into()],
        )),
        Filter::List(name) => listed(Sql::new(
            "SELECT e.film_id FROM lists AS l JOIN list_entries AS e ON e.list_id = l.id
             WHERE cinedex_fold(l.name) = ?",
            [text_keys::fold(name).into()],
        )),
        Filter::Watched => TermSql::from_source(
            Sql::text(
                "(EXISTS (SELECT 1 FROM diary_entries WHERE film_id = {film})
                  OR EXISTS (SELECT 1 FROM film_marks WHERE film_id = {film} AND mark = 'watched'))",
            ),
            Sql::text(
                "SELECT film_id FROM diary_entries
                 UNION ALL SELECT film_id FROM film_marks WHERE mark = 'watched'",
            ),
        ),
        // Both read the partial indexes of migration 010.
        Filter::HasReview => TermSql::from_source(
            Sql::text(
                "(EXISTS (SELECT 1 FROM reviews WHERE film_id = {film} AND body != '')
                  OR EXISTS (SELECT 1 FROM diary_entries WHERE film_id = {film} AND review != ''))",
            ),
            Sql::text(
                "SELECT film_id FROM reviews WHERE body != ''
                 UNION ALL SELECT film_id FROM diary_entries WHERE review != ''",
            ),
        ),
        Filter::HasPoster => TermSql::from_source(
            Sql::text("EXISTS (SELECT 1 FROM film_posters WHERE film_id = {film})"),
            Sql::text("SELECT film_id FROM film_posters"),
        ),
    }
}

/// `column` within `bounds`, each bound multiplied by `scale`.
fn between(column: &str, bounds: &Bounds, scale: f64) -> Sql {
    let mut sql = Sql::text(format!("({column} IS NOT NULL"));
    if let Some(min) = bounds.min {
        let op = if bounds.min_exclusive { ">" } else { ">=" };
        sql.push_str(&format!(" AND {column} {op} ?"));
        sql.params.push((min * scale).into());
    }
    if let Some(max) = bounds.max {
        let op = if bounds.max_exclusive { "<" } else { "<=" };
        sql.push_str(&format!(" AND {column} {op} ?"));
        sql.params.push((max * scale).into());
    }
    sql.push_str(")");
    sql
}

/// The listing of `sql` by relevance, its words `fts` ranked: each of their matches (at most
/// [`RANKED_MATCHES_MAX`]) probed by the terms that read only its id, inside the full-text
/// index (`LIMIT -1` keeps SQLite from merging the subquery into the join, which looked every
/// match's film up before probing it: 10 ms against 3.4 ms for `cast:cotillard amelie`), then
/// the survivors' films joined for the rest and for the title that breaks ties.
fn ranked_listing(sql: &QuerySql, fts: &str, descending: bool) -> Sql {
    let mut select = Sql::text(format!(
        "SELECT f.id FROM (SELECT rowid AS id, {RELEVANCE} AS relevance FROM film_search
                           WHERE film_search MATCH ? AND "
    ));
    select.params.push(fts.to_owned().into());
    select
        .push(&sql.probes_reading(MATCH_ROWID, false))
        .push_str(" LIMIT -1) AS m CROSS JOIN films AS f ON f.id = m.id WHERE ")
        .push(&sql.probes_reading(FILM_ID, true))
        .push_str(&format!(
            " ORDER BY m.relevance {}, f.sort_title, f.id",
            if descending { "DESC" } else { "ASC" }
        ));
    select
}

/// Every film matching the words `fts`, ranked as [`ranked_listing`] ranks them.
pub(super) fn ranked_matches(fts: &str, descending: bool) -> Sql {
    ranked_listing(&QuerySql::default(), fts, descending)
}

/// Words of `text` (split as the search box splits them) as one FTS5 phrase, or `None` when it
/// has no word. One word is matched as a prefix, like a typed word.
fn phrase_query(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [] => None,
        [word] => Some(format!("\"{word}\"*")),
        words => Some(format!("\"{}\"", words.join(" "))),
    }
}

/// The whole `ORDER BY` of a listing: `sort`, then title, then id.
pub(super) fn listing_order(sort: SortColumn, descending: bool, ranked: bool) -> String {
    format!("{}, f.sort_title, f.id", order_by(sort, descending, ranked))
}

/// The films added first (last when `descending`): the order of words matching very many
/// films, which the full-text index gives as it reads.
pub(super) fn added_order(descending: bool) -> String {
    format!(
        "film_search.rowid {}",
        if descending { "DESC" } else { "ASC" }
    )
}

impl Catalog {
    /// The ids of the films `query` selects, in the order `sort` (by relevance: best match of
    /// its words first, or by title without words).
    pub(super) fn filtered_film_ids(
        &self,
        query: &Query,
        sort: SortColumn,
        descending: bool,
    ) -> Result<Vec<FilmId>> {
        let sql = QuerySql::new(query);
        let ranked = match &sql.fts {
            Some(fts) if sort == SortColumn::Relevance => Some(self.words_are_ranked(fts)?),
            _ => None,
        };
        self.whole_listing(&sql, sort, descending, ranked)
    }

    /// True when the FTS query `fts` matches at most [`RANKED_MATCHES_MAX`] films, so a search
    /// by relevance with it is ranked; reads at most one more match than that.
    pub(super) fn words_are_ranked(&self, fts: &str) -> Result<bool> {
        let mut count = self.conn.prepare_cached(
            "SELECT count(*) FROM (SELECT rowid FROM film_search WHERE film_search MATCH ?1 LIMIT ?2)",
        )?;
        let limit = i64::try_from(RANKED_MATCHES_MAX + 1).unwrap_or(i64::MAX);
        let matches: i64 = count.query_row(rusqlite::params![fts, limit], |r| r.get(0))?;
        Ok(matches.unsigned_abs() <= RANKED_MATCHES_MAX as u64)
    }

    /// The whole listing of `sql` in the order `sort`; `ranked` says, for a search by relevance
    /// with words, whether the words are ranked ([`Catalog::words_are_ranked`]).
    pub(super) fn whole_listing(
        &self,
        sql: &QuerySql,
        sort: SortColumn,
        descending: bool,
        ranked: Option<bool>,
    ) -> Result<Vec<FilmId>> {
        if let (Some(fts), Some(true)) = (&sql.fts, ranked) {
            return self.ids_of(&ranked_listing(sql, fts, descending));
        }
        let mut select = Sql::text("SELECT f.id FROM ");
        let (terms, order) = match &sql.fts {
            Some(fts) => {
                // The words' matches lead: asking the full-text index about one film costs
                // about as much as reading 1,000 of its matches. They are tested against the
                // terms' films read once, in the index's order.
                select.push(&Sql::new(
                    "film_search CROSS JOIN films AS f ON f.id = film_search.rowid
                     WHERE film_search MATCH ? AND ",
                    [fts.clone().into()],
                ));
                let order = match ranked {
                    Some(false) => added_order(descending),
                    _ => listing_order(sort, descending, true),
                };
                (sql.conditions(MATCH_ROWID), order)
            }
            None => {
                select.push_str("films AS f WHERE ");
                (
                    sql.conditions(FILM_ID),
                    listing_order(sort, descending, false),
                )
            }
        };
        select.push(&terms).push_str(&format!(" ORDER BY {order}"));
        self.ids_of(&select)
    }

    /// The ids `select` returns, in its order.
    pub(super) fn ids_of(&self, select: &Sql) -> Result<Vec<FilmId>> {
        let mut statement = self.conn.prepare_cached(&select.text)?;
        let ids = statement.query_map(rusqlite::params_from_iter(&select.params), |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_prefixes_and_phrases_stay_together() {
        assert_eq!(phrase_query("kore-eda"), Some("\"kore eda\"".into()));
        assert_eq!(phrase_query("amélie"), Some("\"amélie\"*".into()));
        assert_eq!(phrase_query("\"OR\""), Some("\"OR\"*".into()));
        assert_eq!(phrase_query("--"), None);
    }

    #[test]
    fn words_matching_very_many_films_list_them_in_the_order_added_whatever_the_filters() {
        use crate::db::{FilmQuery, FirstIds};
        use crate::model::Film;
        let mut catalog = Catalog::open_in_memory().unwrap();
        let films: Vec<_> = (0..=RANKED_MATCHES_MAX)
            .map(|n| {
                let mut film = Film::titled(format!("Tide {n}"));
                film.year = [2, 10].contains(&n).then_some(2001);
                (film, Vec::new())
            })
            .collect();
        let stored = catalog.create_films_with_reviews(&films, |_| {}).unwrap();
        let listing = |search: &str, descending| {
            let query = FilmQuery {
                search: search.into(),
                descending,
                ..FilmQuery::default()
            };
            (
                catalog.first_film_ids(&query).unwrap(),
                catalog.film_ids(&query).unwrap(),
            )
        };
        // By title, "Tide 10" would come before "Tide 2".
        let both = vec![stored[2], stored[10]];
        assert_eq!(
            listing("t year:2001", false),
            (FirstIds::All(both.clone()), both)
        );
        let (first, whole) = listing("t -year:2001", true);
        assert_eq!(whole.len(), RANKED_MATCHES_MAX - 1);
        assert_eq!(whole[0], stored[RANKED_MATCHES_MAX], "newest first");
        assert_eq!(first, FirstIds::First(whole[..60].to_vec()));
        // Words matching fewer films are ranked.
        let (first, whole) = listing("tide 1 year:2000..2010", false);
        assert_eq!(first, FirstIds::All(whole.clone()));
        assert_eq!(whole, [stored[10]]);
    }

    #[test]
    fn placeholders_and_values_stay_in_step() {
        let query = Query::parse("genre:drama -year:1990..1999 rust").unwrap();
        let sql = QuerySql::new(&query);
        assert_eq!(sql.fts.as_deref(), Some("\"rust\"*"));
        for part in [sql.probes(FILM_ID), sql.conditions(MATCH_ROWID)] {
            assert_eq!(part.text.matches('?').count(), part.params.len());
            assert_eq!(part.params.len(), 4, "{}", part.text);
        }
        assert_eq!(sql.sources().count(), 1, "the negated range is no source");
    }
}
