//! The film editor: every field of one film, its credits and its reviews.
//!
//! The editor works on a [`Draft`] (text as typed); it is dirty when the draft differs from the
//! draft of the stored film, and turns into a [`Film`] only when saved, with the model's
//! validation as the message.

use chrono::NaiveDate;
use eframe::egui;

use crate::dates::DateFormat;
use crate::model::{Credit, Film, FilmId, Review, Role};

use super::app::AppCtx;
use super::command::Command;
use super::widgets::{apply_list_edit, name_list, name_widget, text_row, ListEdit};

/// One cast row as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CastRow {
    /// The actor.
    pub name: String,
    /// The character played.
    pub character: String,
}

/// A film's fields as text, the way the editor shows them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// Title.
    pub title: String,
    /// Original title.
    pub original_title: String,
    /// Other titles, one per row.
    pub alternative_titles: Vec<String>,
    /// Year as typed.
    pub year: String,
    /// Runtime in minutes as typed.
    pub runtime_min: String,
    /// Comma-separated languages.
    pub languages: String,
    /// Comma-separated countries.
    pub countries: String,
    /// Comma-separated genres.
    pub genres: String,
    /// `YYYY-MM-DD` as typed.
    pub release_date: String,
    /// Notes.
    pub notes: String,
    /// Directors, one per row.
    pub directors: Vec<String>,
    /// Writers, one per row.
    pub writers: Vec<String>,
    /// Cast rows in credit order.
    pub cast: Vec<CastRow>,
}

impl Draft {
    /// The draft of a stored (or parsed) film.
    pub fn from_film(film: &Film) -> Self {
        let names = |role| film.people(role).map(str::to_owned).collect();
        Self {
            title: film.title.clone(),
            original_title: film.original_title.clone().unwrap_or_default(),
            alternative_titles: film.alternative_titles.clone(),
            year: film.year.map(|y| y.to_string()).unwrap_or_default(),
            runtime_min: film.runtime_min.map(|m| m.to_string()).unwrap_or_default(),
            languages: film.languages.join(", "),
            countries: film.countries.join(", "),
            genres: film.genres.join(", "),
            release_date: film.release_date.map(|d| d.to_string()).unwrap_or_default(),
            notes: film.notes.clone(),
            directors: names(Role::Director),
            writers: names(Role::Writer),
            cast: film
                .credits
                .iter()
                .filter(|c| c.role == Role::Cast)
                .map(|c| CastRow {
                    name: c.name.clone(),
                    character: c.character.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// The film this draft describes, or the sentence saying what to fix.
    pub fn to_film(&self, id: Option<FilmId>) -> Result<Film, String> {
        let year = parse_number::<i32>(&self.year, "The year must be a number, e.g. 1927.")?;
        let runtime_min = parse_number::<u32>(
            &self.runtime_min,
            "The runtime must be a whole number of minutes, e.g. 122.",
        )?;
        let release_date = match self.release_date.trim() {
            "" => None,
            text => Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                "The release date must be written YYYY-MM-DD, e.g. 2013-04-06.".to_owned()
            })?),
        };
        let mut credits: Vec<Credit> = Vec::new();
        for (names, role) in [
            (&self.directors, Role::Director),
            (&self.writers, Role::Writer),
        ] {
            credits.extend(
                names
                    .iter()
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| Credit::new(n.trim(), role)),
            );
        }
        for row in &self.cast {
            if row.name.trim().is_empty() && row.character.trim().is_empty() {
                continue;
            }
            let character = row.character.trim();
            credits.push(Credit {
                name: row.name.trim().to_owned(),
                role: Role::Cast,
                character: (!character.is_empty()).then(|| character.to_owned()),
            });
        }
        let original_title = self.original_title.trim();
        let film = Film {
            id,
            title: self.title.trim().to_owned(),
            original_title: (!original_title.is_empty()).then(|| original_title.to_owned()),
            alternative_titles: clean_list(&self.alternative_titles),
            year,
            runtime_min,
            languages: split_list(&self.languages),
            countries: split_list(&self.countries),
            genres: split_list(&self.genres),
            release_date,
            notes: self.notes.clone(),
            credits,
        };
        film.validate().map_err(|e| e.to_string())?;
        Ok(film)
    }
}

fn parse_number<T: std::str::FromStr>(text: &str, message: &str) -> Result<Option<T>, String> {
    match text.trim() {
        "" => Ok(None),
        text => text.parse().map(Some).map_err(|_| message.to_owned()),
    }
}

/// `French, English` → `["French", "English"]`, blanks dropped.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn clean_list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

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

/// The editor panel.
#[derive(Default)]
pub struct FilmEditor {
    editing: Option<Editing>,
    focus_title: bool,
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

    /// Throws away unsaved changes.
    pub fn revert(&mut self) {
        if let Some(editing) = &mut self.editing {
            editing.draft = editing.stored.clone();
        }
    }

    /// Replaces the reviews shown under the film.
    pub fn set_reviews(&mut self, reviews: Vec<Review>) {
        if let Some(editing) = &mut self.editing {
            editing.reviews = reviews;
        }
    }

    /// Draws the editor.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &AppCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let Self {
            editing,
            focus_title,
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
            if Command::Save
                .button(ui, dirty && validation.is_ok())
                .clicked()
            {
                commands.push(Command::Save);
            }
            if Command::Revert.button(ui, dirty).clicked() {
                commands.push(Command::Revert);
            }
            if Command::DeleteFilm
                .button(ui, editing.id.is_some())
                .clicked()
            {
                commands.push(Command::DeleteFilm);
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

/// The cast as rows of person and character, with move up/down and remove buttons.
pub fn cast_list(ui: &mut egui::Ui, cast: &mut Vec<CastRow>) {
    let mut edit = None;
    let count = cast.len();
    ui.push_id("cast", |ui| {
        for (index, row) in cast.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let number = index + 1;
                let up = ui.add_enabled(index > 0, egui::Button::new("▴").small());
                name_widget(ui, up.id, &format!("Move cast {number} up"));
                if up.on_hover_text("Move up").clicked() {
                    edit = Some(ListEdit::MoveUp(index));
                }
                let down = ui.add_enabled(index + 1 < count, egui::Button::new("▾").small());
                name_widget(ui, down.id, &format!("Move cast {number} down"));
                if down.on_hover_text("Move down").clicked() {
                    edit = Some(ListEdit::MoveUp(index + 1));
                }
                let remove = ui.small_button("✖");
                name_widget(ui, remove.id, &format!("Remove cast {number}"));
                if remove.on_hover_text("Remove this cast row").clicked() {
                    edit = Some(ListEdit::Remove(index));
                }
                let width = ((ui.available_width() - 24.0) / 2.0).max(60.0);
                let person = ui.add(
                    egui::TextEdit::singleline(&mut row.name)
                        .hint_text("Person")
                        .desired_width(width),
                );
                name_widget(ui, person.id, &format!("Cast {number} person"));
                ui.label("as");
                let character = ui.add(
                    egui::TextEdit::singleline(&mut row.character)
                        .hint_text("Character")
                        .desired_width(f32::INFINITY),
                );
                name_widget(ui, character.id, &format!("Cast {number} character"));
            });
        }
        if ui
            .small_button("+ Add cast")
            .on_hover_text("Add a cast row")
            .clicked()
        {
            cast.push(CastRow::default());
        }
    });
    if let Some(edit) = edit {
        apply_list_edit(cast, edit);
    }
}

fn reviews_ui(
    ui: &mut egui::Ui,
    reviews: &[Review],
    dates: DateFormat,
    commands: &mut Vec<Command>,
) {
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
                    let command = Command::DeleteReview(review_id);
                    if command.button(ui, true).clicked() {
                        commands.push(command);
                    }
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_round_trips_a_film() {
        let mut film = Film::titled("Rust and Bone");
        film.id = Some(FilmId(3));
        film.year = Some(2012);
        film.runtime_min = Some(122);
        film.languages = vec!["French".into()];
        film.release_date = NaiveDate::from_ymd_opt(2013, 4, 6);
        film.credits = vec![
            Credit::new("Jacques Audiard", Role::Director),
            Credit::cast("Marion Cotillard", "Stéphanie"),
        ];
        let draft = Draft::from_film(&film);
        assert_eq!(draft.to_film(film.id), Ok(film));
    }

    #[test]
    fn bad_text_gets_a_sentence() {
        let mut draft = Draft {
            title: "Metropolis".into(),
            year: "nineteen".into(),
            ..Draft::default()
        };
        assert!(draft.to_film(None).unwrap_err().contains("year"));
        draft.year = "1927".into();
        draft.release_date = "1927-13-01".into();
        assert!(draft.to_film(None).unwrap_err().contains("YYYY-MM-DD"));
        draft.release_date.clear();
        draft.title.clear();
        assert_eq!(draft.to_film(None).unwrap_err(), "A film needs a title.");
    }
}
