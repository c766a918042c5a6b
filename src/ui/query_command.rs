//! The actions on saved views, picks and duplicates that carry data, as one part of
//! [`super::msg::Msg`] (`Msg::Query`): their labels and tooltips live here, beside each other.
//! Opening "Pick for me" and "Find duplicates" are [`super::command::UiCommand`]s.

use crate::model::FilmId;

/// An action on saved views, picks or duplicates.
#[derive(Clone, Debug, PartialEq)]
pub enum QueryCommand {
    /// Store `query` as the view `name` (replacing a view of that name).
    SaveView {
        /// The view's name.
        name: String,
        /// The search text it runs.
        query: String,
    },
    /// Delete the saved view of this name (you can undo).
    DeleteView(String),
    /// Open the diary's form to log a viewing of this film.
    LogViewing(FilmId),
    /// Show what merging `other` into `keep` would do.
    PreviewMerge {
        /// The film kept.
        keep: FilmId,
        /// The film merged into it and deleted.
        other: FilmId,
    },
    /// Merge `other` into `keep` (one undo step).
    Merge {
        /// The film kept.
        keep: FilmId,
        /// The film merged into it and deleted.
        other: FilmId,
    },
}

impl QueryCommand {
    /// The text on the menu item or button.
    pub fn label(&self) -> String {
        match self {
            Self::SaveView { .. } => "Save view".into(),
            Self::DeleteView(name) => format!("Delete view {name}"),
            Self::LogViewing(_) => "Log a viewing…".into(),
            Self::PreviewMerge { .. } => "Preview merge".into(),
            Self::Merge { .. } => "Merge".into(),
        }
    }

    /// One sentence on what the command does.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Self::SaveView { .. } => "Store the current search under this name, in the catalog",
            Self::DeleteView(_) => "Delete this saved view (you can undo)",
            Self::LogViewing(_) => "Log a viewing of this film in the diary",
            Self::PreviewMerge { .. } => "Show what merging these two films would do",
            Self::Merge { .. } => "Merge the two films into one (you can undo both at once)",
        }
    }

    /// Whether the command replaces or deletes the film in the editor (so unsaved edits must
    /// be saved or dropped first).
    pub fn leaves_editor(&self) -> bool {
        matches!(self, Self::Merge { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_command_has_a_label_and_tooltip() {
        let id = FilmId(1);
        for command in [
            QueryCommand::SaveView {
                name: "Short".into(),
                query: "runtime:<90".into(),
            },
            QueryCommand::DeleteView("Short".into()),
            QueryCommand::LogViewing(id),
            QueryCommand::PreviewMerge {
                keep: id,
                other: id,
            },
            QueryCommand::Merge {
                keep: id,
                other: id,
            },
        ] {
            assert!(!command.label().is_empty());
            assert!(!command.tooltip().is_empty());
        }
    }
}
