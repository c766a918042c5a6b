//! Outlets the text names without being in the list of known outlets: a page title's site part
//! (`Oculus film review - SciFiNow`, `… Multiplexes – Awards Radar`), and the prose saying whose
//! review it is (`on behalf of the Randburg Sun`, `the reviewers of Galaxy Lollywood`). A name is
//! taken only when it is short, in title case, not a person's and not the film's title. (A
//! copyright line names an outlet only when it is a known one: `byline`.) Also the critic a page
//! introduces in its first lines (`critic Milan Paurich takes a look`).

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::given_names::starts_with_given_name;
use crate::parse::text::{clean_value, compile, Line};

/// A site's name: one to four capitalised words (`SciFiNow`, `Awards Radar`, `Pinoy Rebyu`).
const SITE: &str =
    r"(?:The\s+)?\p{Lu}[\p{L}\d'’&.\-]*(?:\s+(?:of\s+|&\s+)?\p{Lu}[\p{L}\d'’&.\-]*){0,3}";

/// A page title that ends with the site after a spaced dash or bar: `Title review - Site`.
static TITLE_SITE: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"\s(?:[-–—|])\s+(?P<site>{SITE})\s*$")));
/// `on behalf of the Randburg Sun`, `the reviewers of Galaxy Lollywood`, `critics at Site`.
static WHOSE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:on\s+behalf\s+of|(?:critics|reviewers|writers|editors)\s+(?:at|of))\s+(?:the\s+)?(?P<site>{SITE})"
    ))
});

/// `critic Milan Paurich takes a look`, `Reader Nikki McDiarmid reviews …`: the page introducing
/// its reviewer.
static CRITIC_INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:[Cc]ritic|[Rr]eviewer|Reader)\s+(?P<name>{})\s+(?:takes|reviews|looks|writes|weighs|picks|rates|sees)\b",
        *crate::parse::names::NAME
    ))
});

/// The reviewer a page introduces in its first lines, when no byline named one.
pub fn critic_introduced(lines: &[Line<'_>], found: &mut Found) {
    if !found.reviewer.is_empty() {
        return;
    }
    for line in lines.iter().filter(|l| !l.is_blank()).take(TITLE_LINES) {
        let text = line.scan_text();
        let Some(name) = CRITIC_INTRODUCED
            .captures(text)
            .and_then(|c| c.name("name"))
        else {
            continue;
        };
        if crate::parse::names::word_count(name.as_str()) >= 2
            && crate::parse::names::is_person_name(name.as_str())
        {
            let value = clean_value(name.as_str());
            found
                .reviewer
                .push(cand(value, line.span(name.range()), conf::GUESS));
            return;
        }
    }
}

/// How many non-blank lines from the top may hold the page title.
const TITLE_LINES: usize = 6;

/// Reads outlets named by a page title's site part or by the prose.
pub fn scan(lines: &[Line<'_>], found: &mut Found) {
    if found.outlet.iter().any(|o| o.confidence >= conf::CONTEXT) {
        return;
    }
    for (n, line) in lines.iter().filter(|l| !l.is_blank()).enumerate() {
        let text = line.scan_text();
        if n < TITLE_LINES && text.len() <= 200 && text.to_lowercase().contains("review") {
            if let Some(site) = TITLE_SITE.captures(text).and_then(|c| c.name("site")) {
                push(line, site, conf::HINT, found);
            }
        }
        if text.contains(" behalf of ") || text.contains(" of ") || text.contains(" at ") {
            for caps in WHOSE.captures_iter(text).take(4) {
                if let Some(site) = caps.name("site") {
                    push(line, site, conf::GUESS, found);
                }
            }
        }
    }
}

/// Records the site when it reads as an outlet's name, not a person's or a review word.
fn push(line: &Line<'_>, site: regex::Match<'_>, confidence: f32, found: &mut Found) {
    let name = site.as_str().trim_end_matches(['.', '’', '\'']);
    let lower = name.to_lowercase();
    if found.title.iter().any(|t| t.value.to_lowercase() == lower) {
        return;
    }
    let person = starts_with_given_name(name) && !name.contains(['&', '.']);
    let words = [
        "review", "reviews", "film", "films", "movie", "movies", "home",
    ];
    if person || words.contains(&lower.as_str()) || lower.contains("review") || name.len() < 3 {
        return;
    }
    let at = site.start();
    found.outlet.push(cand(
        clean_value(name),
        line.span(at..at + name.len()),
        confidence,
    ));
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_review;

    #[test]
    fn a_critic_the_page_introduces() {
        let text = "Award-winning critic Ana Lopes takes a look at the week's films.\n\nDirector: Mara Lind\n\nA quiet film.\n";
        assert_eq!(parse_review(text).reviewer.as_deref(), Some("Ana Lopes"));
    }

    #[test]
    fn outlets_named_by_the_page() {
        let text =
            "Ghost Harbor film review - Reel Harbour\n\nDirector: Mara Lind\n\nA quiet film.\n";
        assert_eq!(parse_review(text).outlet.as_deref(), Some("Reel Harbour"));
        let text =
            "Director: Mara Lind\n\nA quiet film.\n\n© 2021 Reel Harbour. All rights reserved.\n";
        assert_eq!(parse_review(text).outlet, None);
        let text = "BFI Review - The Drowned Ferry\n\nDirector: Mara Lind\n\nA quiet film.\n";
        assert_eq!(parse_review(text).outlet, None);
        let text = "Director: Mara Lind\n\nReader Ana Lopes reviews it on behalf of the Northgate Echo and friends.\n";
        assert_eq!(parse_review(text).outlet.as_deref(), Some("Northgate Echo"));
        let text = "Ghost Harbor review - Mara Lind\n\nDirector: Tom Bell\n\nA quiet film.\n";
        assert_eq!(parse_review(text).outlet, None);
    }
}
