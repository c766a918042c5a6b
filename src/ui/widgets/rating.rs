//! Ratings in stars to click or read, and a film named with its year.

use eframe::egui;

use super::name_widget;

/// Five stars to click, each in halves (the left half of a star gives ½); keys 1–5 give whole
/// stars and Shift+1–5 half a star less (while no text field has the keyboard, or the pointer is
/// over the stars); the × clears.
pub fn star_rating_ui(ui: &mut egui::Ui, rating_half_stars: &mut Option<u8>) {
    ui.horizontal(|ui| {
        let current = rating_half_stars.unwrap_or(0);
        let mut hovered = false;
        for star in 1..=5u8 {
            let lit = ui.visuals().warn_fg_color;
            let glyph = match current.saturating_sub(2 * (star - 1)) {
                0 => egui::RichText::new("☆").weak(),
                1 => egui::RichText::new("☆").color(lit),
                _ => egui::RichText::new("★").color(lit),
            };
            let response = ui
                .add(egui::Button::new(glyph.size(20.0)).frame(false))
                .on_hover_text("Click the left half for half a star");
            name_widget(ui, response.id, &format!("{star} stars"));
            hovered |= response.hovered();
            if response.clicked() {
                let left = response
                    .interact_pointer_pos()
                    .is_some_and(|p| p.x < response.rect.center().x);
                *rating_half_stars = Some(if left { 2 * star - 1 } else { 2 * star });
            }
        }
        if hovered || !ui.ctx().text_edit_focused() {
            keyboard_rating(ui, rating_half_stars);
        }
        ui.label(rating_half_stars.map_or("No rating".to_owned(), stars));
        if rating_half_stars.is_some() && ui.small_button("×").on_hover_text("No rating").clicked()
        {
            *rating_half_stars = None;
        }
    });
}

/// Keys 1–5 (Shift for half a star less) set the rating.
fn keyboard_rating(ui: &egui::Ui, rating_half_stars: &mut Option<u8>) {
    let keys = [
        egui::Key::Num1,
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num4,
        egui::Key::Num5,
    ];
    ui.input(|input| {
        for (star, key) in (1..=5u8).zip(keys) {
            if input.key_pressed(key) {
                let half_less = u8::from(input.modifiers.shift);
                *rating_half_stars = Some(2 * star - half_less);
            }
        }
    });
}

/// `★★★½` for 7 half stars.
pub fn stars(half_stars: u8) -> String {
    let mut text = "★".repeat(usize::from(half_stars / 2));
    if half_stars % 2 == 1 {
        text.push('½');
    }
    text
}

/// `Title (Year)`.
pub fn film_label(title: &str, year: Option<i32>) -> String {
    match year {
        Some(year) => format!("{title} ({year})"),
        None => title.to_owned(),
    }
}
