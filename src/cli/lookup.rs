//! `cinedex lookup`: TMDb candidates for a film, and filling in what the catalog lacks from the
//! chosen one (`--apply`), for one film or for every film missing a runtime or a poster
//! (`--missing`).
//!
//! Nothing is sent without `CINEDEX_TMDB_KEY`. Filling in never overwrites: only blank fields
//! are filled, the title stays, a poster is added only to a film without one. Each film is one
//! transaction, so a run stopped half-way keeps what it did, and `--missing` goes on from there.

use std::path::Path;

use anyhow::bail;
use clap::Args;
use serde::Serialize;

use crate::db::{Catalog, ImportMode, LookupOutcome};
use crate::model::{ExternalId, Film, FilmId, ImportBatch, IncomingPoster, Poster};
use crate::online::{
    apply_answer, fetch_poster, find_answer, Candidate, Tmdb, TmdbFilm, TmdbSettings,
};

/// `cinedex lookup FILM_ID|TITLE [--year Y] [--apply] [--json]`, `cinedex lookup --missing`.
#[derive(Debug, Args)]
pub struct LookupArgs {
    /// A film's id in the catalog (as `films` lists it), or a title to search TMDb for.
    #[arg(value_name = "FILM_ID|TITLE", required_unless_present = "missing")]
    film: Option<String>,
    /// The film's year, to tell films of one title apart.
    #[arg(long)]
    year: Option<i32>,
    /// Fill in the film's blank fields, its TMDb and IMDb ids and its poster from the candidate
    /// (a title the catalog does not know adds the film).
    #[arg(long)]
    apply: bool,
    /// The candidate to apply, by its TMDb id (when the search finds several).
    #[arg(long, value_name = "ID", requires = "apply")]
    tmdb: Option<u64>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Look up every film that lacks a runtime or a poster and was not looked up before, and
    /// fill in those TMDb surely matches.
    #[arg(long, conflicts_with_all = ["film", "apply", "tmdb", "year"])]
    missing: bool,
    /// With --missing: look up at most this many films.
    #[arg(long, requires = "missing")]
    limit: Option<usize>,
}

/// What `lookup --apply --json` prints.
#[derive(Serialize)]
struct Applied {
    film_id: Option<FilmId>,
    tmdb_id: u64,
    film_added: bool,
    fields_filled: bool,
    ids_added: bool,
    poster_added: bool,
}

/// Runs `lookup`.
pub fn lookup(db: &Path, args: LookupArgs) -> anyhow::Result<()> {
    let tmdb = Tmdb::new(TmdbSettings::from_env()?);
    if args.missing {
        return missing(db, &tmdb, args.limit.unwrap_or(usize::MAX));
    }
    let mut catalog = Catalog::open(db)?;
    let named = args.film.unwrap_or_default();
    let stored = match named.trim().parse::<i64>() {
        Ok(id) => catalog.film(FilmId(id))?,
        Err(_) => None,
    };
    let (title, year) = match &stored {
        Some(film) => (film.title.clone(), args.year.or(film.year)),
        None => (named.trim().to_owned(), args.year),
    };
    if title.is_empty() {
        bail!("Name a film by its id or its title.");
    }
    let chosen = match args.tmdb {
        Some(id) => id,
        None => {
            let candidates = tmdb.search(&title, year)?;
            if !args.apply {
                return print_candidates(&title, &candidates, args.json);
            }
            choose(&title, year, &candidates)?
        }
    };
    let answer = tmdb.film(chosen)?;
    let has_poster = match stored.as_ref().and_then(|f| f.id) {
        Some(id) => catalog.has_poster(id)?,
        None => false,
    };
    let poster = if has_poster {
        None
    } else {
        fetch_poster(&tmdb, &answer)?
    };
    let applied = match stored.as_ref().and_then(|f| f.id) {
        Some(id) => {
            let done = catalog
                .apply_lookup(id, &answer.incoming, poster.as_ref())?
                .value;
            Applied {
                film_id: Some(id),
                tmdb_id: chosen,
                film_added: false,
                fields_filled: done.fields_filled,
                ids_added: done.ids_added > 0,
                poster_added: done.poster_added,
            }
        }
        None => add_or_merge(&mut catalog, &answer, poster, chosen)?,
    };
    if args.json {
        super::print_json(&applied)?;
    } else {
        let film = answer.incoming.film.title.as_str();
        let what = [
            (applied.film_added, "added to the catalog"),
            (applied.fields_filled, "blank fields filled in"),
            (applied.ids_added, "TMDb and IMDb ids added"),
            (applied.poster_added, "poster added"),
        ]
        .into_iter()
        .filter_map(|(done, what)| done.then_some(what))
        .collect::<Vec<_>>();
        let number = applied
            .film_id
            .map(|id| format!(" (#{})", id.0))
            .unwrap_or_default();
        if what.is_empty() {
            println!("\"{film}\"{number} already has everything TMDb knows; nothing was changed.");
        } else {
            println!(
                "\"{film}\"{number} from TMDb #{chosen}: {}.",
                what.join(", ")
            );
        }
    }
    Ok(())
}

/// A title the catalog may not know: stored through the import rules (matched by its ids or its
/// title and year, blanks filled; else added).
fn add_or_merge(
    catalog: &mut Catalog,
    answer: &TmdbFilm,
    poster: Option<Poster>,
    tmdb_id: u64,
) -> anyhow::Result<Applied> {
    let batch = ImportBatch {
        films: vec![answer.incoming.clone()],
        posters: poster
            .map(|poster| IncomingPoster { film: 0, poster })
            .into_iter()
            .collect(),
        ..ImportBatch::default()
    };
    let summary = catalog.import_batch(&batch, ImportMode::Merge, |_| true)?;
    Ok(Applied {
        film_id: catalog.film_with_external_id(&ExternalId::new("tmdb", &tmdb_id.to_string()))?,
        tmdb_id,
        film_added: summary.films_added > 0,
        fields_filled: summary.films_filled > 0,
        ids_added: summary.films_added > 0,
        poster_added: summary.posters_added > 0,
    })
}

/// The candidate to apply: the one that surely is the film, or the only one.
fn choose(title: &str, year: Option<i32>, candidates: &[Candidate]) -> anyhow::Result<u64> {
    let film = Film {
        year,
        ..Film::titled(title)
    };
    if let Some(sure) = Candidate::sure_match(&film, candidates) {
        return Ok(sure.tmdb_id);
    }
    match candidates {
        [] => bail!("TMDb knows no film titled \"{title}\", so nothing was changed."),
        [only] => Ok(only.tmdb_id),
        several => bail!(
            "TMDb finds {} films for \"{title}\", so nothing was changed; choose one with --tmdb ID:\n{}",
            several.len(),
            several.iter().map(candidate_line).collect::<Vec<_>>().join("\n")
        ),
    }
}

fn print_candidates(title: &str, candidates: &[Candidate], json: bool) -> anyhow::Result<()> {
    if json {
        return super::print_json(&candidates);
    }
    if candidates.is_empty() {
        println!("TMDb knows no film titled \"{title}\".");
    }
    for candidate in candidates {
        println!("{}", candidate_line(candidate));
    }
    Ok(())
}

/// `  tmdb 1234  Rust and Bone (2012)  De rouille et d'os`.
fn candidate_line(c: &Candidate) -> String {
    let year = c.year.map(|y| format!(" ({y})")).unwrap_or_default();
    let original = c
        .original_title
        .as_ref()
        .filter(|o| **o != c.title)
        .map(|o| format!("  {o}"))
        .unwrap_or_default();
    format!("  tmdb {:>7}  {}{year}{original}", c.tmdb_id, c.title)
}

/// `lookup --missing`: each film lacking a runtime or a poster, not looked up before, in order.
fn missing(db: &Path, tmdb: &Tmdb, limit: usize) -> anyhow::Result<()> {
    let mut catalog = Catalog::open(db)?;
    let ids = catalog.films_to_look_up(limit)?;
    let (mut filled, mut unmatched) = (0, 0);
    for (n, id) in ids.iter().enumerate() {
        let Some(film) = catalog.film(*id)? else {
            continue;
        };
        let found = find_answer(tmdb, &film, catalog.has_poster(*id)?).map_err(|e| {
            anyhow::anyhow!(
                "{}; stopped after {n} of {} films, so run it again to go on.",
                e.to_string().trim_end_matches('.'),
                ids.len()
            )
        })?;
        let outcome = apply_answer(&mut catalog, *id, &found)?.value;
        let verb = match outcome {
            LookupOutcome::Filled => {
                filled += 1;
                "filled in"
            }
            LookupOutcome::Unchanged => "nothing to add",
            LookupOutcome::NoMatch => {
                unmatched += 1;
                "no match on TMDb"
            }
            LookupOutcome::Ambiguous => {
                unmatched += 1;
                "several candidates; choose with lookup ID --apply --tmdb N"
            }
        };
        println!("#{}  {}: {verb}", id.0, film.title);
    }
    println!(
        "Looked up {} films: {filled} filled in, {unmatched} not matched.",
        ids.len()
    );
    Ok(())
}
