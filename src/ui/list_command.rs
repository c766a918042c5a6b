//! What a person can do to their lists, as one [`Msg::List`](super::msg::Msg::List)
//! each: the Lists view, the catalog's "Add to list" menu and the editor's button return these,
//! and the app runs them (`app/lists.rs`), each write one undo step.

use crate::model::{FilmId, List, ListId};

/// An action on the lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListCommand {
    /// Create an empty list with this name and show it.
    Create(String),
    /// Store a list's new name, description or ranking.
    Edit(List),
    /// Delete a list with its entries (the films stay; Undo puts it back).
    Delete(ListId),
    /// Put a film at the end of a list.
    Add(ListId, FilmId),
    /// Take a film off a list (Undo puts it back in its place).
    Remove(ListId, FilmId),
    /// Move a film to this place on a list (0 first).
    Move(ListId, FilmId, u32),
    /// Change a film's note on a list.
    Note(ListId, FilmId, String),
    /// Show this list in the Lists view.
    Show(ListId),
    /// Open the Export… dialog, set to this list.
    Export(ListId),
}

impl ListCommand {
    /// The text on its button or menu item.
    pub fn label(&self) -> String {
        match self {
            Self::Create(_) => "Create list",
            Self::Edit(_) => "Save list",
            Self::Delete(_) => "Delete list",
            Self::Add(..) => "Add to list",
            Self::Remove(..) => "Remove",
            Self::Move(..) => "Move",
            Self::Note(..) => "Note",
            Self::Show(_) => "Show list",
            Self::Export(_) => "Export list…",
        }
        .to_owned()
    }

    /// One sentence on what it does.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Self::Create(_) => "Make a new, empty list with this name",
            Self::Edit(_) => "Store the list's name, description and ranking",
            Self::Delete(_) => "Delete this list; its films stay in the catalog (you can undo)",
            Self::Add(..) => "Put this film at the end of the list",
            Self::Remove(..) => "Take this film off the list (you can undo)",
            Self::Move(..) => "Move this film on the list",
            Self::Note(..) => "Say why this film is on the list",
            Self::Show(_) => "Show this list in the Lists view",
            Self::Export(_) => "Save this list as Letterboxd CSV, CSV, Markdown or HTML",
        }
    }
}
