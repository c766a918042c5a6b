//! The Preferences window (theme, date format, the catalog file and opening another one,
//! backups, the TMDb API key). The window edits nothing itself: every change is a
//! [`Msg`](super::msg::Msg) the app runs and remembers in [`PersistedState`].

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::dates::DateFormat;
use crate::db::{backups_folder, BACKUPS_KEPT_RANGE};

use super::command::UiCommand;
use super::msg::Msg;
use super::persisted::{ApiKey, BackupSettings, PersistedState, Theme};

/// The Preferences window.
#[derive(Default)]
pub struct Preferences {
    window: PreferencesWindow,
    open: bool,
}

impl Preferences {
    /// Opens the window.
    pub fn show(&mut self) {
        self.open = true;
    }

    /// Closes the window.
    pub fn close(&mut self) {
        self.open = false;
    }

    /// True while the window is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows why the catalog named last could not be opened (the current one stays open).
    pub fn failed(&mut self, message: String) {
        self.window.error = Some(message);
    }

    /// Clears the typed path and the error (after another catalog was opened).
    pub fn opened(&mut self) {
        self.window = PreferencesWindow::default();
    }

    /// Draws the window while it is open; returns the changes asked for.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        persisted: &PersistedState,
        catalog: &Path,
    ) -> Vec<Msg> {
        if !self.open {
            return Vec::new();
        }
        self.window.ui(ctx, &mut self.open, persisted, catalog)
    }
}

/// What is typed in the Preferences window.
#[derive(Default)]
struct PreferencesWindow {
    /// The path typed under "Open another catalog".
    other_catalog: String,
    /// Why the catalog named last could not be opened.
    error: Option<String>,
}

impl PreferencesWindow {
    /// Draws the window while `open` holds; returns the changes asked for.
    fn ui(
        &mut self,
        ctx: &egui::Context,
        open: &mut bool,
        persisted: &PersistedState,
        catalog: &Path,
    ) -> Vec<Msg> {
        let mut commands = Vec::new();
        egui::Window::new("Preferences")
            .open(open)
            .collapsible(false)
            .resizable(false)
            .default_width(560.0)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 96.0))
            .show(ctx, |ui| {
                egui::Grid::new("preferences")
                    .num_columns(2)
                    .spacing([16.0, 10.0])
                    .show(ui, |ui| {
                        ui.strong("Theme");
                        theme_ui(ui, persisted.theme, &mut commands);
                        ui.end_row();
                        ui.strong("Dates");
                        date_format_ui(ui, persisted.date_format, &mut commands);
                        ui.end_row();
                        ui.strong("Catalog");
                        self.catalog_ui(ui, catalog, &mut commands);
                        ui.end_row();
                        ui.strong("Backups");
                        backups_ui(ui, persisted.backups, catalog, &mut commands);
                        ui.end_row();
                        ui.strong("Online lookup");
                        tmdb_key_ui(ui, &persisted.tmdb_key, &mut commands);
                        ui.end_row();
                    });
            });
        commands
    }

    fn catalog_ui(&mut self, ui: &mut egui::Ui, catalog: &Path, commands: &mut Vec<Msg>) {
        let Self {
            other_catalog,
            error,
        } = self;
        ui.vertical(|ui| {
            ui.add(egui::Label::new(catalog.display().to_string()).truncate())
                .on_hover_text("The file this window shows");
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let label = ui.label("Open another catalog…");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(other_catalog)
                            .hint_text("/path/to/catalog.sqlite3")
                            .desired_width(220.0),
                    )
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui
                    .button("Browse…")
                    .on_hover_text("Choose the file with the system's file dialog")
                    .clicked()
                {
                    if let Some(chosen) = browse(other_catalog) {
                        *other_catalog = chosen.display().to_string();
                    }
                }
                let path = other_catalog.trim();
                let open = ui
                    .add_enabled(!path.is_empty(), egui::Button::new("Open"))
                    .on_hover_text("Show this catalog file instead of the current one");
                if (open.clicked() || entered) && !path.is_empty() {
                    commands.push(Msg::OpenCatalog(PathBuf::from(path)));
                }
            });
            if let Some(error) = error {
                ui.colored_label(ui.visuals().error_fg_color, error.as_str());
            }
        });
    }
}

fn theme_ui(ui: &mut egui::Ui, current: Theme, commands: &mut Vec<Msg>) {
    ui.horizontal(|ui| {
        for theme in [Theme::System, Theme::Light, Theme::Dark] {
            if ui
                .radio(current == theme, theme.label())
                .on_hover_text(Theme::TOOLTIP)
                .clicked()
            {
                commands.push(Msg::SetTheme(theme));
            }
        }
    });
}

fn date_format_ui(ui: &mut egui::Ui, current: DateFormat, commands: &mut Vec<Msg>) {
    let mut chosen = current;
    let combo = egui::ComboBox::from_id_salt("date-format")
        .selected_text(current.label())
        .width(300.0)
        .show_ui(ui, |ui| {
            for format in DateFormat::ALL {
                ui.selectable_value(&mut chosen, format, format.label());
            }
        });
    super::widgets::name_widget(ui, combo.response.id, "Date format");
    if chosen != current {
        commands.push(Msg::SetDateFormat(chosen));
    }
}

fn backups_ui(ui: &mut egui::Ui, current: BackupSettings, catalog: &Path, commands: &mut Vec<Msg>) {
    let mut settings = current;
    ui.vertical(|ui| {
        ui.checkbox(
            &mut settings.automatic,
            "Back up automatically once a day, when Cinedex starts",
        );
        ui.horizontal(|ui| {
            let label = ui.label("Keep the last");
            ui.add_enabled(
                settings.automatic,
                egui::DragValue::new(&mut settings.kept).range(BACKUPS_KEPT_RANGE),
            )
            .labelled_by(label.id)
            .on_hover_text("Older automatic backups are deleted; those made by hand are kept");
            ui.label("automatic backups");
        });
        ui.horizontal(|ui| {
            ui.weak("Backups go to");
            ui.add(egui::Label::new(backups_folder(catalog).display().to_string()).truncate());
        });
        if UiCommand::BackUpNow.button(ui, true).clicked() {
            commands.push(UiCommand::BackUpNow.into());
        }
    });
    if settings != current {
        commands.push(Msg::SetBackups(settings));
    }
}

/// The TMDb API key: empty by default, shown as dots; `CINEDEX_TMDB_KEY` wins over it.
fn tmdb_key_ui(ui: &mut egui::Ui, current: &ApiKey, commands: &mut Vec<Msg>) {
    let mut key = current.0.clone();
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let label = ui.label("TMDb API key");
            ui.add(
                egui::TextEdit::singleline(&mut key)
                    .password(true)
                    .hint_text("none: nothing is ever sent")
                    .desired_width(260.0),
            )
            .labelled_by(label.id)
            .on_hover_text("Your own key from themoviedb.org; without one nothing is sent");
        });
        ui.weak(
            "Look up… and Fill in missing data… ask TMDb (themoviedb.org) with this key;              get one free in your TMDb account's settings. CINEDEX_TMDB_KEY, if set, wins.",
        );
    });
    let key = key.trim();
    if key != current.0 {
        commands.push(Msg::SetTmdbKey(ApiKey(key.to_owned())));
    }
}

/// The system's open dialog, starting beside `path`; `None` when cancelled or when there is none.
fn browse(path: &str) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title("Open a Cinedex catalog")
        .add_filter("Cinedex catalog", &["sqlite3", "sqlite", "db", "cinedex"]);
    if let Some(folder) = Path::new(path.trim()).parent().filter(|p| p.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    dialog.pick_file()
}
