//! Generated posters for demo catalogs: shapes and the title on a colour taken from the title, so
//! the same film always gets the same poster. The text is set in the Ubuntu Light face of the default font set of the window toolkit
//! (`epaint_default_fonts`); a letter that face lacks (e.g. CJK) is left out.

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use image::{Rgb, RgbImage};

/// Size of a generated poster, in pixels: 2:3, like a one-sheet.
const SIZE: (u32, u32) = (300, 450);

/// Margin around the title, in pixels.
const MARGIN: f32 = 18.0;

/// The colour a film's poster (or placeholder) has: a hue from the title, fairly dark so light
/// text reads on it.
pub fn poster_colour(title: &str) -> [u8; 3] {
    let hash = fnv(title);
    let hue = (hash % 360) as f32;
    hsl_to_rgb(hue, 0.45, 0.32)
}

/// A poster for `title` (and `year`): a motif drawn from the title's hash on its colour, and the
/// title and year set at the bottom.
pub fn generated_poster(title: &str, year: Option<i32>) -> RgbImage {
    let hash = fnv(title);
    let base = poster_colour(title);
    let accent = hsl_to_rgb(((hash >> 9) % 360) as f32, 0.55, 0.55);
    let (w, h) = SIZE;
    let mut image = RgbImage::from_pixel(w, h, Rgb(base));
    let motif = (hash >> 20) % 3;
    let cx = (w / 4 + (hash >> 24) as u32 % (w / 2)) as f32;
    let cy = (h / 5 + (hash >> 28) as u32 % (h / 4)) as f32;
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        let (fx, fy) = (x as f32, y as f32);
        let paint = match motif {
            // Rings around a point.
            0 => {
                let d = ((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt();
                d < 110.0 && ((d / 14.0) as u32).is_multiple_of(2)
            }
            // Diagonal bands.
            1 => (((fx + fy * 0.6) / 28.0) as u32).is_multiple_of(3) && fy < h as f32 * 0.62,
            // A sun over a horizon.
            _ => {
                let d = ((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt();
                d < 60.0 || (fy > h as f32 * 0.55 && fy < h as f32 * 0.62)
            }
        };
        if paint {
            *pixel = Rgb(accent);
        }
    }
    if let Ok(font) = FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT) {
        let mut baseline = h as f32 - MARGIN - 28.0;
        if let Some(year) = year {
            draw_line(&mut image, &font, &year.to_string(), 22.0, baseline + 26.0);
        }
        let lines = wrap(&font, title, 30.0, w as f32 - 2.0 * MARGIN);
        for line in lines.iter().rev().take(4) {
            draw_line(&mut image, &font, line, 30.0, baseline);
            baseline -= 34.0;
        }
    }
    image
}

/// The title broken into lines that fit `width` at `size` px.
fn wrap(font: &FontRef<'_>, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(font, &format!("{line} {word}"), size) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The width of `text` set at `size` px, counting only the letters the face has.
fn text_width(font: &FontRef<'_>, text: &str, size: f32) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    text.chars()
        .map(|c| font.glyph_id(c))
        .filter(|id| id.0 != 0)
        .map(|id| scaled.h_advance(id))
        .sum()
}

/// Sets `text` in white at `size` px on `baseline`, from the left margin, clipped to the image.
fn draw_line(image: &mut RgbImage, font: &FontRef<'_>, text: &str, size: f32, baseline: f32) {
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    let mut x = MARGIN;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if id.0 == 0 {
            continue;
        }
        let glyph = id.with_scale_and_position(scale, point(x, baseline));
        x += scaled.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i64 + i64::from(gx);
            let py = bounds.min.y as i64 + i64::from(gy);
            let (Ok(px), Ok(py)) = (u32::try_from(px), u32::try_from(py)) else {
                return;
            };
            if px >= image.width() || py >= image.height() {
                return;
            }
            let pixel = image.get_pixel_mut(px, py);
            for channel in &mut pixel.0 {
                let c = f32::from(*channel);
                *channel = (c + (255.0 - c) * coverage.clamp(0.0, 1.0)) as u8;
            }
        });
    }
}

/// FNV-1a of the text: a stable hash (std's is not stable across releases).
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// An RGB colour from hue (degrees), saturation and lightness (0–1).
fn hsl_to_rgb(hue: f32, saturation: f32, lightness: f32) -> [u8; 3] {
    let chroma = (1.0 - (2.0 * lightness - 1.0).abs()) * saturation;
    let sector = hue / 60.0;
    let x = chroma * (1.0 - (sector % 2.0 - 1.0).abs());
    let (r, g, b) = match sector as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = lightness - chroma / 2.0;
    [r, g, b].map(|c| ((c + m) * 255.0).round().clamp(0.0, 255.0) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_title_gets_the_same_poster_and_text_is_drawn() {
        let a = generated_poster("Rust and Bone", Some(2012));
        assert_eq!(a, generated_poster("Rust and Bone", Some(2012)));
        assert_eq!(a.dimensions(), SIZE);
        assert_ne!(poster_colour("Rust and Bone"), poster_colour("Metropolis"));
        // The title's letters are near white somewhere in the bottom quarter.
        let white = a
            .enumerate_pixels()
            .filter(|(_, y, p)| *y > SIZE.1 * 3 / 4 && p.0.iter().all(|c| *c > 230))
            .count();
        assert!(white > 50, "{white} white pixels");
        // A title the face cannot set still gets a poster.
        assert_eq!(
            generated_poster("千と千尋の神隠し", None).dimensions(),
            SIZE
        );
    }
}
