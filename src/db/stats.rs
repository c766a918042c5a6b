//! Figures about what was watched, counted from the diary: viewings per month and per year, hours watched, the rating distribution, decades, the most-watched people,
//! languages and countries, rewatches, and a year in review.
//!
//! Rules it keeps:
//! - Everything comes from diary entries (a film watched three times is three viewings) joined to
//!   the films; ratings are the diary's half stars, shown as stars (0.5–5).
//! - A film's rating in a period is the average of its rated viewings then; a person's, language's
//!   or country's average is the average over their films' ratings. Unrated viewings still count.
//! - An empty or tiny catalog gives zeros, empty lists and `None`, never a division by zero.
//! - The catalog is only read: every diary entry once with its film's columns, the credits of the
//!   period's films once, then names for the top lists; `stats_tally.rs` does the counting.
//! - A person, language or country counts a film once, however often the film names them.

use serde::Serialize;

use super::stats_tally::{Credits, Diary, Role};
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

impl Catalog {
    /// The figures for `year` (calendar year of the viewing), or for all time.
    pub fn stats(&self, year: Option<i32>) -> Result<Stats> {
        let conn = &self.conn;
        let catalog_films = conn
            .prepare_cached("SELECT count(*) FROM films")?
            .query_row([], |r| r.get(0))?;
        let diary = Diary::read(conn)?;
        let years = diary.years();
        let review_year = year.or_else(|| years.last().map(|y| y.year));
        let period = diary.period(year);
        // The review year's films are among the period's (the same year, or all time).
        let credits = Credits::read(conn, year)?;
        let year_in_review = review_year
            .map(|review_year| -> Result<YearInReview> {
                let reviewed = diary.period(Some(review_year));
                Ok(YearInReview {
                    year: review_year,
                    totals: reviewed.totals(),
                    most_watched_director: reviewed
                        .top_people(conn, &credits, Role::Director, 1)?
                        .into_iter()
                        .next(),
                    highest_rated: reviewed.highest_rated(conn)?,
                })
            })
            .transpose()?;
        Ok(Stats {
            year,
            catalog_films,
            totals: period.totals(),
            months: review_year.map(|y| MonthsOfYear {
                year: y,
                viewings: diary.months(y),
            }),
            years,
            ratings: diary.ratings(year),
            decades: period.decades(),
            top_directors: period.top_people(conn, &credits, Role::Director, TOP_COUNT)?,
            top_actors: period.top_people(conn, &credits, Role::Cast, TOP_COUNT)?,
            top_languages: period.top_list(false, TOP_COUNT),
            top_countries: period.top_list(true, TOP_COUNT),
            year_in_review,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
