//! Work done off the UI thread (backups, the font check): a thread that sends one answer, which
//! the app polls each frame; the thread asks for a repaint when it is done.

use std::sync::mpsc;

use eframe::egui;

/// One answer on its way from a worker thread.
pub struct Job<T> {
    receiver: mpsc::Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread named `name`. If no thread can be started, the job ends
    /// without an answer, which [`Job::poll`] reports.
    pub fn spawn(
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        // On failure the closure, and with it the sender, is dropped: the job is disconnected.
        let _ = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // The app may have dropped the job (e.g. another catalog was opened): nobody
                // listens.
                let _ = sender.send(work());
                ctx.request_repaint();
            });
        Self { receiver }
    }

    /// The answer once it is there (`Err` if the thread ended without one); `None` while working.
    pub fn poll(&self) -> Option<Result<T, String>> {
        match self.receiver.try_recv() {
            Ok(answer) => Some(Ok(answer)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                Some(Err("A background task stopped unexpectedly.".to_owned()))
            }
        }
    }
}

/// What the status bar says when the system has no font for CJK text.
pub const NO_CJK_FONT: &str =
    "No font for Chinese, Japanese or Korean text was found; install fonts-noto-cjk.";

/// Whether fontconfig knows a font for Japanese, Chinese or Korean: `Some(false)` when it knows
/// none, `None` when it cannot be asked (no `fc-list`), so nothing is claimed.
pub fn cjk_font_installed() -> Option<bool> {
    let mut asked = false;
    for lang in ["ja", "zh-cn", "ko"] {
        let Ok(output) = std::process::Command::new("fc-list")
            .arg(format!(":lang={lang}"))
            .arg("family")
            .output()
        else {
            continue;
        };
        if !output.status.success() {
            continue;
        }
        asked = true;
        if output.stdout.iter().any(|b| !b.is_ascii_whitespace()) {
            return Some(true);
        }
    }
    asked.then_some(false)
}
