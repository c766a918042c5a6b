//! Candidate values found by the recognisers, each with its span and confidence, before the best
//! one per field is chosen.

use std::ops::Range;

use chrono::NaiveDate;

use super::CastMember;
use crate::model::Rating;

/// One candidate value for a field.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand<T> {
    /// The value, cleaned.
    pub value: T,
    /// Byte range of the value in the text the parser read.
    pub span: Range<usize>,
    /// How sure the recogniser is, 0–1.
    pub confidence: f32,
}

/// Everything the recognisers found, per field, plus which lines they used up entirely.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// Candidate titles.
    pub title: Vec<Cand<String>>,
    /// Candidate original-language titles.
    pub original_title: Vec<Cand<String>>,
    /// Other release titles.
    pub alternative_titles: Vec<Cand<String>>,
    /// Candidate film years.
    pub year: Vec<Cand<i32>>,
    /// Directors named.
    pub directors: Vec<Cand<String>>,
    /// Writers named.
    pub writers: Vec<Cand<String>>,
    /// Cast named in credits lists.
    pub cast: Vec<Cand<CastMember>>,
    /// Cast named in the prose (`Ali (Matthias Schoenaerts)`), in text order.
    pub prose_cast: Vec<Cand<CastMember>>,
    /// Candidate running times.
    pub runtime_min: Vec<Cand<u32>>,
    /// Languages named.
    pub languages: Vec<Cand<String>>,
    /// Countries named.
    pub countries: Vec<Cand<String>>,
    /// Genres named.
    pub genres: Vec<Cand<String>>,
    /// Candidate release dates.
    pub release_date: Vec<Cand<NaiveDate>>,
    /// Candidate review ratings.
    pub rating: Vec<Cand<Rating>>,
    /// Candidate reviewers.
    pub reviewer: Vec<Cand<String>>,
    /// Candidate outlets.
    pub outlet: Vec<Cand<String>>,
    /// Candidate publication dates.
    pub published_on: Vec<Cand<NaiveDate>>,
    /// Candidate source addresses.
    pub source_url: Vec<Cand<String>>,
    /// Per line index: the line is page furniture or metadata, not review prose.
    pub consumed: Vec<bool>,
}

impl Found {
    /// An empty store for a text of `line_count` lines.
    pub fn new(line_count: usize) -> Self {
        Self {
            consumed: vec![false; line_count],
            ..Self::default()
        }
    }

    /// Marks line `index` as used up by a recogniser.
    pub fn consume(&mut self, index: usize) {
        if let Some(flag) = self.consumed.get_mut(index) {
            *flag = true;
        }
    }

    /// The most confident title candidate so far (the earliest of equals).
    pub fn best_title(&self) -> Option<&Cand<String>> {
        self.title
            .iter()
            .rev()
            .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
    }

    /// True when line `index` was used up by a recogniser.
    pub fn is_consumed(&self, index: usize) -> bool {
        self.consumed.get(index).copied().unwrap_or(false)
    }
}

/// Shorthand for building a candidate; the confidence is clamped to 0–1.
pub fn cand<T>(value: T, span: Range<usize>, confidence: f32) -> Cand<T> {
    Cand {
        value,
        span,
        confidence: confidence.clamp(0.0, 1.0),
    }
}
