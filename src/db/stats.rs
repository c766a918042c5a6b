//! Figures about what was watched, computed by SQLite's aggregates from the diary: viewings per
//! month and per year, hours watched, the rating distribution, decades, the most-watched people,
//! languages and countries, rewatches, and a year in review.
//!
//! Rules it keeps:
//! - Everything comes from diary entries (a film watched three times is three viewings) joined to
//!   the films; ratings are the diary's half stars, shown as stars (0.5–5).
//! - A film's rating in a period is the average of its rated viewings then; a person's, language's
//!   or country's average is the average over their films' ratings. Unrated viewings still count.
//! - An empty or tiny catalog gives zeros, empty lists and `None`, never a division by zero.
//! - A handful of aggregate queries over a temporary table of the period's watched films (built
//!   once per call, dropped after); the catalog itself is only read.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::{Catalog, Result};
use crate::model::FilmId;

/// How many people, languages and countries each top list holds.
pub const TOP_COUNT: usize = 10;

/// The figures behind the Stats view and `cinedex stats`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// The year the period figures cover; `None` for all time.
    pub year: Option<i32>,
    /// Films stored in the catalog, watched or not.
    pub catalog_films: u32,
    /// Viewings, films, hours, rewatches and the average rating in the period.
    pub totals: Totals,
    /// Viewings per month of `year`, or of the latest year in the diary when no year was asked for.
    pub months: Option<MonthsOfYear>,
    /// Viewings and hours for every year in the diary, oldest first (not limited to the period).
    pub years: Vec<YearFigures>,
    /// How many rated viewings in the period got each rating: ten bars, ½★ to ★★★★★.
    pub ratings: Vec<RatingBar>,
    /// Films watched in the period by decade of release, oldest first; films without a year are left out.
    pub decades: Vec<DecadeCount>,
    /// The most-watched directors in the period.
    pub top_directors: Vec<TopEntry>,
    /// The most-watched actors in the period.
    pub top_actors: Vec<TopEntry>,
    /// The most-watched languages in the period.
    pub top_languages: Vec<TopEntry>,
    /// The most-watched countries in the period.
    pub top_countries: Vec<TopEntry>,
    /// `year`, or the latest year in the diary, summed up; `None` when the diary is empty.
    pub year_in_review: Option<YearInReview>,
}

/// Totals over a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    /// Diary entries.
    pub viewings: u32,
    /// Different films watched.
    pub films: u32,
    /// Viewings marked as rewatches.
    pub rewatches: u32,
    /// Runtime of every viewing, in hours (films without a runtime add nothing).
    pub hours_watched: f64,
    /// Average of the rated viewings, in stars; `None` when none is rated.
    pub average_rating_stars: Option<f64>,
}

/// Viewings in each month of one year.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MonthsOfYear {
    /// The year.
    pub year: i32,
    /// Viewings in January (index 0) to December (index 11).
    pub viewings: [u32; 12],
}

/// One year of the diary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct YearFigures {
    /// The year.
    pub year: i32,
    /// Diary entries that year.
    pub viewings: u32,
    /// Hours watched that year.
    pub hours_watched: f64,
}

/// One bar of the rating distribution.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RatingBar {
    /// The rating in half stars, 1 (½★) to 10 (★★★★★).
    pub half_stars: u8,
    /// Viewings rated so.
    pub viewings: u32,
}

/// Films of one decade of release.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DecadeCount {
    /// The decade's first year, e.g. 1990.
    pub decade: i32,
    /// Different films of that decade watched.
    pub films: u32,
}

/// A person, language or country in a top list.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TopEntry {
    /// The name.
    pub name: String,
    /// Different films of theirs watched.
    pub films: u32,
    /// The average of those films' ratings, in stars; `None` when none is rated.
    pub average_rating_stars: Option<f64>,
}

/// A film with its rating in a period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RatedFilm {
    /// The film.
    pub id: FilmId,
    /// Its title.
    pub title: String,
    /// Its year.
    pub year: Option<i32>,
    /// The average of its rated viewings, in stars.
    pub rating_stars: f64,
}

/// One year summed up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearInReview {
    /// The year.
    pub year: i32,
    /// Viewings, films, hours, rewatches and the average rating that year.
    pub totals: Totals,
    /// The director with the most films watched that year.
    pub most_watched_director: Option<TopEntry>,
    /// The film with the best average rating that year (ties: the most viewings, then the title).
    pub highest_rated: Option<RatedFilm>,
}

/// The first and last day (`YYYY-MM-DD`, inclusive) of `year`, or of all time.
fn period(year: Option<i32>) -> (String, String) {
    match year {
        Some(y) => (format!("{y:04}-01-01"), format!("{y:04}-12-31")),
        None => ("0000-01-01".to_owned(), "9999-12-31".to_owned()),
    }
}

impl Catalog {
    /// The figures for `year` (calendar year of the viewing), or for all time.
    pub fn stats(&self, year: Option<i32>) -> Result<Stats> {
        let conn = &self.conn;
        let catalog_films = conn.query_row("SELECT count(*) FROM films", [], |r| r.get(0))?;
        let years = years(conn)?;
        let review_year = year.or_else(|| years.last().map(|y| y.year));
        fill_scope(conn, year)?;
        let mut stats = Stats {
            year,
            catalog_films,
            totals: totals(conn)?,
            months: review_year.map(|y| months(conn, y)).transpose()?,
            years,
            ratings: ratings(conn, year)?,
            decades: decades(conn)?,
            top_directors: top_people(conn, "director", TOP_COUNT)?,
            top_actors: top_people(conn, "cast", TOP_COUNT)?,
            top_languages: top_list(conn, "languages")?,
            top_countries: top_list(conn, "countries")?,
            year_in_review: None,
        };
        if let Some(review_year) = review_year {
            if year != Some(review_year) {
                fill_scope(conn, Some(review_year))?;
            }
            stats.year_in_review = Some(year_in_review(conn, review_year)?);
        }
        conn.execute_batch("DROP TABLE IF EXISTS temp.stats_films")?;
        Ok(stats)
    }
}

/// Fills `temp.stats_films`: one row per film watched in `year` (or ever) with its viewings and
/// rating then, and the film columns the figures read. Each figure then reads this small table
/// instead of joining the diary to the films again.
fn fill_scope(conn: &Connection, year: Option<i32>) -> Result<()> {
    let (from, to) = period(year);
    conn.execute_batch("DROP TABLE IF EXISTS temp.stats_films")?;
    conn.execute(
        "CREATE TEMP TABLE stats_films AS
         SELECT w.*, f.runtime_min, f.year, f.languages, f.countries, f.title, f.sort_title
         FROM (SELECT film_id, count(*) AS viewings, sum(rewatch) AS rewatches,
                      avg(rating_half_stars) AS r, sum(rating_half_stars) AS rating_sum,
                      count(rating_half_stars) AS rated
               FROM diary_entries WHERE watched_on BETWEEN ?1 AND ?2 GROUP BY film_id) AS w
         JOIN films AS f ON f.id = w.film_id",
        params![from, to],
    )?;
    Ok(())
}

fn totals(conn: &Connection) -> Result<Totals> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(viewings), 0), count(*), coalesce(sum(rewatches), 0),
                    coalesce(sum(runtime_min * viewings), 0), sum(rating_sum) / (2.0 * nullif(sum(rated), 0))
             FROM temp.stats_films",
        )?
        .query_row([], |r| {
            Ok(Totals {
                viewings: r.get(0)?,
                films: r.get(1)?,
                rewatches: r.get(2)?,
                hours_watched: hours(r.get(3)?),
                average_rating_stars: r.get(4)?,
            })
        })?)
}

/// Minutes as hours, to a tenth.
fn hours(minutes: i64) -> f64 {
    (minutes as f64 / 6.0).round() / 10.0
}

fn months(conn: &Connection, year: i32) -> Result<MonthsOfYear> {
    let viewings = counts_by_key::<12>(
        conn,
        "SELECT CAST(substr(watched_on, 6, 2) AS INTEGER), count(*) FROM diary_entries
         WHERE watched_on BETWEEN ?1 AND ?2 GROUP BY 1",
        Some(year),
    )?;
    Ok(MonthsOfYear { year, viewings })
}

/// The counts `sql` returns as (key 1..=N, count) rows for the period `year`, at index key − 1;
/// keys missing from the answer count 0.
fn counts_by_key<const N: usize>(
    conn: &Connection,
    sql: &str,
    year: Option<i32>,
) -> Result<[u32; N]> {
    let (from, to) = period(year);
    let mut counts = [0; N];
    let mut select = conn.prepare_cached(sql)?;
    let rows = select.query_map(params![from, to], |r| {
        Ok((r.get::<_, u32>(0)? as usize, r.get::<_, u32>(1)?))
    })?;
    for row in rows {
        let (key, count) = row?;
        if let Some(slot) = key.checked_sub(1).and_then(|i| counts.get_mut(i)) {
            *slot = count;
        }
    }
    Ok(counts)
}

fn years(conn: &Connection) -> Result<Vec<YearFigures>> {
    let mut select = conn.prepare_cached(
        "SELECT CAST(substr(d.watched_on, 1, 4) AS INTEGER) AS y, count(*), coalesce(sum(f.runtime_min), 0)
         FROM diary_entries AS d JOIN films AS f ON f.id = d.film_id GROUP BY y ORDER BY y",
    )?;
    let rows = select.query_map([], |r| {
        Ok(YearFigures {
            year: r.get(0)?,
            viewings: r.get(1)?,
            hours_watched: hours(r.get(2)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn ratings(conn: &Connection, year: Option<i32>) -> Result<Vec<RatingBar>> {
    let counts = counts_by_key::<10>(
        conn,
        "SELECT rating_half_stars, count(*) FROM diary_entries
         WHERE watched_on BETWEEN ?1 AND ?2 AND rating_half_stars IS NOT NULL GROUP BY 1",
        year,
    )?;
    Ok((1..=10)
        .zip(counts)
        .map(|(half_stars, viewings)| RatingBar {
            half_stars,
            viewings,
        })
        .collect())
}

fn decades(conn: &Connection) -> Result<Vec<DecadeCount>> {
    let mut select = conn.prepare_cached(
        "SELECT year / 10 * 10 AS decade, count(*) FROM temp.stats_films
         WHERE year IS NOT NULL GROUP BY decade ORDER BY decade",
    )?;
    let rows = select.query_map([], |r| {
        Ok(DecadeCount {
            decade: r.get(0)?,
            films: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The people credited in `role` on the most films watched in the period.
fn top_people(conn: &Connection, role: &str, limit: usize) -> Result<Vec<TopEntry>> {
    let mut select = conn.prepare_cached(
        "SELECT p.name, t.films, t.rating FROM
             (SELECT c.person_id, count(DISTINCT s.film_id) AS films, avg(s.r) / 2.0 AS rating
              FROM temp.stats_films AS s CROSS JOIN credits AS c ON c.film_id = s.film_id AND c.role = ?1
              GROUP BY c.person_id) AS t
         JOIN people AS p ON p.id = t.person_id
         ORDER BY t.films DESC, t.rating IS NULL, t.rating DESC, p.sort_name LIMIT ?2",
    )?;
    let rows = select.query_map(params![role, limit as i64], top_entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The values of the films' JSON list `column` (`languages`, `countries`) on the most films
/// watched in the period.
fn top_list(conn: &Connection, column: &str) -> Result<Vec<TopEntry>> {
    let mut select = conn.prepare_cached(&format!(
        "SELECT j.value AS name, count(DISTINCT s.film_id) AS films, avg(s.r) / 2.0 AS rating
         FROM temp.stats_films AS s, json_each(s.{column}) AS j
         GROUP BY j.value ORDER BY films DESC, rating IS NULL, rating DESC, name LIMIT ?1"
    ))?;
    let rows = select.query_map([TOP_COUNT as i64], top_entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn top_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<TopEntry> {
    Ok(TopEntry {
        name: r.get(0)?,
        films: r.get(1)?,
        average_rating_stars: r.get(2)?,
    })
}

/// `year` summed up, from `temp.stats_films` filled for that year.
fn year_in_review(conn: &Connection, year: i32) -> Result<YearInReview> {
    let highest_rated = conn
        .prepare_cached(
            "SELECT film_id, title, year, r / 2.0 FROM temp.stats_films WHERE r IS NOT NULL
             ORDER BY r DESC, viewings DESC, sort_title, film_id LIMIT 1",
        )?
        .query_row([], |r| {
            Ok(RatedFilm {
                id: r.get(0)?,
                title: r.get(1)?,
                year: r.get(2)?,
                rating_stars: r.get(3)?,
            })
        })
        .optional()?;
    Ok(YearInReview {
        year,
        totals: totals(conn)?,
        most_watched_director: top_people(conn, "director", 1)?.into_iter().next(),
        highest_rated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_cover_a_calendar_year_or_all_time() {
        assert_eq!(
            period(Some(987)),
            ("0987-01-01".into(), "0987-12-31".into())
        );
        assert!(period(None).0.as_str() < "1870");
        assert_eq!(hours(0), 0.0);
        assert_eq!(hours(90), 1.5);
        assert_eq!(hours(100), 1.7);
    }

    #[test]
    fn an_empty_catalog_has_zeros_and_no_year_in_review() {
        let catalog = Catalog::open_in_memory().unwrap();
        let stats = catalog.stats(None).unwrap();
        assert_eq!(stats.totals, Totals::default());
        assert_eq!(stats.ratings.len(), 10);
        assert!(stats.ratings.iter().all(|b| b.viewings == 0));
        assert!(stats.months.is_none() && stats.year_in_review.is_none());
        assert!(stats.top_directors.is_empty() && stats.decades.is_empty());
    }
}
