//! The review's prose: every line no recogniser used up, minus page furniture (navigation, share
//! buttons, cookie and subscription pleas, "Related", "Advertisement", captions, copyright lines),
//! and nothing after a comments section starts.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::found::Found;
use super::text::{compile, Line};

/// A line that is page furniture when it is the whole line.
static FURNITURE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?ix)^[\W_]*(?:
        advertisement|advertising|advert|ad|sponsored(?:\s+content)?|skip\s+to\s+(?:main\s+)?content|skip\s+advert(?:isement)?|
        menu|search|home|sign\s+in|log\s+in|login|register|subscribe(?:\s+now)?|sign\s+up|newsletters?|
        share(?:\s+this(?:\s+(?:article|story|review|post))?)?|share\s+(?:on|via)\s+\w+|tweet|e-?mail|print|save|copy\s+link|
        facebook|twitter|x|pinterest|whatsapp|linkedin|reddit|flipboard|instagram|
        read\s+more|continue\s+reading|show\s+more|load\s+more|more|next|previous|back\s+to\s+top|
        reuse\s+this\s+content|explore\s+more\s+on\s+these\s+topics|view\s+image\s+in\s+fullscreen|
        related(?:\s+(?:stories|articles|content|reviews|links))?|topics|tags|you\s+may\s+also\s+like|you\s+might\s+also\s+like|recommended(?:\s+for\s+you)?|
        more\s+from\s+.{1,40}|follow\s+us.*|watch\s+the\s+trailer.*|accept(?:\s+all)?(?:\s+cookies)?|reject(?:\s+all)?|manage\s+(?:cookies|preferences)|cookie\s+settings|
        close|trailer|photos|video|gallery|listen|listen\s+to\s+this\s+article|\d+\s+min(?:ute)?\s+read|
        critic[’']?s\s+pick|editor[’']?s\s+pick|share\s+(?:the\s+|full\s+)?(?:article|story)|now\s+streaming(?:\s+on)?|powered\s+by\s+\w+|where\s+to\s+(?:watch|stream)|
        verdict|like\s+review|like\s+loading\W*|like\s+this|full\s+credits|credits|keywords|photo\s+gallery.*|
        (?:film|movie)\s+reviews?|reviews?|film|movies|culture|arts|entertainment|opinion
        )[\W_]*$",
    )
});
/// A line that is furniture because of what it says (only short lines are tested).
static FURNITURE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?ix)
        \bwe\s+use\s+cookies\b | \bcookies?\s+(?:policy|settings|consent)\b | \baccept\s+(?:all\s+)?cookies\b |
        \bsign\s+up\s+(?:for|to)\b | \bnewsletter\b | ^by\s+subscribing\b | \bsubscribe\s+(?:now|today|to\s+(?:our|the))\b |
        \bbecome\s+a\s+(?:subscriber|member|supporter)\b | \bsubscri(?:ption|ber)s?\s+(?:offer|only|required)\b |
        \bquality\s+journalism\b | \bsupport\s+(?:our|independent)\s+journalism\b | \bcovid-19\s+guidelines\b |
        \ball\s+rights\s+reserved\b | ^© | ^copyright\b |
        ^(?:photograph|photo|image|picture|illustration|credit|caption|pictured)\s*: | ^(?:related|read\s+more|see\s+also|also\s+read|read\s+also|watch|listen)\s*: |
        \bdisable\s+your\s+ad\s*-?blocker\b | ^a\s+version\s+of\s+this\s+(?:review|article)\s+appears\s+in\s+print | \bthis\s+article\s+(?:was|is|has\s+been)\s+(?:amended|updated|corrected)\b | \bclick\s+here\b |
        ^(?:tags?|topics?|filed\s+under|categories)\s*: | \bterms\s+of\s+(?:use|service)\b | \bprivacy\s+policy\b |
        ^(?:watched|logged|rewatched)\s+(?:on\s+)?\d | ^(?:\w+\s+){0,3}(?:likes?|comments?|shares?)$ |
        ^(?:home|film|movies|reviews|culture|news|arts)(?:\s*[|›>/»]\s*\w[\w\s]{0,20}){1,}$
        ",
    )
});
/// A line after which the page holds comments or other articles, not the review.
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:leave|post|add|write)\s+a\s+(?:comment|reply)|^join\s+the\s+(?:conversation|discussion)|^most\s+(?:popular|viewed|read|shared)$|^trending(?:\s+now)?$|^(?:show|view|load)\s+comments|^comments\s+are\s+closed|^more\s+(?:film\s+)?reviews$|^latest\s+(?:blog\s+posts|news|reviews)$|^keywords$|^popular\s+reviews$",
    )
});

/// A heading over a list of links to other articles; the short lines under it are dropped too.
static LINK_LIST: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:related(?:\s+(?:stories|articles|content|reviews|links))?|more\s+from\s+.{1,40}|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|explore\s+more\s+on\s+these\s+topics|read\s+next|more\s+stories)\W*$",
    )
});

/// True for a navigation trail such as `Home | Film | Reviews` or `[Home] › [Reviews]`: two or more
/// short parts between bars or arrows.
fn is_navigation(text: &str) -> bool {
    if text.len() > 160 {
        return false;
    }
    let parts: Vec<&str> = text.split(['|', '›', '»', '>']).collect();
    let short_parts = parts
        .iter()
        .all(|part| part.split_whitespace().count() <= 2);
    parts.len() >= 2
        && (parts.len() >= 3 || short_parts)
        && parts.iter().all(|part| {
            let part = part.trim().trim_matches(['[', ']']);
            !part.is_empty()
                && part.len() <= 30
                && part.split_whitespace().count() <= 3
                && !part.contains(['.', ',', ':', '(', ')', '\'', '"', '‘', '’', '“', '”'])
        })
}

/// True when the line is page furniture rather than prose.
pub fn is_furniture(text: &str) -> bool {
    text.len() <= 400
        && (FURNITURE_LINE.is_match(text) || FURNITURE_PHRASE.is_match(text) || is_navigation(text))
}

/// The index after the last line of the page header: the last line a recogniser used up among the
/// first twelve non-blank lines, before the first prose paragraph. Short unpunctuated lines above
/// it (section labels, kickers, headlines) are not prose.
fn header_end(lines: &[Line<'_>], found: &Found) -> usize {
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(12)
        .take_while(|l| found.is_consumed(l.index) || l.text.len() <= 120)
        .filter(|l| found.is_consumed(l.index))
        .map(|l| l.index + 1)
        .last()
        .unwrap_or(0)
}

/// The body text and the spans of its paragraphs in the text the lines come from.
pub fn assemble(lines: &[Line<'_>], found: &Found) -> (String, Vec<Range<usize>>) {
    let mut body = String::new();
    let mut spans = Vec::new();
    let mut paragraph: Option<Range<usize>> = None;
    let mut pending_break = false;
    let mut in_link_list = false;
    let header_end = header_end(lines, found);
    for (n, line) in lines.iter().enumerate() {
        let in_header = n < header_end && !line.is_blank();
        if in_header && line.text.len() <= 80 && !line.text.ends_with(['.', '!', '?', '"', '”']) {
            continue;
        }
        if !line.is_blank() && line.text.len() <= 200 && STOP.is_match(line.text) {
            break;
        }
        if line.text.len() <= 80 && LINK_LIST.is_match(line.text) {
            in_link_list = true;
        } else if in_link_list
            && (line.is_blank()
                || line.text.len() > 100
                || line.text.ends_with(['.', '!', '?', '”', '"']))
        {
            in_link_list = false;
        }
        let keep = !in_link_list
            && !line.is_blank()
            && !found.is_consumed(n)
            && !is_furniture(line.text)
            && line.text.chars().any(char::is_alphanumeric);
        if !keep {
            if let Some(span) = paragraph.take() {
                spans.push(span);
            }
            pending_break = !body.is_empty();
            continue;
        }
        if pending_break {
            body.push_str("\n\n");
            pending_break = false;
        } else if !body.is_empty() {
            body.push('\n');
        }
        if line.text.contains('\u{a0}') {
            body.push_str(&line.text.replace('\u{a0}', " "));
        } else {
            body.push_str(line.text);
        }
        let span = line.full_span();
        paragraph = Some(match paragraph {
            Some(open) => open.start..span.end,
            None => span,
        });
    }
    if let Some(span) = paragraph {
        spans.push(span);
    }
    (body, spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::lines;

    #[test]
    fn furniture_is_dropped() {
        for text in [
            "Advertisement",
            "Share on Facebook",
            "In a time of both misinformation and too much information, quality journalism is more crucial than ever.",
            "By subscribing, you can help us get the story right.",
            "In line with COVID-19 guidelines, the government is strongly requesting that residents stay home.",
            "Sign up for our weekly film newsletter",
            "© 2013 The Japan Times. All rights reserved.",
            "Photograph: Sony Pictures Classics",
            "Home | Film | Reviews",
            "Related: Cannes 2012 in pictures",
        ] {
            assert!(is_furniture(text), "{text}");
        }
        assert!(!is_furniture(
            "She despairs. Her career is gone, as is her boyfriend."
        ));
        assert!(!is_furniture(
            "The film’s subscription to melodrama is total."
        ));
    }

    #[test]
    fn paragraphs_join_and_comments_end_the_body() {
        let text =
            "First line.\nSecond line.\n\nAdvertisement\n\nThird.\n\n12 Comments\nNice review!";
        let lines = lines(text);
        let found = Found::new(lines.len());
        let (body, spans) = assemble(&lines, &found);
        assert_eq!(body, "First line.\nSecond line.\n\nThird.");
        assert_eq!(spans.len(), 2);
        assert_eq!(&text[spans[0].clone()], "First line.\nSecond line.");
    }
}
