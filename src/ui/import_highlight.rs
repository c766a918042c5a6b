//! The import dialog's pasted text as the person sees it: each recognised span with its field's
//! background colour, and the key of those colours above the text.

use std::collections::BTreeSet;

use eframe::egui;
use egui::text::{LayoutJob, TextFormat};

use crate::parse::{Field, Provenance};

/// Colour of a field's highlight.
fn field_colour(field: Field, dark: bool) -> egui::Color32 {
    let index = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
    let hue = (index as f32 * 0.618_034).fract();
    let hsva = egui::ecolor::Hsva::new(hue, 0.55, if dark { 0.55 } else { 1.0 }, 1.0);
    let [r, g, b, _] = egui::Color32::from(hsva).to_array();
    egui::Color32::from_rgba_unmultiplied(r, g, b, if dark { 150 } else { 160 })
}

/// The text as a layout job with each span's background in its field's colour.
pub fn highlighted(ui: &egui::Ui, text: &str, spans: &[Provenance]) -> LayoutJob {
    let font_id = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let dark = ui.visuals().dark_mode;
    let plain = TextFormat::simple(font_id.clone(), color);
    let mut sorted: Vec<&Provenance> = spans
        .iter()
        .filter(|p| p.start < p.end && p.end <= text.len())
        .filter(|p| text.is_char_boundary(p.start) && text.is_char_boundary(p.end))
        .collect();
    sorted.sort_by_key(|p| (p.start, p.end));
    let mut job = LayoutJob::default();
    let mut at = 0;
    for span in sorted {
        if span.start < at {
            continue;
        }
        job.append(&text[at..span.start], 0.0, plain.clone());
        let format = TextFormat {
            background: field_colour(span.field, dark),
            ..plain.clone()
        };
        job.append(&text[span.start..span.end], 0.0, format);
        at = span.end;
    }
    job.append(&text[at..], 0.0, plain);
    job
}

/// The colours of the fields found, as a key above the text.
pub fn legend_ui(ui: &mut egui::Ui, spans: &[Provenance]) {
    let fields: BTreeSet<Field> = spans.iter().map(|p| p.field).collect();
    if fields.is_empty() {
        ui.weak("Recognised parts of the text are highlighted here.");
        return;
    }
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for field in fields {
            let text = egui::RichText::new(format!(" {} ", field.label()))
                .background_color(field_colour(field, dark))
                .color(ui.visuals().strong_text_color());
            ui.label(text);
        }
    });
}
