//! A film as a poster tile, for the catalog grid and the diary's year in posters: its thumbnail,
//! or, for a film without one (or before its thumbnail is decoded), a placeholder drawn with the
//! painter: the title and year on a colour taken from the title, the same one its generated
//! demo poster has. One clickable widget named after the film.

use eframe::egui::{self, Color32, CornerRadius, Rect, Stroke, StrokeKind};

use crate::images::poster_colour;

/// A tile's size in points: 2:3, like a one-sheet (the grid thumbnail is 160 × 240 pixels).
pub const TILE: egui::Vec2 = egui::vec2(120.0, 180.0);

/// A smaller tile, for the diary's posters by month.
pub const SMALL_TILE: egui::Vec2 = egui::vec2(96.0, 144.0);

/// The rounding of a tile's corners.
const CORNER: u8 = 4;

/// What one tile shows.
pub struct PosterTile<'a> {
    /// The film's title, drawn on the placeholder.
    pub title: &'a str,
    /// Its year, drawn under the title on the placeholder.
    pub year: Option<i32>,
    /// The accessible name and the hover text, e.g. `Metropolis (1927)`.
    pub label: &'a str,
    /// The thumbnail, when the film has one and it is decoded.
    pub texture: Option<&'a egui::TextureHandle>,
    /// Drawn with the selection's outline.
    pub selected: bool,
}

/// Draws `tile` in `rect` as one clickable widget `id`; returns its response.
pub fn poster_tile_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    id: egui::Id,
    tile: &PosterTile<'_>,
) -> egui::Response {
    let response = ui.interact(rect, id, egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, tile.selected, tile.label)
    });
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        match tile.texture {
            Some(texture) => thumbnail(painter, rect, texture),
            None => placeholder(painter, rect, tile.title, tile.year),
        }
        let outline = if tile.selected {
            Some(Stroke::new(3.0, ui.visuals().selection.stroke.color))
        } else if response.hovered() {
            Some(ui.visuals().widgets.hovered.fg_stroke)
        } else {
            None
        };
        if let Some(stroke) = outline {
            painter.rect_stroke(rect, CORNER, stroke, StrokeKind::Inside);
        }
    }
    response.on_hover_text(tile.label)
}

/// The thumbnail, fitted into `rect` with its proportions kept, on a dark ground.
fn thumbnail(painter: &egui::Painter, rect: Rect, texture: &egui::TextureHandle) {
    let size = texture.size_vec2();
    let scale = (rect.width() / size.x).min(rect.height() / size.y);
    let fitted = Rect::from_center_size(rect.center(), size * scale);
    if fitted != rect {
        painter.rect_filled(rect, CORNER, Color32::from_gray(28));
    }
    let uv = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
    painter.add(
        egui::epaint::RectShape::filled(fitted, CornerRadius::same(CORNER), Color32::WHITE)
            .with_texture(texture.id(), uv),
    );
}

/// The placeholder: the title's colour, the title (up to five lines) and the year at the bottom.
fn placeholder(painter: &egui::Painter, rect: Rect, title: &str, year: Option<i32>) {
    let [r, g, b] = poster_colour(title);
    painter.rect_filled(rect, CORNER, Color32::from_rgb(r, g, b));
    let margin = (rect.width() / 12.0).round();
    let width = rect.width() - 2.0 * margin;
    let text = |text: &str, size: f32, colour: Color32, rows: usize| {
        let mut job = egui::text::LayoutJob::single_section(
            text.to_owned(),
            egui::TextFormat::simple(egui::FontId::proportional(size), colour),
        );
        job.wrap = egui::text::TextWrapping {
            max_width: width,
            max_rows: rows,
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        painter.layout_job(job)
    };
    let title_size = (rect.width() / 8.0).round();
    let mut bottom = rect.bottom() - margin;
    if let Some(year) = year {
        let galley = text(
            &year.to_string(),
            title_size * 0.8,
            Color32::from_white_alpha(190),
            1,
        );
        bottom -= galley.size().y;
        painter.galley(
            egui::pos2(rect.left() + margin, bottom),
            galley,
            Color32::WHITE,
        );
        bottom -= 2.0;
    }
    let galley = text(title, title_size, Color32::WHITE, 5);
    bottom -= galley.size().y;
    let top = bottom.max(rect.top() + margin);
    painter.galley(
        egui::pos2(rect.left() + margin, top),
        galley,
        Color32::WHITE,
    );
}
