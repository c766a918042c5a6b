//! A film with its credits.

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ValidationError;

/// The years a film can have: the first films were shot in the late 1880s.
pub const YEAR_RANGE: RangeInclusive<i32> = 1870..=2100;

/// The row id of a film in the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FilmId(pub i64);

/// The row id of a person (director, writer, actor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub i64);

/// A film and everything the catalog knows about it, but its reviews and diary.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Film {
    /// `None` until the film is stored.
    pub id: Option<FilmId>,
    /// The title the person knows the film by.
    pub title: String,
    /// The title in the original language, when it differs.
    pub original_title: Option<String>,
    /// Other release titles (e.g. the Japanese title of a French film).
    pub alternative_titles: Vec<String>,
    /// The film's year, as the sources state it.
    pub year: Option<i32>,
    /// Length in whole minutes.
    pub runtime_min: Option<u32>,
    /// Spoken languages, e.g. `French`.
    pub languages: Vec<String>,
    /// Production countries.
    pub countries: Vec<String>,
    /// Genres, e.g. `Drama`.
    pub genres: Vec<String>,
    /// A release or opening date.
    pub release_date: Option<NaiveDate>,
    /// The person's own notes.
    pub notes: String,
    /// Directors, writers and cast, in credit order.
    pub credits: Vec<Credit>,
}

/// What a person did on a film.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Directed the film.
    Director,
    /// Wrote the screenplay.
    Writer,
    /// Acted in the film.
    Cast,
}

impl Role {
    /// The name stored in the database and shown in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Director => "director",
            Self::Writer => "writer",
            Self::Cast => "cast",
        }
    }

    /// The role named by [`Role::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "director" => Some(Self::Director),
            "writer" => Some(Self::Writer),
            "cast" => Some(Self::Cast),
            _ => None,
        }
    }
}

/// One person's credit on a film; the order of a film's credits is their order in [`Film::credits`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    /// The person's name as credited.
    pub name: String,
    /// Director, writer or cast.
    pub role: Role,
    /// The character played, for cast.
    #[serde(default)]
    pub character: Option<String>,
}

impl Credit {
    /// A credit for `name` in `role`, with no character.
    pub fn new(name: impl Into<String>, role: Role) -> Self {
        Self {
            name: name.into(),
            role,
            character: None,
        }
    }

    /// A cast credit playing `character`.
    pub fn cast(name: impl Into<String>, character: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            role: Role::Cast,
            character: Some(character.into()),
        }
    }
}

impl Film {
    /// A new, unsaved film with just a title.
    pub fn titled(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Self::default()
        }
    }

    /// Checks the film can be stored: a title, a plausible year, a positive runtime, named people.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.title.trim().is_empty() {
            return Err(ValidationError::EmptyTitle);
        }
        if let Some(year) = self.year {
            if !YEAR_RANGE.contains(&year) {
                return Err(ValidationError::YearOutOfRange(year));
            }
        }
        if self.runtime_min == Some(0) {
            return Err(ValidationError::ZeroRuntime);
        }
        if self.credits.iter().any(|c| c.name.trim().is_empty()) {
            return Err(ValidationError::EmptyPersonName);
        }
        super::refuse_nul(
            std::iter::once(self.title.as_str())
                .chain(self.credits.iter().map(|c| c.name.as_str())),
        )
    }

    /// The names credited in `role`, in order.
    pub fn people(&self, role: Role) -> impl Iterator<Item = &str> {
        self.credits
            .iter()
            .filter(move |c| c.role == role)
            .map(|c| c.name.as_str())
    }

    /// Fills this film's empty fields from `other` and adds the people `other` credits that this
    /// film lacks; nothing already set is overwritten. Returns whether anything changed.
    pub fn fill_blanks_from(&mut self, other: &Film) -> bool {
        let before = self.clone();
        fill(&mut self.original_title, &other.original_title);
        fill(&mut self.year, &other.year);
        fill(&mut self.runtime_min, &other.runtime_min);
        fill(&mut self.release_date, &other.release_date);
        for (mine, theirs) in [
            (&mut self.alternative_titles, &other.alternative_titles),
            (&mut self.languages, &other.languages),
            (&mut self.countries, &other.countries),
            (&mut self.genres, &other.genres),
        ] {
            for item in theirs {
                if !mine.iter().any(|m| m.eq_ignore_ascii_case(item)) && *item != self.title {
                    mine.push(item.clone());
                }
            }
        }
        for credit in &other.credits {
            let known = self
                .credits
                .iter()
                .any(|c| c.role == credit.role && c.name.eq_ignore_ascii_case(&credit.name));
            if !known {
                self.credits.push(credit.clone());
            }
        }
        *self != before
    }

    /// The directors joined with commas, for tables.
    pub fn directors_line(&self) -> String {
        self.people(Role::Director).collect::<Vec<_>>().join(", ")
    }
}

/// Sets `slot` from `value` when `slot` is empty.
fn fill<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_names_the_problem() {
        let mut film = Film::titled("  ");
        assert_eq!(film.validate(), Err(ValidationError::EmptyTitle));
        film.title = "Metropolis".into();
        film.year = Some(1869);
        assert_eq!(film.validate(), Err(ValidationError::YearOutOfRange(1869)));
        film.year = Some(1927);
        film.runtime_min = Some(0);
        assert_eq!(film.validate(), Err(ValidationError::ZeroRuntime));
        film.runtime_min = Some(153);
        film.credits.push(Credit::new(" ", Role::Director));
        assert_eq!(film.validate(), Err(ValidationError::EmptyPersonName));
        film.credits[0].name = "Fritz Lang".into();
        assert_eq!(film.validate(), Ok(()));
        assert_eq!(film.directors_line(), "Fritz Lang");
    }

    #[test]
    fn filling_blanks_never_overwrites() {
        let mut stored = Film::titled("Rust and Bone");
        stored.year = Some(2012);
        stored
            .credits
            .push(Credit::new("Jacques Audiard", Role::Director));
        let mut parsed = Film::titled("Rust and Bone");
        parsed.year = Some(2013);
        parsed.runtime_min = Some(122);
        parsed.alternative_titles = vec!["Kimi to Aruku Sekai".into()];
        parsed
            .credits
            .push(Credit::new("jacques audiard", Role::Director));
        parsed
            .credits
            .push(Credit::cast("Marion Cotillard", "Stéphanie"));
        assert!(stored.fill_blanks_from(&parsed));
        assert_eq!(stored.year, Some(2012));
        assert_eq!(stored.runtime_min, Some(122));
        assert_eq!(stored.alternative_titles, ["Kimi to Aruku Sekai"]);
        assert_eq!(stored.credits.len(), 2);
        assert!(!stored.fill_blanks_from(&parsed));
    }
}
