//! The filter bar's fields as terms of the query language: which term of the search text each
//! field shows, and the text with that term replaced. Pure text work over
//! [`Query::parse_spanned`], so what the bar shows is always what the box holds and runs.

use std::ops::Range;

use crate::model::{Filter, Query, Term};

/// A field of the filter bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarField {
    /// `genre:`
    Genre,
    /// `decade:` (or a `year:` range)
    Decade,
    /// `country:`
    Country,
    /// `language:`
    Language,
    /// `director:`
    Director,
    /// `cast:`
    Cast,
    /// `runtime:`
    Runtime,
    /// `rating:` (my rating)
    Rating,
    /// `tag:`
    Tag,
    /// `list:`
    List,
    /// `watched` or `unwatched`
    Seen,
    /// `has:review`
    HasReview,
    /// `has:poster`
    HasPoster,
}

impl BarField {
    /// The fields typed as free text, with their labels and hints.
    pub const TYPED: [(BarField, &'static str, &'static str); 6] = [
        (BarField::Genre, "Genre", "drama"),
        (BarField::Country, "Country", "japan"),
        (BarField::Language, "Language", "french"),
        (BarField::Director, "Director", "kore-eda"),
        (BarField::Cast, "Cast", "cotillard"),
        (BarField::Tag, "Tag", "cinema"),
    ];

    /// The field's name in the query language, for fields that write `name:value`.
    fn key(self) -> &'static str {
        match self {
            Self::Genre => "genre",
            Self::Decade => "decade",
            Self::Country => "country",
            Self::Language => "language",
            Self::Director => "director",
            Self::Cast => "cast",
            Self::Runtime => "runtime",
            Self::Rating => "rating",
            Self::Tag => "tag",
            Self::List => "list",
            Self::Seen => "watched",
            Self::HasReview | Self::HasPoster => "has",
        }
    }

    /// Whether `term` is one this field shows. Negated terms are left to the box, except
    /// `unwatched` (which is `-watched`).
    fn shows(self, term: &Term) -> bool {
        if term.negated && self != Self::Seen {
            return false;
        }
        matches!(
            (self, &term.filter),
            (Self::Genre, Filter::Genre(_))
                | (Self::Decade, Filter::Year(_))
                | (Self::Country, Filter::Country(_))
                | (Self::Language, Filter::Language(_))
                | (Self::Director, Filter::Director(_))
                | (Self::Cast, Filter::Cast(_))
                | (Self::Runtime, Filter::Runtime(_))
                | (Self::Rating, Filter::Rating(_))
                | (Self::Tag, Filter::Tag(_))
                | (Self::List, Filter::List(_))
                | (Self::Seen, Filter::Watched)
                | (Self::HasReview, Filter::HasReview)
                | (Self::HasPoster, Filter::HasPoster)
        )
    }

    /// The term for a typed `value` (`genre:drama`, `list:"Top 100"`); `None` for an empty one.
    pub fn term_for(self, value: &str) -> Option<String> {
        let value = value.trim().replace('"', "");
        if value.is_empty() {
            return None;
        }
        let key = self.key();
        Some(if value.contains(char::is_whitespace) {
            format!("{key}:\"{value}\"")
        } else {
            format!("{key}:{value}")
        })
    }
}

/// The search text parsed, with each term's place in it; `None` when it does not parse.
pub struct ParsedText<'t> {
    text: &'t str,
    terms: Vec<(Range<usize>, Term)>,
}

impl<'t> ParsedText<'t> {
    /// Reads `text`; the error is the sentence the box shows under it.
    pub fn parse(text: &'t str) -> Result<Self, String> {
        Query::parse_spanned(text)
            .map(|terms| Self { text, terms })
            .map_err(|e| e.to_string())
    }

    /// The first term `field` shows: its place and its filter.
    fn find(&self, field: BarField) -> Option<&(Range<usize>, Term)> {
        self.terms.iter().find(|(_, term)| field.shows(term))
    }

    /// The filter of the term `field` shows, negated or not.
    pub fn term(&self, field: BarField) -> Option<&Term> {
        self.find(field).map(|(_, term)| term)
    }

    /// The term `field` shows as typed, e.g. `decade:1990s`.
    pub fn typed(&self, field: BarField) -> Option<&'t str> {
        self.find(field).map(|(span, _)| &self.text[span.clone()])
    }

    /// The value of the term `field` shows, as typed, without its quotes: `Top 100`.
    pub fn value(&self, field: BarField) -> Option<String> {
        let typed = self.typed(field)?;
        let value = typed.split_once(':').map_or(typed, |(_, value)| value);
        Some(value.replace('"', ""))
    }

    /// The text with the term `field` shows replaced by `term`, removed (`None`), or `term`
    /// added at the end when the text has none.
    pub fn with(&self, field: BarField, term: Option<&str>) -> String {
        match (self.find(field), term) {
            (Some((span, _)), Some(term)) => {
                format!(
                    "{}{term}{}",
                    &self.text[..span.start],
                    &self.text[span.end..]
                )
            }
            (Some((span, _)), None) => {
                let before = self.text[..span.start].trim_end();
                let after = self.text[span.end..].trim_start();
                match (before.is_empty(), after.is_empty()) {
                    (false, false) => format!("{before} {after}"),
                    _ => format!("{before}{after}"),
                }
            }
            (None, Some(term)) => match self.text.trim_end() {
                "" => term.to_owned(),
                text => format!("{text} {term}"),
            },
            (None, None) => self.text.to_owned(),
        }
    }
}

/// The filter a term's text stands for, if it parses as one term.
pub fn filter_of(term: &str) -> Option<Term> {
    Query::parse(term).ok()?.terms.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(text: &str, field: BarField, term: Option<&str>) -> String {
        ParsedText::parse(text).unwrap().with(field, term)
    }

    #[test]
    fn a_field_shows_its_term_and_replaces_it_in_place() {
        let text = r#"rust decade:1990s list:"Top 100" -genre:horror unwatched"#;
        let parsed = ParsedText::parse(text).unwrap();
        assert_eq!(parsed.typed(BarField::Decade), Some("decade:1990s"));
        assert_eq!(parsed.value(BarField::List).as_deref(), Some("Top 100"));
        assert_eq!(
            parsed.value(BarField::Genre),
            None,
            "negated terms stay the box's"
        );
        assert!(parsed.term(BarField::Seen).is_some_and(|t| t.negated));
        assert_eq!(
            with(text, BarField::Decade, Some("decade:1970s")),
            r#"rust decade:1970s list:"Top 100" -genre:horror unwatched"#
        );
        assert_eq!(
            with(text, BarField::List, None),
            "rust decade:1990s -genre:horror unwatched"
        );
        assert_eq!(
            with(text, BarField::Genre, Some("genre:drama")),
            format!("{text} genre:drama")
        );
        assert_eq!(
            with("", BarField::HasPoster, Some("has:poster")),
            "has:poster"
        );
        assert_eq!(with("year:1994 ", BarField::Decade, None), "");
    }

    #[test]
    fn typed_values_become_terms() {
        assert_eq!(
            BarField::Genre.term_for(" science fiction ").as_deref(),
            Some("genre:\"science fiction\"")
        );
        assert_eq!(
            BarField::Director.term_for("kore-eda").as_deref(),
            Some("director:kore-eda")
        );
        assert_eq!(BarField::Cast.term_for("  "), None);
        assert_eq!(
            filter_of("decade:1990s").map(|t| t.filter),
            filter_of("year:1990..1999").map(|t| t.filter)
        );
    }

    #[test]
    fn bad_syntax_is_the_sentence_under_the_box() {
        let error = ParsedText::parse("genre:").err().unwrap();
        assert_eq!(error, "genre: needs a value, e.g. genre:drama.");
    }
}
