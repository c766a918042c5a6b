//! Who wrote the review, where and when: bylines (`By NAME`, `Reviewed by NAME`,
//! `NAME, Film Critic`), outlets (a line naming a major outlet, `Source:` / `Published in`, a
//! copyright line, a pasted URL's host), publication dates and the pasted source URL.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::confidence as conf;
use crate::parse::dates::{self, DateLineKind};
use crate::parse::found::{cand, Found};
use crate::parse::lexicon;
use crate::parse::names::{self, NAME};
use crate::parse::text::{compile, Line};

/// A byline: `By NAME`, `Reviewed by NAME`, `Critic: NAME`, then what may follow.
static BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^(?P<label>(?i:reviewed\s+by|(?:a\s+)?review\s+by|words\s+by|posted\s+by|written\s+by|by\s*:|by|critic\s*:|reviewer\s*:))\s+(?P<name>{name}(?:\s+(?:and|&)\s+{name})?)(?P<rest>.*)$",
        name = *NAME
    ))
});
/// `NAME, Film Critic` and its kin.
static CRITIC_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^(?P<name>{})\s*[,|–—-]\s*(?i:(?:chief|senior|contributing|lead|guest|staff|associate|principal)\s+)?(?i:film|movie|cinema)\s+(?i:critic|reviewer|editor)\b",
        *NAME
    ))
});
/// `Posted on DATE by NAME` (blog footers).
static BY_TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^(?i:posted|published|written|updated)\b.{{0,60}}?\b(?i:by)\s+(?P<name>{})\s*$",
        *NAME
    ))
});
/// `Source: …`, `Published in …`, `Special to …`.
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?i:source|published\s+in|publication|outlet|originally\s+published\s+in|from|via|special\s+to)\s*[:：]?\s+(?P<v>.{2,80}?)\.?$",
    )
});
/// `Peter Bradshaw on 06/04/2020`: an archive's byline.
static NAME_ON_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^(?P<name>{})\s+on\s+\d{{1,2}}/\d{{1,2}}/\d{{2,4}}$",
        *NAME
    ))
});
/// `Author Archives: NAME`, `Posts by NAME`.
static AUTHOR_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^(?i:author\s+archives?|author|posts\s+by|articles\s+by|more\s+from)\s*[:：]?\s+(?P<name>{})$",
        *NAME
    ))
});
/// `Review by: NAME` inside a glued header line.
static REVIEW_BY_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:Review(?:ed)? [Bb]y|Critic)\s*:\s*(?P<name>\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,2})",
    )
});
/// `BY SHUBHRA GUPTA Cast: …`: a byline in capitals.
static BY_CAPITALS: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^BY\s+(?P<name>\p{Lu}[\p{Lu}'’\-]+(?:\s+\p{Lu}[\p{Lu}'’\-]+){1,2})\b")
});
/// A copyright line.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| compile(r"^(?:©|\(c\)|(?i:copyright))"));
/// A web address.
static URL: LazyLock<Regex> = LazyLock::new(|| compile(r#"https?://[^\s<>"“”‘’]+"#));
/// Dashes and bullets before an outlet name (`— The Guardian`).
static LEAD_MARKS: LazyLock<Regex> = LazyLock::new(|| compile(r"^[\s—–\-•·|]+"));

/// Reads bylines, outlets, dates and URLs from short lines.
pub fn scan(lines: &[Line<'_>], found: &mut Found) {
    let mut previous: Option<&Line<'_>> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || line.text.len() > 300 {
            if line.text.len() <= 3000 {
                inline_byline(line, found);
            }
            previous = None;
            continue;
        }
        let above = previous.replace(line);
        let text = line.text;
        let by_somewhere = ["by", "By", "BY"].iter().any(|w| text.contains(w));
        let trailing = by_somewhere.then(|| BY_TRAILING.captures(text)).flatten();
        if let Some(name) = trailing.as_ref().and_then(|c| c.name("name")) {
            if names::is_person_name(name.as_str()) && text.len() <= 120 {
                found.reviewer.push(cand(
                    crate::parse::text::clean_value(name.as_str()),
                    line.span(name.range()),
                    conf::FIRM,
                ));
                rest_facts(line, 0, found);
                found.consume(line.index);
                continue;
            }
        }
        if other_byline(line, found) {
            continue;
        }
        let leading = by_somewhere || text.contains(':');
        let byline = leading
            .then(|| byline_in(lines, i, text))
            .flatten()
            .or_else(|| {
                if !leading || !text.bytes().any(|b| b.is_ascii_digit()) {
                    return None;
                }
                let (_, date) = dates::find_date(text).filter(|(_, r)| r.start > 0)?;
                let head =
                    text[..date.start].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
                leading.then(|| byline_in(lines, i, head)).flatten()
            });
        if let Some((name, rest_start, shown)) = byline {
            found
                .reviewer
                .push(cand(shown, line.span(name), conf::STRONG));
            rest_facts(line, rest_start, found);
            found.consume(line.index);
            continue;
        }
        let titled = ["ritic", "eviewer", "ditor"]
            .iter()
            .any(|w| text.contains(w));
        if let Some(caps) = titled.then(|| CRITIC_TITLE.captures(text)).flatten() {
            if let Some(name) = caps
                .name("name")
                .filter(|n| names::is_person_name(n.as_str()))
            {
                found.reviewer.push(cand(
                    crate::parse::text::clean_value(name.as_str()),
                    line.span(name.range()),
                    conf::FIRM,
                ));
                if text.len() <= 120 {
                    rest_facts(line, name.end(), found);
                    found.consume(line.index);
                }
                continue;
            }
        }
        if let Some((date, range, kind)) = date_line_with_outlet(line, found) {
            let confidence = match kind {
                DateLineKind::Published => conf::CERTAIN,
                DateLineKind::Bare => conf::SHAPED,
                DateLineKind::Updated => conf::HINT,
            };
            found
                .published_on
                .push(cand(date, line.span(range), confidence));
            found.consume(line.index);
            if let Some(name_line) =
                above.filter(|a| is_bare_name(a) && !found.is_consumed(a.index))
            {
                found.reviewer.push(cand(
                    crate::parse::text::clean_value(name_line.text),
                    name_line.full_span(),
                    conf::CONTEXT,
                ));
                found.consume(name_line.index);
            }
            continue;
        }
        urls(line, found);
        outlet_line(line, found);
    }
}

/// A date line, possibly naming the outlet too (`The Guardian, Thursday 1 November 2012`); the
/// outlet is recorded.
fn date_line_with_outlet(
    line: &Line<'_>,
    found: &mut Found,
) -> Option<(chrono::NaiveDate, std::ops::Range<usize>, DateLineKind)> {
    if let Some(hit) = dates::date_line(line.text) {
        return Some(hit);
    }
    if line.text.len() > 140 {
        return None;
    }
    if !line.text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (outlet, range) = lexicon::outlet_within(line.text)?;
    let blanked = format!(
        "{}{}{}",
        &line.text[..range.start],
        " ".repeat(range.len()),
        &line.text[range.end..]
    );
    let hit = dates::date_line(&blanked)?;
    found
        .outlet
        .push(cand(outlet.to_owned(), line.span(range), conf::SHAPED));
    Some(hit)
}

/// True when a line next to line `i` is a date line or names an outlet: `Written by NAME` there is
/// the review's byline, not the film's writing credit.
fn beside_date_or_outlet(lines: &[Line<'_>], i: usize) -> bool {
    let neighbours = [i.checked_sub(1), i.checked_add(1)];
    neighbours
        .into_iter()
        .flatten()
        .filter_map(|j| lines.get(j))
        .any(|l| {
            l.text.len() <= 90
                && (dates::date_line(l.text).is_some() || lexicon::outlet_named(l.text).is_some())
        })
}

/// True when the line is a person's name alone (two to four words), as pages print a byline above
/// the date.
/// The byline shapes of archives and glued headers: `NAME on 06/04/2020`, `Author Archives:
/// NAME`, an author box repeating the name (`Yousuph Grey Yousuph Grey`), `BY NAME` in capitals
/// and `Review by: NAME` inside a line. True when the line was used up.
fn other_byline(line: &Line<'_>, found: &mut Found) -> bool {
    let text = line.text;
    let named = NAME_ON_DATE
        .captures(text)
        .or_else(|| AUTHOR_PAGE.captures(text))
        .and_then(|c| c.name("name"))
        .map(|m| m.range())
        .or_else(|| repeated_name(text));
    if let Some(range) = named.filter(|r| names::is_person_name(&text[r.clone()])) {
        found.reviewer.push(cand(
            crate::parse::text::clean_value(&text[range.clone()]),
            line.span(range),
            conf::SHAPED,
        ));
        found.consume(line.index);
        return true;
    }
    inline_byline(line, found);
    false
}

/// `BY NAME` in capitals or `Review by: NAME` at the head of, or inside, a glued header line.
fn inline_byline(line: &Line<'_>, found: &mut Found) {
    let text = line.text;
    let inline = BY_CAPITALS
        .captures(text)
        .or_else(|| REVIEW_BY_INLINE.captures(text))
        .and_then(|c| c.name("name"));
    if let Some(m) = inline {
        let mut name = m.as_str();
        while let Some((head, last)) = name.rsplit_once(' ') {
            if names::is_stopword(last) || crate::parse::labels::is_credit_label(last) {
                name = head;
            } else {
                break;
            }
        }
        let shown = names::display_name(name);
        if names::word_count(name) >= 2 && names::is_person_name(&shown) {
            found.reviewer.push(cand(
                shown,
                line.span(m.start()..m.start() + name.len()),
                conf::SHAPED,
            ));
        }
    }
}

/// Link words that look like a name in capitals: `Read More`, `See All`.
fn is_link_words(text: &str) -> bool {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    [
        "read", "see", "show", "keep", "continue", "view", "load", "more", "back", "share",
    ]
    .contains(&first.as_str())
}

/// An author box that prints the name twice on one line: the range of the first.
fn repeated_name(text: &str) -> Option<std::ops::Range<usize>> {
    if text.len() > 60 {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let half = words.len() / 2;
    (words.len().is_multiple_of(2) && (2..=3).contains(&half) && words[..half] == words[half..])
        .then(|| {
            let first = words[..half].join(" ");
            let start = text.find(&first).unwrap_or(0);
            start..start + first.len()
        })
}

/// A bare name line beside the headline or signing a capsule, when its first word is a known given
/// name (or it is the text's last line, after the prose): `Barry Hertz` under a headline, `John Lui`
/// after the prose.
pub fn signatures(lines: &[Line<'_>], found: &mut Found) {
    if !found.reviewer.is_empty() {
        return;
    }
    let headline_lines: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(8)
        .filter(|l| {
            found
                .title
                .iter()
                .take(64)
                .any(|t| l.start <= t.span.start && t.span.end <= l.start + l.text.len())
        })
        .map(|l| l.index)
        .collect();
    let nonblank: Vec<&Line<'_>> = lines.iter().filter(|l| !l.is_blank()).collect();
    for (n, line) in nonblank.iter().enumerate() {
        let text = line.text.trim_end_matches('.');
        if found.is_consumed(line.index)
            || text.len() > 40
            || !(2..=3).contains(&names::word_count(text))
            || !names::is_person_name(text)
            || lexicon::outlet_named(text).is_some()
            || crate::parse::body::is_furniture(text)
            || is_link_words(text)
        {
            continue;
        }
        let near_headline = n > 0 && n <= 3 && headline_lines.contains(&nonblank[n - 1].index)
            || n + 1 < nonblank.len() && n < 4 && headline_lines.contains(&nonblank[n + 1].index);
        let signs_prose = n > 0 && nonblank[n - 1].text.len() > 80;
        let last = n + 1 == nonblank.len();
        let given = crate::parse::given_names::starts_with_given_name(text);
        if (near_headline || signs_prose) && (given || last && signs_prose) {
            let shown = names::display_name(text);
            found
                .reviewer
                .push(cand(shown, line.span(0..text.len()), conf::HINT));
            found.consume(line.index);
            return;
        }
    }
}

fn is_bare_name(line: &Line<'_>) -> bool {
    line.text.len() <= 40
        && (2..=4).contains(&names::word_count(line.text))
        && names::is_person_name(line.text)
        && lexicon::outlet_named(line.text).is_none()
}

/// A byline at the start of `text` (line `i` of `lines`, or its part before a date): the name's
/// range and where the rest of the line starts.
fn byline_in(
    lines: &[Line<'_>],
    i: usize,
    text: &str,
) -> Option<(std::ops::Range<usize>, usize, String)> {
    let caps = BY.captures(text)?;
    let (name, rest) = (caps.name("name")?, caps.name("rest")?);
    let label = caps.name("label").map_or("", |l| l.as_str());
    let label_is_by = label.eq_ignore_ascii_case("by");
    let written = label.to_ascii_lowercase().starts_with("written");
    let ok = (!written || beside_date_or_outlet(lines, i))
        && byline_rest_ok(rest.as_str())
        && text.len() <= 160
        && (!label_is_by || names::word_count(name.as_str()) >= 2);
    let shown = names::display_name(&crate::parse::text::clean_value(name.as_str()));
    (ok && names::is_person_name(first_name(&shown))).then(|| (name.range(), rest.start(), shown))
}

/// The first of the names in `A and B`.
fn first_name(names: &str) -> &str {
    names
        .split(" and ")
        .next()
        .unwrap_or(names)
        .split(" & ")
        .next()
        .unwrap_or(names)
        .trim()
}

/// What may follow a byline's name: nothing, or a separator then a date, an outlet or a role; never
/// the rest of a sentence.
fn byline_rest_ok(rest: &str) -> bool {
    let rest = rest.trim();
    if rest.is_empty() {
        return true;
    }
    let starts_with_separator = rest.starts_with([',', '|', '·', '•', '—', '–', '-', '/', '('])
        || rest.starts_with("for ")
        || rest.starts_with("on ")
        || rest.starts_with("Special")
        || rest.starts_with("special");
    let lowercase_words = rest
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    starts_with_separator && !rest.ends_with(['.', '!', '?']) && lowercase_words <= 5
        || dates::find_date(rest).is_some() && rest.len() < 60
        || !rest
            .chars()
            .any(|c| c.is_alphabetic() || c.is_ascii_digit())
}

/// Dates and outlets stated after a byline's name.
fn rest_facts(line: &Line<'_>, from: usize, found: &mut Found) {
    let rest = &line.text[from..];
    if let Some((date, range)) = dates::find_date(rest) {
        let label = rest[..range.start].to_ascii_lowercase();
        let confidence = if label.contains("updated") {
            conf::HINT
        } else {
            conf::FIRM
        };
        found.published_on.push(cand(
            date,
            line.span(from + range.start..from + range.end),
            confidence,
        ));
    }
    if let Some((outlet, range)) = lexicon::outlet_within(rest) {
        found.outlet.push(cand(
            outlet.to_owned(),
            line.span(from + range.start..from + range.end),
            conf::LIKELY,
        ));
    }
    urls(line, found);
}

/// A URL in the line: the source address, and the outlet when its host is a known outlet's.
fn urls(line: &Line<'_>, found: &mut Found) {
    let Some(m) = URL.find(line.text) else {
        return;
    };
    let url = m.as_str().trim_end_matches(['.', ',', ')', ';', '>', ']']);
    let range = m.start()..m.start() + url.len();
    let alone = line.text.len() - url.len() < 16;
    found.source_url.push(cand(
        url.to_owned(),
        line.span(range.clone()),
        if alone { conf::STRONG } else { conf::HINT },
    ));
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or_default()
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or_default();
    if let Some(outlet) = lexicon::outlet_for_host(host) {
        let host_at = range.start + url.find(host).unwrap_or(0);
        found.outlet.push(cand(
            outlet.to_owned(),
            line.span(host_at..host_at + host.len()),
            conf::CONTEXT,
        ));
    }
    if alone {
        found.consume(line.index);
    }
}

/// A line that names an outlet: the outlet alone, `Source: …`, `Published in …`, or a copyright
/// line naming a known outlet.
fn outlet_line(line: &Line<'_>, found: &mut Found) {
    let text = line.text;
    if text.len() > 120 {
        return;
    }
    let lead = LEAD_MARKS.find(text).map_or(0, |m| m.end());
    let bare = &text[lead..];
    if let Some(outlet) = (bare.len() <= 60)
        .then(|| lexicon::outlet_named(bare))
        .flatten()
    {
        found.outlet.push(cand(
            outlet.to_owned(),
            line.span(lead..text.len()),
            conf::FIRM,
        ));
        found.consume(line.index);
        return;
    }
    if let Some((outlet, range)) = lexicon::outlet_within(bare)
        .filter(|(_, r)| r.start == 0 || bare[..r.start].eq_ignore_ascii_case("the "))
        .filter(|_| bare.len() <= 100 && !bare.ends_with('.'))
    {
        found.outlet.push(cand(
            outlet.to_owned(),
            line.span(lead + range.start..lead + range.end),
            conf::CONTEXT,
        ));
        return;
    }
    if let Some(caps) = SOURCE.captures(bare) {
        if let Some(value) = caps.name("v") {
            let mut stated = value.as_str().trim();
            if let Some((date, range)) = dates::find_date(stated) {
                let at = lead + value.start() + range.start;
                found
                    .published_on
                    .push(cand(date, line.span(at..at + range.len()), conf::FIRM));
                stated = stated[..range.start].trim_end_matches([',', ' ', '–', '—', '-', '|']);
            }
            let named = lexicon::outlet_named(stated).map(str::to_owned);
            let is_url = stated.starts_with("http");
            if !is_url && (named.is_some() || stated.chars().next().is_some_and(char::is_uppercase))
            {
                let name = named.unwrap_or_else(|| crate::parse::text::clean_value(stated));
                found.outlet.push(cand(
                    name,
                    line.span(lead + value.start()..lead + value.start() + stated.len()),
                    conf::STRONG,
                ));
                found.consume(line.index);
                return;
            }
        }
    }
    if COPYRIGHT.is_match(bare) {
        if let Some((outlet, range)) = lexicon::outlet_within(bare) {
            found.outlet.push(cand(
                outlet.to_owned(),
                line.span(lead + range.start..lead + range.end),
                conf::HINT,
            ));
        }
        found.consume(line.index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::lines;

    fn scan_text(text: &str) -> Found {
        let lines = lines(text);
        let mut found = Found::new(lines.len());
        scan(&lines, &mut found);
        found
    }

    #[test]
    fn bylines() {
        let found = scan_text("By Mark Schilling | Special to The Japan Times\nApr 4, 2013\n— The Guardian\nhttps://www.theguardian.com/film/2013/rust-and-bone");
        assert_eq!(found.reviewer[0].value, "Mark Schilling");
        assert_eq!(found.outlet[0].value, "The Japan Times");
        assert_eq!(found.published_on.len(), 1);
        assert_eq!(found.outlet[1].value, "The Guardian");
        assert_eq!(
            found.source_url[0].value,
            "https://www.theguardian.com/film/2013/rust-and-bone"
        );
        assert!(found.consumed.iter().all(|c| *c));
    }

    #[test]
    fn critics_and_sources() {
        let found = scan_text("Ana Reyes, Chief Film Critic\nSource: Film Quarterly Online\nReviewed by Tom Reed, March 3, 2013\n© 2013 Variety Media, LLC. All rights reserved.");
        assert_eq!(
            found
                .reviewer
                .iter()
                .map(|c| c.value.as_str())
                .collect::<Vec<_>>(),
            vec!["Ana Reyes", "Tom Reed"]
        );
        assert_eq!(
            found
                .outlet
                .iter()
                .map(|c| c.value.as_str())
                .collect::<Vec<_>>(),
            vec!["Film Quarterly Online", "Variety"]
        );
        assert_eq!(found.published_on.len(), 1);
    }

    #[test]
    fn capital_bylines_are_written_as_names() {
        let found = scan_text("By MANOHLA DARGIS\nBy AND THE END");
        assert_eq!(found.reviewer.len(), 1);
        assert_eq!(found.reviewer[0].value, "Manohla Dargis");
    }

    #[test]
    fn prose_is_no_byline() {
        let found = scan_text("By the end, everything changed.\nBy Christmas Eve, the family has scattered across the country.\nSource material matters.");
        assert!(found.reviewer.is_empty() && found.outlet.is_empty());
    }
}
