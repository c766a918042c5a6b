//! File → Import…: a Letterboxd export, an IMDb CSV or a Cinedex backup, read and stored on a
//! worker thread with a progress bar. Preview runs the whole import and rolls it back; Cancel
//! (or closing the dialog) stops it and rolls it back. The work is the library's
//! `import_job::ImportJob`, as on the command line, so restoring a backup over the catalog first
//! backs the catalog up (see `db::backups`) here too.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use eframe::egui;

use crate::db::{ImportMode, ImportProgress, ImportSummary};
use crate::import_job::ImportJob;
use crate::interop::ImportKind;

use super::command::UiCommand;
use super::jobs::Job;
use super::msg::Msg;
use super::widgets::ModalOut;

/// What a finished run did (or, for a preview, would do).
struct Finished {
    summary: ImportSummary,
    notes: Vec<String>,
    preview: bool,
    /// Where the catalog as it was before a restore was saved.
    saved_copy: Option<PathBuf>,
}

/// An import running on its worker thread. Dropping it (the window closing) cancels the import.
struct Running {
    preview: bool,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    answer: Job<Result<Finished, String>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Where the dialog is.
enum Stage {
    /// Choosing the file; the last failure, if any.
    Choosing { error: Option<String> },
    /// Reading or storing.
    Running(Running),
    /// The summary of a finished preview or import.
    Finished(Finished),
}

/// The open Import… dialog.
pub struct ImportFilesDialog {
    catalog: PathBuf,
    path: String,
    /// The path the kind was last told for.
    detected_for: String,
    kind: Option<ImportKind>,
    mode: ImportMode,
    stage: Stage,
    /// The path field takes the keyboard focus when the dialog opens.
    focus_path: bool,
}

impl ImportFilesDialog {
    /// The dialog for importing into the catalog at `catalog`, with `file` filled in if given.
    pub fn new(catalog: &Path, file: Option<&Path>) -> Self {
        Self {
            catalog: catalog.to_path_buf(),
            path: file.map(|f| f.display().to_string()).unwrap_or_default(),
            detected_for: String::new(),
            kind: None,
            mode: ImportMode::Merge,
            stage: Stage::Choosing { error: None },
            focus_path: true,
        }
    }

    /// Draws the dialog; asks for [`Msg::FilesImported`] once an import is stored, and
    /// [`UiCommand::CloseDialog`] when closed.
    pub fn ui(&mut self, ctx: &egui::Context) -> ModalOut {
        let mut commands = Vec::new();
        self.poll(&mut commands);
        let response = egui::Modal::new(egui::Id::unique("import files dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Import");
            ui.add_space(6.0);
            let running = matches!(self.stage, Stage::Running(_));
            ui.add_enabled_ui(!running, |ui| self.choice_ui(ui));
            ui.add_space(8.0);
            match &self.stage {
                Stage::Choosing { error } => {
                    if let Some(error) = error {
                        ui.colored_label(ui.visuals().error_fg_color, error.as_str());
                        ui.add_space(6.0);
                    }
                    self.start_buttons_ui(ui, ctx, &mut commands);
                }
                Stage::Running(job) => {
                    if running_ui(ui, job) {
                        job.cancel.store(true, Ordering::Relaxed);
                    }
                }
                Stage::Finished(finished) => {
                    finished_ui(ui, finished);
                    ui.add_space(8.0);
                    if finished.preview {
                        self.start_buttons_ui(ui, ctx, &mut commands);
                    } else if ui.button("Close").clicked() {
                        commands.push(UiCommand::CloseDialog.into());
                    }
                }
            }
        });
        ModalOut::new(&response, commands)
    }

    /// Dismissed: while an import runs this cancels it (the worker's answer then says how it
    /// ended) and the dialog stays; true when it may close.
    pub fn dismiss(&self) -> bool {
        match &self.stage {
            Stage::Running(job) => {
                job.cancel.store(true, Ordering::Relaxed);
                false
            }
            Stage::Choosing { .. } | Stage::Finished(_) => true,
        }
    }

    /// The file, its kind and, for a backup, merge or replace.
    fn choice_ui(&mut self, ui: &mut egui::Ui) {
        egui::Grid::new("import files fields")
            .num_columns(2)
            .spacing([8.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label("File or folder");
                ui.horizontal(|ui| {
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.path)
                                .hint_text("a Letterboxd ZIP or folder, an IMDb CSV, a backup")
                                .desired_width(300.0),
                        )
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus_path) {
                        field.request_focus();
                    }
                    if ui
                        .button("Browse…")
                        .on_hover_text("Choose a ZIP, CSV or backup file with the system's dialog")
                        .clicked()
                    {
                        if let Some(file) = browse_file() {
                            self.path = file.display().to_string();
                        }
                    }
                    if ui
                        .button("Folder…")
                        .on_hover_text("Choose an unpacked Letterboxd export folder")
                        .clicked()
                    {
                        if let Some(folder) = rfd::FileDialog::new().pick_folder() {
                            self.path = folder.display().to_string();
                        }
                    }
                });
                ui.end_row();
                if self.detected_for != self.path {
                    self.detected_for.clone_from(&self.path);
                    self.kind = ImportKind::detect(Path::new(self.path.trim()));
                    if !matches!(self.stage, Stage::Running(_)) {
                        self.stage = Stage::Choosing { error: None };
                    }
                }

                let label = ui.label("Kind");
                egui::ComboBox::from_id_salt("import kind")
                    .width(300.0)
                    .selected_text(self.kind.map_or("Choose a file first", ImportKind::label))
                    .show_ui(ui, |ui| {
                        for kind in ImportKind::ALL {
                            ui.selectable_value(&mut self.kind, Some(kind), kind.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();

                if self.kind == Some(ImportKind::Backup) {
                    ui.label("Restore");
                    ui.vertical(|ui| {
                        ui.radio_value(
                            &mut self.mode,
                            ImportMode::Merge,
                            "Add what the catalog lacks (merge)",
                        );
                        ui.radio_value(
                            &mut self.mode,
                            ImportMode::Replace,
                            "Replace the catalog with the backup",
                        );
                        if self.mode == ImportMode::Replace {
                            ui.weak(
                                "Everything now in the catalog is removed; it is first backed up \
                                 into the backups folder beside the catalog.",
                            );
                        }
                    });
                    ui.end_row();
                }
            });
    }

    /// Preview, Import and Cancel.
    fn start_buttons_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &egui::Context,
        commands: &mut Vec<Msg>,
    ) {
        ui.horizontal(|ui| {
            let ready = !self.path.trim().is_empty() && self.kind.is_some();
            let preview = ui
                .add_enabled(ready, egui::Button::new("Preview"))
                .on_hover_text("Show what the import would add, and change nothing");
            let import = ui
                .add_enabled(ready, egui::Button::new("Import"))
                .on_hover_text("Store everything the file holds in the catalog");
            if UiCommand::CloseDialog.button(ui, true).clicked() {
                commands.push(UiCommand::CloseDialog.into());
            }
            if preview.clicked() {
                self.start(ctx, true);
            } else if import.clicked() {
                self.start(ctx, false);
            }
        });
    }

    /// Starts the worker; a preview rolls back what it did.
    fn start(&mut self, ctx: &egui::Context, preview: bool) {
        let Some(kind) = self.kind else {
            return;
        };
        let mode = match kind {
            ImportKind::Backup => self.mode,
            ImportKind::Letterboxd | ImportKind::Imdb => ImportMode::Merge,
        };
        let (cancel, done, total) = (Arc::default(), Arc::default(), Arc::default());
        let run = Run {
            catalog: self.catalog.clone(),
            file: PathBuf::from(self.path.trim()),
            kind,
            mode,
            preview,
            cancel: Arc::clone(&cancel),
            done: Arc::clone(&done),
            total: Arc::clone(&total),
            ctx: ctx.clone(),
        };
        self.stage = Stage::Running(Running {
            preview,
            cancel,
            done,
            total,
            answer: Job::spawn(ctx, "import", move || run.run()),
        });
    }

    /// Takes the worker's answer when it has come.
    fn poll(&mut self, commands: &mut Vec<Msg>) {
        let Stage::Running(job) = &self.stage else {
            return;
        };
        let answer = match job.answer.poll() {
            None => return,
            Some(Ok(answer)) => answer,
            Some(Err(_)) => Err("The import stopped unexpectedly; nothing was changed.".to_owned()),
        };
        self.stage = match answer {
            Ok(finished) => {
                if !finished.preview {
                    commands.push(Msg::FilesImported(finished_sentence(&finished)));
                }
                Stage::Finished(finished)
            }
            Err(error) => Stage::Choosing { error: Some(error) },
        };
    }
}

/// The progress bar and the Cancel button; true when Cancel was clicked.
fn running_ui(ui: &mut egui::Ui, job: &Running) -> bool {
    let done = job.done.load(Ordering::Relaxed);
    let total = job.total.load(Ordering::Relaxed);
    let cancelling = job.cancel.load(Ordering::Relaxed);
    let (fraction, text) = if cancelling {
        (
            0.0,
            "Cancelling: putting the catalog back as it was…".to_owned(),
        )
    } else if total == 0 {
        (0.0, "Reading the files…".to_owned())
    } else {
        let progress = ImportProgress { done, total };
        let verb = if job.preview { "Checking" } else { "Storing" };
        (progress.fraction(), format!("{verb} {done} of {total}…"))
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .text(text)
            .animate(total == 0),
    );
    ui.add_space(8.0);
    ui.add_enabled(!cancelling, egui::Button::new("Cancel import"))
        .on_hover_text("Stop the import; the catalog is left as it was")
        .clicked()
}

/// What a finished preview or import says.
fn finished_ui(ui: &mut egui::Ui, finished: &Finished) {
    ui.label(egui::RichText::new(finished_sentence(finished)).strong());
    for note in &finished.notes {
        ui.label(note.as_str());
    }
}

/// "Imported: 3 new films, …" or "The import would add: …".
fn finished_sentence(finished: &Finished) -> String {
    let brief = finished.summary.brief();
    let mut sentence = if finished.summary.is_unchanged() {
        format!("Nothing new: the catalog already holds all of it ({brief}).")
    } else if finished.preview {
        format!("The import would bring {brief}. Nothing is changed until you click Import.")
    } else {
        format!("Imported {brief}.")
    };
    if let Some(copy) = &finished.saved_copy {
        sentence.push_str(&format!(
            " The catalog as it was is backed up as {}.",
            copy.display()
        ));
    }
    sentence
}

/// The system's open dialog for an import file; `None` when cancelled or when there is none.
fn browse_file() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Import")
        .add_filter(
            "Letterboxd, IMDb or Cinedex backup",
            &["zip", "csv", "json"],
        )
        .add_filter("Any file", &["*"])
        .pick_file()
}

/// One import, as the worker thread runs it.
struct Run {
    catalog: PathBuf,
    file: PathBuf,
    kind: ImportKind,
    mode: ImportMode,
    preview: bool,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    ctx: egui::Context,
}

impl Run {
    /// Runs the library's [`ImportJob`] (read, back up before a replace, store or roll back),
    /// on its own connection.
    fn run(self) -> Result<Finished, String> {
        let job = ImportJob {
            kind: self.kind,
            path: self.file.clone(),
            mode: self.mode,
            preview: self.preview,
        };
        // Repaint once per percent, not once per row.
        let mut percent = usize::MAX;
        let report = job
            .run(&self.catalog, |progress| {
                self.total.store(progress.total, Ordering::Relaxed);
                self.done.store(progress.done, Ordering::Relaxed);
                let now = progress.done * 100 / progress.total.max(1);
                if now != percent {
                    percent = now;
                    self.ctx.request_repaint();
                }
                if self.cancel.load(Ordering::Relaxed) {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(Finished {
            summary: report.summary,
            notes: report.notes,
            preview: report.preview,
            saved_copy: report.saved_copy,
        })
    }
}
