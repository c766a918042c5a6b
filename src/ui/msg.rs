//! [`Msg`]: what views, dialogs and workers hand the app to run, a person's [`UiCommand`] or a
//! message that carries data (a film chosen, an entry to store, a file dropped). Messages have no
//! labels: the widget that sends one words its own button.

use std::path::PathBuf;

use crate::dates::DateFormat;
use crate::db::{DiaryFilter, FilmChoice, SortColumn};
use crate::model::{DiaryEntry, DiaryEntryId, FilmId, ReviewId, WatchlistItem, WatchlistItemId};

use super::clipboard::Paste;
use super::command::UiCommand;
use super::export_dialog::ExportRequest;
use super::list_command::ListCommand;
use super::lookup_dialog::LookupAnswer;
use super::persisted::{ApiKey, BackupSettings, CatalogLayout, Theme};
use super::poster_input::PosterInput;
use super::query_command::QueryCommand;

/// What the app runs, once per frame, in [`super::app::App::run_command`].
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// A command a person invoked (menu, button, shortcut).
    Ui(UiCommand),
    /// Open the review import dialog on this text (pasted, with the HTML beside it, or dropped).
    ImportText(Paste),
    /// Open the File → Import… dialog on this file or folder (dropped or named at start).
    ImportFilesFrom(PathBuf),
    /// An import from files was stored; this sentence says what it did.
    FilesImported(String),
    /// Show this failure in the notification area.
    ReportError(String),
    /// Select this film and open it in the editor.
    Select(FilmId),
    /// Sort the table by this column (again: reverse the order).
    SortBy(SortColumn),
    /// Show the catalog searched for this text (a name clicked in the stats).
    SearchCatalog(String),
    /// Show the diary filtered so (a bar clicked in the stats).
    FilterDiary(DiaryFilter),
    /// Delete one review of the film in the editor (you can undo).
    DeleteReview(ReviewId),
    /// Store a diary entry: a new one (no id) for the chosen film, or changes to a stored one.
    SaveDiaryEntry {
        /// The film watched.
        film: FilmChoice,
        /// The viewing.
        entry: Box<DiaryEntry>,
    },
    /// Delete a diary entry (Undo puts it back).
    DeleteDiaryEntry(DiaryEntryId),
    /// Put a film at the end of the watchlist.
    AddToWatchlist {
        /// The film to see.
        film: FilmChoice,
        /// Its priority and note.
        item: Box<WatchlistItem>,
    },
    /// Move a watchlist item to a place.
    MoveWatchlistItem {
        /// The item moved.
        item: WatchlistItemId,
        /// Its new place, 0 first.
        place: u32,
    },
    /// Take a film off the watchlist (Undo puts it back).
    RemoveFromWatchlist(WatchlistItemId),
    /// Store a viewing of the item's film and take it off the watchlist.
    MarkWatched {
        /// The item watched.
        item: WatchlistItemId,
        /// The viewing to log.
        entry: Box<DiaryEntry>,
    },
    /// Write the file the Export… dialog names.
    RunExport(ExportRequest),
    /// Use this colour theme.
    SetTheme(Theme),
    /// Write dates this way everywhere in the window.
    SetDateFormat(DateFormat),
    /// Change the daily backup.
    SetBackups(BackupSettings),
    /// Use this TMDb API key (from Preferences).
    SetTmdbKey(ApiKey),
    /// Show the catalog as a table or as a grid of posters.
    SetCatalogLayout(CatalogLayout),
    /// Show the diary as posters by month (true) or as a list.
    ShowDiaryPosters(bool),
    /// Show this catalog file instead (the current one stays open if it cannot be opened).
    OpenCatalog(PathBuf),
    /// Make an image a film's poster (read off the UI thread; one undoable step).
    SetPosterFrom {
        /// The film.
        film: FilmId,
        /// The image: a file or pasted pixels.
        input: PosterInput,
    },
    /// Take the film's poster away (you can undo).
    RemovePoster(FilmId),
    /// Fill in the film's blanks, poster and ids from the TMDb candidate chosen.
    ApplyLookup(Box<LookupAnswer>),
    /// Something done to the lists (create, add a film, reorder, export…).
    List(ListCommand),
    /// Saved views, picks and merges (`query_command.rs`).
    Query(QueryCommand),
}

impl From<UiCommand> for Msg {
    fn from(command: UiCommand) -> Self {
        Self::Ui(command)
    }
}
