//! A review page saved with a browser's "Web page, complete": the image its `og:image` names,
//! when the browser saved that image beside the page, in `NAME_files/`.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// A `<meta …>` tag.
static META: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?is)<meta\b[^>]*>").ok());

/// `property="og:image"` (or `name=`, or `og:image:url` / `og:image:secure_url`).
static OG_IMAGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:property|name)\s*=\s*["']og:image(?::url|:secure_url)?["']"#).ok()
});

/// The `content` attribute's value.
static CONTENT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"(?is)\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')"#).ok());

/// The file the page at `page` (its text `html`) names as its `og:image`, if the browser saved
/// it in the folder beside the page (`review.html` → `review_files/`).
pub fn saved_page_image(page: &Path, html: &str) -> Option<PathBuf> {
    let url = og_image(html)?;
    let name = url.split(['?', '#']).next()?.rsplit('/').next()?.trim();
    if name.is_empty() || name == "." || name == ".." {
        return None;
    }
    let stem = page.file_stem()?.to_string_lossy();
    let image = page.with_file_name(format!("{stem}_files")).join(name);
    image.is_file().then_some(image)
}

/// The URL of the page's first `og:image`.
fn og_image(html: &str) -> Option<String> {
    let (meta, og, content) = (META.as_ref()?, OG_IMAGE.as_ref()?, CONTENT.as_ref()?);
    meta.find_iter(html)
        .map(|tag| tag.as_str())
        .filter(|tag| og.is_match(tag))
        .find_map(|tag| {
            let found = content.captures(tag)?;
            let value = found.get(1).or_else(|| found.get(2))?.as_str();
            Some(html_escape::decode_html_entities(value.trim()).into_owned())
        })
        .filter(|url| !url.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_og_image_saved_beside_the_page_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("Rust and Bone review.html");
        let html = r#"<html><head><meta charset="utf-8">
            <meta content='https://img.example.com/2013/04/p14-rust.jpg?w=1200&amp;h=630' property="og:image" />
            <meta property="og:image" content="https://img.example.com/second.jpg"></head></html>"#;
        assert_eq!(saved_page_image(&page, html), None, "not saved beside it");
        let folder = dir.path().join("Rust and Bone review_files");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("p14-rust.jpg"), b"jpeg").unwrap();
        assert_eq!(
            saved_page_image(&page, html),
            Some(folder.join("p14-rust.jpg"))
        );
        assert_eq!(og_image("<p>no meta at all</p>"), None);
        let sneaky = r#"<meta property="og:image" content="https://x/..">"#;
        assert_eq!(saved_page_image(&page, sneaky), None);
    }
}
