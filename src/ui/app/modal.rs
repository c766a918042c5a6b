//! The one modal slot: [`Modal`] holds the question or dialog shown over the window (nothing
//! else takes input while it is there), and [`App::modal_ui`] draws it and owns the close rule:
//! dismissed (Escape or a click outside) while nothing else was asked, it closes.

use eframe::egui;

use crate::model::FilmId;
use crate::ui::command::UiCommand;
use crate::ui::export_dialog::ExportDialog;
use crate::ui::import_dialog::ImportDialog;
use crate::ui::import_files::ImportFilesDialog;
use crate::ui::msg::Msg;
use crate::ui::widgets::ModalOut;

use super::App;

/// The modal question or dialog shown over the window.
pub(super) enum Modal {
    /// "Delete this film?"
    ConfirmDelete {
        id: FilmId,
        title: String,
        reviews: usize,
    },
    /// "Save your changes first?", then run `then`; the dialog it covered comes back after.
    Unsaved {
        then: Box<Msg>,
        behind: Option<Box<Modal>>,
    },
    /// Import review….
    Import(Box<ImportDialog>),
    /// File → Import….
    ImportFiles(Box<ImportFilesDialog>),
    /// Export….
    Export(Box<ExportDialog>),
}

impl Modal {
    /// Dismissed: true when it may close (an import from files that runs is cancelled instead).
    fn dismiss(&self) -> bool {
        match self {
            Self::ImportFiles(dialog) => dialog.dismiss(),
            Self::ConfirmDelete { .. }
            | Self::Unsaved { .. }
            | Self::Import(_)
            | Self::Export(_) => true,
        }
    }
}

impl App {
    /// Asks "Save your changes first?" before running `then`, over whatever modal is shown.
    pub(super) fn ask_unsaved(&mut self, then: Msg) {
        let behind = match self.modal.take() {
            // Asked again: the newer question replaces the older, over the same dialog.
            Some(Modal::Unsaved { behind, .. }) => behind,
            other => other.map(Box::new),
        };
        self.modal = Some(Modal::Unsaved {
            then: Box::new(then),
            behind,
        });
    }

    /// The unsaved-changes question answered: what to run next, and the dialog it covered back.
    pub(super) fn take_unsaved(&mut self) -> Option<Msg> {
        let Some(Modal::Unsaved { then, behind }) = self.modal.take() else {
            return None;
        };
        self.modal = behind.map(|b| *b);
        Some(*then)
    }

    /// Closes the modal (Cancel, Close, or dismissed); the question's covered dialog comes back.
    pub(super) fn close_modal(&mut self) {
        self.modal = match self.modal.take() {
            Some(Modal::Unsaved { behind, .. }) => behind.map(|b| *b),
            _ => None,
        };
    }

    /// Draws the modal, if any; returns what it asked for, Cancel when it was dismissed.
    pub(super) fn modal_ui(&mut self, ctx: &egui::Context) -> Vec<Msg> {
        let editor_title = self.editor.title();
        let Some(modal) = &mut self.modal else {
            return Vec::new();
        };
        let out = match modal {
            Modal::Import(dialog) => dialog.ui(ctx, &self.catalog, self.clipboard.as_mut()),
            Modal::ImportFiles(dialog) => dialog.ui(ctx),
            Modal::Export(dialog) => dialog.ui(ctx),
            Modal::ConfirmDelete { .. } | Modal::Unsaved { .. } => {
                question_ui(ctx, modal, &editor_title)
            }
        };
        let closes = out.closes() && modal.dismiss();
        let mut msgs = out.msgs;
        if closes {
            msgs.push(UiCommand::CloseDialog.into());
        }
        msgs
    }
}

/// The delete and unsaved-changes questions.
fn question_ui(ctx: &egui::Context, modal: &Modal, editor_title: &str) -> ModalOut {
    let mut msgs = Vec::new();
    let response = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        let buttons: &[UiCommand] = match modal {
            Modal::ConfirmDelete { title, reviews, .. } => {
                let what = match reviews {
                    0 => "Its credits go with it.".to_owned(),
                    1 => "Its credits and its review go with it.".to_owned(),
                    n => format!("Its credits and its {n} reviews go with it."),
                };
                ui.heading(format!("Delete {title}?"));
                ui.label(format!("{what} You can undo this right after."));
                &[UiCommand::ConfirmDelete, UiCommand::CloseDialog]
            }
            _ => {
                ui.heading(format!("Save the changes to {editor_title}?"));
                ui.label("Your changes will be lost if you don't save them.");
                &[
                    UiCommand::SaveAndContinue,
                    UiCommand::DiscardAndContinue,
                    UiCommand::CloseDialog,
                ]
            }
        };
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for command in buttons {
                if command.button(ui, true).clicked() {
                    msgs.push((*command).into());
                }
            }
        });
    });
    ModalOut::new(&response, msgs)
}
