//! The catalog table with its search box: a virtualised table over the ordered film ids the
//! search worker returns, drawing rows from a page cache filled only for the rows on screen; or
//! the same films as a grid of posters (`grid.rs`).

mod grid;

use std::collections::HashMap;
use std::path::Path;

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::db::{Catalog, CatalogCounts, DbError, FilmQuery, FilmRow, SortColumn};
use crate::model::FilmId;
use crate::ui::widgets::Generation;

use super::command::UiCommand;
use super::ctx::AppCtx;
use super::msg::Msg;
use super::persisted::{CatalogLayout, QueryPanels};
use super::query_bar::QueryBar;
use super::search_worker::{listing, Listing, SearchWorker};
use super::widgets::add_to_list::add_to_list_menu_ui;
use super::widgets::stars;

/// How many rows are read from SQLite at a time.
const PAGE_ROWS: usize = 64;

/// Above this many cached rows, the cache starts over.
const MAX_CACHED_ROWS: usize = 20_000;

/// The table's columns: what each shows and sorts by.
const COLUMNS: [SortColumn; 5] = [
    SortColumn::Title,
    SortColumn::Year,
    SortColumn::Directors,
    SortColumn::Runtime,
    SortColumn::Rating,
];

/// How many films a search matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatchCount {
    /// Films matched so far.
    pub films: usize,
    /// False while the count is only of the listing's first films: there are more.
    pub complete: bool,
}

/// The catalog table and search box.
pub struct CatalogView {
    /// The text in the search box.
    search: String,
    /// The last query sent.
    query: FilmQuery,
    /// `None` for an in-memory catalog: then listings are read on this thread.
    worker: Option<SearchWorker>,
    /// The number of the last request.
    requested: u64,
    /// The number of the request `listing` answers.
    answered: u64,
    /// A request for an in-memory catalog waits for the next `poll`.
    inline_pending: bool,
    /// What the table shows; `None` until the first answer.
    listing: Option<Listing>,
    /// Rows read so far, by film.
    rows: HashMap<FilmId, FilmRow>,
    /// Give the search box the keyboard focus next frame.
    focus_search: bool,
    /// Scroll the table to this film next frame.
    scroll_to: Option<FilmId>,
    /// The catalog generation the listing and rows were asked for at (none before the first).
    asked_at: Generation,
    /// A table or a grid of posters.
    layout: CatalogLayout,
    grid: grid::PosterGrid,
    /// The filter bar, saved views and the error under the box.
    bar: QueryBar,
}

impl CatalogView {
    /// A view over the catalog file at `path` (`None` in memory), sorted as given;
    /// [`Self::sync`] fills it.
    pub fn new(path: Option<&Path>, sort: SortColumn, descending: bool) -> Self {
        Self {
            search: String::new(),
            query: FilmQuery {
                search: String::new(),
                sort,
                descending,
            },
            worker: path.and_then(SearchWorker::spawn),
            requested: 0,
            answered: 0,
            inline_pending: false,
            listing: None,
            rows: HashMap::new(),
            focus_search: false,
            scroll_to: None,
            asked_at: Generation::default(),
            layout: CatalogLayout::default(),
            grid: grid::PosterGrid::default(),
            bar: QueryBar::default(),
        }
    }

    /// Whether the films show as a table or a grid of posters.
    pub fn layout(&self) -> CatalogLayout {
        self.layout
    }

    /// Shows the films as a table or a grid of posters.
    pub fn set_layout(&mut self, layout: CatalogLayout) {
        self.layout = layout;
    }

    /// Which of the filter bar and the saved views are open.
    pub fn query_panels(&self) -> QueryPanels {
        self.bar.panels()
    }

    /// Opens or closes the filter bar and the saved views.
    pub fn set_query_panels(&mut self, panels: QueryPanels) {
        self.bar.set_panels(panels);
    }

    /// How many films the up and down keys step over: one in the table, a line in the grid.
    pub fn films_per_line(&self) -> usize {
        match self.layout {
            CatalogLayout::Table => 1,
            CatalogLayout::Grid => self.grid.per_row(),
        }
    }

    /// The text in the search box.
    pub fn search_text(&self) -> &str {
        &self.search
    }

    /// The current sort column and direction.
    pub fn sort(&self) -> (SortColumn, bool) {
        (self.query.sort, self.query.descending)
    }

    /// Asks for the listing of the current query; the newest request wins.
    fn request(&mut self, ctx: &egui::Context) {
        self.requested += 1;
        let sent = self
            .worker
            .as_ref()
            .is_some_and(|w| w.request(self.requested, self.query.clone(), ctx.clone()));
        if !sent {
            self.worker = None;
            self.inline_pending = true;
            ctx.request_repaint();
        }
    }

    /// Keeps the table in step with the catalog: when `generation` is not the one the listing was
    /// asked for at (the first frame, or after any change), forgets cached rows and asks again.
    pub fn sync(&mut self, generation: u64, ctx: &egui::Context) {
        if self.asked_at.moved(generation) {
            self.rows.clear();
            self.request(ctx);
        }
    }

    /// Takes the worker's answers (or reads the listing here for an in-memory catalog); returns
    /// the errors to report.
    pub fn poll(&mut self, catalog: &Catalog) -> Vec<DbError> {
        let mut errors = Vec::new();
        if self.inline_pending {
            self.inline_pending = false;
            match listing(catalog, &self.query) {
                Ok(listing) => {
                    self.listing = Some(listing);
                    self.answered = self.requested;
                }
                Err(error) => errors.push(error),
            }
        }
        let Some(worker) = &self.worker else {
            return errors;
        };
        let Some(answers) = worker.answers() else {
            // The worker stopped: read on this thread from now on.
            self.worker = None;
            if self.answered < self.requested {
                self.inline_pending = true;
            }
            return errors;
        };
        for answer in answers {
            if answer.generation < self.answered {
                continue;
            }
            match answer.result {
                Ok(listing) => {
                    self.listing = Some(listing);
                    self.answered = answer.generation;
                }
                Err(error) => {
                    self.answered = answer.generation;
                    errors.push(error);
                    // Nothing (or only a part) to show: try once on the window's own connection.
                    if self.listing.as_ref().is_none_or(|l| !l.complete) {
                        self.inline_pending = true;
                    }
                }
            }
        }
        errors
    }

    /// True while a request is unanswered, or answered only in part.
    pub fn waiting(&self) -> bool {
        self.answered < self.requested || self.listing.as_ref().is_some_and(|l| !l.complete)
    }

    /// How much the catalog holds, as last read.
    pub fn counts(&self) -> Option<CatalogCounts> {
        self.listing.as_ref().map(|l| l.counts)
    }

    /// How many films the search matches, while searching.
    pub fn match_count(&self) -> Option<MatchCount> {
        let listing = self.listing.as_ref()?;
        (!self.query.search.trim().is_empty()).then_some(MatchCount {
            films: listing.ids.len(),
            complete: listing.complete,
        })
    }

    /// Sorts by `column`; the same column again reverses the order.
    pub fn sort_by(&mut self, column: SortColumn, ctx: &egui::Context) {
        if self.query.sort == column {
            self.query.descending = !self.query.descending;
        } else {
            self.query.sort = column;
            self.query.descending = false;
        }
        self.request(ctx);
    }

    /// Empties the search box.
    pub fn clear_search(&mut self, ctx: &egui::Context) {
        self.search.clear();
        self.query.search.clear();
        self.request(ctx);
    }

    /// Puts `text` in the search box and lists the films it finds.
    pub fn set_search(&mut self, text: &str, ctx: &egui::Context) {
        text.clone_into(&mut self.search);
        self.query.search = text.to_owned();
        self.request(ctx);
    }

    /// Gives the search box the keyboard focus.
    pub fn focus_search(&mut self) {
        self.focus_search = true;
    }

    /// Scrolls the table to show `id`.
    pub fn scroll_to(&mut self, id: FilmId) {
        self.scroll_to = Some(id);
    }

    /// The film `step` rows away from `id` in the table (the first or last row when `id` is not
    /// shown).
    pub fn neighbour(&self, id: Option<FilmId>, step: isize) -> Option<FilmId> {
        let ids = &self.listing.as_ref()?.ids;
        let position = id.and_then(|id| ids.iter().position(|i| *i == id));
        let index = match position {
            Some(index) => index.checked_add_signed(step)?,
            None if step < 0 => ids.len().checked_sub(1)?,
            None => 0,
        };
        ids.get(index).copied()
    }

    /// Draws the search box and the table.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &AppCtx<'_>) -> Vec<Msg> {
        let mut commands = Vec::new();
        self.toolbar_ui(ui, &mut commands);
        self.search_edited(ui.ctx());
        self.bar.under_box_ui(ui, &mut self.search, ctx);
        self.search_edited(ui.ctx());
        ui.add_space(4.0);
        commands.extend(self.bar.side_ui(ui, &self.search, ctx));
        match &self.listing {
            None if self.waiting() || self.inline_pending => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading the catalog…");
                });
            }
            None => {
                ui.label("The catalog could not be read; the status bar says why.");
            }
            Some(listing) if listing.counts.films == 0 => empty_catalog_ui(ui),
            Some(listing) if listing.ids.is_empty() => {
                ui.add_space(24.0);
                ui.vertical_centered(|ui| {
                    ui.label(format!("No films match “{}”.", self.query.search.trim()));
                    ui.add_space(8.0);
                    if UiCommand::ClearSearch.button(ui, true).clicked() {
                        commands.push(UiCommand::ClearSearch.into());
                    }
                });
            }
            Some(_) if self.layout == CatalogLayout::Grid => self.grid_ui(ui, ctx, &mut commands),
            Some(_) => self.table_ui(ui, ctx, &mut commands),
        }
        commands
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Msg>) {
        ui.horizontal(|ui| {
            if UiCommand::NewFilm.button(ui, true).clicked() {
                commands.push(UiCommand::NewFilm.into());
            }
            if UiCommand::ImportReview.button(ui, true).clicked() {
                commands.push(UiCommand::ImportReview.into());
            }
            ui.separator();
            grid::layout_toggle_ui(ui, self.layout, commands);
            ui.separator();
            commands.extend(self.bar.actions_ui(ui));
        });
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                self.bar.filters_toggle_ui(ui);
                if self.waiting() {
                    ui.spinner();
                }
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.search)
                            .hint_text("titles, people, review text, genre:drama …")
                            .desired_width(ui.available_width().max(80.0)),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(UiCommand::FocusSearch.hover_text(ui.ctx()));
                if std::mem::take(&mut self.focus_search) {
                    field.request_focus();
                }
            });
        });
    }

    /// Runs the search box's text when it changed and parses; else the table keeps its listing
    /// and the sentence under the box says what is wrong.
    fn search_edited(&mut self, ctx: &egui::Context) {
        if self.bar.check(&self.search) && self.search != self.query.search {
            self.query.search.clone_from(&self.search);
            if self.query.search.trim().is_empty() && self.query.sort == SortColumn::Relevance {
                self.query.sort = SortColumn::Title;
            }
            self.request(ctx);
        }
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, ctx: &AppCtx<'_>, commands: &mut Vec<Msg>) {
        let Some(listing) = &self.listing else {
            return;
        };
        let waiting = self.waiting();
        let ids = &listing.ids;
        let rows = &mut self.rows;
        if rows.len() > MAX_CACHED_ROWS {
            rows.clear();
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let mut table = TableBuilder::new(ui)
            .id_salt("catalog-table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .auto_shrink([false, false])
            .max_scroll_height(f32::INFINITY)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            // The title takes whatever width the others leave, also after the window is resized.
            .column(
                Column::remainder()
                    .at_least(160.0)
                    .clip(true)
                    .resizable(false),
            )
            .column(Column::initial(52.0).at_least(40.0))
            .column(Column::initial(180.0).at_least(60.0).clip(true))
            .column(Column::initial(72.0).at_least(50.0))
            .column(Column::initial(86.0).at_least(50.0));
        if let Some(target) = self.scroll_to {
            match ids.iter().position(|id| *id == target) {
                Some(index) => {
                    table = table.scroll_to_row(index, None);
                    self.scroll_to = None;
                }
                // A new listing may still bring the film (e.g. just saved); else give up.
                None if !waiting => self.scroll_to = None,
                None => {}
            }
        }
        let query = &self.query;
        let mut errors: Vec<DbError> = Vec::new();
        table
            .header(row_height + 2.0, |mut header| {
                for column in COLUMNS {
                    header.col(|ui| {
                        let mut text = sort_label(column).to_owned();
                        if query.sort == column {
                            text.push_str(if query.descending { " ▾" } else { " ▴" });
                        }
                        let button = egui::Button::new(egui::RichText::new(text).strong())
                            .frame(false)
                            .selected(query.sort == column);
                        if ui.add(button).on_hover_text(SORT_TOOLTIP).clicked() {
                            commands.push(Msg::SortBy(column));
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, ids.len(), |mut row| {
                    let Some(&id) = ids.get(row.index()) else {
                        return;
                    };
                    read_page(ctx.catalog, ids, row.index(), rows, &mut errors);
                    row.set_selected(ctx.selected == Some(id));
                    match rows.get(&id) {
                        Some(film) => film_row_ui(&mut row, film),
                        None => {
                            for _ in COLUMNS {
                                row.col(|ui| {
                                    ui.weak("…");
                                });
                            }
                        }
                    }
                    if row.response().clicked() {
                        commands.push(Msg::Select(id));
                    }
                    row.response().context_menu(|ui| {
                        commands.extend(add_to_list_menu_ui(ui, ctx.catalog, id));
                    });
                });
            });
        if let Some(error) = errors.into_iter().next() {
            // One message is enough; the rows stay empty until the catalog changes.
            commands.push(Msg::ReportError(error.to_string()));
        }
    }
}

impl CatalogView {
    /// The sort control and the grid of posters.
    fn grid_ui(&mut self, ui: &mut egui::Ui, ctx: &AppCtx<'_>, commands: &mut Vec<Msg>) {
        let Some(listing) = &self.listing else {
            return;
        };
        grid::sort_ui(ui, &self.query, commands);
        ui.add_space(6.0);
        if self.rows.len() > MAX_CACHED_ROWS {
            self.rows.clear();
        }
        let waiting = self.waiting();
        let (ids, rows, scroll_to) = (&listing.ids, &mut self.rows, &mut self.scroll_to);
        self.grid
            .ui(ui, ctx, ids, rows, scroll_to, waiting, commands);
    }
}

/// Reads the page of rows around `index` into `rows`, unless the film at `index` is there.
fn read_page(
    catalog: &Catalog,
    ids: &[FilmId],
    index: usize,
    rows: &mut HashMap<FilmId, FilmRow>,
    errors: &mut Vec<DbError>,
) {
    let Some(id) = ids.get(index) else {
        return;
    };
    if rows.contains_key(id) {
        return;
    }
    let start = index - index % PAGE_ROWS;
    let end = (start + PAGE_ROWS).min(ids.len());
    match catalog.film_rows(&ids[start..end]) {
        Ok(page) => rows.extend(page.into_iter().map(|r| (r.id, r))),
        Err(error) => errors.push(error),
    }
}

fn film_row_ui(row: &mut egui_extras::TableRow<'_, '_>, film: &FilmRow) {
    let cell = |row: &mut egui_extras::TableRow<'_, '_>, text: String| {
        row.col(|ui| {
            ui.add(egui::Label::new(text).selectable(false).truncate());
        });
    };
    cell(row, film.title.clone());
    cell(row, film.year.map(|y| y.to_string()).unwrap_or_default());
    cell(row, film.directors.clone());
    cell(
        row,
        film.runtime_min
            .map(|m| format!("{m} min"))
            .unwrap_or_default(),
    );
    cell(row, stars(film.rating_norm));
}

fn empty_catalog_ui(ui: &mut egui::Ui) {
    let key = |command: UiCommand| {
        command
            .shortcut()
            .map(|s| ui.ctx().format_shortcut(&s))
            .unwrap_or_default()
    };
    let text = format!(
        "Press {} ({}) to add a film by hand, paste a review ({}), \
         or fill the catalog with examples: run `cinedex demo --films 2000`.",
        UiCommand::NewFilm.label(),
        key(UiCommand::NewFilm),
        key(UiCommand::ImportReview),
    );
    ui.add_space(32.0);
    ui.vertical_centered(|ui| {
        ui.heading("Your catalog is empty.");
        ui.add_space(8.0);
        ui.add(egui::Label::new(text).wrap());
    });
}

/// What clicking a column's header (or choosing it in the grid's order) does.
const SORT_TOOLTIP: &str = "Sort by this column; click again to reverse";

/// The name of a sortable column, as its table header shows it.
pub fn sort_label(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Relevance => "Best match",
        SortColumn::Title => "Title",
        SortColumn::Year => "Year",
        SortColumn::Directors => "Directors",
        SortColumn::Runtime => "Runtime",
        SortColumn::Rating => "Rating",
    }
}
