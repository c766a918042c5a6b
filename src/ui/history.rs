//! The window's undo and redo stacks. Every change it makes to the catalog is recorded as a
//! [`Change`]; undo reverts the newest and keeps the inverse for redo. The editor's Revert is a
//! step of its own ([`Step::Reverted`]): undoing it brings the thrown-away edits back into the
//! editor, and the catalog is not touched.

use crate::db::Change;
use crate::ui::film_editor::Reverted;

/// How many steps Undo can go back.
const DEPTH: usize = 200;

/// One step of the history.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// A change to the catalog, as what reverts it.
    Catalog(Change),
    /// The editor's Revert threw these edits away; undoing it puts them back.
    Reverted(Box<Reverted>),
    /// Edits Revert had thrown away were put back; redoing it throws them away again.
    Restored,
}

impl Step {
    /// What undoing or redoing it does, for the Edit menu: "Undo film edit", "Undo revert".
    pub fn description(&self) -> &'static str {
        match self {
            Self::Catalog(change) => change.description(),
            Self::Reverted(_) | Self::Restored => "revert",
        }
    }
}

/// The undo and redo stacks.
#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a change just made; what was undone before can no longer be redone. A change
    /// that changed nothing is not recorded.
    pub fn record(&mut self, change: Change) {
        if !change.is_nothing() {
            self.push(Step::Catalog(change));
        }
    }

    /// Records that Revert threw `edits` away.
    pub fn record_revert(&mut self, edits: Reverted) {
        self.push(Step::Reverted(Box::new(edits)));
    }

    /// Records a new step; what was undone before can no longer be redone.
    fn push(&mut self, step: Step) {
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(step);
        self.redo.clear();
    }

    /// Forgets everything (after an import replaced what the changes name).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// What Undo would revert, if anything.
    pub fn next_undo(&self) -> Option<&Step> {
        self.undo.last()
    }

    /// What Redo would make again, if anything.
    pub fn next_redo(&self) -> Option<&Step> {
        self.redo.last()
    }

    /// Takes the newest step to undo (`undo` true) or redo; the caller makes it and hands its
    /// inverse to [`History::done`], or drops it when it can no longer be made.
    pub fn take(&mut self, undo: bool) -> Option<Step> {
        if undo {
            self.undo.pop()
        } else {
            self.redo.pop()
        }
    }

    /// Keeps `inverse`, the step that takes back an undo (`undo` true) or a redo just made.
    pub fn done(&mut self, undo: bool, inverse: Step) {
        if undo {
            self.redo.push(inverse);
        } else {
            self.undo.push(inverse);
        }
    }
}
