//! "Same film?": the three rules that decide whether a film described elsewhere is one the
//! catalog holds, side by side. They differ because what each caller knows, and who decides,
//! differs:
//!
//! - **A pasted review** ([`Catalog::find_matches`]) brings a title, often a year and directors,
//!   all read by the parser from prose and possibly a little off. A stored film fits when any of
//!   its titles folds to any of the paste's, its year is within one of the paste's (a festival
//!   year against a release year), and, when both name directors, they share one. Every fit is
//!   offered with its reasons; the person picks (several fits are never resolved for them).
//! - **A typed title** ([`Catalog::films_titled`]) is what a person types to name a film for the
//!   diary, the watchlist or a list: one title and maybe a year, nothing else, and meant exactly.
//!   The folded title must be one of the film's titles; with a year, films of that year are kept
//!   and films of another year are left out (the person said which), films without a year are
//!   kept when none has it. Several left is an ambiguity the caller words as a sentence.
//! - **An import** ([`film_for_import`]) reads another service's export, which names films by ids
//!   and has no one to ask. An external id decides alone; else the folded title and year (a
//!   stored film without a year fits any), but never a film holding an id of the same service
//!   and kind with another value ([`ExternalId::conflicts_with`]: two Letterboxd URIs are two
//!   films, whatever their titles); else a film of an older export whose year Letterboxd has since
//!   corrected by at most 2 and whose Letterboxd id is of the other kind only. The first fit wins.

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension, Transaction};

use super::batch::LETTERBOXD_SOURCE;
use super::film_refs::{summary_from_row, FilmSummary, SUMMARY_COLUMNS};
use super::{films, text_keys, Catalog, ExternalId, FilmMatch, IncomingFilm, Result};
use crate::model::{Film, FilmId, Role};

impl Catalog {
    /// Stored films that `film` may be: same title (any of its titles, folded), and no conflicting
    /// year or directors where both sides state them.
    pub fn find_matches(&self, film: &Film) -> Result<Vec<FilmMatch>> {
        let keys: BTreeSet<String> = std::iter::once(&film.title)
            .chain(film.original_title.as_ref())
            .chain(&film.alternative_titles)
            .map(|t| text_keys::fold(t))
            .filter(|k| !k.is_empty())
            .collect();
        let mut ids = BTreeSet::new();
        let mut select = self
            .conn
            .prepare_cached("SELECT film_id FROM title_keys WHERE key = ?1")?;
        for key in &keys {
            for id in select.query_map([key], |r| r.get::<_, FilmId>(0))? {
                ids.insert(id?);
            }
        }
        let wanted_directors: BTreeSet<String> =
            film.people(Role::Director).map(text_keys::fold).collect();
        let mut matches = Vec::new();
        for id in ids {
            let Some(stored) = self.film(id)? else {
                continue;
            };
            if let (Some(a), Some(b)) = (stored.year, film.year) {
                if a.abs_diff(b) > 1 {
                    continue;
                }
            }
            let stored_directors: BTreeSet<String> =
                stored.people(Role::Director).map(text_keys::fold).collect();
            let both_name_directors = !wanted_directors.is_empty() && !stored_directors.is_empty();
            if both_name_directors && wanted_directors.is_disjoint(&stored_directors) {
                continue;
            }
            let same_year = stored.year.is_some() && stored.year == film.year;
            matches.push(FilmMatch {
                id,
                title: stored.title.clone(),
                year: stored.year,
                directors: stored.directors_line(),
                reasons: reasons(same_year, both_name_directors),
            });
        }
        Ok(matches)
    }

    /// Stored films whose title (or original or alternative title) is `title`, ignoring case,
    /// accents and punctuation. With a `year`, films of that year are preferred; films of
    /// another year are left out, films without a year are kept when none has that year.
    pub fn films_titled(&self, title: &str, year: Option<i32>) -> Result<Vec<FilmMatch>> {
        let key = text_keys::fold(title);
        let mut select = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM films AS f
             WHERE f.id IN (SELECT film_id FROM title_keys WHERE key = ?1)
             ORDER BY f.year, f.id"
        ))?;
        let found = select
            .query_map([key], |row| summary_from_row(row, 0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let same_year = |f: &FilmSummary| year.is_none() || f.year == year;
        let keep: Vec<FilmSummary> = if found.iter().any(same_year) {
            found.into_iter().filter(same_year).collect()
        } else {
            found.into_iter().filter(|f| f.year.is_none()).collect()
        };
        Ok(keep
            .into_iter()
            .map(|f| FilmMatch {
                id: f.id,
                title: f.title,
                year: f.year,
                directors: f.directors.join(", "),
                reasons: reasons(year.is_some() && f.year == year, false),
            })
            .collect())
    }
}

/// What `sql` (a look-up by source and value) finds for the first of `ids` it knows; an
/// import asks it which stored film, and which stored viewing, holds an id first.
pub(super) fn first_known<T: rusqlite::types::FromSql>(
    tx: &Transaction,
    sql: &str,
    ids: &[ExternalId],
) -> Result<Option<T>> {
    let mut select = tx.prepare_cached(sql)?;
    for external in ids {
        let found = select
            .query_row(params![external.source, external.value], |r| r.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// A stored film with one of `incoming`'s external ids, else the first with its title and
/// year that holds no id conflicting with `incoming`'s (see [`ExternalId::conflicts_with`]).
pub(super) fn film_for_import(tx: &Transaction, incoming: &IncomingFilm) -> Result<Option<FilmId>> {
    let sql = "SELECT film_id FROM film_external_ids WHERE source = ?1 AND value = ?2";
    if let Some(id) = first_known(tx, sql, &incoming.external_ids)? {
        return Ok(Some(id));
    }
    let key = text_keys::fold(&incoming.film.title);
    let candidates: Vec<FilmId> = tx
        .prepare_cached(
            "SELECT f.id FROM title_keys AS k JOIN films AS f ON f.id = k.film_id
             WHERE k.key = ?1 AND (?2 IS NULL OR f.year IS NULL OR f.year = ?2)
             ORDER BY f.year IS NOT ?2, f.id",
        )?
        .query_map(params![key, incoming.film.year], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for candidate in candidates {
        if incoming.external_ids.is_empty() {
            return Ok(Some(candidate));
        }
        let stored = films::external_ids_of(tx, candidate)?;
        let conflict = incoming
            .external_ids
            .iter()
            .any(|new| stored.iter().any(|old| old.conflicts_with(new)));
        if !conflict {
            return Ok(Some(candidate));
        }
    }
    film_of_another_era(tx, incoming, &key)
}

/// A film of an older Letterboxd export that `incoming` (from a newer one) is, though
/// Letterboxd has since corrected its year: the same title, a year at most 2 apart, and a
/// Letterboxd id of the other kind only (`letterboxd.com/film/<slug>/` against `boxd.it/…`),
/// so the two ids cannot be compared. The nearest year wins.
fn film_of_another_era(
    tx: &Transaction,
    incoming: &IncomingFilm,
    key: &str,
) -> Result<Option<FilmId>> {
    let (Some(year), Some(new)) = (
        incoming.film.year,
        incoming
            .external_ids
            .iter()
            .find(|id| id.source == LETTERBOXD_SOURCE),
    ) else {
        return Ok(None);
    };
    let near: Vec<(FilmId, Option<i32>)> = tx
        .prepare_cached(
            "SELECT f.id, f.year FROM title_keys AS k JOIN films AS f ON f.id = k.film_id
             WHERE k.key = ?1 AND abs(f.year - ?2) BETWEEN 1 AND 2
             ORDER BY abs(f.year - ?2), f.id",
        )?
        .query_map(params![key, year], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (candidate, _) in near {
        let stored = films::external_ids_of(tx, candidate)?;
        let letterboxd: Vec<&ExternalId> =
            stored.iter().filter(|id| id.source == new.source).collect();
        if !letterboxd.is_empty() && letterboxd.iter().all(|old| old.other_kind_of(new)) {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

/// "same title, year and director": the parts that agree, in words.
pub(super) fn reasons(year: bool, director: bool) -> String {
    match (year, director) {
        (true, true) => "same title, year and director",
        (true, false) => "same title and year",
        (false, true) => "same title and director",
        (false, false) => "same title",
    }
    .to_owned()
}

impl ExternalId {
    /// True when `self` and `other` are ids of the same service but of different kinds (a
    /// Letterboxd slug URI and a `boxd.it` one), which cannot be compared.
    pub fn other_kind_of(&self, other: &ExternalId) -> bool {
        self.source == other.source && self.kind() != other.kind()
    }

    /// The kind of id within its service: Letterboxd writes a film as `boxd.it/<code>` and, in
    /// older exports, as `letterboxd.com/film/<slug>/`; one film may hold one of each.
    fn kind(&self) -> &'static str {
        if self.source != LETTERBOXD_SOURCE {
            ""
        } else if self.value.contains("boxd.it/") {
            "short"
        } else {
            "slug"
        }
    }

    /// True when `self` and `other` are ids of the same service and kind with different values:
    /// the films they name are two films, whatever their titles.
    pub fn conflicts_with(&self, other: &ExternalId) -> bool {
        self.source == other.source && self.kind() == other.kind() && self.value != other.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letterboxd_ids_conflict_only_within_their_kind() {
        let short = |v: &str| ExternalId::new("letterboxd", &format!("https://boxd.it/{v}"));
        let slug = ExternalId::new("letterboxd", "https://letterboxd.com/film/rain-2019/");
        assert!(short("l8jm").conflicts_with(&short("xDZ8")));
        assert!(!short("l8jm").conflicts_with(&short("l8jm")));
        assert!(
            !short("l8jm").conflicts_with(&slug),
            "one film may hold both kinds"
        );
        assert!(ExternalId::new("imdb", "tt1").conflicts_with(&ExternalId::new("imdb", "tt2")));
        assert!(!ExternalId::new("imdb", "tt1").conflicts_with(&short("x")));
    }
}
