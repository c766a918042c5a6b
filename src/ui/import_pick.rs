//! What the import dialog adds to the text's own parse: the catalog's memory, built on a worker
//! thread; "Use as" on a selection of the pasted text (the value read with the parser's own
//! readers); and the "Also found" readings under each field.

use std::sync::mpsc;

use eframe::egui;

use crate::db::Catalog;
use crate::parse::{
    parse_review, Alternative, Field, FieldOrigin, Known, Origin, ParsedReview, Provenance,
};
use crate::ui::widgets::name_widget;

/// The fields a selection can be used as, in the order the menu lists them.
pub const USE_AS: [Field; 13] = [
    Field::Title,
    Field::OriginalTitle,
    Field::AlternativeTitles,
    Field::Directors,
    Field::Writers,
    Field::Cast,
    Field::Reviewer,
    Field::Outlet,
    Field::Rating,
    Field::RuntimeMin,
    Field::ReleaseDate,
    Field::PublishedOn,
    Field::Year,
];

/// The catalog's [`Known`], read on a worker thread from the catalog file, so a catalog of many
/// films never holds up a frame.
pub struct KnownLoader {
    receiver: Option<mpsc::Receiver<Option<Known>>>,
    known: Option<Known>,
}

impl KnownLoader {
    /// Starts reading `catalog`'s titles and people. A catalog in memory is read at once (it has
    /// no file another connection could open).
    pub fn start(catalog: &Catalog, ctx: &egui::Context) -> Self {
        let Some(path) = catalog.file().map(std::path::Path::to_path_buf) else {
            return Self {
                receiver: None,
                known: catalog.known().ok(),
            };
        };
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let known = Catalog::open(&path).and_then(|c| c.known()).ok();
            // The dialog may be gone; then nobody waits for the answer.
            let _ = sender.send(known);
            ctx.request_repaint();
        });
        Self {
            receiver: Some(receiver),
            known: None,
        }
    }

    /// True once, on the frame the catalog's memory arrives: the text is then parsed again.
    pub fn arrived(&mut self) -> bool {
        let Some(receiver) = &self.receiver else {
            return false;
        };
        match receiver.try_recv() {
            Ok(known) => {
                self.known = known;
                self.receiver = None;
                true
            }
            Err(mpsc::TryRecvError::Empty) => false,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.receiver = None;
                false
            }
        }
    }

    /// The catalog's memory, once read.
    pub fn known(&self) -> Option<&Known> {
        self.known.as_ref()
    }
}

/// The value a selection gives `field`, as its editor shows it, or the sentence saying why the
/// selection is not one. Dates, runtimes and ratings are read by the review parser itself, as if
/// the selection stood on a labelled line.
pub fn read_pick(field: Field, selection: &str) -> Result<String, String> {
    let text = selection.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err("Select some words in the pasted text first.".to_owned());
    }
    let labelled = |label: &str| parse_review(&format!("{label}: {text}\n"));
    let value = match field {
        Field::RuntimeMin => text
            .parse::<u32>()
            .ok()
            .or(labelled("Running time").runtime_min)
            .map(|m| m.to_string()),
        Field::Rating => stars(&text)
            .or_else(|| super::parse_rating(&text).ok())
            .map(|r| r.to_string()),
        // The parser reads a date on a labelled line only beside a film fact; the date reader
        // is the same for both dates.
        Field::ReleaseDate | Field::PublishedOn => {
            labelled("Release date").release_date.map(|d| d.to_string())
        }
        Field::Year => text
            .parse::<i32>()
            .ok()
            .filter(|y| (1870..=2100).contains(y))
            .map(|y| y.to_string()),
        _ => Some(text.clone()),
    };
    value.ok_or_else(|| match field {
        Field::RuntimeMin => format!("“{text}” is not a running time, such as 112 min or 1h 52m."),
        Field::Rating => format!("“{text}” is not a rating, such as 3.5/5, ★★★★ or B+."),
        Field::Year => format!("“{text}” is not a year, such as 2012."),
        _ => format!("“{text}” is not a date, such as 6 April 2013 or 2013-04-06."),
    })
}

/// A rating in star glyphs (`★★★½`), out of five.
fn stars(text: &str) -> Option<crate::model::Rating> {
    let full = text.chars().filter(|c| *c == '★').count();
    let half = text.contains('½');
    let other = text.chars().any(|c| !matches!(c, '★' | '☆' | '½' | ' '));
    if other || full == 0 && !half {
        return None;
    }
    crate::model::Rating::points(full as f64 + if half { 0.5 } else { 0.0 }, 5).ok()
}

/// The "Use as" menu for a selection: the field chosen, if any.
pub fn use_as_menu_ui(ui: &mut egui::Ui, cast: &[String]) -> Option<Pick> {
    ui.label("Use the selection as");
    let mut chosen = None;
    for field in USE_AS {
        let label = match field {
            Field::Cast => "Cast (new row)".to_owned(),
            Field::Directors => "Director".to_owned(),
            Field::Writers => "Writer".to_owned(),
            other => other.label().to_owned(),
        };
        if ui.button(label).clicked() {
            chosen = Some(Pick::Field(field));
        }
        if field == Field::Cast {
            ui.add_enabled_ui(!cast.is_empty(), |ui| {
                ui.menu_button("Character of a cast row", |ui| {
                    for (row, name) in cast.iter().enumerate() {
                        let label = if name.trim().is_empty() {
                            format!("Cast {} (no name yet)", row + 1)
                        } else {
                            name.clone()
                        };
                        if ui.button(label).clicked() {
                            chosen = Some(Pick::Character(row));
                        }
                    }
                })
                .response
                .on_disabled_hover_text("Add a cast row first.");
            });
        }
    }
    chosen
}

/// What a selection is used as: a field, or the character of the cast row at an index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// This field.
    Field(Field),
    /// The character played in this cast row (0-based).
    Character(usize),
}

/// "Also found: …" under a field: one button per other reading. Returns the one clicked, and
/// the span of the one hovered (to highlight it in the text).
pub fn also_found_ui<'a>(
    ui: &mut egui::Ui,
    alternatives: &'a [Alternative],
    field: Field,
) -> (Option<&'a Alternative>, Option<(usize, usize)>) {
    let mut taken = None;
    let mut hovered = None;
    let of_field: Vec<&Alternative> = alternatives.iter().filter(|a| a.field == field).collect();
    if of_field.is_empty() {
        return (None, None);
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak("Also found:");
        for alternative in of_field {
            let response = ui.small_button(&alternative.value).on_hover_text(format!(
                "Use this {} ({}, {:.0}% sure)",
                field.label().to_lowercase(),
                alternative.origin.label(),
                alternative.confidence * 100.0
            ));
            if response.hovered() {
                hovered = alternative.start.zip(alternative.end);
            }
            if response.clicked() {
                taken = Some(alternative);
            }
        }
    });
    (taken, hovered)
}

impl super::ImportDialog {
    /// Fills the field `pick` names from the selected text, which is then its span, "chosen by
    /// you".
    pub(super) fn use_selection_as(&mut self, pick: Pick) {
        let Some((start, end)) = self.selection else {
            return;
        };
        let selected = self.text.get(start..end).unwrap_or_default();
        let field = match pick {
            Pick::Field(field) => field,
            Pick::Character(_) => Field::Cast,
        };
        match read_pick(field, selected) {
            Ok(value) => {
                match pick {
                    Pick::Field(field) => self.fields.put(field, value),
                    Pick::Character(row) => {
                        if let Some(row) = self.fields.film.cast.get_mut(row) {
                            row.character = value;
                        }
                    }
                }
                self.edited.insert(field);
                self.pick_error = None;
                if self.text == self.parsed_text {
                    let list = matches!(
                        field,
                        Field::AlternativeTitles | Field::Directors | Field::Writers | Field::Cast
                    );
                    if !list {
                        self.parsed.provenance.retain(|p| p.field != field);
                    }
                    let confidence = 1.0;
                    self.parsed.provenance.push(Provenance {
                        field,
                        start,
                        end,
                        confidence,
                    });
                    self.parsed.provenance.sort_by_key(|p| p.start);
                }
                self.set_origin(field, Origin::ChosenByYou);
            }
            Err(message) => self.pick_error = Some((field, message)),
        }
    }

    pub(super) fn set_origin(&mut self, field: Field, origin: Origin) {
        self.origins.retain(|o| o.field != field);
        self.origins.push(FieldOrigin { field, origin });
    }

    /// Takes another reading: its value fills the field, its span and origin come with it.
    pub(super) fn take_alternative(&mut self, taken: Alternative) {
        let field = taken.field;
        self.fields.put(field, taken.value.clone());
        self.edited.insert(field);
        self.alternatives.retain(|a| *a != taken);
        if let (Some(start), Some(end), true) =
            (taken.start, taken.end, self.text == self.parsed_text)
        {
            self.parsed.provenance.retain(|p| p.field != field);
            let confidence = taken.confidence;
            self.parsed.provenance.push(Provenance {
                field,
                start,
                end,
                confidence,
            });
            self.parsed.provenance.sort_by_key(|p| p.start);
        }
        self.set_origin(field, taken.origin);
    }
}

/// What the fields' evidence shows: where values came from, a failed pick, other readings.
pub struct Evidence<'a> {
    /// Where values came from.
    pub origins: &'a [FieldOrigin],
    /// A failed pick.
    pub pick_error: Option<&'a (Field, String)>,
    /// Other readings.
    pub alternatives: &'a [Alternative],
    /// The span of the reading under the pointer.
    pub hovered: Option<(usize, usize)>,
    /// The reading clicked.
    pub taken: Option<Alternative>,
}

impl Evidence<'_> {
    /// True when there is something to show under `field`.
    pub fn has(&self, field: Field) -> bool {
        self.origins.iter().any(|o| o.field == field)
            || self.pick_error.is_some_and(|(f, _)| *f == field)
            || self.alternatives.iter().any(|a| a.field == field)
    }

    /// Under a field: where its value came from when not the text, why a pick failed, and the
    /// other readings, one click each.
    pub fn ui(&mut self, ui: &mut egui::Ui, field: Field) {
        ui.vertical(|ui| {
            if let Some(origin) = self.origins.iter().find(|o| o.field == field) {
                ui.weak(origin.origin.label());
            }
            if let Some((_, message)) = self.pick_error.filter(|(f, _)| *f == field) {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            let (taken, hovered) = also_found_ui(ui, self.alternatives, field);
            self.hovered = hovered.or(self.hovered);
            if let Some(taken) = taken {
                self.taken = Some(taken.clone());
            }
        });
    }
}

/// The marker beside a field: a button to where it was found, or "not found". Returns the span
/// to reveal when clicked.
pub fn marker_ui(ui: &mut egui::Ui, parsed: &ParsedReview, field: Field) -> Option<(usize, usize)> {
    let Some(span) = parsed.spans(field).next().map(|p| (p.start, p.end)) else {
        ui.weak("not found");
        return None;
    };
    let button = ui
        .small_button("◀")
        .on_hover_text("Show where this was found in the text");
    name_widget(
        ui,
        button.id,
        &format!("Show {} in the text", field.label().to_lowercase()),
    );
    button.clicked().then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_are_read_with_the_parsers_readers() {
        assert_eq!(
            read_pick(Field::Directors, "  Ines\nCalloway "),
            Ok("Ines Calloway".into())
        );
        assert_eq!(
            read_pick(Field::RuntimeMin, "112 minutes"),
            Ok("112".into())
        );
        assert_eq!(read_pick(Field::RuntimeMin, "112"), Ok("112".into()));
        assert_eq!(read_pick(Field::Rating, "3.5/5"), Ok("3.5/5".into()));
        assert_eq!(read_pick(Field::Rating, "★★★½"), Ok("3.5/5".into()));
        assert_eq!(
            read_pick(Field::PublishedOn, "6 April 2013"),
            Ok("2013-04-06".into())
        );
        assert_eq!(
            read_pick(Field::ReleaseDate, "2013-04-06"),
            Ok("2013-04-06".into())
        );
        assert_eq!(read_pick(Field::Year, "2012"), Ok("2012".into()));
        let not = read_pick(Field::RuntimeMin, "a long film").unwrap_err();
        assert!(not.contains("not a running time"), "{not}");
        assert!(read_pick(Field::ReleaseDate, "soon")
            .unwrap_err()
            .contains("not a date"));
        assert!(read_pick(Field::Title, "  ").is_err());
    }
}
