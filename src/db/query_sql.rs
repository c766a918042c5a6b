//! The query language as SQL: each term of a [`Query`] becomes one condition on `films AS f`
//! (free words go to the full-text index), so a filter is one `SELECT` of ids in the catalog's
//! order. Values are folded as titles and names are ("Amélie", "AMELIE" and "amelie" are one),
//! with the SQL function `cinedex_fold` for the JSON lists (genres, countries, languages).

use rusqlite::functions::FunctionFlags;
use rusqlite::types::Value;
use rusqlite::Connection;

use super::search::order_by;
use super::{text_keys, Catalog, Result, SortColumn, RANKED_MATCHES_MAX};
use crate::model::{Bounds, FilmId, Filter, Query};

/// Registers `cinedex_fold(text)`: [`text_keys::fold`] for SQL.
pub(super) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "cinedex_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get_raw(0).as_str_or_null()?.map(text_keys::fold)),
    )
}

/// The SQL of a query: the full-text search its free words make, and one condition per filter.
#[derive(Debug, Default)]
struct QuerySql {
    /// Quoted FTS5 terms every film must match.
    fts: Vec<String>,
    /// Conditions on `films AS f`, all of which must hold.
    conditions: Vec<String>,
    /// The values the conditions name as `?1`, `?2`, … (the FTS query is `?1` when there is one).
    params: Vec<Value>,
}

impl QuerySql {
    /// Binds `value` and returns its placeholder.
    fn bind(&mut self, value: impl Into<Value>) -> String {
        self.params.push(value.into());
        format!("?{}", self.params.len() + 1)
    }

    /// The condition for `filter`.
    fn condition(&mut self, filter: &Filter) -> Result<String> {
        // The list of a film whose JSON is plain ASCII can only hold the folded words in order
        // if it is LIKE `%w1%w2%` (LIKE ignores ASCII case), so `cinedex_fold` runs only for
        // lists that pass that test or hold other characters (accents, CJK).
        let json_has = |this: &mut Self, column: &str, value: &str| {
            let folded = text_keys::fold(value);
            let pattern = this.bind(format!("%{}%", folded.replace(' ', "%")));
            let key = this.bind(folded);
            format!(
                "((f.{column} LIKE {pattern} OR f.{column} GLOB '*[^ -~]*')
                  AND EXISTS (SELECT 1 FROM json_each(f.{column}) WHERE cinedex_fold(value) = {key}))"
            )
        };
        let credited = |this: &mut Self, role: &str, value: &str| {
            let key = this.bind(text_keys::fold(value));
            format!(
                "f.id IN (SELECT c.film_id FROM people AS p JOIN credits AS c ON c.person_id = p.id
                          WHERE c.role = '{role}' AND instr(p.sort_name, {key}) > 0)"
            )
        };
        Ok(match filter {
            Filter::Word(word) => match phrase_query(word) {
                Some(fts) => self.matching(fts),
                None => "1".to_owned(),
            },
            Filter::Phrase(phrase) => match phrase_query(phrase) {
                Some(fts) => self.matching(fts),
                None => "1".to_owned(),
            },
            Filter::Genre(value) => json_has(self, "genres", value),
            Filter::Country(value) => json_has(self, "countries", value),
            Filter::Language(value) => json_has(self, "languages", value),
            Filter::Director(value) => credited(self, "director", value),
            Filter::Cast(value) => credited(self, "cast", value),
            Filter::Year(bounds) => self.between("f.year", *bounds, 1.0),
            Filter::Runtime(bounds) => self.between("f.runtime_min", *bounds, 1.0),
            // Stored 0–100: a star is 20.
            Filter::Rating(bounds) => self.between("f.rating_sort", *bounds, 20.0),
            Filter::Tag(tag) => {
                let key = self.bind(text_keys::fold(tag));
                format!(
                    "f.id IN (SELECT d.film_id FROM tags AS t JOIN diary_tags AS dt ON dt.tag_id = t.id
                              JOIN diary_entries AS d ON d.id = dt.entry_id
                              WHERE cinedex_fold(t.name) = {key})"
                )
            }
            Filter::List(name) => {
                let key = self.bind(text_keys::fold(name));
                format!(
                    "f.id IN (SELECT e.film_id FROM lists AS l JOIN list_entries AS e ON e.list_id = l.id
                              WHERE cinedex_fold(l.name) = {key})"
                )
            }
            Filter::Watched => "f.id IN (SELECT film_id FROM diary_entries
                UNION SELECT film_id FROM film_marks WHERE mark = 'watched')"
                .to_owned(),
            Filter::HasReview => "(EXISTS (SELECT 1 FROM reviews AS r WHERE r.film_id = f.id AND r.body != '')
                OR EXISTS (SELECT 1 FROM diary_entries AS d WHERE d.film_id = f.id AND d.review != ''))"
                .to_owned(),
            Filter::HasPoster => "f.id IN (SELECT film_id FROM film_posters)".to_owned(),
        })
    }

    /// The films that match the FTS query `fts` (for a negated word or phrase; a word that is
    /// not negated goes to [`QuerySql::fts`] instead, and is ranked).
    fn matching(&mut self, fts: String) -> String {
        let key = self.bind(fts);
        format!("f.id IN (SELECT rowid FROM film_search WHERE film_search MATCH {key})")
    }

    /// `column` within `bounds`, each bound multiplied by `scale`.
    fn between(&mut self, column: &str, bounds: Bounds, scale: f64) -> String {
        let mut parts = vec![format!("{column} IS NOT NULL")];
        if let Some(min) = bounds.min {
            let op = if bounds.min_exclusive { ">" } else { ">=" };
            let key = self.bind(min * scale);
            parts.push(format!("{column} {op} {key}"));
        }
        if let Some(max) = bounds.max {
            let op = if bounds.max_exclusive { "<" } else { "<=" };
            let key = self.bind(max * scale);
            parts.push(format!("{column} {op} {key}"));
        }
        format!("({})", parts.join(" AND "))
    }
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

impl Catalog {
    /// The ids of the films `query` selects, in the order `sort` (by relevance: best match of
    /// its words first, or by title without words).
    pub(super) fn filtered_film_ids(
        &self,
        query: &Query,
        sort: SortColumn,
        descending: bool,
    ) -> Result<Vec<FilmId>> {
        let mut sql = QuerySql::default();
        for term in &query.terms {
            match (&term.filter, term.negated) {
                (Filter::Word(text) | Filter::Phrase(text), false) => {
                    if let Some(fts) = phrase_query(text) {
                        sql.fts.push(fts);
                    }
                }
                (filter, negated) => {
                    let condition = sql.condition(filter)?;
                    sql.conditions.push(if negated {
                        format!("NOT coalesce({condition}, 0)")
                    } else {
                        condition
                    });
                }
            }
        }
        let ranked = !sql.fts.is_empty();
        let mut text = String::from("SELECT f.id FROM films AS f");
        if ranked {
            text.push_str(
                " JOIN film_search ON film_search.rowid = f.id WHERE film_search MATCH ?1",
            );
        } else {
            text.push_str(" WHERE ?1 IS NULL");
        }
        for condition in &sql.conditions {
            text.push_str(" AND ");
            text.push_str(condition);
        }
        let fts = ranked.then(|| Value::Text(sql.fts.join(" ")));
        let params: Vec<Value> = std::iter::once(fts.unwrap_or(Value::Null))
            .chain(sql.params)
            .collect();
        let run = |order: &str| -> Result<Vec<FilmId>> {
            let sql = format!("{text} ORDER BY {order}, f.sort_title, f.id");
            let mut select = self.conn.prepare_cached(&sql)?;
            let ids = select.query_map(rusqlite::params_from_iter(&params), |r| r.get(0))?;
            Ok(ids.collect::<rusqlite::Result<_>>()?)
        };
        if ranked && sort == SortColumn::Relevance {
            // As for plain words: more than RANKED_MATCHES_MAX matches are listed in the order
            // the films were added, since ranking them all costs more than a keystroke may.
            let direction = if descending { "DESC" } else { "ASC" };
            let ids = run(&format!("f.id {direction}"))?;
            if ids.len() > RANKED_MATCHES_MAX {
                return Ok(ids);
            }
        }
        run(&order_by(sort, descending, ranked))
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
}
