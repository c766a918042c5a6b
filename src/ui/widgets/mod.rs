//! Drawing helpers shared by the views, so that no view imports another: star ratings, labelled
//! fields, list editors, the film form, the "Add to list" menu, what a modal dialog did
//! ([`ModalOut`]) and the catalog [`Generation`] a view read at.

pub mod add_to_list;
pub mod film_form;
mod generation;
pub mod poster;
pub mod rating;

use eframe::egui;

pub use generation::Generation;

use super::msg::Msg;

/// A 0–100 rating as stars out of five in half stars, e.g. `★★★½`; empty for no rating.
pub fn stars(rating_norm: Option<f64>) -> String {
    let Some(rating) = rating_norm else {
        return String::new();
    };
    let half_stars = (rating.clamp(0.0, 100.0) / 10.0).round() as usize;
    let mut text = "★".repeat(half_stars / 2);
    if half_stars % 2 == 1 {
        text.push('½');
    }
    if text.is_empty() {
        text.push('☆');
    }
    text
}

/// Gives the widget `id` the accessible name `name` (for screen readers and UI tests), for fields
/// that show no label of their own, e.g. the rows of a list.
pub fn name_widget(ui: &egui::Ui, id: egui::Id, name: &str) {
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(name));
}

/// A title in bold in a row of other widgets, cut to at most `share` of the row's free width with
/// an ellipsis; hovering an elided title shows it whole.
pub fn elided_title(ui: &mut egui::Ui, title: &str, share: f32) -> egui::Response {
    elided(ui, egui::RichText::new(title).strong(), share)
}

/// Text in a row of other widgets, cut to at most `share` of the row's free width (see
/// [`elided_title`]).
pub fn elided(ui: &mut egui::Ui, text: egui::RichText, share: f32) -> egui::Response {
    let width = (ui.available_width() * share).max(80.0);
    ui.scope(|ui| {
        ui.set_max_width(width);
        ui.add(egui::Label::new(text).truncate())
    })
    .inner
}

/// A labelled one-line text field in a two-column grid; returns its response.
pub fn text_row(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(text)
                .hint_text(hint.to_owned())
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    ui.end_row();
    response
}

/// What a list editor asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListEdit {
    /// Remove the item at this index.
    Remove(usize),
    /// Swap the item at this index with the one above.
    MoveUp(usize),
}

/// Applies a [`ListEdit`] to `items`.
pub fn apply_list_edit<T>(items: &mut Vec<T>, edit: ListEdit) {
    match edit {
        ListEdit::Remove(index) if index < items.len() => {
            items.remove(index);
        }
        ListEdit::MoveUp(index) if index > 0 && index < items.len() => items.swap(index - 1, index),
        ListEdit::Remove(_) | ListEdit::MoveUp(_) => {}
    }
}

/// A list of names, one text field each, with remove buttons and an add button. `noun` names
/// an item (e.g. `Director`), for the accessible names and the add button.
pub fn name_list(ui: &mut egui::Ui, id_salt: &str, items: &mut Vec<String>, noun: &str) {
    let mut edit = None;
    ui.push_id(id_salt, |ui| {
        for (index, item) in items.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let remove = ui
                    .small_button("✖")
                    .on_hover_text(format!("Remove this {}", noun.to_lowercase()));
                name_widget(ui, remove.id, &format!("Remove {noun} {}", index + 1));
                if remove.clicked() {
                    edit = Some(ListEdit::Remove(index));
                }
                let field = ui.add(
                    egui::TextEdit::singleline(item)
                        .hint_text("Name")
                        .desired_width(f32::INFINITY),
                );
                name_widget(ui, field.id, &format!("{noun} {}", index + 1));
            });
        }
        let add = ui
            .small_button(format!("+ Add {}", noun.to_lowercase()))
            .on_hover_text(format!("Add a {} row", noun.to_lowercase()));
        if add.clicked() {
            items.push(String::new());
        }
    });
    if let Some(edit) = edit {
        apply_list_edit(items, edit);
    }
}

/// What a modal dialog did this frame: what it asked for, and whether the person dismissed it
/// (Escape, or a click outside it). The app's one modal slot applies the close rule to it.
pub struct ModalOut {
    /// What the dialog asked for.
    pub msgs: Vec<Msg>,
    /// Escape was pressed or the person clicked outside the dialog.
    pub dismissed: bool,
}

impl ModalOut {
    /// What the dialog behind `response` asked for (`msgs`).
    pub fn new<T>(response: &egui::ModalResponse<T>, msgs: Vec<Msg>) -> Self {
        Self {
            msgs,
            dismissed: response.should_close(),
        }
    }

    /// The close rule of every modal dialog: dismissed while nothing else was asked for this
    /// frame.
    pub fn closes(&self) -> bool {
        self.dismissed && self.msgs.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_round_to_half_stars() {
        assert_eq!(stars(None), "");
        assert_eq!(stars(Some(70.0)), "★★★½");
        assert_eq!(stars(Some(100.0)), "★★★★★");
        assert_eq!(stars(Some(0.0)), "☆");
        assert_eq!(stars(Some(85.0)), "★★★★½");
    }

    #[test]
    fn list_edits_stay_in_bounds() {
        let mut items = vec![1, 2, 3];
        apply_list_edit(&mut items, ListEdit::MoveUp(0));
        apply_list_edit(&mut items, ListEdit::MoveUp(2));
        assert_eq!(items, [1, 3, 2]);
        apply_list_edit(&mut items, ListEdit::Remove(5));
        apply_list_edit(&mut items, ListEdit::Remove(0));
        assert_eq!(items, [3, 2]);
    }
}
