//! A review of a film: the person's own, or one read elsewhere and pasted in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::DateFormat;

use super::{FilmId, Rating, ValidationError};

/// The row id of a review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReviewId(pub i64);

/// Whose words a review holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewKind {
    /// Written by the person keeping the catalog.
    Own,
    /// Read elsewhere (a newspaper, a magazine, a site).
    #[default]
    External,
}

impl ReviewKind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Own => "own",
            Self::External => "external",
        }
    }

    /// The kind named by [`ReviewKind::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "own" => Some(Self::Own),
            "external" => Some(Self::External),
            _ => None,
        }
    }
}

/// A review and where it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    /// `None` until stored.
    pub id: Option<ReviewId>,
    /// The film reviewed; `None` until attached.
    pub film_id: Option<FilmId>,
    /// Own or external.
    pub kind: ReviewKind,
    /// The newspaper, magazine or site.
    pub outlet: Option<String>,
    /// Who wrote it.
    pub reviewer: Option<String>,
    /// Where it was published online.
    pub source_url: Option<String>,
    /// When it was published.
    pub published_on: Option<NaiveDate>,
    /// The rating in its own scale.
    pub rating: Option<Rating>,
    /// The review's prose.
    pub body: String,
    /// The whole text as it was pasted, kept so nothing is lost.
    pub source_text: Option<String>,
}

impl Review {
    /// Checks the rating lies inside its scale.
    pub fn validate(&self) -> Result<(), ValidationError> {
        match &self.rating {
            Some(rating) => rating.validate(),
            None => Ok(()),
        }
    }

    /// A one-line heading: outlet, reviewer, rating and date (written as `dates` says) where known.
    pub fn heading(&self, dates: DateFormat) -> String {
        let mut parts: Vec<String> = Vec::new();
        match self.kind {
            ReviewKind::Own => parts.push("My review".to_owned()),
            ReviewKind::External => {
                parts.extend(self.outlet.clone());
                parts.extend(self.reviewer.as_ref().map(|r| format!("by {r}")));
            }
        }
        parts.extend(self.rating.as_ref().map(Rating::to_string));
        parts.extend(self.published_on.map(|d| dates.format(d)));
        if parts.is_empty() {
            "Review".to_owned()
        } else {
            parts.join(" · ")
        }
    }
}
