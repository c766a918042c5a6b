//! The HTML a paste comes with. Browsers put `text/html` on the clipboard beside the plain text
//! they copy; egui hands the window only the text (`Event::Paste`), so on a paste the window asks
//! the system clipboard for its HTML as well, through arboard (X11; on Wayland the data-control
//! protocol where the compositor has it, else XWayland's clipboard). The read happens on the
//! paste's frame, as egui's own read of the text does. [`HtmlClipboard`] is the seam: the window
//! reads the [`SystemClipboard`]; a window test gives it the HTML a browser would have put there.

/// The largest HTML read beside a paste; a bigger one is ignored (the text still is pasted).
const MAX_HTML_BYTES: usize = 4 * 1024 * 1024;

/// Where the window reads the HTML a paste came with.
pub trait HtmlClipboard {
    /// The HTML the clipboard holds now, if it holds any.
    fn html(&mut self) -> Option<String>;
}

/// The system clipboard, opened on the first paste; a machine without one gives no HTML.
#[derive(Default)]
pub struct SystemClipboard {
    clipboard: Option<arboard::Clipboard>,
    opened: bool,
}

impl HtmlClipboard for SystemClipboard {
    fn html(&mut self) -> Option<String> {
        if !self.opened {
            self.opened = true;
            self.clipboard = arboard::Clipboard::new().ok();
        }
        let html = self.clipboard.as_mut()?.get().html().ok()?;
        (!html.trim().is_empty() && html.len() <= MAX_HTML_BYTES).then_some(html)
    }
}

/// What was pasted: the text, and the HTML the clipboard held beside it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paste {
    /// The plain text, shown and parsed.
    pub text: String,
    /// The clipboard's `text/html`, read for evidence only.
    pub html: Option<String>,
}

impl Paste {
    /// Text that came without HTML (a dropped file, a review named at start).
    pub fn text(text: String) -> Self {
        Self { text, html: None }
    }
}
