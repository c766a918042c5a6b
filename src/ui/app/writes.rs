//! The flows that write to the catalog: each calls the repository and hands what it wrote to
//! [`App::commit`] with the sentence that says so.

use eframe::egui;

use crate::db::{Change, FilmChoice, ImportOutcome, WatchlistAdd};
use crate::model::{DiaryEntry, FilmId, WatchlistItem};
use crate::ui::history::Step;
use crate::ui::msg::Msg;

use super::commit::said;
use super::modal::Modal;
use super::App;

impl App {
    /// Opens film `id` in the editor; `scroll` brings its row into view.
    pub(super) fn open_film(&mut self, id: FilmId, scroll: bool) {
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
    pub(super) fn save(&mut self) -> bool {
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
        let title = film.title.clone();
        let stored = match film.id {
            Some(id) => self.catalog.update_film(&film).map(|w| w.map(|()| id)),
            None => self.catalog.create_film(&film),
        };
        let Some(id) = self.commit(stored, |_| format!("Saved “{title}”.")) else {
            return false;
        };
        self.editor.mark_saved(id);
        self.persisted.selected = Some(id);
        self.catalog_view.scroll_to(id);
        true
    }

    pub(super) fn confirm_delete(&mut self) {
        let Some(Modal::ConfirmDelete { id, .. }) = self.modal.take() else {
            return;
        };
        let next = self
            .catalog_view
            .neighbour(Some(id), 1)
            .or_else(|| self.catalog_view.neighbour(Some(id), -1));
        let deleted = self.catalog.delete_film(id);
        if self
            .commit(deleted, |w| format!("Deleted “{}”.", w.value.title))
            .is_some()
        {
            self.editor.close();
            self.persisted.selected = None;
            if let Some(next) = next {
                self.open_film(next, false);
            }
        }
    }

    /// Undoes (or, with `undo` false, redoes) the newest step, then shows what it did.
    pub(super) fn undo_or_redo(&mut self, undo: bool) {
        let Some(step) = self.history.take(undo) else {
            return;
        };
        let verb = if undo { "Undid" } else { "Redid" };
        match step {
            Step::Catalog(change) => self.revert_change(undo, &change),
            Step::Reverted(edits) => match self.editor.restore(*edits) {
                Ok(()) => {
                    self.history.done(undo, Step::Restored);
                    self.notifications
                        .info(format!("{verb} the revert: your edits are back, unsaved."));
                }
                Err(message) => self.notifications.error(message),
            },
            Step::Restored => match self.editor.revert() {
                Some(edits) => {
                    self.history.done(undo, Step::Reverted(Box::new(edits)));
                    self.notifications.info(format!("{verb} the revert."));
                }
                None => self
                    .notifications
                    .error("There are no unsaved edits to throw away again."),
            },
        }
    }

    /// Reverts `change` in the catalog for an undo (or a redo), keeps its inverse for the other
    /// direction and shows what it did; a change that can no longer be reverted is dropped.
    fn revert_change(&mut self, undo: bool, change: &Change) {
        self.catalog_changed();
        let inverse = match self.catalog.revert(change) {
            Ok(inverse) => inverse,
            Err(error) => return self.notifications.error(error),
        };
        self.history.done(undo, Step::Catalog(inverse.clone()));
        // What was undone is the change itself (the inverse of a deletion is an addition);
        // what was redone is the inverse of the undone change.
        let (verb, description) = if undo {
            ("Undid", change.description())
        } else {
            ("Redid", inverse.description())
        };
        self.notifications
            .info(format!("{verb} the {description}."));
        match inverse {
            // A film came back: show it.
            Change::FilmAdded(id) => self.open_film(id, true),
            _ => {
                if let Some(id) = self.persisted.selected {
                    self.open_film(id, false);
                }
            }
        }
    }

    pub(super) fn delete_review(&mut self, id: crate::model::ReviewId) {
        let Some(film_id) = self.editor.film_id() else {
            return;
        };
        let date_format = self.persisted.date_format;
        let deleted = self.catalog.delete_review(id);
        self.commit(deleted, |w| {
            w.value.as_ref().map_or_else(String::new, |review| {
                format!("Deleted the review “{}”.", review.heading(date_format))
            })
        });
        self.reload_reviews(film_id);
    }

    pub(super) fn reload_reviews(&mut self, film_id: FilmId) {
        if self.editor.film_id() != Some(film_id) {
            return;
        }
        match self.catalog.reviews_of(film_id) {
            Ok(reviews) => self.editor.set_reviews(reviews),
            Err(error) => self.notifications.error(error),
        }
    }

    pub(super) fn save_import(&mut self, ctx: &egui::Context) {
        let Some(Modal::Import(import)) = &self.modal else {
            return;
        };
        let (film, review, target) = match import.to_save() {
            Ok(parts) => parts,
            Err(message) => {
                self.notifications.error(message);
                return;
            }
        };
        let stored = self.catalog.import_review(&film, &review, target);
        let title = film.title;
        let Some(outcome) = self.commit(stored, |w| match &w.value {
            ImportOutcome::Created { .. } => format!("Added “{title}” with its review."),
            ImportOutcome::Attached { .. } => "Added the review to the film.".to_owned(),
            ImportOutcome::AlreadyStored { .. } => {
                "This review was already stored; nothing was added.".to_owned()
            }
            ImportOutcome::Ambiguous { .. } => String::new(),
        }) else {
            return;
        };
        let film_id = match outcome {
            ImportOutcome::Created { film_id, .. }
            | ImportOutcome::Attached { film_id, .. }
            | ImportOutcome::AlreadyStored { film_id, .. } => film_id,
            ImportOutcome::Ambiguous { .. } => {
                self.notifications
                    .error("More than one film matches; choose the film to attach the review to.");
                return;
            }
        };
        self.modal = None;
        if self.persisted.selected == Some(film_id) {
            self.reload_reviews(film_id);
        }
        self.run_command(ctx, Msg::Select(film_id));
        self.catalog_view.scroll_to(film_id);
    }

    /// After any change to the catalog: every view reads again when it is next drawn.
    pub(super) fn catalog_changed(&mut self) {
        self.generation += 1;
    }

    /// After another program wrote to the catalog: read the views again, and the film in the
    /// editor unless it has unsaved edits.
    pub(super) fn changed_elsewhere(&mut self) {
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

    pub(super) fn save_diary_entry(&mut self, film: &FilmChoice, entry: &DiaryEntry) {
        let stored = match entry.id {
            Some(_) => self.catalog.update_diary_entry(entry),
            None => self
                .catalog
                .add_diary_entry(film, entry)
                .map(|w| w.map(drop)),
        };
        if self
            .commit(stored, |w| said(w, "Saved the diary entry."))
            .is_some()
        {
            self.diary_view.saved();
        }
    }

    pub(super) fn add_to_watchlist(&mut self, film: &FilmChoice, item: &WatchlistItem) {
        let added = self.catalog.add_to_watchlist(film, item);
        let added = self.commit(added, |w| match &w.value {
            WatchlistAdd::Added(_) => "Added the film to the watchlist.".to_owned(),
            WatchlistAdd::AlreadyListed(listed) => format!(
                "That film is already on the watchlist, at place {}.",
                listed.position + 1
            ),
        });
        if let Some(WatchlistAdd::Added(_)) = added {
            self.watchlist_view.saved();
        }
    }
}
