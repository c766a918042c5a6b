//! The commands that choose and tidy films: `pick`, `duplicates` and `merge`.

use std::io::Write;
use std::path::Path;

use anyhow::{anyhow, bail};
use clap::Args;

use super::catalog_lists::named;
use super::lists::film_label;
use crate::db::{Catalog, PickFrom};
use crate::model::FilmId;

/// `cinedex pick`.
#[derive(Debug, Args)]
pub struct PickArgs {
    /// Only films this query selects, e.g. `unwatched runtime:<100 decade:1970s` (a term
    /// negated with `-` goes after `--`: `pick -- -genre:horror`).
    query: Vec<String>,
    /// Choose from `watchlist`, or `list NAME`; the whole catalog without it.
    #[arg(long, num_args = 1..=2, value_names = ["watchlist|list", "NAME"])]
    from: Vec<String>,
    /// The same seed picks the same film from the same catalog.
    #[arg(long)]
    seed: Option<u64>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Picks a film and prints it.
pub fn pick(db: &Path, args: PickArgs) -> anyhow::Result<()> {
    let catalog = Catalog::open(db)?;
    let from: Vec<&str> = args.from.iter().map(String::as_str).collect();
    // `--from` takes up to two words, so in `--from watchlist unwatched` the second is the
    // query's first term.
    let (from, first_term) = match from.as_slice() {
        [] => (PickFrom::Catalog, None),
        ["watchlist"] => (PickFrom::Watchlist, None),
        ["watchlist", term] => (PickFrom::Watchlist, Some(*term)),
        ["list", name] => (
            PickFrom::List(
                named(&catalog, name)?
                    .id
                    .ok_or_else(|| anyhow!("The list has no number."))?,
            ),
            None,
        ),
        _ => bail!("--from takes `watchlist` or `list NAME`."),
    };
    let seed = args.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    let query = first_term
        .into_iter()
        .chain(args.query.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let Some(pick) = catalog.pick(&query, from, seed)? else {
        bail!("No film fits, so there is nothing to pick; try a wider query.");
    };
    if args.json {
        return super::print_json(&pick);
    }
    let film = &pick.film;
    let mut line = film_label(&film.title, film.year);
    if !film.directors.is_empty() {
        line.push_str(&format!("  {}", film.directors.join(", ")));
    }
    if let Some(minutes) = film.runtime_min {
        line.push_str(&format!("  {minutes} min"));
    }
    println!(
        "{line}  [#{}]\nPicked from {} (seed {}).",
        film.id.0,
        if pick.candidates == 1 {
            "1 film".to_owned()
        } else {
            format!("{} films", pick.candidates)
        },
        pick.seed
    );
    Ok(())
}

/// Prints the likely duplicates.
pub fn duplicates(db: &Path, json: bool) -> anyhow::Result<()> {
    let found = Catalog::open(db)?.duplicates()?;
    if json {
        return super::print_json(&found);
    }
    let mut out = std::io::stdout().lock();
    if found.is_empty() {
        writeln!(out, "No likely duplicates.")?;
    }
    for pair in found {
        writeln!(
            out,
            "#{} {} and #{} {}: {}  (cinedex merge {} {})",
            pair.keep.id.0,
            film_label(&pair.keep.title, pair.keep.year),
            pair.other.id.0,
            film_label(&pair.other.title, pair.other.year),
            pair.reason,
            pair.keep.id.0,
            pair.other.id.0
        )?;
    }
    Ok(())
}

/// Merges two films, or says what merging would do.
pub fn merge(db: &Path, keep: i64, other: i64, dry_run: bool) -> anyhow::Result<()> {
    let mut catalog = Catalog::open(db)?;
    let (keep, other) = (FilmId(keep), FilmId(other));
    let summary = if dry_run {
        catalog.merge_preview(keep, other)?
    } else {
        catalog.merge_films(keep, other)?.value
    };
    let moved = [
        (summary.diary_moved, "diary entry", "diary entries"),
        (summary.reviews_moved, "review", "reviews"),
        (summary.external_ids_moved, "external id", "external ids"),
        (summary.marks_moved, "mark", "marks"),
        (summary.list_places_moved, "list place", "list places"),
        (
            usize::from(summary.watchlist_moved),
            "watchlist place",
            "watchlist places",
        ),
        (usize::from(summary.poster_moved), "poster", "posters"),
    ];
    let parts: Vec<String> = moved
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    let what = if parts.is_empty() {
        "nothing to move".to_owned()
    } else {
        parts.join(", ")
    };
    let filled = if summary.fields_filled {
        ", filling its empty fields"
    } else {
        ""
    };
    if dry_run {
        println!(
            "Merging #{} into #{} would move {what}{filled}, then delete #{}; nothing was changed.",
            other.0, keep.0, other.0
        );
    } else {
        println!(
            "Merged #{} into #{}: moved {what}{filled}; #{} is deleted.",
            other.0, keep.0, other.0
        );
    }
    Ok(())
}
