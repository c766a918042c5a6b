//! How close a parse comes to what a careful reader finds: a per-field score between a
//! [`ParsedReview`] and the expected one, used by `examples/parser_score.rs` and the corpus floor in
//! `tests/parser.rs`.
//!
//! Rules: a field that both sides leave empty is skipped; a value where the expected field is empty
//! scores 0 (it was invented); an expected value that is missing scores 0. Single values score 1
//! when they are equal after folding case, accents, quotes and spaces, else 0; lists (directors,
//! cast names, characters, languages) score the F1 of their folded members.

use std::collections::HashSet;

use super::names::key;
use super::{Known, KnownFilm, ParsedReview};
use crate::model::Rating;

/// A field the scorer compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScoredField {
    /// The film's title.
    Title,
    /// The film's year.
    Year,
    /// Directors.
    Directors,
    /// Cast members' names.
    CastNames,
    /// The characters they play.
    CastCharacters,
    /// Running time in minutes.
    Runtime,
    /// Spoken languages.
    Languages,
    /// Release or opening date.
    ReleaseDate,
    /// The review's rating.
    Rating,
    /// Who wrote the review.
    Reviewer,
    /// Where it was published.
    Outlet,
}

impl ScoredField {
    /// Every scored field, in table order.
    pub const ALL: [ScoredField; 11] = [
        ScoredField::Title,
        ScoredField::Year,
        ScoredField::Directors,
        ScoredField::CastNames,
        ScoredField::CastCharacters,
        ScoredField::Runtime,
        ScoredField::Languages,
        ScoredField::ReleaseDate,
        ScoredField::Rating,
        ScoredField::Reviewer,
        ScoredField::Outlet,
    ];

    /// A short column name for tables.
    pub fn as_str(self) -> &'static str {
        match self {
            ScoredField::Title => "title",
            ScoredField::Year => "year",
            ScoredField::Directors => "director",
            ScoredField::CastNames => "cast",
            ScoredField::CastCharacters => "chars",
            ScoredField::Runtime => "runtime",
            ScoredField::Languages => "lang",
            ScoredField::ReleaseDate => "release",
            ScoredField::Rating => "rating",
            ScoredField::Reviewer => "reviewer",
            ScoredField::Outlet => "outlet",
        }
    }
}

/// The score of one parse: per field, `None` when both sides are empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileScore {
    /// Scores in [`ScoredField::ALL`] order.
    pub fields: Vec<(ScoredField, Option<f64>)>,
}

impl FileScore {
    /// The mean of the fields that were scored, or `None` when none was.
    pub fn mean(&self) -> Option<f64> {
        mean(self.fields.iter().filter_map(|(_, s)| *s))
    }

    /// The score of one field.
    pub fn get(&self, field: ScoredField) -> Option<f64> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, s)| *s)
    }
}

/// Scores of many parses, summed per field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Per field in [`ScoredField::ALL`] order: sum of scores and how many were scored.
    sums: [(f64, usize); 11],
}

impl Tally {
    /// Adds one file's scores.
    pub fn add(&mut self, score: &FileScore) {
        for (i, field) in ScoredField::ALL.iter().enumerate() {
            if let Some(s) = score.get(*field) {
                self.sums[i].0 += s;
                self.sums[i].1 += 1;
            }
        }
    }

    /// The mean score of one field and how many files scored it.
    pub fn field(&self, field: ScoredField) -> (Option<f64>, usize) {
        let i = ScoredField::ALL
            .iter()
            .position(|f| *f == field)
            .unwrap_or_default();
        let (sum, n) = self.sums[i];
        ((n > 0).then(|| sum / n as f64), n)
    }

    /// The mean over every scored (file, field) cell.
    pub fn overall(&self) -> Option<f64> {
        let (sum, n) = self
            .sums
            .iter()
            .fold((0.0, 0), |(s, c), (x, k)| (s + x, c + k));
        (n > 0).then(|| sum / n as f64)
    }
}

/// Scores `actual` against `expected` on every [`ScoredField`].
pub fn score(actual: &ParsedReview, expected: &ParsedReview) -> FileScore {
    let fields = ScoredField::ALL
        .iter()
        .map(|&field| {
            let got = values(actual, field);
            (field, compare(&got, &values(expected, field)))
        })
        .collect();
    FileScore { fields }
}

/// A field's folded values: at most one for single values, any number for lists.
pub fn values(review: &ParsedReview, field: ScoredField) -> Vec<String> {
    let one = |v: Option<String>| v.into_iter().collect();
    match field {
        ScoredField::Title => one(review.title.as_deref().map(fold)),
        ScoredField::Year => one(review.year.map(|y| y.to_string())),
        ScoredField::Directors => review.directors.iter().map(|d| fold(d)).collect(),
        ScoredField::CastNames => review.cast.iter().map(|c| fold(&c.name)).collect(),
        ScoredField::CastCharacters => review
            .cast
            .iter()
            .filter_map(|c| c.character.as_deref())
            .map(fold)
            .collect(),
        ScoredField::Runtime => one(review.runtime_min.map(|m| m.to_string())),
        ScoredField::Languages => review.languages.iter().map(|l| fold(l)).collect(),
        ScoredField::ReleaseDate => one(review.release_date.map(|d| d.to_string())),
        ScoredField::Rating => one(review.rating.as_ref().map(rating_key)),
        ScoredField::Reviewer => one(review.reviewer.as_deref().map(fold)),
        ScoredField::Outlet => one(review.outlet.as_deref().map(outlet_key)),
    }
}

/// Case, accents, quotes and spacing folded away.
fn fold(text: &str) -> String {
    key(text)
}

/// An outlet without a leading "The" (`The Guardian` = `Guardian`).
fn outlet_key(text: &str) -> String {
    let k = key(text);
    k.strip_prefix("the ").map_or(k.clone(), str::to_owned)
}

fn rating_key(rating: &Rating) -> String {
    match rating {
        Rating::Points { value, scale } => format!("{value}/{scale}"),
        Rating::Letter { value, .. } => value.to_uppercase(),
    }
}

/// 1/0 for single values, F1 for lists; `None` when both are empty.
fn compare(got: &[String], want: &[String]) -> Option<f64> {
    match (got.is_empty(), want.is_empty()) {
        (true, true) => None,
        (_, true) | (true, _) => Some(0.0),
        _ => {
            let got_set: HashSet<&String> = got.iter().collect();
            let want_set: HashSet<&String> = want.iter().collect();
            let hits = got_set.intersection(&want_set).count() as f64;
            if hits == 0.0 {
                return Some(0.0);
            }
            let precision = hits / got_set.len() as f64;
            let recall = hits / want_set.len() as f64;
            Some(2.0 * precision * recall / (precision + recall))
        }
    }
}

fn mean(scores: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = scores.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The catalog of the studied films: a [`Known`] holding each expected parse's title, original and
/// other titles, year, directors and cast, as the catalog of someone who logged those films would
/// (`parser_score --with-known`).
pub fn known_of<'a>(expected: impl IntoIterator<Item = &'a ParsedReview>) -> Known {
    Known::new(expected.into_iter().filter_map(|e| {
        Some(KnownFilm {
            id: None,
            title: e.title.clone()?,
            other_titles: e
                .original_title
                .iter()
                .chain(&e.alternative_titles)
                .cloned()
                .collect(),
            year: e.year,
            directors: e.directors.clone(),
            cast: e.cast.iter().map(|c| c.name.clone()).collect(),
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::CastMember;

    #[test]
    fn empty_on_both_sides_is_skipped_and_invented_scores_zero() {
        let expected = ParsedReview {
            title: Some("The Quiet Harbour".into()),
            ..ParsedReview::default()
        };
        let actual = ParsedReview {
            title: Some("the quiet harbour".into()),
            runtime_min: Some(90),
            ..ParsedReview::default()
        };
        let s = score(&actual, &expected);
        assert_eq!(s.get(ScoredField::Title), Some(1.0));
        assert_eq!(s.get(ScoredField::Runtime), Some(0.0));
        assert_eq!(s.get(ScoredField::Year), None);
        assert_eq!(s.mean(), Some(0.5));
    }

    #[test]
    fn lists_score_f1() {
        let cast = |n: &str| CastMember {
            name: n.into(),
            character: None,
        };
        let expected = ParsedReview {
            cast: vec![cast("Ann Lee"), cast("Bo Kim")],
            ..ParsedReview::default()
        };
        let actual = ParsedReview {
            cast: vec![cast("Ann Lee")],
            ..ParsedReview::default()
        };
        let s = score(&actual, &expected);
        let f1 = s.get(ScoredField::CastNames).unwrap();
        assert!((f1 - 2.0 / 3.0).abs() < 1e-9);
        let mut tally = Tally::default();
        tally.add(&s);
        assert_eq!(tally.field(ScoredField::CastNames).1, 1);
    }
}
