//! The Watchlist view: the films to see in the person's order (reorder by dragging the handle, or
//! with the ↑ ↓ buttons from the keyboard), sortable by priority, date added, title or runtime;
//! add a film, remove one (with undo), "Watched it" (a diary entry for today, prefilled, and the
//! film leaves the list when it is saved), and Export….

use chrono::NaiveDate;
use eframe::egui;

use crate::db::{Catalog, FilmChoice, WatchlistSort};
use crate::model::{DiaryEntry, FilmId, WatchlistItem, WatchlistItemId, WatchlistRow};
use crate::ui::widgets::Generation;

use super::command::UiCommand;
use super::ctx::AppCtx;
use super::msg::Msg;
use super::widgets::rating::{film_label, star_rating_ui};

/// The orders the view offers, with their names.
const SORTS: [(WatchlistSort, &str); 5] = [
    (WatchlistSort::Position, "My order"),
    (WatchlistSort::Priority, "Priority"),
    (WatchlistSort::DateAdded, "Date added"),
    (WatchlistSort::Title, "Title"),
    (WatchlistSort::Runtime, "Runtime"),
];

/// The Watchlist view.
#[derive(Default)]
pub struct WatchlistView {
    sort: WatchlistSort,
    /// The list; `None` until read (again).
    rows: Option<Vec<WatchlistRow>>,
    /// The catalog generation `rows` was read at; forgotten to read again on the next frame.
    read_at: Generation,
    /// The add form's fields.
    title: String,
    year: String,
    priority: u8,
    note: String,
    /// The open "Watched it" form.
    watched: Option<WatchedForm>,
}

/// The diary entry "Watched it" stores.
#[derive(Clone, Debug)]
struct WatchedForm {
    item: WatchlistItemId,
    label: String,
    date: String,
    rating_half_stars: Option<u8>,
    liked: bool,
}

impl WatchlistView {
    /// Closes the forms (after what they asked for was stored).
    pub fn saved(&mut self) {
        self.watched = None;
        self.title.clear();
        self.year.clear();
        self.note.clear();
    }

    /// Draws the add form, the order and the list.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &AppCtx<'_>) -> Vec<Msg> {
        let mut commands = Vec::new();
        if self.priority == 0 {
            self.priority = 3;
        }
        if self.read_at.moved(ctx.generation) {
            self.load(ctx.catalog, &mut commands);
        }
        self.add_form_ui(ui, &mut commands);
        ui.horizontal(|ui| {
            ui.label("Order");
            let before = self.sort;
            for (sort, name) in SORTS {
                ui.selectable_value(&mut self.sort, sort, name);
            }
            if self.sort != before {
                self.read_at.forget();
            }
            ui.separator();
            if UiCommand::ExportWatchlist.button(ui, true).clicked() {
                commands.push(UiCommand::ExportWatchlist.into());
            }
        });
        if let Some(form) = &mut self.watched {
            let asked = egui::Frame::group(ui.style())
                .show(ui, |ui| watched_form_ui(ui, form))
                .inner;
            match asked {
                WatchedAsk::Save(command) => commands.push(command),
                WatchedAsk::Cancel => self.watched = None,
                WatchedAsk::Nothing => {}
            }
        }
        ui.add_space(4.0);
        let reorderable = self.sort == WatchlistSort::Position;
        let mut start_watched = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match self.rows.as_deref() {
                None | Some([]) => {
                    ui.add_space(24.0);
                    ui.vertical_centered(|ui| ui.weak("The watchlist is empty."));
                }
                Some(rows) => {
                    for (index, row) in rows.iter().enumerate() {
                        if let Some(form) =
                            row_ui(ui, row, index, rows.len(), reorderable, &mut commands)
                        {
                            start_watched = Some(form);
                        }
                    }
                }
            });
        if let Some(form) = start_watched {
            self.watched = Some(form);
        }
        commands
    }

    fn load(&mut self, catalog: &Catalog, commands: &mut Vec<Msg>) {
        match catalog.watchlist(self.sort) {
            Ok(rows) => self.rows = Some(rows),
            Err(error) => {
                self.rows = Some(Vec::new());
                commands.push(Msg::ReportError(error.to_string()));
            }
        }
    }

    fn add_form_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Msg>) {
        ui.horizontal(|ui| {
            let title =
                ui.add(egui::TextEdit::singleline(&mut self.title).hint_text("Title to add"));
            super::widgets::name_widget(ui, title.id, "Title to add");
            let year = ui.add(
                egui::TextEdit::singleline(&mut self.year)
                    .hint_text("Year")
                    .desired_width(48.0),
            );
            super::widgets::name_widget(ui, year.id, "Year to add");
            ui.add(egui::Slider::new(&mut self.priority, 1..=5).text("priority"));
            let note = ui.add(egui::TextEdit::singleline(&mut self.note).hint_text("Note"));
            super::widgets::name_widget(ui, note.id, "Note to add");
            let year: Option<i32> = self.year.trim().parse().ok();
            let ready =
                !self.title.trim().is_empty() && (self.year.trim().is_empty() || year.is_some());
            let add = ui
                .add_enabled(ready, egui::Button::new("Add to watchlist"))
                .on_hover_text(
                    "Put this film at the end of the list (a new title is added to the catalog)",
                );
            if add.clicked() {
                let film = FilmChoice::Titled {
                    title: self.title.trim().to_owned(),
                    year,
                };
                let item = WatchlistItem {
                    id: None,
                    film_id: FilmId(0),
                    added_on: chrono::Local::now().date_naive(),
                    priority: self.priority,
                    note: self.note.trim().to_owned(),
                    position: 0,
                };
                commands.push(Msg::AddToWatchlist {
                    film,
                    item: Box::new(item),
                });
            }
        });
    }
}

/// One item: drag handle, place, film, priority, note, ↑ ↓, Watched it, Remove. Returns the
/// "Watched it" form when that was clicked.
fn row_ui(
    ui: &mut egui::Ui,
    row: &WatchlistRow,
    index: usize,
    count: usize,
    reorderable: bool,
    commands: &mut Vec<Msg>,
) -> Option<WatchedForm> {
    let id = row.item.id?;
    let label = film_label(&row.film.title, row.film.year);
    let mut watched = None;
    let response = ui
        .horizontal(|ui| {
            if reorderable {
                let handle_id = egui::Id::unique(("watchlist-drag", id.0));
                ui.dnd_drag_source(handle_id, id, |ui| ui.label("≡"))
                    .response
                    .on_hover_text("Drag to move");
            }
            ui.monospace(format!("{:>3}.", row.item.position + 1));
            super::widgets::elided_title(ui, &label, 0.4);
            if !row.film.directors.is_empty() {
                super::widgets::elided(ui, row.film.directors.join(", ").into(), 0.3);
            }
            if let Some(minutes) = row.film.runtime_min {
                ui.weak(format!("{minutes} min"));
            }
            ui.label(format!("priority {}", row.item.priority));
            if !row.item.note.is_empty() {
                super::widgets::elided(ui, egui::RichText::new(&row.item.note).weak(), 0.4);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let remove = ui
                    .small_button("Remove")
                    .on_hover_text("Take it off the list (you can undo)");
                super::widgets::name_widget(ui, remove.id, &format!("Remove {label}"));
                if remove.clicked() {
                    commands.push(Msg::RemoveFromWatchlist(id));
                }
                let seen = ui
                    .small_button("Watched it")
                    .on_hover_text("Log it in the diary and take it off the list");
                super::widgets::name_widget(ui, seen.id, &format!("Watched {label}"));
                if seen.clicked() {
                    watched = Some(WatchedForm {
                        item: id,
                        label: label.clone(),
                        date: chrono::Local::now().date_naive().to_string(),
                        rating_half_stars: None,
                        liked: false,
                    });
                }
                if reorderable {
                    let place = u32::try_from(index).unwrap_or(u32::MAX);
                    let down = ui.add_enabled(index + 1 < count, egui::Button::new("↓").small());
                    super::widgets::name_widget(ui, down.id, &format!("Move {label} down"));
                    if down.clicked() {
                        commands.push(Msg::MoveWatchlistItem {
                            item: id,
                            place: place.saturating_add(1),
                        });
                    }
                    let up = ui.add_enabled(index > 0, egui::Button::new("↑").small());
                    super::widgets::name_widget(ui, up.id, &format!("Move {label} up"));
                    if up.clicked() {
                        commands.push(Msg::MoveWatchlistItem {
                            item: id,
                            place: place.saturating_sub(1),
                        });
                    }
                }
            });
        })
        .response;
    if let Some(dragged) = response.dnd_release_payload::<WatchlistItemId>() {
        if *dragged != id {
            commands.push(Msg::MoveWatchlistItem {
                item: *dragged,
                place: u32::try_from(index).unwrap_or(u32::MAX),
            });
        }
    }
    watched
}

/// What the "Watched it" form asks for.
enum WatchedAsk {
    Nothing,
    Save(Msg),
    Cancel,
}

/// The "Watched it" form: the date, the rating, liked; Save stores the viewing and takes the film
/// off the list.
fn watched_form_ui(ui: &mut egui::Ui, form: &mut WatchedForm) -> WatchedAsk {
    let mut command = WatchedAsk::Nothing;
    ui.strong(format!("Watched {}", form.label));
    ui.horizontal(|ui| {
        let date = ui.add(egui::TextEdit::singleline(&mut form.date).desired_width(96.0));
        super::widgets::name_widget(ui, date.id, "Date watched");
        star_rating_ui(ui, &mut form.rating_half_stars);
        ui.checkbox(&mut form.liked, "Liked");
    });
    let watched_on = NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d").ok();
    ui.horizontal(|ui| {
        let save = ui
            .add_enabled(watched_on.is_some(), egui::Button::new("Save to diary"))
            .on_disabled_hover_text("Write the date as YYYY-MM-DD");
        if let (true, Some(watched_on)) = (save.clicked(), watched_on) {
            let entry = DiaryEntry {
                id: None,
                film_id: FilmId(0),
                watched_on,
                rating_half_stars: form.rating_half_stars,
                rewatch: false,
                liked: form.liked,
                review: String::new(),
                tags: Vec::new(),
            };
            command = WatchedAsk::Save(Msg::MarkWatched {
                item: form.item,
                entry: Box::new(entry),
            });
        }
        if ui
            .button("Cancel")
            .on_hover_text("Keep it on the list")
            .clicked()
        {
            command = WatchedAsk::Cancel;
        }
    });
    command
}
