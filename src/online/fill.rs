//! Filling in one stored film from TMDb, in two halves, so the window can keep the network off
//! its thread and the write on it: [`find_answer`] asks TMDb (the search, the sure match's
//! details, its poster when the film has none) and writes nothing; [`apply_answer`] stores what
//! was found, or records that nothing was, in one transaction. `cinedex lookup --missing` and the
//! window's Fill in missing data… run both in turn, so both resume where the other stopped.

use super::{Candidate, OnlineError, Tmdb, TmdbFilm};
use crate::db::{Catalog, LookupOutcome, Written};
use crate::model::{Film, FilmId, Poster};

/// Why a film could not be filled in; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FillError {
    /// TMDb could not be asked, or refused.
    #[error(transparent)]
    Online(#[from] OnlineError),
    /// TMDb's poster is not an image Cinedex can keep.
    #[error("TMDb's poster could not be used ({0}), so nothing was changed.")]
    Poster(String),
}

/// What TMDb knows of a stored film.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// One candidate surely is the film: its details, and its poster when the film had none.
    Film {
        /// The details as a catalog entry with its ids.
        answer: Box<TmdbFilm>,
        /// The poster, made into thumbnails.
        poster: Option<Poster>,
    },
    /// TMDb knows no film of that title.
    NoMatch,
    /// Several candidates fit and none surely; the person must choose.
    Ambiguous,
}

/// Asks TMDb about `film`: a search by its title and year, then, for the one candidate that
/// surely is it, the details and (unless `has_poster`) the poster. Writes nothing.
pub fn find_answer(tmdb: &Tmdb, film: &Film, has_poster: bool) -> Result<Found, FillError> {
    let candidates = match tmdb.search(&film.title, film.year) {
        Err(OnlineError::NotFound) => Vec::new(),
        other => other?,
    };
    let Some(sure) = Candidate::sure_match(film, &candidates) else {
        return Ok(if candidates.is_empty() {
            Found::NoMatch
        } else {
            Found::Ambiguous
        });
    };
    let answer = tmdb.film(sure.tmdb_id)?;
    let poster = if has_poster {
        None
    } else {
        fetch_poster(tmdb, &answer)?
    };
    Ok(Found::Film {
        answer: Box::new(answer),
        poster,
    })
}

/// The poster of `answer`, downloaded and made into thumbnails; `None` when TMDb has none.
pub fn fetch_poster(tmdb: &Tmdb, answer: &TmdbFilm) -> Result<Option<Poster>, FillError> {
    let Some(path) = &answer.poster_path else {
        return Ok(None);
    };
    let bytes = tmdb.poster(path)?;
    crate::images::poster_from_bytes(&bytes)
        .map(Some)
        .map_err(|e| FillError::Poster(e.to_string().trim_end_matches('.').to_owned()))
}

/// Stores what [`find_answer`] found for film `id`: its blanks filled, its ids and poster added
/// ([`Catalog::apply_lookup`]), or the outcome recorded so the film is not asked about again.
/// Returns the outcome, and what undoes it.
pub fn apply_answer(
    catalog: &mut Catalog,
    id: FilmId,
    found: &Found,
) -> crate::db::Result<Written<LookupOutcome>> {
    match found {
        Found::Film { answer, poster } => {
            let applied = catalog.apply_lookup(id, &answer.incoming, poster.as_ref())?;
            let outcome = if applied.changed() {
                LookupOutcome::Filled
            } else {
                LookupOutcome::Unchanged
            };
            Ok(Written::new(outcome, applied.undo))
        }
        Found::NoMatch | Found::Ambiguous => {
            let outcome = if *found == Found::NoMatch {
                LookupOutcome::NoMatch
            } else {
                LookupOutcome::Ambiguous
            };
            catalog.record_lookup(id, outcome)?;
            Ok(Written::unchanged(outcome))
        }
    }
}
