//! The arithmetic behind [`Stats`](super::Stats): every diary entry is read once with the columns of
//! its film, the credits of the period's films once, and the figures are summed up here.
//!
//! Counting in hash maps over rows read once does in one pass what an SQL aggregate per figure,
//! each grouping sorting its rows again, does in many (docs/performance.md has the figures;
//! `tests/stats.rs` compares the two). Sums run in film-id order, so the same catalog always gives
//! the same figures.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};

use super::stats::{DecadeCount, RatedFilm, RatingBar, TopEntry, Totals, YearFigures};
use super::Result;

/// Hashes the ids and short names the tallies are keyed by with a multiplication per word
/// (std's SipHash was a seventh of the time of all-time stats at 100,000 films).
#[derive(Clone, Copy, Default)]
struct QuickHasher(u64);

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
}

/// A hash map with [`QuickHasher`].
type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<QuickHasher>>;

/// One diary entry, as the figures read it.
struct Viewing {
    film: i64,
    year: i32,
    /// 1–12.
    month: usize,
    half_stars: Option<u8>,
    rewatch: bool,
}

/// What the figures read of a watched film.
struct WatchedFilm {
    runtime_min: Option<i64>,
    year: Option<i32>,
    /// Indexes into [`Diary::lists`]: the film's languages and countries as stored (JSON).
    languages: usize,
    countries: usize,
}

/// The whole diary, read once.
pub(super) struct Diary {
    viewings: Vec<Viewing>,
    films: HashMap<i64, WatchedFilm>,
    /// The distinct JSON lists of languages and countries the watched films have.
    lists: Vec<String>,
}

/// A film's viewings within one period.
#[derive(Clone, Copy, Default)]
struct FilmTally {
    viewings: u32,
    rewatches: u32,
    rating_sum: u32,
    rated: u32,
}

impl FilmTally {
    /// The average of the rated viewings, in half stars.
    fn rating(&self) -> Option<f64> {
        (self.rated > 0).then(|| f64::from(self.rating_sum) / f64::from(self.rated))
    }
}

/// The viewings of one period (a year, or all time), by film in id order.
pub(super) struct Period<'a> {
    diary: &'a Diary,
    films: Vec<(i64, FilmTally)>,
}

/// Films counted for a name (a person, a language, a country), with their ratings summed.
#[derive(Clone, Copy, Default)]
struct NameTally {
    films: u32,
    rating_sum: f64,
    rated: u32,
}

impl NameTally {
    fn add(&mut self, rating: Option<f64>) {
        self.films += 1;
        if let Some(r) = rating {
            self.rating_sum += r;
            self.rated += 1;
        }
    }

    /// The average of the films' ratings, in stars.
    fn average_stars(&self) -> Option<f64> {
        (self.rated > 0).then(|| self.rating_sum / f64::from(self.rated) / 2.0)
    }
}

/// Column `index` of `row` as text, borrowed.
fn text<'r>(row: &'r rusqlite::Row<'_>, index: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(index)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Minutes as hours, to a tenth.
fn hours(minutes: i64) -> f64 {
    (minutes as f64 / 6.0).round() / 10.0
}

impl Diary {
    /// Reads every diary entry, then each watched film once, in id order, from the covering
    /// index `films_stats` (migration 006: a quarter of the pages the films table would take).
    /// The films are looked up in id order rather than in diary order, so each look-up lands
    /// next to the last.
    pub(super) fn read(conn: &Connection) -> Result<Self> {
        let mut select = conn.prepare_cached(
            "SELECT film_id, watched_on, rating_half_stars, rewatch FROM diary_entries",
        )?;
        let mut rows = select.query([])?;
        let mut viewings = Vec::new();
        while let Some(row) = rows.next()? {
            let day = text(row, 1)?;
            let (Some(year), Some(month)) = (
                day.get(0..4).and_then(|y| y.parse().ok()),
                day.get(5..7).and_then(|m| m.parse().ok()),
            ) else {
                continue;
            };
            viewings.push(Viewing {
                film: row.get(0)?,
                year,
                month,
                half_stars: row.get(2)?,
                rewatch: row.get(3)?,
            });
        }
        let mut select = conn.prepare_cached(
            "SELECT f.id, f.runtime_min, f.year, f.languages, f.countries
             FROM (SELECT DISTINCT film_id FROM diary_entries) AS watched
             CROSS JOIN films AS f INDEXED BY films_stats ON f.id = watched.film_id",
        )?;
        let mut rows = select.query([])?;
        let mut films = HashMap::default();
        let mut lists = Vec::new();
        let mut list_index: HashMap<String, usize> = HashMap::default();
        while let Some(row) = rows.next()? {
            let mut intern = |text: &str| {
                if let Some(&index) = list_index.get(text) {
                    return index;
                }
                lists.push(text.to_owned());
                list_index.insert(text.to_owned(), lists.len() - 1);
                lists.len() - 1
            };
            let languages = intern(text(row, 3)?);
            let countries = intern(text(row, 4)?);
            films.insert(
                row.get(0)?,
                WatchedFilm {
                    runtime_min: row.get(1)?,
                    year: row.get(2)?,
                    languages,
                    countries,
                },
            );
        }
        Ok(Diary {
            viewings,
            films,
            lists,
        })
    }

    /// Viewings and hours for every year, oldest first.
    pub(super) fn years(&self) -> Vec<YearFigures> {
        let mut years: HashMap<i32, (u32, i64)> = HashMap::default();
        for viewing in &self.viewings {
            let year = years.entry(viewing.year).or_default();
            year.0 += 1;
            year.1 += self.runtime(viewing.film);
        }
        let mut years: Vec<YearFigures> = years
            .into_iter()
            .map(|(year, (viewings, minutes))| YearFigures {
                year,
                viewings,
                hours_watched: hours(minutes),
            })
            .collect();
        years.sort_unstable_by_key(|y| y.year);
        years
    }

    /// Viewings in each month of `year`.
    pub(super) fn months(&self, year: i32) -> [u32; 12] {
        let mut months = [0; 12];
        for viewing in self.viewings.iter().filter(|v| v.year == year) {
            if let Some(slot) = viewing.month.checked_sub(1).and_then(|m| months.get_mut(m)) {
                *slot += 1;
            }
        }
        months
    }

    /// The viewings in `year`, or all of them.
    pub(super) fn period(&self, year: Option<i32>) -> Period<'_> {
        let mut films: HashMap<i64, FilmTally> = HashMap::default();
        for viewing in self.in_period(year) {
            let film = films.entry(viewing.film).or_default();
            film.viewings += 1;
            film.rewatches += u32::from(viewing.rewatch);
            if let Some(half_stars) = viewing.half_stars {
                film.rating_sum += u32::from(half_stars);
                film.rated += 1;
            }
        }
        let mut films: Vec<(i64, FilmTally)> = films.into_iter().collect();
        films.sort_unstable_by_key(|(id, _)| *id);
        Period { diary: self, films }
    }

    /// How many rated viewings in `year` (or ever) got each rating, ½★ to ★★★★★.
    pub(super) fn ratings(&self, year: Option<i32>) -> Vec<RatingBar> {
        let mut counts = [0; 10];
        for half_stars in self.in_period(year).filter_map(|v| v.half_stars) {
            if let Some(slot) = usize::from(half_stars)
                .checked_sub(1)
                .and_then(|i| counts.get_mut(i))
            {
                *slot += 1;
            }
        }
        (1..=10)
            .zip(counts)
            .map(|(half_stars, viewings)| RatingBar {
                half_stars,
                viewings,
            })
            .collect()
    }

    fn in_period(&self, year: Option<i32>) -> impl Iterator<Item = &Viewing> {
        self.viewings
            .iter()
            .filter(move |v| year.is_none_or(|y| v.year == y))
    }

    fn runtime(&self, film: i64) -> i64 {
        self.films
            .get(&film)
            .and_then(|f| f.runtime_min)
            .unwrap_or(0)
    }
}

impl Period<'_> {
    /// Viewings, films, hours, rewatches and the average rating.
    pub(super) fn totals(&self) -> Totals {
        let (mut viewings, mut rewatches, mut minutes, mut rating_sum, mut rated) =
            (0, 0, 0, 0_u64, 0_u64);
        for (id, film) in &self.films {
            viewings += film.viewings;
            rewatches += film.rewatches;
            minutes += self.diary.runtime(*id) * i64::from(film.viewings);
            rating_sum += u64::from(film.rating_sum);
            rated += u64::from(film.rated);
        }
        Totals {
            viewings,
            films: u32::try_from(self.films.len()).unwrap_or(u32::MAX),
            rewatches,
            hours_watched: hours(minutes),
            average_rating_stars: (rated > 0).then(|| rating_sum as f64 / (2.0 * rated as f64)),
        }
    }

    /// Films by decade of release, oldest first; films without a year are left out.
    pub(super) fn decades(&self) -> Vec<DecadeCount> {
        let mut decades: HashMap<i32, u32> = HashMap::default();
        for (id, _) in &self.films {
            if let Some(year) = self.diary.films.get(id).and_then(|f| f.year) {
                *decades.entry(year.div_euclid(10) * 10).or_default() += 1;
            }
        }
        let mut decades: Vec<DecadeCount> = decades
            .into_iter()
            .map(|(decade, films)| DecadeCount { decade, films })
            .collect();
        decades.sort_unstable_by_key(|d| d.decade);
        decades
    }

    /// The `limit` languages (`countries` false) or countries on the most films.
    pub(super) fn top_list(&self, countries: bool, limit: usize) -> Vec<TopEntry> {
        let mut by_list: HashMap<usize, NameTally> = HashMap::default();
        let mut order = Vec::new();
        for (id, film) in &self.films {
            let Some(watched) = self.diary.films.get(id) else {
                continue;
            };
            let list = if countries {
                watched.countries
            } else {
                watched.languages
            };
            by_list
                .entry(list)
                .or_insert_with(|| {
                    order.push(list);
                    NameTally::default()
                })
                .add(film.rating());
        }
        // Each distinct list is read once; a film naming a value twice counts once.
        let mut by_name: HashMap<String, NameTally> = HashMap::default();
        for list in order {
            let tally = by_list[&list];
            let mut names: Vec<String> =
                serde_json::from_str(&self.diary.lists[list]).unwrap_or_default();
            names.sort_unstable();
            names.dedup();
            for name in names {
                let total = by_name.entry(name).or_default();
                total.films += tally.films;
                total.rating_sum += tally.rating_sum;
                total.rated += tally.rated;
            }
        }
        let mut entries: Vec<(String, NameTally)> = by_name.into_iter().collect();
        entries.sort_by(|(a_name, a), (b_name, b)| ranking(a, b).then_with(|| a_name.cmp(b_name)));
        entries
            .into_iter()
            .take(limit)
            .map(|(name, tally)| top_entry(name, &tally))
            .collect()
    }

    /// The `limit` people credited in `role` on the most films, of the credits `credits` read.
    pub(super) fn top_people(
        &self,
        conn: &Connection,
        credits: &Credits,
        role: Role,
        limit: usize,
    ) -> Result<Vec<TopEntry>> {
        let mut people: HashMap<i64, NameTally> = HashMap::default();
        // One buffer for every film's people, not an allocation per film.
        let mut seen: Vec<i64> = Vec::new();
        for (id, film) in &self.films {
            let Some(range) = credits.by_film.get(id) else {
                continue;
            };
            seen.clear();
            seen.extend(
                credits.rows[range.clone()]
                    .iter()
                    .filter(|(r, _)| *r == role)
                    .map(|(_, person)| *person),
            );
            seen.sort_unstable();
            seen.dedup();
            for &person in &seen {
                people.entry(person).or_default().add(film.rating());
            }
        }
        let mut ranked: Vec<(i64, NameTally)> = people.into_iter().collect();
        ranked.sort_by(|(a_id, a), (b_id, b)| ranking(a, b).then(a_id.cmp(b_id)));
        // Ties at the cut are decided by name, so every person tied with the last one is a candidate.
        let Some(cut) = ranked.get(limit.saturating_sub(1)).map(|(_, t)| *t) else {
            return named_top(conn, ranked, limit);
        };
        let candidates = ranked
            .iter()
            .take_while(|(_, t)| ranking(t, &cut).is_le())
            .count();
        ranked.truncate(candidates);
        named_top(conn, ranked, limit)
    }

    /// The film with the best average rating (ties: the most viewings, then the title).
    pub(super) fn highest_rated(&self, conn: &Connection) -> Result<Option<RatedFilm>> {
        let best = |(_, a): &&(i64, FilmTally), (_, b): &&(i64, FilmTally)| {
            a.rating()
                .partial_cmp(&b.rating())
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.viewings.cmp(&b.viewings))
        };
        let rated = self.films.iter().filter(|(_, f)| f.rated > 0);
        let Some(top) = rated.clone().max_by(best) else {
            return Ok(None);
        };
        let ties: Vec<i64> = rated
            .filter(|film| best(film, &top).is_eq())
            .map(|(id, _)| *id)
            .collect();
        let rating_stars = top.1.rating().unwrap_or_default() / 2.0;
        Ok(conn
            .prepare_cached(
                "SELECT id, title, year FROM films WHERE id IN (SELECT value FROM json_each(?1))
                 ORDER BY sort_title, id LIMIT 1",
            )?
            .query_row([json_ids(&ties)], |r| {
                Ok(RatedFilm {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    year: r.get(2)?,
                    rating_stars,
                })
            })
            .optional()?)
    }
}

/// Orders by more films first, then rated before unrated, then the better average first.
fn ranking(a: &NameTally, b: &NameTally) -> std::cmp::Ordering {
    b.films
        .cmp(&a.films)
        .then_with(|| match (a.average_stars(), b.average_stars()) {
            (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(std::cmp::Ordering::Equal),
            (a, b) => b.is_some().cmp(&a.is_some()),
        })
}

/// The first `limit` of `ranked` (ranked by [`ranking`] only) with their names, ties broken by the
/// folded name.
fn named_top(
    conn: &Connection,
    ranked: Vec<(i64, NameTally)>,
    limit: usize,
) -> Result<Vec<TopEntry>> {
    let ids: Vec<i64> = ranked.iter().map(|(id, _)| *id).collect();
    let mut select = conn.prepare_cached(
        "SELECT id, name, sort_name FROM people WHERE id IN (SELECT value FROM json_each(?1))",
    )?;
    let names: HashMap<i64, (String, String)> = select
        .query_map([json_ids(&ids)], |r| {
            Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut named: Vec<(&(String, String), &NameTally, i64)> = ranked
        .iter()
        .filter_map(|(id, tally)| names.get(id).map(|name| (name, tally, *id)))
        .collect();
    named.sort_by(|(a_name, a, a_id), (b_name, b, b_id)| {
        ranking(a, b)
            .then_with(|| a_name.1.cmp(&b_name.1))
            .then(a_id.cmp(b_id))
    });
    Ok(named
        .into_iter()
        .take(limit)
        .map(|((name, _), tally, _)| top_entry(name.clone(), tally))
        .collect())
}

fn top_entry(name: String, tally: &NameTally) -> TopEntry {
    TopEntry {
        name,
        films: tally.films,
        average_rating_stars: tally.average_stars(),
    }
}

/// Ids as a JSON array, for `json_each`.
fn json_ids(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())
}

/// The roles the top lists count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Director,
    Cast,
}

/// The director and cast credits of some films, read once.
pub(super) struct Credits {
    /// (role, person id), grouped by film.
    rows: Vec<(Role, i64)>,
    /// Each film's rows in `rows`.
    by_film: HashMap<i64, std::ops::Range<usize>>,
}

impl Credits {
    /// The director and cast credits of the films watched in `year` (or ever): every film of
    /// [`Diary::period`] is among them.
    ///
    /// The diary's distinct films are joined to their credits in SQL (one look-up per film in the
    /// covering index), with no list of ids to build and parse. An entry whose date the diary
    /// cannot read may add a film; its credits are never asked for.
    pub(super) fn read(conn: &Connection, year: Option<i32>) -> Result<Self> {
        let mut select = conn.prepare_cached(
            "SELECT c.film_id, c.role, c.person_id
             FROM (SELECT DISTINCT film_id FROM diary_entries
                   WHERE ?1 IS NULL OR CAST(substr(watched_on, 1, 4) AS INTEGER) = ?1) AS s
             CROSS JOIN credits AS c ON c.film_id = s.film_id",
        )?;
        let mut rows = select.query([year])?;
        let mut credits = Credits {
            rows: Vec::new(),
            by_film: HashMap::default(),
        };
        let mut current: Option<(i64, std::ops::Range<usize>)> = None;
        while let Some(row) = rows.next()? {
            // One look-up per film reads its writers too (a second per film cost more); the role is
            // compared as bytes, without checking it is UTF-8.
            let role = match row.get_ref(1)? {
                ValueRef::Text(b"director") => Role::Director,
                ValueRef::Text(b"cast") => Role::Cast,
                _ => continue,
            };
            let film: i64 = row.get(0)?;
            // A film's rows come together (the outer loop is the distinct films): its range is
            // stored once they end.
            if current.as_ref().is_some_and(|(id, _)| *id != film) {
                credits.by_film.extend(current.take());
            }
            let at = credits.rows.len();
            current.get_or_insert((film, at..at)).1.end = at + 1;
            credits.rows.push((role, row.get(2)?));
        }
        credits.by_film.extend(current);
        Ok(credits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_rounded_to_a_tenth() {
        assert_eq!(hours(0), 0.0);
        assert_eq!(hours(90), 1.5);
        assert_eq!(hours(100), 1.7);
    }
}
