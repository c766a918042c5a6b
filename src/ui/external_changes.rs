//! Noticing what another program wrote to the catalog (the CLI, a second window): about once a
//! second the window asks its connection for SQLite's data version, which only another
//! connection's commit changes, and reads its views again when it moved.

use std::time::Duration;

use eframe::egui;

use crate::db::{Catalog, DbError};

/// How often the window asks.
const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// The data version last seen and when to ask next.
#[derive(Default)]
pub struct ExternalChanges {
    /// The version at the last poll; `None` before the first.
    seen: Option<i64>,
    /// When to poll next, in egui's time (seconds since the window started).
    next_poll_s: f64,
}

impl ExternalChanges {
    /// True when another connection committed since the last poll. Polls at most once per
    /// [`POLL_INTERVAL`] and asks egui for a frame by then, so an idle window still notices.
    pub fn poll(&mut self, catalog: &Catalog, ctx: &egui::Context) -> Result<bool, DbError> {
        ctx.request_repaint_after(POLL_INTERVAL);
        let now_s = ctx.input(|i| i.time);
        if now_s < self.next_poll_s {
            return Ok(false);
        }
        self.next_poll_s = now_s + POLL_INTERVAL.as_secs_f64();
        let version = catalog.data_version()?;
        let changed = self.seen.is_some_and(|seen| seen != version);
        self.seen = Some(version);
        Ok(changed)
    }
}
