//! The list flows: each [`ListCommand`] calls the repository once (one transaction), records the
//! [`ListChange`] that undoes it, says what it did and moves the catalog generation on.

use crate::db::{Change, DbError, ListAdd, ListChange};
use crate::model::{FilmId, List, ListId};
use crate::ui::export_dialog::ExportDialog;
use crate::ui::list_command::ListCommand;
use crate::ui::persisted::MainView;
use crate::ui::widgets::rating::film_label;

use super::App;

/// What a list write did: the change that undoes it and the sentence that says so, or nothing
/// (the film or list was already as asked).
type Done = Option<(ListChange, String)>;

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
                    Ok(Some(list)) => {
                        let dialog = ExportDialog::for_list(id, &list.name);
                        self.modal = Some(super::modal::Modal::Export(Box::new(dialog)));
                    }
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
                self.history.record(Change::List(change));
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
        let id = self.catalog.create_list(&list)?;
        self.lists_view.created(id);
        Ok(Some((
            ListChange::Created(id),
            format!("Created the list “{}”.", list.name),
        )))
    }

    fn edit_list(&mut self, list: &List) -> Result<Done, DbError> {
        let before = self.catalog.update_list(list)?;
        self.lists_view.saved();
        if before == *list {
            return Ok(None);
        }
        let sentence = if before.name == list.name.trim() {
            format!("Saved the list “{}”.", before.name)
        } else {
            format!("Renamed “{}” to “{}”.", before.name, list.name.trim())
        };
        Ok(Some((ListChange::Edited(Box::new(before)), sentence)))
    }

    fn delete_list(&mut self, id: ListId) -> Result<Done, DbError> {
        let deleted = self.catalog.delete_list(id)?;
        let films = match deleted.entries.len() {
            1 => "its film".to_owned(),
            n => format!("its {n} films"),
        };
        let sentence = format!(
            "Deleted the list “{}”; {films} stay in the catalog.",
            deleted.list.name
        );
        Ok(Some((ListChange::Deleted(Box::new(deleted)), sentence)))
    }

    fn add_to_list(&mut self, id: ListId, film: FilmId) -> Result<Done, DbError> {
        let list = self.list_name(id)?;
        let title = self.film_name(film)?;
        match self
            .catalog
            .add_to_list(id, &crate::db::FilmChoice::Stored(film), "")?
        {
            ListAdd::Added(_) => Ok(Some((
                ListChange::EntryAdded { list: id, film },
                format!("Added {title} to “{list}”."),
            ))),
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
        Ok(self.catalog.remove_from_list(id, film)?.map(|entry| {
            (
                ListChange::EntryRemoved { list: id, entry },
                format!("Took {title} off “{list}”."),
            )
        }))
    }

    fn move_in_list(&mut self, id: ListId, film: FilmId, place: u32) -> Result<Done, DbError> {
        let Some(from) = self
            .catalog
            .list_entries(id)?
            .into_iter()
            .find(|row| row.entry.film == film)
            .map(|row| row.entry.position)
        else {
            return Ok(None);
        };
        match self.catalog.move_in_list(id, film, place)? {
            Some(to) if to != from => Ok(Some((
                ListChange::EntryMoved {
                    list: id,
                    film,
                    from,
                },
                format!("Moved {} to place {}.", self.film_name(film)?, to + 1),
            ))),
            Some(_) | None => Ok(None),
        }
    }

    fn note_in_list(&mut self, id: ListId, film: FilmId, note: &str) -> Result<Done, DbError> {
        let note = note.trim();
        match self.catalog.set_list_note(id, film, note)? {
            Some(before) if before != note => Ok(Some((
                ListChange::EntryNoted {
                    list: id,
                    film,
                    note: before,
                },
                format!("Saved the note on {}.", self.film_name(film)?),
            ))),
            Some(_) | None => Ok(None),
        }
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
