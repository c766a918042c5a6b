//! Input read in one place: the window's close button, shortcuts (Shift and Alt combinations
//! first, none that edits text while a text field has the focus), pastes and dropped files.

use eframe::egui;

use crate::ui::clipboard::Paste;
use crate::ui::command::UiCommand;
use crate::ui::drop::{dropped_file_command, pasted_image_command};
use crate::ui::msg::Msg;
use crate::ui::poster_input::PosterInput;

use super::App;

impl App {
    /// Shortcuts, pastes, dropped files and the window's close button, read in one place.
    pub(super) fn input_commands(&mut self, ctx: &egui::Context) -> Vec<Msg> {
        let mut commands = Vec::new();
        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_confirmed
            && self.editor.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.ask_unsaved(UiCommand::Quit.into());
        }
        if self.modal.is_some() {
            // A modal dialog handles its own keys (Escape closes it).
            return commands;
        }
        let typing = ctx.text_edit_focused();
        let mut candidates: Vec<(UiCommand, egui::KeyboardShortcut)> = UiCommand::with_shortcuts()
            .filter(|(c, _)| !typing || c.works_while_typing())
            .collect();
        // Shift and Alt combinations first, so Ctrl+Shift+S is never read as Ctrl+S.
        candidates.sort_by_key(|(_, s)| !(s.modifiers.shift || s.modifiers.alt));
        ctx.input_mut(|input| {
            for (command, shortcut) in candidates {
                if input.consume_shortcut(&shortcut) {
                    commands.push(command.into());
                }
            }
        });
        let poster_for = self.editor.film_id();
        let (mut pasted, dropped) = ctx.input(|i| {
            let pasted = i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) if !typing && !text.trim().is_empty() => {
                    Some(Msg::ImportText(Paste {
                        text: text.clone(),
                        html: None,
                    }))
                }
                egui::Event::PasteImage(image) if !typing => Some(pasted_image_command(
                    poster_for,
                    PosterInput::Pasted(image.clone()),
                )),
                _ => None,
            });
            (pasted, i.raw.dropped_files.clone())
        });
        if let Some(Msg::ImportText(paste)) = &mut pasted {
            paste.html = self.clipboard.html();
        }
        commands.extend(pasted);
        commands.extend(dropped.iter().map(|f| dropped_file_command(f, poster_for)));
        commands
    }
}
