//! The title the rest of the text confirms. A careful reader takes a heading's words as the film's
//! title when the text bears them out: the prose names them again, they stand in quotes, or they
//! are the words printed in capitals in a mixed-case headline (`Berlinale 2023 Review: IN WATER
//! Dazzles`). So, last among the title recognisers: a title that is a classification or page
//! furniture goes; when the best title left is named nowhere else in the text, the head line part
//! with the most of these cues replaces it (`All of Us Strangers: Power of Queer Love` → `All of
//! Us Strangers`, `IFTV’s BLITZ review` → `BLITZ`), and when none is confirmed enough the title
//! stays as it was.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::labels::Sep;
use crate::parse::names::word_count;
use crate::parse::text::{clean_value, compile, Line};
use crate::parse::title_line::{is_classification, is_title_like};

/// How many non-blank lines from the top are read as head lines.
const HEAD_LINES: usize = 12;
/// How much of the text is read for mentions (the top of a long paste is the review).
const SCAN_BYTES: usize = 64 * 1024;
/// The least cue weight a part needs to replace an unconfirmed title.
const ENOUGH: u32 = 3;

/// Where a head line breaks into parts: colons, semicolons, bars, dashes, and the review marker.
static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\s*(?:[:;|–—]|\s-{1,2}\s|\(a\s+review\)|\[[^\]]*review\]|\b(?:(?:film|movie|festival|\d{4})\s+)?reviews?(?:\s+of)?\b)\s*",
    )
});
/// The review marker itself, for telling which parts stand beside it.
static REVIEW_MARK: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\breviews?\b"));
/// A run of words in capitals (`A HOUSE OF DYNAMITE`, `BLITZ`).
static CAPITALS: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b\p{Lu}[\p{Lu}\d'’&\-]*(?:\s+\p{Lu}[\p{Lu}\d'’&\-]*)*\b"));
/// Text in quotes.
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| compile(r#"[‘'"“]([^‘’'"“”]{2,80})[’'"”](?:\s|$|[:,.])"#));
/// Words that name the page, not a film.
const NOT_TITLES: &[&str] = &[
    "review",
    "reviews",
    "movie",
    "movies",
    "film",
    "films",
    "netflix",
    "trailer",
    "verdict",
    "spoilers",
    "read more",
    "a review",
];

/// How page furniture that heads a text begins.
const FURNITURE: &[&str] = &["showing posts", "read the", "read more", "posted by"];

/// A part of a head line that may be the title, with the cues it has.
struct Part {
    text: String,
    line: usize,
    span: Range<usize>,
    quoted: bool,
    capitals: bool,
    beside_review: bool,
}

/// Drops classification and furniture titles, then replaces an unconfirmed best title by the
/// best-confirmed part of a head line.
pub fn confirm(lines: &[Line<'_>], found: &mut Found) {
    found.title.retain(|c| {
        !is_classification(&c.value)
            && !crate::parse::body::is_furniture(&c.value)
            && !super::title::is_festival(&c.value)
            && !NOT_TITLES.contains(&c.value.to_lowercase().as_str())
            && !FURNITURE
                .iter()
                .any(|f| c.value.to_lowercase().starts_with(f))
    });
    let scanned: Vec<(usize, String)> = scanned_lines(lines);
    // With a title left, only a part the text names again or quotes may replace it; with none,
    // capitals beside the review marker are enough.
    let replacing = match found.best_title() {
        Some(best) => {
            let own = line_of(lines, best.span.start);
            let lower = best.value.to_lowercase();
            let bare = ["the ", "a ", "an "]
                .iter()
                .find_map(|a| lower.strip_prefix(a))
                .unwrap_or(&lower);
            if mentions(&scanned, lines, &lower, own) > 0
                || mentions(&scanned, lines, bare, own) > 0
                || subtitled(&scanned, lines, &lower, own)
                || repeated_alone(lines, &best.value, own)
                || extends_another(found, &lower)
            {
                return;
            }
            true
        }
        None => false,
    };
    let people = people_keys(found);
    let mut winner: Option<(u32, Part)> = None;
    for part in head_parts(lines) {
        let key = part.text.to_lowercase();
        if people.contains(&crate::parse::names::key(&part.text)) || !acceptable(&part.text) {
            continue;
        }
        let seen = if word_count(&part.text) == 1 {
            capitalised_mentions(lines, &part.text, part.line)
        } else {
            mentions(&scanned, lines, &key, part.line)
        };
        if replacing && seen == 0 && !part.quoted {
            continue;
        }
        let weight = 3 * seen.min(3)
            + 2 * u32::from(part.quoted)
            + 2 * u32::from(part.capitals)
            + u32::from(part.beside_review);
        if weight >= ENOUGH && winner.as_ref().is_none_or(|(w, _)| weight > *w) {
            winner = Some((weight, part));
        }
    }
    if let Some((_, part)) = winner {
        // `Movie Review – Black Panther` names the film, not the site.
        let title_key = crate::parse::names::key(&part.text);
        found
            .outlet
            .retain(|o| crate::parse::names::key(&o.value) != title_key);
        found.title.push(cand(
            clean_value(&part.text),
            part.span.clone(),
            conf::CONFIRMED,
        ));
    }
}

/// The lowercased lines within [`SCAN_BYTES`], with their indexes in `lines`.
fn scanned_lines(lines: &[Line<'_>]) -> Vec<(usize, String)> {
    lines
        .iter()
        .enumerate()
        .take_while(|(_, l)| l.start < SCAN_BYTES)
        .filter(|(_, l)| !l.is_blank())
        .map(|(i, l)| (i, l.text.to_lowercase()))
        .collect()
}

/// The index in `lines` of the line holding byte `at`.
fn line_of(lines: &[Line<'_>], at: usize) -> usize {
    lines
        .iter()
        .position(|l| l.start <= at && at <= l.start + l.text.len())
        .unwrap_or(usize::MAX)
}

/// How many lines other than `own` (and its copies) name `key` as whole words.
fn mentions(scanned: &[(usize, String)], lines: &[Line<'_>], key: &str, own: usize) -> u32 {
    if key.is_empty() {
        return 0;
    }
    let own_text = lines.get(own).map(|l| l.text.to_lowercase());
    let mut count = 0;
    for (i, text) in scanned {
        if *i == own || own_text.as_deref() == Some(text.as_str()) {
            continue;
        }
        if whole_words_in(text, key) {
            count += 1;
        }
    }
    count
}

/// A full title that extends another candidate (`Solo: A Star Wars Story` over a prose `Solo`):
/// the text named its main title, and the heading gave the rest.
fn extends_another(found: &Found, lower: &str) -> bool {
    lower.split_once(':').is_some_and(|(main, _)| {
        let main = crate::parse::names::key(main);
        found
            .title
            .iter()
            .any(|c| crate::parse::names::key(&c.value) == main)
    })
}

/// A title alone on its line that the text prints alone again (a heading and its footer).
fn repeated_alone(lines: &[Line<'_>], title: &str, own: usize) -> bool {
    lines.get(own).is_some_and(|l| l.text.trim() == title)
        && lines
            .iter()
            .enumerate()
            .any(|(i, l)| i != own && l.text.trim() == title)
}

/// A full title with its subtitle (`Solo: A Star Wars Story`) whose main title the text names
/// bare; not when the text quotes the main title alone, which marks the rest as a headline's
/// (`‘All of Us Strangers’` under `All of Us Strangers: Power of Queer Love`).
fn subtitled(scanned: &[(usize, String)], lines: &[Line<'_>], lower: &str, own: usize) -> bool {
    let Some((main, _)) = lower.split_once(':') else {
        return false;
    };
    let quoted = scanned.iter().any(|(i, text)| {
        *i != own
            && ["‘", "'", "\"", "“"]
                .iter()
                .any(|q| text.contains(&format!("{q}{main}")))
    });
    !quoted && mentions(scanned, lines, main.trim(), own) > 0
}

/// How many lines other than `own` (and its copies) name the one word `word` capitalised, as a
/// title is, so that `Like review` is not confirmed by `films like it`.
fn capitalised_mentions(lines: &[Line<'_>], word: &str, own: usize) -> u32 {
    let own_text = lines.get(own).map(|l| l.text);
    let mut first = word.chars();
    let Some(initial) = first.next() else {
        return 0;
    };
    let title_case: String = initial
        .to_uppercase()
        .chain(first.flat_map(char::to_lowercase))
        .collect();
    let mut count = 0;
    for (i, line) in lines
        .iter()
        .enumerate()
        .take_while(|(_, l)| l.start < SCAN_BYTES)
    {
        if i == own || own_text == Some(line.text) {
            continue;
        }
        if whole_words_in(line.text, word) || whole_words_in(line.text, &title_case) {
            count += 1;
        }
    }
    count
}

/// True when `key` occurs in `text` with no letter or digit either side.
fn whole_words_in(text: &str, key: &str) -> bool {
    text.match_indices(key).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + key.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The folded names of every person found so far: a person is not the film.
fn people_keys(found: &Found) -> std::collections::HashSet<String> {
    let names = found.directors.iter().chain(found.writers.iter());
    let cast = found.cast.iter().chain(found.prose_cast.iter());
    names
        .map(|c| crate::parse::names::key(&c.value))
        .chain(cast.flat_map(|c| {
            let member = &c.value;
            std::iter::once(crate::parse::names::key(&member.name)).chain(
                member
                    .character
                    .iter()
                    .map(|ch| crate::parse::names::key(ch)),
            )
        }))
        .collect()
}

/// Whether a part could be a film's title at all.
fn acceptable(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word_count(text) <= 8
        && is_title_like(text)
        && !NOT_TITLES.contains(&lower.as_str())
        && !is_classification(text)
        && !super::title::is_festival(text)
        && !crate::parse::lexicon::is_language(text)
        && crate::parse::lexicon::outlet_named(text).is_none()
        && crate::parse::dates::find_date(text).is_none()
        // `Declan Quinn`, not `Black Panther`: a full name that starts with a given name.
        && !(crate::parse::names::is_person_name(text)
            && crate::parse::given_names::starts_with_given_name(text))
}

/// The parts of the head lines: each piece between separators (a leading `Name’s ` dropped), the
/// quoted text, and the runs of capitals in a mixed-case line.
fn head_parts(lines: &[Line<'_>]) -> Vec<Part> {
    let mut parts = Vec::new();
    let heads = lines.iter().enumerate().filter(|(_, l)| !l.is_blank());
    for (index, line) in heads.take(HEAD_LINES) {
        let text = line.text;
        // Headings, not paragraphs or labelled credits (`Cinematography: Declan Quinn`).
        if text.len() > 120
            || word_count(text) > 16
            || crate::parse::labels::match_label(text).is_some_and(|l| l.sep == Sep::Strong)
        {
            continue;
        }
        let marks: Vec<Range<usize>> = REVIEW_MARK.find_iter(text).map(|m| m.range()).collect();
        let beside = |r: &Range<usize>| {
            marks.iter().any(|m| {
                let gap = if m.start >= r.end {
                    &text[r.end..m.start]
                } else if r.start >= m.end {
                    &text[m.end..r.start]
                } else {
                    return false;
                };
                gap.trim().chars().count() <= 3
            })
        };
        let mut push = |range: Range<usize>, quoted: bool, capitals: bool| {
            let raw = text[range.clone()].trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '‘' | '’' | '\'' | '"' | '“' | '”' | ',' | '.')
            });
            if raw.is_empty() {
                return;
            }
            let at = range.start + text[range.clone()].find(raw).unwrap_or(0);
            let range = at..at + raw.len();
            parts.push(Part {
                text: raw.to_owned(),
                line: index,
                span: line.span(range.clone()),
                quoted,
                capitals,
                beside_review: beside(&range),
            });
        };
        let mut start = 0;
        let mut pieces = Vec::new();
        for sep in SEPARATORS.find_iter(text) {
            pieces.push(start..sep.start());
            start = sep.end();
        }
        pieces.push(start..text.len());
        for piece in pieces.into_iter().filter(|p| p.start < p.end) {
            let words = &text[piece.clone()];
            push(piece.clone(), false, false);
            if let Some(apostrophe) = words
                .find(['’', '\''])
                .filter(|&a| words[a..].chars().nth(1) == Some('s') && !words[..a].contains(' '))
            {
                let after = piece.start
                    + apostrophe
                    + words[apostrophe..]
                        .char_indices()
                        .nth(2)
                        .map_or(0, |(i, _)| i);
                push(after..piece.end, false, false);
            }
        }
        for caps in QUOTED.captures_iter(text) {
            if let Some(inner) = caps.get(1) {
                push(inner.range(), true, false);
            }
        }
        if text.chars().any(char::is_lowercase) {
            for run in CAPITALS.find_iter(text) {
                if run.as_str().chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                    push(run.range(), false, true);
                }
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_review;

    fn title(text: &str) -> Option<String> {
        parse_review(text).title
    }

    #[test]
    fn capitals_beside_the_review_mark_and_a_possessive_outlet() {
        let text =
            "Festival 2024 Review: LANTERN TIDE Glows\n\nA quiet drama about two ferrymen.\n";
        assert_eq!(title(text).as_deref(), Some("Lantern Tide"));
        let text = "ZXQ's HARBOUR review\n\nHARBOUR opens in cinemas on Friday; in HARBOUR the \
                    sea is the star.\n";
        assert_eq!(
            title(text).map(|t| t.to_lowercase()).as_deref(),
            Some("harbour")
        );
    }

    #[test]
    fn a_headline_standfirst_yields_to_the_quoted_title() {
        let text = "Paper Lanterns: A Quiet Storm\nMara Quill writes about 'Paper Lanterns', a \
                    debut that lingers.\n";
        assert_eq!(title(text).as_deref(), Some("Paper Lanterns"));
    }

    #[test]
    fn a_classification_is_never_the_title() {
        let text = "Run Time: 1:34\nMPAA Rating: \"R\" (Violence)\nDirector: Ada Pell\n";
        assert_ne!(title(text).as_deref(), Some("R"));
    }

    #[test]
    fn a_head_part_the_prose_repeats_is_the_title() {
        let text = "Movie Review – Black Panther\n\nOpening night at Black Panther felt like a \
                    celebration.\n\nMovie Grade: A-\n";
        assert_eq!(title(text).as_deref(), Some("Black Panther"));
        assert_eq!(
            parse_review(text).rating.map(|r| r.to_string()).as_deref(),
            Some("A-")
        );
    }
}
