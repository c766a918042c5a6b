//! HTML pastes: told from plain text by their tags, turned into plain text with `html2text`. The
//! parser then reads that text, and every span indexes it (not the HTML).

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::{compile, cut_at_boundary};

/// Tags that only HTML has.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)<(?:!doctype\s+html|html|head|body|p|div|article|section|main|header|footer|h[1-6]|br|span|a\s|li|ul|ol|em|strong|b|i|time|figure|blockquote)\b[^>]{0,400}>",
    )
});

/// True when the text is an HTML page or fragment rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head = cut_at_boundary(text, 64 * 1024);
    let trimmed = head.trim_start();
    let tags = TAG.find_iter(head).take(3).count();
    tags >= 3 || trimmed.starts_with('<') && tags >= 1
}

/// The plain text of an HTML document, paragraphs on their own lines; `None` if it cannot be read.
pub fn to_text(html: &str) -> Option<String> {
    html2text::config::plain_no_decorate()
        .allow_width_overflow()
        .no_table_borders()
        .string_from_read(html.as_bytes(), 10_000)
        .ok()
}

/// Every element of a parsed page, with its tag name in lower case (`markup` and `page_meta`
/// both walk a page this way).
pub fn elements<'a>(
    dom: &'a tl::VDom<'a>,
) -> impl Iterator<Item = (String, &'a tl::HTMLTag<'a>)> + 'a {
    dom.nodes().iter().filter_map(|node| {
        let tag = node.as_tag()?;
        Some((tag.name().as_utf8_str().to_ascii_lowercase(), tag))
    })
}

/// An element's attribute, its entities decoded and trimmed; `Some("")` for an attribute without a
/// value (`<time pubdate>`), `None` when it is absent.
pub fn attribute(tag: &tl::HTMLTag<'_>, key: &str) -> Option<String> {
    let value = tag.attributes().get(key)?;
    Some(value.map_or_else(String::new, |v| {
        html_escape::decode_html_entities(&v.as_utf8_str())
            .trim()
            .to_owned()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_detected_and_converted() {
        let html = "<html><body><h1>Rust and Bone</h1><p>Director: Jacques&nbsp;Audiard</p><p>A boxer <em>knows</em>.</p></body></html>";
        assert!(looks_like_html(html));
        assert!(!looks_like_html("Ali (Matthias Schoenaerts) <3 this film"));
        let text = to_text(html).unwrap();
        assert!(text.contains("Rust and Bone"));
        assert!(text.contains("Director: Jacques"));
        assert!(text.contains("A boxer knows."));
    }
}
