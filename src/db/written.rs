//! What every writing [`Catalog`](super::Catalog) call returns: its value and the [`Change`]
//! that undoes it. The change is built inside the write's own transaction, so what it puts back
//! ("before") is what that very transaction replaced, never a read made earlier.

use super::Change;

/// A write's result and the change that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Written<T> {
    /// What the write gives back: an id, the row as stored, an outcome.
    pub value: T,
    /// What undoes it; [`Change::nothing`] when the write changed nothing.
    pub undo: Change,
}

impl<T> Written<T> {
    /// A write that changed something, undone by `undo`.
    pub fn new(value: T, undo: Change) -> Self {
        Self { value, undo }
    }

    /// A call that wrote nothing (the row was gone, or already as asked).
    pub fn unchanged(value: T) -> Self {
        Self::new(value, Change::nothing())
    }

    /// The same write with its value turned into another.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Written<U> {
        Written::new(f(self.value), self.undo)
    }

    /// Whether the write changed the catalog.
    pub fn changed(&self) -> bool {
        !self.undo.is_nothing()
    }
}
