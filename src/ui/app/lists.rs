//! The list flows: each [`ListCommand`] calls the repository once (one transaction) and hands
//! what it wrote to [`App::commit`], with the sentence that says what it did.

use crate::db::{DbError, FilmChoice, ListAdd, Written};
use crate::model::{FilmId, List, ListId};
use crate::ui::export_dialog::ExportDialog;
use crate::ui::list_command::ListCommand;
use crate::ui::persisted::MainView;
use crate::ui::widgets::rating::film_label;

use super::commit::said;
use super::App;

impl App {
    /// Runs one action on the lists.
    pub(super) fn run_list_command(&mut self, command: ListCommand) {
        match command {
            ListCommand::Show(id) => {
                self.persisted.view = MainView::Lists;
                self.lists_view.show(id);
            }
            ListCommand::Export(id) => match self.catalog.list(id) {
                Ok(Some(list)) => {
                    let dialog = ExportDialog::for_list(id, &list.name);
                    self.modal = Some(super::modal::Modal::Export(Box::new(dialog)));
                }
                Ok(None) => self.catalog_changed(),
                Err(error) => self.notifications.error(error),
            },
            ListCommand::Create(name) => self.create_list(&name),
            ListCommand::Edit(list) => self.edit_list(&list),
            ListCommand::Delete(id) => self.delete_list(id),
            ListCommand::Add(id, film) => self.add_to_list(id, film),
            ListCommand::Remove(id, film) => self.remove_from_list(id, film),
            ListCommand::Move(id, film, place) => self.move_in_list(id, film, place),
            ListCommand::Note(id, film, note) => self.note_in_list(id, film, &note),
        }
    }

    fn create_list(&mut self, name: &str) {
        let list = List::named(name.trim());
        let created = self.catalog.create_list(&list);
        let sentence = format!("Created the list “{}”.", list.name);
        if let Some(id) = self.commit(created, |_| sentence) {
            self.lists_view.created(id);
        }
    }

    fn edit_list(&mut self, list: &List) {
        let edited = self.catalog.update_list(list);
        let new_name = list.name.trim();
        let said = |w: &Written<List>| match &w.value {
            _ if !w.changed() => String::new(),
            before if before.name == new_name => format!("Saved the list “{}”.", before.name),
            before => format!("Renamed “{}” to “{new_name}”.", before.name),
        };
        if self.commit(edited, said).is_some() {
            self.lists_view.saved();
        }
    }

    fn delete_list(&mut self, id: ListId) {
        let deleted = self.catalog.delete_list(id);
        self.commit(deleted, |w| {
            let films = match w.value.entries.len() {
                1 => "its film".to_owned(),
                n => format!("its {n} films"),
            };
            let name = &w.value.list.name;
            format!("Deleted the list “{name}”; {films} stay in the catalog.")
        });
    }

    fn add_to_list(&mut self, id: ListId, film: FilmId) {
        let Some((list, title)) = self.names(id, film) else {
            return;
        };
        let added = self.catalog.add_to_list(id, &FilmChoice::Stored(film), "");
        self.commit(added, |w| match &w.value {
            ListAdd::Added(_) => format!("Added {title} to “{list}”."),
            ListAdd::AlreadyListed(entry) => format!(
                "{title} is on “{list}” already, at place {}.",
                entry.position + 1
            ),
        });
    }

    fn remove_from_list(&mut self, id: ListId, film: FilmId) {
        let Some((list, title)) = self.names(id, film) else {
            return;
        };
        let removed = self.catalog.remove_from_list(id, film);
        self.commit(removed, |w| said(w, &format!("Took {title} off “{list}”.")));
    }

    fn move_in_list(&mut self, id: ListId, film: FilmId, place: u32) {
        let Some((_, title)) = self.names(id, film) else {
            return;
        };
        let moved = self.catalog.move_in_list(id, film, place);
        self.commit(moved, |w| match w.value {
            Some(to) if w.changed() => format!("Moved {title} to place {}.", to + 1),
            _ => String::new(),
        });
    }

    fn note_in_list(&mut self, id: ListId, film: FilmId, note: &str) {
        let Some((_, title)) = self.names(id, film) else {
            return;
        };
        let noted = self.catalog.set_list_note(id, film, note.trim());
        self.commit(noted, |w| said(w, &format!("Saved the note on {title}.")));
    }

    /// The names of list `id` and film `film` for a sentence; when either cannot be read, that
    /// is said, the views read again, and `None`.
    fn names(&mut self, id: ListId, film: FilmId) -> Option<(String, String)> {
        let named = self
            .list_name(id)
            .and_then(|list| Ok((list, self.film_name(film)?)));
        match named {
            Ok(named) => Some(named),
            Err(error) => {
                self.notifications.error(error);
                self.catalog_changed();
                None
            }
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
