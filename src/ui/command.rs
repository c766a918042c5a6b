//! Every action a person invokes in the window, with its label, tooltip and keyboard shortcut.
//!
//! Menus, buttons, tooltips and the shortcut help are all drawn from [`UiCommand`] (rerun's
//! `UICommand`); what carries data (a film chosen, a diary entry to store) is a
//! [`Msg`](super::msg::Msg). Views return both as `Msg`s and [`super::app::App`] runs them in
//! one place.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};
use strum::{EnumIter, IntoEnumIterator};

use super::persisted::MainView;

/// What a person invokes from a menu, a button or a shortcut; no payload. Declared in menu order:
/// the shortcut help lists them so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter)]
pub enum UiCommand {
    /// Start editing a new, unsaved film.
    NewFilm,
    /// Open the review import dialog (empty).
    ImportReview,
    /// Open the File → Import… dialog (Letterboxd, IMDb, backup).
    ImportFiles,
    /// Open the Export… dialog, set to the watchlist.
    ExportWatchlist,
    /// Open the Export… dialog, set to the diary.
    ExportDiary,
    /// Write a backup of the catalog now.
    BackUpNow,
    /// Close the window.
    Quit,
    /// Store the film in the editor.
    Save,
    /// Throw away the editor's unsaved changes (you can undo).
    Revert,
    /// Close the topmost window or modal; never discards edits.
    Dismiss,
    /// Ask to delete the selected film.
    DeleteFilm,
    /// Delete the film the confirmation dialog names.
    ConfirmDelete,
    /// Search TMDb for the film in the editor and show the candidates.
    LookUp,
    /// Open Fill in missing data… (TMDb, for films without a runtime or a poster).
    FillMissing,
    /// Open the window listing likely duplicates.
    FindDuplicates,
    /// Revert the last change.
    Undo,
    /// Make the last undone change again.
    Redo,
    /// Open the Preferences window.
    ShowPreferences,
    /// Show the catalog table and the film editor.
    ShowCatalog,
    /// Show the diary.
    ShowDiary,
    /// Show the watchlist.
    ShowWatchlist,
    /// Show the stats.
    ShowStats,
    /// Show the lists.
    ShowLists,
    /// Move the keyboard focus to the search box.
    FocusSearch,
    /// Open the "Pick for me" window on what the catalog's search matches.
    PickForMe,
    /// Select the film above the selected one.
    SelectPrevious,
    /// Select the film below the selected one.
    SelectNext,
    /// Select the film before the selected one (left of it in the grid).
    SelectLeft,
    /// Select the film after the selected one (right of it in the grid).
    SelectRight,
    /// Empty the search box.
    ClearSearch,
    /// Show the list of keyboard shortcuts.
    ShowShortcuts,
    /// Show the About window (version, credits).
    ShowAbout,
    /// In the unsaved-changes dialog: save, then go on.
    SaveAndContinue,
    /// In the unsaved-changes dialog: drop the changes, then go on.
    DiscardAndContinue,
    /// Close the open dialog without doing anything.
    CloseDialog,
    /// Store the review the import dialog shows.
    SaveImport,
}

impl UiCommand {
    /// The command that shows `view`.
    pub fn show(view: MainView) -> Self {
        match view {
            MainView::Catalog => Self::ShowCatalog,
            MainView::Diary => Self::ShowDiary,
            MainView::Watchlist => Self::ShowWatchlist,
            MainView::Stats => Self::ShowStats,
            MainView::Lists => Self::ShowLists,
        }
    }

    /// The view this command shows, if it is one of the Show… commands.
    pub fn shown_view(self) -> Option<MainView> {
        MainView::ALL
            .into_iter()
            .find(|&view| Self::show(view) == self)
    }

    /// The text on the menu item or button.
    pub fn label(self) -> &'static str {
        match self {
            Self::NewFilm => "New film",
            Self::ImportReview => "Import review…",
            Self::ImportFiles => "Import from Letterboxd, IMDb or backup…",
            Self::ExportWatchlist => "Export watchlist…",
            Self::ExportDiary => "Export diary…",
            Self::BackUpNow => "Back up now",
            Self::Quit => "Quit",
            Self::Save => "Save",
            Self::Revert => "Revert",
            Self::Dismiss => "Close window",
            Self::DeleteFilm => "Delete film…",
            Self::ConfirmDelete => "Delete",
            Self::LookUp => "Look up…",
            Self::FillMissing => "Fill in missing data…",
            Self::FindDuplicates => "Find duplicates…",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ShowPreferences => "Preferences…",
            Self::FocusSearch => "Search",
            Self::PickForMe => "Pick for me…",
            Self::SelectPrevious => "Previous film",
            Self::SelectNext => "Next film",
            Self::SelectLeft => "Film to the left",
            Self::SelectRight => "Film to the right",
            Self::ClearSearch => "Clear search",
            Self::ShowShortcuts => "Keyboard shortcuts",
            Self::ShowAbout => "About Cinedex",
            Self::SaveAndContinue => "Save",
            Self::DiscardAndContinue => "Discard",
            Self::CloseDialog => "Cancel",
            Self::SaveImport => "Save review",
            Self::ShowCatalog => MainView::Catalog.label(),
            Self::ShowDiary => MainView::Diary.label(),
            Self::ShowWatchlist => MainView::Watchlist.label(),
            Self::ShowStats => MainView::Stats.label(),
            Self::ShowLists => MainView::Lists.label(),
        }
    }

    /// One sentence on what the command does.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::NewFilm => "Add a film to the catalog by hand",
            Self::ImportReview => {
                "Paste a review from a web page; Cinedex finds the film's facts in it"
            }
            Self::ImportFiles => "Bring in a Letterboxd export, an IMDb CSV or a Cinedex backup",
            Self::ExportWatchlist => {
                "Save the watchlist as CSV, Letterboxd CSV, JSON, Markdown, HTML or iCalendar"
            }
            Self::ExportDiary => "Save the diary as CSV, Letterboxd CSV or JSON",
            Self::BackUpNow => "Write a copy of the catalog to its backups folder now",
            Self::Quit => "Close Cinedex",
            Self::Save => "Store the changes to this film",
            Self::Revert => "Throw away the unsaved changes to this film",
            Self::Dismiss => "Close the topmost window; unsaved changes stay",
            Self::DeleteFilm => "Delete the selected film, its credits and reviews (you can undo)",
            Self::ConfirmDelete => "Delete the film now (you can undo)",
            Self::LookUp => {
                "Find this film on TMDb and fill in what it lacks; you choose the film (needs an API key)"
            }
            Self::FillMissing => {
                "Look up on TMDb the films without a runtime or a poster and fill in the sure matches"
            }
            Self::FindDuplicates => "List films that are likely stored twice, and merge them",
            Self::Undo => "Revert the last change to the catalog (edits, additions, deletions)",
            Self::Redo => "Make the last undone change again",
            Self::ShowPreferences => "Theme, date format, the catalog file and backups",
            Self::ShowCatalog => "Show the catalog table and the film editor",
            Self::ShowDiary => "Show the films you watched, by month",
            Self::ShowWatchlist => "Show the films you want to see",
            Self::ShowStats => "Show charts and top lists of what you watched",
            Self::ShowLists => "Show your lists of films and how much of each you saw",
            Self::FocusSearch => "Find films by title, people or review text",
            Self::PickForMe => "Choose a film at random from what the search matches",
            Self::SelectPrevious => "Select the film above",
            Self::SelectNext => "Select the film below",
            Self::SelectLeft => "Select the film before this one (left of it in the poster grid)",
            Self::SelectRight => "Select the film after this one (right of it in the poster grid)",
            Self::ClearSearch => "Show the whole catalog again",
            Self::ShowShortcuts => "List every keyboard shortcut",
            Self::ShowAbout => "Version, licence and credits",
            Self::SaveAndContinue => "Store your changes, then go on",
            Self::DiscardAndContinue => "Throw your changes away, then go on",
            Self::CloseDialog => "Close this dialog and change nothing",
            Self::SaveImport => "Store the film and the review in the catalog",
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Self::NewFilm => key(Modifiers::COMMAND, Key::N),
            Self::ImportReview => key(Modifiers::COMMAND, Key::I),
            Self::ImportFiles => key(Modifiers::COMMAND | Modifiers::SHIFT, Key::I),
            Self::ExportWatchlist => key(Modifiers::COMMAND, Key::E),
            Self::Quit => key(Modifiers::COMMAND, Key::Q),
            Self::Save => key(Modifiers::COMMAND, Key::S),
            Self::Dismiss => key(Modifiers::NONE, Key::Escape),
            Self::DeleteFilm => key(Modifiers::NONE, Key::Delete),
            Self::Undo => key(Modifiers::COMMAND, Key::Z),
            Self::Redo => key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
            Self::ShowPreferences => key(Modifiers::COMMAND, Key::Comma),
            Self::ShowCatalog => key(Modifiers::COMMAND, Key::Num1),
            Self::ShowDiary => key(Modifiers::COMMAND, Key::Num2),
            Self::ShowWatchlist => key(Modifiers::COMMAND, Key::Num3),
            Self::ShowStats => key(Modifiers::COMMAND, Key::Num4),
            Self::ShowLists => key(Modifiers::COMMAND, Key::Num5),
            Self::FocusSearch => key(Modifiers::COMMAND, Key::F),
            Self::SelectPrevious => key(Modifiers::NONE, Key::ArrowUp),
            Self::SelectNext => key(Modifiers::NONE, Key::ArrowDown),
            Self::SelectLeft => key(Modifiers::NONE, Key::ArrowLeft),
            Self::SelectRight => key(Modifiers::NONE, Key::ArrowRight),
            Self::ShowShortcuts => key(Modifiers::NONE, Key::F1),
            Self::ExportDiary
            | Self::BackUpNow
            | Self::Revert
            | Self::ConfirmDelete
            | Self::LookUp
            | Self::FillMissing
            | Self::FindDuplicates
            | Self::PickForMe
            | Self::ClearSearch
            | Self::ShowAbout
            | Self::SaveAndContinue
            | Self::DiscardAndContinue
            | Self::CloseDialog
            | Self::SaveImport => None,
        }
    }

    /// True when the shortcut may run while a text field has the keyboard focus: it has a
    /// modifier and does not clash with editing text (Ctrl+Z undoes typing there).
    pub fn works_while_typing(self) -> bool {
        self.shortcut().is_some_and(|s| {
            !s.conflicts_with_text_editing() && !matches!(self, Self::Undo | Self::Redo)
        })
    }

    /// Every command that has a shortcut, with it.
    pub fn with_shortcuts() -> impl Iterator<Item = (Self, KeyboardShortcut)> {
        Self::iter().filter_map(|command| Some((command, command.shortcut()?)))
    }

    /// The tooltip with the shortcut appended, e.g. `Store the changes to this film (Ctrl+S)`.
    pub fn hover_text(self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(shortcut) => format!("{} ({})", self.tooltip(), ctx.format_shortcut(&shortcut)),
            None => self.tooltip().to_owned(),
        }
    }

    /// A button for this command with its label and hover text.
    pub fn button(self, ui: &mut egui::Ui, enabled: bool) -> egui::Response {
        ui.add_enabled(enabled, egui::Button::new(self.label()))
            .on_hover_text(self.hover_text(ui.ctx()))
    }

    /// A menu item for this command with its shortcut on the right; true when clicked.
    pub fn menu_item(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        self.menu_item_named(ui, enabled, self.label().to_owned())
    }

    /// A menu item for this command under `label` (e.g. "Undo film edit").
    pub fn menu_item_named(self, ui: &mut egui::Ui, enabled: bool, label: String) -> bool {
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        ui.add_enabled(enabled, button)
            .on_hover_text(self.tooltip())
            .clicked()
    }
}

/// The window listing every command with its shortcut.
pub fn shortcuts_window_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .min_width(720.0)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    for (command, shortcut) in UiCommand::with_shortcuts() {
                        ui.strong(ctx.format_shortcut(&shortcut));
                        ui.label(command.label());
                        ui.weak(command.tooltip());
                        ui.end_row();
                    }
                    ui.strong(ctx.format_shortcut(&egui::KeyboardShortcut::new(
                        egui::Modifiers::COMMAND,
                        egui::Key::V,
                    )));
                    ui.label("Paste a review or a poster");
                    ui.weak(
                        "Outside a text field, opens Import review… with the pasted text, or makes \
                         a pasted image the open film's poster",
                    );
                    ui.end_row();
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, UiCommand)> = Vec::new();
        for (command, shortcut) in UiCommand::with_shortcuts() {
            if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                panic!("{command:?} and {other:?} share the shortcut {shortcut:?}");
            }
            seen.push((shortcut, command));
        }
        assert!(seen.len() >= 8);
    }

    #[test]
    fn every_command_has_a_label_and_tooltip() {
        for command in UiCommand::iter() {
            assert!(!command.label().is_empty(), "{command:?}");
            assert!(!command.tooltip().is_empty(), "{command:?}");
        }
    }

    #[test]
    fn each_view_has_its_show_command() {
        for view in MainView::ALL {
            assert_eq!(UiCommand::show(view).shown_view(), Some(view));
        }
        assert_eq!(UiCommand::Save.shown_view(), None);
    }
}
