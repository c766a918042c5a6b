//! Naming a film by its title on the command line (`log`, `watchlist add`, `list add`): the
//! write resolves it ([`FilmChoice::Titled`]); these word what it did, or the ambiguity.

use anyhow::anyhow;

use super::lists::film_label;
use crate::db::{Catalog, Change, DbError, FilmChoice, FilmMatch};
use crate::model::FilmId;

/// The film `title` (and `year`) names, resolved by the write that names it: the one stored
/// film that fits, or a new film when none does.
pub(super) fn titled(title: &str, year: Option<i32>) -> FilmChoice {
    FilmChoice::Titled {
        title: title.to_owned(),
        year,
    }
}

/// A title that fits several films as the CLI says it: the sentence, then the candidates.
pub(super) fn ambiguous(error: DbError) -> anyhow::Error {
    match error {
        DbError::AmbiguousTitle { title, candidates } => anyhow!(
            "{} films in the catalog are titled \"{title}\", so nothing was changed; add --year to choose one:\n{}",
            candidates.len(),
            self::candidates(&candidates)
        ),
        other => other.into(),
    }
}

/// How messages name film `id`: `"Title" (Year)`.
pub(super) fn label_of(catalog: &Catalog, id: FilmId) -> anyhow::Result<String> {
    let film = catalog.film(id)?.ok_or(DbError::FilmNotFound(id))?;
    Ok(film_label(&film.title, film.year))
}

/// Says so when `undo` shows the write added its film to the catalog.
pub(super) fn print_film_added(label: &str, undo: &Change) {
    if let Some(id) = undo.film_added() {
        println!("Added {label} to the catalog as film #{}.", id.0);
    }
}

/// One line per candidate film: number, title, year, directors.
fn candidates(found: &[FilmMatch]) -> String {
    let lines: Vec<String> = found
        .iter()
        .map(|c| {
            format!(
                "  #{}  {}  {}",
                c.id.0,
                film_label(&c.title, c.year),
                c.directors
            )
        })
        .collect();
    lines.join("\n")
}
