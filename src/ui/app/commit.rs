//! [`App::commit`]: the one way a write the window made is recorded.

use crate::db::{DbError, Written};

use super::App;

impl App {
    /// Records what a repository write did: its undo goes into the history (a write that changed
    /// nothing leaves none), the sentence `say` words from it is shown (as a change, or as
    /// information when nothing changed; an empty sentence shows nothing), and the catalog
    /// generation moves on so every view reads again. A failed write shows its error, and the
    /// views read again too (what they show may be what another write replaced). Returns the
    /// write's value, or `None` when it failed.
    pub(super) fn commit<T>(
        &mut self,
        written: Result<Written<T>, DbError>,
        say: impl FnOnce(&Written<T>) -> String,
    ) -> Option<T> {
        self.catalog_changed();
        let written = match written {
            Ok(written) => written,
            Err(error) => {
                self.notifications.error(error);
                return None;
            }
        };
        let sentence = say(&written);
        if written.changed() {
            self.history.record(written.undo);
            if !sentence.is_empty() {
                self.notifications.changed(sentence);
            }
        } else if !sentence.is_empty() {
            self.notifications.info(sentence);
        }
        Some(written.value)
    }
}

/// `sentence` when the write changed something, else nothing to say.
pub(super) fn said<T>(written: &Written<T>, sentence: &str) -> String {
    if written.changed() {
        sentence.to_owned()
    } else {
        String::new()
    }
}
