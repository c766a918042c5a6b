//! A film's poster as the catalog keeps it: the image file as given (or reduced, past a size
//! limit) and two JPEG thumbnails made once, when the poster is set.

use serde::{Deserialize, Serialize};

/// One of the images a poster is kept as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PosterSize {
    /// The small thumbnail beside a row of the catalog table.
    List,
    /// The thumbnail of the poster grid.
    Grid,
    /// The image as it was given (or reduced to the kept size).
    Full,
}

/// A film's poster, ready to store or as stored. The bytes are written to JSON (backups) as
/// base64, so a backup keeps them exactly.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Poster {
    /// The media type of `image`: `image/jpeg`, `image/png` or `image/webp`.
    pub mime: String,
    /// Width of `image`, in pixels.
    pub width: u32,
    /// Height of `image`, in pixels.
    pub height: u32,
    /// The image file's bytes.
    #[serde(with = "base64_bytes")]
    pub image: Vec<u8>,
    /// A JPEG that fits [`LIST_THUMB_BOX`].
    #[serde(with = "base64_bytes")]
    pub list_thumb: Vec<u8>,
    /// A JPEG that fits [`GRID_THUMB_BOX`].
    #[serde(with = "base64_bytes")]
    pub grid_thumb: Vec<u8>,
}

/// The box (width, height in pixels) a list thumbnail fits in.
pub const LIST_THUMB_BOX: (u32, u32) = (48, 72);

/// The box (width, height in pixels) a grid thumbnail fits in.
pub const GRID_THUMB_BOX: (u32, u32) = (160, 240);

/// The media types a poster's image may have.
pub const POSTER_MIME_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

impl Poster {
    /// Checks the poster can be stored: a known media type, a size, and bytes for each image.
    pub fn validate(&self) -> Result<(), super::ValidationError> {
        let complete = POSTER_MIME_TYPES.contains(&self.mime.as_str())
            && self.width > 0
            && self.height > 0
            && !self.image.is_empty()
            && !self.list_thumb.is_empty()
            && !self.grid_thumb.is_empty();
        if complete {
            Ok(())
        } else {
            Err(super::ValidationError::BadPoster)
        }
    }

    /// The bytes of one of its images.
    pub fn bytes(&self, size: PosterSize) -> &[u8] {
        match size {
            PosterSize::List => &self.list_thumb,
            PosterSize::Grid => &self.grid_thumb,
            PosterSize::Full => &self.image,
        }
    }

    /// The file name extension of `image`: `jpg`, `png` or `webp`.
    pub fn extension(&self) -> &'static str {
        match self.mime.as_str() {
            "image/png" => "png",
            "image/webp" => "webp",
            _ => "jpg",
        }
    }

    /// The bytes of both thumbnails together: what the grid and the table cost the catalog.
    pub fn thumbnail_bytes(&self) -> usize {
        self.list_thumb.len() + self.grid_thumb.len()
    }
}

impl std::fmt::Debug for Poster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Poster")
            .field("mime", &self.mime)
            .field("width", &self.width)
            .field("height", &self.height)
            .field("image_bytes", &self.image.len())
            .field("list_thumb_bytes", &self.list_thumb.len())
            .field("grid_thumb_bytes", &self.grid_thumb.len())
            .finish()
    }
}

/// Bytes as a base64 string in serde formats.
mod base64_bytes {
    use base64::Engine as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map_err(|e| serde::de::Error::custom(format!("an image is not valid base64 ({e})")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_poster_goes_to_json_as_base64_and_back_unchanged() {
        let poster = Poster {
            mime: "image/png".into(),
            width: 2,
            height: 3,
            image: vec![0, 1, 2, 255],
            list_thumb: vec![9],
            grid_thumb: vec![],
        };
        let json = serde_json::to_string(&poster).unwrap();
        assert!(json.contains("\"AAEC/w==\""), "{json}");
        assert_eq!(serde_json::from_str::<Poster>(&json).unwrap(), poster);
        let bad = json.replace("AAEC/w==", "not base64!");
        let error = serde_json::from_str::<Poster>(&bad)
            .unwrap_err()
            .to_string();
        assert!(error.contains("not valid base64"), "{error}");
        assert_eq!(poster.extension(), "png");
        assert_eq!(poster.bytes(PosterSize::List), [9]);
    }
}
