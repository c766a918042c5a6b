//! The one notification area: what just happened (or went wrong) as a sentence, shown as a toast
//! for a few seconds and kept in the status bar, with Undo after a delete.

use eframe::egui;

use crate::db::DeletedFilm;
use crate::model::{DiaryEntry, FilmId, Review, WatchlistItem};

use super::command::Command;

/// How long a toast stays up, in seconds.
const TOAST_SECONDS: f64 = 8.0;

/// What Undo puts back.
#[derive(Clone, Debug)]
pub enum Undoable {
    /// A deleted film with its credits and reviews.
    Film(Box<DeletedFilm>),
    /// A deleted review of a stored film.
    Review(FilmId, Box<Review>),
    /// A deleted diary entry, with its id and tags.
    DiaryEntry(Box<DiaryEntry>),
    /// An item taken off the watchlist, with its place.
    WatchlistItem(Box<WatchlistItem>),
}

/// Whether a notification reports success or a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something was done.
    Info,
    /// Something could not be done.
    Error,
}

/// One message.
#[derive(Clone, Debug)]
struct Notice {
    text: String,
    level: Level,
    shown_at: Option<f64>,
}

/// The notification area: the last message, and what Undo would restore.
#[derive(Default)]
pub struct Notifications {
    last: Option<Notice>,
    undo: Option<Undoable>,
}

impl Notifications {
    /// Reports that something was done.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(text.into(), Level::Info);
    }

    /// Reports a failure, as the error's own sentence.
    pub fn error(&mut self, error: impl std::fmt::Display) {
        self.push(error.to_string(), Level::Error);
    }

    fn push(&mut self, text: String, level: Level) {
        self.last = Some(Notice {
            text,
            level,
            shown_at: None,
        });
    }

    /// Reports a deletion that Undo can put back.
    pub fn deleted(&mut self, text: impl Into<String>, undo: Undoable) {
        self.info(text);
        self.undo = Some(undo);
    }

    /// Takes what Undo would restore, if anything.
    pub fn take_undo(&mut self) -> Option<Undoable> {
        self.undo.take()
    }

    /// Whether Undo has something to restore.
    pub fn can_undo(&self) -> bool {
        self.undo.is_some()
    }

    /// The last message and its level, for the status bar.
    pub fn last(&self) -> Option<(&str, Level)> {
        self.last.as_ref().map(|n| (n.text.as_str(), n.level))
    }

    /// Draws the toast for the last message (with Undo when it can) in the bottom right corner.
    pub fn toast_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let can_undo = self.undo.is_some();
        let Some(notice) = &mut self.last else {
            return commands;
        };
        let now = ctx.input(|i| i.time);
        let shown_at = *notice.shown_at.get_or_insert(now);
        let remaining = TOAST_SECONDS - (now - shown_at);
        if remaining <= 0.0 {
            return commands;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(remaining));
        egui::Area::new(egui::Id::unique("toast"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -36.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(420.0);
                    ui.horizontal(|ui| {
                        let text = egui::RichText::new(&notice.text);
                        let text = match notice.level {
                            Level::Info => text,
                            Level::Error => text.color(ui.visuals().error_fg_color),
                        };
                        ui.add(egui::Label::new(text).wrap());
                        if can_undo && notice.level == Level::Info {
                            let undo = ui
                                .button("Undo")
                                .on_hover_text(Command::Undo.hover_text(ui.ctx()));
                            if undo.clicked() {
                                commands.push(Command::Undo);
                            }
                        }
                        if ui.small_button("✖").on_hover_text("Dismiss").clicked() {
                            notice.shown_at = Some(f64::NEG_INFINITY);
                        }
                    });
                });
            });
        commands
    }
}
