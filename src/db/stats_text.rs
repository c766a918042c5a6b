//! [`Stats`] as a readable plain-text summary, for `cinedex stats` and anything else without a
//! window: totals, small bar charts drawn with block characters, the top lists and the year in review.

use std::fmt::{self, Display, Formatter};

use super::stats::{Stats, TopEntry};

/// The widest bar, in characters.
const BAR_WIDTH: u32 = 30;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Display for Stats {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let period = self
            .year
            .map_or_else(|| "all time".to_owned(), |y| y.to_string());
        writeln!(f, "Stats for {period}")?;
        writeln!(f, "Catalog: {} films", self.catalog_films)?;
        let totals = &self.totals;
        if totals.viewings == 0 {
            return writeln!(
                f,
                "No diary entries {}yet: log a viewing with `cinedex log TITLE --date YYYY-MM-DD`.",
                self.year.map(|y| format!("in {y} ")).unwrap_or_default()
            );
        }
        writeln!(
            f,
            "Watched: {} viewings of {} films, {:.1} hours, {} rewatches, average rating {}",
            totals.viewings,
            totals.films,
            totals.hours_watched,
            totals.rewatches,
            stars(totals.average_rating_stars)
        )?;
        if let Some(months) = &self.months {
            let rows: Vec<_> = MONTHS
                .iter()
                .zip(&months.viewings)
                .map(|(name, &n)| (name.to_string(), n, String::new()))
                .collect();
            bar_chart(f, &format!("Viewings per month, {}", months.year), &rows)?;
        }
        let rows: Vec<_> = self
            .years
            .iter()
            .map(|y| {
                (
                    y.year.to_string(),
                    y.viewings,
                    format!("{:>8.1} h", y.hours_watched),
                )
            })
            .collect();
        bar_chart(f, "Viewings and hours per year", &rows)?;
        let rows: Vec<_> = self
            .ratings
            .iter()
            .map(|r| {
                let label = format!("{:.1}★", f64::from(r.half_stars) / 2.0);
                (label, r.viewings, String::new())
            })
            .collect();
        bar_chart(f, "Ratings", &rows)?;
        let rows: Vec<_> = self
            .decades
            .iter()
            .map(|d| (format!("{}s", d.decade), d.films, String::new()))
            .collect();
        bar_chart(f, "Films by decade of release", &rows)?;
        for (title, list) in [
            ("Top directors", &self.top_directors),
            ("Top actors", &self.top_actors),
            ("Top languages", &self.top_languages),
            ("Top countries", &self.top_countries),
        ] {
            top_list(f, title, list)?;
        }
        if let Some(review) = &self.year_in_review {
            writeln!(f, "\nYear in review, {}", review.year)?;
            writeln!(
                f,
                "  {} viewings of {} films, {:.1} hours, {} rewatches",
                review.totals.viewings,
                review.totals.films,
                review.totals.hours_watched,
                review.totals.rewatches
            )?;
            if let Some(director) = &review.most_watched_director {
                let films = if director.films == 1 { "film" } else { "films" };
                writeln!(
                    f,
                    "  Most-watched director: {} ({} {films})",
                    director.name, director.films
                )?;
            }
            if let Some(film) = &review.highest_rated {
                let year = film.year.map(|y| format!(" ({y})")).unwrap_or_default();
                writeln!(
                    f,
                    "  Highest rated: {}{year}, {}",
                    film.title,
                    stars(Some(film.rating_stars))
                )?;
            }
        }
        Ok(())
    }
}

/// A titled chart: one line per `(label, value, note)`, the bars scaled to the largest value.
fn bar_chart(f: &mut Formatter<'_>, title: &str, rows: &[(String, u32, String)]) -> fmt::Result {
    writeln!(f, "\n{title}")?;
    let max = rows.iter().map(|(_, value, _)| *value).max().unwrap_or(0);
    for (label, value, note) in rows {
        let note = if note.is_empty() {
            String::new()
        } else {
            format!("  {note}")
        };
        writeln!(f, "  {label:>5}  {value:>6}{note}  {}", bar(*value, max))?;
    }
    Ok(())
}

fn top_list(f: &mut Formatter<'_>, title: &str, list: &[TopEntry]) -> fmt::Result {
    if list.is_empty() {
        return Ok(());
    }
    writeln!(f, "\n{title}")?;
    let width = list
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0);
    for entry in list {
        let padding = " ".repeat(width - entry.name.chars().count());
        let films = if entry.films == 1 { "film " } else { "films" };
        writeln!(
            f,
            "  {}{padding}  {:>5} {films}  {}",
            entry.name,
            entry.films,
            stars(entry.average_rating_stars)
        )?;
    }
    Ok(())
}

/// A rating in stars to two decimals, or a dash when nothing is rated.
fn stars(rating: Option<f64>) -> String {
    rating.map_or_else(|| "–".to_owned(), |r| format!("{r:.2}★"))
}

/// A bar of block characters for `value` out of `max`.
fn bar(value: u32, max: u32) -> String {
    if max == 0 {
        return String::new();
    }
    let cells = (u64::from(value) * u64::from(BAR_WIDTH)).div_ceil(u64::from(max));
    "█".repeat(usize::try_from(cells).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_never_divide_by_zero() {
        assert_eq!(bar(0, 0), "");
        assert_eq!(bar(5, 10).chars().count(), 15);
        assert_eq!(bar(10, 10).chars().count(), 30);
        assert_eq!(bar(1, 1000).chars().count(), 1, "a few viewings still show");
    }

    #[test]
    fn an_empty_diary_says_how_to_start() {
        let text = Stats::default().to_string();
        assert!(text.contains("No diary entries yet"), "{text}");
    }
}
