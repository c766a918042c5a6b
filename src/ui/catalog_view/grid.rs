//! The catalog as a grid of posters: the same ids in the same order as the table, a row of tiles
//! per line, virtualised (only the lines on screen are drawn, their rows read a page at a time as
//! the table reads them); a click selects a film and opens it in the editor, the arrow keys move
//! the selection (up and down by a line). Thumbnails come from the window's [`PosterCache`];
//! films without one get the drawn placeholder.
//!
//! [`PosterCache`]: crate::ui::poster_cache::PosterCache

use std::collections::HashMap;

use eframe::egui;

use crate::db::{DbError, FilmQuery, FilmRow, SortColumn};
use crate::model::FilmId;
use crate::ui::msg::Msg;

use super::sort_label;
use crate::ui::ctx::AppCtx;
use crate::ui::persisted::CatalogLayout;
use crate::ui::widgets::poster::{poster_tile_ui, PosterTile, TILE};
use crate::ui::widgets::rating::film_label;

use super::{read_page, COLUMNS};

/// The space between tiles, in points.
const GAP: f32 = 14.0;

/// The grid's state between frames.
#[derive(Default)]
pub struct PosterGrid {
    /// Films per line, as last drawn (at least 1).
    per_row: usize,
    /// The scroll offset and the height of the grid's viewport, as last drawn.
    viewport: Option<(f32, f32)>,
}

impl PosterGrid {
    /// Films per line, as last drawn: the step of the up and down keys.
    pub fn per_row(&self) -> usize {
        self.per_row.max(1)
    }

    /// Draws the lines of `ids` that are on screen; scrolls to `scroll_to` first (kept while
    /// `waiting` for a listing that may still bring it).
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &AppCtx<'_>,
        ids: &[FilmId],
        rows: &mut HashMap<FilmId, FilmRow>,
        scroll_to: &mut Option<FilmId>,
        waiting: bool,
        commands: &mut Vec<Msg>,
    ) {
        // The width inside the scroll area: less its bar and its margin.
        let scroll = &ui.spacing().scroll;
        let width = ui.available_width() - scroll.allocated_width() - scroll.content_margin.sum().x;
        let per_row = (((width + GAP) / (TILE.x + GAP)).floor() as usize).max(1);
        self.per_row = per_row;
        let cell_width = width / per_row as f32;
        let lines = ids.len().div_ceil(per_row);
        let mut area = egui::ScrollArea::vertical()
            .id_salt("catalog-grid")
            .auto_shrink([false, false]);
        if let Some(target) = *scroll_to {
            match ids.iter().position(|id| *id == target) {
                Some(index) => {
                    let top = (index / per_row) as f32 * (TILE.y + GAP);
                    let (offset, height) = self.viewport.unwrap_or((f32::INFINITY, 0.0));
                    if top < offset {
                        area = area.vertical_scroll_offset(top);
                    } else if top + TILE.y > offset + height {
                        area = area.vertical_scroll_offset(top + TILE.y - height);
                    }
                    *scroll_to = None;
                }
                None if !waiting => *scroll_to = None,
                None => {}
            }
        }
        let mut errors: Vec<DbError> = Vec::new();
        let output = ui
            .scope(|ui| {
                ui.spacing_mut().item_spacing.y = GAP;
                area.show_rows(ui, TILE.y, lines, |ui, shown| {
                    for line in shown {
                        let (_, rect) = ui.allocate_space(egui::vec2(width, TILE.y));
                        let first = line * per_row;
                        for index in first..(first + per_row).min(ids.len()) {
                            read_page(ctx.catalog, ids, index, rows, &mut errors);
                            let id = ids[index];
                            let left = rect.left()
                                + (index - first) as f32 * cell_width
                                + (cell_width - TILE.x) / 2.0;
                            let tile =
                                egui::Rect::from_min_size(egui::pos2(left, rect.top()), TILE);
                            tile_ui(ui, ctx, tile, id, rows.get(&id), commands);
                        }
                    }
                })
            })
            .inner;
        self.viewport = Some((output.state.clamped_offset().y, output.inner_rect.height()));
        if let Some(error) = errors.into_iter().next() {
            // One message is enough; the tiles stay placeholders until the catalog changes.
            commands.push(Msg::ReportError(error.to_string()));
        }
    }
}

/// One film's tile: its thumbnail or the placeholder; a click selects it.
fn tile_ui(
    ui: &mut egui::Ui,
    ctx: &AppCtx<'_>,
    rect: egui::Rect,
    id: FilmId,
    row: Option<&FilmRow>,
    commands: &mut Vec<Msg>,
) {
    let (title, year) = row.map_or(("…", None), |r| (r.title.as_str(), r.year));
    let texture = ctx.posters.texture(id);
    let label = film_label(title, year);
    let tile = PosterTile {
        title,
        year,
        label: &label,
        texture: texture.as_ref(),
        selected: ctx.selected == Some(id),
    };
    let response = poster_tile_ui(ui, rect, egui::Id::unique(("catalog-grid", id)), &tile);
    if response.clicked() {
        commands.push(Msg::Select(id));
    }
}

/// Table or Posters, beside the search box.
pub fn layout_toggle_ui(ui: &mut egui::Ui, current: CatalogLayout, commands: &mut Vec<Msg>) {
    for layout in [CatalogLayout::Table, CatalogLayout::Grid] {
        if ui
            .selectable_label(current == layout, layout.label())
            .on_hover_text(layout.tooltip())
            .clicked()
            && current != layout
        {
            commands.push(Msg::SetCatalogLayout(layout));
        }
    }
}

/// The grid's order (the table's column headers sort it otherwise): a column, and a button that
/// reverses it.
pub fn sort_ui(ui: &mut egui::Ui, query: &FilmQuery, commands: &mut Vec<Msg>) {
    ui.horizontal(|ui| {
        let label = ui.label("Sort by");
        let searching = !query.search.trim().is_empty();
        // Without a search, the best match is the title order.
        let shown = match query.sort {
            SortColumn::Relevance if !searching => SortColumn::Title,
            sort => sort,
        };
        let columns = searching
            .then_some(SortColumn::Relevance)
            .into_iter()
            .chain(COLUMNS);
        let combo = egui::ComboBox::from_id_salt("grid-sort")
            .selected_text(sort_label(shown))
            .show_ui(ui, |ui| {
                for column in columns {
                    let chosen = ui.selectable_label(shown == column, sort_label(column));
                    if chosen.clicked() && shown != column {
                        commands.push(Msg::SortBy(column));
                    }
                }
            });
        combo.response.labelled_by(label.id);
        let (text, hover) = if query.descending {
            ("▾ Descending", "Show the films in ascending order")
        } else {
            ("▴ Ascending", "Show the films in descending order")
        };
        if ui.button(text).on_hover_text(hover).clicked() {
            commands.push(Msg::SortBy(query.sort));
        }
    });
}
