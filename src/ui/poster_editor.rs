//! The poster part of the film editor: the film's grid thumbnail as a texture (read again when
//! the catalog changes) and the ways to change it: Choose image…, a typed path, Paste image and
//! Remove poster. It only asks: each returns a [`Msg`](super::msg::Msg) the app runs as one undoable step.
//! Files dropped on the window and Ctrl+V with an image reach the app through `app/input.rs`.
//!
//! The texture is loaded here, small and local, one at a time; the poster grid's cache may take
//! its place.

use std::path::PathBuf;

use eframe::egui;

use crate::db::Catalog;
use crate::model::{FilmId, PosterSize};

use super::ctx::AppCtx;
use super::msg::Msg;
use super::poster_input::{clipboard_image, PosterInput, IMAGE_EXTENSIONS};

/// The size the poster is drawn at in the editor (the grid thumbnail's box, reduced).
const SHOWN_SIZE: egui::Vec2 = egui::vec2(120.0, 180.0);

/// The editor's poster: what is shown, what is typed, and how the last attempt went.
#[derive(Default)]
pub struct PosterEditor {
    /// The texture shown, and for which film at which catalog generation it was read.
    shown: Option<Shown>,
    /// The image file path typed beside the poster.
    path: String,
    /// True while the app reads an image for this film.
    busy: bool,
    /// Why the last image given could not be used.
    error: Option<String>,
}

/// The poster as last read.
struct Shown {
    film: FilmId,
    generation: u64,
    /// `None` when the film has no poster.
    texture: Option<egui::TextureHandle>,
}

impl PosterEditor {
    /// The app is reading an image for the film.
    pub fn started(&mut self) {
        self.busy = true;
        self.error = None;
    }

    /// The image could not be used: shows why (nothing was stored).
    pub fn failed(&mut self, message: String) {
        self.busy = false;
        self.error = Some(message);
    }

    /// The poster was stored (or removed).
    pub fn done(&mut self) {
        self.busy = false;
        self.error = None;
        self.path.clear();
    }

    /// Draws the poster of `film` (nothing for a film not yet saved) with its buttons.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &AppCtx<'_>,
        film: Option<FilmId>,
        title: &str,
        commands: &mut Vec<Msg>,
    ) {
        let Some(film) = film else {
            ui.weak("Save the film to give it a poster.");
            return;
        };
        if self.shown.as_ref().map(|s| (s.film, s.generation)) != Some((film, ctx.generation)) {
            if self.shown.as_ref().is_some_and(|s| s.film != film) {
                self.done();
            }
            let texture = match load(ui.ctx(), ctx.catalog, film) {
                Ok(texture) => texture,
                Err(message) => {
                    self.error = Some(message);
                    None
                }
            };
            self.shown = Some(Shown {
                film,
                generation: ctx.generation,
                texture,
            });
        }
        let Self {
            shown,
            path,
            busy,
            error,
        } = self;
        let texture = shown.as_ref().and_then(|s| s.texture.as_ref());
        ui.horizontal_top(|ui| {
            match texture {
                Some(texture) => {
                    ui.add(
                        egui::Image::new(texture)
                            .max_size(SHOWN_SIZE)
                            .alt_text(format!("Poster of {title}")),
                    );
                }
                None => no_poster_ui(ui),
            }
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(!*busy, egui::Button::new("Choose image…"))
                        .on_hover_text(
                            "Pick an image file (PNG, JPEG, WebP) with the system's dialog",
                        )
                        .clicked()
                    {
                        if let Some(chosen) = pick_image() {
                            commands.push(Msg::SetPosterFrom {
                                film,
                                input: PosterInput::File(chosen),
                            });
                        }
                    }
                    if ui
                        .add_enabled(!*busy, egui::Button::new("Paste image"))
                        .on_hover_text(
                            "Use the image on the clipboard (Ctrl+V outside a text field)",
                        )
                        .clicked()
                    {
                        match clipboard_image() {
                            Ok(input) => commands.push(Msg::SetPosterFrom { film, input }),
                            Err(message) => *error = Some(message),
                        }
                    }
                });
                ui.horizontal(|ui| {
                    let label = ui.label("Image file");
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(path)
                                .hint_text("/path/to/poster.jpg")
                                .desired_width(150.0),
                        )
                        .labelled_by(label.id);
                    let entered =
                        field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let typed = path.trim();
                    let usable = !typed.is_empty() && !*busy;
                    let use_image = ui
                        .add_enabled(usable, egui::Button::new("Use image"))
                        .on_hover_text("Make this image the film's poster (you can undo)");
                    if (use_image.clicked() || entered) && usable {
                        commands.push(Msg::SetPosterFrom {
                            film,
                            input: PosterInput::File(PathBuf::from(typed)),
                        });
                    }
                });
                let remove = ui
                    .add_enabled(
                        texture.is_some() && !*busy,
                        egui::Button::new("Remove poster"),
                    )
                    .on_hover_text("Take the film's poster away (you can undo)");
                if remove.clicked() {
                    commands.push(Msg::RemovePoster(film));
                }
                if *busy {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.weak("Reading the image…");
                    });
                }
                if let Some(message) = error {
                    ui.colored_label(ui.visuals().error_fg_color, message.as_str());
                }
                ui.weak("Or drop an image file on the window.");
            });
        });
    }
}

/// The empty frame where a poster would be.
fn no_poster_ui(ui: &mut egui::Ui) {
    let (rect, _) = ui.allocate_exact_size(SHOWN_SIZE, egui::Sense::hover());
    let visuals = ui.visuals();
    ui.painter().rect_stroke(
        rect,
        4.0,
        visuals.widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "No poster",
        egui::TextStyle::Small.resolve(ui.style()),
        visuals.weak_text_color(),
    );
}

/// The film's grid thumbnail as a texture; `None` when it has no poster.
fn load(
    ctx: &egui::Context,
    catalog: &Catalog,
    film: FilmId,
) -> Result<Option<egui::TextureHandle>, String> {
    let Some(bytes) = catalog
        .poster_bytes(film, PosterSize::Grid)
        .map_err(|e| e.to_string())?
    else {
        return Ok(None);
    };
    let decoded = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg)
        .map_err(|e| format!("The stored poster cannot be shown ({e})."))?
        .to_rgba8();
    let size = [decoded.width() as usize, decoded.height() as usize];
    let pixels = egui::ColorImage::from_rgba_unmultiplied(size, decoded.as_raw());
    let name = format!("editor-poster-{}", film.0);
    Ok(Some(ctx.load_texture(
        name,
        pixels,
        egui::TextureOptions::LINEAR,
    )))
}

/// The system's open dialog for an image; `None` when cancelled or when there is none.
fn pick_image() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Choose a poster image")
        .add_filter("Image", &IMAGE_EXTENSIONS)
        .pick_file()
}
