//! The query language of the catalog's search box and `films --search`: free words are found in
//! titles, people and reviews (as before); `field:value` terms filter.
//!
//! ```text
//! rust bone genre:drama year:1970..1979 decade:1990s country:japan language:french
//! director:kore-eda cast:cotillard runtime:<100 rating:>=4 tag:cinema list:"Top 100"
//! watched unwatched has:review has:poster -genre:horror "exact phrase"
//! ```
//!
//! A `-` before a term negates it; quotes make a phrase, or a value with spaces (a quote not
//! closed runs to the end of the text). A word with a
//! colon whose field is unknown ("Mission:") is free text, so titles with colons still work.
//! Parsing is pure: values are kept as typed, and the repository folds accents and case.

use std::ops::Range;

use super::YEAR_RANGE;

/// A parsed query: every term must hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// The terms, in the order typed.
    pub terms: Vec<Term>,
}

/// One term, maybe negated.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// True for `-term`: films the filter does not select.
    pub negated: bool,
    /// What the term selects.
    pub filter: Filter,
}

/// What a term selects.
#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    /// A word, found as a prefix of words in titles, people and reviews.
    Word(String),
    /// Words in this order, found together.
    Phrase(String),
    /// A genre, e.g. `drama`.
    Genre(String),
    /// A year or range of years.
    Year(Bounds),
    /// A production country.
    Country(String),
    /// A spoken language.
    Language(String),
    /// Part of a director's name.
    Director(String),
    /// Part of a cast member's name.
    Cast(String),
    /// The runtime in minutes.
    Runtime(Bounds),
    /// My rating in stars (0.5–5): the latest rated viewing, or the reviews' average.
    Rating(Bounds),
    /// A tag on any of the film's viewings.
    Tag(String),
    /// Membership of a list, by its name.
    List(String),
    /// Seen: a viewing in the diary or marked watched.
    Watched,
    /// Has a review (own or external) or a viewing with words.
    HasReview,
    /// Has a poster.
    HasPoster,
}

/// A range of numbers; each end is included unless `*_exclusive`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Bounds {
    /// The smallest value, if any.
    pub min: Option<f64>,
    /// The largest value, if any.
    pub max: Option<f64>,
    /// `min` itself is left out (`>`).
    pub min_exclusive: bool,
    /// `max` itself is left out (`<`).
    pub max_exclusive: bool,
}

/// Why a query cannot be read; each message is a sentence a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// `field:` with nothing after it.
    #[error("{field}: needs a value, e.g. {example}.")]
    EmptyValue {
        /// The field as typed.
        field: &'static str,
        /// How to write one.
        example: &'static str,
    },
    /// A value that is not what the field takes.
    #[error("\"{value}\" is not {what}; write e.g. {example}.")]
    BadValue {
        /// The value as typed.
        value: String,
        /// What the field takes, e.g. "a year or a range of years".
        what: &'static str,
        /// How to write one.
        example: &'static str,
    },
    /// `has:` with something other than review or poster.
    #[error("has:{0} is not known; use has:review or has:poster.")]
    UnknownHas(String),
}

/// The fields, as typed, with an example each.
const FIELDS: [(&str, &str); 12] = [
    ("genre", "genre:drama"),
    ("year", "year:1970..1979"),
    ("decade", "decade:1990s"),
    ("country", "country:japan"),
    ("language", "language:french"),
    ("director", "director:kore-eda"),
    ("cast", "cast:cotillard"),
    ("runtime", "runtime:<100"),
    ("rating", "rating:>=4"),
    ("tag", "tag:cinema"),
    ("list", "list:\"Top 100\""),
    ("has", "has:review"),
];

impl Query {
    /// Reads `text`; an empty text is the empty query (every film).
    pub fn parse(text: &str) -> Result<Self, QueryError> {
        Ok(Self {
            terms: Self::parse_spanned(text)?
                .into_iter()
                .map(|(_, term)| term)
                .collect(),
        })
    }

    /// Reads `text` as [`Self::parse`] does, giving each term with the bytes of `text` it was
    /// read from (so a term can be replaced in place, as the window's filter bar does).
    pub fn parse_spanned(text: &str) -> Result<Vec<(Range<usize>, Term)>, QueryError> {
        let mut terms = Vec::new();
        let mut rest = text.trim_start();
        while !rest.is_empty() {
            let start = text.len() - rest.len();
            let (term, after) = next_term(rest)?;
            terms.extend(term.map(|term| (start..text.len() - after.len(), term)));
            rest = after.trim_start();
        }
        Ok(terms)
    }

    /// True when every term is a plain word (no filter, phrase or negation): such a query is
    /// what the search box always took, and is searched as before.
    pub fn is_plain_words(&self) -> bool {
        self.terms
            .iter()
            .all(|t| !t.negated && matches!(t.filter, Filter::Word(_)))
    }
}

/// The first term of `text` (which starts with no space), if it holds one, and what follows it.
fn next_term(text: &str) -> Result<(Option<Term>, &str), QueryError> {
    let (negated, body) = match text.strip_prefix('-') {
        Some(body) if !body.is_empty() && !body.starts_with(char::is_whitespace) => (true, body),
        _ => (false, text),
    };
    if let Some(quoted) = body.strip_prefix('"') {
        let (phrase, after) = until_quote(quoted)?;
        let filter = (!phrase.trim().is_empty()).then(|| Filter::Phrase(phrase.trim().to_owned()));
        return Ok((filter.map(|filter| Term { negated, filter }), after));
    }
    let word_end = body.find(char::is_whitespace).unwrap_or(body.len());
    let word = &body[..word_end];
    if let Some((name, value_start)) = word.split_once(':') {
        let field = FIELDS
            .iter()
            .find(|(field, _)| field.eq_ignore_ascii_case(name));
        if let Some(&(field, example)) = field {
            let after_colon = &body[name.len() + 1..];
            let (value, after) = if let Some(quoted) = after_colon.strip_prefix('"') {
                until_quote(quoted)?
            } else {
                (value_start, &body[word_end..])
            };
            let value = value.trim();
            if value.is_empty() {
                return Err(QueryError::EmptyValue { field, example });
            }
            let filter = field_filter(field, example, value)?;
            return Ok((Some(Term { negated, filter }), after));
        }
    }
    let after = &body[word_end..];
    let filter = match word.to_ascii_lowercase().as_str() {
        "watched" => Some((negated, Filter::Watched)),
        "unwatched" => Some((!negated, Filter::Watched)),
        _ if word.chars().any(char::is_alphanumeric) => {
            Some((negated, Filter::Word(word.to_owned())))
        }
        _ => None,
    };
    Ok((
        filter.map(|(negated, filter)| Term { negated, filter }),
        after,
    ))
}

/// The text before the next `"` of `text`, and what follows that quote. A quote not closed
/// runs to the end, so a phrase being typed finds films at every keystroke.
fn until_quote(text: &str) -> Result<(&str, &str), QueryError> {
    Ok(match text.find('"') {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (text, ""),
    })
}

/// The filter `field:value` stands for.
fn field_filter(field: &str, example: &'static str, value: &str) -> Result<Filter, QueryError> {
    let text = || value.to_owned();
    Ok(match field {
        "genre" => Filter::Genre(text()),
        "country" => Filter::Country(text()),
        "language" => Filter::Language(text()),
        "director" => Filter::Director(text()),
        "cast" => Filter::Cast(text()),
        "tag" => Filter::Tag(text()),
        "list" => Filter::List(text()),
        "year" => {
            let bounds = bounds(value, "a year or a range of years", example)?;
            let in_range = |y: Option<f64>| {
                y.is_none_or(|y| y.fract() == 0.0 && YEAR_RANGE.contains(&(y as i32)))
            };
            if !in_range(bounds.min) || !in_range(bounds.max) {
                return Err(bad(value, "a film year (1870 to 2100)", example));
            }
            Filter::Year(bounds)
        }
        "decade" => Filter::Year(decade(value, example)?),
        "runtime" => Filter::Runtime(bounds(value, "a number of minutes", example)?),
        "rating" => {
            let bounds = bounds(value, "a rating of 0.5 to 5 stars", example)?;
            let in_scale = |r: Option<f64>| r.is_none_or(|r| (0.0..=5.0).contains(&r));
            if !in_scale(bounds.min) || !in_scale(bounds.max) {
                return Err(bad(value, "a rating of 0.5 to 5 stars", example));
            }
            Filter::Rating(bounds)
        }
        _ => match value.to_ascii_lowercase().as_str() {
            "review" | "reviews" => Filter::HasReview,
            "poster" | "posters" => Filter::HasPoster,
            _ => return Err(QueryError::UnknownHas(text())),
        },
    })
}

fn bad(value: &str, what: &'static str, example: &'static str) -> QueryError {
    QueryError::BadValue {
        value: value.to_owned(),
        what,
        example,
    }
}

/// Makes the bounds an operator stands for from its number.
type MakeBounds = fn(f64) -> Bounds;

/// `4`, `<100`, `<=100`, `>4`, `>=4`, `=4` or `1970..1979` (either end may be left out).
fn bounds(value: &str, what: &'static str, example: &'static str) -> Result<Bounds, QueryError> {
    let number = |text: &str| -> Result<f64, QueryError> {
        text.trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n >= 0.0)
            .ok_or_else(|| bad(value, what, example))
    };
    if let Some((from, to)) = value.split_once("..") {
        let min = (!from.trim().is_empty())
            .then(|| number(from))
            .transpose()?;
        let max = (!to.trim().is_empty()).then(|| number(to)).transpose()?;
        if min.is_none() && max.is_none() || min.zip(max).is_some_and(|(a, b)| a > b) {
            return Err(bad(value, what, example));
        }
        return Ok(Bounds {
            min,
            max,
            ..Bounds::default()
        });
    }
    let ops: [(&str, MakeBounds); 5] = [
        (">=", |n| Bounds {
            min: Some(n),
            ..Bounds::default()
        }),
        ("<=", |n| Bounds {
            max: Some(n),
            ..Bounds::default()
        }),
        (">", |n| Bounds {
            min: Some(n),
            min_exclusive: true,
            ..Bounds::default()
        }),
        ("<", |n| Bounds {
            max: Some(n),
            max_exclusive: true,
            ..Bounds::default()
        }),
        ("=", |n| Bounds {
            min: Some(n),
            max: Some(n),
            ..Bounds::default()
        }),
    ];
    for (op, make) in ops {
        if let Some(n) = value.strip_prefix(op) {
            return Ok(make(number(n)?));
        }
    }
    let n = number(value)?;
    Ok(Bounds {
        min: Some(n),
        max: Some(n),
        ..Bounds::default()
    })
}

/// `1990s`, `1990` or `90s` as the years 1990 to 1999.
fn decade(value: &str, example: &'static str) -> Result<Bounds, QueryError> {
    let what = "a decade";
    let digits = value.strip_suffix(['s', 'S']).unwrap_or(value);
    let year: i32 = digits
        .parse()
        .ok()
        .filter(|_| digits.len() == 2 || digits.len() == 4)
        .ok_or_else(|| bad(value, what, example))?;
    let year = match digits.len() {
        2 if year < 30 => 2000 + year,
        2 => 1900 + year,
        _ => year,
    };
    let start = year - year.rem_euclid(10);
    if !YEAR_RANGE.contains(&start) {
        return Err(bad(value, what, example));
    }
    Ok(Bounds {
        min: Some(f64::from(start)),
        max: Some(f64::from(start + 9)),
        ..Bounds::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filters(text: &str) -> Vec<(bool, Filter)> {
        Query::parse(text)
            .unwrap()
            .terms
            .into_iter()
            .map(|t| (t.negated, t.filter))
            .collect()
    }

    fn range(min: f64, max: f64) -> Bounds {
        Bounds {
            min: Some(min),
            max: Some(max),
            ..Bounds::default()
        }
    }

    #[test]
    fn words_fields_negation_and_quotes() {
        assert_eq!(
            filters(r#"Rust -bone genre:Drama -list:"Top 100" "the third man" unwatched"#),
            [
                (false, Filter::Word("Rust".into())),
                (true, Filter::Word("bone".into())),
                (false, Filter::Genre("Drama".into())),
                (true, Filter::List("Top 100".into())),
                (false, Filter::Phrase("the third man".into())),
                (true, Filter::Watched),
            ]
        );
        assert_eq!(
            filters("Mission: Impossible - x"),
            [
                (false, Filter::Word("Mission:".into())),
                (false, Filter::Word("Impossible".into())),
                (false, Filter::Word("x".into())),
            ]
        );
        assert_eq!(
            filters("genre:drama \"rust and"),
            [
                (false, Filter::Genre("drama".into())),
                (false, Filter::Phrase("rust and".into())),
            ],
            "a quote not closed runs to the end"
        );
        assert_eq!(
            filters("list:\"Top 1"),
            [(false, Filter::List("Top 1".into()))]
        );
        assert!(Query::parse("amélie poulain").unwrap().is_plain_words());
        assert!(!Query::parse("-amélie").unwrap().is_plain_words());
        assert_eq!(Query::parse("  ").unwrap(), Query::default());
    }

    #[test]
    fn each_term_comes_with_the_text_it_was_read_from() {
        let text = r#" rust  genre:"science fiction" -watched "#;
        let spans: Vec<&str> = Query::parse_spanned(text)
            .unwrap()
            .into_iter()
            .map(|(span, _)| &text[span])
            .collect();
        assert_eq!(spans, ["rust", r#"genre:"science fiction""#, "-watched"]);
    }

    #[test]
    fn numbers_ranges_and_decades() {
        assert_eq!(
            filters("year:1970..1979"),
            [(false, Filter::Year(range(1970.0, 1979.0)))]
        );
        assert_eq!(
            filters("decade:1990s"),
            [(false, Filter::Year(range(1990.0, 1999.0)))]
        );
        assert_eq!(
            filters("decade:70s"),
            [(false, Filter::Year(range(1970.0, 1979.0)))]
        );
        assert_eq!(
            filters("runtime:<100"),
            [(
                false,
                Filter::Runtime(Bounds {
                    max: Some(100.0),
                    max_exclusive: true,
                    ..Bounds::default()
                })
            )]
        );
        assert_eq!(
            filters("rating:>=3.5"),
            [(
                false,
                Filter::Rating(Bounds {
                    min: Some(3.5),
                    ..Bounds::default()
                })
            )]
        );
        assert_eq!(
            filters("year:2001"),
            [(false, Filter::Year(range(2001.0, 2001.0)))]
        );
    }

    #[test]
    fn bad_syntax_is_a_sentence() {
        let error = |text: &str| Query::parse(text).unwrap_err().to_string();
        assert_eq!(error("genre:"), "genre: needs a value, e.g. genre:drama.");
        assert_eq!(
            error("year:abc"),
            "\"abc\" is not a year or a range of years; write e.g. year:1970..1979."
        );
        assert!(error("year:1979..1970").contains("range of years"));
        assert!(error("rating:>=7").contains("0.5 to 5 stars"));
        assert!(error("decade:19xx").contains("a decade"));
        assert_eq!(
            error("has:trailer"),
            "has:trailer is not known; use has:review or has:poster."
        );
    }
}
