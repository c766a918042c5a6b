//! "Pick for me": one film chosen at random among those a query selects (from the whole
//! catalog, the watchlist or one list), weighted by watchlist priority. The same seed gives the
//! same pick for the same catalog: the generator is SplitMix64, written out here because its
//! output must never change with a dependency's version.

use std::collections::HashMap;

use serde::Serialize;

use super::film_refs::{summary_from_row, SUMMARY_COLUMNS};
use super::{Catalog, FilmQuery, Result, WatchlistSort};
use crate::model::{FilmId, FilmSummary, ListId};

/// Where a pick chooses from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PickFrom {
    /// Every film the query selects.
    #[default]
    Catalog,
    /// The films on the watchlist.
    Watchlist,
    /// The films on one list.
    List(ListId),
}

/// The film picked, and among how many.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pick {
    /// The film.
    pub film: FilmSummary,
    /// Its weight: its watchlist priority (1–5), or 1 off the watchlist.
    pub weight: u32,
    /// How many films it was chosen from.
    pub candidates: usize,
    /// The seed, to pick the same again.
    pub seed: u64,
}

impl Catalog {
    /// Picks one film among those `search` (the query language) selects in `from`, each as
    /// likely as its watchlist priority (1 off the watchlist). `None` when no film fits.
    pub fn pick(&self, search: &str, from: PickFrom, seed: u64) -> Result<Option<Pick>> {
        let query = FilmQuery {
            search: search.to_owned(),
            ..FilmQuery::default()
        };
        let mut films = self.film_ids(&query)?;
        // The same order whatever the search's ranking: by id.
        films.sort_unstable();
        let priorities: HashMap<FilmId, u8> = self
            .watchlist(WatchlistSort::Position)?
            .into_iter()
            .map(|row| (row.film.id, row.item.priority))
            .collect();
        match from {
            PickFrom::Catalog => {}
            PickFrom::Watchlist => films.retain(|f| priorities.contains_key(f)),
            PickFrom::List(list) => {
                let on_list: Vec<FilmId> = self
                    .list_entries(list)?
                    .into_iter()
                    .map(|e| e.entry.film)
                    .collect();
                films.retain(|f| on_list.contains(f));
            }
        }
        let weights: Vec<u32> = films
            .iter()
            .map(|f| priorities.get(f).map_or(1, |p| u32::from(*p).max(1)))
            .collect();
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        if total == 0 {
            return Ok(None);
        }
        let mut target = split_mix(seed) % total;
        let mut chosen = 0;
        for (index, weight) in weights.iter().enumerate() {
            if target < u64::from(*weight) {
                chosen = index;
                break;
            }
            target -= u64::from(*weight);
        }
        let film = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM films AS f WHERE f.id = ?1"
            ))?
            .query_row([films[chosen]], |row| summary_from_row(row, 0))?;
        Ok(Some(Pick {
            film,
            weight: weights[chosen],
            candidates: films.len(),
            seed,
        }))
    }
}

/// One step of SplitMix64 from `seed` (Steele, Lea and Flood, 2014).
fn split_mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_mix_is_the_published_sequence() {
        // The first output of SplitMix64 seeded with 0.
        assert_eq!(split_mix(0), 0xE220_A839_7B1D_CDAF);
    }
}
