//! The diary, watchlist and export commands: `log`, `diary`, `watchlist add|list|remove` and
//! `export watchlist|diary|ratings`.
//!
//! A film is named by its title as a person types it (case, accents and punctuation do not
//! matter) and, to tell films of one title apart, its year. A title the catalog does not know
//! becomes a new film; a title that fits several films lists them and changes nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use chrono::{Datelike, NaiveDate, Utc};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};

use super::pages;
use super::typed_film::{ambiguous, label_of, print_film_added, titled};
use crate::db::{Catalog, DiaryFilter, FilmMatch, WatchlistAdd, WatchlistSort};
use crate::interop::{self, DiaryFormat, WatchlistFormat};
use crate::model::{DiaryEntry, FilmId, Tag, WatchlistItem, WatchlistRow};

/// `cinedex log`: one viewing of a film.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The film's title (a title the catalog does not know adds the film).
    title: String,
    /// The film's year, to tell films of the same title apart or to give a new film its year.
    #[arg(long)]
    year: Option<i32>,
    /// The day you watched it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: String,
    /// Your rating: 0.5 to 5 stars, in half stars.
    #[arg(long, value_name = "0.5-5")]
    rating: Option<String>,
    /// You had seen it before.
    #[arg(long)]
    rewatch: bool,
    /// You loved it.
    #[arg(long)]
    liked: bool,
    /// Your own words about this viewing.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    review: Option<String>,
    /// Labels for this viewing, comma-separated (e.g. `cinema,with mia`).
    #[arg(long, value_name = "a,b", value_delimiter = ',')]
    tags: Vec<String>,
}

/// `cinedex diary`: the viewings, newest first.
#[derive(Debug, Args)]
pub struct DiaryArgs {
    /// Only viewings in this calendar year.
    #[arg(long)]
    year: Option<i32>,
    /// Only entries with this tag.
    #[arg(long)]
    tag: Option<String>,
    /// Only entries with this rating (0.5 to 5).
    #[arg(long, value_name = "0.5-5")]
    rating: Option<String>,
    /// Only viewings in this month (1–12), of --year when given.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=12))]
    month: Option<u32>,
    /// Only films released in the decade starting this year, e.g. 1990.
    #[arg(long, value_name = "YEAR")]
    decade: Option<i32>,
    /// Print the entries as JSON records (see docs/exports.md).
    #[arg(long)]
    json: bool,
}

/// `cinedex watchlist …`.
#[derive(Debug, Subcommand)]
pub enum WatchlistCommand {
    /// Put a film at the end of the watchlist (a title the catalog does not know adds the film).
    Add {
        /// The film's title.
        title: String,
        /// The film's year, to tell films of the same title apart or to give a new film its year.
        #[arg(long)]
        year: Option<i32>,
        /// 1 (maybe some day) to 5 (next).
        #[arg(long, default_value_t = 3, value_name = "1-5")]
        priority: u8,
        /// Why, or who recommended it.
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// List the watchlist.
    List {
        /// The order: position (yours), priority, added, title or runtime.
        #[arg(long, default_value = "position", value_parser = PossibleValuesParser::new(SORT_NAMES))]
        sort: String,
        /// Print the items as JSON records (see docs/exports.md).
        #[arg(long)]
        json: bool,
    },
    /// Take a film off the watchlist, by its title or by the item number `watchlist list` shows.
    Remove {
        /// The film's title, or the item number (`12` or `#12`).
        #[arg(value_name = "TITLE|ID")]
        film: String,
        /// The film's year, to tell films of the same title apart.
        #[arg(long)]
        year: Option<i32>,
    },
}

/// `cinedex export …`.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Export the watchlist, in your order.
    Watchlist {
        /// The file format.
        #[arg(long, value_parser = PossibleValuesParser::new(WatchlistFormat::ALL.map(WatchlistFormat::name))
            .try_map(|name: String| WatchlistFormat::from_name(&name).ok_or("unknown format")))]
        format: WatchlistFormat,
        /// The file to write (replaced whole, or left as it was if the export fails); standard output without it.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// With --format html: embed each film's poster thumbnail in the page (one file).
        #[arg(long)]
        posters: bool,
    },
    /// Export the diary, newest viewing first.
    Diary {
        /// The file format.
        #[arg(long, value_parser = PossibleValuesParser::new(DiaryFormat::ALL.map(DiaryFormat::name))
            .try_map(|name: String| DiaryFormat::from_name(&name).ok_or("unknown format")))]
        format: DiaryFormat,
        /// The file to write (replaced whole, or left as it was if the export fails); standard output without it.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// With --format html: embed each film's poster thumbnail in the page (one file).
        #[arg(long)]
        posters: bool,
    },
    /// Export the ratings and reviews that belong to no viewing (from ratings files, undated
    /// reviews, IMDb), as rows without a watched date.
    Ratings {
        /// The file format (Letterboxd's importer CSV).
        #[arg(long, value_parser = ["letterboxd"])]
        format: String,
        /// The file to write (replaced whole, or left as it was if the export fails); standard output without it.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Back up the whole catalog to one JSON file (`cinedex import backup FILE` restores it).
    Backup {
        /// The file to write (replaced whole, or left as it was if the export fails).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Leave the posters out (a much smaller file; restoring it keeps the posters a film has).
        #[arg(long)]
        no_posters: bool,
    },
    /// Export one list, in its order.
    List(super::catalog_lists::ExportListArgs),
}

/// The orders `watchlist list --sort` takes, as typed.
const SORT_NAMES: [&str; 5] = ["position", "priority", "added", "title", "runtime"];

/// Stores one viewing, creating the film if the catalog does not know the title.
pub fn log(db: &Path, args: LogArgs) -> anyhow::Result<()> {
    let watched_on = parse_date(&args.date)?;
    let rating_half_stars = args.rating.as_deref().map(parse_rating).transpose()?;
    let tags: Vec<Tag> = args.tags.iter().filter_map(|t| Tag::new(t).ok()).collect();
    let mut catalog = Catalog::open(db)?;
    let choice = titled(&args.title, args.year);
    let entry = DiaryEntry {
        id: None,
        film_id: FilmId(0),
        watched_on,
        rating_half_stars,
        rewatch: args.rewatch,
        liked: args.liked,
        review: args.review.unwrap_or_default(),
        tags,
    };
    let written = catalog
        .add_diary_entry(&choice, &entry)
        .map_err(ambiguous)?;
    let stored = &written.value;
    let label = label_of(&catalog, stored.film_id)?;
    let id = stored.id.map_or(0, |id| id.0);
    println!(
        "Logged {label} on {watched_on}{} as diary entry #{id}.",
        entry_marks(stored)
    );
    print_film_added(&label, &written.undo);
    Ok(())
}

/// Prints the diary by month, or as JSON.
pub fn diary(db: &Path, args: DiaryArgs) -> anyhow::Result<()> {
    let filter = DiaryFilter {
        year: args.year,
        tag: args.tag,
        rating_half_stars: args.rating.as_deref().map(parse_rating).transpose()?,
        month: args.month,
        decade: args.decade.map(|d| d - d.rem_euclid(10)),
    };
    let catalog = Catalog::open(db)?;
    if args.json {
        let rows = catalog.diary(&filter)?;
        return write_stdout(&interop::export_diary(DiaryFormat::Json, &rows)?);
    }
    let months = catalog.diary_by_month(&filter)?;
    let mut out = std::io::stdout().lock();
    if months.is_empty() {
        writeln!(out, "No diary entries.")?;
    }
    for month in months {
        let Some(first) = NaiveDate::from_ymd_opt(month.year, month.month, 1) else {
            continue;
        };
        writeln!(out, "{}", first.format("%B %Y"))?;
        for row in &month.entries {
            let film = &row.film;
            writeln!(
                out,
                "  {}  {}{}",
                row.entry.watched_on,
                film_label(&film.title, film.year),
                entry_marks(&row.entry)
            )?;
        }
    }
    Ok(())
}

/// Runs one `watchlist` subcommand.
pub fn watchlist(db: &Path, command: WatchlistCommand) -> anyhow::Result<()> {
    match command {
        WatchlistCommand::Add {
            title,
            year,
            priority,
            note,
        } => {
            let mut catalog = Catalog::open(db)?;
            let item = WatchlistItem {
                id: None,
                film_id: FilmId(0),
                added_on: chrono::Local::now().date_naive(),
                priority,
                note: note.unwrap_or_default(),
                position: 0,
            };
            let written = catalog
                .add_to_watchlist(&titled(&title, year), &item)
                .map_err(ambiguous)?;
            match &written.value {
                WatchlistAdd::Added(item) => {
                    let label = label_of(&catalog, item.film_id)?;
                    println!(
                        "Added {label} to the watchlist at place {} with priority {} (item #{}).",
                        item.position + 1,
                        item.priority,
                        item.id.map_or(0, |id| id.0)
                    );
                    print_film_added(&label, &written.undo);
                }
                WatchlistAdd::AlreadyListed(item) => println!(
                    "{} is already on the watchlist at place {} (item #{}); nothing was added.",
                    label_of(&catalog, item.film_id)?,
                    item.position + 1,
                    item.id.map_or(0, |id| id.0)
                ),
            }
            Ok(())
        }
        WatchlistCommand::List { sort, json } => {
            let sort = match sort.as_str() {
                "priority" => WatchlistSort::Priority,
                "added" => WatchlistSort::DateAdded,
                "title" => WatchlistSort::Title,
                "runtime" => WatchlistSort::Runtime,
                _ => WatchlistSort::Position,
            };
            let rows = Catalog::open(db)?.watchlist(sort)?;
            if json {
                return write_stdout(&interop::export_watchlist(
                    WatchlistFormat::Json,
                    &rows,
                    Utc::now(),
                )?);
            }
            let mut out = std::io::stdout().lock();
            if rows.is_empty() {
                writeln!(out, "The watchlist is empty.")?;
            }
            for row in &rows {
                writeln!(out, "{}", watchlist_line(row))?;
            }
            Ok(())
        }
        WatchlistCommand::Remove { film, year } => {
            let mut catalog = Catalog::open(db)?;
            let row = find_listed(&catalog, &film, year)?;
            let Some(id) = row.item.id else {
                bail!("That watchlist item has no number, so it cannot be removed.");
            };
            if !catalog.remove_from_watchlist(id)?.changed() {
                bail!(
                    "Item #{} left the watchlist while Cinedex was looking; nothing was removed.",
                    id.0
                );
            }
            println!(
                "Removed {} from the watchlist.",
                film_label(&row.film.title, row.film.year)
            );
            Ok(())
        }
    }
}

/// Runs one `export` subcommand.
pub fn export(db: &Path, command: ExportCommand) -> anyhow::Result<()> {
    let catalog = Catalog::open(db)?;
    let (bytes, output, what) = match command {
        ExportCommand::Watchlist {
            format,
            output,
            posters,
        } => {
            let rows = catalog.watchlist(WatchlistSort::Position)?;
            let what = format!(
                "the watchlist ({}) as {}",
                count(rows.len(), "film"),
                format.name()
            );
            let ids = catalog.service_ids()?;
            let bytes = match pages::watchlist(&catalog, &rows, format, posters)? {
                Some(page) => page,
                None => interop::export_watchlist_with_ids(format, &rows, &ids, Utc::now())?,
            };
            (bytes, output, what)
        }
        ExportCommand::Diary {
            format,
            output,
            posters,
        } => {
            let rows = catalog.diary(&DiaryFilter::default())?;
            let what = format!(
                "the diary ({}) as {}",
                count(rows.len(), "entry"),
                format.name()
            );
            let ids = catalog.service_ids()?;
            let bytes = match pages::diary(&catalog, &rows, format, posters)? {
                Some(page) => page,
                None => interop::export_diary_with_ids(format, &rows, &ids)?,
            };
            (bytes, output, what)
        }
        ExportCommand::Ratings { format, output } => {
            let rows = catalog.own_reviews()?;
            let what = format!(
                "the ratings and reviews of no viewing ({}) as {format}",
                count(rows.len(), "row")
            );
            let ids = catalog.service_ids()?;
            (
                interop::export_ratings_letterboxd(&rows, &ids)?,
                output,
                what,
            )
        }
        ExportCommand::Backup { output, no_posters } => {
            let batch = catalog.snapshot_with(!no_posters)?;
            let what = format!(
                "a backup of the catalog ({})",
                count(batch.films.len(), "film")
            );
            (interop::backup_bytes(&batch)?, Some(output), what)
        }
        ExportCommand::List(args) => super::catalog_lists::export_list(&catalog, args)?,
    };
    let Some(path) = output else {
        return write_stdout(&bytes);
    };
    interop::write_atomically(&path, |out| out.write_all(&bytes)).map_err(|e| {
        anyhow!(
            "Cannot write the export ({e}), so no file was changed: {}",
            path.display()
        )
    })?;
    println!("Wrote {what} to {}.", path.display());
    Ok(())
}

/// The watchlist row `film` names: an item number (`12`, `#12`) or a title.
fn find_listed(catalog: &Catalog, film: &str, year: Option<i32>) -> anyhow::Result<WatchlistRow> {
    let rows = catalog.watchlist(WatchlistSort::Position)?;
    let number = film.trim().trim_start_matches('#').parse::<i64>().ok();
    let by_number = rows.iter().find(|r| r.item.id.map(|id| id.0) == number);
    let titled: Vec<FilmMatch> = catalog.films_titled(film, year)?;
    let by_title: Vec<&WatchlistRow> = rows
        .iter()
        .filter(|r| titled.iter().any(|t| t.id == r.film.id))
        .collect();
    match (by_number, by_title.as_slice()) {
        (Some(row), []) => Ok(row.clone()),
        (None, [row]) => Ok((*row).clone()),
        (Some(a), [b]) if a.item.id == b.item.id => Ok(a.clone()),
        (None, []) => bail!(
            "\"{}\" is not on the watchlist, so nothing was removed; `cinedex watchlist list` shows what is.",
            film.trim()
        ),
        (by_number, by_title) => {
            let lines: Vec<String> = by_number
                .into_iter()
                .chain(by_title.iter().copied())
                .map(watchlist_line)
                .collect();
            bail!(
                "\"{}\" fits more than one watchlist item, so nothing was removed; name one by its [#number]:\n{}",
                film.trim(),
                lines.join("\n")
            )
        }
    }
}

/// A watchlist row as `watchlist list` prints it.
fn watchlist_line(row: &WatchlistRow) -> String {
    let film = &row.film;
    let mut line = format!(
        "{:>4}. {}  priority {}",
        row.item.position + 1,
        film_label(&film.title, film.year),
        row.item.priority
    );
    if !film.directors.is_empty() {
        line.push_str(&format!("  {}", film.directors.join(", ")));
    }
    if let Some(minutes) = film.runtime_min {
        line.push_str(&format!("  {minutes} min"));
    }
    if !row.item.note.is_empty() {
        line.push_str(&format!("  \u{2014} {}", row.item.note.replace('\n', " ")));
    }
    line.push_str(&format!("  [#{}]", row.item.id.map_or(0, |id| id.0)));
    line
}

/// `"Title" (Year)`, or `"Title"` without a year.
pub(super) fn film_label(title: &str, year: Option<i32>) -> String {
    match year {
        Some(year) => format!("\"{title}\" ({year})"),
        None => format!("\"{title}\""),
    }
}

/// The rating in stars, rewatch and liked marks and tags of an entry, each after two spaces.
fn entry_marks(entry: &DiaryEntry) -> String {
    let mut marks = String::new();
    if let Some(half) = entry.rating_half_stars {
        marks.push_str("  ");
        marks.push_str(&"\u{2605}".repeat(usize::from(half / 2)));
        if half % 2 == 1 {
            marks.push('\u{bd}');
        }
    }
    if entry.rewatch {
        marks.push_str("  rewatch");
    }
    if entry.liked {
        marks.push_str("  \u{2665}");
    }
    if !entry.tags.is_empty() {
        let tags: Vec<&str> = entry.tags.iter().map(Tag::as_str).collect();
        marks.push_str(&format!("  [{}]", tags.join(", ")));
    }
    marks
}

/// `count` with `noun`, plural when it is not 1 ("1 film", "3 entries").
fn count(count: usize, noun: &str) -> String {
    match (count, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{count} {stem}ies"),
        (_, None) => format!("{count} {noun}s"),
    }
}

/// A day written `YYYY-MM-DD`.
fn parse_date(text: &str) -> anyhow::Result<NaiveDate> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        anyhow!("The date \"{text}\" is not a day written YYYY-MM-DD, e.g. 2024-03-09.")
    })?;
    if date.year() < 1870 {
        bail!("The date {date} is before films existed; check the year.");
    }
    Ok(date)
}

/// A rating of 0.5 to 5 stars in half stars (`3.5` or `3,5`), as half-star units 1–10.
fn parse_rating(text: &str) -> anyhow::Result<u8> {
    let refused =
        || anyhow!("The rating \"{text}\" is not 0.5 to 5 stars in half stars, e.g. 3.5.");
    let stars: f64 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| refused())?;
    let half_stars = stars * 2.0;
    if half_stars.fract() != 0.0 || !(1.0..=10.0).contains(&half_stars) {
        return Err(refused());
    }
    // In 1..=10 and whole, so the conversion is exact.
    Ok(half_stars as u8)
}

/// Writes `bytes` to standard output.
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::rating_text;

    #[test]
    fn ratings_are_half_stars_exactly() {
        assert_eq!(parse_rating("3.5").unwrap(), 7);
        assert_eq!(parse_rating("3,5").unwrap(), 7);
        assert_eq!(parse_rating("0.5").unwrap(), 1);
        assert_eq!(parse_rating("5").unwrap(), 10);
        for bad in ["0", "5.5", "3.3", "x", "", "NaN", "-1"] {
            assert!(parse_rating(bad).is_err(), "{bad}");
        }
        assert_eq!(rating_text(parse_rating("3.5").unwrap()), "3.5");
    }

    #[test]
    fn counts_are_plural_when_needed() {
        assert_eq!(count(1, "entry"), "1 entry");
        assert_eq!(count(2, "entry"), "2 entries");
        assert_eq!(count(0, "film"), "0 films");
    }
}
