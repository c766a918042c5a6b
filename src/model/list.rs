//! Lists a person keeps ("Top 100", "Christmas films"): a name, a description, ranked or not,
//! and films in an order, each with an optional note.

use serde::{Deserialize, Serialize};

use super::{FilmId, ValidationError};

/// The row id of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ListId(pub i64);

/// A list of films.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct List {
    /// `None` until stored.
    pub id: Option<ListId>,
    /// Its name, unique in the catalog (ignoring case).
    pub name: String,
    /// What the list is about.
    pub description: String,
    /// Whether the order is a ranking (shown numbered) rather than just an order.
    pub ranked: bool,
}

impl List {
    /// A new, unsaved, unranked list with just a name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// Checks the list can be stored: a name without the NUL character.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.name.trim().is_empty() {
            return Err(ValidationError::EmptyListName);
        }
        super::refuse_nul([self.name.as_str(), self.description.as_str()])
    }
}

/// A film's place in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListEntry {
    /// The film.
    pub film: FilmId,
    /// Its place, 0 first; places are dense (0, 1, 2, …).
    pub position: u32,
    /// A note on why it is there.
    pub note: String,
}

/// How much of a list has been seen: `seen` of `total` films.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListProgress {
    /// Films with a viewing in the diary or marked watched.
    pub seen: u32,
    /// Films on the list.
    pub total: u32,
}

impl std::fmt::Display for ListProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} of {} seen", self.seen, self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_needs_a_name_and_progress_reads_as_words() {
        assert_eq!(
            List::named("  ").validate(),
            Err(ValidationError::EmptyListName)
        );
        assert!(List::named("Top 100").validate().is_ok());
        assert_eq!(
            List::named("a\0b").validate(),
            Err(ValidationError::NulCharacter)
        );
        let progress = ListProgress {
            seen: 37,
            total: 100,
        };
        assert_eq!(progress.to_string(), "37 of 100 seen");
    }
}
