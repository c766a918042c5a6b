//! The flows of posters and TMDb look-ups: an image read into a poster on a worker, then stored
//! as one undoable step; Look up… and Fill in missing data… opened, polled, and their answers
//! stored on the window's own connection (so they are undoable, and not taken for another
//! program's writes).

use eframe::egui;

use crate::db::{Change, LookupApplied, Written};
use crate::model::FilmId;
use crate::online::{apply_answer, OnlineError, TmdbSettings};
use crate::ui::about::about_ui;
use crate::ui::fill_missing::FillMissing;
use crate::ui::jobs::Job;
use crate::ui::lookup_dialog::{LookupAnswer, LookupDialog};
use crate::ui::msg::Msg;
use crate::ui::poster_input::PosterInput;

use super::commit::said;
use super::App;

impl App {
    /// Where and how to reach TMDb: the `CINEDEX_TMDB_*` variables, else the Preferences key.
    fn tmdb_settings(&self) -> Result<TmdbSettings, OnlineError> {
        TmdbSettings::from_env_or_key(&self.persisted.tmdb_key.0)
    }

    /// Reads `input` into a poster for `film` on a worker; [`App::poll_online`] stores it.
    pub(super) fn set_poster_from(
        &mut self,
        ctx: &egui::Context,
        film: FilmId,
        input: PosterInput,
    ) {
        if self.poster_job.is_some() {
            self.notifications
                .info("Cinedex is still reading the last image; try again in a moment.");
            return;
        }
        if self.editor.film_id() == Some(film) {
            self.editor.poster().started();
        }
        let job = Job::spawn(ctx, "poster", move || input.decode());
        self.poster_job = Some((film, job));
    }

    /// Takes the film's poster away, as one undoable step.
    pub(super) fn remove_poster(&mut self, film: FilmId) {
        let removed = self.catalog.remove_poster(film);
        if self
            .commit(removed, |w| said(w, "Removed the poster."))
            .is_some()
        {
            self.editor.poster().done();
        }
    }

    /// Each frame: the image being read, and the answers Fill in missing data… found.
    pub(super) fn poll_online(&mut self) {
        self.poll_poster();
        let Some(fill) = &mut self.fill else {
            return;
        };
        let mut changed = false;
        for (id, found) in fill.answers() {
            match apply_answer(&mut self.catalog, id, &found) {
                Ok(written) => {
                    changed |= written.changed();
                    fill.stored(written);
                }
                Err(error) => self.notifications.error(error),
            }
        }
        if let Some(changes) = fill.take_changes() {
            // The whole run is one step of Undo.
            let run = Written::new((), Change::Together(changes));
            self.commit(Ok(run), |_| String::new());
        }
        if changed {
            // Each answer stored shows at once, though the run is recorded when it ends.
            self.catalog_changed();
            if let Some(id) = self.editor.film_id().filter(|_| !self.editor.is_dirty()) {
                self.open_film(id, false);
            }
        }
    }

    fn poll_poster(&mut self) {
        let Some(answer) = self.poster_job.as_ref().and_then(|(_, job)| job.poll()) else {
            return;
        };
        let Some((film, _)) = self.poster_job.take() else {
            return;
        };
        let stored = answer.and_then(|poster| poster).and_then(|poster| {
            self.catalog
                .set_poster(film, &poster)
                .map_err(|e| e.to_string())
        });
        match stored {
            Ok(written) => {
                self.commit(Ok(written), |_| "Set the poster.".to_owned());
                self.editor.poster().done();
            }
            Err(message) => {
                if self.editor.film_id() == Some(film) {
                    self.editor.poster().failed(message.clone());
                }
                self.notifications.error(message);
            }
        }
    }

    /// Draws Look up…, Fill in missing data… and About while they are open.
    pub(super) fn online_ui(&mut self, ctx: &egui::Context) -> Vec<Msg> {
        let mut commands = Vec::new();
        if let Some(lookup) = &mut self.lookup {
            commands.extend(lookup.ui(ctx));
            // Another film in the editor: the candidates were for the one before.
            if !lookup.is_open() || self.editor.film_id() != Some(lookup.film()) {
                self.lookup = None;
            }
        }
        if let Some(fill) = &mut self.fill {
            fill.ui(ctx);
            if !fill.is_open() && !fill.running() {
                self.fill = None;
            }
        }
        about_ui(ctx, &mut self.show_about);
        commands
    }

    /// True while a look-up asks TMDb (the window then repaints when it answers).
    pub fn looking_up(&self) -> bool {
        self.lookup.as_ref().is_some_and(LookupDialog::working)
            || self.fill.as_ref().is_some_and(FillMissing::running)
            || self.poster_job.is_some()
    }

    /// Opens Look up… for the film in the editor; without a key it says so and sends nothing.
    pub(super) fn look_up(&mut self, ctx: &egui::Context) {
        let Some(id) = self.editor.film_id() else {
            return;
        };
        if self.editor.is_dirty() {
            self.notifications
                .error("Save or revert your changes first; Look up… fills in the film as stored.");
            return;
        }
        let stored = self
            .catalog
            .film(id)
            .and_then(|film| Ok((film, self.catalog.has_poster(id)?)));
        match stored {
            Ok((Some(film), has_poster)) => {
                let settings = self.tmdb_settings();
                let named = (film.title, film.year);
                self.lookup = Some(LookupDialog::start(ctx, settings, id, named, has_poster));
            }
            Ok((None, _)) => {}
            Err(error) => self.notifications.error(error),
        }
    }

    /// Fills the film's blanks from the candidate chosen in Look up…, as one undoable step.
    pub(super) fn apply_lookup(&mut self, chosen: &LookupAnswer) {
        let applied =
            self.catalog
                .apply_lookup(chosen.film, &chosen.answer.incoming, chosen.poster.as_ref());
        if self
            .commit(applied, |w| filled_sentence(&w.value))
            .is_some()
        {
            self.lookup = None;
            if self.editor.film_id() == Some(chosen.film) && !self.editor.is_dirty() {
                self.open_film(chosen.film, false);
            }
        }
    }

    /// Opens Fill in missing data…, offering the film in the editor or every film missing data.
    pub(super) fn fill_missing(&mut self) {
        if self.fill.as_ref().is_some_and(FillMissing::running) {
            return;
        }
        let film = self
            .editor
            .film_id()
            .and_then(|id| Some((id, self.catalog.film(id).ok()??.title)));
        let settings = self.tmdb_settings();
        self.fill = Some(FillMissing::new(self.catalog.path(), settings, film));
    }
}

/// What a look-up filled in, as a sentence.
fn filled_sentence(applied: &LookupApplied) -> String {
    let what: Vec<&str> = [
        (applied.fields_filled, "empty fields"),
        (applied.ids_added > 0, "TMDb and IMDb ids"),
        (applied.poster_added, "the poster"),
    ]
    .into_iter()
    .filter_map(|(done, what)| done.then_some(what))
    .collect();
    if what.is_empty() {
        "The film already has everything TMDb knows; nothing was changed.".to_owned()
    } else {
        format!("Filled in from TMDb: {}.", what.join(", "))
    }
}
