//! Lines with byte offsets, value clean-up, and the junk check.
//!
//! The parser never rewrites the text it reads: every recogniser works on [`Line`]s that borrow the
//! text and know where they start, so each value found keeps a byte span into that text.

use std::ops::Range;

use regex::Regex;

/// The most bytes of one line a recogniser looks at; longer lines are prose or junk.
pub const MAX_LINE_SCAN: usize = 4096;

/// One line of the text, without its line break, trimmed of surrounding spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// The trimmed line.
    pub text: &'a str,
    /// Byte offset of `text` in the whole text.
    pub start: usize,
    /// Index of this line among all lines, blank lines included.
    pub index: usize,
}

impl<'a> Line<'a> {
    /// True when the line holds nothing but spaces.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// The span of a sub-slice of this line, given as a byte range inside `text`.
    pub fn span(&self, inner: Range<usize>) -> Range<usize> {
        self.start + inner.start..self.start + inner.end
    }

    /// The whole trimmed line's span.
    pub fn full_span(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    /// The line's text cut to [`MAX_LINE_SCAN`] bytes on a char boundary.
    pub fn scan_text(&self) -> &'a str {
        cut_at_boundary(self.text, MAX_LINE_SCAN)
    }
}

/// Compiles one of the parser's built-in patterns.
///
/// Word boundaries (`\b`) are made ASCII-only: a Unicode `\b` keeps the regex crate's fast DFA
/// from running on text with any non-ASCII character (curly quotes, accents), which made parsing
/// several times slower. The patterns' words are all ASCII, so nothing is lost.
///
/// The patterns are constants of this module tree and every one is compiled by the unit tests, so
/// a failure here is a programming error caught before release, not a runtime condition.
pub fn compile(pattern: &str) -> Regex {
    let pattern = ascii_word_boundaries(pattern);
    match Regex::new(&pattern) {
        Ok(regex) => regex,
        Err(err) => panic!("built-in pattern does not compile: {err}"),
    }
}

/// The pattern with every `\b` written as `(?-u:\b)`.
fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut escaped = false;
    for c in pattern.chars() {
        if escaped {
            if c == 'b' {
                out.push_str("(?-u:\\b)");
            } else {
                out.push('\\');
                out.push(c);
            }
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else {
            out.push(c);
        }
    }
    if escaped {
        out.push('\\');
    }
    out
}

/// True for spaces the pasted pages use: ASCII white space, no-break spaces and their kin.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Splits the text into lines on `\n`, dropping a `\r` before it, trimming spaces and a Markdown
/// heading mark or a list bullet (`# `, `* `, which the HTML conversion writes).
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (index, raw) in text.split('\n').enumerate() {
        let mut trimmed = raw.trim_matches(is_space);
        let mut leading = raw.len() - raw.trim_start_matches(is_space).len();
        let heading = trimmed.trim_start_matches('#');
        let marked = heading.len() < trimmed.len() && trimmed.len() - heading.len() <= 6;
        let bullet = ["* ", "• ", "- ", "· "]
            .iter()
            .find_map(|b| trimmed.strip_prefix(b));
        let unmarked = if marked && heading.starts_with(' ') {
            Some(heading)
        } else {
            bullet
        };
        if let Some(rest) = unmarked {
            let text = rest.trim_start_matches(is_space);
            leading += trimmed.len() - text.len();
            trimmed = text;
        }
        // A copied page's date stamp before its first line: `date 2023-08-03 Lost In The Stars`.
        if let Some(rest) = date_stamped(trimmed) {
            leading += trimmed.len() - rest.len();
            trimmed = rest;
        }
        out.push(Line {
            text: trimmed,
            start: offset + leading,
            index,
        });
        offset += raw.len() + 1;
    }
    out
}

/// The line after a leading `date YYYY-MM-DD ` stamp, when it has one and more follows.
fn date_stamped(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("date ")?;
    let (stamp, after) = rest.split_at_checked(10)?;
    let b = stamp.as_bytes();
    let shaped = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    let after = after.strip_prefix(' ')?.trim_start_matches(is_space);
    (shaped && !after.is_empty()).then_some(after)
}

/// `text` cut to at most `max` bytes, never inside a character.
pub fn cut_at_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A value as shown to people: spaces of any kind collapsed to one, trimmed of spaces and of
/// stray punctuation at the ends.
pub fn clean_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '|' | '·' | '•' | '–' | '—' | '-'))
        .trim()
        .to_owned()
}

/// Strips surrounding quote marks of any style from a title.
pub fn strip_quotes(text: &str) -> &str {
    let quotes = |c: char| matches!(c, '"' | '\'' | '‘' | '’' | '“' | '”' | '«' | '»' | '„');
    text.trim_matches(quotes).trim()
}

/// True when the text is not something a person pasted from a page: control characters or
/// replacement characters make up more than a few percent of it.
pub fn looks_like_junk(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut bad = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if (0x20..0x7f).contains(&b) {
            continue;
        }
        let control = b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t') || b == 0x7f;
        // U+0080–U+009F (C1 controls) and U+FFFD (the replacement character) in UTF-8.
        let c1 = b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n));
        let replacement = b == 0xef && bytes.get(i + 1..i + 3) == Some(&[0xbf, 0xbd]);
        if control || c1 || replacement {
            bad += 1;
        }
    }
    !bytes.is_empty() && bad * 20 > bytes.len() / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_byte_offsets_through_crlf_and_nbsp() {
        let text = "One\r\n\u{a0} Two  \r\n\r\nThree";
        let lines = lines(text);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[1].text, "Two");
        assert_eq!(&text[lines[1].full_span()], "Two");
        assert!(lines[2].is_blank());
        assert_eq!(&text[lines[3].full_span()], "Three");
    }

    #[test]
    fn date_stamps_are_not_part_of_the_line() {
        let text = " date 2023-08-03 Lost In The Stars (PG13)\nnext";
        let lines = lines(text);
        assert_eq!(lines[0].text, "Lost In The Stars (PG13)");
        assert_eq!(&text[lines[0].full_span()], "Lost In The Stars (PG13)");
        assert_eq!(super::lines("date 2023-08-03")[0].text, "date 2023-08-03");
    }

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(ascii_word_boundaries(r"\bby\s+\\b"), r"(?-u:\b)by\s+\\b");
        assert!(compile(r"\bDirector\b").is_match("“Director” Jacques"));
    }

    #[test]
    fn values_are_cleaned() {
        assert_eq!(
            clean_value(" Jacques\u{a0}\u{a0}Audiard, "),
            "Jacques Audiard"
        );
        assert_eq!(strip_quotes("‘Rust and Bone’"), "Rust and Bone");
    }

    #[test]
    fn junk_is_told_from_text() {
        assert!(looks_like_junk("\u{0}\u{1}\u{2}abc"));
        assert!(!looks_like_junk("Director: Jacques Audiard\r\n"));
        assert_eq!(cut_at_boundary("éé", 3), "é");
    }
}
