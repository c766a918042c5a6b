//! The command line: clap commands over the same library calls the window uses.
//!
//! Errors reach the person as one sentence on stderr and a non-zero exit status; writing
//! commands say what they changed.

mod catalog_lists;
mod imports;
mod lists;
mod lookup;
mod pages;
mod pick_merge;
mod posters;
mod reviews;
mod typed_film;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};

use crate::db::{Catalog, FilmQuery, ImportOutcome, ImportTarget};
use crate::model::FilmId;
use crate::parse::{parse_enriched, ParsedReview};

/// The largest paste the review commands read.
const MAX_PASTE_BYTES: usize = 10 * 1024 * 1024;

/// Cinedex: your films, your diary, your watchlist, in one file on your own disk.
#[derive(Debug, Parser)]
#[command(name = "cinedex", version, about)]
pub struct Cli {
    /// The catalog file [default: the platform data folder, e.g. ~/.local/share/cinedex/catalog.sqlite3]
    #[arg(long, global = true, env = "CINEDEX_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A review (.txt, .html) to open the window on, in Import review…; or a Letterboxd export,
    /// an IMDb CSV or a backup, in Import…
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the films in the catalog, or those a search finds.
    Films {
        /// Words to find in titles, people and reviews (prefixes and accent-free spellings match),
        /// and filters: `genre:drama year:1970..1979 -watched` (see `docs/search.md`).
        #[arg(long, allow_hyphen_values = true)]
        search: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Run a saved view (`cinedex view list`), with --search narrowing it further.
        #[arg(long, value_name = "NAME")]
        view: Option<String>,
    },
    /// Figures about what you watched: per month and year, ratings, decades, top people, a year in review.
    Stats {
        /// Only viewings in this calendar year; all time otherwise.
        #[arg(long)]
        year: Option<i32>,
        /// Print JSON instead of a summary.
        #[arg(long)]
        json: bool,
    },
    /// Fill the catalog with synthetic films, to try the app or measure it.
    Demo {
        /// How many films to add.
        #[arg(long, default_value_t = 2000)]
        films: usize,
        /// Give every film a generated poster (shapes and its title on a colour).
        #[arg(long)]
        posters: bool,
    },
    /// Log a viewing in the diary (a title the catalog does not know adds the film).
    Log(lists::LogArgs),
    /// Show the diary by month, newest first.
    Diary(lists::DiaryArgs),
    /// Add to, list or remove from the watchlist.
    Watchlist {
        /// What to do with the watchlist.
        #[command(subcommand)]
        command: lists::WatchlistCommand,
    },
    /// Export the watchlist or the diary to a file, or to standard output.
    Export {
        /// What to export.
        #[command(subcommand)]
        command: lists::ExportCommand,
    },
    /// Import a Letterboxd export, an IMDb CSV or a backup, in one step (all or nothing).
    Import {
        /// What to import.
        #[command(subcommand)]
        command: imports::ImportCommand,
    },
    /// Show the fields found in a pasted review; nothing is written.
    ParseReview {
        /// A text or HTML file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// Print JSON (the only format for now; accepted for scripts).
        #[arg(long)]
        json: bool,
        /// Also recognise the titles and people the catalog holds (the text alone otherwise).
        #[arg(long)]
        use_catalog: bool,
    },
    /// Parse a pasted review and store the film (or find it in the catalog) and the review.
    ImportReview {
        /// A text or HTML file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// Print what was done as JSON.
        #[arg(long)]
        json: bool,
        /// Attach the review to this film.
        #[arg(long, value_name = "ID", conflicts_with = "new")]
        film: Option<i64>,
        /// Store a new film even if the catalog has one that matches.
        #[arg(long)]
        new: bool,
    },
    /// Print a shell completion script (e.g. `cinedex completions bash > /etc/bash_completion.d/cinedex`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (e.g. `cinedex manpage > cinedex.1`).
    Manpage,
    /// Show your lists with how much of each you have seen.
    Lists {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Create, fill, show or delete a list.
    List {
        /// What to do with the list.
        #[command(subcommand)]
        command: catalog_lists::ListCommand,
    },
    /// Save, list or delete saved views (named queries for `films --view NAME`).
    View {
        /// What to do with the views.
        #[command(subcommand)]
        command: catalog_lists::ViewCommand,
    },
    /// Pick a film to watch at random, weighted by watchlist priority.
    Pick(pick_merge::PickArgs),
    /// List films that are likely stored twice, each pair with its reason.
    Duplicates {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Merge a film into another: its viewings, reviews, places and ids move, empty fields fill.
    Merge {
        /// The film to keep.
        keep: i64,
        /// The film merged into it (then deleted).
        other: i64,
        /// Say what would happen, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Set, write out or remove a film's poster.
    Poster {
        /// What to do with the poster.
        #[command(subcommand)]
        command: posters::PosterCommand,
    },
    /// Look a film up on TMDb (needs CINEDEX_TMDB_KEY) and fill in what the catalog lacks.
    Lookup(lookup::LookupArgs),
}

/// The catalog file the command line names, or the default one.
pub fn catalog_path(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match db {
        Some(path) => Ok(path),
        None => crate::db::default_catalog_path()
            .context("This system has no home folder for the catalog; name a file with --db PATH"),
    }
}

/// The file named without a subcommand, checked: a name that is nothing on disk is most likely a
/// mistyped command, so it is refused here rather than opened in the window.
pub fn review_file(file: Option<PathBuf>) -> anyhow::Result<Option<PathBuf>> {
    match file {
        Some(path) if !path.exists() => bail!(
            "“{}” is neither a command nor a review file; see cinedex --help",
            path.display()
        ),
        file => Ok(file),
    }
}

/// Runs one subcommand against the catalog at `db`.
pub fn run(command: Command, db: &Path) -> anyhow::Result<()> {
    match command {
        Command::Films { search, json, view } => {
            films(db, search.unwrap_or_default(), view.as_deref(), json)
        }
        Command::Demo { films, posters } => demo(db, films, posters),
        Command::Stats { year, json } => {
            let stats = open(db)?.stats(year)?;
            if json {
                print_json(&stats)
            } else {
                write!(std::io::stdout().lock(), "{stats}")?;
                Ok(())
            }
        }
        Command::Completions { shell } => {
            let mut cli = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cli, "cinedex", &mut std::io::stdout());
            Ok(())
        }
        Command::Manpage => {
            let cli = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cli).render(&mut std::io::stdout())?;
            Ok(())
        }
        Command::Log(args) => lists::log(db, args),
        Command::Diary(args) => lists::diary(db, args),
        Command::Watchlist { command } => lists::watchlist(db, command),
        Command::Export { command } => lists::export(db, command),
        Command::Import { command } => imports::import(db, command),
        Command::Lists { json } => catalog_lists::lists(db, json),
        Command::List { command } => catalog_lists::list(db, command),
        Command::View { command } => catalog_lists::view(db, command),
        Command::Pick(args) => pick_merge::pick(db, args),
        Command::Duplicates { json } => pick_merge::duplicates(db, json),
        Command::Merge {
            keep,
            other,
            dry_run,
        } => pick_merge::merge(db, keep, other, dry_run),
        Command::ParseReview {
            file,
            json: _,
            use_catalog,
        } => reviews::parse_review(db, file.as_deref(), use_catalog),
        Command::Poster { command } => posters::poster(db, command),
        Command::Lookup(args) => lookup::lookup(db, args),
        Command::ImportReview {
            file,
            json,
            film,
            new,
        } => {
            let target = match (film, new) {
                (Some(id), _) => ImportTarget::Film(FilmId(id)),
                (None, true) => ImportTarget::New,
                (None, false) => ImportTarget::Auto,
            };
            import_review(db, file.as_deref(), target, json)
        }
    }
}

fn open(db: &Path) -> anyhow::Result<Catalog> {
    Ok(Catalog::open(db)?)
}

fn films(db: &Path, search: String, view: Option<&str>, json: bool) -> anyhow::Result<()> {
    let catalog = open(db)?;
    let search = match view {
        Some(view) => catalog_lists::view_search(&catalog, view, &search)?,
        None => search,
    };
    let ids = catalog.film_ids(&FilmQuery {
        search,
        ..FilmQuery::default()
    })?;
    let mut out = std::io::stdout().lock();
    if json {
        /// A film as `films --json` prints it.
        #[derive(serde::Serialize)]
        struct FilmJson {
            #[serde(flatten)]
            film: crate::model::Film,
            has_poster: bool,
        }
        let mut films = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(film) = catalog.film(id)? {
                let has_poster = catalog.has_poster(id)?;
                films.push(FilmJson { film, has_poster });
            }
        }
        serde_json::to_writer_pretty(&mut out, &films)?;
        writeln!(out)?;
        return Ok(());
    }
    for chunk in ids.chunks(500) {
        for row in catalog.film_rows(chunk)? {
            let year = row.year.map(|y| format!(" ({y})")).unwrap_or_default();
            let runtime = row
                .runtime_min
                .map(|m| format!("{m} min"))
                .unwrap_or_default();
            writeln!(
                out,
                "{:>6}  {}{year}  {}  {runtime}",
                row.id.0, row.title, row.directors
            )?;
        }
    }
    Ok(())
}

fn demo(db: &Path, count: usize, posters: bool) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut catalog = open(db)?;
    let films = crate::demo::demo_films(count);
    let ids =
        catalog.create_films_with_reviews(&films, |done| eprint!("\r{done}/{count} films"))?;
    if count >= 1000 {
        eprintln!();
    }
    let viewings = catalog.create_diary_entries(&crate::demo::demo_diary(&ids))?;
    if posters {
        let mut done = 0;
        for (chunk, films) in ids.chunks(500).zip(films.chunks(500)) {
            let mut made = Vec::with_capacity(chunk.len());
            for (id, (film, _)) in chunk.iter().zip(films) {
                made.push((*id, crate::demo::demo_poster(film)?));
            }
            catalog.set_posters(&made)?;
            done += made.len();
            eprint!("\r{done}/{count} posters");
        }
        eprintln!();
        let totals = catalog.poster_totals()?;
        println!(
            "The catalog holds {} posters: {} KB of thumbnails and {} KB of images a poster.",
            totals.posters,
            totals.thumbnail_bytes / totals.posters.max(1) / 1000,
            totals.image_bytes / totals.posters.max(1) / 1000
        );
    }
    println!(
        "Added {count} demo films and {viewings} diary entries to {} in {:.1} s.",
        db.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn import_review(
    db: &Path,
    file: Option<&Path>,
    target: ImportTarget,
    json: bool,
) -> anyhow::Result<()> {
    let text = read_paste(file)?;
    // A saved page's metadata counts; the text alone otherwise.
    let parsed: ParsedReview = parse_enriched(&text, None).enriched.review;
    if parsed.is_empty() {
        bail!("Nothing recognised: the text names no film, so nothing was stored.");
    }
    let film = parsed.to_film();
    if film.title.trim().is_empty() {
        bail!("The paste names no film title, so nothing was stored; import it in the window and type the title.");
    }
    let review = parsed.to_review(&text);
    let page_poster = posters::saved_page_poster(file, &text);
    let mut catalog = open(db)?;
    let outcome = catalog.import_review(&film, &review, target)?.value;
    posters::attach_page_poster(&mut catalog, &outcome, page_poster, json)?;
    if json {
        print_json(&outcome)?;
    }
    match outcome {
        ImportOutcome::Created { film_id, .. } => {
            if !json {
                println!(
                    "Added the film \"{}\" (#{}) with its review.",
                    film.title, film_id.0
                );
            }
        }
        ImportOutcome::Attached { film_id, .. } => {
            if !json {
                println!("Added the review to \"{}\" (#{}).", film.title, film_id.0);
            }
        }
        ImportOutcome::AlreadyStored { film_id, .. } => {
            if !json {
                println!(
                    "This review is already stored with film #{}; nothing was added.",
                    film_id.0
                );
            }
        }
        ImportOutcome::Ambiguous { candidates } => {
            let list: Vec<String> = candidates
                .iter()
                .map(|c| {
                    let year = c.year.map(|y| format!(" ({y})")).unwrap_or_default();
                    format!("  #{}  {}{year}  {}", c.id.0, c.title, c.directors)
                })
                .collect();
            bail!(
                "The paste matches {} films in the catalog, so nothing was stored; choose one with --film ID or add a new film with --new:\n{}",
                candidates.len(),
                list.join("\n")
            );
        }
    }
    Ok(())
}

/// The text of `file`, or of standard input for `-` or nothing, checked to be a paste we can read.
fn read_paste(file: Option<&Path>) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    let source = match file {
        Some(path) if path.as_os_str() != "-" => {
            std::fs::File::open(path)
                .and_then(|f| f.take(MAX_PASTE_BYTES as u64 + 1).read_to_end(&mut bytes))
                .with_context(|| format!("Cannot read the review file {}", path.display()))?;
            path.display().to_string()
        }
        _ => {
            std::io::stdin()
                .take(MAX_PASTE_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .context("Cannot read the review from standard input")?;
            "standard input".to_owned()
        }
    };
    if bytes.len() > MAX_PASTE_BYTES {
        bail!("The review is larger than 10 MB, which no review is; check the file: {source}");
    }
    let Ok(text) = String::from_utf8(bytes) else {
        bail!("The review is not text (it is not UTF-8); paste or save it as text: {source}");
    };
    if text.contains('\0') {
        bail!("The review holds binary data, not text: {source}");
    }
    if text.trim().is_empty() {
        bail!("The paste is empty: {source}");
    }
    Ok(text)
}

pub(super) fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    #[test]
    fn a_bare_file_opens_the_window_and_subcommands_still_parse() {
        let cli = Cli::try_parse_from(["cinedex", "--db", "c.sqlite3", "review.html"]).unwrap();
        assert_eq!(cli.file.as_deref(), Some(Path::new("review.html")));
        assert!(cli.command.is_none());
        let cli = Cli::try_parse_from(["cinedex", "--db", "c.sqlite3", "films", "--json"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Films { json: true, .. })
        ));
        assert!(cli.file.is_none());
        let cli = Cli::try_parse_from(["cinedex", "demo", "--films", "3", "--db", "c.sqlite3"]);
        assert!(matches!(
            cli.unwrap().command,
            Some(Command::Demo { films: 3, .. })
        ));
        assert!(Cli::try_parse_from(["cinedex", "a.txt", "b.txt"]).is_err());
    }
}
