//! Look up…: the film in the editor searched on TMDb off the UI thread, the candidates shown
//! (title, year, director when TMDb's details say), one chosen by the person, then its details
//! and poster fetched, also off the UI thread. The dialog writes nothing: it hands the answer to
//! the app as [`Msg::ApplyLookup`], which fills only the film's blanks in one undoable step.

use eframe::egui;

use crate::model::{FilmId, Poster};
use crate::online::{
    fetch_poster, Candidate, FillError, OnlineError, Tmdb, TmdbFilm, TmdbSettings,
};

use super::command::UiCommand;
use super::jobs::Job;
use super::msg::Msg;

/// How many candidates have their details (and so their directors) read before they are shown.
const DETAILED_CANDIDATES: usize = 5;

/// What the window says when there is no key: nothing is sent.
pub const NEEDS_KEY: &str =
    "Looking films up needs a TMDb API key; enter yours in Preferences. Nothing was sent.";

/// What the window says for `error`: the CLI's sentences name `CINEDEX_TMDB_KEY`, the window's
/// name Preferences, where its key is typed.
pub fn window_sentence(error: &OnlineError) -> String {
    match error {
        OnlineError::NoKey => NEEDS_KEY.to_owned(),
        OnlineError::KeyRefused => {
            "TMDb says the API key was refused; check the key in Preferences.".to_owned()
        }
        other => other.to_string(),
    }
}

/// [`window_sentence`] for a failure to fill a film in.
pub fn fill_sentence(error: &FillError) -> String {
    match error {
        FillError::Online(online) => window_sentence(online),
        other => other.to_string(),
    }
}

/// The film a person chose on TMDb, ready to fill the stored film in.
#[derive(Clone, Debug, PartialEq)]
pub struct LookupAnswer {
    /// The stored film to fill in.
    pub film: FilmId,
    /// TMDb's details of the chosen film, with its ids.
    pub answer: TmdbFilm,
    /// Its poster, when the stored film has none and TMDb has one.
    pub poster: Option<Poster>,
}

/// A candidate with its details, when they were read.
struct Shown {
    candidate: Candidate,
    details: Option<TmdbFilm>,
}

/// What a worker brings back, with the client it borrowed.
enum Answer {
    Searched(Tmdb, Result<Vec<Shown>, OnlineError>),
    Fetched(Tmdb, Result<Box<LookupAnswer>, String>),
}

/// The Look up… window for one stored film.
pub struct LookupDialog {
    film: FilmId,
    title: String,
    year: Option<i32>,
    has_poster: bool,
    /// The client, while no worker has it; `None` without a key.
    tmdb: Option<Tmdb>,
    /// The worker asking TMDb, if any.
    job: Option<Job<Answer>>,
    candidates: Vec<Shown>,
    chosen: Option<usize>,
    /// True once the search answered.
    searched: bool,
    error: Option<String>,
    open: bool,
}

impl LookupDialog {
    /// Opens the window for film `film` and starts the search; without a key (`settings` is
    /// [`OnlineError::NoKey`]) it says so, and nothing is sent.
    pub fn start(
        ctx: &egui::Context,
        settings: Result<TmdbSettings, OnlineError>,
        film: FilmId,
        (title, year): (String, Option<i32>),
        has_poster: bool,
    ) -> Self {
        let mut dialog = Self {
            film,
            title,
            year,
            has_poster,
            tmdb: None,
            job: None,
            candidates: Vec::new(),
            chosen: None,
            searched: false,
            error: None,
            open: true,
        };
        match settings {
            Ok(settings) => {
                let tmdb = Tmdb::new(settings);
                let (title, year) = (dialog.title.clone(), dialog.year);
                dialog.job = Some(Job::spawn(ctx, "tmdb-search", move || {
                    let found = search(&tmdb, &title, year);
                    Answer::Searched(tmdb, found)
                }));
            }
            Err(error) => dialog.error = Some(window_sentence(&error)),
        }
        dialog
    }

    /// The stored film it fills in.
    pub fn film(&self) -> FilmId {
        self.film
    }

    /// False once the person closed the window.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// True while a worker is asking TMDb.
    pub fn working(&self) -> bool {
        self.job.is_some()
    }

    /// Draws the window; returns [`Msg::ApplyLookup`] once the chosen film's details are in.
    pub fn ui(&mut self, ctx: &egui::Context) -> Vec<Msg> {
        let mut commands = Vec::new();
        self.poll(&mut commands);
        let mut open = self.open;
        egui::Window::new("Look up on TMDb")
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            // Over the table, so the editor it fills in stays in view.
            .default_pos(ctx.content_rect().left_top() + egui::vec2(24.0, 96.0))
            .show(ctx, |ui| self.contents_ui(ui, &mut commands));
        self.open &= open;
        commands
    }

    fn poll(&mut self, commands: &mut Vec<Msg>) {
        let Some(answer) = self.job.as_ref().and_then(Job::poll) else {
            return;
        };
        self.job = None;
        match answer {
            Ok(Answer::Searched(tmdb, found)) => {
                self.tmdb = Some(tmdb);
                self.searched = true;
                match found {
                    Ok(candidates) => {
                        self.chosen = (candidates.len() == 1).then_some(0);
                        self.candidates = candidates;
                    }
                    Err(error) => self.error = Some(window_sentence(&error)),
                }
            }
            Ok(Answer::Fetched(tmdb, fetched)) => {
                self.tmdb = Some(tmdb);
                match fetched {
                    Ok(answer) => commands.push(Msg::ApplyLookup(answer)),
                    Err(message) => self.error = Some(message),
                }
            }
            Err(message) => self.error = Some(message),
        }
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Msg>) {
        let year = self.year.map(|y| format!(" ({y})")).unwrap_or_default();
        ui.strong(format!("“{}”{year}", self.title));
        ui.add_space(4.0);
        if self.job.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(if self.searched {
                    "Fetching the film's details and poster from TMDb…"
                } else {
                    "Asking TMDb…"
                });
            });
        }
        if let Some(message) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, message.as_str());
            if message == NEEDS_KEY && UiCommand::ShowPreferences.button(ui, true).clicked() {
                commands.push(UiCommand::ShowPreferences.into());
            }
        }
        if self.searched && self.candidates.is_empty() && self.error.is_none() {
            ui.label(format!("TMDb knows no film titled “{}”.", self.title));
        }
        if !self.candidates.is_empty() {
            ui.label("Choose the film this is; only its empty fields are filled in.");
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| self.candidates_ui(ui));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ready = self.chosen.is_some() && self.job.is_none() && self.tmdb.is_some();
            if ui
                .add_enabled(ready, egui::Button::new("Fill in from this film"))
                .on_hover_text(
                    "Fill in the empty fields, the poster and the ids from this film (you can undo)",
                )
                .clicked()
            {
                self.fetch(ui.ctx());
            }
            if ui.button("Close").clicked() {
                self.open = false;
            }
        });
        ui.add_space(4.0);
        ui.weak("Data and posters from TMDb (themoviedb.org).");
    }

    fn candidates_ui(&mut self, ui: &mut egui::Ui) {
        for (index, shown) in self.candidates.iter().enumerate() {
            let candidate = &shown.candidate;
            let mut line = candidate.title.clone();
            if let Some(year) = candidate.year {
                line.push_str(&format!(" ({year})"));
            }
            let directors = shown
                .details
                .as_ref()
                .map(|d| d.incoming.film.directors_line())
                .filter(|d| !d.is_empty());
            if let Some(directors) = directors {
                line.push_str(&format!(" — {directors}"));
            }
            ui.selectable_value(&mut self.chosen, Some(index), line);
            let original = candidate
                .original_title
                .as_ref()
                .filter(|o| **o != candidate.title);
            if let Some(original) = original {
                ui.weak(original);
            }
            if let Some(overview) = &candidate.overview {
                ui.add(egui::Label::new(egui::RichText::new(overview).small()).truncate());
            }
            ui.add_space(4.0);
        }
    }

    /// Fetches the chosen candidate's details (unless read already) and poster on a worker.
    fn fetch(&mut self, ctx: &egui::Context) {
        let (Some(index), Some(tmdb)) = (self.chosen, self.tmdb.take()) else {
            return;
        };
        let Some(shown) = self.candidates.get(index) else {
            self.tmdb = Some(tmdb);
            return;
        };
        let (tmdb_id, details) = (shown.candidate.tmdb_id, shown.details.clone());
        let (film, has_poster) = (self.film, self.has_poster);
        self.error = None;
        self.job = Some(Job::spawn(ctx, "tmdb-film", move || {
            let fetched = fetch(&tmdb, tmdb_id, details, has_poster).map(|(answer, poster)| {
                Box::new(LookupAnswer {
                    film,
                    answer,
                    poster,
                })
            });
            Answer::Fetched(tmdb, fetched)
        }));
    }
}

/// The candidates for `title`, the first few with their details.
fn search(tmdb: &Tmdb, title: &str, year: Option<i32>) -> Result<Vec<Shown>, OnlineError> {
    let candidates = tmdb.search(title, year)?;
    Ok(candidates
        .into_iter()
        .enumerate()
        .map(|(index, candidate)| {
            // Without its details a candidate is still shown, only without its director.
            let details = (index < DETAILED_CANDIDATES)
                .then(|| tmdb.film(candidate.tmdb_id).ok())
                .flatten();
            Shown { candidate, details }
        })
        .collect())
}

/// The details of `tmdb_id` (those read already, else asked) and its poster unless the film has
/// one; a failure as its sentence.
fn fetch(
    tmdb: &Tmdb,
    tmdb_id: u64,
    details: Option<TmdbFilm>,
    has_poster: bool,
) -> Result<(TmdbFilm, Option<Poster>), String> {
    let answer = match details {
        Some(details) => details,
        None => tmdb.film(tmdb_id).map_err(|e| window_sentence(&e))?,
    };
    let poster = if has_poster {
        None
    } else {
        fetch_poster(tmdb, &answer).map_err(|e| fill_sentence(&e))?
    };
    Ok((answer, poster))
}
