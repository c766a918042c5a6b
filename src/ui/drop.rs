//! Files dragged onto the window (or named on the command line): a hint while they hover, their
//! text when dropped.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use super::clipboard::Paste;
use super::msg::Msg;
use super::poster_input::{is_image_file, PosterInput};
use crate::interop::ImportKind;
use crate::model::FilmId;

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
pub fn open_file_command(path: &Path) -> Msg {
    let file: egui::DroppedFileHandle = Arc::new(FileOnDisk(path.to_path_buf()));
    dropped_file_command(&file, None)
}

/// What to do with a dropped (or named) file: a review (.txt, .html) opens in Import review…; a
/// Letterboxd export, an IMDb CSV or a backup in Import… with its path filled in; an image
/// becomes the poster of `poster_for`, the film in the editor; anything else is reported.
pub fn dropped_file_command(file: &egui::DroppedFileHandle, poster_for: Option<FilmId>) -> Msg {
    let path = file.path();
    if let (Some(film), true) = (poster_for, is_image_file(path)) {
        return Msg::SetPosterFrom {
            film,
            input: PosterInput::File(path.to_path_buf()),
        };
    }
    if is_review_file(path) {
        return match read_dropped(file) {
            Ok(text) => Msg::ImportText(Paste::text(text)),
            Err(message) => Msg::ReportError(message),
        };
    }
    if ImportKind::detect(path).is_some() {
        return Msg::ImportFilesFrom(path.to_path_buf());
    }
    let poster_hint = if is_image_file(path) {
        " (to make an image a film's poster, open the film, then drop the image)"
    } else {
        ""
    };
    Msg::ReportError(format!(
        "Cinedex imports reviews (.txt, .html), Letterboxd exports, IMDb CSVs and Cinedex \
         backups; this file is none of them{poster_hint}: {}",
        path.display()
    ))
}

/// An image pasted: the poster of `poster_for`, or, with no stored film open, why not.
pub fn pasted_image_command(poster_for: Option<FilmId>, image: PosterInput) -> Msg {
    match poster_for {
        Some(film) => Msg::SetPosterFrom { film, input: image },
        None => Msg::ReportError(
            "Open a saved film in the editor first; the image becomes its poster.".to_owned(),
        ),
    }
}

/// A file whose name says it holds a review's text.
fn is_review_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["txt", "html", "htm", "text"].contains(&e.to_lowercase().as_str()))
}

/// While files are dragged over the window: says that dropping a review imports it, and, when
/// a stored film is open, that an image becomes its poster.
pub fn drop_hint_ui(ctx: &egui::Context, film_open: bool) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-hint"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    let font = egui::TextStyle::Heading.resolve(&ctx.global_style());
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a review (.txt, .html), a Letterboxd export, an IMDb CSV or a backup to import it",
        font.clone(),
        egui::Color32::WHITE,
    );
    if film_open {
        painter.text(
            rect.center() + egui::vec2(0.0, 2.0 * font.size),
            egui::Align2::CENTER_CENTER,
            "or an image (PNG, JPEG, WebP) to make it the open film's poster",
            font,
            egui::Color32::WHITE,
        );
    }
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
