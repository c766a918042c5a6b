//! Files dragged onto the window (or named on the command line): a hint while they hover, their
//! text when dropped.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use super::clipboard::Paste;
use super::command::Command;
use crate::interop::ImportKind;

/// A file named on the command line, read like a dropped one.
#[derive(Debug)]
struct FileOnDisk(PathBuf);

impl egui::DroppedFile for FileOnDisk {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// What to do with a file named on the command line: import its review, or say why not.
pub fn open_file_command(path: &Path) -> Command {
    let file: egui::DroppedFileHandle = Arc::new(FileOnDisk(path.to_path_buf()));
    dropped_file_command(&file)
}

/// What to do with a dropped (or named) file: a review (.txt, .html) opens in Import review…; a
/// Letterboxd export, an IMDb CSV or a backup in Import… with its path filled in; anything else
/// is reported.
pub fn dropped_file_command(file: &egui::DroppedFileHandle) -> Command {
    let path = file.path();
    if is_review_file(path) {
        return match read_dropped(file) {
            Ok(text) => Command::ImportText(Paste::text(text)),
            Err(message) => Command::ReportError(message),
        };
    }
    if ImportKind::detect(path).is_some() {
        return Command::ImportFilesFrom(path.to_path_buf());
    }
    Command::ReportError(format!(
        "Cinedex imports reviews (.txt, .html), Letterboxd exports, IMDb CSVs and Cinedex \
         backups; this file is none of them: {}",
        path.display()
    ))
}

/// A file whose name says it holds a review's text.
fn is_review_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["txt", "html", "htm", "text"].contains(&e.to_lowercase().as_str()))
}

/// While files are dragged over the window: says that dropping a review imports it.
pub fn drop_hint_ui(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-hint"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a review (.txt, .html), a Letterboxd export, an IMDb CSV or a backup to import it",
        egui::TextStyle::Heading.resolve(&ctx.global_style()),
        egui::Color32::WHITE,
    );
}

/// The text of a dropped file, or why it cannot be imported.
fn read_dropped(file: &egui::DroppedFileHandle) -> Result<String, String> {
    let path = file.path();
    if !is_review_file(path) {
        return Err(format!(
            "Only .txt and .html reviews can be imported: {}",
            path.display()
        ));
    }
    let bytes = file
        .bytes()
        .map_err(|e| format!("Cannot read the file ({e}): {}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("The file is not UTF-8 text: {}", path.display()))
}
