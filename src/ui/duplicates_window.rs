//! "Find duplicates…": a window listing the pairs of films that are likely one film, each with
//! its reason (`Catalog::duplicates`, read on a [`Job`] with its own connection: on a large
//! catalog it takes long). Choosing a pair shows the merge preview (what moves, which empty
//! fields are filled); "Merge" merges them as one undo step.

use std::path::Path;

use eframe::egui;

use crate::db::{Catalog, DbError, Duplicate};
use crate::model::FilmId;
use crate::ui::widgets::Generation;

use super::command::UiCommand;
use super::ctx::AppCtx;
use super::jobs::Job;
use super::merge_preview::MergePreview;
use super::msg::Msg;
use super::query_command::QueryCommand;
use super::widgets::rating::film_label;

/// The duplicates window.
#[derive(Default)]
pub struct DuplicatesWindow {
    /// The pairs, as last read, or why they could not be.
    pairs: Option<Result<Vec<Duplicate>, String>>,
    /// The catalog generation `pairs` was (or is being) read at.
    read_at: Generation,
    /// The pairs being read.
    pending: Option<Job<Result<Vec<Duplicate>, DbError>>>,
    /// The preview of the chosen pair, and the generation it was read at.
    preview: Option<(MergePreview, u64)>,
}

impl DuplicatesWindow {
    /// Shows `preview` (read by the app, which may write the merge it previews and roll it back).
    pub fn show_preview(&mut self, preview: MergePreview, generation: u64) {
        self.preview = Some((preview, generation));
    }

    /// Draws the window; false once it is closed.
    pub fn ui(&mut self, ctx: &egui::Context, app: &AppCtx<'_>, commands: &mut Vec<Msg>) -> bool {
        if self.read_at.moved(app.generation) {
            self.start(app.catalog, ctx);
        }
        if let Some(answer) = self.pending.as_ref().and_then(Job::poll) {
            self.pending = None;
            self.pairs = Some(answer.and_then(|read| read.map_err(|e| e.to_string())));
        }
        // A preview read before a change may no longer be what a merge would do.
        if self
            .preview
            .as_ref()
            .is_some_and(|(_, at)| *at != app.generation)
        {
            self.preview = None;
        }
        let mut open = true;
        egui::Window::new("Duplicates")
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .default_height(420.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                let Self {
                    pairs,
                    preview,
                    pending,
                    ..
                } = self;
                if pending.is_some() {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Looking for duplicates…");
                    });
                }
                match pairs {
                    None => {}
                    Some(Err(error)) => {
                        ui.colored_label(ui.visuals().error_fg_color, error.as_str());
                    }
                    Some(Ok(pairs)) if pairs.is_empty() => {
                        ui.label("No likely duplicates: no two films share an id, or a title with no year or director to tell them apart.");
                    }
                    Some(Ok(pairs)) => {
                        ui.label(match pairs.len() {
                            1 => "1 pair of films looks like one film.".to_owned(),
                            n => format!("{n} pairs of films look like one film each."),
                        });
                        let chosen = preview.as_ref().map(|(p, _)| (p.keep, p.other));
                        egui::ScrollArea::vertical()
                            .max_height(220.0)
                            .auto_shrink([false, true])
                            .show(ui, |ui| {
                                for pair in pairs.iter() {
                                    pair_ui(ui, pair, chosen, commands);
                                }
                            });
                    }
                }
                if let Some((preview, _)) = preview {
                    ui.separator();
                    preview_ui(ui, preview, commands);
                }
            });
        open
    }

    /// Reads the pairs on a job (on this thread for an in-memory catalog); a newer read
    /// replaces an older one, whose answer is then dropped with it.
    fn start(&mut self, catalog: &Catalog, ctx: &egui::Context) {
        let Some(path) = catalog.file() else {
            self.pending = None;
            self.pairs = Some(catalog.duplicates().map_err(|e| e.to_string()));
            return;
        };
        let path = path.to_path_buf();
        self.pending = Some(Job::spawn(ctx, "cinedex-duplicates", move || {
            read_pairs(&path)
        }));
    }
}

/// Opens the catalog at `path` on this thread and reads its likely duplicates.
fn read_pairs(path: &Path) -> Result<Vec<Duplicate>, DbError> {
    Catalog::open(path)?.duplicates()
}

/// One pair: both films and the reason; click to preview merging the second into the first.
fn pair_ui(
    ui: &mut egui::Ui,
    pair: &Duplicate,
    chosen: Option<(FilmId, FilmId)>,
    commands: &mut Vec<Msg>,
) {
    let (keep, other) = (&pair.keep, &pair.other);
    let ids = (keep.id, other.id);
    let selected = chosen.is_some_and(|c| c == ids || c == (ids.1, ids.0));
    let text = format!(
        "{} (#{})  ·  {} (#{})",
        film_label(&keep.title, keep.year),
        keep.id.0,
        film_label(&other.title, other.year),
        other.id.0
    );
    ui.vertical(|ui| {
        let row = ui
            .selectable_label(selected, text)
            .on_hover_text("Show what merging these two films would do");
        ui.weak(&pair.reason);
        if row.clicked() {
            commands.push(Msg::Query(QueryCommand::PreviewMerge {
                keep: keep.id,
                other: other.id,
            }));
        }
    });
    ui.add_space(4.0);
}

/// The preview of the chosen merge, with Merge and "Keep the other".
fn preview_ui(ui: &mut egui::Ui, preview: &MergePreview, commands: &mut Vec<Msg>) {
    ui.strong(format!(
        "Keep {} (#{}); merge {} (#{}) into it and delete it.",
        preview.keep_label, preview.keep.0, preview.other_label, preview.other.0
    ));
    ui.label(if preview.moves.is_empty() {
        "Nothing hangs on the other film: no viewing, review, list or watchlist place moves."
            .to_owned()
    } else {
        format!("Moves to the film kept: {}.", preview.moves.join(", "))
    });
    if preview.filled.is_empty() {
        ui.label("No empty field of the film kept is filled.");
    } else {
        ui.label("Empty fields filled from the other film:");
        for line in &preview.filled {
            ui.label(format!("  • {line}"));
        }
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let merge = QueryCommand::Merge {
            keep: preview.keep,
            other: preview.other,
        };
        if ui
            .button(merge.label())
            .on_hover_text(merge.tooltip())
            .clicked()
        {
            commands.push(Msg::Query(merge));
        }
        if ui
            .button("Keep the other instead")
            .on_hover_text("Merge the first film into the second instead")
            .clicked()
        {
            commands.push(Msg::Query(QueryCommand::PreviewMerge {
                keep: preview.other,
                other: preview.keep,
            }));
        }
        let undo = UiCommand::Undo
            .shortcut()
            .map(|s| format!(" ({})", ui.ctx().format_shortcut(&s)))
            .unwrap_or_default();
        ui.weak(format!("Undo{undo} puts both films back."));
    });
}
