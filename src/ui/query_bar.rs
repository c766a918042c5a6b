//! What the catalog view adds around its search box for the query language: the buttons beside
//! the box (Filters, Saved views, Save view…, Pick for me…), the sentence under the box when the
//! search does not parse (the table keeps its last good listing), the filter bar, and the saved
//! views beside the table.

use eframe::egui;

use super::command::UiCommand;
use super::ctx::AppCtx;
use super::filter_bar::FilterBar;
use super::filter_terms::ParsedText;
use super::msg::Msg;
use super::persisted::QueryPanels;
use super::saved_views::SavedViews;

/// The query bar's state.
#[derive(Default)]
pub struct QueryBar {
    /// Whether the filter bar is shown under the box.
    filters_open: bool,
    filters: FilterBar,
    views: SavedViews,
    /// Why the search box's text cannot be run, as a sentence.
    error: Option<String>,
}

impl QueryBar {
    /// Which of the filter bar and the saved views are open.
    pub fn panels(&self) -> QueryPanels {
        QueryPanels {
            filters: self.filters_open,
            saved_views: self.views.open,
        }
    }

    /// Opens or closes the filter bar and the saved views as `panels` says.
    pub fn set_panels(&mut self, panels: QueryPanels) {
        self.filters_open = panels.filters;
        self.views.open = panels.saved_views;
    }

    /// Reads the search box's text; true when it parses (and may be run).
    pub fn check(&mut self, search: &str) -> bool {
        self.error = ParsedText::parse(search).err();
        self.error.is_none()
    }

    /// The buttons in the toolbar above the search box: Pick for me…, then (at the right)
    /// Saved views and Save view….
    pub fn actions_ui(&mut self, ui: &mut egui::Ui) -> Vec<Msg> {
        let mut commands = Vec::new();
        if UiCommand::PickForMe.button(ui, true).clicked() {
            commands.push(UiCommand::PickForMe.into());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Save view…")
                .on_hover_text("Name the current search, to run it again from the saved views")
                .clicked()
            {
                self.views.start_naming();
            }
            ui.toggle_value(&mut self.views.open, "Saved views")
                .on_hover_text("Show or hide the saved views beside the table");
        });
        commands
    }

    /// The Filters button beside the search box, which shows or hides the filter bar.
    pub fn filters_toggle_ui(&mut self, ui: &mut egui::Ui) {
        ui.toggle_value(&mut self.filters_open, "Filters")
            .on_hover_text("Filter by genre, decade, country, people, rating, lists and more");
    }

    /// Under the search box: the error sentence, and the filter bar when it is open (which may
    /// change `search`).
    pub fn under_box_ui(&mut self, ui: &mut egui::Ui, search: &mut String, ctx: &AppCtx<'_>) {
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error.as_str());
        }
        if self.filters_open {
            if let Some(text) = self.filters.ui(ui, search, ctx) {
                *search = text;
            }
        }
    }

    /// The saved views at the left of `ui`.
    pub fn side_ui(&mut self, ui: &mut egui::Ui, search: &str, ctx: &AppCtx<'_>) -> Vec<Msg> {
        self.views.ui(ui, search, self.error.is_none(), ctx)
    }
}
