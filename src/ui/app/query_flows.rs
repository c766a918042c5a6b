//! The app's side of saved views, "Pick for me" and duplicates: [`App::run_query_command`]
//! runs each [`QueryCommand`], every write through [`App::commit`].

use crate::model::FilmId;
use crate::ui::merge_preview::MergePreview;
use crate::ui::persisted::MainView;
use crate::ui::query_command::QueryCommand;
use crate::ui::widgets::rating::film_label;

use super::App;

impl App {
    /// Makes the next "Pick for me" start from `seed`, so its pick is the one
    /// `cinedex pick --seed N` gives (tests use this).
    pub fn set_pick_seed(&mut self, seed: u64) {
        self.query_tools.set_seed(seed);
    }

    /// Runs one query command.
    pub(super) fn run_query_command(&mut self, command: QueryCommand) {
        match command {
            QueryCommand::SaveView { name, query } => {
                let saved = self.catalog.save_view(&name, &query);
                self.commit(saved, |w| match w.value {
                    Some(_) => format!("Replaced the view “{name}”."),
                    None => format!("Saved the view “{name}”."),
                });
            }
            QueryCommand::DeleteView(name) => {
                let deleted = self.catalog.delete_view(&name);
                self.commit(deleted, |w| {
                    w.value.as_ref().map_or_else(String::new, |view| {
                        format!("Deleted the view “{}”.", view.name)
                    })
                });
            }
            QueryCommand::LogViewing(id) => match self.catalog.film(id) {
                Ok(Some(film)) => {
                    self.persisted.view = MainView::Diary;
                    self.diary_view
                        .log_viewing_of(id, film_label(&film.title, film.year));
                }
                Ok(None) => self
                    .notifications
                    .error("That film is no longer in the catalog."),
                Err(error) => self.notifications.error(error),
            },
            QueryCommand::PreviewMerge { keep, other } => {
                match MergePreview::read(&mut self.catalog, keep, other) {
                    Ok(preview) => {
                        self.query_tools.show_preview(preview, self.generation);
                        self.opened(super::dismiss::Overlay::Duplicates);
                    }
                    Err(error) => self.notifications.error(error),
                }
            }
            QueryCommand::Merge { keep, other } => self.merge(keep, other),
        }
    }

    /// Merges film `other` into `keep` as one undo step, then shows the film kept.
    fn merge(&mut self, keep: FilmId, other: FilmId) {
        let title = |app: &Self, id| {
            app.catalog
                .film(id)
                .ok()
                .flatten()
                .map_or_else(|| format!("#{}", id.0), |f| film_label(&f.title, f.year))
        };
        let (kept, gone) = (title(self, keep), title(self, other));
        let merged = self.catalog.merge_films(keep, other);
        let sentence = format!("Merged {gone} into {kept}; Undo puts both back.");
        if self.commit(merged, |_| sentence).is_some() {
            self.open_film(keep, true);
        }
    }
}
