//! Noticing what another program wrote to the catalog (the CLI, a second window) without waking
//! the window: a watcher thread asks a read-only connection for SQLite's data version about once
//! a second and, only when it moved, asks egui for a frame. That frame then asks the window's own
//! connection, whose data version only another connection's commit changes, so the window's own
//! writes (which the watcher also sees) are not taken for another program's.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use eframe::egui;

use crate::db::{Catalog, ChangeProbe, DbError};

/// How often the watcher asks.
const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// The data version last seen, and the watcher that says when to look again.
#[derive(Default)]
pub struct ExternalChanges {
    /// The window connection's version at the last look; `None` before the first.
    seen: Option<i64>,
    /// The running watcher; `None` before the first poll and for an in-memory catalog.
    watcher: Option<Watcher>,
}

/// A watcher thread; dropping it ends the thread within [`POLL_INTERVAL`].
struct Watcher {
    /// One `Ok` each time the file's version moved; an `Err` when the watch had to end.
    news: mpsc::Receiver<Result<(), DbError>>,
    /// Dropped to stop the thread.
    _stop: mpsc::Sender<()>,
}

impl ExternalChanges {
    /// True when another connection committed since the last look. Starts the watcher on the
    /// first call; afterwards reads the window's connection only when the watcher saw a change.
    pub fn poll(&mut self, catalog: &Catalog, ctx: &egui::Context) -> Result<bool, DbError> {
        if self.seen.is_none() {
            self.seen = Some(catalog.data_version()?);
            self.watcher = catalog.file().and_then(|path| Watcher::spawn(path, ctx));
            return Ok(false);
        }
        let Some(watcher) = &self.watcher else {
            return Ok(false);
        };
        let mut moved = false;
        for news in watcher.news.try_iter() {
            if let Err(error) = news {
                self.watcher = None;
                return Err(error);
            }
            moved = true;
        }
        if !moved {
            return Ok(false);
        }
        let version = catalog.data_version()?;
        let changed = self.seen != Some(version);
        self.seen = Some(version);
        Ok(changed)
    }
}

impl Watcher {
    /// Watches the file at `path`; `None` when no thread can be started.
    fn spawn(path: &Path, ctx: &egui::Context) -> Option<Self> {
        let (tell, news) = mpsc::channel();
        let (stop, stopped) = mpsc::channel::<()>();
        let path = path.to_path_buf();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("cinedex-watch".into())
            .spawn(move || {
                if let Err(error) = watch(&path, &ctx, &tell, &stopped) {
                    // The window may be gone already: nobody to tell then.
                    let _ = tell.send(Err(error));
                    ctx.request_repaint();
                }
            })
            .ok()?;
        Some(Self { news, _stop: stop })
    }
}

/// The watcher thread: polls until the window drops its [`Watcher`] (or stops listening), and
/// tells of each change. Its first look is news too, so a commit made while it started is seen.
fn watch(
    path: &Path,
    ctx: &egui::Context,
    tell: &mpsc::Sender<Result<(), DbError>>,
    stopped: &mpsc::Receiver<()>,
) -> Result<(), DbError> {
    let probe = ChangeProbe::open(path)?;
    let mut seen = None;
    loop {
        let version = probe.data_version()?;
        if seen != Some(version) {
            seen = Some(version);
            if tell.send(Ok(())).is_err() {
                return Ok(());
            }
            ctx.request_repaint();
        }
        if let Err(mpsc::RecvTimeoutError::Disconnected) = stopped.recv_timeout(POLL_INTERVAL) {
            return Ok(());
        }
    }
}
