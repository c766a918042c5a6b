//! The search box of the Lists view that adds a film: the first films of the catalog the words
//! find (the catalog's query language, so `director:varda` works too), each a button that puts
//! it at the end of the list; Enter adds the first one not on the list yet.

use eframe::egui;

use crate::db::{Catalog, FilmQuery, FilmRow, FirstIds};
use crate::model::{FilmId, ListEntryRow, ListId};

use crate::ui::list_command::ListCommand;
use crate::ui::msg::Msg;
use crate::ui::widgets::name_widget;
use crate::ui::widgets::rating::film_label;

/// How many films the search offers.
const FOUND_MAX: usize = 8;

/// The accessible name of the search box.
const FIELD_NAME: &str = "Find a film to add";

/// The search box and what it found.
#[derive(Default)]
pub(super) struct FilmSearch {
    /// The words typed.
    text: String,
    /// The words `found` answers; `None` to search again.
    asked: Option<String>,
    /// The first films found.
    found: Vec<FilmRow>,
    /// Why the words found nothing (bad query syntax, a failed read).
    error: Option<String>,
    /// Enter was pressed in the box this frame.
    entered: bool,
}

impl FilmSearch {
    /// Searches again on the next frame (the catalog changed).
    pub(super) fn read_again(&mut self) {
        self.asked = None;
    }

    /// The search box, in a row of other widgets.
    pub(super) fn field_ui(&mut self, ui: &mut egui::Ui, catalog: &Catalog) {
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.text)
                    .hint_text("Add a film: type its title or a person")
                    .desired_width(ui.available_width().clamp(120.0, 420.0)),
            )
            .on_hover_text("Find films in the catalog; click one (or press Enter) to add it");
        name_widget(ui, field.id, FIELD_NAME);
        self.entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if self.asked.as_deref() != Some(self.text.as_str()) {
            self.asked = Some(self.text.clone());
            self.find(catalog);
        }
    }

    fn find(&mut self, catalog: &Catalog) {
        self.found.clear();
        self.error = None;
        if self.text.trim().is_empty() {
            return;
        }
        let query = FilmQuery {
            search: self.text.clone(),
            ..FilmQuery::default()
        };
        let rows = catalog.first_film_ids(&query).and_then(|ids| {
            let (FirstIds::All(ids) | FirstIds::First(ids)) = ids;
            catalog.film_rows(&ids[..ids.len().min(FOUND_MAX)])
        });
        match rows {
            Ok(rows) => self.found = rows,
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    /// What the words found, under the box: each film a button that adds it to list `id`
    /// (`entries` are the list's films, shown ticked).
    pub(super) fn found_ui(
        &mut self,
        ui: &mut egui::Ui,
        id: ListId,
        entries: &[ListEntryRow],
        commands: &mut Vec<Msg>,
    ) {
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error.as_str());
            return;
        }
        if self.text.trim().is_empty() {
            return;
        }
        if self.found.is_empty() {
            ui.weak(format!(
                "No film in the catalog matches “{}”.",
                self.text.trim()
            ));
            return;
        }
        let listed = |film: FilmId| entries.iter().any(|e| e.entry.film == film);
        let mut chosen = None;
        if std::mem::take(&mut self.entered) {
            chosen = self.found.iter().map(|r| r.id).find(|f| !listed(*f));
        }
        ui.horizontal_wrapped(|ui| {
            for row in &self.found {
                let on_list = listed(row.id);
                let mut text = film_label(&row.title, row.year);
                if !row.directors.is_empty() {
                    text = format!("{text} — {}", row.directors);
                }
                let button = ui
                    .add_enabled(!on_list, egui::Button::new(text.as_str()).selected(on_list))
                    .on_hover_text(ListCommand::Add(id, row.id).tooltip())
                    .on_disabled_hover_text("On the list already");
                name_widget(ui, button.id, &format!("Add {text}"));
                if button.clicked() {
                    chosen = Some(row.id);
                }
            }
        });
        if let Some(film) = chosen {
            commands.push(Msg::List(ListCommand::Add(id, film)));
        }
    }
}
