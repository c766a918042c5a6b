//! Every action a person can take in the window, with its label, tooltip and keyboard shortcut.
//!
//! Menus, buttons, tooltips and the shortcut help are all drawn from [`Command`]; views return
//! commands and [`super::app::App`] runs them in one place.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use std::path::PathBuf;

use crate::dates::DateFormat;
use crate::db::{DiaryFilter, FilmChoice, SortColumn};
use crate::model::{DiaryEntry, DiaryEntryId, FilmId, ReviewId, WatchlistItem, WatchlistItemId};

use super::clipboard::Paste;
use super::export_dialog::ExportRequest;
use super::list_command::ListCommand;
use super::lookup_dialog::LookupAnswer;
use super::persisted::{ApiKey, BackupSettings, CatalogLayout, MainView, Theme};
use super::poster_input::PosterInput;
use super::query_command::QueryCommand;

/// A user action. Views return these; the app runs them once per frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start editing a new, unsaved film.
    NewFilm,
    /// Open the review import dialog (empty).
    ImportReview,
    /// Open the review import dialog on this text (pasted, with the HTML beside it, or dropped).
    ImportText(Paste),
    /// Open the File → Import… dialog (Letterboxd, IMDb, backup).
    ImportFiles,
    /// Open the File → Import… dialog on this file or folder (dropped or named at start).
    ImportFilesFrom(PathBuf),
    /// An import from files was stored; this sentence says what it did.
    FilesImported(String),
    /// Close the window.
    Quit,
    /// Store the film in the editor.
    Save,
    /// Throw away the editor's unsaved changes.
    Revert,
    /// Close the topmost window (Keyboard shortcuts, Preferences); never discards edits.
    Dismiss,
    /// Ask to delete the selected film.
    DeleteFilm,
    /// Delete the film the confirmation dialog names.
    ConfirmDelete,
    /// Revert the last change.
    Undo,
    /// Make the last undone change again.
    Redo,
    /// Move the keyboard focus to the search box.
    FocusSearch,
    /// Select the film above the selected one.
    SelectPrevious,
    /// Select the film below the selected one.
    SelectNext,
    /// Select this film and open it in the editor.
    Select(FilmId),
    /// Sort the table by this column (again: reverse the order).
    SortBy(SortColumn),
    /// Empty the search box.
    ClearSearch,
    /// Delete one review of the film in the editor.
    DeleteReview(ReviewId),
    /// Use this colour theme.
    SetTheme(Theme),
    /// Show the list of keyboard shortcuts.
    ShowShortcuts,
    /// In the unsaved-changes dialog: save, then go on.
    SaveAndContinue,
    /// In the unsaved-changes dialog: drop the changes, then go on.
    DiscardAndContinue,
    /// Close the open dialog without doing anything.
    CloseDialog,
    /// Store the review the import dialog shows.
    SaveImport,
    /// Show this failure in the notification area.
    ReportError(String),
    /// Show the catalog, the diary, the watchlist or the stats.
    ShowView(MainView),
    /// Show the catalog searched for this text (a name clicked in the stats).
    SearchCatalog(String),
    /// Show the diary filtered so (a bar clicked in the stats).
    ShowDiary(DiaryFilter),
    /// Store a diary entry: a new one (no id) for the chosen film, or changes to a stored one.
    SaveDiaryEntry(Box<(FilmChoice, DiaryEntry)>),
    /// Delete a diary entry (Undo puts it back).
    DeleteDiaryEntry(DiaryEntryId),
    /// Put a film at the end of the watchlist.
    AddToWatchlist(Box<(FilmChoice, WatchlistItem)>),
    /// Move a watchlist item to this place (0 first).
    MoveWatchlistItem(WatchlistItemId, u32),
    /// Take a film off the watchlist (Undo puts it back).
    RemoveFromWatchlist(WatchlistItemId),
    /// Store this viewing of the item's film and take it off the watchlist.
    MarkWatched(WatchlistItemId, Box<DiaryEntry>),
    /// Open the Export… dialog, set to the watchlist.
    ExportWatchlist,
    /// Open the Export… dialog, set to the diary.
    ExportDiary,
    /// Write the file the Export… dialog names.
    RunExport(ExportRequest),
    /// Open the Preferences window.
    ShowPreferences,
    /// Write dates this way everywhere in the window.
    SetDateFormat(DateFormat),
    /// Change the daily backup.
    SetBackups(BackupSettings),
    /// Write a backup of the catalog now.
    BackUpNow,
    /// Show this catalog file instead (the current one stays open if it cannot be opened).
    OpenCatalog(PathBuf),
    /// Something done to the lists (create, add a film, reorder, export…).
    List(ListCommand),
    /// Make this image the film's poster (read off the UI thread; one undoable step).
    SetPosterFrom(FilmId, PosterInput),
    /// Take the film's poster away (you can undo).
    RemovePoster(FilmId),
    /// Search TMDb for the film in the editor and show the candidates.
    LookUp,
    /// Fill in the film's blanks, poster and ids from the candidate chosen.
    ApplyLookup(Box<LookupAnswer>),
    /// Open Fill in missing data… (TMDb, for films without a runtime or a poster).
    FillMissing,
    /// Use this TMDb API key (from Preferences).
    SetTmdbKey(ApiKey),
    /// Show the About window (version, credits).
    ShowAbout,
    /// Show the catalog as a table or as a grid of posters.
    SetCatalogLayout(CatalogLayout),
    /// Show the diary as posters by month (true) or as a list.
    ShowDiaryPosters(bool),
    /// Select the film before the selected one (left of it in the grid).
    SelectLeft,
    /// Select the film after the selected one (right of it in the grid).
    SelectRight,
    /// Saved views, "Pick for me" and duplicates (`query_command.rs`).
    Query(QueryCommand),
}

impl Command {
    /// The commands that take no argument, in menu order: the shortcut help lists these.
    pub const SIMPLE: [Command; 36] = [
        Command::NewFilm,
        Command::ImportReview,
        Command::ImportFiles,
        Command::Quit,
        Command::Save,
        Command::Revert,
        Command::Dismiss,
        Command::DeleteFilm,
        Command::ConfirmDelete,
        Command::Undo,
        Command::Redo,
        Command::FocusSearch,
        Command::SelectPrevious,
        Command::SelectNext,
        Command::SelectLeft,
        Command::SelectRight,
        Command::ClearSearch,
        Command::ShowShortcuts,
        Command::SaveAndContinue,
        Command::DiscardAndContinue,
        Command::CloseDialog,
        Command::SaveImport,
        Command::SetTheme(Theme::Light),
        Command::SetTheme(Theme::Dark),
        Command::SetTheme(Theme::System),
        Command::ShowView(MainView::Catalog),
        Command::ShowView(MainView::Diary),
        Command::ShowView(MainView::Watchlist),
        Command::ShowView(MainView::Stats),
        Command::ShowView(MainView::Lists),
        Command::ExportWatchlist,
        Command::BackUpNow,
        Command::ShowPreferences,
        Command::LookUp,
        Command::FillMissing,
        Command::ShowAbout,
    ];

    /// The text on the menu item or button.
    pub fn label(&self) -> String {
        match self {
            Self::NewFilm => "New film".into(),
            Self::ImportReview | Self::ImportText(_) => "Import review…".into(),
            Self::ImportFiles => "Import from Letterboxd, IMDb or backup…".into(),
            Self::FilesImported(_) => "Imported".into(),
            Self::ImportFilesFrom(_) => "Import…".into(),
            Self::Quit => "Quit".into(),
            Self::Save => "Save".into(),
            Self::Revert => "Revert".into(),
            Self::Dismiss => "Close window".into(),
            Self::DeleteFilm => "Delete film…".into(),
            Self::ConfirmDelete => "Delete".into(),
            Self::Undo => "Undo".into(),
            Self::Redo => "Redo".into(),
            Self::FocusSearch => "Search".into(),
            Self::SelectPrevious => "Previous film".into(),
            Self::SelectNext => "Next film".into(),
            Self::Select(id) => format!("Film #{}", id.0),
            Self::SortBy(column) => sort_label(*column).into(),
            Self::ClearSearch => "Clear search".into(),
            Self::DeleteReview(_) => "Delete review".into(),
            Self::SetTheme(theme) => theme.label().into(),
            Self::ShowShortcuts => "Keyboard shortcuts".into(),
            Self::SaveAndContinue => "Save".into(),
            Self::DiscardAndContinue => "Discard".into(),
            Self::CloseDialog => "Cancel".into(),
            Self::SaveImport => "Save review".into(),
            Self::ReportError(_) => "Error".into(),
            Self::ShowView(view) => view.label().into(),
            Self::SearchCatalog(text) => format!("Search for {text}"),
            Self::ShowDiary(_) => "Show in the diary".into(),
            Self::SaveDiaryEntry(_) => "Save entry".into(),
            Self::DeleteDiaryEntry(_) => "Delete entry".into(),
            Self::AddToWatchlist(_) => "Add to watchlist".into(),
            Self::MoveWatchlistItem(..) => "Move".into(),
            Self::RemoveFromWatchlist(_) => "Remove".into(),
            Self::MarkWatched(..) => "Watched it".into(),
            Self::ExportWatchlist => "Export watchlist…".into(),
            Self::ExportDiary => "Export diary…".into(),
            Self::RunExport(_) => "Export".into(),
            Self::ShowPreferences => "Preferences…".into(),
            Self::SetDateFormat(_) => "Date format".into(),
            Self::SetBackups(_) => "Backups".into(),
            Self::BackUpNow => "Back up now".into(),
            Self::OpenCatalog(_) => "Open".into(),
            Self::List(command) => command.label(),
            Self::SetPosterFrom(..) => "Use image".into(),
            Self::RemovePoster(_) => "Remove poster".into(),
            Self::LookUp => "Look up…".into(),
            Self::ApplyLookup(_) => "Fill in from this film".into(),
            Self::FillMissing => "Fill in missing data…".into(),
            Self::SetTmdbKey(_) => "TMDb API key".into(),
            Self::ShowAbout => "About Cinedex".into(),
            Self::SetCatalogLayout(layout) => layout.label().into(),
            Self::ShowDiaryPosters(_) => "Year in posters".into(),
            Self::SelectLeft => "Film to the left".into(),
            Self::SelectRight => "Film to the right".into(),
            Self::Query(command) => command.label(),
        }
    }

    /// One sentence on what the command does.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Self::NewFilm => "Add a film to the catalog by hand",
            Self::ImportReview | Self::ImportText(_) => {
                "Paste a review from a web page; Cinedex finds the film's facts in it"
            }
            Self::ImportFiles => "Bring in a Letterboxd export, an IMDb CSV or a Cinedex backup",
            Self::FilesImported(_) => "An import was stored",
            Self::ImportFilesFrom(_) => "Import this export or backup",
            Self::Quit => "Close Cinedex",
            Self::Save => "Store the changes to this film",
            Self::Revert => "Throw away the unsaved changes to this film",
            Self::Dismiss => "Close the topmost window; unsaved changes stay",
            Self::DeleteFilm => "Delete the selected film, its credits and reviews (you can undo)",
            Self::ConfirmDelete => "Delete the film now (you can undo)",
            Self::Undo => "Revert the last change to the catalog (edits, additions, deletions)",
            Self::Redo => "Make the last undone change again",
            Self::FocusSearch => "Find films by title, people or review text",
            Self::SelectPrevious => "Select the film above",
            Self::SelectNext => "Select the film below",
            Self::Select(_) => "Open this film in the editor",
            Self::SortBy(_) => "Sort by this column; click again to reverse",
            Self::ClearSearch => "Show the whole catalog again",
            Self::DeleteReview(_) => "Delete this review (you can undo)",
            Self::SetTheme(_) => "Change the colours of the window",
            Self::ShowShortcuts => "List every keyboard shortcut",
            Self::SaveAndContinue => "Store your changes, then go on",
            Self::DiscardAndContinue => "Throw your changes away, then go on",
            Self::CloseDialog => "Close this dialog and change nothing",
            Self::SaveImport => "Store the film and the review in the catalog",
            Self::ReportError(_) => "Something could not be done",
            Self::ShowView(MainView::Catalog) => "Show the catalog table and the film editor",
            Self::ShowView(MainView::Diary) => "Show the films you watched, by month",
            Self::ShowView(MainView::Watchlist) => "Show the films you want to see",
            Self::ShowView(MainView::Stats) => "Show charts and top lists of what you watched",
            Self::ShowView(MainView::Lists) => {
                "Show your lists of films and how much of each you saw"
            }
            Self::SearchCatalog(_) => "Show the catalog's films that mention this name",
            Self::ShowDiary(_) => "Show the viewings this bar counts in the diary",
            Self::SaveDiaryEntry(_) => "Store this viewing in the diary",
            Self::DeleteDiaryEntry(_) => "Delete this diary entry (you can undo)",
            Self::AddToWatchlist(_) => "Put this film at the end of the watchlist",
            Self::MoveWatchlistItem(..) => "Move this film in the watchlist",
            Self::RemoveFromWatchlist(_) => "Take this film off the watchlist (you can undo)",
            Self::MarkWatched(..) => "Log the film in the diary and take it off the watchlist",
            Self::ExportWatchlist => {
                "Save the watchlist as CSV, Letterboxd CSV, JSON, Markdown, HTML or iCalendar"
            }
            Self::ExportDiary => "Save the diary as CSV, Letterboxd CSV or JSON",
            Self::RunExport(_) => "Write the file",
            Self::ShowPreferences => "Theme, date format, the catalog file and backups",
            Self::SetDateFormat(_) => "Write dates this way everywhere in the window",
            Self::SetBackups(_) => "Change the automatic daily backup",
            Self::BackUpNow => "Write a copy of the catalog to its backups folder now",
            Self::OpenCatalog(_) => "Show this catalog file instead of the current one",
            Self::List(command) => command.tooltip(),
            Self::SetPosterFrom(..) => "Make this image the film's poster (you can undo)",
            Self::RemovePoster(_) => "Take the film's poster away (you can undo)",
            Self::LookUp => {
                "Find this film on TMDb and fill in what it lacks; you choose the film (needs an API key)"
            }
            Self::ApplyLookup(_) => {
                "Fill in the empty fields, the poster and the ids from this film (you can undo)"
            }
            Self::FillMissing => {
                "Look up on TMDb the films without a runtime or a poster and fill in the sure matches"
            }
            Self::SetTmdbKey(_) => "Your own key from themoviedb.org; without one nothing is sent",
            Self::ShowAbout => "Version, licence and credits",
            Self::SetCatalogLayout(CatalogLayout::Table) => "Show the catalog as a table",
            Self::SetCatalogLayout(CatalogLayout::Grid) => "Show the catalog as a grid of posters",
            Self::ShowDiaryPosters(_) => "Show the viewings as posters, by month",
            Self::SelectLeft => "Select the film before this one (left of it in the poster grid)",
            Self::SelectRight => "Select the film after this one (right of it in the poster grid)",
            Self::Query(command) => command.tooltip(),
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Self::NewFilm => key(Modifiers::COMMAND, Key::N),
            Self::ImportReview => key(Modifiers::COMMAND, Key::I),
            Self::ImportFiles => key(Modifiers::COMMAND | Modifiers::SHIFT, Key::I),
            Self::Quit => key(Modifiers::COMMAND, Key::Q),
            Self::Save => key(Modifiers::COMMAND, Key::S),
            Self::Dismiss => key(Modifiers::NONE, Key::Escape),
            Self::DeleteFilm => key(Modifiers::NONE, Key::Delete),
            Self::Undo => key(Modifiers::COMMAND, Key::Z),
            Self::Redo => key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
            Self::FocusSearch => key(Modifiers::COMMAND, Key::F),
            Self::SelectPrevious => key(Modifiers::NONE, Key::ArrowUp),
            Self::SelectNext => key(Modifiers::NONE, Key::ArrowDown),
            Self::SelectLeft => key(Modifiers::NONE, Key::ArrowLeft),
            Self::SelectRight => key(Modifiers::NONE, Key::ArrowRight),
            Self::ShowShortcuts => key(Modifiers::NONE, Key::F1),
            Self::ShowView(MainView::Catalog) => key(Modifiers::COMMAND, Key::Num1),
            Self::ShowView(MainView::Diary) => key(Modifiers::COMMAND, Key::Num2),
            Self::ShowView(MainView::Watchlist) => key(Modifiers::COMMAND, Key::Num3),
            Self::ShowView(MainView::Stats) => key(Modifiers::COMMAND, Key::Num4),
            Self::ShowView(MainView::Lists) => key(Modifiers::COMMAND, Key::Num5),
            Self::ExportWatchlist => key(Modifiers::COMMAND, Key::E),
            Self::ShowPreferences => key(Modifiers::COMMAND, Key::Comma),
            Self::ImportText(_)
            | Self::Revert
            | Self::FilesImported(_)
            | Self::ImportFilesFrom(_)
            | Self::ConfirmDelete
            | Self::Select(_)
            | Self::SortBy(_)
            | Self::ClearSearch
            | Self::DeleteReview(_)
            | Self::SetTheme(_)
            | Self::SaveAndContinue
            | Self::DiscardAndContinue
            | Self::CloseDialog
            | Self::SaveImport
            | Self::ReportError(_)
            | Self::SearchCatalog(_)
            | Self::ShowDiary(_)
            | Self::SaveDiaryEntry(_)
            | Self::DeleteDiaryEntry(_)
            | Self::AddToWatchlist(_)
            | Self::MoveWatchlistItem(..)
            | Self::RemoveFromWatchlist(_)
            | Self::MarkWatched(..)
            | Self::ExportDiary
            | Self::RunExport(_)
            | Self::SetDateFormat(_)
            | Self::SetBackups(_)
            | Self::BackUpNow
            | Self::OpenCatalog(_)
            | Self::List(_)
            | Self::SetPosterFrom(..)
            | Self::RemovePoster(_)
            | Self::LookUp
            | Self::ApplyLookup(_)
            | Self::FillMissing
            | Self::SetTmdbKey(_)
            | Self::ShowAbout
            | Self::SetCatalogLayout(_)
            | Self::ShowDiaryPosters(_)
            | Self::Query(_) => None,
        }
    }

    /// True when the shortcut may run while a text field has the keyboard focus: it has a
    /// modifier and does not clash with editing text (Ctrl+Z undoes typing there).
    pub fn works_while_typing(&self) -> bool {
        self.shortcut().is_some_and(|s| {
            !s.conflicts_with_text_editing() && !matches!(self, Self::Undo | Self::Redo)
        })
    }

    /// The tooltip with the shortcut appended, e.g. `Store the changes to this film (Ctrl+S)`.
    pub fn hover_text(&self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(shortcut) => format!("{} ({})", self.tooltip(), ctx.format_shortcut(&shortcut)),
            None => self.tooltip().to_owned(),
        }
    }

    /// A button for this command with its label and hover text.
    pub fn button(&self, ui: &mut egui::Ui, enabled: bool) -> egui::Response {
        ui.add_enabled(enabled, egui::Button::new(self.label()))
            .on_hover_text(self.hover_text(ui.ctx()))
    }

    /// A menu item for this command with its shortcut on the right; true when clicked.
    pub fn menu_item(&self, ui: &mut egui::Ui, enabled: bool) -> bool {
        self.menu_item_named(ui, enabled, self.label())
    }

    /// A menu item for this command under `label` (e.g. "Undo film edit").
    pub fn menu_item_named(&self, ui: &mut egui::Ui, enabled: bool, label: String) -> bool {
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        ui.add_enabled(enabled, button)
            .on_hover_text(self.tooltip())
            .clicked()
    }
}

/// The name of a sortable column, as its table header shows it.
pub fn sort_label(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Relevance => "Best match",
        SortColumn::Title => "Title",
        SortColumn::Year => "Year",
        SortColumn::Directors => "Directors",
        SortColumn::Runtime => "Runtime",
        SortColumn::Rating => "Rating",
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
                    for command in &Command::SIMPLE {
                        let Some(shortcut) = command.shortcut() else {
                            continue;
                        };
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
        let mut seen: Vec<(KeyboardShortcut, &Command)> = Vec::new();
        for command in &Command::SIMPLE {
            let Some(shortcut) = command.shortcut() else {
                continue;
            };
            if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                panic!("{command:?} and {other:?} share the shortcut {shortcut:?}");
            }
            seen.push((shortcut, command));
        }
        assert!(seen.len() >= 8);
    }

    #[test]
    fn every_command_has_a_label_and_tooltip() {
        for command in &Command::SIMPLE {
            assert!(!command.label().is_empty());
            assert!(!command.tooltip().is_empty());
        }
    }
}
