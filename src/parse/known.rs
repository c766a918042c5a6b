//! The catalog as the parser's memory: the titles, alternative titles and people a catalog already
//! holds, found in a paste with Aho-Corasick automata, so matching stays linear in the text however
//! many films are stored. Built once from plain values ([`KnownFilm`]); the parser does no I/O.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::FilmId;

/// One stored film, as [`Known`] is built from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KnownFilm {
    /// Its id in the catalog, when stored.
    pub id: Option<FilmId>,
    /// Its title.
    pub title: String,
    /// Its original title and alternative titles.
    pub other_titles: Vec<String>,
    /// Its year.
    pub year: Option<i32>,
    /// Its directors.
    pub directors: Vec<String>,
    /// Its cast.
    pub cast: Vec<String>,
}

/// A stored film's facts inside [`Known`]; people are indexes into [`Known::person`].
#[derive(Clone, Debug, PartialEq)]
pub struct FilmFacts {
    /// Its id in the catalog, when stored.
    pub id: Option<FilmId>,
    /// Its title.
    pub title: String,
    /// Its year.
    pub year: Option<i32>,
    /// Its directors.
    pub directors: Vec<usize>,
    /// Its cast.
    pub cast: Vec<usize>,
}

/// A stored person inside [`Known`].
#[derive(Clone, Debug, PartialEq)]
pub struct KnownPerson {
    /// The name as stored.
    pub name: String,
    /// True when the catalog credits them as a director of some film.
    pub directs: bool,
}

/// A stored title found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct TitleHit {
    /// The films with this title (remakes share one), indexes for [`Known::film`].
    pub films: Vec<usize>,
    /// Where it stands in the text.
    pub span: Range<usize>,
    /// True when the title is one word: too common in prose to fill a field alone.
    pub one_word: bool,
}

/// A stored person's name found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct NameHit {
    /// The person, an index for [`Known::person`].
    pub person: usize,
    /// Where the name stands in the text.
    pub span: Range<usize>,
}

/// Titles and people a catalog holds, ready to be found in pastes.
#[derive(Clone, Debug, Default)]
pub struct Known {
    films: Vec<FilmFacts>,
    people: Vec<KnownPerson>,
    titles: Option<AhoCorasick>,
    /// Per title pattern: the films bearing it.
    title_films: Vec<Vec<usize>>,
    names: Option<AhoCorasick>,
    /// Per name pattern: the person.
    name_people: Vec<usize>,
}

/// Titles shorter than this (in bytes) are not looked for: `Up`, `M` and `It` are everywhere.
const MIN_TITLE_BYTES: usize = 4;

impl Known {
    /// Builds the automata over every title and every two-word (or longer) name of `films`.
    pub fn new(films: impl IntoIterator<Item = KnownFilm>) -> Self {
        let mut known = Self::default();
        let mut title_index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut person_index: HashMap<String, usize> = HashMap::new();
        for film in films {
            let film_id = known.films.len();
            for title in std::iter::once(&film.title).chain(&film.other_titles) {
                let title = title.trim();
                if title.len() < MIN_TITLE_BYTES {
                    continue;
                }
                let slot = *title_index.entry(title.to_lowercase()).or_insert_with(|| {
                    patterns.push(title.to_owned());
                    known.title_films.push(Vec::new());
                    patterns.len() - 1
                });
                if known.title_films[slot].last() != Some(&film_id) {
                    known.title_films[slot].push(film_id);
                }
            }
            let mut person = |name: &str, directs: bool| {
                let name = name.trim();
                let id = *person_index.entry(name.to_owned()).or_insert_with(|| {
                    known.people.push(KnownPerson {
                        name: name.to_owned(),
                        directs: false,
                    });
                    known.people.len() - 1
                });
                known.people[id].directs |= directs;
                id
            };
            let directors = film.directors.iter().map(|n| person(n, true)).collect();
            let cast = film.cast.iter().map(|n| person(n, false)).collect();
            known.films.push(FilmFacts {
                id: film.id,
                title: film.title,
                year: film.year,
                directors,
                cast,
            });
        }
        known.titles = automaton(&patterns);
        let (names, name_people): (Vec<&str>, Vec<usize>) = known
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.name.split_whitespace().nth(1).is_some())
            .map(|(i, p)| (p.name.as_str(), i))
            .unzip();
        let names = automaton(&names);
        known.name_people = name_people;
        known.names = names;
        known
    }

    /// How many films it knows.
    pub fn film_count(&self) -> usize {
        self.films.len()
    }

    /// True when it knows no film.
    pub fn is_empty(&self) -> bool {
        self.films.is_empty()
    }

    /// The facts of film `index` (from a [`TitleHit`]).
    pub fn film(&self, index: usize) -> Option<&FilmFacts> {
        self.films.get(index)
    }

    /// The person `index` (from a [`NameHit`] or [`FilmFacts`]).
    pub fn person(&self, index: usize) -> Option<&KnownPerson> {
        self.people.get(index)
    }

    /// Stored titles found in `text`, whole words only and starting with a capital or a digit, in
    /// text order; one pass over the text.
    pub fn find_titles(&self, text: &str) -> Vec<TitleHit> {
        let Some(automaton) = &self.titles else {
            return Vec::new();
        };
        automaton
            .find_iter(text)
            .filter(|m| is_word_at(text, m.range()))
            .filter_map(|m| {
                let films = self.title_films.get(m.pattern().as_usize())?.clone();
                let one_word = !text[m.range()].contains(char::is_whitespace);
                Some(TitleHit {
                    films,
                    span: m.range(),
                    one_word,
                })
            })
            .collect()
    }

    /// Stored people named in `text` (two words or more, capitalised), in text order.
    pub fn find_names(&self, text: &str) -> Vec<NameHit> {
        let Some(automaton) = &self.names else {
            return Vec::new();
        };
        automaton
            .find_iter(text)
            .filter(|m| is_word_at(text, m.range()))
            .filter_map(|m| {
                Some(NameHit {
                    person: *self.name_people.get(m.pattern().as_usize())?,
                    span: m.range(),
                })
            })
            .collect()
    }
}

/// A leftmost-longest, ASCII-case-insensitive automaton; `None` for no patterns or when the
/// patterns cannot be compiled (then nothing is found, which is never wrong).
fn automaton<P: AsRef<[u8]>>(patterns: &[P]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(patterns)
        .ok()
}

/// True when `range` of `text` is whole words that start with a capital letter or a digit.
fn is_word_at(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let first = text[range.clone()].chars().next();
    !before.is_some_and(char::is_alphanumeric)
        && !after.is_some_and(char::is_alphanumeric)
        && first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        Known::new([
            KnownFilm {
                id: None,
                title: "Salt Harbour".into(),
                other_titles: vec!["Port de Sel".into()],
                year: Some(2023),
                directors: vec!["Ines Calloway".into()],
                cast: vec!["Tomas Reyne".into(), "Ada".into()],
            },
            KnownFilm {
                title: "Up".into(),
                ..KnownFilm::default()
            },
        ])
    }

    #[test]
    fn titles_and_names_are_found_as_capitalised_whole_words() {
        let known = known();
        let text = "Ines Calloway returns with SALT HARBOUR. In Port de Sel, salt harbours \
                    nothing; Tomas Reyneson is not Tomas Reyne. Look up.";
        let titles = known.find_titles(text);
        let spans: Vec<&str> = titles.iter().map(|h| &text[h.span.clone()]).collect();
        assert_eq!(spans, ["SALT HARBOUR", "Port de Sel"]);
        assert!(titles.iter().all(|h| h.films == [0] && !h.one_word));
        let names: Vec<&str> = known
            .find_names(text)
            .iter()
            .map(|h| &text[h.span.clone()])
            .collect();
        assert_eq!(names, ["Ines Calloway", "Tomas Reyne"]);
        let first = known.film(0).unwrap();
        assert!(known.person(first.directors[0]).unwrap().directs);
        assert!(!known.person(first.cast[0]).unwrap().directs);
    }

    #[test]
    fn an_empty_catalog_finds_nothing() {
        let known = Known::new(Vec::new());
        assert!(known.is_empty());
        assert!(known.find_titles("Salt Harbour").is_empty());
        assert!(known.find_names("Ines Calloway").is_empty());
    }
}
