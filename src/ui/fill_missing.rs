//! Fill in missing data…: the film in the editor, or every film without a runtime or a poster
//! not looked up before, looked up on TMDb by a worker thread, with progress and Cancel. The
//! worker only asks TMDb ([`find_answer`]) and reads the catalog on its own connection; each
//! answer is stored by the app on the window's connection ([`crate::online::apply_answer`]),
//! so every write is the window's own, filling only blanks, and the whole run is undone as one
//! step. What was looked up is recorded, so a run cancelled or cut short by a restart goes on
//! where it stopped, as `cinedex lookup --missing` does.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

use eframe::egui;

use crate::db::{Catalog, Change, LookupOutcome, Written};
use crate::model::FilmId;
use crate::online::{find_answer, Found, OnlineError, Tmdb, TmdbSettings};

use super::lookup_dialog::{fill_sentence, window_sentence};

/// Which films a run looks up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FillScope {
    /// The film open in the editor.
    Film(FilmId),
    /// Every film without a runtime or a poster, not looked up before.
    Missing,
}

/// What the worker tells the window.
enum Event {
    /// How many films the run will look up.
    Total(usize),
    /// TMDb's answer for one film.
    Found(FilmId, Found),
    /// The run ended early: why.
    Failed(String),
}

/// A run in progress, or finished.
struct Run {
    events: mpsc::Receiver<Event>,
    cancel: Arc<AtomicBool>,
    total: usize,
    looked_up: usize,
    filled: usize,
    unmatched: usize,
    /// What undoes the run, film by film.
    changes: Vec<Change>,
    /// True once the worker has finished (or failed, or was cancelled).
    finished: bool,
    /// Why the run ended early.
    failure: Option<String>,
}

/// The Fill in missing data… window.
pub struct FillMissing {
    path: PathBuf,
    settings: Result<TmdbSettings, OnlineError>,
    /// The film in the editor, offered as the scope.
    film: Option<(FilmId, String)>,
    scope: FillScope,
    run: Option<Run>,
    open: bool,
}

impl FillMissing {
    /// The window over the catalog at `path`, offering the editor's `film` or every film missing
    /// data; nothing is sent until Start.
    pub fn new(
        path: &Path,
        settings: Result<TmdbSettings, OnlineError>,
        film: Option<(FilmId, String)>,
    ) -> Self {
        Self {
            path: path.to_path_buf(),
            settings,
            film,
            scope: FillScope::Missing,
            run: None,
            open: true,
        }
    }

    /// False once the person closed the window.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Closes the window, stopping the worker (what it stored stays, as one undo step).
    pub fn close(&mut self) {
        self.cancel();
        self.open = false;
    }

    /// True while the worker runs.
    pub fn running(&self) -> bool {
        self.run.as_ref().is_some_and(|r| !r.finished)
    }

    /// The answers the worker found since the last call, for the app to store; the worker's end
    /// is noted as it comes.
    pub fn answers(&mut self) -> Vec<(FilmId, Found)> {
        let Some(run) = &mut self.run else {
            return Vec::new();
        };
        let mut found = Vec::new();
        loop {
            match run.events.try_recv() {
                Ok(Event::Total(total)) => run.total = total,
                Ok(Event::Found(id, answer)) => found.push((id, answer)),
                Ok(Event::Failed(message)) => run.failure = Some(message),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    run.finished = true;
                    break;
                }
            }
        }
        if run.cancel.load(Ordering::Relaxed) {
            // Answers that came after Cancel are not stored.
            found.clear();
        }
        found
    }

    /// Counts what storing one answer did and keeps what undoes it.
    pub fn stored(&mut self, written: Written<LookupOutcome>) {
        let Some(run) = &mut self.run else {
            return;
        };
        run.looked_up += 1;
        match written.value {
            LookupOutcome::Filled => run.filled += 1,
            LookupOutcome::Unchanged => {}
            LookupOutcome::NoMatch | LookupOutcome::Ambiguous => run.unmatched += 1,
        }
        if written.changed() {
            run.changes.push(written.undo);
        }
    }

    /// Once the run has ended: what undoes all of it (taken once), or `None`.
    pub fn take_changes(&mut self) -> Option<Vec<Change>> {
        let run = self.run.as_mut().filter(|r| r.finished)?;
        Some(std::mem::take(&mut run.changes)).filter(|c| !c.is_empty())
    }

    /// Draws the window.
    pub fn ui(&mut self, ctx: &egui::Context) {
        let mut open = self.open;
        egui::Window::new("Fill in missing data")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(480.0)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 96.0))
            .show(ctx, |ui| self.contents_ui(ui));
        if !open {
            self.cancel();
        }
        self.open &= open;
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui) {
        ui.label(
            "Cinedex asks TMDb about each film and fills in only what is empty: runtime, \
             credits, genres, the poster and the ids. A film with several likely matches is \
             left for Look up…, where you choose.",
        );
        ui.add_space(6.0);
        if let Err(error) = &self.settings {
            ui.colored_label(ui.visuals().error_fg_color, window_sentence(error));
            return;
        }
        let Some(run) = &self.run else {
            self.choose_ui(ui);
            return;
        };
        if run_ui(ui, run) {
            self.cancel();
        }
        if run.finished && ui.button("Close").clicked() {
            self.open = false;
        }
    }

    fn choose_ui(&mut self, ui: &mut egui::Ui) {
        if let Some((id, title)) = &self.film {
            ui.radio_value(
                &mut self.scope,
                FillScope::Film(*id),
                format!("Only “{title}”"),
            );
        }
        ui.radio_value(
            &mut self.scope,
            FillScope::Missing,
            "Every film without a runtime or a poster, not looked up before",
        );
        ui.add_space(6.0);
        if ui
            .button("Start")
            .on_hover_text("Ask TMDb now; you can cancel, and a later run goes on from there")
            .clicked()
        {
            if let Ok(settings) = &self.settings {
                self.run = Some(start(ui.ctx(), &self.path, settings.clone(), self.scope));
            }
        }
    }

    fn cancel(&self) {
        if let Some(run) = &self.run {
            run.cancel.store(true, Ordering::Relaxed);
        }
    }
}

impl Drop for FillMissing {
    fn drop(&mut self) {
        self.cancel();
    }
}

impl Run {
    /// What the run did, as a sentence.
    fn summary(&self) -> String {
        let how = if self.cancel.load(Ordering::Relaxed) {
            "Cancelled after"
        } else {
            "Looked up"
        };
        format!(
            "{how} {} of {} films: {} filled in, {} not matched.",
            self.looked_up, self.total, self.filled, self.unmatched
        )
    }
}

/// The progress bar and Cancel, or the summary; true when Cancel was clicked.
fn run_ui(ui: &mut egui::Ui, run: &Run) -> bool {
    if let Some(failure) = &run.failure {
        ui.colored_label(ui.visuals().error_fg_color, failure.as_str());
    }
    if run.finished {
        ui.label(run.summary());
        return false;
    }
    let fraction = run.looked_up as f32 / run.total.max(1) as f32;
    ui.add(egui::ProgressBar::new(fraction).text(format!(
        "Looked up {} of {} films…",
        run.looked_up, run.total
    )));
    let cancelling = run.cancel.load(Ordering::Relaxed);
    ui.add_enabled(!cancelling, egui::Button::new("Cancel"))
        .on_hover_text("Stop after the film being asked about; what was filled in stays")
        .clicked()
}

/// Starts the worker: it reads the films to look up on its own connection and asks TMDb about
/// each in turn, until done or cancelled.
fn start(ctx: &egui::Context, path: &Path, settings: TmdbSettings, scope: FillScope) -> Run {
    let (tell, events) = mpsc::channel();
    let cancel = Arc::new(AtomicBool::new(false));
    let (path, stop, ctx) = (path.to_path_buf(), Arc::clone(&cancel), ctx.clone());
    let spawned = std::thread::Builder::new()
        .name("tmdb-fill".into())
        .spawn(move || {
            if let Err(message) = work(&path, &Tmdb::new(settings), scope, &tell, &stop, &ctx) {
                let _ = tell.send(Event::Failed(message));
            }
            ctx.request_repaint();
        });
    let failure = spawned
        .err()
        .map(|e| format!("The look-up could not start ({e})."));
    Run {
        events,
        cancel,
        total: 0,
        looked_up: 0,
        filled: 0,
        unmatched: 0,
        changes: Vec::new(),
        finished: failure.is_some(),
        failure,
    }
}

/// The worker's loop; an error as the sentence that ends the run.
fn work(
    path: &Path,
    tmdb: &Tmdb,
    scope: FillScope,
    tell: &mpsc::Sender<Event>,
    cancel: &AtomicBool,
    ctx: &egui::Context,
) -> Result<(), String> {
    let catalog = Catalog::open(path).map_err(|e| e.to_string())?;
    let ids = match scope {
        FillScope::Film(id) => vec![id],
        FillScope::Missing => catalog
            .films_to_look_up(usize::MAX)
            .map_err(|e| e.to_string())?,
    };
    let _ = tell.send(Event::Total(ids.len()));
    for (n, id) in ids.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Ok(());
        }
        let read = catalog
            .film(*id)
            .and_then(|film| Ok((film, catalog.has_poster(*id)?)));
        let (Some(film), has_poster) = read.map_err(|e| e.to_string())? else {
            continue;
        };
        let found = find_answer(tmdb, &film, has_poster).map_err(|e| {
            let sentence = fill_sentence(&e);
            format!(
                "{}; stopped after {n} of {} films, so start again to go on.",
                sentence.trim_end_matches('.'),
                ids.len()
            )
        })?;
        if tell.send(Event::Found(*id, found)).is_err() {
            return Ok(());
        }
        ctx.request_repaint();
    }
    Ok(())
}
