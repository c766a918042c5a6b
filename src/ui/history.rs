//! The window's undo and redo stacks: every change it makes to the catalog is recorded as a
//! [`Change`]; undo reverts the newest and keeps the inverse for redo.

use crate::db::{Catalog, Change, DbError};

/// How many changes Undo can go back.
const DEPTH: usize = 200;

/// The undo and redo stacks.
#[derive(Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records a change just made; what was undone before can no longer be redone. A change
    /// that changed nothing is not recorded.
    pub fn record(&mut self, change: Change) {
        if change.is_nothing() {
            return;
        }
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(change);
        self.redo.clear();
    }

    /// Forgets everything (after an import replaced what the changes name).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// What Undo would revert, if anything.
    pub fn next_undo(&self) -> Option<&Change> {
        self.undo.last()
    }

    /// What Redo would make again, if anything.
    pub fn next_redo(&self) -> Option<&Change> {
        self.redo.last()
    }

    /// Reverts the newest change; returns what was done (the change Redo would revert), or
    /// `None` when there is nothing to undo. A change that can no longer be reverted is dropped.
    pub fn undo(&mut self, catalog: &mut Catalog) -> Option<Result<Change, DbError>> {
        step(&mut self.undo, &mut self.redo, catalog)
    }

    /// Makes the newest undone change again; as [`History::undo`].
    pub fn redo(&mut self, catalog: &mut Catalog) -> Option<Result<Change, DbError>> {
        step(&mut self.redo, &mut self.undo, catalog)
    }
}

/// Reverts the top of `from` and pushes its inverse onto `to`.
fn step(
    from: &mut Vec<Change>,
    to: &mut Vec<Change>,
    catalog: &mut Catalog,
) -> Option<Result<Change, DbError>> {
    let change = from.pop()?;
    Some(
        catalog
            .revert(&change)
            .inspect(|inverse| to.push(inverse.clone())),
    )
}
