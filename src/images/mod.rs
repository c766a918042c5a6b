//! Poster images: reading a file's bytes into a [`Poster`] (decoded with the `image` crate within
//! limits, kept as given up to a size, with two JPEG thumbnails), checking stored posters, and
//! drawing generated posters for demo catalogs. Bytes in, bytes out: no I/O, no window.
//!
//! Limits keep a hostile or mistaken file from taking the machine: a file over
//! [`MAX_FILE_BYTES`] is refused before it is read whole, and an image whose header claims more
//! than [`MAX_SIDE_PX`] pixels a side (an "image bomb": a few bytes that would decode to
//! gigabytes) is refused from its header, before any pixel is decoded; the decoder itself may
//! allocate at most [`MAX_DECODE_BYTES`].

mod generated;
mod thumbnail;

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader, Limits, RgbImage};

use crate::model::{Poster, GRID_THUMB_BOX, LIST_THUMB_BOX, POSTER_MIME_TYPES};

pub use generated::{generated_poster, poster_colour};
pub use thumbnail::decode_thumbnail;

/// The largest image file Cinedex reads as a poster, in bytes (30 MB).
pub const MAX_FILE_BYTES: u64 = 30 * 1024 * 1024;

/// The most pixels a poster may have on a side.
pub const MAX_SIDE_PX: u32 = 6000;

/// The most memory the decoder may take for one image, in bytes (192 MiB: 6000 × 6000 RGBA
/// is 137 MiB).
pub const MAX_DECODE_BYTES: u64 = 192 * 1024 * 1024;

/// An image file up to this size (and [`KEPT_MAX_SIDE_PX`]) is kept byte for byte; a larger one
/// is kept reduced, as a JPEG.
pub const KEPT_MAX_BYTES: usize = 3 * 1024 * 1024;

/// The longest side, in pixels, of the image kept for a poster (the reduced copy's box).
pub const KEPT_MAX_SIDE_PX: u32 = 2000;

/// JPEG quality of the thumbnails.
const THUMB_QUALITY: u8 = 75;

/// JPEG quality of a reduced copy of a large image.
const KEPT_QUALITY: u8 = 88;

/// Why an image cannot be a poster; each message is a sentence a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// Zero bytes.
    #[error("The file is empty, so it holds no image.")]
    Empty,
    /// More than [`MAX_FILE_BYTES`].
    #[error("The file is {} MB, larger than the 30 MB a poster may be; use a smaller copy of the image.", .0 / 1_000_000)]
    TooLarge(u64),
    /// Not PNG, JPEG or WebP.
    #[error("This is not an image Cinedex reads; use a PNG, JPEG or WebP file.")]
    NotAnImage,
    /// More pixels than [`MAX_SIDE_PX`] a side, or more memory than [`MAX_DECODE_BYTES`].
    #[error("The image claims {width} × {height} pixels, more than the {MAX_SIDE_PX} × {MAX_SIDE_PX} a poster may have, so it was not decoded.")]
    TooManyPixels {
        /// Width the header claims.
        width: u32,
        /// Height the header claims.
        height: u32,
    },
    /// The header or the pixels are damaged.
    #[error("The image is damaged and cannot be read ({0}).")]
    Damaged(String),
    /// A stored poster's bytes are not what it says (in a backup).
    #[error("A poster's {0} is not the image it should be.")]
    BadStoredPoster(&'static str),
}

/// Refuses a file of `len` bytes before it is read, when it is empty or too large.
pub fn check_file_size(len: u64) -> Result<(), ImageError> {
    match len {
        0 => Err(ImageError::Empty),
        n if n > MAX_FILE_BYTES => Err(ImageError::TooLarge(n)),
        _ => Ok(()),
    }
}

/// The poster held by the image file `bytes`: decoded within the limits, the file kept as given
/// when small enough (else a reduced JPEG), and both thumbnails made.
pub fn poster_from_bytes(bytes: &[u8]) -> Result<Poster, ImageError> {
    check_file_size(bytes.len() as u64)?;
    let format = guess_format(bytes)?;
    let (width, height) = dimensions(bytes, format)?;
    if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
        return Err(ImageError::TooManyPixels { width, height });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(strict_limits());
    let decoded = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => ImageError::TooManyPixels { width, height },
        other => ImageError::Damaged(other.to_string()),
    })?;
    let keep_as_given = bytes.len() <= KEPT_MAX_BYTES && width.max(height) <= KEPT_MAX_SIDE_PX;
    let (mime, image, width, height) = if keep_as_given {
        (mime_of(format), bytes.to_vec(), width, height)
    } else {
        let reduced = flatten(&decoded.resize(
            KEPT_MAX_SIDE_PX,
            KEPT_MAX_SIDE_PX,
            image::imageops::FilterType::Triangle,
        ));
        let (w, h) = reduced.dimensions();
        ("image/jpeg", jpeg(&reduced, KEPT_QUALITY)?, w, h)
    };
    let (list_thumb, grid_thumb) = thumbnails(&decoded)?;
    Ok(Poster {
        mime: mime.to_owned(),
        width,
        height,
        image,
        list_thumb,
        grid_thumb,
    })
}

/// A poster of `image` (e.g. a generated one), kept as a JPEG, with its thumbnails.
pub fn poster_from_image(image: &RgbImage) -> Result<Poster, ImageError> {
    let decoded = DynamicImage::ImageRgb8(image.clone());
    let (list_thumb, grid_thumb) = thumbnails(&decoded)?;
    Ok(Poster {
        mime: "image/jpeg".to_owned(),
        width: image.width(),
        height: image.height(),
        image: jpeg(image, KEPT_QUALITY)?,
        list_thumb,
        grid_thumb,
    })
}

/// Checks a poster read from a backup without decoding its pixels: a known media type that its
/// bytes agree with, dimensions within the limits, and JPEG thumbnails within their boxes.
pub fn check_stored_poster(poster: &Poster) -> Result<(), ImageError> {
    if !POSTER_MIME_TYPES.contains(&poster.mime.as_str()) {
        return Err(ImageError::BadStoredPoster("media type"));
    }
    let format = guess_format(&poster.image).map_err(|_| ImageError::BadStoredPoster("image"))?;
    if mime_of(format) != poster.mime {
        return Err(ImageError::BadStoredPoster("media type"));
    }
    let size =
        dimensions(&poster.image, format).map_err(|_| ImageError::BadStoredPoster("image"))?;
    if size != (poster.width, poster.height) || size.0 > MAX_SIDE_PX || size.1 > MAX_SIDE_PX {
        return Err(ImageError::BadStoredPoster("image"));
    }
    for (bytes, fits, what) in [
        (&poster.list_thumb, LIST_THUMB_BOX, "list thumbnail"),
        (&poster.grid_thumb, GRID_THUMB_BOX, "grid thumbnail"),
    ] {
        let (w, h) =
            dimensions(bytes, ImageFormat::Jpeg).map_err(|_| ImageError::BadStoredPoster(what))?;
        if w > fits.0 || h > fits.1 {
            return Err(ImageError::BadStoredPoster(what));
        }
    }
    Ok(())
}

/// The format the bytes start like, if it is one a poster may have.
fn guess_format(bytes: &[u8]) -> Result<ImageFormat, ImageError> {
    match image::guess_format(bytes) {
        Ok(format @ (ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP)) => Ok(format),
        _ => Err(ImageError::NotAnImage),
    }
}

/// The dimensions the header claims, read without decoding pixels.
fn dimensions(bytes: &[u8], format: ImageFormat) -> Result<(u32, u32), ImageError> {
    ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| ImageError::Damaged(e.to_string()))
}

/// The limits every decode runs under.
fn strict_limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

fn mime_of(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Png => "image/png",
        ImageFormat::WebP => "image/webp",
        _ => "image/jpeg",
    }
}

/// The list and grid thumbnails of `image`, as JPEGs.
fn thumbnails(image: &DynamicImage) -> Result<(Vec<u8>, Vec<u8>), ImageError> {
    let grid = image.resize(
        GRID_THUMB_BOX.0,
        GRID_THUMB_BOX.1,
        image::imageops::FilterType::Triangle,
    );
    let list = grid.resize(
        LIST_THUMB_BOX.0,
        LIST_THUMB_BOX.1,
        image::imageops::FilterType::Triangle,
    );
    Ok((
        jpeg(&flatten(&list), THUMB_QUALITY)?,
        jpeg(&flatten(&grid), THUMB_QUALITY)?,
    ))
}

/// The image as RGB, transparent parts laid on a dark grey (JPEG has no transparency).
fn flatten(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let mix = |c: u8| {
            let (c, a) = (u32::from(c), u32::from(a));
            ((c * a + 40 * (255 - a)) / 255) as u8
        };
        image::Rgb([mix(r), mix(g), mix(b)])
    })
}

fn jpeg(image: &RgbImage, quality: u8) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(image)
        .map_err(|e| ImageError::Damaged(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests;
