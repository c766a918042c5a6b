//! Cutting a credits line into pieces: at `;`, `|`, `•`, `·`, tabs, runs of spaces (table
//! columns), colon labels glued inside the line (`Director: X Cast: A, B Running Time: 115`) and at
//! sentence ends that are not initials or abbreviations.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::names;
use crate::parse::text::{compile, is_space};

/// A colon label inside a line, where pages glue a header's credits into one run of text:
/// `Director: X Cast: A, B Rating: M Running Time: 115`, `Movie Name: SherdilRelease Date: …`.
static INLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:Directors?|DIRECTORS?|Directed [Bb]y|DIRECTED BY|Cast|CAST|Starring|STARRING|Stars|Writers?|WRITERS?|Screenplay|Written [Bb]y|Running [Tt]ime|RUNNING TIME|Run [Tt]ime|Runtime|Rating|RATING|Release [Dd]ate|Opening [Dd]ay|Genres?|GENRE|(?:Australian |US |UK )?Distributor|Released [Bb]y|Review [Bb]y|Language|Country|Producers?)(?:\(s\))?\s*:",
    )
});

/// Any other short label glued into a credits line (`… Emerald Fennell The story: A woman …`).
static OTHER_LABEL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\s(?P<l>\p{Lu}\p{Ll}+(?:\s\p{Ll}+)?):\s"));

/// Where inline colon labels start inside `range` of `text` (not at its start): before a label
/// that follows a space, or that is glued to the value before it (`SherdilRelease Date:`).
fn inline_label_cuts(text: &str, range: &Range<usize>) -> Vec<usize> {
    let piece = &text[range.clone()];
    if !piece.contains(':') {
        return Vec::new();
    }
    let known: Vec<Range<usize>> = INLINE_LABEL.find_iter(piece).map(|m| m.range()).collect();
    // Two words (`The story:`) stand alone; one word after a capitalised word may end a
    // longer label (`Release Date:`), which `INLINE_LABEL` knows.
    let others = OTHER_LABEL
        .captures_iter(piece)
        .filter_map(|c| c.name("l"))
        .filter(|m| {
            let before = piece[..m.start()].trim_end();
            let previous_capital = before
                .rsplit(is_space)
                .next()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
            m.as_str().contains(' ') || !previous_capital
        })
        .filter(|m| {
            !known
                .iter()
                .any(|l| l.start <= m.start() && m.start() < l.end)
        })
        .map(|m| range.start + m.start());
    let mut cuts: Vec<usize> = INLINE_LABEL
        .find_iter(piece)
        .filter(|m| m.start() > 0)
        .filter(|m| {
            piece[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || c.is_lowercase() || c.is_ascii_digit())
        })
        .map(|m| range.start + m.start())
        .chain(others)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Splits a line into credit-sized pieces: at `;`, `|`, `•`, `·`, tabs, runs of spaces (table
/// columns), inline colon labels and at sentence ends that are not initials or honorifics.
/// Returns trimmed byte ranges.
pub fn segments(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for range in sentence_segments(text) {
        let mut start = range.start;
        for cut in inline_label_cuts(text, &range) {
            if let Some(r) = names::trim_range(text, start..cut) {
                out.push(r);
            }
            start = cut;
        }
        if let Some(r) = names::trim_range(text, start..range.end) {
            out.push(r);
        }
    }
    out
}

/// [`segments`] without the inline labels.
fn sentence_segments(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let cut = match b {
            b';' | b'|' | b'\t' => Some(i + 1),
            // `•` is E2 80 A2 and `·` is C2 B7 in UTF-8.
            0xe2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xa2]) => Some(i + 3),
            0xc2 if bytes.get(i + 1) == Some(&0xb7) => Some(i + 2),
            // Table columns; not the padding after a label's colon (`Director:    Ana Ruiz`).
            b' ' if i > start
                && bytes.get(i..i + 3) == Some(b"   ")
                && !text[start..i].trim_end().ends_with(':') =>
            {
                Some(i + 1)
            }
            b'.' | b'!' | b'?' => {
                let next_is_space = text[i + 1..].starts_with(is_space);
                let after = text[i + 1..].trim_start_matches(is_space);
                let next_starts = after.chars().next().is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || matches!(n, '(' | '“' | '"' | '‘')
                });
                (next_is_space && next_starts && !ends_with_abbreviation(&text[start..i]))
                    .then_some(i + 1)
            }
            _ => None,
        };
        if let Some(end) = cut {
            out.push(start..i);
            start = end;
        }
    }
    out.push(start..text.len());
    out.into_iter()
        .filter_map(|r| names::trim_range(text, r))
        .collect()
}

/// True when the text before a full stop ends in an initial or an abbreviation such as `Mr`.
fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| is_space(c) || c == '(')
        .next()
        .unwrap_or_default();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let mpaa = before
        .trim_end()
        .rsplit(is_space)
        .nth(1)
        .is_some_and(|w| w.eq_ignore_ascii_case("rated"));
    let initial = letters == 1 && word.chars().count() <= 2 && !mpaa;
    initial
        || [
            "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "dir", "no", "vol", "u.s", "u.k",
            "hr", "hrs", "min", "mins", "approx", "ca", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec",
        ]
        .contains(&word.to_ascii_lowercase().as_str())
}
