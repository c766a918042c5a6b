//! "Pick for me": a small window showing one film chosen at random (weighted by watchlist
//! priority, `Catalog::pick`) from what the catalog's search matches, or from the watchlist, with
//! Log a viewing…, Another and Open. The pick runs on a [`Job`] with its own connection; the seed
//! is shown, so `cinedex pick … --seed N` picks the same film.

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::db::{Catalog, DbError, Pick, PickFrom};
use crate::model::FilmId;

use super::command::UiCommand;
use super::ctx::AppCtx;
use super::jobs::Job;
use super::msg::Msg;
use super::query_command::QueryCommand;
use super::widgets::rating::film_label;

/// How many seeds "Another" tries for a film other than the one shown.
const ANOTHER_TRIES: u64 = 16;

/// What a pick answers: the film, or none when nothing fits.
type Answer = Result<Option<Pick>, DbError>;

/// The "Pick for me" window.
pub struct PickWindow {
    /// The search the pick chooses among (the catalog's search box when it was opened).
    search: String,
    /// Pick from the watchlist only.
    from_watchlist: bool,
    /// The seed of the pick shown (or asked for).
    seed: u64,
    /// The answer shown; `None` until the first.
    shown: Option<Result<Option<Pick>, String>>,
    /// The pick being made.
    pending: Option<Job<Answer>>,
    /// Ask again on the next frame, avoiding this film when it is `Some`.
    ask: Option<Option<FilmId>>,
}

impl PickWindow {
    /// A window picking among the films `search` matches, first with `seed`.
    pub fn new(search: &str, seed: u64) -> Self {
        Self {
            search: search.trim().to_owned(),
            from_watchlist: false,
            seed,
            shown: None,
            pending: None,
            ask: Some(None),
        }
    }

    /// Draws the window; false once it is closed.
    pub fn ui(&mut self, ctx: &egui::Context, app: &AppCtx<'_>, commands: &mut Vec<Msg>) -> bool {
        if let Some(avoid) = self.ask.take() {
            self.start(app.catalog, ctx, avoid);
        }
        if let Some(answer) = self.pending.as_ref().and_then(Job::poll) {
            self.pending = None;
            self.shown = Some(match answer {
                Ok(Ok(pick)) => Ok(pick),
                Ok(Err(error)) => Err(error.to_string()),
                Err(stopped) => Err(stopped),
            });
        }
        if let Some(Ok(Some(pick))) = &self.shown {
            self.seed = pick.seed;
        }
        let mut open = true;
        egui::Window::new("Pick for me")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(380.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| self.contents_ui(ui, commands));
        let leave = commands
            .iter()
            .any(|c| matches!(c, Msg::Select(_) | Msg::Query(QueryCommand::LogViewing(_))));
        open && !leave
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Msg>) {
        ui.horizontal(|ui| {
            let before = self.from_watchlist;
            ui.radio_value(&mut self.from_watchlist, false, "Any film");
            ui.radio_value(&mut self.from_watchlist, true, "From the watchlist");
            if before != self.from_watchlist {
                self.ask = Some(None);
            }
        });
        if !self.search.is_empty() {
            ui.weak(format!("Among the films “{}” matches", self.search));
        }
        ui.separator();
        let picked = match &self.shown {
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Picking…");
                });
                None
            }
            Some(Err(error)) => {
                ui.colored_label(ui.visuals().error_fg_color, error.as_str());
                None
            }
            Some(Ok(None)) => {
                ui.label(if self.from_watchlist {
                    "No film on the watchlist matches; pick from any film, or change the search."
                } else {
                    "No film matches the search; change it, then pick again."
                });
                None
            }
            Some(Ok(Some(pick))) => {
                pick_ui(ui, pick);
                Some(pick.film.id)
            }
        };
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let log = QueryCommand::LogViewing(picked.unwrap_or(FilmId(0)));
            if ui
                .add_enabled(picked.is_some(), egui::Button::new(log.label()))
                .on_hover_text(log.tooltip())
                .clicked()
            {
                commands.push(Msg::Query(log));
            }
            let another = ui
                .add_enabled(self.pending.is_none(), egui::Button::new("Another"))
                .on_hover_text("Pick another film from the same films");
            if another.clicked() {
                self.seed = self.seed.wrapping_add(1);
                self.ask = Some(picked);
            }
            let open = ui
                .add_enabled(picked.is_some(), egui::Button::new("Open"))
                .on_hover_text("Open the film in the editor");
            if let (true, Some(id)) = (open.clicked(), picked) {
                commands.push(UiCommand::ShowCatalog.into());
                commands.push(Msg::Select(id));
            }
        });
        if picked.is_some() {
            let from = if self.from_watchlist {
                " --from watchlist"
            } else {
                ""
            };
            let query = if self.search.is_empty() {
                String::new()
            } else {
                format!(" -- '{}'", self.search.replace('\'', "'\\''"))
            };
            ui.add_space(4.0);
            ui.weak(format!(
                "The same pick on the command line: cinedex pick{from} --seed {}{query}",
                self.seed
            ));
        }
    }

    /// Starts the pick with the current seed, trying the next seeds while it gives `avoid`.
    fn start(&mut self, catalog: &Catalog, ctx: &egui::Context, avoid: Option<FilmId>) {
        let from = if self.from_watchlist {
            PickFrom::Watchlist
        } else {
            PickFrom::Catalog
        };
        let (search, seed) = (self.search.clone(), self.seed);
        let Some(path) = catalog.file() else {
            self.shown = Some(pick(catalog, &search, from, seed, avoid).map_err(|e| e.to_string()));
            return;
        };
        let path: PathBuf = path.to_path_buf();
        self.pending = Some(Job::spawn(ctx, "cinedex-pick", move || {
            open_and_pick(&path, &search, from, seed, avoid)
        }));
    }
}

/// The picked film: title, year, directors, runtime, and among how many it was chosen.
fn pick_ui(ui: &mut egui::Ui, pick: &Pick) {
    let film = &pick.film;
    ui.heading(film_label(&film.title, film.year));
    let mut facts = Vec::new();
    if !film.directors.is_empty() {
        facts.push(format!("directed by {}", film.directors.join(", ")));
    }
    if let Some(minutes) = film.runtime_min {
        facts.push(format!("{minutes} min"));
    }
    if !facts.is_empty() {
        ui.label(facts.join(" · "));
    }
    let among = match pick.candidates {
        1 => "The only film that fits.".to_owned(),
        n => format!("Chosen from {n} films."),
    };
    let weight = match pick.weight {
        1 => String::new(),
        w => format!(" Watchlist priority {w}: {w} times as likely as a film off the watchlist."),
    };
    ui.weak(format!("{among}{weight}"));
}

/// Opens the catalog at `path` on this thread and picks.
fn open_and_pick(
    path: &Path,
    search: &str,
    from: PickFrom,
    seed: u64,
    avoid: Option<FilmId>,
) -> Answer {
    pick(&Catalog::open(path)?, search, from, seed, avoid)
}

/// Picks with `seed`, or with the next seeds while the pick is `avoid` and others could come.
fn pick(
    catalog: &Catalog,
    search: &str,
    from: PickFrom,
    seed: u64,
    avoid: Option<FilmId>,
) -> Answer {
    let mut tried = catalog.pick(search, from, seed)?;
    for step in 1..ANOTHER_TRIES {
        match &tried {
            Some(p) if Some(p.film.id) == avoid && p.candidates > 1 => {
                tried = catalog.pick(search, from, seed.wrapping_add(step))?;
            }
            _ => break,
        }
    }
    Ok(tried)
}
