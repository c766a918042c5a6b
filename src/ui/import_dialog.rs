//! The review import dialog: the pasted text with every recognised span coloured by field, the
//! fields found (editable, each with a marker to where it came from), the catalog film it
//! matches, and Save, which stores film and review in one transaction.
//!
//! Editing the text parses it again 300 ms after the last keystroke; fields the person corrected
//! by hand keep their values. A paste that came with HTML (a browser's `text/html`) shows its
//! text; the HTML's headings, bylines, `<time>` elements and links are evidence for the parse.

use std::collections::BTreeSet;

use eframe::egui;
use egui::text::{CCursor, CCursorRange};

use crate::db::{Catalog, FilmMatch, ImportTarget};
use crate::model::{Film, FilmId, Review};
use crate::parse::{parse_pasted, Alternative, Field, FieldOrigin, ParsedReview, Provenance};

// Only this dialog uses these; declared here so the window's module list stays as it is.
#[path = "import_fields.rs"]
mod import_fields;
#[path = "import_highlight.rs"]
mod import_highlight;
#[path = "import_pick.rs"]
mod import_pick;
#[path = "import_target.rs"]
mod import_target;

use import_fields::{parse_rating, Fields};
use import_highlight::{highlighted, legend_ui};
use import_pick::{marker_ui, use_as_menu_ui, Evidence, KnownLoader};

use super::clipboard::{HtmlClipboard, Paste};
use super::command::UiCommand;
use super::msg::Msg;
use super::widgets::film_form::cast_list;
use super::widgets::ModalOut;
use super::widgets::{name_list, name_widget};

/// Seconds after the last keystroke before the text is parsed again.
const REPARSE_DELAY_S: f64 = 0.3;

/// The id of the pasted-text field.
fn text_id() -> egui::Id {
    egui::Id::unique("import-text")
}

/// Where an imported review goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Film(FilmId),
    New,
}

/// The import dialog's state.
pub struct ImportDialog {
    /// The text as pasted (HTML stays HTML), kept with the review; the edited text once edited.
    source: String,
    /// The pasted text, as edited.
    text: String,
    /// The HTML the clipboard held beside the pasted text: evidence for the parse, never shown.
    markup: Option<String>,
    /// The text `parsed` was read from.
    parsed_text: String,
    /// The parse of `parsed_text`.
    parsed: ParsedReview,
    /// The fields as shown (parsed, then corrected by hand).
    fields: Fields,
    /// The fields the person changed by hand; a new parse leaves them alone.
    edited: BTreeSet<Field>,
    /// When the text was last edited (egui time, seconds).
    last_edit: Option<f64>,
    /// The stored films the fields may describe, for `matched_key`.
    matches: Vec<FilmMatch>,
    matched_key: Option<(String, String, Vec<String>)>,
    target: Target,
    /// Select this byte span in the text next frame.
    reveal: Option<(usize, usize)>,
    /// The catalog's titles and people, read once the dialog opens.
    known: Option<KnownLoader>,
    /// Other readings of the fields ("Also found").
    alternatives: Vec<Alternative>,
    /// Fields whose value came from the catalog, the page's metadata, or the person's pick.
    origins: Vec<FieldOrigin>,
    /// The selected byte span of the text, while there is one.
    selection: Option<(usize, usize)>,
    /// Why a selection could not be used as a field, shown under it.
    pick_error: Option<(Field, String)>,
    /// The span of the reading the pointer is on, highlighted in the text.
    hovered: Option<(usize, usize)>,
    /// The span last highlighted for a hovered reading (the text is drawn before the fields).
    hover_drawn: Option<(usize, usize)>,
    /// The search box for another stored film to attach the review to.
    other: import_target::OtherFilm,
}

impl ImportDialog {
    /// A dialog on `text` (may be empty), parsed at once.
    pub fn new(text: String) -> Self {
        Self::pasted(Paste::text(text))
    }

    /// A dialog on a paste, parsed at once with the HTML that came with it.
    pub fn pasted(paste: Paste) -> Self {
        let Paste { text, html } = paste;
        let mut dialog = Self {
            source: text.clone(),
            text,
            markup: html,
            parsed_text: String::new(),
            parsed: ParsedReview::default(),
            fields: Fields::default(),
            edited: BTreeSet::new(),
            last_edit: None,
            matches: Vec::new(),
            matched_key: None,
            target: Target::New,
            reveal: None,
            known: None,
            alternatives: Vec::new(),
            origins: Vec::new(),
            selection: None,
            pick_error: None,
            hovered: None,
            hover_drawn: None,
            other: import_target::OtherFilm::default(),
        };
        dialog.reparse();
        dialog
    }

    /// Parses the text again, keeping the fields edited by hand. HTML is shown as the plain text
    /// the parser read, so the highlighted spans line up.
    fn reparse(&mut self) {
        // An HTML paste shown as its text is read again from the HTML, for its metadata.
        let input = if self.text == self.parsed_text {
            self.source.clone()
        } else {
            self.text.clone()
        };
        if input.trim().is_empty() {
            self.markup = None;
        }
        let known = self.known.as_ref().and_then(KnownLoader::known);
        let output = parse_pasted(&input, self.markup.as_deref(), known);
        let from_html = output.indexed_text != input.as_str();
        let indexed = output.indexed_text.into_owned();
        let enriched = output.enriched;
        let parsed = enriched.review;
        self.alternatives = enriched.alternatives;
        self.origins = enriched.origins;
        if from_html {
            self.selection = None;
            self.source = input;
            self.text.clone_from(&indexed);
        } else {
            self.source.clone_from(&self.text);
        }
        let fresh = Fields::from_parsed(&parsed);
        for field in Field::ALL {
            if !self.edited.contains(&field) {
                self.fields.take_field(&fresh, field);
            }
        }
        self.parsed = parsed;
        self.parsed_text = indexed;
        self.last_edit = None;
    }

    /// The film, the review and where it goes, or the sentence saying what to fix.
    pub fn to_save(&self) -> Result<(Film, Review, ImportTarget), String> {
        let film = self.fields.film.to_film(None)?;
        let source = if self.text == self.parsed_text {
            &self.source
        } else {
            &self.text
        };
        let review = self.fields.to_review(source)?;
        let target = match self.target {
            Target::Film(id) => ImportTarget::Film(id),
            Target::New => ImportTarget::New,
        };
        Ok((film, review, target))
    }

    /// Draws the dialog; a paste into its text reads the HTML beside it from `clipboard`.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        catalog: &Catalog,
        clipboard: &mut dyn HtmlClipboard,
    ) -> ModalOut {
        let mut commands = Vec::new();
        let loader = self
            .known
            .get_or_insert_with(|| KnownLoader::start(catalog, ctx));
        if loader.arrived() && self.text == self.parsed_text {
            self.reparse();
        }
        self.reparse_when_idle(ctx);
        self.update_matches(catalog, &mut commands);
        let screen = ctx.content_rect();
        let size = egui::vec2(
            (screen.width() - 48.0).clamp(320.0, 1400.0),
            (screen.height() - 64.0).clamp(240.0, 1000.0),
        );
        let response = egui::Modal::new(egui::Id::unique("import-dialog")).show(ctx, |ui| {
            ui.set_width(size.x);
            ui.set_max_width(size.x);
            let start_y = ui.cursor().top();
            ui.heading("Import a review");
            self.status_ui(ui);
            self.matches_ui(ui, catalog);
            ui.separator();
            let used = ui.cursor().top() - start_y;
            let body_height = (size.y - used - 48.0).max(120.0);
            let row = egui::Layout::left_to_right(egui::Align::Min);
            ui.allocate_ui_with_layout(egui::vec2(size.x, body_height), row, |ui| {
                ui.set_height(body_height);
                let left = (size.x * 0.5).floor();
                let right = size.x - left - 2.0 * ui.spacing().item_spacing.x - 8.0;
                let column = egui::Layout::top_down(egui::Align::Min);
                ui.allocate_ui_with_layout(egui::vec2(left, body_height), column, |ui| {
                    ui.set_width(left);
                    self.text_ui(ui, body_height, clipboard);
                });
                ui.separator();
                ui.allocate_ui_with_layout(egui::vec2(right, body_height), column, |ui| {
                    ui.set_width(right);
                    egui::ScrollArea::vertical()
                        .id_salt("import-fields")
                        .max_height(body_height)
                        .auto_shrink([false, false])
                        .show(ui, |ui| self.fields_ui(ui));
                });
            });
            ui.separator();
            ui.horizontal(|ui| {
                let check = self.to_save();
                if UiCommand::SaveImport.button(ui, check.is_ok()).clicked() {
                    commands.push(UiCommand::SaveImport.into());
                }
                if UiCommand::CloseDialog.button(ui, true).clicked() {
                    commands.push(UiCommand::CloseDialog.into());
                }
                if let Err(message) = check {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
            });
        });
        ModalOut::new(&response, commands)
    }

    fn reparse_when_idle(&mut self, ctx: &egui::Context) {
        if self.text == self.parsed_text {
            return;
        }
        let now = ctx.input(|i| i.time);
        let last = *self.last_edit.get_or_insert(now);
        let waited = now - last;
        if waited >= REPARSE_DELAY_S {
            self.reparse();
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(REPARSE_DELAY_S - waited));
        }
    }

    fn update_matches(&mut self, catalog: &Catalog, commands: &mut Vec<Msg>) {
        let film = &self.fields.film;
        let key = (
            film.title.trim().to_owned(),
            film.year.trim().to_owned(),
            film.directors.clone(),
        );
        if self.matched_key.as_ref() == Some(&key) {
            return;
        }
        self.matched_key = Some(key);
        let probe = Film {
            title: film.title.trim().to_owned(),
            year: film.year.trim().parse().ok(),
            alternative_titles: film.alternative_titles.clone(),
            original_title: Some(film.original_title.trim().to_owned()).filter(|t| !t.is_empty()),
            credits: film
                .directors
                .iter()
                .map(|d| crate::model::Credit::new(d.trim(), crate::model::Role::Director))
                .collect(),
            ..Film::default()
        };
        self.matches = if probe.title.is_empty() {
            Vec::new()
        } else {
            match catalog.find_matches(&probe) {
                Ok(matches) => matches,
                Err(error) => {
                    commands.push(Msg::ReportError(error.to_string()));
                    Vec::new()
                }
            }
        };
        let still_there = matches!(self.target, Target::Film(id) if self.matches.iter().any(|m| m.id == id) || self.other.offers(id));
        if !still_there {
            self.target = self
                .matches
                .first()
                .map_or(Target::New, |m| Target::Film(m.id));
        }
    }

    fn status_ui(&self, ui: &mut egui::Ui) {
        let message = if self.text.trim().is_empty() {
            Some("Paste a review into the text box on the left (Ctrl+V): Cinedex finds the film's title, people and facts in it.")
        } else if self.parsed.is_empty() && self.text == self.parsed_text {
            Some("Nothing recognised: the text names no film. Its words are kept as the review text; type the title on the right, or paste another review.")
        } else {
            None
        };
        if let Some(message) = message {
            ui.colored_label(ui.visuals().warn_fg_color, message);
        } else if self.markup.is_some() {
            ui.weak("The page's markup came with the paste: its headings, bylines, dates and links count as evidence.");
        }
    }

    /// The HTML beside a paste into the text: pasted over everything, it replaces the markup;
    /// pasted into other text, it joins it.
    fn took_paste(&mut self, pasted: &str, html: Option<String>) {
        if self.text.trim() == pasted.trim() {
            self.markup = html;
        } else if let Some(html) = html {
            self.markup.get_or_insert_default().push_str(&html);
        }
    }

    fn text_ui(&mut self, ui: &mut egui::Ui, height: f32, clipboard: &mut dyn HtmlClipboard) {
        let spans: Vec<Provenance> = if self.text == self.parsed_text {
            self.parsed
                .provenance
                .iter()
                .filter(|p| p.field != Field::Body)
                .cloned()
                .collect()
        } else {
            Vec::new()
        };
        let mut spans = spans;
        self.hover_drawn = self.hovered.take();
        if let Some((start, end)) = self.hover_drawn {
            spans.retain(|p| p.end <= start || p.start >= end);
            let field = Field::Body;
            spans.push(Provenance {
                field,
                start,
                end,
                confidence: 1.0,
            });
            spans.sort_by_key(|p| p.start);
        }
        legend_ui(ui, &spans);
        let mut picked = None;
        let cast: Vec<String> = self
            .fields
            .film
            .cast
            .iter()
            .map(|c| c.name.clone())
            .collect();
        ui.horizontal(|ui| {
            let selected = self.selection.is_some();
            ui.add_enabled_ui(selected, |ui| {
                ui.menu_button("Use selection as…", |ui| {
                    picked = use_as_menu_ui(ui, &cast)
                })
                .response
                .on_disabled_hover_text("Select words in the pasted text first.");
            });
        });
        let mut layouter = |ui: &egui::Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
            let mut job = highlighted(ui, buffer.as_str(), &spans);
            job.wrap.max_width = wrap_width;
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let reveal = self.reveal.take();
        if let Some((start, end)) = reveal {
            let chars = |byte: usize| self.text.get(..byte).map_or(0, |s| s.chars().count());
            let range = CCursorRange::two(CCursor::new(chars(start)), CCursor::new(chars(end)));
            let mut state =
                egui::text_edit::TextEditState::load(ui.ctx(), text_id()).unwrap_or_default();
            state.cursor.set_char_range(Some(range));
            state.store(ui.ctx(), text_id());
            ui.memory_mut(|m| m.request_focus(text_id()));
        }
        let pasted = ui.memory(|m| m.has_focus(text_id())).then(|| {
            ui.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(text) => Some(text.clone()),
                    _ => None,
                })
            })
        });
        egui::ScrollArea::vertical()
            .id_salt("import-text-scroll")
            .max_height(height - 28.0)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let output = egui::TextEdit::multiline(&mut self.text)
                    .id(text_id())
                    .hint_text("Paste the review here")
                    .desired_width(f32::INFINITY)
                    .desired_rows(20)
                    .min_size(egui::vec2(0.0, height - 40.0))
                    .layouter(&mut layouter)
                    .show(ui);
                let response = &output.response.response;
                name_widget(ui, response.id, "Pasted review");
                if response.has_focus() {
                    self.selection = output.cursor_range.and_then(|range| {
                        let [a, b] = range.sorted_cursors();
                        let byte = |c: CCursor| {
                            self.text
                                .char_indices()
                                .nth(c.index.0)
                                .map_or(self.text.len(), |(i, _)| i)
                        };
                        (a.index != b.index).then(|| (byte(a), byte(b)))
                    });
                }
                response.context_menu(|ui| picked = use_as_menu_ui(ui, &cast).or(picked));
                if response.changed() {
                    self.last_edit = Some(ui.input(|i| i.time));
                    if let Some(pasted) = pasted.flatten() {
                        self.took_paste(&pasted, clipboard.html());
                    }
                }
                if let Some((start, _)) = reveal {
                    let chars = self.text.get(..start).map_or(0, |s| s.chars().count());
                    let rect = output
                        .galley
                        .pos_from_cursor(CCursor::new(chars))
                        .translate(output.galley_pos.to_vec2());
                    ui.scroll_to_rect(rect, Some(egui::Align::Center));
                }
                if let Some(pointer) = response.hover_pos() {
                    let cursor = output.galley.cursor_from_pos(pointer - output.galley_pos);
                    let byte = self
                        .text
                        .char_indices()
                        .nth(cursor.index.0)
                        .map_or(self.text.len(), |(b, _)| b);
                    if let Some(span) = spans.iter().find(|p| p.start <= byte && byte < p.end) {
                        response.clone().on_hover_text_at_pointer(format!(
                            "{} ({:.0}% sure)",
                            span.field.label(),
                            span.confidence * 100.0
                        ));
                    }
                }
            });
        if let Some(pick) = picked {
            self.use_selection_as(pick);
        }
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        let before = self.fields.clone();
        let mut reveal = None;
        let mut evidence = Evidence {
            origins: &self.origins,
            pick_error: self.pick_error.as_ref(),
            alternatives: &self.alternatives,
            hovered: None,
            taken: None,
        };
        let parsed = &self.parsed;
        let film = &mut self.fields.film;
        let review = &mut self.fields.review;
        egui::Grid::new("import-fields-grid")
            .num_columns(3)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let lines: [(Field, &mut String, &str); 13] = [
                    (Field::Title, &mut film.title, ""),
                    (Field::OriginalTitle, &mut film.original_title, ""),
                    (Field::Year, &mut film.year, "e.g. 2012"),
                    (Field::RuntimeMin, &mut film.runtime_min, "minutes"),
                    (Field::ReleaseDate, &mut film.release_date, "YYYY-MM-DD"),
                    (Field::Languages, &mut film.languages, "comma-separated"),
                    (Field::Countries, &mut film.countries, "comma-separated"),
                    (Field::Genres, &mut film.genres, "comma-separated"),
                    (Field::Rating, &mut review.rating, "e.g. 3.5/5 or B+"),
                    (Field::Reviewer, &mut review.reviewer, ""),
                    (Field::Outlet, &mut review.outlet, ""),
                    (Field::PublishedOn, &mut review.published_on, "YYYY-MM-DD"),
                    (Field::SourceUrl, &mut review.source_url, ""),
                ];
                for (field, text, hint) in lines {
                    reveal = marker_ui(ui, parsed, field).or(reveal);
                    let label = ui.label(field.label());
                    ui.add(
                        egui::TextEdit::singleline(text)
                            .hint_text(hint)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    if evidence.has(field) {
                        ui.label("");
                        ui.label("");
                        evidence.ui(ui, field);
                        ui.end_row();
                    }
                }
            });
        ui.add_space(6.0);
        let section = |ui: &mut egui::Ui, field: Field| {
            ui.horizontal(|ui| {
                let found = marker_ui(ui, parsed, field);
                ui.strong(field.label());
                found
            })
            .inner
        };
        reveal = section(ui, Field::AlternativeTitles).or(reveal);
        name_list(
            ui,
            "import-aka",
            &mut film.alternative_titles,
            "Also known as",
        );
        evidence.ui(ui, Field::AlternativeTitles);
        reveal = section(ui, Field::Directors).or(reveal);
        name_list(ui, "import-directors", &mut film.directors, "Director");
        evidence.ui(ui, Field::Directors);
        reveal = section(ui, Field::Writers).or(reveal);
        name_list(ui, "import-writers", &mut film.writers, "Writer");
        evidence.ui(ui, Field::Writers);
        reveal = section(ui, Field::Cast).or(reveal);
        cast_list(ui, &mut film.cast);
        evidence.ui(ui, Field::Cast);
        reveal = section(ui, Field::Body).or(reveal);
        let label = ui.label("The review's own words, without the page around them:");
        ui.add(
            egui::TextEdit::multiline(&mut review.body)
                .desired_rows(8)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let (hovered, taken) = (evidence.hovered, evidence.taken);
        for field in Field::ALL {
            if !self.fields.same(&before, field) {
                self.edited.insert(field);
            }
        }
        if reveal.is_some() {
            self.reveal = reveal;
        }
        if hovered != self.hover_drawn {
            // The text was drawn before the pointer reached the reading: once more, lit.
            ui.ctx().request_repaint();
        }
        self.hovered = hovered;
        if let Some(taken) = taken {
            self.take_alternative(taken);
        }
    }
}
