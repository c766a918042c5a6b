//! One list to a file: the CSV Letterboxd's list importer reads, a CSV of every field for
//! spreadsheets, Markdown and a printable HTML page. Escaped as the other exports are (formula
//! guard in the spreadsheet CSV, Markdown and HTML escaping), and written atomically by the caller
//! through [`super::write_atomically`].

use std::convert::identity;
use std::fmt::Write;

use html_escape::encode_text;

use super::html::STYLE;
use super::markdown::escape;
use super::records::cell;
use super::spreadsheet::{film_cells, neutralise_formula, table};
use super::ExportError;
use crate::model::{List, ListEntryRow, ListProgress};

/// The formats a list exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListFormat {
    /// The CSV Letterboxd's list importer reads: `Position,Title,Year,Directors,Review`.
    Letterboxd,
    /// Every field, one row per film, for spreadsheets.
    Csv,
    /// A numbered (ranked) or ticked list with the description and progress.
    Markdown,
    /// One printable page.
    Html,
}

impl ListFormat {
    /// Every format, in the order help texts list them.
    pub const ALL: [Self; 4] = [Self::Letterboxd, Self::Csv, Self::Markdown, Self::Html];

    /// The name a person types, e.g. `markdown`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Letterboxd => "letterboxd",
            Self::Csv => "csv",
            Self::Markdown => "markdown",
            Self::Html => "html",
        }
    }

    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Letterboxd | Self::Csv => "csv",
            Self::Markdown => "md",
            Self::Html => "html",
        }
    }

    /// The format named by [`ListFormat::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// `list` with its `rows` (in the order given) in `format`.
pub fn export_list(
    format: ListFormat,
    list: &List,
    rows: &[ListEntryRow],
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        ListFormat::Letterboxd => letterboxd(rows)?,
        ListFormat::Csv => spreadsheet(rows)?,
        ListFormat::Markdown => markdown(list, rows).into_bytes(),
        ListFormat::Html => html(list, rows).into_bytes(),
    })
}

/// Seen of total for `rows`.
fn progress(rows: &[ListEntryRow]) -> ListProgress {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    ListProgress {
        seen: count(rows.iter().filter(|r| r.seen).count()),
        total: count(rows.len()),
    }
}

/// For Letterboxd's importer: the place, what identifies the film (title, year, directors), and
/// the note in the `Review` column as the diary export writes it. Cells go as they are (a title
/// must reach Letterboxd unchanged); notes are HTML-escaped, as Letterboxd reads them as HTML.
fn letterboxd(rows: &[ListEntryRow]) -> Result<Vec<u8>, ExportError> {
    let cells = rows.iter().map(|row| {
        [
            (row.entry.position + 1).to_string(),
            row.summary.title.clone(),
            cell(row.summary.year),
            row.summary.directors.join(", "),
            encode_text(&row.entry.note).into_owned(),
        ]
    });
    table(
        ["Position", "Title", "Year", "Directors", "Review"],
        cells,
        identity,
    )
}

/// Every field, one film per row.
fn spreadsheet(rows: &[ListEntryRow]) -> Result<Vec<u8>, ExportError> {
    let cells = rows.iter().map(|row| {
        let [film_id, title, year, directors, runtime_min] = film_cells(&row.summary);
        [
            (row.entry.position + 1).to_string(),
            film_id,
            title,
            year,
            directors,
            runtime_min,
            row.seen.to_string(),
            row.entry.note.clone(),
        ]
    });
    let header = [
        "position",
        "film_id",
        "title",
        "year",
        "directors",
        "runtime_min",
        "seen",
        "note",
    ];
    table(header, cells, neutralise_formula)
}

/// A heading, the description and progress, then one line a film: numbered when ranked, a box
/// ticked when seen otherwise.
fn markdown(list: &List, rows: &[ListEntryRow]) -> String {
    let mut out = format!("# {}\n\n", escape(&list.name));
    if !list.description.trim().is_empty() {
        let _ = write!(out, "{}\n\n", escape(&list.description));
    }
    let _ = write!(out, "{}\n\n", progress(rows));
    for row in rows {
        let film = &row.summary;
        if list.ranked {
            let _ = write!(out, "{}. ", row.entry.position + 1);
        } else {
            out.push_str(if row.seen { "- [x] " } else { "- [ ] " });
        }
        let _ = write!(out, "**{}**", escape(&film.title));
        if let Some(year) = film.year {
            let _ = write!(out, " ({year})");
        }
        if !film.directors.is_empty() {
            let _ = write!(out, " — {}", escape(&film.directors.join(", ")));
        }
        if !row.entry.note.trim().is_empty() {
            let _ = write!(out, " — {}", escape(&row.entry.note));
        }
        out.push('\n');
    }
    out
}

/// A page with the list's name, description, progress and a table of its films.
fn html(list: &List, rows: &[ListEntryRow]) -> String {
    let name = encode_text(&list.name);
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{name}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{name}</h1>\n"
    );
    if !list.description.trim().is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"note\">{}</p>",
            encode_text(&list.description)
        );
    }
    let _ = write!(
        page,
        "<p class=\"count\">{}</p>\n<table>\n<thead><tr><th>{}</th><th>Title</th><th>Year</th>\
         <th>Director</th><th>Runtime</th><th>Seen</th><th>Note</th></tr></thead>\n<tbody>\n",
        progress(rows),
        if list.ranked { "#" } else { "" }
    );
    for row in rows {
        let film = &row.summary;
        let place = if list.ranked {
            (row.entry.position + 1).to_string()
        } else {
            String::new()
        };
        let _ = writeln!(
            page,
            "<tr><td class=\"num\">{place}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td>\
             <td class=\"num\">{}</td><td>{}</td><td class=\"note\">{}</td></tr>",
            encode_text(&film.title),
            cell(film.year),
            encode_text(&film.directors.join(", ")),
            film.runtime_min
                .map(|m| format!("{m} min"))
                .unwrap_or_default(),
            if row.seen { "✓" } else { "" },
            encode_text(&row.entry.note),
        );
    }
    page.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    page
}
