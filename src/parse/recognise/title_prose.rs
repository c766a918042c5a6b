//! Titles that only the prose confirms, for pages whose heading is bare: a short top line the prose
//! repeats (`BARBIE` … `Barbie unfolds`), and a title the prose names twice after a possessive
//! (`Dan Sallitt's Fourteen`) or in quotes (`“Fourteen”`). One mention is too weak: no title.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::text::{clean_value, compile, Line};
use crate::parse::title_line::is_title_like;

use super::title::push_title;

/// A trailing `(Movie Review)`, `– Review`, `Film Review` on a heading.
static REVIEW_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\s*[(\[–—\-:]?\s*(?:movie\s+|film\s+)?review\s*[)\]]?\s*$"));

/// A title-cased run of words: `Fourteen`, `The Taste of Things`, `65`.
const TITLE_WORDS: &str = r"(?:\p{Lu}|\d)[\p{L}\d’'\-]*(?:\s+(?:(?:of|the|a|an|and|in|on|to|for|at|from|with)\s+)*(?:\p{Lu}|\d)[\p{L}\d’'\-]*){0,7}";

/// `First Last's [new|drama|…] Title`: a person's film, named after the possessive.
static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b\p{{Lu}}[\p{{L}}\-]+(?:\s+\p{{Lu}}[\p{{L}}\-]+){{1,2}}[’']s\s+(?:(?:new|latest|debut|first|second|third|drama|comedy|thriller|documentary|horror|film|movie|feature|biopic|romance|satire|western)\s+){{0,2}}(?P<t>{TITLE_WORDS})"
    ))
});

/// A title in quotes: `“Fourteen”`, `"The Taste of Things"`, `'Table for Six'` (an opening quote
/// that follows no letter, so `father's` opens nothing).
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"(?:^|[^\p{{L}}\d])[“"‘'](?P<t>{TITLE_WORDS})[”"’']"#
    ))
});

/// A review site's own note of what the review is of: `(A review of No Strings Attached)`.
static REVIEW_OF: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"\((?i:a\s+review\s+of)\s+(?P<t>{TITLE_WORDS})\)")));

/// A trailing `(1944)` or other parentheses, which the prose does not repeat.
static PARENS_TAIL: LazyLock<Regex> = LazyLock::new(|| compile(r"\s*\([^()]*\)\s*$"));

/// When no heading named the film: a short title-like line near the top (page furniture and lines
/// other recognisers used excepted, a `(Movie Review)` tail dropped, a `(1988)` tail unrepeated) whose words the prose repeats
/// later in any case, as in `Ghost Harbor` … `Ghost Harbor is the rare horror film that …`. An
/// all-capitals heading takes the prose's casing.
pub fn repeated_heading(lines: &[Line<'_>], found: &mut Found) {
    if !found.title.is_empty() {
        return;
    }
    let top = lines.iter().filter(|l| !l.is_blank()).take(8);
    let candidates: Vec<&Line<'_>> = top
        .filter(|l| {
            !found.is_consumed(l.index)
                && l.text.len() <= 60
                && l.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && is_title_like(l.text)
                && !crate::parse::body::is_furniture(l.text)
                && crate::parse::dates::find_date(l.text).is_none()
        })
        .collect();
    for line in candidates {
        let whole = REVIEW_SUFFIX.replace(line.text, "");
        let whole = whole.trim_end();
        // `Ghost Harbor (1988)`: the prose repeats the words without the parentheses.
        let bare = PARENS_TAIL.replace(whole, "");
        if bare.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        let needle = bare.to_ascii_lowercase();
        let repeated = lines[line.index + 1..].iter().find_map(|later| {
            if later.text.len() <= 100 {
                return None;
            }
            let hay = later.text.to_ascii_lowercase();
            hay.match_indices(&needle)
                .find(|(at, _)| {
                    let after = hay[at + needle.len()..].chars().next();
                    let before = hay[..*at].chars().next_back();
                    !after.is_some_and(char::is_alphanumeric)
                        && !before.is_some_and(char::is_alphanumeric)
                })
                .map(|(at, _)| &later.text[at..at + needle.len()])
        });
        let Some(said) = repeated else {
            continue;
        };
        let shouting = !bare.chars().any(char::is_lowercase);
        if shouting && said.chars().any(char::is_lowercase) {
            found.title.push(cand(
                clean_value(said),
                line.span(0..bare.len()),
                conf::GUESS,
            ));
        } else {
            push_title(line, 0..whole.len(), conf::GUESS, found);
        }
        found.consume(line.index);
        return;
    }
}

/// When still no title: the site's `(A review of Title)`, or one the prose names at least twice
/// after a person's possessive or in quotes, the same words each time.
pub fn named_twice(lines: &[Line<'_>], found: &mut Found) {
    // A dateline may have used the line up: `Posted … (A review of Title)`. The site's own note
    // is sure enough to stand beside a weak heading.
    for line in lines {
        if let Some(t) = REVIEW_OF.captures(line.text).and_then(|c| c.name("t")) {
            let title = clean_value(t.as_str());
            found
                .title
                .push(cand(title, line.span(t.range()), conf::SHAPED));
            return;
        }
    }
    if !found.title.is_empty() {
        return;
    }
    for shape in [&*POSSESSIVE, &*QUOTED] {
        let mut seen: HashMap<String, (usize, std::ops::Range<usize>)> = HashMap::new();
        for line in lines.iter().filter(|l| !found.is_consumed(l.index)) {
            for caps in shape.captures_iter(line.text) {
                let Some(t) = caps.name("t") else {
                    continue;
                };
                let title = clean_value(t.as_str().trim_end_matches(['’', '\'']));
                if title.is_empty() || !is_title_like(&title) {
                    continue;
                }
                let entry = seen
                    .entry(title.to_lowercase())
                    .or_insert((0, line.span(t.range())));
                entry.0 += 1;
            }
        }
        let best = seen
            .into_iter()
            .filter(|(_, (n, _))| *n >= 2)
            .max_by_key(|(_, (n, span))| (*n, std::cmp::Reverse(span.start)));
        if let Some((_, (_, span))) = best {
            let value = clean_value(lines_text(lines, &span));
            found.title.push(cand(value, span, conf::GUESS));
            return;
        }
    }
}

/// When nothing else named the film: a blog post's head, a short title-like line right above the
/// first paragraph that sits right under the post's date line (`Sunday, November 02, 2025` /
/// `It was Just an Accident` / prose) or shares most of its longer words with that paragraph
/// (`Detective Byomkesh Bakshy` / `Detective Byomkesh Bakshi. People have …`).
pub fn post_head(lines: &[Line<'_>], found: &mut Found) {
    if !found.title.is_empty() {
        return;
    }
    let text: Vec<&Line<'_>> = lines.iter().filter(|l| !l.is_blank()).collect();
    let Some(p) = text.iter().position(|l| l.text.len() > 200) else {
        return;
    };
    let Some(head) = p.checked_sub(1).map(|i| text[i]) else {
        return;
    };
    if found.is_consumed(head.index)
        || head.text.len() > 60
        || crate::parse::names::word_count(head.text) > 8
        || !is_title_like(head.text)
        || crate::parse::body::is_furniture(head.text)
        || crate::parse::dates::find_date(head.text).is_some()
    {
        return;
    }
    let under_date = p
        .checked_sub(2)
        .map(|i| text[i].text)
        .is_some_and(|t| t.len() <= 40 && crate::parse::dates::find_date(t).is_some());
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let long = words(head.text);
    let prose: HashSet<String> = words(text[p].text).into_iter().collect();
    let shared = long.iter().filter(|w| prose.contains(*w)).count();
    let echoed = shared >= 2 && shared * 3 >= long.len() * 2;
    if under_date || echoed {
        push_title(head, 0..head.text.len(), conf::GUESS, found);
        found.consume(head.index);
    }
}

/// The text of `span` (byte offsets in the whole input) from the line holding it.
pub(super) fn lines_text<'a>(lines: &[Line<'a>], span: &std::ops::Range<usize>) -> &'a str {
    lines
        .iter()
        .find(|l| l.start <= span.start && span.end <= l.start + l.text.len())
        .map_or("", |l| &l.text[span.start - l.start..span.end - l.start])
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_review;

    /// A paragraph long enough to count as prose.
    const FILLER: &str = "and the rest of this sentence carries on for long enough that the line is plainly prose rather than a heading.";

    #[test]
    fn a_shouted_heading_takes_the_prose_casing() {
        let text =
            format!("GHOST HARBOR (MOVIE REVIEW)\n\nWith Ghost Harbor, the director {FILLER}\n");
        assert_eq!(parse_review(&text).title.as_deref(), Some("Ghost Harbor"));
    }

    #[test]
    fn a_possessive_said_twice_names_the_film() {
        let text = format!(
            "Film Review\n\nMara Lind's drama Ghost Harbor looks at a town {FILLER}\n\nA still from Mara Lind's Ghost Harbor.\n"
        );
        assert_eq!(parse_review(&text).title.as_deref(), Some("Ghost Harbor"));
    }

    #[test]
    fn a_quoted_title_said_twice_names_the_film() {
        let text = format!(
            "Archive\n\nThe new “Ghost Harbor” opens on a pier {FILLER}\n\nBy the end, “Ghost Harbor” {FILLER}\n"
        );
        assert_eq!(parse_review(&text).title.as_deref(), Some("Ghost Harbor"));
    }

    #[test]
    fn single_quotes_and_a_heading_with_its_year() {
        let text = format!(
            "Archive\n\nLively and warm, 'Ghost Harbor' opens on a pier {FILLER}\n\nMy father's view: 'Ghost Harbor' {FILLER}\n"
        );
        assert_eq!(parse_review(&text).title.as_deref(), Some("Ghost Harbor"));
        let text = format!("Ghost Harbor (1988)\n\nGhost Harbor was made {FILLER}\n");
        assert_eq!(parse_review(&text).title.as_deref(), Some("Ghost Harbor"));
    }

    #[test]
    fn a_review_sites_note_names_the_film() {
        let text = format!(
            "A warm and funny film\n\nPosted : 3 years ago on 25 July 2011 (A review of Ghost Harbor)\n\nIt {FILLER}\n"
        );
        assert_eq!(parse_review(&text).title.as_deref(), Some("Ghost Harbor"));
    }

    #[test]
    fn a_blog_posts_head_under_its_date() {
        let text = format!(
            "Sunday, November 02, 2025\n\nGhost Harbor\n\nThis new film {FILLER} {FILLER}\n"
        );
        assert_eq!(parse_review(&text).title.as_deref(), Some("Ghost Harbor"));
        let text = format!(
            "Archive for Drama\n\nThe Ghost Harbour Mystery\n\nThe Ghost Harbor mystery {FILLER} {FILLER}\n"
        );
        assert_eq!(
            parse_review(&text).title.as_deref(),
            Some("The Ghost Harbour Mystery")
        );
        let text =
            format!("Archive for Drama\n\nSome Thoughts\n\nThis new film {FILLER} {FILLER}\n");
        assert_eq!(parse_review(&text).title, None);
    }

    #[test]
    fn one_mention_is_too_weak() {
        let text = format!(
            "Archive\n\nMara Lind's Ghost Harbor opens on a pier {FILLER}\n\nShe calls it “Home” {FILLER}\n"
        );
        assert_eq!(parse_review(&text).title, None);
    }
}
