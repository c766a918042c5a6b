//! Undo and redo of saved views: a [`ViewChange`] holds what saving or deleting a view replaced,
//! and [`revert`] undoes it inside the caller's transaction, returning the change that redoes it.

use rusqlite::{params, OptionalExtension, Transaction};

use super::views::SavedView;
use super::{DbError, Result};

/// A change to the saved views, as what it takes to undo it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewChange {
    /// The view `name` was saved; `before` is the query it replaced (`None`: it was new).
    Saved {
        /// The view's name.
        name: String,
        /// Its query before, if it existed.
        before: Option<String>,
    },
    /// A view was deleted; this is it as it was.
    Deleted(SavedView),
}

impl ViewChange {
    /// What undoing it does, for the Edit menu: "Undo saved view".
    pub fn description(&self) -> &'static str {
        match self {
            Self::Saved { before: None, .. } => "saved view",
            Self::Saved { .. } => "view change",
            Self::Deleted(_) => "view deletion",
        }
    }
}

/// Undoes `change` inside `tx`; returns its inverse. A view that is gone (or back) already is
/// reported, and nothing is written.
pub(super) fn revert(tx: &Transaction, change: &ViewChange) -> Result<ViewChange> {
    Ok(match change {
        ViewChange::Saved { name, before } => {
            let now = stored(tx, name)?.ok_or(DbError::Gone)?;
            match before {
                Some(query) => {
                    tx.execute(
                        "UPDATE saved_views SET query = ?2 WHERE name = ?1",
                        params![now.name, query],
                    )?;
                    ViewChange::Saved {
                        name: now.name,
                        before: Some(now.query),
                    }
                }
                None => {
                    tx.execute("DELETE FROM saved_views WHERE name = ?1", [&now.name])?;
                    ViewChange::Deleted(now)
                }
            }
        }
        ViewChange::Deleted(view) => {
            if stored(tx, &view.name)?.is_some() {
                return Err(DbError::Gone);
            }
            tx.execute(
                "INSERT INTO saved_views (name, query) VALUES (?1, ?2)",
                params![view.name, view.query],
            )?;
            ViewChange::Saved {
                name: view.name.clone(),
                before: None,
            }
        }
    })
}

/// The view called `name` (ignoring case) inside `tx`, or `None`.
fn stored(tx: &Transaction, name: &str) -> Result<Option<SavedView>> {
    Ok(tx
        .prepare_cached("SELECT name, query FROM saved_views WHERE name = ?1")?
        .query_row([name], |r| {
            Ok(SavedView {
                name: r.get(0)?,
                query: r.get(1)?,
            })
        })
        .optional()?)
}
