//! The filter bar under the catalog's search box: fields for people who don't type the query
//! language. Every field reads its term from the search text and writes it back there
//! (`filter_terms.rs`), so the query the box shows is the one the table runs, and editing the box
//! moves the fields.

use eframe::egui;

use super::ctx::AppCtx;
use super::filter_terms::{filter_of, BarField, ParsedText};
use super::widgets::name_widget;
use crate::ui::widgets::Generation;

/// Every field, in the order "Clear filters" removes them.
const ALL: [BarField; 13] = [
    BarField::Genre,
    BarField::Decade,
    BarField::Country,
    BarField::Language,
    BarField::Director,
    BarField::Cast,
    BarField::Runtime,
    BarField::Rating,
    BarField::Tag,
    BarField::List,
    BarField::Seen,
    BarField::HasReview,
    BarField::HasPoster,
];

/// Runtimes offered, as (label, term).
const RUNTIMES: [(&str, &str); 5] = [
    ("under 90 min", "runtime:<90"),
    ("under 2 hours", "runtime:<120"),
    ("90 to 120 min", "runtime:90..120"),
    ("over 2 hours", "runtime:>120"),
    ("over 3 hours", "runtime:>180"),
];

/// My ratings offered, as (label, term).
const RATINGS: [(&str, &str); 5] = [
    ("★★★★★", "rating:5"),
    ("★★★★ or more", "rating:>=4"),
    ("★★★ or more", "rating:>=3"),
    ("★★ or more", "rating:>=2"),
    ("★ or more", "rating:>=1"),
];

/// Seen or not, as (label, term).
const SEEN: [(&str, &str); 2] = [("Watched", "watched"), ("Unwatched", "unwatched")];

/// The filter bar's state.
#[derive(Default)]
pub struct FilterBar {
    /// The typed fields as typed (a space being typed stays), in [`BarField::TYPED`]'s order.
    typed: [String; 6],
    /// The search text the typed fields were last read from or written to.
    synced: Option<String>,
    /// The last search text that parsed: the fields show it while the box holds an error.
    last_good: String,
    /// The lists' names, and the catalog generation they were read at.
    lists: Vec<String>,
    lists_read_at: Generation,
}

impl FilterBar {
    /// Draws the bar for the text in the search box; returns the new search text when a field
    /// changed it.
    pub fn ui(&mut self, ui: &mut egui::Ui, search: &str, ctx: &AppCtx<'_>) -> Option<String> {
        if self.lists_read_at.moved(ctx.generation) {
            // A list that cannot be read is only missing from the menu; the search reports errors.
            self.lists = ctx.catalog.lists().map_or_else(
                |_| Vec::new(),
                |rows| rows.into_iter().map(|r| r.list.name).collect(),
            );
        }
        let valid = ParsedText::parse(search).is_ok();
        if valid {
            search.clone_into(&mut self.last_good);
        }
        let text = self.last_good.clone();
        let Ok(parsed) = ParsedText::parse(&text) else {
            return None;
        };
        if self.synced.as_deref() != Some(text.as_str()) {
            for (slot, (field, ..)) in self.typed.iter_mut().zip(BarField::TYPED) {
                *slot = parsed.value(field).unwrap_or_default();
            }
            self.synced = Some(text.clone());
        }
        let mut changed: Option<(BarField, Option<String>)> = None;
        let mut cleared = false;
        let decades: Vec<(String, String)> = (1910..=2020)
            .rev()
            .step_by(10)
            .map(|d| (format!("{d}s"), format!("decade:{d}s")))
            .collect();
        let lists: Vec<(String, String)> = self
            .lists
            .iter()
            .filter_map(|name| Some((name.clone(), BarField::List.term_for(name)?)))
            .collect();
        let owned = |options: &[(&str, &str)]| -> Vec<(String, String)> {
            options
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect()
        };
        let menus = [
            (BarField::Decade, "Decade", "Any decade", decades),
            (BarField::Runtime, "Runtime", "Any length", owned(&RUNTIMES)),
            (BarField::Rating, "My rating", "Any rating", owned(&RATINGS)),
            (BarField::List, "List", "Any list", lists),
            (BarField::Seen, "Seen", "Seen or not", owned(&SEEN)),
        ];
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.add_enabled_ui(valid, |ui| {
                // Four labelled fields a row, in a grid so that the columns line up.
                egui::Grid::new("filter-bar")
                    .num_columns(8)
                    .spacing([6.0, 4.0])
                    .show(ui, |ui| {
                        let mut placed = 0;
                        let mut end_pair = |ui: &mut egui::Ui| {
                            placed += 1;
                            if placed % 4 == 0 {
                                ui.end_row();
                            }
                        };
                        for (slot, (field, label, hint)) in
                            self.typed.iter_mut().zip(BarField::TYPED)
                        {
                            let label = ui.label(label);
                            let edit = ui
                                .add(
                                    egui::TextEdit::singleline(slot)
                                        .hint_text(hint)
                                        .desired_width(96.0),
                                )
                                .labelled_by(label.id);
                            if edit.changed() {
                                changed = Some((field, field.term_for(slot)));
                            }
                            end_pair(ui);
                        }
                        for (field, name, any, options) in &menus {
                            ui.label(*name);
                            if let Some(term) = choice_ui(ui, &parsed, *field, name, any, options) {
                                changed = Some((*field, term));
                            }
                            end_pair(ui);
                        }
                    });
                ui.horizontal(|ui| {
                    for (field, label, term) in [
                        (BarField::HasReview, "Has a review", "has:review"),
                        (BarField::HasPoster, "Has a poster", "has:poster"),
                    ] {
                        let mut on = parsed.term(field).is_some();
                        if ui.checkbox(&mut on, label).changed() {
                            changed = Some((field, on.then(|| term.to_owned())));
                        }
                    }
                    let any = ALL.iter().any(|f| parsed.term(*f).is_some());
                    cleared = ui
                        .add_enabled(any, egui::Button::new("Clear filters"))
                        .on_hover_text("Take every filter of the bar out of the search")
                        .clicked();
                    if !valid {
                        ui.weak("Correct the search above to use the filters again.");
                    }
                });
            });
        });
        let new = if cleared {
            let mut text = text;
            for field in ALL {
                let Ok(parsed) = ParsedText::parse(&text) else {
                    break;
                };
                text = parsed.with(field, None);
            }
            text
        } else {
            let (field, term) = changed?;
            parsed.with(field, term.as_deref())
        };
        self.synced = (!cleared).then(|| new.clone());
        Some(new)
    }
}

/// A menu of `options` (label, term) for `field`, showing the one the text holds (or
/// the term as typed when it is none of them); returns the chosen term when it changed.
fn choice_ui(
    ui: &mut egui::Ui,
    parsed: &ParsedText<'_>,
    field: BarField,
    name: &str,
    any: &str,
    options: &[(String, String)],
) -> Option<Option<String>> {
    let current = parsed.term(field);
    let chosen = options
        .iter()
        .find(|(_, term)| filter_of(term).as_ref() == current);
    let selected = match (chosen, parsed.typed(field)) {
        (Some((label, _)), _) => label.clone(),
        (None, Some(typed)) => typed.to_owned(),
        (None, None) => any.to_owned(),
    };
    let mut picked = None;
    let combo = egui::ComboBox::from_id_salt(("filter-bar", name))
        .width(96.0)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            if ui.selectable_label(current.is_none(), any).clicked() {
                picked = Some(None);
            }
            for (label, term) in options {
                let on = chosen.is_some_and(|(_, t)| t == term);
                if ui.selectable_label(on, label.as_str()).clicked() {
                    picked = Some(Some(term.clone()));
                }
            }
        });
    name_widget(ui, combo.response.id, name);
    picked
}
