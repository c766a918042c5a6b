//! Where a new poster comes from (a file chosen, typed or dropped; an image pasted) and turning
//! it into a [`Poster`] off the UI thread, with the library's limits and its sentences.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use crate::images::{check_file_size, poster_from_bytes, ImageError, MAX_FILE_BYTES, MAX_SIDE_PX};
use crate::model::Poster;

/// The image a person gave for a film's poster.
#[derive(Clone, Debug, PartialEq)]
pub enum PosterInput {
    /// An image file: chosen, typed or dropped.
    File(PathBuf),
    /// Pixels from the clipboard.
    Pasted(Arc<egui::ColorImage>),
}

/// The file name extensions of images a poster may be made from.
pub const IMAGE_EXTENSIONS: [&str; 4] = ["png", "jpg", "jpeg", "webp"];

/// True when the file's name says it is an image a poster may be made from.
pub fn is_image_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_lowercase().as_str()))
}

/// The image on the system clipboard, or the sentence saying why there is none.
pub fn clipboard_image() -> Result<PosterInput, String> {
    let no_image = |e: arboard::Error| match e {
        arboard::Error::ContentNotAvailable => {
            "The clipboard holds no image; copy one first.".to_owned()
        }
        other => format!(
            "The clipboard cannot be read ({}).",
            other.to_string().trim_end_matches('.')
        ),
    };
    let image = arboard::Clipboard::new()
        .map_err(no_image)?
        .get_image()
        .map_err(no_image)?;
    let size = [image.width, image.height];
    let pixels = egui::ColorImage::from_rgba_unmultiplied(size, &image.bytes);
    Ok(PosterInput::Pasted(Arc::new(pixels)))
}

impl PosterInput {
    /// The poster this image makes, or the library's sentence saying why it makes none (with
    /// the file's path, last). Slow for a large image: run it on a worker.
    pub fn decode(&self) -> Result<Poster, String> {
        match self {
            Self::File(path) => read_limited(path)
                .and_then(|bytes| poster_from_bytes(&bytes).map_err(refused))
                .map_err(|message| format!("{message}: {}", path.display())),
            Self::Pasted(image) => poster_from_bytes(&png_of(image)?).map_err(refused),
        }
    }
}

/// The file's bytes, refused before reading when it is empty or larger than a poster may be.
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let cannot = |e: std::io::Error| format!("Cannot read the image file ({e})");
    let file = std::fs::File::open(path).map_err(cannot)?;
    let len = file.metadata().map_err(cannot)?.len();
    check_file_size(len).map_err(refused)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    check_file_size(bytes.len() as u64).map_err(refused)?;
    Ok(bytes)
}

/// Pasted pixels as a PNG file, which the library then reads like any other; an image larger
/// than a poster may be is refused before it is encoded.
fn png_of(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image
        .size
        .map(|side| u32::try_from(side).unwrap_or(u32::MAX));
    if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
        return Err(refused(ImageError::TooManyPixels { width, height }));
    }
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|pixel| pixel.to_srgba_unmultiplied())
        .collect();
    let buffer = image::RgbaImage::from_raw(width, height, rgba)
        .ok_or_else(|| "The pasted image is incomplete.".to_owned())?;
    let mut png = std::io::Cursor::new(Vec::new());
    buffer
        .write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| format!("The pasted image cannot be read ({e})."))?;
    Ok(png.into_inner())
}

/// The library's sentence for `error`, saying that nothing was stored.
fn refused(error: ImageError) -> String {
    format!(
        "{} (nothing was stored)",
        error.to_string().trim_end_matches('.')
    )
}
