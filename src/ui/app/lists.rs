//! The list flows: each [`ListCommand`] calls the repository once (one transaction), records the
//! change that undoes it, says what it did and moves the catalog generation on.

use crate::db::{Change, DbError, ListAdd, Written};
use crate::model::{FilmId, List, ListId};
use crate::ui::export_dialog::ExportDialog;
use crate::ui::list_command::ListCommand;
use crate::ui::persisted::MainView;
use crate::ui::widgets::rating::film_label;

use super::App;

/// What a list write did: the change that undoes it and the sentence that says so, or nothing
/// (the film or list was already as asked).
type Done = Option<(Change, String)>;

impl App {
    /// Runs one action on the lists.
    pub(super) fn run_list_command(&mut self, command: ListCommand) {
        let done = match command {
            ListCommand::Show(id) => {
                self.persisted.view = MainView::Lists;
                self.lists_view.show(id);
                return;
            }
            ListCommand::Export(id) => {
                match self.catalog.list(id) {
                    Ok(Some(list)) => self.export = Some(ExportDialog::for_list(id, &list.name)),
                    Ok(None) => self.catalog_changed(),
                    Err(error) => self.notifications.error(error),
                }
                return;
            }
            ListCommand::Create(name) => self.create_list(&name),
            ListCommand::Edit(list) => self.edit_list(&list),
            ListCommand::Delete(id) => self.delete_list(id),
            ListCommand::Add(id, film) => self.add_to_list(id, film),
            ListCommand::Remove(id, film) => self.remove_from_list(id, film),
            ListCommand::Move(id, film, place) => self.move_in_list(id, film, place),
            ListCommand::Note(id, film, note) => self.note_in_list(id, film, &note),
        };
        match done {
            Ok(Some((change, sentence))) => {
                self.history.record(change);
                self.notifications.changed(sentence);
            }
            Ok(None) => {}
            Err(error) => self.notifications.error(error),
        }
        // Also after a failure: what the view shows may be what another write replaced.
        self.catalog_changed();
    }

    fn create_list(&mut self, name: &str) -> Result<Done, DbError> {
        let list = List::named(name.trim());
        let written = self.catalog.create_list(&list)?;
        self.lists_view.created(written.value);
        let sentence = format!("Created the list “{}”.", list.name);
        Ok(Some((written.undo, sentence)))
    }

    fn edit_list(&mut self, list: &List) -> Result<Done, DbError> {
        let Written {
            value: before,
            undo,
        } = self.catalog.update_list(list)?;
        self.lists_view.saved();
        if undo.is_nothing() {
            return Ok(None);
        }
        let sentence = if before.name == list.name.trim() {
            format!("Saved the list “{}”.", before.name)
        } else {
            format!("Renamed “{}” to “{}”.", before.name, list.name.trim())
        };
        Ok(Some((undo, sentence)))
    }

    fn delete_list(&mut self, id: ListId) -> Result<Done, DbError> {
        let Written {
            value: deleted,
            undo,
        } = self.catalog.delete_list(id)?;
        let films = match deleted.entries.len() {
            1 => "its film".to_owned(),
            n => format!("its {n} films"),
        };
        let sentence = format!(
            "Deleted the list “{}”; {films} stay in the catalog.",
            deleted.list.name
        );
        Ok(Some((undo, sentence)))
    }

    fn add_to_list(&mut self, id: ListId, film: FilmId) -> Result<Done, DbError> {
        let list = self.list_name(id)?;
        let title = self.film_name(film)?;
        let written = self
            .catalog
            .add_to_list(id, &crate::db::FilmChoice::Stored(film), "")?;
        match written.value {
            ListAdd::Added(_) => Ok(Some((written.undo, format!("Added {title} to “{list}”.")))),
            ListAdd::AlreadyListed(entry) => {
                self.notifications.info(format!(
                    "{title} is on “{list}” already, at place {}.",
                    entry.position + 1
                ));
                Ok(None)
            }
        }
    }

    fn remove_from_list(&mut self, id: ListId, film: FilmId) -> Result<Done, DbError> {
        let list = self.list_name(id)?;
        let title = self.film_name(film)?;
        let written = self.catalog.remove_from_list(id, film)?;
        let sentence = format!("Took {title} off “{list}”.");
        Ok(written.changed().then_some((written.undo, sentence)))
    }

    fn move_in_list(&mut self, id: ListId, film: FilmId, place: u32) -> Result<Done, DbError> {
        let written = self.catalog.move_in_list(id, film, place)?;
        match written.value {
            Some(to) if written.changed() => {
                let sentence = format!("Moved {} to place {}.", self.film_name(film)?, to + 1);
                Ok(Some((written.undo, sentence)))
            }
            _ => Ok(None),
        }
    }

    fn note_in_list(&mut self, id: ListId, film: FilmId, note: &str) -> Result<Done, DbError> {
        let written = self.catalog.set_list_note(id, film, note.trim())?;
        if !written.changed() {
            return Ok(None);
        }
        let sentence = format!("Saved the note on {}.", self.film_name(film)?);
        Ok(Some((written.undo, sentence)))
    }

    /// The name of list `id`.
    fn list_name(&self, id: ListId) -> Result<String, DbError> {
        let list = self.catalog.list(id)?.ok_or(DbError::ListNotFound(id))?;
        Ok(list.name)
    }

    /// “Title (Year)” of film `id`.
    fn film_name(&self, id: FilmId) -> Result<String, DbError> {
        let rows = self.catalog.film_rows(&[id])?;
        let row = rows.first().ok_or(DbError::FilmNotFound(id))?;
        Ok(format!("“{}”", film_label(&row.title, row.year)))
    }
}
