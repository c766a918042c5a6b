//! Pasted review text -> fields with provenance.
//!
//! [`parse_review`] reads what a person copied from a review page (plain text, CRLF or LF, or
//! HTML) and returns a [`ParsedReview`]: the film's facts, the review's byline, rating and prose,
//! and for each value where it came from ([`Provenance`], byte spans with a confidence). It is a
//! set of small recognisers (credits, headings, ratings, bylines, cast in prose, furniture), each
//! proposing candidates; the best candidate per field wins, and a field no recogniser is sure of
//! stays empty: nothing is invented. The parser is pure, does no I/O, and runs in time linear in
//! the text.
//!
//! Layout: `recognise/` holds the recognisers, all of one signature, and their order with the
//! reason for it (`recognise::PIPELINE`); `lex/` their helpers (lines, names and the given-name
//! lexicon, word lists, labels, dates, durations, HTML); `confidence` the one scale they rate
//! candidates on; `resolve` keeps the best candidate per field; `score` compares a parse with what
//! a careful reader finds.
//!
//! Spans index the text the parser read: the input itself for plain text, and for HTML the plain
//! text it was converted to, which [`parse_review_detailed`] returns beside the fields.

mod body;
mod confidence;
mod found;
mod lex;
mod recognise;
mod resolve;
pub mod score;

use lex::{dates, given_names, html, labels, lexicon, names, runtime, segments, text};
use recognise::title_line;

// Evidence beside the text: the catalog's memory, a saved page's metadata, a paste's markup.
mod enrich;
mod known;
mod markup;
mod page_meta;

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Credit, Film, Rating, Review, ReviewKind, Role};

pub use enrich::{
    parse_enriched, parse_pasted, parse_review_with, Alternative, Enriched, EnrichedOutput,
    FieldOrigin, Origin,
};
pub use known::{FilmFacts, Known, KnownFilm, KnownPerson, NameHit, TitleHit};
pub use page_meta::PageMeta;

/// One cast member as the text names them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CastMember {
    /// The actor's name.
    pub name: String,
    /// The character they play, when the text says.
    pub character: Option<String>,
}

/// A field of [`ParsedReview`], as named in provenance and shown in the import dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The film's title.
    Title,
    /// The title in the original language.
    OriginalTitle,
    /// Other release titles.
    AlternativeTitles,
    /// The film's year.
    Year,
    /// Directors.
    Directors,
    /// Writers.
    Writers,
    /// Cast, with characters.
    Cast,
    /// Running time in minutes.
    RuntimeMin,
    /// Spoken languages.
    Languages,
    /// Production countries.
    Countries,
    /// Genres.
    Genres,
    /// Release or opening date.
    ReleaseDate,
    /// The review's rating.
    Rating,
    /// Who wrote the review.
    Reviewer,
    /// Where it was published.
    Outlet,
    /// When it was published.
    PublishedOn,
    /// The address it was copied from.
    SourceUrl,
    /// The review's prose.
    Body,
}

impl Field {
    /// Every field, in the order of [`ParsedReview`]'s JSON.
    pub const ALL: [Field; 18] = [
        Field::Title,
        Field::OriginalTitle,
        Field::AlternativeTitles,
        Field::Year,
        Field::Directors,
        Field::Writers,
        Field::Cast,
        Field::RuntimeMin,
        Field::Languages,
        Field::Countries,
        Field::Genres,
        Field::ReleaseDate,
        Field::Rating,
        Field::Reviewer,
        Field::Outlet,
        Field::PublishedOn,
        Field::SourceUrl,
        Field::Body,
    ];

    /// The JSON key of the field, e.g. `runtime_min`.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::OriginalTitle => "original_title",
            Field::AlternativeTitles => "alternative_titles",
            Field::Year => "year",
            Field::Directors => "directors",
            Field::Writers => "writers",
            Field::Cast => "cast",
            Field::RuntimeMin => "runtime_min",
            Field::Languages => "languages",
            Field::Countries => "countries",
            Field::Genres => "genres",
            Field::ReleaseDate => "release_date",
            Field::Rating => "rating",
            Field::Reviewer => "reviewer",
            Field::Outlet => "outlet",
            Field::PublishedOn => "published_on",
            Field::SourceUrl => "source_url",
            Field::Body => "body",
        }
    }

    /// The label a person reads, e.g. `Running time`.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::OriginalTitle => "Original title",
            Field::AlternativeTitles => "Also known as",
            Field::Year => "Year",
            Field::Directors => "Directors",
            Field::Writers => "Writers",
            Field::Cast => "Cast",
            Field::RuntimeMin => "Running time",
            Field::Languages => "Languages",
            Field::Countries => "Countries",
            Field::Genres => "Genres",
            Field::ReleaseDate => "Release date",
            Field::Rating => "Rating",
            Field::Reviewer => "Reviewer",
            Field::Outlet => "Outlet",
            Field::PublishedOn => "Published",
            Field::SourceUrl => "Source",
            Field::Body => "Review text",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where one value came from: a byte range of the parsed text and how sure the parser is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// The field the value belongs to.
    pub field: Field,
    /// First byte of the span.
    pub start: usize,
    /// Byte after the span.
    pub end: usize,
    /// 0–1, to two decimals.
    pub confidence: f64,
}

/// The fields found in a pasted review; serialises as the `parse-review --json` contract.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParsedReview {
    /// The film's title.
    pub title: Option<String>,
    /// The title in the original language, when the text labels it so.
    pub original_title: Option<String>,
    /// Other release titles.
    pub alternative_titles: Vec<String>,
    /// The film's year, where the text states it (not the year of an opening date).
    pub year: Option<i32>,
    /// Directors, in the text's order.
    pub directors: Vec<String>,
    /// Writers, in the text's order.
    pub writers: Vec<String>,
    /// Cast, credits order first, then the order named in the prose.
    pub cast: Vec<CastMember>,
    /// Running time in minutes.
    pub runtime_min: Option<u32>,
    /// Spoken languages.
    pub languages: Vec<String>,
    /// Production countries.
    pub countries: Vec<String>,
    /// Genres.
    pub genres: Vec<String>,
    /// Release or opening date (serialised `YYYY-MM-DD`).
    pub release_date: Option<NaiveDate>,
    /// The review's rating in its own scale.
    pub rating: Option<Rating>,
    /// Who wrote the review.
    pub reviewer: Option<String>,
    /// The newspaper, magazine or site.
    pub outlet: Option<String>,
    /// When the review was published.
    pub published_on: Option<NaiveDate>,
    /// The address the text was copied from, when it was pasted with it.
    pub source_url: Option<String>,
    /// The review's paragraphs without page furniture, credits, byline or rating, also when the
    /// text names no film fact; `""` when none.
    pub body: String,
    /// Where each value came from, ordered by position.
    pub provenance: Vec<Provenance>,
}

impl ParsedReview {
    /// True when the text named no film fact (title, people, runtime, dates, …): the CLI then says
    /// "Nothing recognised". Such a result holds only the text's prose as its `body` (with its
    /// spans); every other field is empty.
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.original_title.is_none()
            && self.alternative_titles.is_empty()
            && self.year.is_none()
            && self.directors.is_empty()
            && self.writers.is_empty()
            && self.cast.is_empty()
            && self.runtime_min.is_none()
            && self.languages.is_empty()
            && self.countries.is_empty()
            && self.genres.is_empty()
            && self.release_date.is_none()
    }

    /// The spans recorded for one field.
    pub fn spans(&self, field: Field) -> impl Iterator<Item = &Provenance> {
        self.provenance.iter().filter(move |p| p.field == field)
    }

    /// The film the fields describe, unsaved; the title is empty when none was found.
    pub fn to_film(&self) -> Film {
        let mut credits: Vec<Credit> = Vec::new();
        credits.extend(
            self.directors
                .iter()
                .map(|n| Credit::new(n.clone(), Role::Director)),
        );
        credits.extend(
            self.writers
                .iter()
                .map(|n| Credit::new(n.clone(), Role::Writer)),
        );
        credits.extend(self.cast.iter().map(|c| Credit {
            name: c.name.clone(),
            role: Role::Cast,
            character: c.character.clone(),
        }));
        Film {
            id: None,
            title: self.title.clone().unwrap_or_default(),
            original_title: self.original_title.clone(),
            alternative_titles: self.alternative_titles.clone(),
            year: self.year,
            runtime_min: self.runtime_min,
            languages: self.languages.clone(),
            countries: self.countries.clone(),
            genres: self.genres.clone(),
            release_date: self.release_date,
            notes: String::new(),
            credits,
        }
    }

    /// The external review the fields describe, keeping `source_text` (the whole paste).
    pub fn to_review(&self, source_text: &str) -> Review {
        Review {
            id: None,
            film_id: None,
            kind: ReviewKind::External,
            outlet: self.outlet.clone(),
            reviewer: self.reviewer.clone(),
            source_url: self.source_url.clone(),
            published_on: self.published_on,
            rating: self.rating.clone(),
            body: self.body.clone(),
            source_text: Some(source_text.to_owned()),
        }
    }
}

/// A parse with the text its spans index.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseOutput<'a> {
    /// The fields found.
    pub review: ParsedReview,
    /// The text every [`Provenance`] span indexes: the input itself for plain text, the converted
    /// plain text for HTML.
    pub indexed_text: Cow<'a, str>,
    /// True when the input was HTML and `indexed_text` is its conversion.
    pub from_html: bool,
    /// The parser's runner-ups: for each one-value field, the next distinct candidates after the
    /// one chosen, best first, with their spans in `indexed_text`.
    pub runner_ups: Vec<Alternative>,
}

/// Reads a pasted review; see the module documentation. Never panics; bad input gives an empty
/// result.
pub fn parse_review(text: &str) -> ParsedReview {
    parse_review_detailed(text).review
}

/// Like [`parse_review`], also returning the text the provenance spans index (the input, or the
/// plain text of an HTML input), so a view can highlight them.
pub fn parse_review_detailed(text: &str) -> ParseOutput<'_> {
    if text.trim().is_empty() || text::looks_like_junk(text) {
        return ParseOutput {
            review: ParsedReview::default(),
            indexed_text: Cow::Borrowed(text),
            from_html: false,
            runner_ups: Vec::new(),
        };
    }
    if html::looks_like_html(text) {
        if let Some(converted) = html::to_text(text) {
            let (review, runner_ups) = resolve::parse_plain(&converted);
            return ParseOutput {
                review,
                indexed_text: Cow::Owned(converted),
                from_html: true,
                runner_ups,
            };
        }
    }
    let (review, runner_ups) = resolve::parse_plain(text);
    ParseOutput {
        review,
        indexed_text: Cow::Borrowed(text),
        from_html: false,
        runner_ups,
    }
}
