//! [`App::run_command`]: the one place a [`Msg`] changes the app's state or the catalog (a
//! person's [`UiCommand`](crate::ui::command::UiCommand)s run in `commands.rs`).

use eframe::egui;

use crate::ui::export_dialog::write_export;
use crate::ui::import_dialog::ImportDialog;
use crate::ui::import_files::ImportFilesDialog;
use crate::ui::msg::Msg;
use crate::ui::persisted::MainView;

use super::commit::said;
use super::modal::Modal;
use super::App;

impl App {
    /// Runs one message: the only place the app's state or the catalog change.
    pub fn run_command(&mut self, ctx: &egui::Context, msg: Msg) {
        let asking = matches!(self.modal, Some(Modal::Unsaved { .. }));
        if self.leaves_editor(&msg) && self.editor.is_dirty() && !asking {
            self.ask_unsaved(msg);
            return;
        }
        match msg {
            Msg::Ui(command) => self.run_ui_command(ctx, command),
            Msg::ImportText(paste) => {
                self.modal = Some(Modal::Import(Box::new(ImportDialog::pasted(paste))));
            }
            Msg::ImportFilesFrom(file) => {
                let dialog = ImportFilesDialog::new(self.catalog.path(), Some(&file));
                self.modal = Some(Modal::ImportFiles(Box::new(dialog)));
            }
            Msg::FilesImported(sentence) => {
                // Rows the history names may have been replaced.
                self.history.clear();
                self.notifications.info(sentence);
                self.catalog_changed();
                if let Some(id) = self.persisted.selected.filter(|_| !self.editor.is_dirty()) {
                    self.open_film(id, false);
                }
            }
            Msg::SetCatalogLayout(layout) => self.catalog_view.set_layout(layout),
            Msg::ShowDiaryPosters(on) => self.diary_view.set_posters(on),
            Msg::Select(id) => {
                if self.persisted.selected != Some(id) || !self.editor.is_open() {
                    self.open_film(id, false);
                }
            }
            Msg::SortBy(column) => self.catalog_view.sort_by(column, ctx),
            Msg::DeleteReview(id) => self.delete_review(id),
            Msg::SetTheme(theme) => {
                self.persisted.theme = theme;
                ctx.set_theme(theme.preference());
            }
            Msg::ReportError(message) => self.notifications.error(message),
            Msg::FilterDiary(filter) => {
                self.persisted.view = MainView::Diary;
                self.diary_view.show_filtered(filter);
            }
            Msg::SearchCatalog(text) => {
                self.persisted.view = MainView::Catalog;
                self.catalog_view.set_search(&text, ctx);
            }
            Msg::SaveDiaryEntry { film, entry } => self.save_diary_entry(&film, &entry),
            Msg::DeleteDiaryEntry(id) => {
                let deleted = self.catalog.delete_diary_entry(id);
                self.commit(deleted, |w| said(w, "Deleted the diary entry."));
            }
            Msg::AddToWatchlist { film, item } => self.add_to_watchlist(&film, &item),
            Msg::MoveWatchlistItem { item: id, place } => {
                let moved = self.catalog.move_watchlist_item(id, place);
                self.commit(moved, |_| String::new());
            }
            Msg::RemoveFromWatchlist(id) => {
                let removed = self.catalog.remove_from_watchlist(id);
                self.commit(removed, |w| said(w, "Took the film off the watchlist."));
            }
            Msg::MarkWatched { item: id, entry } => {
                let watched = self.catalog.mark_watched(id, &entry);
                let sentence = "Logged it in the diary and took it off the watchlist.";
                if self.commit(watched, |w| said(w, sentence)).is_some() {
                    self.watchlist_view.saved();
                }
            }
            Msg::SetDateFormat(format) => self.persisted.date_format = format,
            Msg::SetBackups(settings) => self.persisted.backups = settings,
            Msg::OpenCatalog(path) => self.open_catalog(ctx, &path),
            Msg::List(command) => self.run_list_command(command),
            Msg::SetPosterFrom { film, input } => self.set_poster_from(ctx, film, input),
            Msg::RemovePoster(film) => self.remove_poster(film),
            Msg::ApplyLookup(chosen) => self.apply_lookup(&chosen),
            Msg::SetTmdbKey(key) => self.persisted.tmdb_key = key,
            Msg::Query(command) => self.run_query_command(command),
            Msg::RunExport(request) => match write_export(&self.catalog, &request) {
                Ok(done) => {
                    self.notifications.info(done);
                    self.modal = None;
                }
                Err(message) => {
                    if let Some(Modal::Export(export)) = &mut self.modal {
                        export.failed(message);
                    }
                }
            },
        }
    }

    /// Whether `msg` replaces the film in the editor (and so must not lose unsaved edits).
    pub(super) fn leaves_editor(&self, msg: &Msg) -> bool {
        match msg {
            Msg::Ui(command) => self.command_leaves_editor(*command),
            Msg::OpenCatalog(_) => true,
            Msg::Select(id) => self.persisted.selected != Some(*id),
            Msg::Query(command) => command.leaves_editor(),
            _ => false,
        }
    }
}
