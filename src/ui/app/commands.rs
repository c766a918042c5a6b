//! [`App::run_ui_command`]: what each [`UiCommand`] a person invokes does.

use eframe::egui;

use crate::interop::{DiaryFormat, WatchlistFormat};
use crate::ui::command::UiCommand;
use crate::ui::export_dialog::{ExportDialog, ExportFormat};
use crate::ui::history::Step;
use crate::ui::import_dialog::ImportDialog;
use crate::ui::import_files::ImportFilesDialog;

use super::dismiss::Overlay;
use super::modal::Modal;
use super::App;

impl App {
    /// Runs one command a person invoked (through [`App::run_command`], which first asks about
    /// unsaved edits).
    pub(super) fn run_ui_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::NewFilm => {
                self.editor.new_film();
                self.persisted.selected = None;
            }
            UiCommand::ImportReview => {
                let dialog = ImportDialog::new(String::new());
                self.modal = Some(Modal::Import(Box::new(dialog)));
            }
            UiCommand::ImportFiles => {
                let dialog = ImportFilesDialog::new(self.catalog.path(), None);
                self.modal = Some(Modal::ImportFiles(Box::new(dialog)));
            }
            UiCommand::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            UiCommand::Save => {
                self.save();
            }
            UiCommand::Revert => {
                if let Some(edits) = self.editor.revert() {
                    self.history.record_revert(edits);
                }
            }
            UiCommand::Dismiss => self.dismiss(),
            UiCommand::DeleteFilm => {
                if let Some(id) = self.editor.film_id() {
                    self.modal = Some(Modal::ConfirmDelete {
                        id,
                        title: self.editor.title(),
                        reviews: self.editor.review_count(),
                    });
                }
            }
            UiCommand::ConfirmDelete => self.confirm_delete(),
            UiCommand::Undo => self.undo_or_redo(true),
            UiCommand::Redo => self.undo_or_redo(false),
            UiCommand::FocusSearch => self.catalog_view.focus_search(),
            UiCommand::SelectPrevious
            | UiCommand::SelectNext
            | UiCommand::SelectLeft
            | UiCommand::SelectRight => {
                // Up and down move a line: one row of the table, a line of posters in the grid.
                let line = self.catalog_view.films_per_line() as isize;
                let step = match command {
                    UiCommand::SelectPrevious => -line,
                    UiCommand::SelectNext => line,
                    UiCommand::SelectLeft => -1,
                    _ => 1,
                };
                if let Some(id) = self.catalog_view.neighbour(self.persisted.selected, step) {
                    self.open_film(id, true);
                }
            }
            UiCommand::ClearSearch => self.catalog_view.clear_search(ctx),
            UiCommand::ShowShortcuts => {
                self.show_shortcuts = true;
                self.opened(Overlay::Shortcuts);
            }
            UiCommand::SaveAndContinue => {
                if let Some(then) = self.take_unsaved() {
                    if self.save() {
                        self.run_command(ctx, then);
                    }
                }
            }
            UiCommand::DiscardAndContinue => {
                if let Some(then) = self.take_unsaved() {
                    // Not a step of Undo: what comes next replaces the film in the editor.
                    let _ = self.editor.revert();
                    self.run_command(ctx, then);
                }
            }
            UiCommand::CloseDialog => {
                self.close_modal();
            }
            UiCommand::SaveImport => self.save_import(ctx),
            UiCommand::ExportWatchlist => {
                let format = ExportFormat::Watchlist(WatchlistFormat::Csv);
                self.modal = Some(Modal::Export(Box::new(ExportDialog::new(format))));
            }
            UiCommand::ExportDiary => {
                let format = ExportFormat::Diary(DiaryFormat::Csv);
                self.modal = Some(Modal::Export(Box::new(ExportDialog::new(format))));
            }
            UiCommand::ShowPreferences => {
                self.preferences.show();
                self.opened(Overlay::Preferences);
            }
            UiCommand::BackUpNow => {
                self.chores
                    .back_up_now(ctx, self.catalog.path(), &mut self.notifications);
            }
            UiCommand::LookUp => {
                self.look_up(ctx);
                self.opened(Overlay::LookUp);
            }
            UiCommand::FillMissing => {
                self.fill_missing();
                self.opened(Overlay::FillMissing);
            }
            UiCommand::ShowAbout => {
                self.show_about = true;
                self.opened(Overlay::About);
            }
            UiCommand::FindDuplicates => {
                self.query_tools.find_duplicates();
                self.opened(Overlay::Duplicates);
            }
            UiCommand::PickForMe => {
                let search = self.catalog_view.search_text().to_owned();
                self.query_tools.pick(&search);
                self.opened(Overlay::Pick);
            }
            UiCommand::ShowCatalog
            | UiCommand::ShowDiary
            | UiCommand::ShowWatchlist
            | UiCommand::ShowStats
            | UiCommand::ShowLists => {
                if let Some(view) = command.shown_view() {
                    self.persisted.view = view;
                }
            }
        }
    }

    /// Whether `command` replaces the film in the editor (and so must not lose unsaved edits).
    pub(super) fn command_leaves_editor(&self, command: UiCommand) -> bool {
        match command {
            UiCommand::NewFilm
            | UiCommand::SelectPrevious
            | UiCommand::SelectNext
            | UiCommand::SelectLeft
            | UiCommand::SelectRight
            | UiCommand::Quit => true,
            // A change to the catalog may change the film in the editor under its unsaved
            // edits; a step of the editor's (Revert) is about those very edits.
            UiCommand::Undo => matches!(self.history.next_undo(), Some(Step::Catalog(_))),
            UiCommand::Redo => matches!(self.history.next_redo(), Some(Step::Catalog(_))),
            _ => false,
        }
    }
}
