//! The reviewer's rating: star glyphs (`★★★½`, `★★★☆☆`), a line of asterisks, `3.5/5`,
//! `4 out of 5 stars`, `Rating: 3/4`, and letter grades (`Grade: B+`). MPAA ratings (`Rated R`) are
//! not review ratings and are left alone.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::Rating;
use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::text::{clean_value, compile, strip_quotes, Line};
use crate::parse::title_line::is_title_like;

/// A run of star glyphs, with halves.
/// An emoji star may carry its variation selector (`⭐️`).
static STARS: LazyLock<Regex> = LazyLock::new(|| compile(r"(?:[★⭐✭✮☆✩½⯪]\x{FE0F}?)+(?:\s*½)?"));
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
/// `4 out of 5 stars`, `3.5/5 stars`, `3.00 out of 4stars`.
static OUT_OF_STARS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:^|[^\d.,])(?P<v>\d{1,2}(?:[.,]\d{1,2})?|½)\s*(?:/|out\s+of)\s*(?P<s>4|5|10)\s*stars?\b",
    )
});
/// Stars in words: `Rating: Three and a half stars`, `four stars out of five`.
static WORD_STARS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?P<label>\b(?:rating|verdict|our\s+rating)\s*[:：]?\s*)?\b(?P<n>zero|one|two|three|four|five|half\s+a|a\s+half)(?P<h>\s+and\s+a\s+half)?\s+stars?\b(?:\s+(?:out\s+)?of\s+(?P<s>four|five|4|5))?",
    )
});
/// `Rating: 80%`.
static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:rating|score|verdict)\s*[:：]?\s*(?P<v>\d{1,3})\s*%"));
/// A capsule header's stars after its running time: `122 minutes, now showing, 4 stars`.
static TRAILING_STARS: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)(?:^|[,/|·]\s*)(?P<v>\d(?:[.,]5)?)\s*stars?\.?\s*$"));
/// A capsule's heading with asterisk stars: `"The Incredibles" ***1/2`, `We Own the Night / *** (R)`.
static TITLE_THEN_ASTERISKS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r#"^(?P<t>“[^”]{1,80}”|"[^"]{1,80}"|[^*"“/()]{1,80}?)\s*(?:/\s*)?(?P<a>\*{1,5})(?P<h>\s*(?:½|1/2))?(?:\s*\([^()]{1,14}\))?\s*$"#,
    )
});
/// A capsule heading that ends with a letter grade after a comma or with star glyphs.
/// Parentheses may stand between (`If I Stay (PG-13) B-`, `Race (2016) ****`, `“Charlie’s
/// Angels” (PG-13) 2.25 STARS`).
static TITLE_THEN_MARK: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<t>[^,★☆⭐*()]{1,80}?)\s*(?P<p>(?:\([^()]{1,20}\)\s*)*)(?:,\s*(?P<g>[A-DF][+\-]?)|\s(?P<g2>[A-DF][+\-]?)|\s+[★⭐☆✭]+(?:\s*½)?|\s+(?P<a>\*{1,5})(?P<h>\s*(?:1/2|½))?|\s+(?P<n>[0-5](?:\.\d{1,2})?)\s+(?i:stars?))$",
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
            if let Some((rating, range, confidence)) = labelled_in_long(line.text) {
                found
                    .rating
                    .push(cand(rating, line.span(range), confidence));
            }
            continue;
        }
        if let Some(caps) = TITLE_THEN_ASTERISKS.captures(line.text) {
            let title = caps.name("t").map_or("", |t| t.as_str());
            if !title.contains(". ") && crate::parse::names::word_count(title) <= 10 {
                title_then_asterisks(line, &caps, found);
                continue;
            }
        }
        // `The Birth of a Nation, B+`, `La La Land ★★★½`: a capsule's heading with its grade or
        // stars after the title.
        if let Some(caps) = TITLE_THEN_MARK.captures(line.text) {
            title_then_mark(line, &caps, found);
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

/// Only labelled ratings are read in long lines (glued headers): `… Rating: One and a half stars To
/// watch …`, `… Rating: 4 / 5 …`.
fn labelled_in_long(text: &str) -> Option<(Rating, Range<usize>, f32)> {
    if let Some(caps) = LABELLED.captures(text) {
        let value = number(caps.name("v")?.as_str())?;
        let scale: u16 = caps.name("s")?.as_str().parse().ok()?;
        let rating = Rating::points(value, scale).ok()?;
        return Some((
            rating,
            caps.name("v")?.start()..caps.get(0)?.end(),
            conf::FIRM,
        ));
    }
    word_stars(text, true)
}

/// Stars written in words; with `labelled`, only after a rating label.
fn word_stars(text: &str, labelled: bool) -> Option<(Rating, Range<usize>, f32)> {
    let caps = WORD_STARS.captures(text)?;
    if labelled && caps.name("label").is_none() {
        return None;
    }
    let n = caps.name("n")?.as_str().to_lowercase();
    let whole = match n.as_str() {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        _ => 0.5,
    };
    let value = whole + if caps.name("h").is_some() { 0.5 } else { 0.0 };
    let scale = match caps.name("s").map(|m| m.as_str().to_lowercase()) {
        Some(s) if s == "four" || s == "4" => 4,
        _ => 5,
    };
    let rating = Rating::points(value, scale).ok()?;
    let confidence = if caps.name("label").is_some() {
        conf::FIRM
    } else {
        conf::LIKELY
    };
    Some((rating, caps.get(0)?.range(), confidence))
}

/// A capsule heading with its mark after the title (and its parentheses): a grade, asterisks,
/// glyphs (rated by `rating_in`) or `N stars`. The title and the mark are recorded.
fn title_then_mark(line: &Line<'_>, caps: &regex::Captures<'_>, found: &mut Found) {
    let heading = |t: &regex::Match<'_>| {
        let lower = t.as_str().to_lowercase();
        is_title_like(t.as_str())
            && super::title_agreement::title_cased(strip_quotes(t.as_str()))
            && !lower.contains("review")
            && !lower.starts_with("by ")
    };
    let Some(t) = caps.name("t").filter(heading) else {
        return;
    };
    let paren = caps.name("p").map_or("", |p| p.as_str().trim_end());
    // A bare letter only after parentheses: `Title B-` alone may be a title.
    if caps.name("g2").is_some() && paren.is_empty() {
        return;
    }
    let grade = caps
        .name("g")
        .or_else(|| caps.name("g2"))
        .and_then(|g| Some((Rating::letter(g.as_str())?, g.range())));
    let stars = caps.name("a").map(|a| {
        let half = if caps.name("h").is_some() { 0.5 } else { 0.0 };
        (a.len() as f64 + half, a.start()..line.text.len())
    });
    let number = caps
        .name("n")
        .and_then(|n| Some((n.as_str().parse::<f64>().ok()?, n.start()..line.text.len())));
    let points = stars
        .or(number)
        .and_then(|(v, r)| Some((Rating::points(v, 5).ok()?, r)));
    if let Some((rating, range)) = grade.or(points) {
        found
            .rating
            .push(cand(rating, line.span(range), conf::CONTEXT));
    }
    if paren.is_empty() {
        let title = clean_value(strip_quotes(t.as_str()));
        found
            .title
            .push(cand(title, line.span(t.range()), conf::CONTEXT));
    } else {
        let end = caps.name("p").map_or(t.end(), |p| p.start() + paren.len());
        let head = &line.text[t.start()..end];
        crate::parse::title_line::title_with_parens(
            head,
            line.start + t.start(),
            conf::CONTEXT,
            found,
        );
    }
    found.consume(line.index);
}

/// A heading with asterisk stars: the stars are the rating and the words before them the title.
fn title_then_asterisks(line: &Line<'_>, caps: &regex::Captures<'_>, found: &mut Found) {
    let (Some(t), Some(a)) = (caps.name("t"), caps.name("a")) else {
        return;
    };
    let value = a.as_str().len() as f64 + if caps.name("h").is_some() { 0.5 } else { 0.0 };
    let title = clean_value(strip_quotes(t.as_str().trim()));
    if title.is_empty() || !is_title_like(&title) {
        return;
    }
    let Ok(rating) = Rating::points(value, 5) else {
        return;
    };
    let end = caps.get(0).map_or(a.end(), |m| m.end());
    found
        .rating
        .push(cand(rating, line.span(a.start()..end), conf::CONTEXT));
    found
        .title
        .push(cand(title, line.span(t.range()), conf::CONTEXT));
    found.consume(line.index);
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
        return Some((rating, grade.range(), conf::CERTAIN));
    }
    for (regex, confidence) in [
        (&*LABELLED, conf::CERTAIN),
        (&*OUT_OF_STARS, conf::FIRM),
        (&*BARE_FRACTION, conf::SHAPED),
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
        return Some((rating, m.range(), conf::STRONG));
    }
    if let Some(caps) = PERCENT.captures(text) {
        let value = number(caps.name("v")?.as_str())?;
        let rating = Rating::points(value, 100).ok()?;
        return Some((rating, caps.get(0)?.range(), conf::FIRM));
    }
    if let Some(found) = word_stars(text, text.len() > 40) {
        return Some(found);
    }
    if let Some(caps) = TRAILING_STARS.captures(text) {
        if crate::parse::runtime::find_minutes(text).is_some() {
            let v = caps.name("v")?;
            let rating = Rating::points(number(v.as_str())?, 5).ok()?;
            return Some((rating, v.start()..text.len(), conf::LIKELY));
        }
    }
    if near_top {
        if let Some(caps) = ASTERISKS.captures(text) {
            let stars = caps.get(1)?.as_str().len() as f64;
            let value = stars + if caps.get(2).is_some() { 0.5 } else { 0.0 };
            let rating = Rating::points(value, 5).ok()?;
            return Some((rating, 0..text.len(), conf::HINT));
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
        assert_eq!(rating("3.00 out of 4stars").as_deref(), Some("3/4"));
        assert_eq!(rating("Rating: 80%").as_deref(), Some("80/100"));
        assert_eq!(rating(" four stars").as_deref(), Some("4/5"));
        assert_eq!(
            rating("Not quite as magical. Rating: Three and a half stars.(PG, 115 minutes)")
                .as_deref(),
            Some("3.5/5")
        );
        assert_eq!(rating("126 minutes/ 5 stars").as_deref(), Some("5/5"));
        assert_eq!(
            labelled_in_long(&format!(
                "{} Rating: One and a half stars To watch",
                "x".repeat(200)
            ))
            .map(|r| r.0.to_string())
            .as_deref(),
            Some("1.5/5")
        );
    }

    #[test]
    fn not_ratings() {
        assert_eq!(rating("Rated R for strong sexual content"), None);
        assert_eq!(rating("They met on 9/11 at 24/7 diner"), None);
        assert_eq!(rating("Grade: E"), None);
        assert_eq!(rating("***"), Some("3/5".to_owned()));
        assert_eq!(rating_in("***", false), None);
        assert_eq!(rating("6/5"), None);
        assert_eq!(rating("Rating: M"), None);
        assert_eq!(rating("Rating: NC16 (Some Violence & Nudity)"), None);
        assert_eq!(rating("MTRCB rating: PG-13"), None);
        assert_eq!(
            rating("A film with five stars of the silent era in it, all of them past their best."),
            None
        );
    }
}
