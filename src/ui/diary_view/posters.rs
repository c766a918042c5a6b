//! The diary as posters, "your year in posters": each month's viewings as tiles under the
//! month's name, in the diary's order. Thumbnails are asked for only for the tiles on screen; a
//! click opens the viewing in the form, as Edit does in the list.

use eframe::egui;

use crate::db::DiaryMonth;
use crate::model::DiaryRow;
use crate::ui::ctx::AppCtx;
use crate::ui::widgets::poster::{poster_tile_ui, PosterTile, SMALL_TILE};
use crate::ui::widgets::rating::film_label;

use super::month_heading;

/// Draws `months` (of `year`, when the diary is filtered to one) as posters; returns the viewing
/// whose poster was clicked.
pub fn months_ui<'m>(
    ui: &mut egui::Ui,
    months: &'m [DiaryMonth],
    year: Option<i32>,
    ctx: &AppCtx<'_>,
) -> Option<&'m DiaryRow> {
    let mut clicked = None;
    let viewings: usize = months.iter().map(|m| m.entries.len()).sum();
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.heading(match year {
            Some(year) => format!("{year} in posters"),
            None => "Every year in posters".to_owned(),
        });
        ui.weak(count(viewings));
    });
    for month in months {
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            ui.heading(month_heading(month));
            ui.weak(count(month.entries.len()));
        });
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(10.0, 10.0);
            for row in &month.entries {
                let (_, rect) = ui.allocate_space(SMALL_TILE);
                let film = &row.film;
                // Only a tile on screen asks for its thumbnail.
                let texture = ui
                    .is_rect_visible(rect)
                    .then(|| ctx.posters.texture(film.id))
                    .flatten();
                let label = format!(
                    "{} on {}",
                    film_label(&film.title, film.year),
                    ctx.date_format.format(row.entry.watched_on)
                );
                let tile = PosterTile {
                    title: &film.title,
                    year: film.year,
                    label: &label,
                    texture: texture.as_ref(),
                    selected: false,
                };
                let id = egui::Id::unique(("diary-poster", row.entry.id));
                if poster_tile_ui(ui, rect, id, &tile).clicked() {
                    clicked = Some(row);
                }
            }
        });
    }
    clicked
}

/// `1 viewing`, `12 viewings`.
fn count(viewings: usize) -> String {
    match viewings {
        1 => "1 viewing".to_owned(),
        n => format!("{n} viewings"),
    }
}
