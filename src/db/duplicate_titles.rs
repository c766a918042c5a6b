//! The title half of [`Catalog::duplicates`]: films with the same folded title, years at most one
//! apart, and a director in common or none named on one of them. A film without a year is
//! unknown there, as one without a director is: its year rules nothing out, so it pairs with every
//! film of its title (and the director rule still applies), as the import's title fallback lets a
//! stored film without a year fit any year (`same_film.rs`).
//!
//! It scales with the films, not with the pairs that share a title: the keys are read once with
//! each film's year, and within one key, sorted by year, a film is compared only with the
//! neighbours whose year is at most one later; the ones without a year, with all the others.
//! Directors are then read for the films of those candidate pairs only.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Catalog, Result};
use crate::model::{text_keys, FilmId, FilmSummary, PersonId};

/// Two films (the smaller id first) and the index of the first title key they share.
type Candidate = ((FilmId, FilmId), usize);

/// Films of one title key: their year and id.
type KeyGroup = Vec<(Option<i32>, FilmId)>;

impl Catalog {
    /// Adds to `pairs` the films that share a title and look like one film, with their reason,
    /// unless the pair is there already; `summaries` keeps the films read on the way.
    pub(super) fn same_title_pairs(
        &self,
        pairs: &mut BTreeMap<(FilmId, FilmId), String>,
        summaries: &mut HashMap<FilmId, FilmSummary>,
    ) -> Result<()> {
        let (keys, candidates) = self.title_candidates()?;
        let films: HashSet<FilmId> = candidates.iter().flat_map(|((a, b), _)| [*a, *b]).collect();
        let directors = self.directors_of(&films)?;
        let mut names = HashMap::new();
        let none = Vec::new();
        for ((a, b), key) in candidates {
            if pairs.contains_key(&(a, b)) {
                continue;
            }
            let (of_a, of_b) = (
                directors.get(&a).unwrap_or(&none),
                directors.get(&b).unwrap_or(&none),
            );
            let mut shared = None::<String>;
            for person in of_a.iter().filter(|p| of_b.contains(p)) {
                let name = self.person_name(&mut names, *person)?;
                if shared.as_ref().is_none_or(|s| name < *s) {
                    shared = Some(name);
                }
            }
            let directed = (!of_a.is_empty(), !of_b.is_empty());
            if shared.is_none() && directed == (true, true) {
                continue;
            }
            let first = self.summary(summaries, a)?;
            let second = self.summary(summaries, b)?;
            let reason = title_reason(&first, &second, &keys[key], shared, directed);
            pairs.insert((a, b), reason);
        }
        Ok(())
    }

    /// The title keys that two or more films share with a year within one (or one without a
    /// year), in key order, and those pairs, each once, with the first such key; sorted by pair.
    fn title_candidates(&self) -> Result<(Vec<String>, Vec<Candidate>)> {
        let mut select = self.conn.prepare(
            "SELECT k.key, f.year, k.film_id
             FROM title_keys AS k JOIN films AS f ON f.id = k.film_id ORDER BY k.key",
        )?;
        let mut rows = select.query([])?;
        let (mut keys, mut found) = (Vec::new(), Vec::new());
        let (mut current, mut group) = (String::new(), KeyGroup::new());
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            if key != current {
                close_group(&mut group, &mut current, key, &mut keys, &mut found);
            }
            group.push((row.get(1)?, row.get(2)?));
        }
        close_group(
            &mut group,
            &mut current,
            String::new(),
            &mut keys,
            &mut found,
        );
        // Keys were numbered in order, so the first of equal pairs has the first key.
        found.sort_unstable();
        found.dedup_by_key(|(pair, _)| *pair);
        Ok((keys, found))
    }

    /// The directors of each of `films` that names any.
    fn directors_of(&self, films: &HashSet<FilmId>) -> Result<HashMap<FilmId, Vec<PersonId>>> {
        let mut directors: HashMap<FilmId, Vec<PersonId>> = HashMap::new();
        if films.is_empty() {
            return Ok(directors);
        }
        let mut select = self
            .conn
            .prepare("SELECT film_id, person_id FROM credits WHERE role = 'director'")?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let film: FilmId = row.get(0)?;
            if films.contains(&film) {
                directors.entry(film).or_default().push(row.get(1)?);
            }
        }
        Ok(directors)
    }

    /// The name of `person`, read once.
    fn person_name(
        &self,
        read: &mut HashMap<PersonId, String>,
        person: PersonId,
    ) -> Result<String> {
        if let Some(name) = read.get(&person) {
            return Ok(name.clone());
        }
        let name: String = self
            .conn
            .prepare_cached("SELECT name FROM people WHERE id = ?1")?
            .query_row([person], |row| row.get(0))?;
        read.insert(person, name.clone());
        Ok(name)
    }
}

/// Ends the group of films of `current` (adding its near pairs to `found` and the key to `keys`
/// if it has any) and starts the group of `next`.
fn close_group(
    group: &mut KeyGroup,
    current: &mut String,
    next: String,
    keys: &mut Vec<String>,
    found: &mut Vec<Candidate>,
) {
    let before = found.len();
    near_pairs(group, keys.len(), found);
    if found.len() > before {
        keys.push(std::mem::replace(current, next));
    } else {
        *current = next;
    }
    group.clear();
}

/// Adds to `found`, under `key`, each pair of `group` whose years are at most one apart or
/// not both known: a film with a year is compared only with the later neighbours within a
/// year, one without a year with every film after it (the others without, then all with one).
fn near_pairs(group: &mut KeyGroup, key: usize, found: &mut Vec<Candidate>) {
    group.sort_unstable();
    let pair = |a: FilmId, b: FilmId| ((a.min(b), a.max(b)), key);
    let unknown = group.partition_point(|(year, _)| year.is_none());
    for (i, (_, a)) in group[..unknown].iter().enumerate() {
        found.extend(group[i + 1..].iter().map(|(_, b)| pair(*a, *b)));
    }
    let with_year = &group[unknown..];
    for (i, (year, a)) in with_year.iter().enumerate() {
        let later = with_year[i + 1..]
            .iter()
            .take_while(|(other, _)| other.zip(*year).is_some_and(|(y, x)| y - x <= 1));
        found.extend(later.map(|(_, b)| pair(*a, *b)));
    }
}

/// Why `first` and `second`, which share the folded title `key`, look like one film.
fn title_reason(
    first: &FilmSummary,
    second: &FilmSummary,
    key: &str,
    shared_director: Option<String>,
    directed: (bool, bool),
) -> String {
    let (a, b) = (&first.title, &second.title);
    let title = if text_keys::fold(a) == key && text_keys::fold(b) == key {
        format!("Both are titled \"{a}\"")
    } else {
        format!("\"{a}\" and \"{b}\" share the title \"{key}\"")
    };
    let year = match (first.year, second.year) {
        (Some(x), Some(y)) if x == y => format!("from {x}"),
        (Some(x), Some(y)) => format!("from {x} and {y}"),
        (Some(x), None) | (None, Some(x)) => format!("one from {x} and one without a year"),
        (None, None) => "neither with a year".to_owned(),
    };
    match (shared_director, directed) {
        (Some(name), _) => format!("{title}, {year}, directed by {name}."),
        (None, (false, false)) => format!("{title}, {year}, and neither names a director."),
        (None, _) => format!("{title}, {year}, and one names no director."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn films_within_a_year_are_paired_and_one_without_a_year_with_all() {
        let id = FilmId;
        let mut group = vec![
            (Some(1990), id(1)),
            (None, id(2)),
            (Some(1991), id(3)),
            (Some(1993), id(4)),
            (None, id(5)),
            (Some(1990), id(6)),
            (Some(1994), id(7)),
        ];
        let mut found = Vec::new();
        near_pairs(&mut group, 3, &mut found);
        found.sort_unstable();
        let pairs: Vec<(i64, i64)> = found.iter().map(|((a, b), _)| (a.0, b.0)).collect();
        let without_year = [(1, 2), (2, 3), (2, 4), (2, 5), (2, 6), (2, 7)];
        let with_five = [(1, 5), (3, 5), (4, 5), (5, 6), (5, 7)];
        let mut expected = vec![(1, 3), (1, 6), (3, 6), (4, 7)];
        expected.extend(without_year.into_iter().chain(with_five));
        expected.sort_unstable();
        assert_eq!(pairs, expected);
        assert!(found.iter().all(|(_, key)| *key == 3));
    }
}
