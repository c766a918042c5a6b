//! Capsule heads. A roundup's capsule starts with the film's title, in capitals or title case,
//! then its stars, a double dash or its classification, and may end with its running time and
//! the critic's name: `ALADDIN. 2.5 stars. … 2 hrs. 8 PG (thematic elements) – Gary Thompson`,
//! `BLADE RUNNER 2049 - THREE AND A HALF STARS - (R) …`, `Because I Said So -- Diane Keaton is …`,
//! `Britt-Marie Was Here (NR) This Swedish comedy …`. Only the first capsule is read: it is the
//! one a person copies.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::model::Rating;
use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::names::{is_person_name, word_count};
use crate::parse::text::{clean_value, compile, Line};
use crate::parse::title_line::{is_classification, is_title_like};

/// `ALADDIN. 2.5 stars.`, `Sept. 20-- ALPHA. 3 stars.`, `TITLE - THREE AND A HALF STARS -`.
static STARRED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:\p{Lu}[a-z]{2,4}\.\s+\d{1,2}\s*--\s*)?(?P<t>[^.]{1,80}?)(?:\.\s+|\s+-\s+)(?P<n>[0-5](?:\.5)?|(?i:zero|one|two|three|four|five|half\s+a))(?P<h>\s+(?i:and\s+a\s+half))?\s+(?i:stars?)\b",
    )
});
/// `Because I Said So -- Diane Keaton is a mother …`.
static DASHED: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?P<t>[^\-–—]{1,60}?),?\s+--\s+\S.{30,}"));
/// `Britt-Marie Was Here (NR) This Swedish comedy …`.
static CLASSIFIED: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^(?P<t>[^()]{1,60}?)\s+\((?P<c>[^()]{1,10})\)\s+\p{Lu}\p{Ll}.{30,}")
});
/// `2 hrs. 8 PG`, `1 hr. 36 PG-13`: hours, then minutes without their unit before the
/// classification.
static HOURS_THEN_MINUTES: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?P<h>[1-4])\s*hrs?\.?\s+(?P<m>[0-5]?\d)\s+(?:G|PG|PG-13|R|NC-17|NR|Not Rated)\b")
});
/// The critic's name that ends a capsule: `… (violence) – Gary Thompson`, `…-Gary Thompson`.
static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?:\s[–—-]|\)-)\s?(?P<n>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,2})\s*$")
});

/// Reads the first capsule head: its title, stars, running time and signature.
pub fn first_capsule(lines: &[Line<'_>], found: &mut Found) {
    for line in lines.iter().filter(|l| !l.is_blank()).take(40) {
        if found.is_consumed(line.index) {
            continue;
        }
        if let Some(caps) = STARRED.captures(line.text) {
            if starred(line, &caps, found) {
                return;
            }
        }
        let shaped = DASHED.captures(line.text).or_else(|| {
            CLASSIFIED
                .captures(line.text)
                .filter(|c| c.name("c").is_some_and(|c| is_classification(c.as_str())))
        });
        if let Some(t) = shaped.and_then(|c| c.name("t")).filter(|t| {
            is_title_like(t.as_str())
                && word_count(t.as_str()) <= 8
                && super::title_agreement::title_cased(t.as_str())
        }) {
            push_title(line, t, found);
            tail(line, found);
            return;
        }
    }
}

/// A head with its stars: true when the title was one.
fn starred(line: &Line<'_>, caps: &Captures<'_>, found: &mut Found) -> bool {
    let Some(t) = caps.name("t") else {
        return false;
    };
    let title = t.as_str();
    let capitals = !title.chars().any(char::is_lowercase);
    if !is_title_like(title)
        || word_count(title) > 10
        || !(capitals || super::title_agreement::title_cased(title))
    {
        return false;
    }
    push_title(line, t, found);
    if let Some(n) = caps.name("n") {
        let whole = match n.as_str().to_lowercase().as_str() {
            "zero" => Some(0.0),
            "one" => Some(1.0),
            "two" => Some(2.0),
            "three" => Some(3.0),
            "four" => Some(4.0),
            "five" => Some(5.0),
            other if other.starts_with("half") => Some(0.5),
            digits => digits.parse::<f64>().ok(),
        };
        let half = if caps.name("h").is_some() { 0.5 } else { 0.0 };
        if let Some(rating) = whole.and_then(|w| Rating::points(w + half, 5).ok()) {
            let end = caps.get(0).map_or(n.end(), |m| m.end());
            found
                .rating
                .push(cand(rating, line.span(n.start()..end), conf::LIKELY));
        }
    }
    tail(line, found);
    true
}

/// Records the head's title.
fn push_title(line: &Line<'_>, t: regex::Match<'_>, found: &mut Found) {
    let title = clean_value(t.as_str());
    found
        .title
        .push(cand(title, line.span(t.range()), conf::LIKELY));
}

/// The capsule's running time as hours then bare minutes, and its signature.
fn tail(line: &Line<'_>, found: &mut Found) {
    if let Some(caps) = HOURS_THEN_MINUTES.captures(line.text) {
        let hours = caps.name("h").and_then(|h| h.as_str().parse::<u32>().ok());
        let minutes = caps.name("m").and_then(|m| m.as_str().parse::<u32>().ok());
        if let (Some(h), Some(m), Some(whole)) = (hours, minutes, caps.get(0)) {
            let span = line.span(whole.start()..caps.name("m").map_or(whole.end(), |m| m.end()));
            found.runtime_min.push(cand(h * 60 + m, span, conf::SHAPED));
        }
    }
    if let Some(n) = SIGNED.captures(line.text).and_then(|c| c.name("n")) {
        if is_person_name(n.as_str()) {
            found.reviewer.push(cand(
                clean_value(n.as_str()),
                line.span(n.range()),
                conf::CONTEXT,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_review;

    #[test]
    fn a_starred_capsule_head() {
        let review = parse_review(
            "Capsule reviews\n\nORCHARD HOUSE. 3.5 stars. A widower (Tomas Reve) rebuilds a \
             farmhouse. 1 hr. 52 PG-13 (language) – Ilse Marrow\n\nNEXT ONE. 2 stars. Other.\n",
        );
        assert_eq!(review.title.as_deref(), Some("Orchard House"));
        assert_eq!(
            review.rating.map(|r| r.to_string()).as_deref(),
            Some("3.5/5")
        );
        assert_eq!(review.runtime_min, Some(112));
        assert_eq!(review.reviewer.as_deref(), Some("Ilse Marrow"));
    }

    #[test]
    fn stars_in_words_and_dashed_heads() {
        let review = parse_review(
            "RIVER GLASS - THREE AND A HALF STARS - (R) Two sisters keep a lighthouse. (101 min.)\n",
        );
        assert_eq!(review.title.as_deref(), Some("River Glass"));
        assert_eq!(
            review.rating.map(|r| r.to_string()).as_deref(),
            Some("3.5/5")
        );
        let review = parse_review(
            "Salt Harbour -- a fishing town's quiet feud, told with patience and dry humour. PG 98 \
             minutes B\n",
        );
        assert_eq!(review.title.as_deref(), Some("Salt Harbour"));
    }
}
