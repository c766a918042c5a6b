//! The window (eframe/egui): the only layer that knows egui.
//!
//! [`App`] holds the state; views (`catalog_view`, `film_editor`, `import_dialog`) draw and
//! return [`Msg`]s (a person's [`UiCommand`], or a message with data), which
//! [`App::run_command`] runs in one place. The ordered film list comes
//! from a worker thread (`search_worker`), so no frame waits on a whole-catalog query.

mod about;
mod app;
mod catalog_view;
mod chores;
mod clipboard;
mod command;
mod ctx;
mod diary_view;
mod drop;
mod duplicates_window;
mod export_dialog;
mod external_changes;
mod fill_missing;
mod film_editor;
mod filter_bar;
mod filter_terms;
mod history;
mod import_dialog;
mod import_files;
mod jobs;
mod list_command;
mod lists_view;
mod lookup_dialog;
mod merge_preview;
mod msg;
mod notifications;
mod persisted;
mod pick_window;
mod poster_cache;
mod poster_editor;
mod poster_input;
mod preferences;
mod query_bar;
mod query_command;
mod query_tools;
mod saved_views;
mod search_worker;
mod stats_view;
mod status_bar;
mod watchlist_view;
mod widgets;

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use eframe::egui;

use crate::db::Catalog;

pub use app::App;
pub use clipboard::{HtmlClipboard, Paste};
pub use command::UiCommand;
pub use ctx::AppCtx;
pub use drop::open_file_command;
pub use msg::Msg;
pub use persisted::{
    ApiKey, BackupSettings, CatalogLayout, MainView, PersistedState, QueryPanels, Theme,
};

/// The window icon.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon-256.png");

/// Opens the window on the catalog at `path` and returns when it closes. Unless `named` (the
/// person gave `--db` or `CINEDEX_DB`), the catalog last chosen in Preferences is opened instead,
/// if it still opens. A catalog that cannot be opened (a newer version, not a catalog, locked) is
/// left untouched and reported in the window, and again as the returned error once it closes.
/// A `review` file (.txt or .html) opens in Import review… once the window is up; an export or
/// a backup opens in Import….
pub fn run_window(path: PathBuf, named: bool, review: Option<PathBuf>) -> anyhow::Result<()> {
    let first = review.as_deref().map(drop::open_file_command);
    let mut failure = None;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(window_title(&path))
        .with_app_id("cinedex")
        .with_inner_size([1200.0, 760.0])
        .with_min_inner_size([720.0, 420.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Cinedex",
        options,
        Box::new(|cc| -> Result<Box<dyn eframe::App>, _> {
            let persisted = PersistedState::load(cc.storage);
            let remembered = persisted.catalog_path.clone().filter(|p| !named && *p != path);
            let mut not_reopened = None;
            if let Some(other) = remembered {
                match Catalog::open(&other) {
                    Ok(catalog) => {
                        cc.egui_ctx
                            .send_viewport_cmd(egui::ViewportCommand::Title(window_title(&other)));
                        let mut app = App::new(catalog, persisted);
                        app.queue(first);
                        return Ok(Box::new(app));
                    }
                    Err(error) => not_reopened = Some(error),
                }
            }
            match Catalog::open(&path) {
                Ok(catalog) => {
                    let mut app = App::new(catalog, persisted);
                    app.queue(first);
                    if let Some(error) = not_reopened {
                        app.report(format!(
                            "The catalog chosen in Preferences did not open, so this one is shown. {error}"
                        ));
                    }
                    Ok(Box::new(app))
                }
                Err(error) => {
                    let message = error.to_string();
                    failure = Some(error);
                    Ok(Box::new(OpenFailed { message }))
                }
            }
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("Cannot open the window")?;
    match failure {
        Some(error) => Err(error.into()),
        None => Ok(()),
    }
}

/// `Cinedex — catalog.sqlite3 (/home/me/.local/share/cinedex)`.
pub fn window_title(path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
    format!("Cinedex — {name} ({})", folder.display())
}

/// The window shown when the catalog cannot be opened: the reason, and Quit.
struct OpenFailed {
    message: String,
}

impl eframe::App for OpenFailed {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(48.0);
            ui.vertical_centered(|ui| {
                ui.heading("Cinedex cannot open this catalog");
                ui.add_space(12.0);
                ui.add(egui::Label::new(&self.message).wrap());
                ui.add_space(16.0);
                if UiCommand::Quit.button(ui, true).clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
        });
    }
}
