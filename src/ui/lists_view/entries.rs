//! The films of one list in its order: a drag handle (drop on another film to move there; a line
//! shows where it lands), the place when the list is ranked, the film, whether it was seen, a note
//! (stored when the field loses the keyboard), ↑ ↓ to move from the keyboard, and Remove.

use std::collections::HashMap;

use eframe::egui;

use crate::model::{FilmId, List, ListEntryRow, ListId};

use crate::ui::list_command::ListCommand;
use crate::ui::msg::Msg;
use crate::ui::widgets::rating::film_label;
use crate::ui::widgets::{elided, elided_title, name_widget};

/// What is dragged: a film of the list shown (its own type, so no other drop zone takes it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DraggedEntry(FilmId);

/// The list's films (only the unseen ones with `only_unseen`), with `notes` as typed.
pub(super) fn entries_ui(
    ui: &mut egui::Ui,
    list: &List,
    entries: &[ListEntryRow],
    only_unseen: bool,
    notes: &mut HashMap<FilmId, String>,
    commands: &mut Vec<Msg>,
) {
    let Some(id) = list.id else {
        return;
    };
    let shown: Vec<&ListEntryRow> = entries
        .iter()
        .filter(|row| !only_unseen || !row.seen)
        .collect();
    let dragged = egui::DragAndDrop::payload::<DraggedEntry>(ui.ctx())
        .and_then(|d| entries.iter().find(|row| row.entry.film == d.0))
        .map(|row| row.entry.position);
    egui::ScrollArea::vertical()
        .id_salt(("list-entries", id.0))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if shown.is_empty() {
                ui.add_space(24.0);
                ui.vertical_centered(|ui| {
                    ui.weak(if entries.is_empty() {
                        "This list is empty. Find a film above to add it, or right-click a \
                         film in the catalog: Add to list."
                    } else {
                        "Every film on this list has been seen."
                    });
                });
                return;
            }
            for (index, row) in shown.iter().enumerate() {
                let neighbours = Neighbours {
                    above: index.checked_sub(1).map(|i| shown[i].entry.position),
                    below: shown.get(index + 1).map(|r| r.entry.position),
                    dragged,
                };
                let note = notes.entry(row.entry.film).or_default();
                entry_ui(ui, id, list.ranked, row, &neighbours, note, commands);
            }
        });
}

/// The places around a row: of the films shown above and below it, and of the one dragged.
struct Neighbours {
    above: Option<u32>,
    below: Option<u32>,
    dragged: Option<u32>,
}

/// One film of the list.
fn entry_ui(
    ui: &mut egui::Ui,
    list: ListId,
    ranked: bool,
    row: &ListEntryRow,
    neighbours: &Neighbours,
    note: &mut String,
    commands: &mut Vec<Msg>,
) {
    let film = row.entry.film;
    let place = row.entry.position;
    let label = film_label(&row.summary.title, row.summary.year);
    let mut asked = None;
    let response = ui
        .horizontal(|ui| {
            let handle_id = egui::Id::unique(("list-entry-drag", list.0, film.0));
            ui.dnd_drag_source(handle_id, DraggedEntry(film), |ui| ui.label("≡"))
                .response
                .on_hover_text("Drag onto another film to move it there");
            if ranked {
                ui.monospace(format!("{:>3}.", place + 1));
            }
            elided_title(ui, &label, 0.35);
            if !row.summary.directors.is_empty() {
                elided(ui, row.summary.directors.join(", ").into(), 0.3);
            }
            if row.seen {
                ui.colored_label(ui.visuals().weak_text_color(), "✔ seen")
                    .on_hover_text("A viewing in the diary, or marked watched");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                asked = buttons_ui(ui, list, film, &label, neighbours);
                let field = ui.add(
                    egui::TextEdit::singleline(note)
                        .hint_text("Note")
                        .desired_width(ui.available_width().clamp(80.0, 320.0)),
                );
                name_widget(ui, field.id, &format!("Note on {label}"));
                if field.lost_focus() && note.trim() != row.entry.note {
                    commands.push(Msg::List(ListCommand::Note(list, film, note.clone())));
                }
            });
        })
        .response;
    commands.extend(asked.map(Msg::List));
    // The row's widgets cover most of it, so the pointer is looked for over the whole row.
    if !response.container_contains_pointer() {
        return;
    }
    if ui.input(|i| i.pointer.any_released()) {
        if let Some(dropped) = egui::DragAndDrop::take_payload::<DraggedEntry>(ui.ctx()) {
            if dropped.0 != film {
                commands.push(Msg::List(ListCommand::Move(list, dropped.0, place)));
            }
        }
    }
    // Where a film dropped here lands: above this one when it comes from below, else under it.
    if let Some(from) = neighbours.dragged {
        if from != place {
            let y = if from > place {
                response.rect.top()
            } else {
                response.rect.bottom()
            };
            let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
            ui.painter().hline(response.rect.x_range(), y, stroke);
        }
    }
}

/// Remove, ↓ and ↑ (right to left); returns the one clicked.
fn buttons_ui(
    ui: &mut egui::Ui,
    list: ListId,
    film: FilmId,
    label: &str,
    neighbours: &Neighbours,
) -> Option<ListCommand> {
    let mut asked = None;
    let remove = ListCommand::Remove(list, film);
    let button = ui
        .small_button(remove.label())
        .on_hover_text(remove.tooltip());
    name_widget(ui, button.id, &format!("Remove {label}"));
    if button.clicked() {
        asked = Some(remove);
    }
    for (to, arrow, name) in [
        (neighbours.below, "↓", "down"),
        (neighbours.above, "↑", "up"),
    ] {
        let button = ui
            .add_enabled(to.is_some(), egui::Button::new(arrow).small())
            .on_hover_text(format!("Move it {name} one place"));
        name_widget(ui, button.id, &format!("Move {label} {name}"));
        if let (true, Some(to)) = (button.clicked(), to) {
            asked = Some(ListCommand::Move(list, film, to));
        }
    }
    asked
}
