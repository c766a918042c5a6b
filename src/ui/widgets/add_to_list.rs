//! The "Add to list" menu of a film, shared by the catalog table's context menu and the film
//! editor: one item per list (ticked, and not clickable, when the film is on it already), read
//! from the catalog only while the menu is open.

use eframe::egui;

use crate::db::Catalog;
use crate::model::FilmId;

use crate::ui::command::UiCommand;
use crate::ui::list_command::ListCommand;
use crate::ui::msg::Msg;

/// The name of the menu (inside another menu egui adds its ⏵).
pub const ADD_TO_LIST: &str = "Add to list";

/// The items of the "Add to list" menu for `film`; returns what was chosen.
fn add_to_list_items_ui(ui: &mut egui::Ui, catalog: &Catalog, film: FilmId) -> Option<Msg> {
    let read = catalog
        .lists()
        .and_then(|lists| Ok((lists, catalog.lists_holding(film)?)));
    let (lists, holding) = match read {
        Ok(read) => read,
        Err(error) => {
            ui.close();
            return Some(Msg::ReportError(error.to_string()));
        }
    };
    let mut chosen = None;
    if lists.is_empty() {
        ui.weak("No lists yet.");
        let make = UiCommand::ShowLists;
        if ui
            .button("Make a list in Lists…")
            .on_hover_text(make.hover_text(ui.ctx()))
            .clicked()
        {
            chosen = Some(make.into());
        }
    }
    for row in &lists {
        let Some(id) = row.list.id else {
            continue;
        };
        let listed = holding.contains(&id);
        let text = format!("{}  ({})", row.list.name, row.progress);
        let item = ui
            .add_enabled(!listed, egui::Button::new(text).selected(listed))
            .on_hover_text(ListCommand::Add(id, film).tooltip())
            .on_disabled_hover_text("The film is on this list already");
        super::name_widget(ui, item.id, &format!("Add to {}", row.list.name));
        if item.clicked() {
            chosen = Some(Msg::List(ListCommand::Add(id, film)));
        }
    }
    if chosen.is_some() {
        ui.close();
    }
    chosen
}

/// The "Add to list" menu button for `film`: a button that opens the menu, or inside a context
/// menu a submenu.
pub fn add_to_list_menu_ui(ui: &mut egui::Ui, catalog: &Catalog, film: FilmId) -> Option<Msg> {
    ui.menu_button(ADD_TO_LIST, |ui| add_to_list_items_ui(ui, catalog, film))
        .inner
        .flatten()
}
