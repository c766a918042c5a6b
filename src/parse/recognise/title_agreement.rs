//! The title the whole text agrees on, for pages where no heading shape named the film. A careful
//! reader takes for a title each phrase placed where titles go — a short top line or a part of a
//! headline cut at its colon or dash, a headline's quoted part, a phrase in quotes, the words after
//! a person's possessive (`Audrey Diwan’s Happening`) — and believes the one the text keeps naming.
//! Each such phrase is weighed by how often the text repeats it in title case, longest phrase
//! first where two overlap; the heaviest wins when the text names it at least twice (a headline's
//! quoted part may stand alone). People the other recognisers found, outlets, places, festivals
//! and page furniture are never titles.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::names::{key, word_count};
use crate::parse::text::{clean_value, compile, Line};
use crate::parse::title_line::is_title_like;
use crate::parse::{body, dates, lexicon};

/// How many non-blank lines from the top count as the page's head.
const HEAD_LINES: usize = 10;
/// The most candidate phrases weighed; past this the text is not one review.
const MAX_PHRASES: usize = 96;
/// The most bytes of text read for mentions: a review is near the top of what was copied.
const SCAN_BYTES: usize = 64 * 1024;

/// A quoted phrase in title case: `“Private Eye,”`, `"Detective K: Secret of the Living Dead"`,
/// `‘Love & Friendship’`; an opening quote follows no letter, so `father's` opens nothing.
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r#"(?:^|[^\p{L}\d])[“"‘'](?P<t>(?:\p{Lu}|\d)[^“”"‘’\n]{0,78}?)[,.]?[”"’'](?:[^\p{L}]|$)"#,
    )
});

/// `First Last's [new|drama|…] Title`, the film after a person's possessive.
static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,2}[’']s\s+(?:(?:new|latest|debut|first|second|third|drama|comedy|thriller|documentary|horror|film|movie|feature|biopic|romance|satire|western)\s+){0,2}(?P<t>(?:\p{Lu}|\d)[\p{L}\d’'\-]*(?:\s+(?:(?:of|the|a|an|and|in|on|to|for|at|from|with)\s+)*(?:\p{Lu}|\d)[\p{L}\d’'\-]*){0,7})",
    )
});

/// Where a headline is cut into parts: a colon, a spaced dash, a bar.
static HEAD_CUT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\s*(?:[:：|]\s+|\s[–—\-]{1,2}\s|--)\s*"));

/// A `review` word with what surrounds it at a headline's end or start.
static REVIEW_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:(?:film|movie)\s+)?review\s*[:：]?\s*|\s*[(\[]?\b(?:(?:film|movie)\s+)?review[)\]]?\s*$",
    )
});

/// A list heading: `Film Picks: La La Land, A Yellow Bird, and more`; its first item is the film
/// of the first capsule below it.
static LIST_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?i:[^:]{0,40}?\b(?:picks?|reviews?|films?|movies?|releases?|showing|round-?up|this\s+week|new)\b[^:]{0,30}):\s+(?P<first>[^,:]{1,60}),\s+[^,]{1,60}(?:,|\s+and\s)",
    )
});

/// Small words a title keeps in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "at", "from", "with", "by", "is",
    "it", "as", "but", "nor", "vs", "vs.", "de", "la", "le", "du", "des", "del", "da", "di", "von",
    "van", "&",
];

/// Where a phrase was seen, and how much that place says it is a title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// Words after a person's possessive.
    Possessive,
    /// A short line at the top, or a part of one.
    Head,
    /// In quotes.
    Quoted,
    /// In quotes in a headline.
    HeadQuoted,
}

impl Place {
    /// What the place adds to the phrase's weight.
    fn weight(self) -> usize {
        match self {
            Place::Possessive | Place::Head | Place::Quoted => 1,
            Place::HeadQuoted => 2,
        }
    }
}

/// One phrase and the evidence for it.
#[derive(Debug)]
struct Phrase {
    /// The phrase as first written, cleaned.
    shown: String,
    /// Its span in the text, where first seen.
    span: Range<usize>,
    /// The strongest place it was seen in.
    best_place: Place,
    /// Sum of the weights of the places it was seen in.
    placed: usize,
    /// Title-case mentions in the text.
    mentions: usize,
    /// A mention in mixed case, for a phrase first seen in capitals.
    mixed_case: Option<(String, Range<usize>)>,
}

/// When no recogniser named the film: the phrase the text agrees on (see the module doc).
pub fn agreement(lines: &[Line<'_>], found: &mut Found) {
    if !found.title.is_empty() {
        return;
    }
    let people = people_keys(found);
    let mut phrases: Vec<Phrase> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut offer = |raw: &str, span: Range<usize>, place: Place| {
        let Some((shown, span)) = acceptable(raw, span, &people) else {
            return;
        };
        let k = key(&shown);
        if let Some(&i) = index.get(&k) {
            let p: &mut Phrase = &mut phrases[i];
            p.placed += place.weight();
            p.best_place = p.best_place.max(place);
        } else if phrases.len() < MAX_PHRASES {
            index.insert(k, phrases.len());
            phrases.push(Phrase {
                shown,
                span,
                best_place: place,
                placed: place.weight(),
                mentions: 0,
                mixed_case: None,
            });
        }
    };
    let scanned = within_scan(lines);
    let mut head: HashSet<usize> = HashSet::new();
    let mut list_first: Option<(String, Range<usize>)> = None;
    for (n, line) in scanned
        .iter()
        .filter(|l| !l.is_blank())
        .take(HEAD_LINES)
        .enumerate()
    {
        let short = line.text.len() <= 120 && !line.text.ends_with(['.', '!', '?']);
        if found.is_consumed(line.index) || !short {
            continue;
        }
        head.insert(line.index);
        for (raw, span) in quoted(line) {
            let place = if n < 3 {
                Place::HeadQuoted
            } else {
                Place::Quoted
            };
            offer(raw, span, place);
        }
        head_parts(line, &mut |raw, span| offer(raw, span, Place::Head));
        if list_first.is_none() {
            list_first = LIST_HEADING
                .captures(line.text)
                .and_then(|c| c.name("first"))
                .and_then(|m| acceptable(m.as_str(), line.span(m.range()), &people));
        }
    }
    for line in &scanned {
        if line.is_blank() || found.is_consumed(line.index) {
            continue;
        }
        if !head.contains(&line.index) {
            for (raw, span) in quoted(line) {
                offer(raw, span, Place::Quoted);
            }
        }
        if line.text.contains("’s ") || line.text.contains("'s ") {
            for caps in POSSESSIVE.captures_iter(line.scan_text()).take(16) {
                if let Some(t) = caps.name("t") {
                    offer(t.as_str(), line.span(t.range()), Place::Possessive);
                }
            }
        }
    }
    count_mentions(&scanned, &mut phrases);
    let best = phrases
        .iter()
        .filter(|p| p.mentions >= 2 || p.best_place == Place::HeadQuoted)
        .max_by_key(|p| (p.mentions + p.placed, std::cmp::Reverse(p.span.start)));
    let Some(best) = best else {
        // Nothing repeated: a list heading's first item names the first capsule's film.
        if let Some((value, span)) = list_first {
            found.title.push(cand(value, span, conf::FLOOR));
        }
        return;
    };
    // `Detective K` said often, `Detective K: Secret of the Lost Island` heading the page: the
    // heading's full title with its subtitle.
    let subtitle = format!("{}:", best.shown.to_lowercase());
    let best = phrases
        .iter()
        .filter(|p| matches!(p.best_place, Place::Head | Place::HeadQuoted))
        .find(|p| p.shown.to_lowercase().starts_with(&subtitle))
        .unwrap_or(best);
    let weight = best.mentions + best.placed;
    let confidence = if weight >= 5 { conf::HINT } else { conf::GUESS };
    let (value, span) = match &best.mixed_case {
        Some((shown, span)) if !best.shown.chars().any(char::is_lowercase) => {
            (shown.clone(), span.clone())
        }
        _ => (best.shown.clone(), best.span.clone()),
    };
    found.title.push(cand(value, span, confidence));
}

/// Whatever named the film: a top line that gives its title in full (`Solo: A Star Wars Story` over
/// a prose `Solo`), or the title without a ranked list's number (`1. American Fiction`), is
/// preferred over the candidate it extends.
pub fn full_title(lines: &[Line<'_>], found: &mut Found) {
    let Some(best) = found.best_title().cloned() else {
        return;
    };
    if let Some((number, rest)) = best.value.split_once(". ") {
        if number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty() {
            let at = best.span.end.saturating_sub(rest.len());
            found.title.push(cand(
                rest.to_owned(),
                at..best.span.end,
                best.confidence + 0.01,
            ));
            return;
        }
    }
    let subtitle = format!("{}:", best.value.to_lowercase());
    let head = lines.iter().filter(|l| !l.is_blank()).take(3).find(|l| {
        l.text.len() <= 100
            && l.text.to_lowercase().starts_with(&subtitle)
            && title_cased(l.text)
            && is_title_like(l.text)
    });
    if let Some(line) = head {
        found.title.push(cand(
            clean_value(line.text),
            line.full_span(),
            best.confidence + 0.01,
        ));
    }
}

/// The lines that start within the first [`SCAN_BYTES`] of the text.
fn within_scan<'a>(lines: &[Line<'a>]) -> Vec<Line<'a>> {
    let first = lines.first().map_or(0, |l| l.start);
    lines
        .iter()
        .take_while(|l| l.start - first <= SCAN_BYTES)
        .copied()
        .collect()
}

/// Keys of the people the other recognisers found: none of them is the film.
fn people_keys(found: &Found) -> HashSet<String> {
    found
        .directors
        .iter()
        .chain(&found.writers)
        .chain(&found.reviewer)
        .map(|c| key(&c.value))
        .chain(found.cast.iter().map(|c| key(&c.value.name)))
        .chain(found.prose_cast.iter().map(|c| key(&c.value.name)))
        .collect()
}

/// The quoted title-case phrases of a line, with their spans.
fn quoted<'a>(line: &Line<'a>) -> Vec<(&'a str, Range<usize>)> {
    let text = line.scan_text();
    if !text.contains(['“', '"', '‘', '\'']) {
        return Vec::new();
    }
    QUOTED
        .captures_iter(text)
        .take(32)
        .filter_map(|caps| caps.name("t"))
        .map(|t| (&line.text[t.range()], line.span(t.range())))
        .collect()
}

/// The parts of a short top line: the whole line without a `review` word, and its pieces cut at
/// colons, spaced dashes and bars.
fn head_parts<'a>(line: &Line<'a>, offer: &mut impl FnMut(&'a str, Range<usize>)) {
    let text = line.text;
    let (start, end) = match REVIEW_WORDS.find(text) {
        Some(m) if m.start() == 0 => (m.end(), text.len()),
        Some(m) => (0, m.start()),
        None => (0, text.len()),
    };
    let core = &text[start..end];
    offer(core, line.span(start..end));
    let mut at = 0;
    for cut in HEAD_CUT.find_iter(core) {
        if cut.start() > at {
            offer(
                &core[at..cut.start()],
                line.span(start + at..start + cut.start()),
            );
        }
        at = cut.end();
    }
    if at > 0 && at < core.len() {
        offer(&core[at..], line.span(start + at..end));
    }
}

/// The phrase cleaned and its span, when it may be a film's title: short, in title case, not a
/// sentence, a date, furniture, a person found elsewhere, an outlet, a place or a festival.
fn acceptable(
    raw: &str,
    span: Range<usize>,
    people: &HashSet<String>,
) -> Option<(String, Range<usize>)> {
    let trimmed = raw.trim_end_matches([',', '.', ' ', '’', '\'']);
    let lead = trimmed.len() - trimmed.trim_start().len();
    let trimmed = trimmed.trim_start();
    let span = span.start + lead..span.start + lead + trimmed.len();
    let shown = clean_value(trimmed);
    let words = word_count(&shown);
    let ok = (1..=10).contains(&words)
        && shown.chars().filter(|c| c.is_alphanumeric()).count() >= 1
        && shown.len() <= 80
        && is_title_like(&shown)
        && title_cased(&shown)
        && !body::is_furniture(&shown)
        && dates::find_date(&shown).is_none()
        && !people.contains(&key(&shown))
        && lexicon::outlet_named(&shown).is_none()
        && !lexicon::is_country(&shown)
        && !lexicon::is_language(&shown)
        && !is_calendar_word(&shown)
        && !shown
            .chars()
            .all(|c| c.is_ascii_digit() || !c.is_alphanumeric());
    ok.then_some((shown, span))
}

/// True when every word but the small ones starts with a capital or a digit (or the phrase is in
/// capitals), and the phrase does not start with a small word other than an article.
pub(super) fn title_cased(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let capital = |w: &str| {
        w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
            .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic())
    };
    capital(first) && words.all(|w| capital(w) || SMALL_WORDS.contains(&w.to_lowercase().as_str()))
}

/// True for a month or a weekday, which head date lines and archives.
fn is_calendar_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "posts",
        "archive",
        "archives",
    ];
    dates::is_month_name(text) || WORDS.contains(&text.to_lowercase().as_str())
}

/// Counts each phrase's title-case mentions in the lines, in one pass: where phrases overlap, the
/// longest takes the mention.
fn count_mentions(lines: &[Line<'_>], phrases: &mut [Phrase]) {
    let needles: Vec<String> = phrases.iter().map(|p| p.shown.to_lowercase()).collect();
    let Ok(matcher) = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&needles)
    else {
        return;
    };
    for line in lines.iter().filter(|l| !l.is_blank()) {
        mentions_in(line, &matcher, phrases);
    }
}

/// Adds the mentions in one line.
fn mentions_in(line: &Line<'_>, matcher: &AhoCorasick, phrases: &mut [Phrase]) {
    let text = line.text;
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Case folding changed the byte length (rare scripts): match the text itself.
        for m in matcher.find_iter(text) {
            mention(line, m.pattern().as_usize(), m.range(), phrases);
        }
        return;
    }
    for m in matcher.find_iter(&lower) {
        mention(line, m.pattern().as_usize(), m.range(), phrases);
    }
}

/// Records one match when it stands alone as words and is written in title case.
fn mention(line: &Line<'_>, phrase: usize, range: Range<usize>, phrases: &mut [Phrase]) {
    let text = line.text;
    // Matched on the lower-cased line: its boundaries must also be the line's.
    let (Some(said), Some(p)) = (text.get(range.clone()), phrases.get_mut(phrase)) else {
        return;
    };
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
        return;
    }
    if !said
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic())
    {
        return;
    }
    p.mentions += 1;
    if p.mixed_case.is_none() && said.chars().any(char::is_lowercase) {
        p.mixed_case = Some((clean_value(said), line.span(range)));
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_review;

    #[test]
    fn a_list_headings_first_item() {
        let text = "Weekly Film Picks: Salt Road, Night Ferry, and more\n\n126 minutes\n\nThis movie sails through every genre trope with a grin, and the ending lands.\n";
        assert_eq!(parse_review(text).title.as_deref(), Some("Salt Road"));
    }

    /// A paragraph long enough to count as prose.
    const FILLER: &str = "and the rest of this sentence carries on for long enough that the line is plainly prose rather than a heading.";

    #[test]
    fn a_headline_quote_the_prose_repeats() {
        let text = format!(
            "Culture\n\nWhy ‘The Salt Road’ left me cold\n\nThe Salt Road opens in a harbour town {FILLER}\n\nIn the end The Salt Road {FILLER}\n"
        );
        assert_eq!(parse_review(&text).title.as_deref(), Some("The Salt Road"));
    }

    #[test]
    fn a_possessive_and_a_later_mention_agree() {
        let text = format!(
            "Festival notes\n\nA still from the film\n\nIn Ines Varga’s Low Tide, a ferry {FILLER}\n\nBy the end, Low Tide {FILLER}\n"
        );
        assert_eq!(parse_review(&text).title.as_deref(), Some("Low Tide"));
    }

    #[test]
    fn the_longer_quoted_title_takes_its_mentions() {
        let text = format!(
            "Weekend picks\n\nThe sequel “Night Ferry: The Return” {FILLER}\n\nAs in the first Night Ferry, {FILLER} “Night Ferry: The Return” ends well.\n"
        );
        assert_eq!(
            parse_review(&text).title.as_deref(),
            Some("Night Ferry: The Return")
        );
    }

    #[test]
    fn people_and_single_mentions_are_no_title() {
        let text = format!(
            "Notes\n\nI watched it with “Mara”, my sister, {FILLER}\n\nA quiet evening {FILLER}\n"
        );
        assert_eq!(parse_review(&text).title, None);
    }
}
