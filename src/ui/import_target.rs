//! Where the import dialog stores the review: a matching film (with the reasons it matches),
//! another stored film found through a small search, or a new film.

use eframe::egui;

use crate::db::{Catalog, FilmQuery, FilmRow};

use super::Target;

/// How many stored films the search box offers.
const OTHER_FILMS_SHOWN: usize = 8;

/// The search box for another stored film, and what it found.
#[derive(Default)]
pub(super) struct OtherFilm {
    /// The words typed.
    search: String,
    /// The words `found` answers.
    searched: String,
    /// The first films the catalog's search finds.
    found: Vec<FilmRow>,
    /// Why the search could not run (bad query syntax, a read error).
    error: Option<String>,
}

impl OtherFilm {
    /// Whether `id` is one of the films the search offers.
    pub(super) fn offers(&self, id: crate::model::FilmId) -> bool {
        self.found.iter().any(|f| f.id == id)
    }

    /// Runs the catalog's search when the words changed.
    fn refresh(&mut self, catalog: &Catalog) {
        if self.search == self.searched {
            return;
        }
        self.searched = self.search.clone();
        self.error = None;
        self.found.clear();
        if self.search.trim().is_empty() {
            return;
        }
        let query = FilmQuery {
            search: self.search.clone(),
            ..FilmQuery::default()
        };
        let rows = catalog.film_ids(&query).and_then(|ids| {
            let first: Vec<_> = ids.into_iter().take(OTHER_FILMS_SHOWN).collect();
            catalog.film_rows(&first)
        });
        match rows {
            Ok(rows) => self.found = rows,
            Err(error) => self.error = Some(error.to_string()),
        }
    }
}

impl super::ImportDialog {
    /// The matches with their reasons, the search for another film, and "Add as a new film".
    pub(super) fn matches_ui(&mut self, ui: &mut egui::Ui, catalog: &Catalog) {
        ui.horizontal_wrapped(|ui| {
            if self.matches.is_empty() {
                ui.label("No film in the catalog matches;");
                ui.radio_value(
                    &mut self.target,
                    Target::New,
                    "the review will add a new film.",
                );
                return;
            }
            ui.label("Matches in the catalog:");
            for m in &self.matches {
                ui.radio_value(
                    &mut self.target,
                    Target::Film(m.id),
                    format!(
                        "Attach to “{}”{}: {}",
                        m.title,
                        year_directors(m.year, &m.directors),
                        m.reasons
                    ),
                );
            }
            ui.radio_value(&mut self.target, Target::New, "Add as a new film");
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Another stored film:");
            ui.add(
                egui::TextEdit::singleline(&mut self.other.search)
                    .hint_text("search the catalog")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            self.other.refresh(catalog);
            if let Some(error) = &self.other.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            } else if !self.other.search.trim().is_empty() && self.other.found.is_empty() {
                ui.label("No stored film found.");
            }
            for f in &self.other.found {
                ui.radio_value(
                    &mut self.target,
                    Target::Film(f.id),
                    format!(
                        "Attach to “{}”{}",
                        f.title,
                        year_directors(f.year, &f.directors)
                    ),
                );
            }
        });
    }
}

/// " (1987), Jane Doe": the year and directors that tell a film apart.
fn year_directors(year: Option<i32>, directors: &str) -> String {
    let year = year.map(|y| format!(" ({y})")).unwrap_or_default();
    if directors.is_empty() {
        year
    } else {
        format!("{year}, {directors}")
    }
}
