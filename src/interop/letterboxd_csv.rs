//! Reading the CSV that Letterboxd's importer takes (and Cinedex's Letterboxd exports write):
//! `LetterboxdURI` (or `url`), `imdbID`, `tmdbID`, `Title`, `Year`, `Directors`, `WatchedDate`,
//! `Rating` (0.5–5) or `Rating10` (1–10), `Rewatch`, `Tags`, `Review`, in any order.
//!
//! - A row with a `WatchedDate` is a viewing, with its rating, rewatch, tags and review.
//! - A row without one but with a rating or a review is a review of kind own: the rating in the
//!   scale it came in (`Rating` out of 5, `Rating10` out of 10), the review as text.
//! - A row with neither only names a film.
//!
//! The ids are who the film is (its `LetterboxdURI` is a film URI here, not an entry's); title,
//! year and directors are the fallback.

use super::csv_table::{Record, Table};
use super::import_error::ImportError;
use super::letterboxd_import::{half_stars, stars, Builder, LETTERBOXD};
use super::review_html::review_text;
use super::IMDB;
use crate::model::{
    Credit, ExternalId, Film, IncomingEntry, IncomingReview, Rating, Review, ReviewKind, Role,
};

/// The service name TMDb ids are stored under.
pub const TMDB: &str = "tmdb";

impl Builder {
    /// One row of a Letterboxd import CSV.
    pub(super) fn import_row(&mut self, table: &Table, row: &Record) -> Result<(), ImportError> {
        let title = table.required(row, table.column(&["title", "name"]), "film's title")?;
        let ids: Vec<ExternalId> = [
            (LETTERBOXD, table.column(&["letterboxduri", "url"])),
            (IMDB, table.column(&["imdbid"])),
            (TMDB, table.column(&["tmdbid"])),
        ]
        .into_iter()
        .filter_map(|(source, column)| {
            let value = table.cell(row, column);
            (!value.is_empty()).then(|| ExternalId::new(source, value))
        })
        .collect();
        let film = Film {
            title: title.to_owned(),
            year: table.year(row, table.column(&["year"]))?,
            credits: table
                .list(row, table.column(&["directors"]))
                .into_iter()
                .map(|name| Credit::new(name, Role::Director))
                .collect(),
            ..Film::default()
        };
        let film = self.film_named(film, ids);
        let rating10 = table.column(&["rating10"]);
        let tenths = table.cell(row, rating10);
        let half = match half_stars(table, row, table.column(&["rating"]))? {
            Some(half) => Some(half),
            None if tenths.is_empty() => None,
            None => match tenths.parse::<u8>() {
                Ok(value @ 1..=10) => Some(value),
                _ => {
                    return Err(table.error(
                        row,
                        rating10,
                        format!("The rating \"{tenths}\" is not a whole number from 1 to 10"),
                    ))
                }
            },
        };
        let review = review_text(table.cell(row, table.column(&["review"])));
        let Some(watched_on) = table.date(row, table.column(&["watcheddate"]))? else {
            if half.is_none() && review.is_empty() {
                return Ok(());
            }
            let rating = match (half, tenths.is_empty()) {
                (Some(half), false) => Some(Rating::Points {
                    value: f64::from(half),
                    scale: 10,
                }),
                (half, _) => half.map(stars),
            };
            self.batch.reviews.push(IncomingReview {
                film,
                review: Review {
                    kind: ReviewKind::Own,
                    rating,
                    body: review,
                    ..Review::default()
                },
            });
            return Ok(());
        };
        let rewatch = table.yes_no(row, table.column(&["rewatch"]))?;
        self.batch.diary.push(IncomingEntry {
            film,
            watched_on,
            rating_half_stars: half,
            rewatch,
            liked: false,
            review,
            tags: table.list(row, table.column(&["tags"])),
            external_ids: Vec::new(),
        });
        Ok(())
    }
}
