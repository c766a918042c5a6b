//! The application: its state ([`App`]), made in the shape of rerun's viewer app: `frame.rs` draws
//! a frame (menus, panels, modals), `input.rs` reads shortcuts, pastes and dropped files in one
//! place, `run.rs` is [`App::run_command`], the one place commands change anything, and
//! `writes.rs` holds the flows that write to the catalog.

mod commands;
mod commit;
mod dismiss;
mod frame;
mod input;
mod lists;
mod modal;
mod online;
mod query_flows;
mod run;
mod writes;

use std::path::Path;

use eframe::egui;

use crate::db::Catalog;
use crate::model::{FilmId, Poster};

use self::modal::Modal;
use super::catalog_view::CatalogView;
use super::chores::Chores;
use super::clipboard::{HtmlClipboard, SystemClipboard};
use super::diary_view::DiaryView;
use super::external_changes::ExternalChanges;
use super::fill_missing::FillMissing;
use super::film_editor::FilmEditor;
use super::history::History;
use super::jobs::Job;
use super::lists_view::ListsView;
use super::lookup_dialog::LookupDialog;
use super::msg::Msg;
use super::notifications::Notifications;
use super::persisted::PersistedState;
use super::poster_cache::PosterCache;
use super::preferences::Preferences;
use super::query_tools::QueryTools;
use super::stats_view::StatsView;
use super::watchlist_view::WatchlistView;

/// The Cinedex window.
pub struct App {
    catalog: Catalog,
    persisted: PersistedState,
    catalog_view: CatalogView,
    editor: FilmEditor,
    diary_view: DiaryView,
    watchlist_view: WatchlistView,
    stats_view: StatsView,
    lists_view: ListsView,
    notifications: Notifications,
    history: History,
    /// The one modal question or dialog over the window.
    modal: Option<Modal>,
    show_shortcuts: bool,
    preferences: Preferences,
    /// Backups and the font check, running off the UI thread.
    chores: Chores,
    /// Commands to run on the next frame (e.g. a review file named on the command line).
    pending: Vec<Msg>,
    started: bool,
    close_confirmed: bool,
    external: ExternalChanges,
    /// Bumped by every change to the catalog (see [`AppCtx::generation`]).
    generation: u64,
    /// An image being read into a film's poster, off the UI thread.
    poster_job: Option<(FilmId, Job<Result<Poster, String>>)>,
    /// Look up… (TMDb) for the film in the editor.
    lookup: Option<LookupDialog>,
    /// Fill in missing data… (TMDb) for many films.
    fill: Option<FillMissing>,
    show_about: bool,
    /// The posters' textures, for the grid views.
    posters: PosterCache,
    /// Where a paste's HTML is read.
    clipboard: Box<dyn HtmlClipboard>,
    /// The "Pick for me" and "Duplicates" windows.
    query_tools: QueryTools,
    /// The windows over the views, in the order they were opened (the last is the topmost).
    overlays: Vec<dismiss::Overlay>,
}

impl App {
    /// The window over `catalog`, as `persisted` remembers it (theme, sort, last film).
    pub fn new(catalog: Catalog, persisted: PersistedState) -> Self {
        let mut catalog_view =
            CatalogView::new(catalog.file(), persisted.sort, persisted.descending);
        catalog_view.set_layout(persisted.catalog_layout);
        catalog_view.set_query_panels(persisted.query_panels);
        let mut diary_view = DiaryView::default();
        diary_view.set_posters(persisted.diary_posters);
        let posters = PosterCache::new(catalog.file());
        let mut app = Self {
            catalog,
            persisted,
            catalog_view,
            editor: FilmEditor::default(),
            diary_view,
            watchlist_view: WatchlistView::default(),
            stats_view: StatsView::default(),
            lists_view: ListsView::default(),
            notifications: Notifications::default(),
            history: History::default(),
            modal: None,
            show_shortcuts: false,
            preferences: Preferences::default(),
            chores: Chores::default(),
            pending: Vec::new(),
            started: false,
            close_confirmed: false,
            external: ExternalChanges::default(),
            generation: 0,
            poster_job: None,
            lookup: None,
            fill: None,
            show_about: false,
            posters,
            clipboard: Box::new(SystemClipboard::default()),
            query_tools: QueryTools::default(),
            overlays: Vec::new(),
        };
        if let Some(id) = app.persisted.selected {
            app.open_film(id, false);
        }
        app
    }

    /// The window reading a paste's HTML from `clipboard` instead of the system's.
    pub fn with_clipboard(mut self, clipboard: Box<dyn HtmlClipboard>) -> Self {
        self.clipboard = clipboard;
        self
    }

    /// The state to store for the next run.
    pub fn persisted(&self) -> PersistedState {
        let (sort, descending) = self.catalog_view.sort();
        PersistedState {
            sort,
            descending,
            catalog_layout: self.catalog_view.layout(),
            query_panels: self.catalog_view.query_panels(),
            diary_posters: self.diary_view.shows_posters(),
            ..self.persisted.clone()
        }
    }

    /// True while the table waits for the search worker, or a poster drawn last frame for its
    /// thumbnail.
    pub fn is_loading(&self) -> bool {
        self.catalog_view.waiting() || self.posters.loading()
    }

    /// How many bytes the posters' textures take now.
    pub fn poster_texture_bytes(&self) -> usize {
        self.posters.bytes()
    }

    /// The film open in the editor.
    pub fn selected(&self) -> Option<FilmId> {
        self.persisted.selected
    }
}

impl App {
    /// Shows the catalog at `path` instead, and remembers it for the next start; if it cannot be
    /// opened, the Preferences window says why and the current catalog stays open.
    fn open_catalog(&mut self, ctx: &egui::Context, path: &Path) {
        let catalog = match Catalog::open(path) {
            Ok(catalog) => catalog,
            Err(error) => {
                self.preferences.failed(error.to_string());
                return;
            }
        };
        let mut persisted = self.persisted();
        persisted.catalog_path = Some(std::path::absolute(path).unwrap_or(path.to_path_buf()));
        persisted.selected = None;
        let mut preferences = std::mem::take(&mut self.preferences);
        let chores = std::mem::take(&mut self.chores);
        preferences.opened();
        *self = Self::new(catalog, persisted);
        self.preferences = preferences;
        self.chores = chores;
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(super::window_title(path)));
        self.notifications
            .info(format!("Opened the catalog {}", path.display()));
    }

    /// Runs `command`, if any, on the next frame.
    pub fn queue(&mut self, command: Option<Msg>) {
        self.pending.extend(command);
    }

    /// Shows `message` in the notification area (e.g. why the remembered catalog did not open).
    pub fn report(&mut self, message: impl std::fmt::Display) {
        self.notifications.error(message);
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, super::persisted::STORAGE_KEY, &self.persisted());
    }
}
