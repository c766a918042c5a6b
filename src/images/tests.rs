//! Posters from good and bad bytes.

use std::io::Cursor;

use image::{ImageFormat, Rgba, RgbaImage};

use super::*;

// The hand-written PNGs the integration tests refuse too.
#[path = "../../tests/support/png_bytes.rs"]
mod png_bytes;
use png_bytes::png_claiming;

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = RgbaImage::from_fn(width, height, |x, y| {
        Rgba([
            (x % 256) as u8,
            (y % 256) as u8,
            90,
            if x < 4 { 0 } else { 255 },
        ])
    });
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn a_png_is_kept_as_given_with_thumbnails_in_their_boxes() {
    let bytes = png(400, 600);
    let poster = poster_from_bytes(&bytes).unwrap();
    assert_eq!(poster.image, bytes);
    assert_eq!(
        (poster.mime.as_str(), poster.width, poster.height),
        ("image/png", 400, 600)
    );
    let list = image::load_from_memory(&poster.list_thumb).unwrap();
    let grid = image::load_from_memory(&poster.grid_thumb).unwrap();
    assert_eq!((list.width(), list.height()), LIST_THUMB_BOX);
    assert_eq!((grid.width(), grid.height()), GRID_THUMB_BOX);
    // Transparent pixels are laid on dark grey, not left black.
    let corner = grid.to_rgb8().get_pixel(0, 0).0;
    assert!(corner.iter().all(|c| (30..=60).contains(c)), "{corner:?}");
    check_stored_poster(&poster).unwrap();
}

#[test]
fn a_large_image_is_kept_reduced_to_a_jpeg() {
    let poster = poster_from_bytes(&png(2400, 1200)).unwrap();
    assert_eq!(poster.mime, "image/jpeg");
    assert_eq!((poster.width, poster.height), (KEPT_MAX_SIDE_PX, 1000));
    let grid = image::load_from_memory(&poster.grid_thumb).unwrap();
    assert_eq!((grid.width(), grid.height()), (GRID_THUMB_BOX.0, 80));
    check_stored_poster(&poster).unwrap();
}

#[test]
fn bad_bytes_are_refused_with_a_sentence() {
    assert_eq!(poster_from_bytes(b""), Err(ImageError::Empty));
    assert_eq!(
        poster_from_bytes(b"Just some text, not a poster."),
        Err(ImageError::NotAnImage)
    );
    // A GIF is an image, but not one a poster may be.
    assert_eq!(
        poster_from_bytes(b"GIF89a\x01\x00"),
        Err(ImageError::NotAnImage)
    );
    let mut cut = png(50, 75);
    cut.truncate(cut.len() / 2);
    let error = poster_from_bytes(&cut).unwrap_err();
    assert!(matches!(error, ImageError::Damaged(_)), "{error:?}");
    assert!(
        error.to_string().starts_with("The image is damaged"),
        "{error}"
    );
    let error = check_file_size(200 * 1024 * 1024).unwrap_err();
    assert_eq!(
        error.to_string(),
        "The file is 209 MB, larger than the 30 MB a poster may be; use a smaller copy of the image."
    );
}

#[test]
fn an_image_bomb_is_refused_from_its_header() {
    let bomb = png_claiming(100_000, 100_000, 8);
    assert!(bomb.len() < 100);
    assert_eq!(
        poster_from_bytes(&bomb),
        Err(ImageError::TooManyPixels {
            width: 100_000,
            height: 100_000
        })
    );
    // Within the side limit but over the decoder's memory limit: 6000 × 6000 at 16 bits RGBA
    // is 275 MiB.
    assert_eq!(
        poster_from_bytes(&png_claiming(6000, 6000, 16)),
        Err(ImageError::TooManyPixels {
            width: 6000,
            height: 6000
        })
    );
}

#[test]
fn a_stored_poster_that_lies_is_refused() {
    let mut poster = poster_from_image(&generated_poster("Metropolis", Some(1927))).unwrap();
    check_stored_poster(&poster).unwrap();
    assert!(
        poster.thumbnail_bytes() < 15_000,
        "{}",
        poster.thumbnail_bytes()
    );
    poster.mime = "image/png".into();
    assert_eq!(
        check_stored_poster(&poster),
        Err(ImageError::BadStoredPoster("media type"))
    );
    poster.mime = "image/jpeg".into();
    poster.grid_thumb = png(10, 10);
    assert_eq!(
        check_stored_poster(&poster),
        Err(ImageError::BadStoredPoster("grid thumbnail"))
    );
}
