//! The reviewer's rating: star glyphs (`★★★½`, `★★★☆☆`), a line of asterisks, `3.5/5`,
//! `4 out of 5 stars`, `Rating: 3/4`, and letter grades (`Grade: B+`). MPAA ratings (`Rated R`) are
//! not review ratings and are left alone.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::found::{cand, Found};
use super::text::{compile, Line};
use crate::model::Rating;

/// A run of star glyphs, with halves.
static STARS: LazyLock<Regex> = LazyLock::new(|| compile(r"[★⭐✭✮☆✩½⯪]+(?:\s*½)?"));
/// A line of asterisks used as stars.
static ASTERISKS: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^(?:(?i:rating|our rating|verdict|stars)\s*:?\s*)?(\*{1,5})\s*(½|1/2)?$")
});
/// `Rating: 3/4`, `Score: 85/100`.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:rating|our rating|score|verdict|stars|grade)\s*[:：\-–]?\s*(?P<v>\d{1,3}(?:[.,]\d{1,2})?|½)\s*(?:/|out\s+of)\s*(?P<s>4|5|10|100)\b",
    )
});
/// `4 out of 5 stars`, `3.5/5 stars`.
static OUT_OF_STARS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:^|[^\d.,])(?P<v>\d{1,2}(?:[.,]5)?|½)\s*(?:/|out\s+of)\s*(?P<s>4|5|10)\s+stars?\b",
    )
});
/// A line that is only `3.5/5` or `7/10`.
static BARE_FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<v>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:/|out\s+of)\s*(?P<s>4|5|10|100)(?:\s+stars?)?\.?$",
    )
});
/// What may surround a rating on a line that is only a rating.
static RATING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\W*(?:our\s+)?(?:rating|grade|score|verdict|stars?)?\W*(?:out\s+of\s+\d+\s+stars?|stars?)?\W*$",
    )
});
/// `Grade: B+`.
static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i:\b(?:grade|our grade|rating))\s*[:：\-–]?\s*(?P<g>[A-DF][+\-−–]?)(?:$|[\s.,;)])")
});

/// Reads the rating recognisers over every short line.
pub fn scan(lines: &[Line<'_>], found: &mut Found) {
    let mut nonblank_seen = 0usize;
    for line in lines {
        if line.is_blank() {
            continue;
        }
        nonblank_seen += 1;
        if line.text.len() > 160 {
            continue;
        }
        if let Some((rating, range, confidence)) = rating_in(line.text, nonblank_seen <= 15) {
            let rest = format!("{} {}", &line.text[..range.start], &line.text[range.end..]);
            if RATING_LABEL.is_match(&rest) {
                found.consume(line.index);
            }
            found
                .rating
                .push(cand(rating, line.span(range), confidence));
        }
    }
}

/// Parses a number written with a dot or a comma, or `½`.
fn number(text: &str) -> Option<f64> {
    if text == "½" {
        return Some(0.5);
    }
    text.replace(',', ".").parse().ok()
}

/// The rating in one line: the rating, its range and the confidence.
fn rating_in(text: &str, near_top: bool) -> Option<(Rating, Range<usize>, f32)> {
    if let Some(caps) = GRADE.captures(text) {
        let grade = caps.name("g")?;
        let rating = Rating::letter(&grade.as_str().replace('–', "-"))?;
        return Some((rating, grade.range(), 0.95));
    }
    for (regex, confidence) in [
        (&*LABELLED, 0.95),
        (&*OUT_OF_STARS, 0.85),
        (&*BARE_FRACTION, 0.8),
    ] {
        if let Some(caps) = regex.captures(text) {
            let value = number(caps.name("v")?.as_str())?;
            let scale: u16 = caps.name("s")?.as_str().parse().ok()?;
            let rating = Rating::points(value, scale).ok()?;
            let start = caps.name("v")?.start();
            let end = caps.get(0)?.end();
            return Some((rating, start..end, confidence));
        }
    }
    if let Some(m) = STARS.find(text) {
        let glyphs = m.as_str();
        let full = glyphs
            .chars()
            .filter(|c| matches!(c, '★' | '⭐' | '✭' | '✮'))
            .count();
        let half = glyphs.chars().filter(|c| matches!(c, '½' | '⯪')).count();
        let empty = glyphs.chars().filter(|c| matches!(c, '☆' | '✩')).count();
        let value = full as f64 + 0.5 * half as f64;
        let total = full + half + empty;
        let scale: u16 = if empty > 0 && matches!(total, 4 | 5 | 10) {
            u16::try_from(total).ok()?
        } else {
            5
        };
        if full + empty == 0 && half == 0
            || full + empty == 0
                && !glyphs.contains('⯪')
                && half > 0
                && text.len() > glyphs.len() + 4
        {
            return None;
        }
        let rating = Rating::points(value, scale).ok()?;
        return Some((rating, m.range(), 0.9));
    }
    if near_top {
        if let Some(caps) = ASTERISKS.captures(text) {
            let stars = caps.get(1)?.as_str().len() as f64;
            let value = stars + if caps.get(2).is_some() { 0.5 } else { 0.0 };
            let rating = Rating::points(value, 5).ok()?;
            return Some((rating, 0..text.len(), 0.6));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(text: &str) -> Option<String> {
        rating_in(text, true).map(|(r, _, _)| r.to_string())
    }

    #[test]
    fn ratings_in_their_shapes() {
        assert_eq!(rating("★★★½").as_deref(), Some("3.5/5"));
        assert_eq!(rating("★★★☆☆").as_deref(), Some("3/5"));
        assert_eq!(rating("★★☆☆").as_deref(), Some("2/4"));
        assert_eq!(rating("****").as_deref(), Some("4/5"));
        assert_eq!(rating("3.5/5").as_deref(), Some("3.5/5"));
        assert_eq!(rating("Verdict: 4 out of 5 stars").as_deref(), Some("4/5"));
        assert_eq!(rating("7/10").as_deref(), Some("7/10"));
        assert_eq!(rating("Rating: 3/4").as_deref(), Some("3/4"));
        assert_eq!(rating("Grade: B+").as_deref(), Some("B+"));
        assert_eq!(rating("Grade: A-").as_deref(), Some("A-"));
        assert_eq!(rating("Review by Ana Reyes ★★★★").as_deref(), Some("4/5"));
    }

    #[test]
    fn not_ratings() {
        assert_eq!(rating("Rated R for strong sexual content"), None);
        assert_eq!(rating("They met on 9/11 at 24/7 diner"), None);
        assert_eq!(rating("Grade: E"), None);
        assert_eq!(rating("***"), Some("3/5".to_owned()));
        assert_eq!(rating_in("***", false), None);
        assert_eq!(rating("6/5"), None);
    }
}
