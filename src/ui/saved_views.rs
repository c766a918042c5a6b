//! The saved views beside the catalog: a collapsible side list of named queries (stored in the
//! catalog, so `films --view NAME` runs them too); click one to run it, ✖ to delete it (you can
//! undo), and "Save view…" names the current search.

use eframe::egui;

use crate::db::SavedView;
use crate::ui::widgets::Generation;

use super::ctx::AppCtx;
use super::msg::Msg;
use super::query_command::QueryCommand;
use super::widgets::name_widget;

/// The side list's state.
#[derive(Default)]
pub struct SavedViews {
    /// Whether the side list is shown.
    pub open: bool,
    /// The views, as last read; the error when they could not be.
    views: Vec<SavedView>,
    error: Option<String>,
    /// The catalog generation `views` was read at.
    read_at: Generation,
    /// The name being typed for a new view, while "Save view…" is open.
    naming: Option<String>,
    /// Give the name field the keyboard focus next frame.
    focus_name: bool,
}

impl SavedViews {
    /// Opens the side list with a field to name the current search.
    pub fn start_naming(&mut self) {
        self.open = true;
        self.naming = Some(String::new());
        self.focus_name = true;
    }

    /// Draws the side list at the left of `ui`; `search` is the search box's text, `valid`
    /// whether it parses.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        search: &str,
        valid: bool,
        ctx: &AppCtx<'_>,
    ) -> Vec<Msg> {
        let mut commands = Vec::new();
        if self.read_at.moved(ctx.generation) {
            match ctx.catalog.views() {
                Ok(views) => {
                    self.views = views;
                    self.error = None;
                }
                Err(error) => {
                    self.error = Some(format!("The saved views could not be read: {error}"))
                }
            }
        }
        let Self {
            open,
            views,
            error,
            read_at: _,
            naming,
            focus_name,
        } = self;
        egui::Panel::left("saved-views")
            .resizable(true)
            .default_size(190.0)
            .size_range(140.0..=360.0)
            .show_collapsible(ui, open, |ui| {
                ui.heading("Saved views");
                ui.add_space(4.0);
                let query = search.trim();
                match naming {
                    Some(name) => {
                        naming_ui(ui, name, focus_name, valid.then_some(query), &mut commands);
                        if commands.is_empty() && ui.button("Cancel").clicked() {
                            *naming = None;
                        }
                    }
                    None => {
                        let save = ui
                            .add_enabled(
                                valid && !query.is_empty(),
                                egui::Button::new("Save view…"),
                            )
                            .on_hover_text("Name the current search, to run it again later")
                            .on_disabled_hover_text("Search or filter first, then save that");
                        if save.clicked() {
                            *naming = Some(String::new());
                            *focus_name = true;
                        }
                    }
                }
                if !commands.is_empty() {
                    *naming = None;
                }
                ui.separator();
                if let Some(error) = error {
                    ui.colored_label(ui.visuals().error_fg_color, error.as_str());
                }
                if views.is_empty() {
                    ui.weak("No saved views yet. Search or filter the catalog, then Save view….");
                }
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for view in views.iter() {
                        view_row_ui(ui, view, query, &mut commands);
                    }
                });
            });
        commands
    }
}

/// The name field and Save button for the search `query` (`None` while the search does not
/// parse: there is nothing to save).
fn naming_ui(
    ui: &mut egui::Ui,
    name: &mut String,
    focus: &mut bool,
    query: Option<&str>,
    commands: &mut Vec<Msg>,
) {
    let label = ui.label("View name");
    let field = ui
        .add(egui::TextEdit::singleline(name).hint_text("e.g. Short Japanese"))
        .labelled_by(label.id);
    if std::mem::take(focus) {
        field.request_focus();
    }
    let query = query.filter(|q| !q.is_empty());
    ui.weak(query.unwrap_or("Search or filter first: a view saves the search."));
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let ready = query.filter(|_| !name.trim().is_empty());
    let save = ui
        .add_enabled(ready.is_some(), egui::Button::new("Save"))
        .on_hover_text("Store the current search under this name, in the catalog");
    if let (true, Some(query)) = (save.clicked() || entered, ready) {
        commands.push(Msg::Query(QueryCommand::SaveView {
            name: name.trim().to_owned(),
            query: query.to_owned(),
        }));
    }
}

/// One saved view: its name (click to run it, hover for its query) and ✖ to delete it.
fn view_row_ui(ui: &mut egui::Ui, view: &SavedView, query: &str, commands: &mut Vec<Msg>) {
    ui.horizontal(|ui| {
        let delete = QueryCommand::DeleteView(view.name.clone());
        let remove = ui.small_button("✖").on_hover_text(delete.tooltip());
        name_widget(ui, remove.id, &delete.label());
        if remove.clicked() {
            commands.push(Msg::Query(delete));
        }
        let run = ui
            .selectable_label(view.query == query, view.name.as_str())
            .on_hover_text(&view.query);
        if run.clicked() {
            commands.push(Msg::SearchCatalog(view.query.clone()));
        }
    });
}
