//! The application: its state, the one place shortcuts are read, and [`App::run_command`], the
//! one place commands change anything.

use std::path::Path;

use eframe::egui;

use crate::dates::DateFormat;
use crate::db::{Catalog, Change, FilmChoice, ImportOutcome, ImportTarget, WatchlistAdd};
use crate::interop::{DiaryFormat, WatchlistFormat};
use crate::model::{DiaryEntry, FilmId, WatchlistItem};

use super::catalog_view::CatalogView;
use super::command::{shortcuts_window_ui, Command};
use super::diary_view::DiaryView;
use super::drop::{drop_hint_ui, dropped_file_command};
use super::export_dialog::{write_export, ExportDialog, ExportFormat};
use super::external_changes::ExternalChanges;
use super::film_editor::FilmEditor;
use super::history::History;
use super::import_dialog::ImportDialog;
use super::import_files::ImportFilesDialog;
use super::notifications::Notifications;
use super::persisted::{MainView, PersistedState, Theme};
use super::preferences::Preferences;
use super::stats_view::StatsView;
use super::status_bar::status_bar_ui;
use super::watchlist_view::WatchlistView;

/// What a view may read this frame.
pub struct AppCtx<'a> {
    /// The catalog (the window's own connection).
    pub catalog: &'a Catalog,
    /// The film open in the editor.
    pub selected: Option<FilmId>,
    /// How dates are written (already resolved from the locale).
    pub date_format: DateFormat,
    /// The catalog's generation: it moves on after every change, the window's or another
    /// program's. A view that read at another generation reads again.
    pub generation: u64,
}

/// A modal question.
enum Dialog {
    /// "Delete this film?"
    ConfirmDelete {
        id: FilmId,
        title: String,
        reviews: usize,
    },
    /// "Save your changes first?", then run `then`.
    Unsaved { then: Box<Command> },
}

/// The Cinedex window.
pub struct App {
    catalog: Catalog,
    persisted: PersistedState,
    catalog_view: CatalogView,
    editor: FilmEditor,
    diary_view: DiaryView,
    watchlist_view: WatchlistView,
    stats_view: StatsView,
    notifications: Notifications,
    history: History,
    dialog: Option<Dialog>,
    import: Option<ImportDialog>,
    import_files: Option<ImportFilesDialog>,
    export: Option<ExportDialog>,
    show_shortcuts: bool,
    preferences: Preferences,
    /// Commands to run on the next frame (e.g. a review file named on the command line).
    pending: Vec<Command>,
    started: bool,
    close_confirmed: bool,
    external: ExternalChanges,
    /// Bumped by every change to the catalog (see [`AppCtx::generation`]).
    generation: u64,
}

impl App {
    /// The window over `catalog`, as `persisted` remembers it (theme, sort, last film).
    pub fn new(catalog: Catalog, persisted: PersistedState) -> Self {
        let catalog_view = CatalogView::new(catalog.path(), persisted.sort, persisted.descending);
        let mut app = Self {
            catalog,
            persisted,
            catalog_view,
            editor: FilmEditor::default(),
            diary_view: DiaryView::default(),
            watchlist_view: WatchlistView::default(),
            stats_view: StatsView::default(),
            notifications: Notifications::default(),
            history: History::default(),
            dialog: None,
            import: None,
            import_files: None,
            export: None,
            show_shortcuts: false,
            preferences: Preferences::default(),
            pending: Vec::new(),
            started: false,
            close_confirmed: false,
            external: ExternalChanges::default(),
            generation: 0,
        };
        if let Some(id) = app.persisted.selected {
            app.open_film(id, false);
        }
        app
    }

    /// The state to store for the next run.
    pub fn persisted(&self) -> PersistedState {
        let (sort, descending) = self.catalog_view.sort();
        PersistedState {
            sort,
            descending,
            ..self.persisted.clone()
        }
    }

    /// True while the table waits for the search worker.
    pub fn is_loading(&self) -> bool {
        self.catalog_view.waiting()
    }

    /// The film open in the editor.
    pub fn selected(&self) -> Option<FilmId> {
        self.persisted.selected
    }

    /// Draws the whole window and runs what the person asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.started {
            self.started = true;
            ctx.set_theme(self.persisted.theme.preference());
            self.preferences
                .start(&ctx, self.catalog.path(), self.persisted.backups);
        }
        self.preferences.poll(&mut self.notifications);
        let mut commands = std::mem::take(&mut self.pending);
        commands.extend(self.input_commands(&ctx));
        for error in self.catalog_view.poll(&self.catalog) {
            self.notifications.error(error);
        }
        match self.external.poll(&self.catalog, &ctx) {
            Ok(true) => self.changed_elsewhere(),
            Ok(false) => {}
            Err(error) => self.notifications.error(error),
        }
        self.catalog_view.sync(self.generation, &ctx);

        egui::Panel::top("menu-bar").show(ui, |ui| {
            commands.extend(self.menu_bar_ui(ui));
        });
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            status_bar_ui(
                ui,
                self.catalog_view.counts(),
                self.catalog_view.match_count(),
                self.notifications.last(),
            );
        });
        let app_ctx = AppCtx {
            catalog: &self.catalog,
            selected: self.persisted.selected,
            date_format: self.persisted.date_format.resolved(),
            generation: self.generation,
        };
        let view = self.persisted.view;
        if view == MainView::Catalog {
            let editor = &mut self.editor;
            egui::Panel::right("film-editor")
                .resizable(true)
                .default_size(440.0)
                .size_range(320.0..=900.0)
                .show(ui, |ui| {
                    commands.extend(editor.ui(ui, &app_ctx));
                });
        }
        let (catalog_view, diary_view, watchlist_view, stats_view) = (
            &mut self.catalog_view,
            &mut self.diary_view,
            &mut self.watchlist_view,
            &mut self.stats_view,
        );
        egui::CentralPanel::default().show(ui, |ui| {
            commands.extend(view_tabs_ui(ui, view));
            commands.extend(match view {
                MainView::Catalog => catalog_view.ui(ui, &app_ctx),
                MainView::Diary => diary_view.ui(ui, &app_ctx),
                MainView::Watchlist => watchlist_view.ui(ui, &app_ctx),
                MainView::Stats => stats_view.ui(ui, &app_ctx),
            });
        });

        commands.extend(self.dialog_ui(&ctx));
        if let Some(import) = &mut self.import {
            commands.extend(import.ui(&ctx, &self.catalog));
        }
        if let Some(import_files) = &mut self.import_files {
            commands.extend(import_files.ui(&ctx));
        }
        if let Some(export) = &mut self.export {
            commands.extend(export.ui(&ctx));
        }
        if self.show_shortcuts {
            shortcuts_window_ui(&ctx, &mut self.show_shortcuts);
        }
        commands.extend(
            self.preferences
                .ui(&ctx, &self.persisted, self.catalog.path()),
        );
        commands.extend(self.notifications.toast_ui(&ctx));
        drop_hint_ui(&ctx);

        for command in commands {
            self.run_command(&ctx, command);
        }
    }

    /// Shortcuts, pastes, dropped files and the window's close button, read in one place.
    fn input_commands(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_confirmed
            && self.editor.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved {
                then: Box::new(Command::Quit),
            });
        }
        if self.dialog.is_some()
            || self.import.is_some()
            || self.import_files.is_some()
            || self.export.is_some()
        {
            // A modal dialog handles its own keys (Escape closes it).
            return commands;
        }
        let typing = ctx.text_edit_focused();
        let mut candidates: Vec<(egui::KeyboardShortcut, &Command)> = Command::SIMPLE
            .iter()
            .filter(|c| !typing || c.works_while_typing())
            .filter_map(|c| c.shortcut().map(|s| (s, c)))
            .collect();
        // Shift and Alt combinations first, so Ctrl+Shift+S is never read as Ctrl+S.
        candidates.sort_by_key(|(s, _)| !(s.modifiers.shift || s.modifiers.alt));
        ctx.input_mut(|input| {
            for (shortcut, command) in candidates {
                if input.consume_shortcut(&shortcut) {
                    commands.push(command.clone());
                }
            }
        });
        let (pasted, dropped) = ctx.input(|i| {
            let pasted = i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) if !typing && !text.trim().is_empty() => {
                    Some(text.clone())
                }
                _ => None,
            });
            (pasted, i.raw.dropped_files.clone())
        });
        if let Some(text) = pasted {
            commands.push(Command::ImportText(text));
        }
        commands.extend(dropped.iter().map(dropped_file_command));
        commands
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let dirty = self.editor.is_dirty();
        let stored = self.editor.film_id().is_some();
        let item = |ui: &mut egui::Ui, commands: &mut Vec<Command>, command: Command, enabled| {
            if command.menu_item(ui, enabled) {
                commands.push(command);
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                item(ui, &mut commands, Command::NewFilm, true);
                item(ui, &mut commands, Command::ImportReview, true);
                item(ui, &mut commands, Command::ImportFiles, true);
                item(ui, &mut commands, Command::ExportWatchlist, true);
                item(ui, &mut commands, Command::ExportDiary, true);
                ui.separator();
                let idle = !self.preferences.backing_up();
                item(ui, &mut commands, Command::BackUpNow, idle);
                ui.separator();
                item(ui, &mut commands, Command::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                item(ui, &mut commands, Command::Save, dirty);
                item(ui, &mut commands, Command::Revert, dirty);
                item(ui, &mut commands, Command::DeleteFilm, stored);
                ui.separator();
                for (command, next) in [
                    (Command::Undo, self.history.next_undo()),
                    (Command::Redo, self.history.next_redo()),
                ] {
                    let label = match next {
                        Some(change) => format!("{} {}", command.label(), change.description()),
                        None => command.label(),
                    };
                    if command.menu_item_named(ui, next.is_some(), label) {
                        commands.push(command);
                    }
                }
                ui.separator();
                item(ui, &mut commands, Command::ShowPreferences, true);
            });
            ui.menu_button("View", |ui| {
                for view in MainView::ALL {
                    item(ui, &mut commands, Command::ShowView(view), true);
                }
                ui.separator();
                item(ui, &mut commands, Command::FocusSearch, true);
                item(ui, &mut commands, Command::SelectPrevious, true);
                item(ui, &mut commands, Command::SelectNext, true);
                ui.separator();
                for theme in [Theme::System, Theme::Light, Theme::Dark] {
                    let current = self.persisted.theme == theme;
                    let command = Command::SetTheme(theme);
                    if ui
                        .radio(current, command.label())
                        .on_hover_text(command.tooltip())
                        .clicked()
                    {
                        commands.push(command);
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                item(ui, &mut commands, Command::ShowShortcuts, true);
            });
        });
        commands
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(dialog) = &self.dialog else {
            return commands;
        };
        let response = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            match dialog {
                Dialog::ConfirmDelete { title, reviews, .. } => {
                    ui.heading(format!("Delete {title}?"));
                    let what = match reviews {
                        0 => "Its credits go with it.".to_owned(),
                        1 => "Its credits and its review go with it.".to_owned(),
                        n => format!("Its credits and its {n} reviews go with it."),
                    };
                    ui.label(format!("{what} You can undo this right after."));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        for command in [Command::ConfirmDelete, Command::CloseDialog] {
                            if command.button(ui, true).clicked() {
                                commands.push(command);
                            }
                        }
                    });
                }
                Dialog::Unsaved { .. } => {
                    ui.heading(format!("Save the changes to {}?", self.editor.title()));
                    ui.label("Your changes will be lost if you don't save them.");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        for command in [
                            Command::SaveAndContinue,
                            Command::DiscardAndContinue,
                            Command::CloseDialog,
                        ] {
                            if command.button(ui, true).clicked() {
                                commands.push(command);
                            }
                        }
                    });
                }
            }
        });
        if response.should_close() && commands.is_empty() {
            commands.push(Command::CloseDialog);
        }
        commands
    }

    /// Runs one command: the only place the app's state or the catalog change.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        if self.leaves_editor(&command) && self.editor.is_dirty() && self.dialog.is_none() {
            self.dialog = Some(Dialog::Unsaved {
                then: Box::new(command),
            });
            return;
        }
        match command {
            Command::NewFilm => {
                self.editor.new_film();
                self.persisted.selected = None;
            }
            Command::ImportReview => self.import = Some(ImportDialog::new(String::new())),
            Command::ImportText(text) => self.import = Some(ImportDialog::new(text)),
            Command::ImportFiles => {
                self.import_files = Some(ImportFilesDialog::new(self.catalog.path(), None));
            }
            Command::ImportFilesFrom(file) => {
                let dialog = ImportFilesDialog::new(self.catalog.path(), Some(&file));
                self.import_files = Some(dialog);
            }
            Command::FilesImported(sentence) => {
                // Rows the history names may have been replaced.
                self.history.clear();
                self.notifications.info(sentence);
                self.catalog_changed();
                if let Some(id) = self.persisted.selected.filter(|_| !self.editor.is_dirty()) {
                    self.open_film(id, false);
                }
            }
            Command::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Save => {
                self.save();
            }
            Command::Revert => {
                if self.show_shortcuts {
                    self.show_shortcuts = false;
                } else if !self.preferences.close() {
                    self.editor.revert();
                }
            }
            Command::DeleteFilm => {
                if let Some(id) = self.editor.film_id() {
                    self.dialog = Some(Dialog::ConfirmDelete {
                        id,
                        title: self.editor.title(),
                        reviews: self.editor.review_count(),
                    });
                }
            }
            Command::ConfirmDelete => self.confirm_delete(),
            Command::Undo => self.undo_or_redo(true),
            Command::Redo => self.undo_or_redo(false),
            Command::FocusSearch => self.catalog_view.focus_search(),
            Command::SelectPrevious | Command::SelectNext => {
                let step = if command == Command::SelectNext {
                    1
                } else {
                    -1
                };
                if let Some(id) = self.catalog_view.neighbour(self.persisted.selected, step) {
                    self.open_film(id, true);
                }
            }
            Command::Select(id) => {
                if self.persisted.selected != Some(id) || !self.editor.is_open() {
                    self.open_film(id, false);
                }
            }
            Command::SortBy(column) => self.catalog_view.sort_by(column, ctx),
            Command::ClearSearch => self.catalog_view.clear_search(ctx),
            Command::DeleteReview(id) => self.delete_review(id),
            Command::SetTheme(theme) => {
                self.persisted.theme = theme;
                ctx.set_theme(theme.preference());
            }
            Command::ShowShortcuts => self.show_shortcuts = true,
            Command::SaveAndContinue => {
                if let Some(Dialog::Unsaved { then }) = self.dialog.take() {
                    if self.save() {
                        self.run_command(ctx, *then);
                    }
                }
            }
            Command::DiscardAndContinue => {
                if let Some(Dialog::Unsaved { then }) = self.dialog.take() {
                    self.editor.revert();
                    self.run_command(ctx, *then);
                }
            }
            Command::CloseDialog => {
                if self.dialog.take().is_none() {
                    self.import = None;
                    self.import_files = None;
                    self.export = None;
                }
            }
            Command::SaveImport => self.save_import(ctx),
            Command::ReportError(message) => self.notifications.error(message),
            Command::ShowView(view) => self.persisted.view = view,
            Command::ShowDiary(filter) => {
                self.persisted.view = MainView::Diary;
                self.diary_view.show_filtered(filter);
            }
            Command::SearchCatalog(text) => {
                self.persisted.view = MainView::Catalog;
                self.catalog_view.set_search(&text, ctx);
            }
            Command::SaveDiaryEntry(parts) => self.save_diary_entry(&parts.0, &parts.1),
            Command::DeleteDiaryEntry(id) => match self.catalog.delete_diary_entry(id) {
                Ok(Some(entry)) => {
                    self.history.record(Change::DiaryDeleted(Box::new(entry)));
                    self.notifications.changed("Deleted the diary entry.");
                    self.catalog_changed();
                }
                Ok(None) => self.catalog_changed(),
                Err(error) => self.notifications.error(error),
            },
            Command::AddToWatchlist(parts) => self.add_to_watchlist(&parts.0, &parts.1),
            Command::MoveWatchlistItem(id, place) => {
                let from = self
                    .catalog
                    .watchlist_item(id)
                    .map(|i| i.map(|i| i.position));
                match from.and_then(|from| Ok((from, self.catalog.move_watchlist_item(id, place)?)))
                {
                    Ok((Some(from), Some(_))) => {
                        self.history.record(Change::WatchlistMoved { id, from });
                    }
                    Ok(_) => {}
                    Err(error) => self.notifications.error(error),
                }
                self.catalog_changed();
            }
            Command::RemoveFromWatchlist(id) => match self.catalog.remove_from_watchlist(id) {
                Ok(Some(item)) => {
                    self.history
                        .record(Change::WatchlistRemoved(Box::new(item)));
                    self.notifications
                        .changed("Took the film off the watchlist.");
                    self.catalog_changed();
                }
                Ok(None) => self.catalog_changed(),
                Err(error) => self.notifications.error(error),
            },
            Command::MarkWatched(id, entry) => match self.catalog.mark_watched(id, &entry) {
                Ok(done) => {
                    if let Some((entry_id, item)) = done {
                        self.history.record(Change::Together(vec![
                            Change::WatchlistRemoved(Box::new(item)),
                            Change::DiaryAdded(entry_id),
                        ]));
                    }
                    self.notifications
                        .changed("Logged it in the diary and took it off the watchlist.");
                    self.watchlist_view.saved();
                    self.catalog_changed();
                }
                Err(error) => self.notifications.error(error),
            },
            Command::ExportWatchlist => {
                self.export = Some(ExportDialog::new(ExportFormat::Watchlist(
                    WatchlistFormat::Csv,
                )));
            }
            Command::ExportDiary => {
                self.export = Some(ExportDialog::new(ExportFormat::Diary(DiaryFormat::Csv)));
            }
            Command::ShowPreferences => self.preferences.show(),
            Command::SetDateFormat(format) => self.persisted.date_format = format,
            Command::SetBackups(settings) => self.persisted.backups = settings,
            Command::BackUpNow => {
                self.preferences
                    .back_up_now(ctx, self.catalog.path(), &mut self.notifications);
            }
            Command::OpenCatalog(path) => self.open_catalog(ctx, &path),
            Command::RunExport(request) => match write_export(&self.catalog, &request) {
                Ok(done) => {
                    self.notifications.info(done);
                    self.export = None;
                }
                Err(message) => {
                    if let Some(export) = &mut self.export {
                        export.failed(message);
                    }
                }
            },
        }
    }

    /// Whether `command` replaces the film in the editor (and so must not lose unsaved edits).
    fn leaves_editor(&self, command: &Command) -> bool {
        match command {
            // Undo and Redo may change the film in the editor under its unsaved edits.
            Command::NewFilm
            | Command::SelectPrevious
            | Command::SelectNext
            | Command::Quit
            | Command::Undo
            | Command::Redo
            | Command::OpenCatalog(_) => true,
            Command::Select(id) => self.persisted.selected != Some(*id),
            _ => false,
        }
    }

    /// Opens film `id` in the editor; `scroll` brings its row into view.
    fn open_film(&mut self, id: FilmId, scroll: bool) {
        let loaded = self
            .catalog
            .film(id)
            .and_then(|film| Ok((film, self.catalog.reviews_of(id)?)));
        match loaded {
            Ok((Some(film), reviews)) => {
                self.editor.open(&film, reviews);
                self.persisted.selected = Some(id);
                if scroll {
                    self.catalog_view.scroll_to(id);
                }
            }
            Ok((None, _)) => {
                self.editor.close();
                self.persisted.selected = None;
            }
            Err(error) => self.notifications.error(error),
        }
    }

    /// Stores the editor's film; true when it was stored.
    fn save(&mut self) -> bool {
        let Some(film) = self.editor.film_to_save() else {
            return false;
        };
        let film = match film {
            Ok(film) => film,
            Err(message) => {
                self.notifications.error(message);
                return false;
            }
        };
        let stored = match film.id {
            Some(id) => self.catalog.film(id).and_then(|before| {
                self.catalog.update_film(&film)?;
                Ok((id, before.map(|b| Change::FilmEdited(Box::new(b)))))
            }),
            None => self
                .catalog
                .create_film(&film)
                .map(|id| (id, Some(Change::FilmAdded(id)))),
        };
        match stored {
            Ok((id, change)) => {
                if let Some(change) = change {
                    self.history.record(change);
                }
                self.editor.mark_saved(id);
                self.persisted.selected = Some(id);
                self.catalog_changed();
                self.catalog_view.scroll_to(id);
                self.notifications
                    .changed(format!("Saved “{}”.", film.title));
                true
            }
            Err(error) => {
                self.notifications.error(error);
                false
            }
        }
    }

    fn confirm_delete(&mut self) {
        let Some(Dialog::ConfirmDelete { id, .. }) = self.dialog.take() else {
            return;
        };
        let next = self
            .catalog_view
            .neighbour(Some(id), 1)
            .or_else(|| self.catalog_view.neighbour(Some(id), -1));
        match self.catalog.delete_film(id) {
            Ok(deleted) => {
                self.notifications
                    .changed(format!("Deleted “{}”.", deleted.film.title));
                self.history.record(Change::FilmDeleted(Box::new(deleted)));
                self.editor.close();
                self.persisted.selected = None;
                if let Some(next) = next {
                    self.open_film(next, false);
                }
                self.catalog_changed();
            }
            Err(error) => self.notifications.error(error),
        }
    }

    /// Undoes (or, with `undo` false, redoes) the newest change, then shows what it did.
    fn undo_or_redo(&mut self, undo: bool) {
        let done = if undo {
            self.history.undo(&mut self.catalog)
        } else {
            self.history.redo(&mut self.catalog)
        };
        let Some(done) = done else {
            return;
        };
        match done {
            Ok(inverse) => {
                let verb = if undo { "Undid" } else { "Redid" };
                self.notifications
                    .info(format!("{verb} the {}.", inverse.description()));
                self.catalog_changed();
                match inverse {
                    // A film came back: show it.
                    Change::FilmAdded(id) => {
                        self.open_film(id, true);
                    }
                    _ => {
                        if let Some(id) = self.persisted.selected {
                            self.open_film(id, false);
                        }
                    }
                }
            }
            Err(error) => {
                self.notifications.error(error);
                self.catalog_changed();
            }
        }
    }

    fn delete_review(&mut self, id: crate::model::ReviewId) {
        let Some(film_id) = self.editor.film_id() else {
            return;
        };
        match self.catalog.delete_review(id) {
            Ok(Some(review)) => {
                self.notifications.changed(format!(
                    "Deleted the review “{}”.",
                    review.heading(self.persisted.date_format)
                ));
                self.history
                    .record(Change::ReviewDeleted(film_id, Box::new(review)));
                self.reload_reviews(film_id);
                self.catalog_changed();
            }
            Ok(None) => self.reload_reviews(film_id),
            Err(error) => self.notifications.error(error),
        }
    }

    fn reload_reviews(&mut self, film_id: FilmId) {
        if self.editor.film_id() != Some(film_id) {
            return;
        }
        match self.catalog.reviews_of(film_id) {
            Ok(reviews) => self.editor.set_reviews(reviews),
            Err(error) => self.notifications.error(error),
        }
    }

    fn save_import(&mut self, ctx: &egui::Context) {
        let Some(import) = &self.import else {
            return;
        };
        let (film, review, target) = match import.to_save() {
            Ok(parts) => parts,
            Err(message) => {
                self.notifications.error(message);
                return;
            }
        };
        // Attaching may fill the film's blank fields: keep it as it was, for undo.
        let before = match target {
            ImportTarget::Film(id) => self.catalog.film(id).ok().flatten(),
            ImportTarget::Auto | ImportTarget::New => None,
        };
        match self.catalog.import_review(&film, &review, target) {
            Ok(outcome) => {
                let film_id = match outcome {
                    ImportOutcome::Created { film_id, .. } => {
                        self.history.record(Change::FilmAdded(film_id));
                        self.notifications
                            .changed(format!("Added “{}” with its review.", film.title));
                        film_id
                    }
                    ImportOutcome::Attached {
                        film_id, review_id, ..
                    } => {
                        let mut changes = Vec::new();
                        changes.extend(before.map(|b| Change::FilmEdited(Box::new(b))));
                        changes.push(Change::ReviewAdded(review_id));
                        self.history.record(Change::Together(changes));
                        self.notifications.changed("Added the review to the film.");
                        film_id
                    }
                    ImportOutcome::AlreadyStored { film_id, .. } => {
                        self.notifications
                            .info("This review was already stored; nothing was added.");
                        film_id
                    }
                    ImportOutcome::Ambiguous { .. } => {
                        self.notifications.error(
                            "More than one film matches; choose the film to attach the review to.",
                        );
                        return;
                    }
                };
                self.import = None;
                self.catalog_changed();
                if self.persisted.selected == Some(film_id) {
                    self.reload_reviews(film_id);
                }
                self.run_command(ctx, Command::Select(film_id));
                self.catalog_view.scroll_to(film_id);
            }
            Err(error) => self.notifications.error(error),
        }
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
        preferences.opened();
        *self = Self::new(catalog, persisted);
        self.preferences = preferences;
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(super::window_title(path)));
        self.notifications
            .info(format!("Opened the catalog {}", path.display()));
    }

    /// Runs `command`, if any, on the next frame.
    pub fn queue(&mut self, command: Option<Command>) {
        self.pending.extend(command);
    }

    /// Shows `message` in the notification area (e.g. why the remembered catalog did not open).
    pub fn report(&mut self, message: impl std::fmt::Display) {
        self.notifications.error(message);
    }

    /// After any change to the catalog: every view reads again when it is next drawn.
    fn catalog_changed(&mut self) {
        self.generation += 1;
    }

    /// After another program wrote to the catalog: read the views again, and the film in the
    /// editor unless it has unsaved edits.
    fn changed_elsewhere(&mut self) {
        // What the history would put back may no longer be what is stored: undoing it could
        // overwrite the other program's work, so it is forgotten.
        if self.history.next_undo().is_some() || self.history.next_redo().is_some() {
            self.history.clear();
            self.notifications
                .info("Another program changed the catalog; Undo starts afresh from here.");
        }
        self.catalog_changed();
        if let Some(id) = self.editor.film_id().filter(|_| !self.editor.is_dirty()) {
            self.open_film(id, false);
        }
    }

    fn save_diary_entry(&mut self, film: &FilmChoice, entry: &DiaryEntry) {
        let stored = match entry.id {
            Some(_) => self
                .catalog
                .update_diary_entry(entry)
                .map(|before| before.map(|b| Change::DiaryEdited(Box::new(b)))),
            None => self.catalog.add_diary_entry(film, entry).map(|stored| {
                let added = Change::DiaryAdded(stored.id?);
                Some(match film {
                    FilmChoice::New(_) => {
                        Change::Together(vec![Change::FilmAdded(stored.film_id), added])
                    }
                    FilmChoice::Stored(_) => added,
                })
            }),
        };
        match stored {
            Ok(change) => {
                if let Some(change) = change {
                    self.history.record(change);
                }
                self.notifications.changed("Saved the diary entry.");
                self.diary_view.saved();
                self.catalog_changed();
            }
            Err(error) => self.notifications.error(error),
        }
    }

    fn add_to_watchlist(&mut self, film: &FilmChoice, item: &WatchlistItem) {
        let film = match film {
            FilmChoice::New(new) => match self.catalog.films_titled(&new.title, new.year) {
                Ok(found) if found.len() == 1 => FilmChoice::Stored(found[0].id),
                Ok(found) if found.len() > 1 => {
                    self.notifications.error(format!(
                        "{} films are titled “{}”; add the year to choose one.",
                        found.len(),
                        new.title
                    ));
                    return;
                }
                Ok(_) => film.clone(),
                Err(error) => {
                    self.notifications.error(error);
                    return;
                }
            },
            FilmChoice::Stored(_) => film.clone(),
        };
        match self.catalog.add_to_watchlist(&film, item) {
            Ok(WatchlistAdd::Added(added)) => {
                if let Some(id) = added.id {
                    let change = Change::WatchlistAdded(id);
                    self.history.record(match film {
                        FilmChoice::New(_) => {
                            Change::Together(vec![Change::FilmAdded(added.film_id), change])
                        }
                        FilmChoice::Stored(_) => change,
                    });
                }
                self.notifications
                    .changed("Added the film to the watchlist.");
                self.watchlist_view.saved();
                self.catalog_changed();
            }
            Ok(WatchlistAdd::AlreadyListed(listed)) => self.notifications.info(format!(
                "That film is already on the watchlist, at place {}.",
                listed.position + 1
            )),
            Err(error) => self.notifications.error(error),
        }
    }
}

/// The Catalog · Diary · Watchlist · Stats tabs above the main area.
fn view_tabs_ui(ui: &mut egui::Ui, current: MainView) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        for view in MainView::ALL {
            let command = Command::ShowView(view);
            if ui
                .selectable_label(current == view, view.label())
                .on_hover_text(command.hover_text(ui.ctx()))
                .clicked()
            {
                commands.push(command);
            }
        }
    });
    ui.separator();
    commands
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, super::persisted::STORAGE_KEY, &self.persisted());
    }
}
