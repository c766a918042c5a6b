//! Saved views: a query of the search language under a name, stored in the catalog so the window
//! and `films --view NAME` share them. A view is checked to parse before it is saved.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{Catalog, DbError, Result, ViewChange, Written};
use crate::model::{Query, ValidationError};

/// A named query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SavedView {
    /// Its name, unique ignoring case.
    pub name: String,
    /// The query, as typed.
    pub query: String,
}

impl Catalog {
    /// Saves `query` as the view `name`, replacing a view of that name; returns the query it
    /// replaced. A query that does not parse is refused.
    pub fn save_view(&mut self, name: &str, query: &str) -> Result<Written<Option<String>>> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DbError::Invalid(ValidationError::EmptyViewName));
        }
        crate::model::refuse_nul([name, query])?;
        Query::parse(query)?;
        self.write(|tx| {
            let before = view_query(tx, name)?;
            tx.execute(
                "INSERT INTO saved_views (name, query) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET query = excluded.query",
                params![name, query.trim()],
            )?;
            let undo = ViewChange::Saved {
                name: name.to_owned(),
                before: before.clone(),
            };
            Ok(Written::new(before, undo.into()))
        })
    }

    /// Every saved view, by name.
    pub fn views(&self) -> Result<Vec<SavedView>> {
        let mut select = self
            .conn
            .prepare_cached("SELECT name, query FROM saved_views ORDER BY name")?;
        let rows = select.query_map([], |r| {
            Ok(SavedView {
                name: r.get(0)?,
                query: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The view called `name` (ignoring case), or `None`.
    pub fn view(&self, name: &str) -> Result<Option<SavedView>> {
        view_named(&self.conn, name)
    }

    /// Deletes the view called `name`; returns it, or `None` (nothing written) when there is
    /// none.
    pub fn delete_view(&mut self, name: &str) -> Result<Written<Option<SavedView>>> {
        self.write(|tx| {
            let Some(view) = view_named(tx, name)? else {
                return Ok(Written::unchanged(None));
            };
            tx.execute("DELETE FROM saved_views WHERE name = ?1", [&view.name])?;
            let undo = ViewChange::Deleted(view.clone()).into();
            Ok(Written::new(Some(view), undo))
        })
    }
}

/// The view called `name` (ignoring case) inside `conn`, or `None`.
fn view_named(conn: &rusqlite::Connection, name: &str) -> Result<Option<SavedView>> {
    Ok(conn
        .prepare_cached("SELECT name, query FROM saved_views WHERE name = ?1")?
        .query_row([name.trim()], |r| {
            Ok(SavedView {
                name: r.get(0)?,
                query: r.get(1)?,
            })
        })
        .optional()?)
}

/// The query of the view `name` inside `conn`, or `None`.
fn view_query(conn: &rusqlite::Connection, name: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT query FROM saved_views WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?)
}
