//! The import dialog's fields as typed: the film's draft and the review's own fields, filled
//! from a parse, a pick from the text or another reading, and read back into a review.

use crate::model::{Rating, Review, ReviewKind};
use crate::parse::{Field, ParsedReview};

use super::super::widgets::film_form::{CastRow, Draft};

/// The review's own fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewDraft {
    /// The rating as typed.
    pub rating: String,
    /// The reviewer.
    pub reviewer: String,
    /// The outlet.
    pub outlet: String,
    /// `YYYY-MM-DD` as typed.
    pub published_on: String,
    /// The address.
    pub source_url: String,
    /// The review's prose.
    pub body: String,
}

/// Every field the dialog shows, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    /// The film.
    pub film: Draft,
    /// The review.
    pub review: ReviewDraft,
}

impl Fields {
    /// Puts `value` in `field`: one-value fields are replaced, lists get a new row.
    pub fn put(&mut self, field: Field, value: String) {
        let (f, r) = (&mut self.film, &mut self.review);
        match field {
            Field::Title => f.title = value,
            Field::OriginalTitle => f.original_title = value,
            Field::AlternativeTitles => f.alternative_titles.push(value),
            Field::Year => f.year = value,
            Field::Directors => f.directors.push(value),
            Field::Writers => f.writers.push(value),
            Field::Cast => f.cast.push(CastRow {
                name: value,
                character: String::new(),
            }),
            Field::RuntimeMin => f.runtime_min = value,
            Field::Languages => f.languages = value,
            Field::Countries => f.countries = value,
            Field::Genres => f.genres = value,
            Field::ReleaseDate => f.release_date = value,
            Field::Rating => r.rating = value,
            Field::Reviewer => r.reviewer = value,
            Field::Outlet => r.outlet = value,
            Field::PublishedOn => r.published_on = value,
            Field::SourceUrl => r.source_url = value,
            Field::Body => r.body = value,
        }
    }

    /// The fields of a parse.
    pub fn from_parsed(parsed: &ParsedReview) -> Self {
        Self {
            film: Draft::from_film(&parsed.to_film()),
            review: ReviewDraft {
                rating: parsed
                    .rating
                    .as_ref()
                    .map(Rating::to_string)
                    .unwrap_or_default(),
                reviewer: parsed.reviewer.clone().unwrap_or_default(),
                outlet: parsed.outlet.clone().unwrap_or_default(),
                published_on: parsed
                    .published_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                source_url: parsed.source_url.clone().unwrap_or_default(),
                body: parsed.body.clone(),
            },
        }
    }

    /// Copies `field` from `other`.
    pub fn take_field(&mut self, other: &Self, field: Field) {
        let (f, o) = (&mut self.film, &other.film);
        let (r, p) = (&mut self.review, &other.review);
        match field {
            Field::Title => f.title.clone_from(&o.title),
            Field::OriginalTitle => f.original_title.clone_from(&o.original_title),
            Field::AlternativeTitles => f.alternative_titles.clone_from(&o.alternative_titles),
            Field::Year => f.year.clone_from(&o.year),
            Field::Directors => f.directors.clone_from(&o.directors),
            Field::Writers => f.writers.clone_from(&o.writers),
            Field::Cast => f.cast.clone_from(&o.cast),
            Field::RuntimeMin => f.runtime_min.clone_from(&o.runtime_min),
            Field::Languages => f.languages.clone_from(&o.languages),
            Field::Countries => f.countries.clone_from(&o.countries),
            Field::Genres => f.genres.clone_from(&o.genres),
            Field::ReleaseDate => f.release_date.clone_from(&o.release_date),
            Field::Rating => r.rating.clone_from(&p.rating),
            Field::Reviewer => r.reviewer.clone_from(&p.reviewer),
            Field::Outlet => r.outlet.clone_from(&p.outlet),
            Field::PublishedOn => r.published_on.clone_from(&p.published_on),
            Field::SourceUrl => r.source_url.clone_from(&p.source_url),
            Field::Body => r.body.clone_from(&p.body),
        }
    }

    /// Whether `field` holds the same value here and in `other`.
    pub fn same(&self, other: &Self, field: Field) -> bool {
        let mut copy = self.clone();
        copy.take_field(other, field);
        copy == *self
    }

    /// The review the fields describe, or the sentence saying what to fix.
    pub fn to_review(&self, source_text: &str) -> Result<Review, String> {
        let r = &self.review;
        let rating = match r.rating.trim() {
            "" => None,
            text => Some(parse_rating(text)?),
        };
        let published_on = match r.published_on.trim() {
            "" => None,
            text => Some(
                chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                    "The publication date must be written YYYY-MM-DD, e.g. 2013-04-04.".to_owned()
                })?,
            ),
        };
        let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        Ok(Review {
            id: None,
            film_id: None,
            kind: ReviewKind::External,
            outlet: text(&r.outlet),
            reviewer: text(&r.reviewer),
            source_url: text(&r.source_url),
            published_on,
            rating,
            body: r.body.trim().to_owned(),
            source_text: Some(source_text.to_owned()),
        })
    }
}

/// `3.5/5`, `7/10` or a letter grade such as `B+`.
pub fn parse_rating(text: &str) -> Result<Rating, String> {
    let message = || format!("“{text}” is not a rating; write it like 3.5/5, 7/10 or B+.");
    if let Some((value, scale)) = text.split_once('/') {
        let value: f64 = value.trim().parse().map_err(|_| message())?;
        let scale: u16 = scale.trim().parse().map_err(|_| message())?;
        return Rating::points(value, scale).map_err(|e| e.to_string());
    }
    Rating::letter(text).ok_or_else(message)
}
