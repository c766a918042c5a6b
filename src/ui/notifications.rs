//! The one notification area: what just happened (or went wrong) as a sentence, shown as a toast
//! for a few seconds and kept in the status bar, with Undo after a change that can be undone.

use eframe::egui;

use super::command::UiCommand;
use super::msg::Msg;

/// How long a toast stays up, in seconds.
const TOAST_SECONDS: f64 = 8.0;

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
    /// The toast offers Undo.
    undoable: bool,
    shown_at: Option<f64>,
}

/// The notification area: the last message.
#[derive(Default)]
pub struct Notifications {
    last: Option<Notice>,
}

impl Notifications {
    /// Reports that something was done.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(text.into(), Level::Info, false);
    }

    /// Reports a change that Undo can revert; the toast offers Undo.
    pub fn changed(&mut self, text: impl Into<String>) {
        self.push(text.into(), Level::Info, true);
    }

    /// Reports a failure, as the error's own sentence.
    pub fn error(&mut self, error: impl std::fmt::Display) {
        self.push(error.to_string(), Level::Error, false);
    }

    fn push(&mut self, text: String, level: Level, undoable: bool) {
        self.last = Some(Notice {
            text,
            level,
            undoable,
            shown_at: None,
        });
    }

    /// The last message and its level, for the status bar.
    pub fn last(&self) -> Option<(&str, Level)> {
        self.last.as_ref().map(|n| (n.text.as_str(), n.level))
    }

    /// Draws the toast for the last message (with Undo when it can) in the bottom right corner.
    pub fn toast_ui(&mut self, ctx: &egui::Context) -> Vec<Msg> {
        let mut commands = Vec::new();
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
                        if notice.undoable {
                            let undo = ui
                                .button("Undo")
                                .on_hover_text(UiCommand::Undo.hover_text(ui.ctx()));
                            if undo.clicked() {
                                commands.push(UiCommand::Undo.into());
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
