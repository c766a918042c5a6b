//! Reading a stored thumbnail back into pixels, for the window's poster grid: a JPEG no larger
//! than a grid thumbnail's box, decoded under the same kind of limits as any image.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits, RgbImage};

use super::ImageError;
use crate::model::GRID_THUMB_BOX;

/// The pixels of a stored list or grid thumbnail (a JPEG that fits [`GRID_THUMB_BOX`]). Anything
/// else, such as a damaged or oversized image from a hand-edited catalog, is refused.
pub fn decode_thumbnail(bytes: &[u8]) -> Result<RgbImage, ImageError> {
    let (width, height) = super::dimensions(bytes, ImageFormat::Jpeg)?;
    if width > GRID_THUMB_BOX.0 || height > GRID_THUMB_BOX.1 {
        return Err(ImageError::BadStoredPoster("grid thumbnail"));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(GRID_THUMB_BOX.0);
    limits.max_image_height = Some(GRID_THUMB_BOX.1);
    limits.max_alloc = Some(16 * 1024 * 1024);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), ImageFormat::Jpeg);
    reader.limits(limits);
    let decoded = reader
        .decode()
        .map_err(|e| ImageError::Damaged(e.to_string()))?;
    Ok(decoded.to_rgb8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{generated_poster, poster_from_image};

    #[test]
    fn a_stored_thumbnail_decodes_and_anything_else_is_refused() {
        let poster = poster_from_image(&generated_poster("Metropolis", Some(1927))).unwrap();
        let grid = decode_thumbnail(&poster.grid_thumb).unwrap();
        assert_eq!(grid.dimensions(), (160, 240));
        let list = decode_thumbnail(&poster.list_thumb).unwrap();
        assert_eq!(list.dimensions(), (48, 72));
        // The kept image is larger than a thumbnail: refused from its header.
        assert_eq!(
            decode_thumbnail(&poster.image),
            Err(ImageError::BadStoredPoster("grid thumbnail"))
        );
        assert!(matches!(
            decode_thumbnail(&poster.grid_thumb[..200]),
            Err(ImageError::Damaged(_))
        ));
        assert!(decode_thumbnail(b"not a jpeg").is_err());
    }
}
