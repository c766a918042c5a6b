//! Titles from headings: `‘Rust and Bone’ review: …`, `Review: 'Rust and Bone'`,
//! `Film review: Rust and Bone`, `Rust and Bone – review`, `Title (2012)`, and a Letterboxd-style
//! `Title 2012` near the top.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::text::{clean_value, compile, strip_quotes, Line};
use crate::parse::title_line::{is_title_like, title_with_parens};

/// Opening quote marks.
const OPEN: &str = r#"[‘’'"“«]"#;
/// Closing quote marks.
const CLOSE: &str = r#"[’'"”»]"#;

/// `‘Title’ review …`, `'Title' (2012) Review: …`.
static QUOTED_THEN_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"^{OPEN}(?P<t>[^‘’"“”«»]{{1,100}}?){CLOSE}\s*(?:\((?P<y>\d{{4}})\)\s*)?(?:[:–—\-]\s*)?(?i:(?:film\s+|movie\s+)?review)\b"#
    ))
});
/// `Review: 'Title'`, `Film review: “Title”`.
static REVIEW_THEN_QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"^(?i:(?:film|movie|documentary|tv|dvd|theatre|theater|festival|streaming)\s+)?(?i:review)\s*[:：–—\-|]?\s*(?:[\p{{L}}\d'’]+\s+){{0,8}}?{OPEN}(?P<t>[^‘’"“”«»]{{1,100}}?){CLOSE}"#
    ))
});
/// `Film review: Title`.
static REVIEW_LABEL_UNQUOTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?i:(?:film|movie|documentary|tv|dvd|theatre|theater|festival|streaming)\s+review|review)\s*[:：|]\s*(?P<t>[^:：|–—(]{1,100}?)\s*(?:$|[:：|–—(]|\s-\s)",
    )
});
/// `Title – review`, `Title movie review (2019) | …`.
static UNQUOTED_THEN_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<t>[^:：|–—]{1,100}?)\s*(?:\((?P<y>\d{4})\)\s*)?(?:[–—:|]|\s-\s)?\s*(?i:(?:film\s+|movie\s+)?review)\b\s*(?:\((?P<y2>\d{4})\)\s*)?(?:$|[–—:|]|\s-\s)",
    )
});
/// `‘Title’: a headline`.
static QUOTED_COLON_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"^{OPEN}(?P<t>[^‘’"“”«»]{{1,100}}?){CLOSE}\s*[:–—]\s+\S.{{0,160}}$"#
    ))
});
/// `Title (2012)`, `TITLE (Iran/France, 2025)`, `Title (2010) R`.
static TITLE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<t>[^()]{1,100}?)\s*\((?:[^()]{0,40},\s*)?(?P<y>(?:18|19|20)\d{2})\)(?:\s+(?:G|PG|PG-13|R|NC-17|M|MA15\+|NR|U|12A?|15|18))?$",
    )
});
/// `Review: The Purge: Anarchy`, `REVIEW: Together [2021]`: the whole rest of the line.
static REVIEW_LABEL_REST: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?i:(?:(?:film|movie|documentary|tv|dvd|theatre|theater|festival|streaming)\s+)?review)\s*[:：]\s*(?P<t>[^|–—]{1,80}?)\s*$",
    )
});
/// `NZIFF Review - It Follows`, `TIFF11 REVIEW: Death of a Superhero`: a festival's review.
static FESTIVAL_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<f>\p{Lu}{2,8}\d{0,4})\s+(?i:review)\s*(?:[:：–—]|\s-)\s*(?P<t>[^|–—:]{1,80}?)\s*$",
    )
});
/// `Title (Review): headline`, `Title – Review by Name`.
static TITLE_PAREN_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<t>[^:：|–—()]{1,80}?)\s*(?:\((?i:review)\)\s*[:：–—]|[–—-]\s*(?i:review)\s+by\s+(?P<by>\p{Lu}.{1,60}))",
    )
});
/// A capsule heading with the film's classification: `Lost In The Stars (PG13)`,
/// `“The Birth of a Nation” (R) (4)`.
static TITLE_CLASSIFICATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^(?P<t>[^()]{1,90}?)\s*\((?P<c>[^()]{1,12})\)(?:\s*\(\d(?:\.\d)?\))?\.?$")
});
/// `Mr. Khan’s Review on Cake (2018)`: a review of a film with its year.
static REVIEW_ON: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i:\breview\s+(?:of|on))\s+(?P<t>[^()]{1,60}?)\s*\((?P<y>(?:18|19|20)\d{2})\)$")
});
/// `Title 2016` (Letterboxd).
static TITLE_BARE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?P<t>[^()\d]{1,80}?)\s+(?P<y>(?:19|20)\d{2})$"));

/// Reads titles from heading lines near the top and `Title (2012)` lines anywhere.
pub fn scan(lines: &[Line<'_>], found: &mut Found) {
    let mut nonblank = 0usize;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        nonblank += 1;
        if found.is_consumed(line.index) {
            continue;
        }
        let text = line.text;
        if text.len() > 200 {
            continue;
        }
        let near_top = nonblank <= 12;
        // Letterboxd prints a review's film twice, as a link and as a heading.
        if nonblank <= 3
            && text.len() <= 80
            && is_title_like(text)
            && !may_be_headline(text)
            && !text.to_lowercase().contains("review")
        {
            let next = lines[i + 1..].iter().find(|l| !l.is_blank());
            if let Some(next) = next.filter(|l| l.text == text) {
                push_title(line, 0..text.len(), conf::CONTEXT, found);
                found.consume(line.index);
                found.consume(next.index);
                continue;
            }
        }
        if near_top && crate::parse::body::is_furniture(text) {
            continue;
        }
        let headline = may_be_headline(text)
            .then(|| {
                QUOTED_THEN_REVIEW
                    .captures(text)
                    .or_else(|| REVIEW_THEN_QUOTED.captures(text))
            })
            .flatten();
        if let Some(caps) = headline {
            if let Some(t) = caps.name("t") {
                push_title(line, t.range(), conf::STRONG, found);
                push_year(line, caps.name("y"), found);
                heading_outlet(line, found);
                found.consume(line.index);
                continue;
            }
        }
        if let Some(caps) = TITLE_CLASSIFICATION.captures(text) {
            let classified = caps
                .name("c")
                .is_some_and(|c| crate::parse::title_line::is_classification(c.as_str()));
            if let Some(t) = caps
                .name("t")
                .filter(|t| classified && is_title_like(t.as_str()))
            {
                let quoted = strip_quotes(t.as_str());
                let at = t.start() + t.as_str().find(quoted).unwrap_or(0);
                push_title(line, at..at + quoted.len(), conf::LIKELY, found);
                found.consume(line.index);
                continue;
            }
        }
        if near_top && special_heading(line, found) {
            continue;
        }
        if !near_top {
            if let Some(head) = title_year_head(text) {
                title_with_parens(head, line.start, conf::SHAPED, found);
                found.consume(line.index);
            }
            continue;
        }
        if let Some(t) = QUOTED_COLON_HEAD.captures(text).and_then(|c| c.name("t")) {
            push_title(line, t.range(), conf::CONTEXT, found);
            found.consume(line.index);
            continue;
        }
        if let Some(caps) = REVIEW_LABEL_UNQUOTED.captures(text) {
            let titled = |t: &regex::Match<'_>| {
                is_title_like(t.as_str()) && super::title_agreement::title_cased(t.as_str())
            };
            if let Some(t) = caps.name("t").filter(titled) {
                push_title(line, t.range(), conf::SHAPED, found);
                found.consume(line.index);
                continue;
            }
        }
        if let Some(caps) = UNQUOTED_THEN_REVIEW.captures(text) {
            // `Kurt’s Review`: whose review it is, not the film.
            if let Some(t) = caps.name("t").filter(|t| t.as_str().ends_with(['s', 'S'])) {
                let name = t
                    .as_str()
                    .trim_end_matches(['s', 'S'])
                    .trim_end_matches(['’', '\'']);
                if name.len() + 2 <= t.as_str().len() && crate::parse::names::is_person_name(name) {
                    let value = clean_value(name);
                    let span = line.span(t.start()..t.start() + name.len());
                    found.reviewer.push(cand(value, span, conf::CONTEXT));
                    found.consume(line.index);
                    continue;
                }
            }
            if let Some(t) = caps.name("t").filter(|t| is_title_like(t.as_str())) {
                push_title(line, t.range(), conf::LIKELY, found);
                push_year(line, caps.name("y").or_else(|| caps.name("y2")), found);
                heading_outlet(line, found);
                found.consume(line.index);
                continue;
            }
        }
        if let Some(head) = title_year_head(text) {
            title_with_parens(head, line.start, conf::SHAPED, found);
            found.consume(line.index);
            continue;
        }
        let rated_itself = near_top
            && found
                .rating
                .iter()
                .any(|r| line.start <= r.span.start && r.span.end <= line.start + text.len());
        let fraction = text
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'/' && w[2].is_ascii_digit());
        if near_top
            && !rated_itself
            && !fraction
            && above_rating(lines, i, found)
            && is_title_like(text)
            && text.len() <= 60
        {
            push_title(line, 0..text.len(), conf::HINT, found);
            found.consume(line.index);
            continue;
        }
        if nonblank <= 8 && !found.is_consumed(line.index) {
            if let Some(year_line) = lines.get(i + 1).filter(|l| is_year(l.text)) {
                if is_title_like(text)
                    && crate::parse::dates::find_date(text).is_none()
                    && crate::parse::lexicon::outlet_named(text).is_none()
                {
                    push_title(line, 0..text.len(), conf::HINT, found);
                    if let Ok(year) = year_line.text.parse() {
                        found
                            .year
                            .push(cand(year, year_line.full_span(), conf::HINT));
                    }
                    found.consume(line.index);
                    found.consume(year_line.index);
                    continue;
                }
            }
            if let Some(caps) = TITLE_BARE_YEAR.captures(text) {
                let (Some(t), Some(y)) = (caps.name("t"), caps.name("y")) else {
                    continue;
                };
                let title_text = t.as_str();
                if is_title_like(title_text)
                    && !ends_with_month(title_text)
                    && crate::parse::dates::find_date(text).is_none()
                    && crate::parse::lexicon::outlet_named(title_text).is_none()
                    && !title_text.contains(['|', '·', '•', '©'])
                    && !is_festival(title_text)
                {
                    push_title(line, t.range(), conf::FLOOR, found);
                    if let Ok(year) = y.as_str().parse() {
                        found
                            .year
                            .push(cand(year, line.span(y.range()), conf::GUESS));
                    }
                    found.consume(line.index);
                }
            }
        }
    }
}

/// The heading shapes that name a review without quotes: `REVIEW: The Purge: Anarchy`,
/// `NZIFF Review - It Follows`, `Sherdil (Review): …`, `Next Goal Wins – Review by Nadine
/// Whitney`. True when the line was one.
fn special_heading(line: &Line<'_>, found: &mut Found) -> bool {
    let text = line.text;
    if let Some(caps) = REVIEW_ON.captures(text) {
        if let Some(t) = caps.name("t").filter(|t| is_title_like(t.as_str())) {
            push_title(line, t.range(), conf::SHAPED, found);
            push_year(line, caps.name("y"), found);
            found.consume(line.index);
            return true;
        }
    }
    // `Review: Taika Waititi's Next Goal Wins bursting at the seams …` is a headline, not a
    // title: the rest of the line counts only in title case.
    let rest = REVIEW_LABEL_REST.captures(text).filter(|c| {
        c.name("t")
            .is_some_and(|t| super::title_agreement::title_cased(t.as_str()))
    });
    let caps = FESTIVAL_REVIEW
        .captures(text)
        .filter(|c| {
            c.name("f")
                .is_some_and(|f| f.as_str().to_lowercase() != "film")
        })
        .or(rest)
        .or_else(|| TITLE_PAREN_REVIEW.captures(text));
    let Some(caps) = caps else {
        return false;
    };
    let Some(t) = caps.name("t").filter(|t| is_title_like(t.as_str())) else {
        return false;
    };
    push_title(line, t.range(), conf::SHAPED, found);
    if let Some(by) = caps.name("by") {
        let name = by.as_str().trim_end_matches(['.', ' ']);
        if crate::parse::names::is_person_name(name) {
            found.reviewer.push(cand(
                clean_value(name),
                line.span(by.start()..by.start() + name.len()),
                conf::SHAPED,
            ));
        }
    }
    found.consume(line.index);
    true
}

/// A cheap test before the headline patterns: the line starts with a quote mark or with
/// `review`, `film` or `movie`.
fn may_be_headline(text: &str) -> bool {
    text.starts_with(['‘', '’', '\'', '"', '“', '«'])
        || [
            "review",
            "film review",
            "movie review",
            "documentary review",
        ]
        .iter()
        .any(|w| {
            text.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w))
        })
}

/// True when line `i + 1` is a line of nothing but the review's rating, as pages print the stars
/// right under the film's name.
fn above_rating(lines: &[Line<'_>], i: usize, found: &Found) -> bool {
    let mut next_lines = lines[i + 1..].iter().filter(|l| !l.is_blank());
    let Some(mut next) = next_lines.next() else {
        return false;
    };
    if crate::parse::runtime::whole_minutes(next.text).is_some()
        || crate::parse::runtime::find_minutes(next.text).is_some_and(|(_, r)| r.start == 0)
    {
        let Some(after) = next_lines.next() else {
            return false;
        };
        next = after;
    }
    let span = next.full_span();
    let lead = next.text.len() - next.text.trim_start().len();
    found.rating.iter().any(|r| {
        span.start <= r.span.start
            && r.span.end <= span.end
            && (found.is_consumed(next.index) || r.span.start == next.start + lead)
    })
}

/// The `Title (2012)` part of a line in that shape (`Title (Iran/France, 2025)`, `Title (2010) R`),
/// when the title reads like one.
fn title_year_head(text: &str) -> Option<&str> {
    if !text.contains('(') {
        return None;
    }
    let caps = TITLE_YEAR.captures(text)?;
    let t = caps.name("t").filter(|t| is_title_like(t.as_str()))?;
    // `Ana Ruiz in Tom Bell’s Low Tide (2021)` is a photo caption, not a title line.
    let caption = t
        .as_str()
        .split_once(" in ")
        .is_some_and(|(who, _)| who.split(" and ").all(crate::parse::names::is_person_name));
    if caption {
        return None;
    }
    let close = t.end() + text[t.end()..].find(')')? + 1;
    Some(&text[..close])
}

/// True for festival names that head pages as `Cannes 2024`, which are not film titles.
pub(super) fn is_festival(text: &str) -> bool {
    const FESTIVALS: &[&str] = &[
        "cannes",
        "venice",
        "berlin",
        "berlinale",
        "sundance",
        "tiff",
        "toronto",
        "telluride",
        "sxsw",
        "locarno",
        "rotterdam",
        "tribeca",
        "nyff",
        "new york film festival",
        "karlovy vary",
        "san sebastian",
        "busan",
        "london film festival",
        "oscars",
        "the oscars",
        "bfi",
        "nziff",
    ];
    let lower = text.trim().to_lowercase();
    // `Berlinale 2023`, `TIFF11`: the festival and its edition.
    let lower = lower
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    FESTIVALS.contains(&lower)
        || lower.contains("festival")
        || lower.contains("film fest")
        || lower.contains("film week")
}

/// True when the text's last word is a month name (`IMDb member since June`), so a year after it
/// is a date, not the film's.
fn ends_with_month(text: &str) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    crate::parse::dates::is_month_name(last)
}

/// True when the text is a year and nothing else.
fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.chars().all(|c| c.is_ascii_digit())
        && text
            .parse::<i32>()
            .is_ok_and(|y| crate::model::YEAR_RANGE.contains(&y))
}

/// A page title's last `| Part` naming a known outlet: `… review | Film | The Guardian`.
fn heading_outlet(line: &Line<'_>, found: &mut Found) {
    let Some(bar) = line.text.rfind('|') else {
        return;
    };
    let part = &line.text[bar + 1..];
    let lead = part.len() - part.trim_start().len();
    if let Some(outlet) = crate::parse::lexicon::outlet_named(part.trim()) {
        let start = bar + 1 + lead;
        found.outlet.push(cand(
            outlet.to_owned(),
            line.span(start..start + part.trim().len()),
            conf::SHAPED,
        ));
    }
}

/// Records a title candidate from a range of the line.
pub(super) fn push_title(
    line: &Line<'_>,
    range: std::ops::Range<usize>,
    confidence: f32,
    found: &mut Found,
) {
    let mut range = range;
    let whole = &line.text[range.clone()];
    // `1. American Fiction` in a ranked list; `"The International"` in quotes.
    let unnumbered = whole
        .split_once(". ")
        .filter(|(n, rest)| {
            n.len() <= 3
                && n.bytes().all(|b| b.is_ascii_digit())
                && rest.starts_with(char::is_uppercase)
        })
        .map_or(whole, |(_, rest)| rest);
    let unquoted = if unnumbered.starts_with(['"', '“']) && unnumbered.ends_with(['"', '”']) {
        strip_quotes(unnumbered)
    } else {
        unnumbered
    };
    if let Some(at) = whole.find(unquoted).filter(|_| !unquoted.is_empty()) {
        range = range.start + at..range.start + at + unquoted.len();
    }
    let mut raw = line.text[range.clone()].trim_end_matches([',', '.', ' ']);
    if let Some(open) = raw.rfind(" [").filter(|_| raw.ends_with(']')) {
        let inner = &raw[open + 2..raw.len() - 1];
        if let Ok(year) = inner.parse::<i32>() {
            if inner.len() == 4 && crate::model::YEAR_RANGE.contains(&year) {
                let at = range.start + open + 2;
                found
                    .year
                    .push(cand(year, line.span(at..at + 4), confidence));
            }
        }
        raw = raw[..open].trim_end();
    }
    if raw.ends_with(')') {
        title_with_parens(raw, line.start + range.start, confidence, found);
        return;
    }
    let title = clean_value(raw);
    if !title.is_empty() {
        found.title.push(cand(
            title,
            line.span(range.start..range.start + raw.len()),
            confidence,
        ));
    }
}

/// Records a year candidate from a captured group.
fn push_year(line: &Line<'_>, year: Option<regex::Match<'_>>, found: &mut Found) {
    if let Some(y) = year {
        if let Ok(value) = y.as_str().parse::<i32>() {
            if crate::model::YEAR_RANGE.contains(&value) {
                found
                    .year
                    .push(cand(value, line.span(y.range()), conf::FIRM));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::lines;

    fn title(text: &str) -> Option<String> {
        let lines = lines(text);
        let mut found = Found::new(lines.len());
        scan(&lines, &mut found);
        found
            .title
            .into_iter()
            .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
            .map(|c| c.value)
    }

    #[test]
    fn headlines() {
        assert_eq!(
            title("‘Rust and Bone’ review: a tender brute").as_deref(),
            Some("Rust and Bone")
        );
        assert_eq!(
            title("'Rust and Bone' Review: Love on the Rocks").as_deref(),
            Some("Rust and Bone")
        );
        assert_eq!(
            title("Review: 'Rust and Bone'").as_deref(),
            Some("Rust and Bone")
        );
        assert_eq!(
            title("Film review: Rust and Bone").as_deref(),
            Some("Rust and Bone")
        );
        assert_eq!(
            title("Rust and Bone – review").as_deref(),
            Some("Rust and Bone")
        );
        assert_eq!(
            title("Rust and Bone review – Cotillard soars").as_deref(),
            Some("Rust and Bone")
        );
        assert_eq!(title("Amour (2012)").as_deref(), Some("Amour"));
        assert_eq!(title("Paterson 2016").as_deref(), Some("Paterson"));
        assert_eq!(
            title("The Long Shore movie review (2019) | Roger Ebert").as_deref(),
            Some("The Long Shore")
        );
        assert_eq!(
            title("REVIEW: Together [2021]").as_deref(),
            Some("Together")
        );
        assert_eq!(
            title("REVIEW: The Purge: Anarchy").as_deref(),
            Some("The Purge: Anarchy")
        );
        assert_eq!(
            title("NZIFF Review - It Follows").as_deref(),
            Some("It Follows")
        );
        assert_eq!(
            title("Sherdil (Review): Poor writing and direction").as_deref(),
            Some("Sherdil")
        );
        assert_eq!(
            title("NEXT GOAL WINS – Review by Nadine Whitney").as_deref(),
            Some("NEXT GOAL WINS")
        );
        assert_eq!(
            title("Lost In The Stars (PG13)").as_deref(),
            Some("Lost In The Stars")
        );
    }

    #[test]
    fn not_headlines() {
        assert_eq!(title("Cannes 2024"), None);
        assert_eq!(title("Sundance Film Festival 2024"), None);
        assert_eq!(title("Published March 3, 2013"), None);
        assert_eq!(
            title("A boxer knows how to get back up when knocked down."),
            None
        );
        assert_eq!(title("Reviews"), None);
        assert_eq!(title("IMDb member since June 2010"), None);
    }
}
