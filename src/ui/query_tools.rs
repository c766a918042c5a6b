//! The windows of the query tools the app keeps open over the views: "Pick for me" and
//! "Duplicates", and the seed the next pick starts from.

use eframe::egui;

use super::ctx::AppCtx;
use super::duplicates_window::DuplicatesWindow;
use super::merge_preview::MergePreview;
use super::msg::Msg;
use super::pick_window::PickWindow;

/// The pick and duplicates windows.
pub struct QueryTools {
    pick: Option<PickWindow>,
    duplicates: Option<DuplicatesWindow>,
    /// The seed of the next "Pick for me" (moved on by each).
    next_seed: u64,
}

impl Default for QueryTools {
    fn default() -> Self {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() ^ u64::from(d.subsec_nanos()));
        Self {
            pick: None,
            duplicates: None,
            next_seed: now,
        }
    }
}

impl QueryTools {
    /// Makes the next pick start from `seed` (for a pick that can be repeated, and for tests).
    pub fn set_seed(&mut self, seed: u64) {
        self.next_seed = seed;
    }

    /// Opens "Pick for me" on what `search` matches.
    pub fn pick(&mut self, search: &str) {
        self.pick = Some(PickWindow::new(search, self.next_seed));
        self.next_seed = self.next_seed.wrapping_add(1);
    }

    /// Opens the duplicates window (or keeps it open).
    pub fn find_duplicates(&mut self) {
        self.duplicates
            .get_or_insert_with(DuplicatesWindow::default);
    }

    /// True while "Pick for me" is open.
    pub fn pick_open(&self) -> bool {
        self.pick.is_some()
    }

    /// True while the duplicates window is open.
    pub fn duplicates_open(&self) -> bool {
        self.duplicates.is_some()
    }

    /// Closes "Pick for me".
    pub fn close_pick(&mut self) {
        self.pick = None;
    }

    /// Closes the duplicates window.
    pub fn close_duplicates(&mut self) {
        self.duplicates = None;
    }

    /// Shows the merge `preview` in the duplicates window.
    pub fn show_preview(&mut self, preview: MergePreview, generation: u64) {
        self.duplicates
            .get_or_insert_with(DuplicatesWindow::default)
            .show_preview(preview, generation);
    }

    /// Draws the open windows; returns what they ask for.
    pub fn ui(&mut self, ctx: &egui::Context, app: &AppCtx<'_>) -> Vec<Msg> {
        let mut commands = Vec::new();
        if let Some(pick) = &mut self.pick {
            if !pick.ui(ctx, app, &mut commands) {
                self.pick = None;
            }
        }
        if let Some(duplicates) = &mut self.duplicates {
            if !duplicates.ui(ctx, app, &mut commands) {
                self.duplicates = None;
            }
        }
        commands
    }
}
