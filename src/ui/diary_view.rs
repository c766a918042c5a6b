//! The Diary view: viewings grouped by month, newest first, filtered by year, tag or rating; a form
//! to log a viewing (choosing the film with type-ahead from the catalog, or typing a new one) or
//! to edit one; delete with undo through the app's notification area. Or the same viewings as
//! posters by month (`posters.rs`).

mod posters;

use chrono::{Datelike, NaiveDate};
use eframe::egui;

use crate::dates::DateFormat;
use crate::db::{Catalog, DiaryFilter, DiaryMonth, FilmChoice, FilmQuery, FilmRow};
use crate::model::{DiaryEntry, DiaryEntryId, Film, FilmId, Tag};
use crate::ui::widgets::Generation;

use super::ctx::AppCtx;
use super::msg::Msg;
use super::widgets::rating::{film_label, star_rating_ui, stars};

/// How many films the type-ahead offers.
const SUGGESTIONS: usize = 6;

/// The Diary view.
#[derive(Default)]
pub struct DiaryView {
    /// Which entries to show.
    filter: DiaryFilter,
    /// The entries by month; `None` until read.
    months: Option<Vec<DiaryMonth>>,
    /// The catalog generation `months` was read at; forgotten to read again on the next frame.
    read_at: Generation,
    /// The years and tags the filters offer.
    years: Vec<i32>,
    tags: Vec<Tag>,
    /// The open add or edit form.
    form: Option<EntryForm>,
    /// Posters by month instead of the list.
    posters: bool,
}

/// The add or edit form.
#[derive(Clone, Debug, Default)]
pub(super) struct EntryForm {
    /// The entry being edited; `None` for a new one.
    id: Option<DiaryEntryId>,
    /// The chosen stored film with how it is shown; `None` to create `title` (`year`).
    film: Option<(FilmId, String)>,
    title: String,
    year: String,
    /// The type-ahead's query and answers.
    asked: String,
    suggestions: Vec<FilmRow>,
    date: String,
    rating_half_stars: Option<u8>,
    rewatch: bool,
    liked: bool,
    tags: String,
    review: String,
}

impl DiaryView {
    /// Shows only the entries `filter` selects.
    pub fn show_filtered(&mut self, filter: DiaryFilter) {
        self.filter = filter;
        self.read_at.forget();
    }

    /// Shows the viewings as posters by month, or as the list. Turned on while every year is
    /// shown, it shows the latest year.
    pub fn set_posters(&mut self, on: bool) {
        self.posters = on;
        if on && self.filter.year.is_none() {
            if let Some(latest) = self.years.first() {
                self.filter.year = Some(*latest);
                self.read_at.forget();
            }
        }
    }

    /// True while the viewings show as posters.
    pub fn shows_posters(&self) -> bool {
        self.posters
    }

    /// Opens the form to log a viewing of the stored film `film`, shown as `label`, today.
    pub fn log_viewing_of(&mut self, film: FilmId, label: String) {
        self.form = Some(EntryForm {
            film: Some((film, label)),
            date: chrono::Local::now().date_naive().to_string(),
            ..EntryForm::default()
        });
    }

    /// Closes the form (after its entry was stored).
    pub fn saved(&mut self) {
        self.form = None;
    }

    /// Draws the filters, the form and the entries.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &AppCtx<'_>) -> Vec<Msg> {
        let mut commands = Vec::new();
        if self.read_at.moved(ctx.generation) {
            self.load(ctx.catalog, &mut commands);
        }
        let Self {
            filter,
            months,
            read_at,
            years,
            tags,
            form,
            posters,
        } = self;
        let mut filter_changed = false;
        ui.horizontal(|ui| {
            if ui
                .button("Log a viewing…")
                .on_hover_text("Add a film you watched to the diary")
                .clicked()
            {
                *form = Some(EntryForm {
                    date: chrono::Local::now().date_naive().to_string(),
                    ..EntryForm::default()
                });
            }
            ui.separator();
            filter_changed |= filters_ui(ui, filter, years, tags);
            ui.separator();
            if ui
                .selectable_label(*posters, "Year in posters")
                .on_hover_text("Show the viewings as posters, by month")
                .clicked()
            {
                commands.push(Msg::ShowDiaryPosters(!*posters));
            }
        });
        if let Some(open) = form.as_mut() {
            ui.add_space(4.0);
            let action = egui::Frame::group(ui.style())
                .show(ui, |ui| entry_form_ui(ui, open, ctx.catalog))
                .inner;
            match action {
                FormAction::Save(command) => commands.push(command),
                FormAction::Cancel => *form = None,
                FormAction::None => {}
            }
        }
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match months.as_deref() {
                None | Some([]) => {
                    ui.add_space(24.0);
                    ui.vertical_centered(|ui| {
                        ui.weak(if *filter == DiaryFilter::default() {
                            "No diary entries yet."
                        } else {
                            "No diary entries match these filters."
                        })
                    });
                }
                Some(months) if *posters => {
                    if let Some(row) = posters::months_ui(ui, months, filter.year, ctx) {
                        let title = film_label(&row.film.title, row.film.year);
                        *form = Some(EntryForm::editing(&row.entry, &title));
                    }
                }
                Some(months) => months_ui(ui, months, ctx.date_format, form, &mut commands),
            });
        if filter_changed {
            read_at.forget();
        }
        commands
    }

    fn load(&mut self, catalog: &Catalog, commands: &mut Vec<Msg>) {
        let read = || -> crate::db::Result<_> {
            let months = catalog.diary_by_month(&self.filter)?;
            let mut years: Vec<i32> = catalog
                .diary(&DiaryFilter::default())?
                .iter()
                .map(|r| r.entry.watched_on.year())
                .collect();
            years.dedup();
            Ok((months, years, catalog.tags()?))
        };
        match read() {
            Ok((months, years, tags)) => {
                self.months = Some(months);
                self.years = years;
                self.tags = tags;
            }
            Err(error) => {
                self.months = Some(Vec::new());
                commands.push(Msg::ReportError(error.to_string()));
            }
        }
    }
}

/// The year, tag and rating filters; true when one changed.
fn filters_ui(ui: &mut egui::Ui, filter: &mut DiaryFilter, years: &[i32], tags: &[Tag]) -> bool {
    let before = filter.clone();
    let year_text = filter
        .year
        .map_or("All years".to_owned(), |y| y.to_string());
    let combo = egui::ComboBox::from_id_salt("diary-year")
        .selected_text(year_text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.year, None, "All years");
            for year in years {
                ui.selectable_value(&mut filter.year, Some(*year), year.to_string());
            }
        });
    super::widgets::name_widget(ui, combo.response.id, "Year filter");
    let month_text = filter
        .month
        .and_then(month_name)
        .unwrap_or_else(|| "All months".to_owned());
    let combo = egui::ComboBox::from_id_salt("diary-month")
        .selected_text(month_text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.month, None, "All months");
            for month in 1..=12 {
                if let Some(name) = month_name(month) {
                    ui.selectable_value(&mut filter.month, Some(month), name);
                }
            }
        });
    super::widgets::name_widget(ui, combo.response.id, "Month filter");
    let tag_text = filter.tag.clone().unwrap_or_else(|| "All tags".to_owned());
    let combo = egui::ComboBox::from_id_salt("diary-tag")
        .selected_text(tag_text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.tag, None, "All tags");
            for tag in tags {
                ui.selectable_value(&mut filter.tag, Some(tag.as_str().to_owned()), tag.as_str());
            }
        });
    super::widgets::name_widget(ui, combo.response.id, "Tag filter");
    let rating_text = filter
        .rating_half_stars
        .map_or("Any rating".to_owned(), stars);
    let combo = egui::ComboBox::from_id_salt("diary-rating")
        .selected_text(rating_text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.rating_half_stars, None, "Any rating");
            for half in (1..=10).rev() {
                ui.selectable_value(&mut filter.rating_half_stars, Some(half), stars(half));
            }
        });
    super::widgets::name_widget(ui, combo.response.id, "Rating filter");
    if let Some(decade) = filter.decade {
        if ui
            .button(format!("Films of the {decade}s ✖"))
            .on_hover_text("Show films of every decade again")
            .clicked()
        {
            filter.decade = None;
        }
    }
    if *filter != DiaryFilter::default()
        && ui
            .button("Clear filters")
            .on_hover_text("Show every diary entry")
            .clicked()
    {
        *filter = DiaryFilter::default();
    }
    *filter != before
}

/// "January" for 1.
fn month_name(month: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(2000, month, 1).map(|d| d.format("%B").to_string())
}

/// `March 2024`.
fn month_heading(month: &DiaryMonth) -> String {
    NaiveDate::from_ymd_opt(month.year, month.month, 1).map_or_else(
        || format!("{}-{:02}", month.year, month.month),
        |d| d.format("%B %Y").to_string(),
    )
}

/// The entries under a heading per month, each with Edit and Delete.
fn months_ui(
    ui: &mut egui::Ui,
    months: &[DiaryMonth],
    dates: DateFormat,
    form: &mut Option<EntryForm>,
    commands: &mut Vec<Msg>,
) {
    for month in months {
        ui.add_space(6.0);
        ui.heading(month_heading(month));
        for row in &month.entries {
            let entry = &row.entry;
            let title = film_label(&row.film.title, row.film.year);
            ui.horizontal(|ui| {
                ui.monospace(dates.format(entry.watched_on));
                super::widgets::elided_title(ui, &title, 0.5);
                if let Some(half) = entry.rating_half_stars {
                    ui.label(stars(half));
                }
                if entry.rewatch {
                    ui.label("↻").on_hover_text("Rewatch");
                }
                if entry.liked {
                    ui.label("♥").on_hover_text("Liked");
                }
                for tag in &entry.tags {
                    ui.weak(format!("#{}", tag.as_str()));
                }
                let Some(id) = entry.id else { return };
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let delete = ui
                        .small_button("Delete")
                        .on_hover_text("Delete this entry (you can undo)");
                    super::widgets::name_widget(
                        ui,
                        delete.id,
                        &format!("Delete {title} on {}", dates.format(entry.watched_on)),
                    );
                    if delete.clicked() {
                        commands.push(Msg::DeleteDiaryEntry(id));
                    }
                    let edit = ui.small_button("Edit").on_hover_text("Change this entry");
                    super::widgets::name_widget(
                        ui,
                        edit.id,
                        &format!("Edit {title} on {}", dates.format(entry.watched_on)),
                    );
                    if edit.clicked() {
                        *form = Some(EntryForm::editing(entry, &title));
                    }
                });
            });
        }
    }
}

/// What the form asks for.
enum FormAction {
    None,
    Save(Msg),
    Cancel,
}

impl EntryForm {
    /// The form over a stored entry.
    fn editing(entry: &DiaryEntry, title: &str) -> Self {
        let tags: Vec<&str> = entry.tags.iter().map(Tag::as_str).collect();
        Self {
            id: entry.id,
            film: Some((entry.film_id, title.to_owned())),
            date: entry.watched_on.to_string(),
            rating_half_stars: entry.rating_half_stars,
            rewatch: entry.rewatch,
            liked: entry.liked,
            tags: tags.join(", "),
            review: entry.review.clone(),
            ..Self::default()
        }
    }

    /// The film and entry to store, or why they cannot be.
    fn to_save(&self) -> Result<(FilmChoice, DiaryEntry), String> {
        let watched_on = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d")
            .map_err(|_| "Write the date as YYYY-MM-DD, e.g. 2024-03-09.".to_owned())?;
        let choice = match &self.film {
            Some((id, _)) => FilmChoice::Stored(*id),
            None => {
                let year = match self.year.trim() {
                    "" => None,
                    text => Some(
                        text.parse()
                            .map_err(|_| format!("“{text}” is not a year."))?,
                    ),
                };
                let film = Film {
                    title: self.title.trim().to_owned(),
                    year,
                    ..Film::default()
                };
                film.validate().map_err(|e| e.to_string())?;
                FilmChoice::New(Box::new(film))
            }
        };
        let film_id = match choice {
            FilmChoice::Stored(id) => id,
            FilmChoice::New(_) | FilmChoice::Titled { .. } => FilmId(0),
        };
        let entry = DiaryEntry {
            id: self.id,
            film_id,
            watched_on,
            rating_half_stars: self.rating_half_stars,
            rewatch: self.rewatch,
            liked: self.liked,
            review: self.review.trim().to_owned(),
            tags: self
                .tags
                .split(',')
                .filter_map(|t| Tag::new(t).ok())
                .collect(),
        };
        Ok((choice, entry))
    }
}

/// The add or edit form.
fn entry_form_ui(ui: &mut egui::Ui, form: &mut EntryForm, catalog: &Catalog) -> FormAction {
    let mut action = FormAction::None;
    ui.strong(if form.id.is_some() {
        "Edit viewing"
    } else {
        "Log a viewing"
    });
    egui::Grid::new("diary-form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Film");
            film_choice_ui(ui, form, catalog);
            ui.end_row();
            super::widgets::text_row(ui, "Date", &mut form.date, "YYYY-MM-DD");
            ui.label("Rating");
            star_rating_ui(ui, &mut form.rating_half_stars);
            ui.end_row();
            ui.label("");
            ui.horizontal(|ui| {
                ui.checkbox(&mut form.rewatch, "Rewatch");
                ui.checkbox(&mut form.liked, "Liked");
            });
            ui.end_row();
            super::widgets::text_row(
                ui,
                "Tags",
                &mut form.tags,
                "comma-separated, e.g. cinema, with Mia",
            );
            let label = ui.label("Review");
            ui.add(
                egui::TextEdit::multiline(&mut form.review)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    let ready = form.to_save();
    ui.horizontal(|ui| {
        let save = ui.add_enabled(ready.is_ok(), egui::Button::new("Save entry"));
        let save = match &ready {
            Err(reason) => save.on_disabled_hover_text(reason.as_str()),
            Ok(_) => save.on_hover_text("Store this viewing in the diary"),
        };
        if save.clicked() {
            if let Ok((choice, entry)) = ready {
                action = FormAction::Save(Msg::SaveDiaryEntry {
                    film: choice,
                    entry: Box::new(entry),
                });
            }
        }
        if ui
            .button("Cancel")
            .on_hover_text("Close the form and store nothing")
            .clicked()
        {
            action = FormAction::Cancel;
        }
    });
    action
}

/// The chosen film (with Change), or a title and year with type-ahead over the catalog.
fn film_choice_ui(ui: &mut egui::Ui, form: &mut EntryForm, catalog: &Catalog) {
    if let Some((_, label)) = form.film.clone() {
        ui.horizontal(|ui| {
            ui.strong(label);
            if form.id.is_none()
                && ui
                    .small_button("Change")
                    .on_hover_text("Choose another film")
                    .clicked()
            {
                form.film = None;
            }
        });
        return;
    }
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let title = ui.add(egui::TextEdit::singleline(&mut form.title).hint_text("Title"));
            super::widgets::name_widget(ui, title.id, "Film title");
            let year = ui.add(
                egui::TextEdit::singleline(&mut form.year)
                    .hint_text("Year")
                    .desired_width(48.0),
            );
            super::widgets::name_widget(ui, year.id, "Film year");
        });
        if form.asked != form.title {
            form.asked.clone_from(&form.title);
            form.suggestions = suggestions(catalog, &form.title);
        }
        for row in &form.suggestions {
            let label = film_label(&row.title, row.year);
            let text = if row.directors.is_empty() {
                label.clone()
            } else {
                format!("{label} — {}", row.directors)
            };
            if ui
                .selectable_label(false, text)
                .on_hover_text("Choose this film")
                .clicked()
            {
                form.film = Some((row.id, label));
            }
        }
        if !form.title.trim().is_empty() {
            ui.weak("Or keep typing: a title the catalog does not know is added as a new film.");
        }
    });
}

/// The first films of the catalog that a type-ahead `text` finds.
fn suggestions(catalog: &Catalog, text: &str) -> Vec<FilmRow> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let query = FilmQuery {
        search: text.to_owned(),
        ..FilmQuery::default()
    };
    let ids = catalog.film_ids(&query).unwrap_or_default();
    let first = &ids[..ids.len().min(SUGGESTIONS)];
    catalog.film_rows(first).unwrap_or_default()
}
