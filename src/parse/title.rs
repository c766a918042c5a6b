//! Titles from headings: `‘Rust and Bone’ review: …`, `Review: 'Rust and Bone'`,
//! `Film review: Rust and Bone`, `Rust and Bone – review`, `Title (2012)`, and a Letterboxd-style
//! `Title 2012` near the top.

use std::sync::LazyLock;

use regex::Regex;

use super::found::{cand, Found};
use super::text::{clean_value, compile, Line};
use super::title_line::{is_title_like, title_with_parens};

/// Opening quote marks.
const OPEN: &str = r#"[‘'"“«]"#;
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
        r#"^(?i:(?:film|movie)\s+)?(?i:review)\s*[:：–—\-|]?\s*(?:[\p{{L}}\d]+\s+){{0,4}}?{OPEN}(?P<t>[^‘’"“”«»]{{1,100}}?){CLOSE}"#
    ))
});
/// `Film review: Title`.
static REVIEW_LABEL_UNQUOTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?i:(?:film|movie)\s+review|review)\s*[:：|]\s*(?P<t>[^:：|–—(]{1,100}?)\s*(?:$|[:：|–—(]|\s-\s)",
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
/// `Title (2012)`.
static TITLE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?P<t>[^()]{1,100}?)\s*\((?P<y>(?:18|19|20)\d{2})\)$"));
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
        if near_top && super::body::is_furniture(text) {
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
                push_title(line, t.range(), 0.9, found);
                push_year(line, caps.name("y"), found);
                heading_outlet(line, found);
                found.consume(line.index);
                continue;
            }
        }
        if !near_top {
            if let Some(caps) = text
                .ends_with(')')
                .then(|| TITLE_YEAR.captures(text))
                .flatten()
            {
                if caps.name("t").is_some_and(|t| is_title_like(t.as_str())) {
                    title_with_parens(text, line.start, 0.8, found);
                    found.consume(line.index);
                }
            }
            continue;
        }
        if let Some(t) = QUOTED_COLON_HEAD.captures(text).and_then(|c| c.name("t")) {
            push_title(line, t.range(), 0.7, found);
            found.consume(line.index);
            continue;
        }
        if let Some(caps) = REVIEW_LABEL_UNQUOTED.captures(text) {
            if let Some(t) = caps.name("t").filter(|t| is_title_like(t.as_str())) {
                push_title(line, t.range(), 0.8, found);
                found.consume(line.index);
                continue;
            }
        }
        if let Some(caps) = UNQUOTED_THEN_REVIEW.captures(text) {
            if let Some(t) = caps.name("t").filter(|t| is_title_like(t.as_str())) {
                push_title(line, t.range(), 0.75, found);
                push_year(line, caps.name("y").or_else(|| caps.name("y2")), found);
                heading_outlet(line, found);
                found.consume(line.index);
                continue;
            }
        }
        if let Some(caps) = text
            .ends_with(')')
            .then(|| TITLE_YEAR.captures(text))
            .flatten()
        {
            if caps.name("t").is_some_and(|t| is_title_like(t.as_str())) {
                title_with_parens(text, line.start, 0.8, found);
                found.consume(line.index);
                continue;
            }
        }
        if near_top && above_rating(lines, i, found) && is_title_like(text) && text.len() <= 60 {
            push_title(line, 0..text.len(), 0.6, found);
            found.consume(line.index);
            continue;
        }
        if nonblank <= 8 && !found.is_consumed(line.index) {
            if let Some(year_line) = lines.get(i + 1).filter(|l| is_year(l.text)) {
                if is_title_like(text)
                    && super::dates::find_date(text).is_none()
                    && super::lexicon::outlet_named(text).is_none()
                {
                    push_title(line, 0..text.len(), 0.6, found);
                    if let Ok(year) = year_line.text.parse() {
                        found.year.push(cand(year, year_line.full_span(), 0.6));
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
                    && super::dates::find_date(text).is_none()
                    && super::lexicon::outlet_named(title_text).is_none()
                    && !title_text.contains(['|', '·', '•', '©'])
                    && !is_festival(title_text)
                {
                    push_title(line, t.range(), 0.5, found);
                    if let Ok(year) = y.as_str().parse() {
                        found.year.push(cand(year, line.span(y.range()), 0.55));
                    }
                    found.consume(line.index);
                }
            }
        }
    }
}

/// A cheap test before the headline patterns: the line starts with a quote mark or with
/// `review`, `film` or `movie`.
fn may_be_headline(text: &str) -> bool {
    text.starts_with(['‘', '\'', '"', '“', '«'])
        || ["review", "film review", "movie review"].iter().any(|w| {
            text.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w))
        })
}

/// True when line `i + 1` is a line of nothing but the review's rating, as pages print the stars
/// right under the film's name.
fn above_rating(lines: &[Line<'_>], i: usize, found: &Found) -> bool {
    let Some(next) = lines.get(i + 1).filter(|l| found.is_consumed(l.index)) else {
        return false;
    };
    let span = next.full_span();
    found
        .rating
        .iter()
        .any(|r| span.start <= r.span.start && r.span.end <= span.end)
}

/// True for festival names that head pages as `Cannes 2024`, which are not film titles.
fn is_festival(text: &str) -> bool {
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
    ];
    let lower = text.trim().to_lowercase();
    FESTIVALS.contains(&lower.as_str()) || lower.contains("festival") || lower.contains("film fest")
}

/// True when the text is a year and nothing else.
fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.chars().all(|c| c.is_ascii_digit())
        && text
            .parse::<i32>()
            .is_ok_and(|y| crate::model::YEAR_RANGE.contains(&y))
}

/// When no heading named the film: a short title-like line near the top (page furniture and lines
/// other recognisers used excepted) whose exact words the prose repeats later, as in
/// `Ghost Harbor` … `Ghost Harbor is the rare horror film that …`.
pub fn repeated_heading(lines: &[Line<'_>], found: &mut Found) {
    let top = lines.iter().filter(|l| !l.is_blank()).take(8);
    let candidates: Vec<&Line<'_>> = top
        .filter(|l| {
            !found.is_consumed(l.index)
                && l.text.len() <= 60
                && l.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && is_title_like(l.text)
                && !super::body::is_furniture(l.text)
                && super::dates::find_date(l.text).is_none()
        })
        .collect();
    for line in candidates {
        let repeated = lines[line.index + 1..].iter().any(|later| {
            later.text.len() > 100
                && later.text.match_indices(line.text).any(|(at, _)| {
                    let after = later.text[at + line.text.len()..].chars().next();
                    let before = later.text[..at].chars().next_back();
                    !after.is_some_and(char::is_alphanumeric)
                        && !before.is_some_and(char::is_alphanumeric)
                })
        });
        if repeated {
            push_title(line, 0..line.text.len(), 0.55, found);
            found.consume(line.index);
            return;
        }
    }
}

/// A page title's last `| Part` naming a known outlet: `… review | Film | The Guardian`.
fn heading_outlet(line: &Line<'_>, found: &mut Found) {
    let Some(bar) = line.text.rfind('|') else {
        return;
    };
    let part = &line.text[bar + 1..];
    let lead = part.len() - part.trim_start().len();
    if let Some(outlet) = super::lexicon::outlet_named(part.trim()) {
        let start = bar + 1 + lead;
        found.outlet.push(cand(
            outlet.to_owned(),
            line.span(start..start + part.trim().len()),
            0.8,
        ));
    }
}

/// Records a title candidate from a range of the line.
fn push_title(line: &Line<'_>, range: std::ops::Range<usize>, confidence: f32, found: &mut Found) {
    let raw = line.text[range.clone()].trim_end_matches([',', '.', ' ']);
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
                found.year.push(cand(value, line.span(y.range()), 0.85));
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
    }
}
