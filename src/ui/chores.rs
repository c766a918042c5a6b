//! Background chores of the window, each a [`Job`] off the UI thread: the daily backup and Back up
//! now, and the start-up check for a CJK font. Their answers reach the notification area.

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::db::{back_up, daily_backup, BackupKind};

use super::jobs::{cjk_font_installed, Job, NO_CJK_FONT};
use super::notifications::Notifications;
use super::persisted::BackupSettings;

/// A backup on its way: the path to report (Back up now), or `None` (the daily one).
type BackupJob = Job<crate::db::Result<Option<PathBuf>>>;

/// The chores under way.
#[derive(Default)]
pub struct Chores {
    backup: Option<BackupJob>,
    font_check: Option<Job<Option<bool>>>,
    font_checked: bool,
}

impl Chores {
    /// At start-up (and after another catalog is opened): the daily backup when it is due, and,
    /// once per run, the check for a CJK font.
    pub fn start(&mut self, ctx: &egui::Context, catalog: &Path, backups: BackupSettings) {
        if !self.font_checked {
            self.font_checked = true;
            self.font_check = Some(Job::spawn(ctx, "font-check", cjk_font_installed));
        }
        if backups.automatic && self.backup.is_none() && catalog.is_file() {
            let catalog = catalog.to_path_buf();
            let now = chrono::Local::now().naive_local();
            self.backup = Some(Job::spawn(ctx, "daily-backup", move || {
                // Done quietly: only a failure is worth a message.
                daily_backup(&catalog, backups.kept, now).map(|_| None)
            }));
        }
    }

    /// Writes a backup now, on its own thread; its path is reported when it is written.
    pub fn back_up_now(
        &mut self,
        ctx: &egui::Context,
        catalog: &Path,
        notifications: &mut Notifications,
    ) {
        if self.backup.is_some() {
            notifications.error("A backup is being written; try again in a moment.");
            return;
        }
        let catalog = catalog.to_path_buf();
        let now = chrono::Local::now().naive_local();
        self.backup = Some(Job::spawn(ctx, "backup", move || {
            back_up(&catalog, BackupKind::Manual, now).map(Some)
        }));
    }

    /// True while a backup is being written.
    pub fn backing_up(&self) -> bool {
        self.backup.is_some()
    }

    /// Reports finished work: a backup's path or failure, and a missing CJK font (once).
    pub fn poll(&mut self, notifications: &mut Notifications) {
        if let Some(answer) = self.backup.as_ref().and_then(Job::poll) {
            self.backup = None;
            match answer {
                Ok(Ok(Some(path))) => {
                    notifications.info(format!("Backed up the catalog to {}", path.display()));
                }
                Ok(Ok(None)) => {}
                Ok(Err(error)) => notifications.error(error),
                Err(message) => notifications.error(message),
            }
        }
        if let Some(answer) = self.font_check.as_ref().and_then(Job::poll) {
            self.font_check = None;
            if let Ok(Some(false)) = answer {
                notifications.error(NO_CJK_FONT);
            }
        }
    }
}
