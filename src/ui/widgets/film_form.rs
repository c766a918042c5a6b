//! A film's fields as text (the editor's and the review import's form) and the cast rows both
//! draw.

use chrono::NaiveDate;
use eframe::egui;

use crate::model::{Credit, Film, FilmId, Role};

use super::{apply_list_edit, name_widget, ListEdit};

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
