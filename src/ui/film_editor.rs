//! The film editor: every field of one film, its credits and its reviews.
//!
//! The editor works on a [`Draft`] (text as typed); it is dirty when the draft differs from the
//! draft of the stored film, and turns into a [`Film`] only when saved, with the model's
//! validation as the message.

use eframe::egui;

use crate::dates::DateFormat;
use crate::model::{Film, FilmId, Review};

use super::command::UiCommand;
use super::ctx::AppCtx;
use super::msg::Msg;
use super::poster_editor::PosterEditor;
use super::widgets::add_to_list::add_to_list_menu_ui;
use super::widgets::film_form::{cast_list, Draft};
use super::widgets::{name_list, text_row};

/// The film being edited.
struct Editing {
    /// The stored film's id; `None` for a new film.
    id: Option<FilmId>,
    /// The draft as stored, to tell whether anything changed.
    stored: Draft,
    /// The draft as typed.
    draft: Draft,
    /// The film's reviews, oldest first.
    reviews: Vec<Review>,
}

/// Edits Revert threw away, kept so Undo can bring them back into the editor: a step of the
/// editor's, not a change to the catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Reverted {
    /// The film they were for (`None`: a new film).
    id: Option<FilmId>,
    /// The film as stored when they were thrown away.
    stored: Draft,
    /// The edits.
    draft: Draft,
}

/// The editor panel.
#[derive(Default)]
pub struct FilmEditor {
    editing: Option<Editing>,
    focus_title: bool,
    /// The film's poster and the ways to change it.
    poster: PosterEditor,
}

impl FilmEditor {
    /// Opens a stored film with its reviews.
    pub fn open(&mut self, film: &Film, reviews: Vec<Review>) {
        let draft = Draft::from_film(film);
        self.editing = Some(Editing {
            id: film.id,
            stored: draft.clone(),
            draft,
            reviews,
        });
    }

    /// Starts a new, empty film and puts the cursor in its title.
    pub fn new_film(&mut self) {
        self.editing = Some(Editing {
            id: None,
            stored: Draft::default(),
            draft: Draft::default(),
            reviews: Vec::new(),
        });
        self.focus_title = true;
    }

    /// Shows nothing.
    pub fn close(&mut self) {
        self.editing = None;
    }

    /// The stored film being edited.
    pub fn film_id(&self) -> Option<FilmId> {
        self.editing.as_ref().and_then(|e| e.id)
    }

    /// True when a film (stored or new) is open.
    pub fn is_open(&self) -> bool {
        self.editing.is_some()
    }

    /// True when the draft differs from what is stored.
    pub fn is_dirty(&self) -> bool {
        self.editing.as_ref().is_some_and(|e| e.draft != e.stored)
    }

    /// The title to name the film by in dialogs.
    pub fn title(&self) -> String {
        let Some(editing) = &self.editing else {
            return String::new();
        };
        let title = if editing.stored.title.trim().is_empty() {
            editing.draft.title.trim()
        } else {
            editing.stored.title.trim()
        };
        if title.is_empty() {
            "the new film".to_owned()
        } else {
            format!("“{title}”")
        }
    }

    /// How many reviews the open film has.
    pub fn review_count(&self) -> usize {
        self.editing.as_ref().map_or(0, |e| e.reviews.len())
    }

    /// The film to store, or the sentence saying what to fix; `None` when nothing is open.
    pub fn film_to_save(&self) -> Option<Result<Film, String>> {
        let editing = self.editing.as_ref()?;
        Some(editing.draft.to_film(editing.id))
    }

    /// Records that `film` (with its id) is now stored as the draft shows it.
    pub fn mark_saved(&mut self, id: FilmId) {
        if let Some(editing) = &mut self.editing {
            editing.id = Some(id);
            editing.stored = editing.draft.clone();
        }
    }

    /// Throws away unsaved changes; returns them, for Undo, or `None` when there were none.
    pub fn revert(&mut self) -> Option<Reverted> {
        let editing = self.editing.as_mut().filter(|e| e.draft != e.stored)?;
        let draft = std::mem::replace(&mut editing.draft, editing.stored.clone());
        Some(Reverted {
            id: editing.id,
            stored: editing.stored.clone(),
            draft,
        })
    }

    /// Brings edits Revert threw away back into the editor, when it shows their film as it was
    /// then, with no edits since; otherwise says why not and changes nothing.
    pub fn restore(&mut self, reverted: Reverted) -> Result<(), String> {
        let editing = self
            .editing
            .as_mut()
            .filter(|e| e.id == reverted.id && e.stored == reverted.stored && e.draft == e.stored);
        let Some(editing) = editing else {
            return Err(
                "The edits Revert threw away were for a film no longer in the editor as it was, \
                 so they were not brought back."
                    .to_owned(),
            );
        };
        editing.draft = reverted.draft;
        Ok(())
    }

    /// Replaces the reviews shown under the film.
    pub fn set_reviews(&mut self, reviews: Vec<Review>) {
        if let Some(editing) = &mut self.editing {
            editing.reviews = reviews;
        }
    }

    /// The poster part, to tell it how reading an image went.
    pub fn poster(&mut self) -> &mut PosterEditor {
        &mut self.poster
    }

    /// Draws the editor.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &AppCtx<'_>) -> Vec<Msg> {
        let mut commands = Vec::new();
        let Self {
            editing,
            focus_title,
            poster,
        } = self;
        let Some(editing) = editing else {
            ui.add_space(32.0);
            ui.vertical_centered(|ui| {
                ui.weak("Select a film in the table to edit it,");
                ui.weak("or add one with New film.");
            });
            return commands;
        };
        let dirty = editing.draft != editing.stored;
        let validation = editing.draft.to_film(editing.id);
        ui.horizontal(|ui| {
            let heading = match (editing.id, editing.stored.title.trim()) {
                (None, _) => "New film".to_owned(),
                (Some(_), title) => title.to_owned(),
            };
            ui.add(egui::Label::new(egui::RichText::new(heading).heading()).truncate());
        });
        ui.horizontal(|ui| {
            if UiCommand::Save
                .button(ui, dirty && validation.is_ok())
                .clicked()
            {
                commands.push(UiCommand::Save.into());
            }
            if UiCommand::Revert.button(ui, dirty).clicked() {
                commands.push(UiCommand::Revert.into());
            }
            if UiCommand::DeleteFilm
                .button(ui, editing.id.is_some())
                .clicked()
            {
                commands.push(UiCommand::DeleteFilm.into());
            }
            if let Some(id) = editing.id {
                commands.extend(add_to_list_menu_ui(ui, ctx.catalog, id));
            }
            let look_up = UiCommand::LookUp;
            if look_up.button(ui, editing.id.is_some() && !dirty).clicked() {
                commands.push(look_up.into());
            }
            if dirty {
                ui.weak("Unsaved changes");
            }
        });
        if let (true, Err(message)) = (dirty, &validation) {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let title = editing.stored.title.trim();
                poster.ui(ui, ctx, editing.id, title, &mut commands);
                ui.add_space(8.0);
                fields_ui(ui, &mut editing.draft, std::mem::take(focus_title));
                ui.add_space(8.0);
                credits_ui(ui, &mut editing.draft);
                ui.add_space(8.0);
                reviews_ui(ui, &editing.reviews, ctx.date_format, &mut commands);
            });
        commands
    }
}

fn fields_ui(ui: &mut egui::Ui, draft: &mut Draft, focus_title: bool) {
    egui::Grid::new("film-fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .striped(false)
        .show(ui, |ui| {
            let title = text_row(ui, "Title", &mut draft.title, "The title you know it by");
            if focus_title {
                title.request_focus();
            }
            text_row(
                ui,
                "Original title",
                &mut draft.original_title,
                "In the original language",
            );
            ui.label("Also known as");
            ui.vertical(|ui| {
                name_list(ui, "aka", &mut draft.alternative_titles, "Title");
            });
            ui.end_row();
            text_row(ui, "Year", &mut draft.year, "e.g. 2012");
            text_row(ui, "Runtime (min)", &mut draft.runtime_min, "minutes");
            text_row(ui, "Release date", &mut draft.release_date, "YYYY-MM-DD");
            text_row(
                ui,
                "Languages",
                &mut draft.languages,
                "comma-separated, e.g. French, English",
            );
            text_row(ui, "Countries", &mut draft.countries, "comma-separated");
            text_row(ui, "Genres", &mut draft.genres, "comma-separated");
            let label = ui.label("Notes");
            ui.add(
                egui::TextEdit::multiline(&mut draft.notes)
                    .hint_text("Your own notes")
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
}

fn credits_ui(ui: &mut egui::Ui, draft: &mut Draft) {
    ui.strong("Directors");
    name_list(ui, "directors", &mut draft.directors, "Director");
    ui.add_space(6.0);
    ui.strong("Writers");
    name_list(ui, "writers", &mut draft.writers, "Writer");
    ui.add_space(6.0);
    ui.strong("Cast");
    cast_list(ui, &mut draft.cast);
}

fn reviews_ui(ui: &mut egui::Ui, reviews: &[Review], dates: DateFormat, commands: &mut Vec<Msg>) {
    ui.strong(format!("Reviews ({})", reviews.len()));
    if reviews.is_empty() {
        ui.weak("No reviews yet. Paste one with Import review….");
        return;
    }
    for (index, review) in reviews.iter().enumerate() {
        let id = review.id.map_or(index as i64, |id| id.0);
        egui::CollapsingHeader::new(review.heading(dates))
            .id_salt(("review", id))
            .default_open(reviews.len() == 1)
            .show(ui, |ui| {
                if let Some(url) = &review.source_url {
                    ui.hyperlink(url);
                }
                ui.add(egui::Label::new(&review.body).wrap());
                if let Some(review_id) = review.id {
                    if ui
                        .button("Delete review")
                        .on_hover_text("Delete this review (you can undo)")
                        .clicked()
                    {
                        commands.push(Msg::DeleteReview(review_id));
                    }
                }
            });
    }
}
