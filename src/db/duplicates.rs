//! Likely duplicates: two stored films that are one film, from two imports or typed by hand.
//!
//! Two films are likely the same when they have the same external id once written alike
//! (`https://letterboxd.com/film/x/` and `letterboxd.com/someone/film/x`, `TT0047396` and
//! `tt0047396`), or the same folded title with years at most one apart and a director in common
//! or no director on one of them. A missing year, like a missing director, rules nothing out: a
//! film without a year pairs with every film of its title that the director rule lets through.
//! Each pair comes with its reason.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::film_refs::{summary_from_row, SUMMARY_COLUMNS};
use super::{Catalog, Result};
use crate::model::{FilmId, FilmSummary};

/// Two films that are likely one, the older first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// The film stored first (the one to keep, unless you choose otherwise).
    pub keep: FilmSummary,
    /// The other.
    pub other: FilmSummary,
    /// Why they look like one film, as a sentence.
    pub reason: String,
}

impl Catalog {
    /// Every pair of likely duplicates, by the first film's id.
    pub fn duplicates(&self) -> Result<Vec<Duplicate>> {
        let mut pairs: BTreeMap<(FilmId, FilmId), String> = BTreeMap::new();
        let mut by_id: HashMap<(String, String), BTreeSet<FilmId>> = HashMap::new();
        let mut select = self
            .conn
            .prepare("SELECT source, value, film_id FROM film_external_ids")?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let source: String = row.get(0)?;
            let value: String = row.get(1)?;
            let key = (source.to_lowercase(), same_id_key(&value));
            by_id.entry(key).or_default().insert(row.get(2)?);
        }
        for ((source, value), films) in &by_id {
            let films: Vec<FilmId> = films.iter().copied().collect();
            for (i, a) in films.iter().enumerate() {
                for b in &films[i + 1..] {
                    pairs
                        .entry((*a, *b))
                        .or_insert_with(|| format!("Both have the {source} id {value}."));
                }
            }
        }
        let mut summaries = HashMap::new();
        self.same_title_pairs(&mut pairs, &mut summaries)?;
        let mut out = Vec::with_capacity(pairs.len());
        for ((a, b), reason) in pairs {
            out.push(Duplicate {
                keep: self.summary(&mut summaries, a)?,
                other: self.summary(&mut summaries, b)?,
                reason,
            });
        }
        Ok(out)
    }

    /// What a row shows of film `id`, read once.
    pub(super) fn summary(
        &self,
        read: &mut HashMap<FilmId, FilmSummary>,
        id: FilmId,
    ) -> Result<FilmSummary> {
        if let Some(summary) = read.get(&id) {
            return Ok(summary.clone());
        }
        let summary = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM films AS f WHERE f.id = ?1"
            ))?
            .query_row([id], |row| summary_from_row(row, 0))?;
        read.insert(id, summary.clone());
        Ok(summary)
    }
}

/// An external id written the way every spelling of it is: lower case, no scheme, `www.` or
/// trailing `/`, and a Letterboxd film page without the member's name in front.
fn same_id_key(value: &str) -> String {
    let lower = value.trim().to_lowercase();
    let bare = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let bare = bare
        .strip_prefix("www.")
        .unwrap_or(bare)
        .trim_end_matches('/');
    if let Some(path) = bare.strip_prefix("letterboxd.com/") {
        if let Some((_, slug)) = path
            .split_once("/film/")
            .filter(|_| !path.starts_with("film/"))
        {
            return format!("letterboxd.com/film/{slug}");
        }
    }
    bare.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_id_in_its_spellings_is_one_key() {
        let key = same_id_key("https://letterboxd.com/film/rear-window/");
        assert_eq!(key, "letterboxd.com/film/rear-window");
        assert_eq!(
            same_id_key("http://www.letterboxd.com/mia/film/rear-window"),
            key
        );
        assert_eq!(same_id_key("TT0047396"), same_id_key("tt0047396"));
        assert_ne!(same_id_key("https://boxd.it/2bg8"), key);
    }
}
