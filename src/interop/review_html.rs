//! A Letterboxd review (an HTML fragment) as the plain text Cinedex stores: line breaks and
//! paragraphs kept, entities decoded, tags and link targets dropped.
//!
//! A block tag (`<p>`, `<blockquote>`, `<div>`, `<li>`) starts a new line whether it opens
//! or closes (`<br>` always breaks the line), so `camera.<blockquote>I forgot` never glues two sentences, and a second
//! `<blockquote>` that "closes" the first reads the same. A `<` that starts no tag (`<3`,
//! `a < b`) is text.

/// Tags that start a new line where they open or close (`<br>` is a line break itself).
const BLOCK_TAGS: [&str; 4] = ["p", "blockquote", "div", "li"];

/// `html` as plain text: line breaks and paragraphs kept, entities decoded, tags dropped.
pub fn review_text(html: &str) -> String {
    let html = html.replace("\r\n", "\n");
    let mut text = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let starts_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let close = after.find('>');
        let (true, Some(close)) = (starts_tag, close) else {
            text.push('<');
            rest = after;
            continue;
        };
        let tag = after[..close].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let line_start = text.is_empty() || text.ends_with('\n');
        if name == "br" || (BLOCK_TAGS.contains(&name.as_str()) && !line_start) {
            text.push('\n');
        }
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    let text = html_escape::decode_html_entities(&text);
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim().lines().map(str::trim_end) {
        blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
        if blank_run < 2 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_html_becomes_text() {
        let html = "<b>Bold</b> &amp; <i>it&#39;s</i> <a href=\"https://x\">link</a><br/>next\r\n\r\n\r\n<blockquote>quoted</blockquote>end";
        assert_eq!(review_text(html), "Bold & it's link\nnext\n\nquoted\nend");
    }

    /// L4: an opening block tag straight after text starts a new line.
    #[test]
    fn an_opening_blockquote_does_not_glue_words() {
        assert_eq!(
            review_text("a digital camera.<blockquote>I forgot my iPod.<blockquote>Then"),
            "a digital camera.\nI forgot my iPod.\nThen"
        );
        assert_eq!(review_text("one<p>two</p><p>three</p>"), "one\ntwo\nthree");
    }

    #[test]
    fn a_lone_less_than_sign_is_text() {
        assert_eq!(
            review_text("I <3 this, and 1 < 2. <i>Yes</i> > no"),
            "I <3 this, and 1 < 2. Yes > no"
        );
        assert_eq!(review_text("&lt;b&gt; stays"), "<b> stays");
    }
}
