//! The flows that write to the catalog: each calls the repository, records the undo `Change`,
//! words the notification and moves the catalog generation on, so every view reads again.

use eframe::egui;

use crate::db::{Change, FilmChoice, ImportOutcome, ImportTarget, WatchlistAdd};
use crate::model::{DiaryEntry, FilmId, WatchlistItem};
use crate::ui::msg::Msg;

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

    pub(super) fn confirm_delete(&mut self) {
        let Some(Modal::ConfirmDelete { id, .. }) = self.modal.take() else {
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
    pub(super) fn undo_or_redo(&mut self, undo: bool) {
        // What was undone is the change itself (the inverse of a deletion is an addition);
        // what was redone is the inverse of the undone change.
        let undone = self.history.next_undo().map(Change::description);
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
                let description = match undone {
                    Some(description) if undo => description,
                    _ => inverse.description(),
                };
                self.notifications
                    .info(format!("{verb} the {description}."));
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

    pub(super) fn delete_review(&mut self, id: crate::model::ReviewId) {
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
                self.modal = None;
                self.catalog_changed();
                if self.persisted.selected == Some(film_id) {
                    self.reload_reviews(film_id);
                }
                self.run_command(ctx, Msg::Select(film_id));
                self.catalog_view.scroll_to(film_id);
            }
            Err(error) => self.notifications.error(error),
        }
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

    pub(super) fn add_to_watchlist(&mut self, film: &FilmChoice, item: &WatchlistItem) {
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
