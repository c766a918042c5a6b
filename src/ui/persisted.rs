//! What the window remembers across restarts (eframe's storage keeps it); the catalog itself lives
//! only in SQLite.

use eframe::egui;
use serde::{Deserialize, Serialize};

use std::path::PathBuf;

use crate::dates::DateFormat;
use crate::db::{SortColumn, DEFAULT_BACKUPS_KEPT};
use crate::model::FilmId;

/// The key of [`PersistedState`] in eframe's storage.
pub const STORAGE_KEY: &str = "cinedex-ui";

/// The colours of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Dark text on light backgrounds.
    Light,
    /// Light text on dark backgrounds.
    Dark,
}

impl Theme {
    /// What choosing a theme does, for the hover text of each choice.
    pub const TOOLTIP: &'static str = "Change the colours of the window";

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::System => "System theme",
            Self::Light => "Light theme",
            Self::Dark => "Dark theme",
        }
    }

    /// egui's name for it.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What the main area shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MainView {
    /// The catalog table with the film editor.
    #[default]
    Catalog,
    /// The diary by month.
    Diary,
    /// The watchlist.
    Watchlist,
    /// Charts and top lists of what was watched.
    Stats,
    /// The person's lists of films, with their progress.
    Lists,
}

impl MainView {
    /// Every view, in tab order.
    pub const ALL: [MainView; 5] = [
        Self::Catalog,
        Self::Diary,
        Self::Watchlist,
        Self::Stats,
        Self::Lists,
    ];

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Catalog => "Catalog",
            Self::Diary => "Diary",
            Self::Watchlist => "Watchlist",
            Self::Stats => "Stats",
            Self::Lists => "Lists",
        }
    }
}

/// How the catalog shows its films.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CatalogLayout {
    /// A table: one film a row, sortable columns.
    #[default]
    Table,
    /// A grid of posters.
    Grid,
}

impl CatalogLayout {
    /// The toggle's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Table => "Table",
            Self::Grid => "Posters",
        }
    }

    /// What choosing it does.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::Table => "Show the catalog as a table",
            Self::Grid => "Show the catalog as a grid of posters",
        }
    }
}

/// Which of the catalog's query panels are open: the filter bar under the search box and the
/// saved views beside the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueryPanels {
    /// The filter bar is shown.
    pub filters: bool,
    /// The saved views are shown.
    pub saved_views: bool,
}

/// The UI state kept between runs. Unknown or missing fields fall back to their defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersistedState {
    /// The colour theme.
    pub theme: Theme,
    /// The film last open in the editor.
    pub selected: Option<FilmId>,
    /// The table's sort column.
    pub sort: SortColumn,
    /// Whether the table's order is reversed.
    pub descending: bool,
    /// What the main area shows.
    pub view: MainView,
    /// How dates are written.
    pub date_format: DateFormat,
    /// The catalog as a table or a grid of posters.
    pub catalog_layout: CatalogLayout,
    /// The diary as posters by month instead of a list.
    pub diary_posters: bool,
    /// The filter bar and the saved views, open or closed.
    pub query_panels: QueryPanels,
    /// The daily backup.
    pub backups: BackupSettings,
    /// The catalog chosen with Open another catalog…, opened at start-up when neither `--db` nor
    /// `CINEDEX_DB` names one.
    pub catalog_path: Option<PathBuf>,
    /// The TMDb API key from Preferences (`CINEDEX_TMDB_KEY` wins over it); empty by default.
    pub tmdb_key: ApiKey,
}

/// An API key: stored with the preferences, never written to a log (its `Debug` hides it).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApiKey(pub String);

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = if self.0.is_empty() { "none" } else { "set" };
        write!(f, "ApiKey({shown})")
    }
}

/// The automatic backup made once a day at start-up (see `db::daily_backup`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupSettings {
    /// Whether it is made at all.
    pub automatic: bool,
    /// How many automatic backups are kept (1–30).
    pub kept: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        Self {
            automatic: true,
            kept: DEFAULT_BACKUPS_KEPT,
        }
    }
}

impl PersistedState {
    /// The state eframe stored last time, or the defaults.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default()
    }
}
