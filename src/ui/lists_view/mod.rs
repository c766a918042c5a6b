//! The Lists view (Ctrl+5): the lists beside the films of the one chosen. On the left every list
//! with "N of M seen" and a field to create one; on the right the chosen list's name, description
//! and progress, Edit list…, Delete list, Export…, "Only unseen", a search box that adds a film
//! (`search.rs`), and its films in order: drag to reorder, a note each, remove (`entries.rs`).
//! Every write is a [`ListCommand`] the app runs as one undo step; the view reads again when the
//! catalog generation moves on.

mod entries;
mod search;

use std::collections::HashMap;

use eframe::egui;

use crate::db::{Catalog, ListRow};
use crate::model::{FilmId, List, ListEntryRow, ListId};
use crate::ui::widgets::Generation;

use super::ctx::AppCtx;
use super::list_command::ListCommand;
use super::msg::Msg;
use super::widgets::name_widget;
use entries::entries_ui;
use search::FilmSearch;

/// The Lists view.
#[derive(Default)]
pub struct ListsView {
    /// Every list with its progress, by name.
    lists: Vec<ListRow>,
    /// The list shown on the right.
    selected: Option<ListId>,
    /// Its films in order.
    entries: Vec<ListEntryRow>,
    /// The catalog generation `lists` and `entries` were read at; forgotten to read again.
    read_at: Generation,
    /// Show only the films not seen yet.
    only_unseen: bool,
    /// The name typed for a new list.
    new_name: String,
    /// The open Edit list… form: the list as typed.
    form: Option<List>,
    /// The notes as typed, by film; stored when the field loses the keyboard.
    notes: HashMap<FilmId, String>,
    /// The search box that adds a film.
    search: FilmSearch,
}

impl ListsView {
    /// Shows list `id` (read again on the next frame).
    pub fn show(&mut self, id: ListId) {
        self.selected = Some(id);
        self.read_at.forget();
    }

    /// Shows list `id`, just created, and empties the new list's name.
    pub fn created(&mut self, id: ListId) {
        self.new_name.clear();
        self.show(id);
    }

    /// Closes the Edit list… form (after what it asked for was stored).
    pub fn saved(&mut self) {
        self.form = None;
    }

    /// Draws the lists and the chosen list.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &AppCtx<'_>) -> Vec<Msg> {
        let mut commands = Vec::new();
        if self.read_at.moved(ctx.generation) {
            self.load(ctx.catalog, &mut commands);
        }
        egui::Panel::left("lists-side")
            .resizable(true)
            .default_size(260.0)
            .size_range(180.0..=480.0)
            .show(ui, |ui| self.side_ui(ui, &mut commands));
        let chosen = self
            .lists
            .iter()
            .find(|row| row.list.id.is_some() && row.list.id == self.selected)
            .cloned();
        match chosen {
            Some(row) => self.list_ui(ui, ctx.catalog, &row, &mut commands),
            None => {
                ui.add_space(32.0);
                ui.vertical_centered(|ui| {
                    ui.weak("No lists yet. Name one on the left and press Create list.");
                });
            }
        }
        commands
    }

    fn load(&mut self, catalog: &Catalog, commands: &mut Vec<Msg>) {
        self.lists = catalog.lists().unwrap_or_else(|error| {
            commands.push(Msg::ReportError(error.to_string()));
            Vec::new()
        });
        let ids: Vec<ListId> = self.lists.iter().filter_map(|row| row.list.id).collect();
        if self.selected.is_none_or(|id| !ids.contains(&id)) {
            self.selected = ids.first().copied();
            self.form = None;
        }
        self.entries = match self.selected {
            Some(id) => catalog.list_entries(id).unwrap_or_else(|error| {
                commands.push(Msg::ReportError(error.to_string()));
                Vec::new()
            }),
            None => Vec::new(),
        };
        self.notes = self
            .entries
            .iter()
            .map(|row| (row.entry.film, row.entry.note.clone()))
            .collect();
        self.search.read_again();
    }

    /// The new list's field, then every list with its progress.
    fn side_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Msg>) {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.new_name)
                    .hint_text("New list name")
                    .desired_width((ui.available_width() - 96.0).max(80.0)),
            );
            name_widget(ui, field.id, "New list name");
            let create = ListCommand::Create(self.new_name.trim().to_owned());
            let ready = !self.new_name.trim().is_empty();
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let clicked = ui
                .add_enabled(ready, egui::Button::new(create.label()))
                .on_hover_text(create.tooltip())
                .clicked();
            if ready && (clicked || entered) {
                commands.push(Msg::List(create));
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("lists-side-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if self.lists.is_empty() {
                    ui.weak("Lists gather films: a top 100, a festival, films to show a friend.");
                }
                for row in &self.lists {
                    let Some(id) = row.list.id else {
                        continue;
                    };
                    let chosen = self.selected == Some(id);
                    let name = ui
                        .selectable_label(chosen, egui::RichText::new(&row.list.name).strong())
                        .on_hover_text(ListCommand::Show(id).tooltip());
                    if name.clicked() && !chosen {
                        commands.push(Msg::List(ListCommand::Show(id)));
                    }
                    let ranked = if row.list.ranked { " · ranked" } else { "" };
                    ui.weak(format!("{}{ranked}", row.progress));
                    ui.add_space(4.0);
                }
            });
    }

    /// The chosen list: its header, the Edit form, the search box and its films.
    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        catalog: &Catalog,
        row: &ListRow,
        commands: &mut Vec<Msg>,
    ) {
        let Some(id) = row.list.id else {
            return;
        };
        ui.horizontal(|ui| {
            ui.heading(&row.list.name);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                for command in [ListCommand::Delete(id), ListCommand::Export(id)] {
                    if ui
                        .button(command.label())
                        .on_hover_text(command.tooltip())
                        .clicked()
                    {
                        commands.push(Msg::List(command));
                    }
                }
                if ui
                    .button("Edit list…")
                    .on_hover_text("Rename the list, describe it, or make it a ranking")
                    .clicked()
                {
                    self.form = Some(row.list.clone());
                }
            });
        });
        if !row.list.description.is_empty() {
            ui.add(egui::Label::new(&row.list.description).wrap());
        }
        if let Some(form) = &mut self.form {
            let asked = egui::Frame::group(ui.style())
                .show(ui, |ui| edit_form_ui(ui, form))
                .inner;
            match asked {
                FormAsk::Save => commands.push(Msg::List(ListCommand::Edit(form.clone()))),
                FormAsk::Cancel => self.form = None,
                FormAsk::Nothing => {}
            }
        }
        let progress = row.progress;
        let fraction = if progress.total == 0 {
            0.0
        } else {
            progress.seen as f32 / progress.total as f32
        };
        ui.add(egui::ProgressBar::new(fraction).text(progress.to_string()));
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.only_unseen, "Only unseen")
                .on_hover_text("Hide the films with a viewing in the diary or marked watched");
            ui.separator();
            self.search.field_ui(ui, catalog);
        });
        self.search.found_ui(ui, id, &self.entries, commands);
        ui.separator();
        entries_ui(
            ui,
            &row.list,
            &self.entries,
            self.only_unseen,
            &mut self.notes,
            commands,
        );
    }
}

/// What the Edit list… form asks for.
enum FormAsk {
    Nothing,
    Save,
    Cancel,
}

/// The Edit list… form: name, description, ranked; Save list stores them.
fn edit_form_ui(ui: &mut egui::Ui, form: &mut List) -> FormAsk {
    let mut asked = FormAsk::Nothing;
    egui::Grid::new("list-form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("Name");
            ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(320.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Description");
            ui.add(
                egui::TextEdit::multiline(&mut form.description)
                    .hint_text("What the list is about")
                    .desired_rows(2)
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            ui.label("Order");
            ui.checkbox(&mut form.ranked, "Ranked (numbered)")
                .on_hover_text("The order is a ranking: the films are shown numbered");
            ui.end_row();
        });
    ui.horizontal(|ui| {
        let save = ListCommand::Edit(form.clone());
        if ui
            .add_enabled(
                !form.name.trim().is_empty(),
                egui::Button::new(save.label()),
            )
            .on_hover_text(save.tooltip())
            .on_disabled_hover_text("A list needs a name")
            .clicked()
        {
            asked = FormAsk::Save;
        }
        if ui
            .button("Cancel")
            .on_hover_text("Keep the list as it is")
            .clicked()
        {
            asked = FormAsk::Cancel;
        }
    });
    asked
}
