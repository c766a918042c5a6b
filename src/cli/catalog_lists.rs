//! The list and view commands: `lists`, `list create|add|show|remove|delete|rename|move|note`,
//! `export list` and `view save|list|delete`.
//!
//! A list is named by its name (case, accents and punctuation do not matter); a film on it by
//! its title (and `--year`) or by the number `list show` prints (`12` or `#12`).

use std::io::Write;
use std::path::Path;

use anyhow::{anyhow, bail};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};
use serde_json::json;

use super::lists::film_label;
use super::typed_film::{ambiguous, label_of, print_film_added, titled};
use crate::db::{Catalog, DbError, ListAdd};
use crate::interop::{self, ListFormat};
use crate::model::{List, ListEntryRow};

/// `cinedex list …`.
#[derive(Debug, Subcommand)]
pub enum ListCommand {
    /// Create an empty list.
    Create {
        /// Its name.
        name: String,
        /// What the list is about.
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        description: Option<String>,
        /// The order is a ranking (shown numbered).
        #[arg(long)]
        ranked: bool,
    },
    /// Put a film at the end of a list (a title the catalog does not know adds the film).
    Add {
        /// The list's name.
        name: String,
        /// The film's title.
        title: String,
        /// The film's year, to tell films of the same title apart or to give a new film its year.
        #[arg(long)]
        year: Option<i32>,
        /// Why it is on the list.
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Show a list in its order, with what you have seen of it.
    Show {
        /// The list's name.
        name: String,
        /// Print JSON (with `seen` and `total`).
        #[arg(long)]
        json: bool,
    },
    /// Take a film off a list, by its title or the number `list show` prints.
    Remove {
        /// The list's name.
        name: String,
        /// The film's title, or its number (`12` or `#12`).
        #[arg(value_name = "TITLE|ID")]
        film: String,
        /// The film's year, to tell films of the same title apart.
        #[arg(long)]
        year: Option<i32>,
    },
    /// Delete a list (its films stay in the catalog).
    Delete {
        /// The list's name.
        name: String,
    },
    /// Rename a list.
    Rename {
        /// The list's name now.
        name: String,
        /// Its new name.
        new_name: String,
    },
    /// Move a film to another place on a list (1 is the top).
    Move {
        /// The list's name.
        name: String,
        /// The film's title, or its number (`12` or `#12`).
        #[arg(value_name = "TITLE|ID")]
        film: String,
        /// The new place, 1 first (past the end: the end).
        #[arg(value_parser = clap::value_parser!(u32).range(1..))]
        place: u32,
        /// The film's year, to tell films of the same title apart.
        #[arg(long)]
        year: Option<i32>,
    },
    /// Set the note of a film on a list (an empty note removes it).
    Note {
        /// The list's name.
        name: String,
        /// The film's title, or its number (`12` or `#12`).
        #[arg(value_name = "TITLE|ID")]
        film: String,
        /// The note.
        #[arg(allow_hyphen_values = true)]
        note: String,
        /// The film's year, to tell films of the same title apart.
        #[arg(long)]
        year: Option<i32>,
    },
}

/// `cinedex view …`: saved views, named queries of the search language.
#[derive(Debug, Subcommand)]
pub enum ViewCommand {
    /// Save a query under a name (replacing a view of that name).
    Save {
        /// The view's name.
        name: String,
        /// The query, e.g. `unwatched decade:1970s runtime:<100`.
        #[arg(allow_hyphen_values = true)]
        query: String,
    },
    /// List the saved views.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Delete a saved view.
    Delete {
        /// The view's name.
        name: String,
    },
}

/// `cinedex export list NAME`.
#[derive(Debug, Args)]
pub struct ExportListArgs {
    /// The list's name.
    name: String,
    /// The file format.
    #[arg(long, value_parser = PossibleValuesParser::new(ListFormat::ALL.map(ListFormat::name))
        .try_map(|name: String| ListFormat::from_name(&name).ok_or("unknown format")))]
    format: ListFormat,
    /// The file to write (replaced whole, or left as it was if the export fails); standard output without it.
    #[arg(short, long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

/// Prints every list with its progress.
pub fn lists(db: &Path, json: bool) -> anyhow::Result<()> {
    let rows = Catalog::open(db)?.lists()?;
    if json {
        return super::print_json(&rows);
    }
    let mut out = std::io::stdout().lock();
    if rows.is_empty() {
        writeln!(out, "No lists yet; `cinedex list create NAME` makes one.")?;
    }
    for row in rows {
        let ranked = if row.list.ranked { " (ranked)" } else { "" };
        write!(out, "{}{ranked}  {}", row.list.name, row.progress)?;
        if !row.list.description.is_empty() {
            write!(out, "  \u{2014} {}", one_line(&row.list.description))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Runs one `list` subcommand.
pub fn list(db: &Path, command: ListCommand) -> anyhow::Result<()> {
    let mut catalog = Catalog::open(db)?;
    match command {
        ListCommand::Create {
            name,
            description,
            ranked,
        } => {
            let list = List {
                id: None,
                name: name.trim().to_owned(),
                description: description.unwrap_or_default(),
                ranked,
            };
            let id = catalog.create_list(&list)?.value;
            println!("Created the list \"{}\" (#{}).", list.name, id.0);
        }
        ListCommand::Add {
            name,
            title,
            year,
            note,
        } => {
            let list = named(&catalog, &name)?;
            let id = list.id.ok_or_else(|| anyhow!("The list has no number."))?;
            let note = note.as_deref().unwrap_or("");
            let written = catalog
                .add_to_list(id, &titled(&title, year), note)
                .map_err(ambiguous)?;
            match &written.value {
                ListAdd::Added(entry) => {
                    let label = label_of(&catalog, entry.film)?;
                    println!(
                        "Added {label} to \"{}\" at place {} (film #{}).",
                        list.name,
                        entry.position + 1,
                        entry.film.0
                    );
                    print_film_added(&label, &written.undo);
                }
                ListAdd::AlreadyListed(entry) => println!(
                    "{} is already on \"{}\" at place {}; nothing was added.",
                    label_of(&catalog, entry.film)?,
                    list.name,
                    entry.position + 1
                ),
            }
        }
        ListCommand::Show { name, json } => {
            let list = named(&catalog, &name)?;
            let id = list.id.ok_or_else(|| anyhow!("The list has no number."))?;
            let rows = catalog.list_entries(id)?;
            let progress = catalog.list_progress(id)?;
            if json {
                let entries: Vec<_> = rows.iter().map(entry_json).collect();
                let value = json!({
                    "id": id.0, "name": list.name, "description": list.description,
                    "ranked": list.ranked, "seen": progress.seen, "total": progress.total,
                    "entries": entries,
                });
                return super::print_json(&value);
            }
            let mut out = std::io::stdout().lock();
            writeln!(out, "{}  {progress}", list.name)?;
            if !list.description.is_empty() {
                writeln!(out, "{}", one_line(&list.description))?;
            }
            for row in &rows {
                writeln!(out, "{}", entry_line(row))?;
            }
        }
        ListCommand::Remove { name, film, year } => {
            let list = named(&catalog, &name)?;
            let id = list.id.ok_or_else(|| anyhow!("The list has no number."))?;
            let row = find_entry(&catalog, &list, &film, year)?;
            if !catalog.remove_from_list(id, row.entry.film)?.changed() {
                bail!("That film left the list while Cinedex was looking; nothing was removed.");
            }
            println!(
                "Removed {} from \"{}\".",
                film_label(&row.summary.title, row.summary.year),
                list.name
            );
        }
        ListCommand::Delete { name } => {
            let list = named(&catalog, &name)?;
            let id = list.id.ok_or_else(|| anyhow!("The list has no number."))?;
            let deleted = catalog.delete_list(id)?.value;
            println!(
                "Deleted the list \"{}\" ({} films stay in the catalog).",
                list.name,
                deleted.entries.len()
            );
        }
        ListCommand::Rename { name, new_name } => {
            let mut list = named(&catalog, &name)?;
            let before = list.name.clone();
            list.name = new_name.trim().to_owned();
            catalog.update_list(&list)?;
            println!("Renamed the list \"{before}\" to \"{}\".", list.name);
        }
        ListCommand::Move {
            name,
            film,
            place,
            year,
        } => {
            let list = named(&catalog, &name)?;
            let id = list.id.ok_or_else(|| anyhow!("The list has no number."))?;
            let row = find_entry(&catalog, &list, &film, year)?;
            let Some(at) = catalog.move_in_list(id, row.entry.film, place - 1)?.value else {
                bail!("That film left the list while Cinedex was looking; nothing was moved.");
            };
            println!(
                "Moved {} to place {} on \"{}\".",
                film_label(&row.summary.title, row.summary.year),
                at + 1,
                list.name
            );
        }
        ListCommand::Note {
            name,
            film,
            note,
            year,
        } => {
            let list = named(&catalog, &name)?;
            let id = list.id.ok_or_else(|| anyhow!("The list has no number."))?;
            let row = find_entry(&catalog, &list, &film, year)?;
            if !catalog
                .set_list_note(id, row.entry.film, note.trim())?
                .value
            {
                bail!("That film left the list while Cinedex was looking; nothing was changed.");
            }
            println!(
                "Set the note of {} on \"{}\".",
                film_label(&row.summary.title, row.summary.year),
                list.name
            );
        }
    }
    Ok(())
}

/// The bytes of `export list` and how to name what was written.
pub fn export_list(
    catalog: &Catalog,
    args: ExportListArgs,
) -> anyhow::Result<(Vec<u8>, Option<std::path::PathBuf>, String)> {
    let list = named(catalog, &args.name)?;
    let id = list.id.ok_or_else(|| anyhow!("The list has no number."))?;
    let rows = catalog.list_entries(id)?;
    let what = format!(
        "the list \"{}\" ({} films) as {}",
        list.name,
        rows.len(),
        args.format.name()
    );
    let bytes = interop::export_list(args.format, &list, &rows)?;
    Ok((bytes, args.output, what))
}

/// Runs one `view` subcommand.
pub fn view(db: &Path, command: ViewCommand) -> anyhow::Result<()> {
    let mut catalog = Catalog::open(db)?;
    match command {
        ViewCommand::Save { name, query } => {
            let before = catalog.save_view(&name, &query)?.value;
            let verb = if before.is_some() {
                "Replaced"
            } else {
                "Saved"
            };
            println!("{verb} the view \"{}\": {}", name.trim(), query.trim());
        }
        ViewCommand::List { json } => {
            let views = catalog.views()?;
            if json {
                return super::print_json(&views);
            }
            let mut out = std::io::stdout().lock();
            if views.is_empty() {
                writeln!(
                    out,
                    "No saved views; `cinedex view save NAME QUERY` saves one."
                )?;
            }
            for view in views {
                writeln!(out, "{}  {}", view.name, view.query)?;
            }
        }
        ViewCommand::Delete { name } => match catalog.delete_view(&name)?.value {
            Some(view) => println!("Deleted the view \"{}\".", view.name),
            None => bail!(
                "There is no view called \"{}\", so nothing was deleted.",
                name.trim()
            ),
        },
    }
    Ok(())
}

/// The search `films --view NAME --search TEXT` runs: the view's query, then the text.
pub fn view_search(catalog: &Catalog, view: &str, search: &str) -> anyhow::Result<String> {
    let Some(saved) = catalog.view(view)? else {
        bail!(
            "There is no view called \"{}\"; `cinedex view list` shows the saved views.",
            view.trim()
        );
    };
    Ok(format!("{} {search}", saved.query).trim().to_owned())
}

/// The list called `name`, or an error that says how to see the lists.
pub(super) fn named(catalog: &Catalog, name: &str) -> anyhow::Result<List> {
    catalog
        .list_named(name)?
        .ok_or_else(|| DbError::ListNamed(name.trim().to_owned()).into())
}

/// The entry on `list` that `film` names: its number (`12`, `#12`) or its title.
fn find_entry(
    catalog: &Catalog,
    list: &List,
    film: &str,
    year: Option<i32>,
) -> anyhow::Result<ListEntryRow> {
    let id = list.id.ok_or_else(|| anyhow!("The list has no number."))?;
    let rows = catalog.list_entries(id)?;
    let number = film.trim().trim_start_matches('#').parse::<i64>().ok();
    if let Some(row) = rows.iter().find(|r| Some(r.entry.film.0) == number) {
        return Ok(row.clone());
    }
    let titled = catalog.films_titled(film, year)?;
    let found: Vec<&ListEntryRow> = rows
        .iter()
        .filter(|r| titled.iter().any(|t| t.id == r.entry.film))
        .collect();
    match found.as_slice() {
        [row] => Ok((*row).clone()),
        [] => bail!(
            "\"{}\" is not on \"{}\", so nothing was changed; `cinedex list show \"{}\"` shows what is.",
            film.trim(),
            list.name,
            list.name
        ),
        several => {
            let lines: Vec<String> = several.iter().map(|r| entry_line(r)).collect();
            bail!(
                "\"{}\" fits more than one film on the list, so nothing was changed; name one by its [#number]:\n{}",
                film.trim(),
                lines.join("\n")
            )
        }
    }
}

/// One film of a list as `list show` prints it.
fn entry_line(row: &ListEntryRow) -> String {
    let film = &row.summary;
    let mut line = format!(
        "{:>4}. {}",
        row.entry.position + 1,
        film_label(&film.title, film.year)
    );
    if !film.directors.is_empty() {
        line.push_str(&format!("  {}", film.directors.join(", ")));
    }
    if row.seen {
        line.push_str("  seen");
    }
    if !row.entry.note.is_empty() {
        line.push_str(&format!("  \u{2014} {}", one_line(&row.entry.note)));
    }
    line.push_str(&format!("  [#{}]", film.id.0));
    line
}

/// One film of a list as `list show --json` prints it.
fn entry_json(row: &ListEntryRow) -> serde_json::Value {
    json!({
        "place": row.entry.position + 1,
        "note": row.entry.note,
        "seen": row.seen,
        "film": row.summary,
    })
}

/// `text` with its line breaks as spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
