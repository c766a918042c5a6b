//! [`App::run_command`]: the one place a command changes the app's state or the catalog.

use eframe::egui;

use crate::interop::{DiaryFormat, WatchlistFormat};
use crate::ui::command::Command;
use crate::ui::export_dialog::{write_export, ExportDialog, ExportFormat};
use crate::ui::history::Step;
use crate::ui::import_dialog::ImportDialog;
use crate::ui::import_files::ImportFilesDialog;
use crate::ui::persisted::MainView;

use super::commit::said;
use super::{App, Dialog};

impl App {
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
            Command::ImportText(paste) => self.import = Some(ImportDialog::pasted(paste)),
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
                if let Some(edits) = self.editor.revert() {
                    self.history.record_revert(edits);
                }
            }
            Command::Dismiss => {
                if self.show_shortcuts {
                    self.show_shortcuts = false;
                } else {
                    self.preferences.close();
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
            Command::SelectPrevious
            | Command::SelectNext
            | Command::SelectLeft
            | Command::SelectRight => {
                // Up and down move a line: one row of the table, a line of posters in the grid.
                let line = self.catalog_view.films_per_line() as isize;
                let step = match command {
                    Command::SelectPrevious => -line,
                    Command::SelectNext => line,
                    Command::SelectLeft => -1,
                    _ => 1,
                };
                if let Some(id) = self.catalog_view.neighbour(self.persisted.selected, step) {
                    self.open_film(id, true);
                }
            }
            Command::SetCatalogLayout(layout) => self.catalog_view.set_layout(layout),
            Command::ShowDiaryPosters(on) => self.diary_view.set_posters(on),
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
                    // Not a step of Undo: what comes next replaces the film in the editor.
                    let _ = self.editor.revert();
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
            Command::DeleteDiaryEntry(id) => {
                let deleted = self.catalog.delete_diary_entry(id);
                self.commit(deleted, |w| said(w, "Deleted the diary entry."));
            }
            Command::AddToWatchlist(parts) => self.add_to_watchlist(&parts.0, &parts.1),
            Command::MoveWatchlistItem(id, place) => {
                let moved = self.catalog.move_watchlist_item(id, place);
                self.commit(moved, |_| String::new());
            }
            Command::RemoveFromWatchlist(id) => {
                let removed = self.catalog.remove_from_watchlist(id);
                self.commit(removed, |w| said(w, "Took the film off the watchlist."));
            }
            Command::MarkWatched(id, entry) => {
                let watched = self.catalog.mark_watched(id, &entry);
                let sentence = "Logged it in the diary and took it off the watchlist.";
                if self.commit(watched, |w| said(w, sentence)).is_some() {
                    self.watchlist_view.saved();
                }
            }
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
                self.chores
                    .back_up_now(ctx, self.catalog.path(), &mut self.notifications);
            }
            Command::OpenCatalog(path) => self.open_catalog(ctx, &path),
            Command::List(command) => self.run_list_command(command),
            Command::SetPosterFrom(film, input) => self.set_poster_from(ctx, film, input),
            Command::RemovePoster(film) => self.remove_poster(film),
            Command::LookUp => self.look_up(ctx),
            Command::ApplyLookup(chosen) => self.apply_lookup(&chosen),
            Command::FillMissing => self.fill_missing(),
            Command::SetTmdbKey(key) => self.persisted.tmdb_key = key,
            Command::ShowAbout => self.show_about = true,
            Command::Query(command) => self.run_query_command(command),
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
    pub(super) fn leaves_editor(&self, command: &Command) -> bool {
        match command {
            Command::NewFilm
            | Command::SelectPrevious
            | Command::SelectNext
            | Command::SelectLeft
            | Command::SelectRight
            | Command::Quit
            | Command::OpenCatalog(_) => true,
            // A change to the catalog may change the film in the editor under its unsaved
            // edits; a step of the editor's (Revert) is about those very edits.
            Command::Undo => matches!(self.history.next_undo(), Some(Step::Catalog(_))),
            Command::Redo => matches!(self.history.next_redo(), Some(Step::Catalog(_))),
            Command::Select(id) => self.persisted.selected != Some(*id),
            Command::Query(command) => command.leaves_editor(),
            _ => false,
        }
    }
}
