//! Dismiss (Escape outside a text field): closes the window opened last that is still open —
//! Keyboard shortcuts, About, Preferences, Look up…, Fill in missing data…, Pick for me or
//! Duplicates. It never touches the film editor, so no edit is lost; the modal dialogs read
//! Escape themselves (`modal.rs`).

use super::App;

/// A window over the views that Dismiss can close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Overlay {
    Shortcuts,
    About,
    Preferences,
    LookUp,
    FillMissing,
    Pick,
    Duplicates,
}

impl Overlay {
    const ALL: [Overlay; 7] = [
        Self::Shortcuts,
        Self::About,
        Self::Preferences,
        Self::LookUp,
        Self::FillMissing,
        Self::Pick,
        Self::Duplicates,
    ];
}

impl App {
    /// Notes that `overlay` was just opened (or brought back): it is now the topmost.
    pub(super) fn opened(&mut self, overlay: Overlay) {
        self.overlays.retain(|o| *o != overlay);
        self.overlays.push(overlay);
    }

    /// Closes the topmost open window: the one opened last, else any open one.
    pub(super) fn dismiss(&mut self) {
        let mut overlays = std::mem::take(&mut self.overlays);
        overlays.retain(|o| self.is_shown(*o));
        let top = overlays
            .pop()
            .or_else(|| Overlay::ALL.into_iter().find(|o| self.is_shown(*o)));
        self.overlays = overlays;
        if let Some(top) = top {
            self.close(top);
        }
    }

    fn is_shown(&self, overlay: Overlay) -> bool {
        match overlay {
            Overlay::Shortcuts => self.show_shortcuts,
            Overlay::About => self.show_about,
            Overlay::Preferences => self.preferences.is_open(),
            Overlay::LookUp => self.lookup.is_some(),
            Overlay::FillMissing => self.fill.as_ref().is_some_and(|f| f.is_open()),
            Overlay::Pick => self.query_tools.pick_open(),
            Overlay::Duplicates => self.query_tools.duplicates_open(),
        }
    }

    fn close(&mut self, overlay: Overlay) {
        match overlay {
            Overlay::Shortcuts => self.show_shortcuts = false,
            Overlay::About => self.show_about = false,
            Overlay::Preferences => self.preferences.close(),
            Overlay::LookUp => self.lookup = None,
            Overlay::FillMissing => {
                if let Some(fill) = &mut self.fill {
                    fill.close();
                }
            }
            Overlay::Pick => self.query_tools.close_pick(),
            Overlay::Duplicates => self.query_tools.close_duplicates(),
        }
    }
}
