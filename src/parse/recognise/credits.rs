//! Credits: labelled lines and sentences (`Director Jacques Audiard`, `Directed by …`, `Dir.`,
//! `Screenplay, …`, `Starring …`, `Cast` blocks, `Running time: 110 MIN.`, `Language French`,
//! `Opens April 6, 2013`), and the title line that heads a credits block.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::credit_pieces::{special_piece, year_or_countries};
use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::labels::{match_label, Kind, Sep};
use crate::parse::names::{self, name_list, split_list};
use crate::parse::runtime::{find_minutes, whole_minutes};
use crate::parse::segments::segments;
use crate::parse::text::{compile, is_space, Line};
use crate::parse::title_line::{is_title_like, title_with_parens};
use crate::parse::{dates, lexicon, CastMember};

/// Variety's one-line header: `Title (Countries) A … release …`.
static VARIETY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<title>[^()]{1,100}?\s*\([^()]{1,60}\))\s+(?P<rest>An?\s+.{0,240}?\b(?:release|presentation)\b.*)$",
    )
});
/// An MPAA rating or a certificate (`R`, `PG-13`, `15`).
static MPAA: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:G|PG|PG-13|R|NC-17|NR|U|12A?|15|18|Not [Rr]ated|Unrated)\b"));
/// One word or short phrase of a language, country or genre list.
static LIST_WORD: LazyLock<Regex> = LazyLock::new(|| compile(r"^[\p{L}][\p{L}\p{M}.'’\- ]{0,40}$"));

/// Reads credits from all lines into `found`, marking metadata lines consumed.
pub fn scan(lines: &[Line<'_>], found: &mut Found) {
    let used_before = found.consumed.clone();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.is_blank() || line.text.len() > 3000 || found.is_consumed(i) {
            i += 1;
            continue;
        }
        if let Some(end) = block(lines, i, found) {
            i = end;
            continue;
        }
        scan_line(line, found);
        i += 1;
    }
    credits_titles(lines, &used_before, found);
}

/// A label alone on a line heads a block of values, one per line, up to a blank line. Returns the
/// index after the block when line `i` heads one.
fn block(lines: &[Line<'_>], i: usize, found: &mut Found) -> Option<usize> {
    let line = lines[i];
    if line.text.len() > 60 {
        return None;
    }
    let labelled = match_label(line.text)?;
    let rest = line.text[labelled.value_at..].trim();
    let kind = match labelled.sep {
        Sep::End => labelled.kind,
        Sep::Space if rest.starts_with('(') && rest.ends_with(')') => {
            if rest.contains("based on") || rest.contains("source") {
                Kind::Other
            } else {
                labelled.kind
            }
        }
        _ => return None,
    };
    if matches!(kind, Kind::Title | Kind::Year | Kind::OriginalTitle) {
        return None;
    }
    let mut j = i + 1;
    let mut any = false;
    while let Some(value_line) = lines.get(j) {
        if value_line.is_blank()
            || value_line.text.len() > 120
            || match_label(value_line.text)
                .is_some_and(|l| l.sep != Sep::Space || !value_line.text.contains(' '))
        {
            break;
        }
        if !apply(
            kind,
            Sep::Space,
            value_line.text,
            value_line.start,
            conf::STRONG,
            found,
        ) && kind != Kind::Other
        {
            break;
        }
        found.consume(j);
        any = true;
        j += 1;
    }
    if any {
        found.consume(i);
        Some(j)
    } else {
        None
    }
}

/// Applies the label recognisers to the pieces of one line.
fn scan_line(line: Line<'_>, found: &mut Found) {
    if let Some(caps) = VARIETY_HEAD.captures(line.text) {
        if let (Some(title), Some(rest)) = (caps.name("title"), caps.name("rest")) {
            if is_title_like(title.as_str()) {
                title_with_parens(title.as_str(), line.start, conf::FIRM, found);
                let rest_line = Line {
                    text: rest.as_str(),
                    start: line.start + rest.start(),
                    index: line.index,
                };
                scan_pieces(rest_line, found);
                found.consume(line.index);
                return;
            }
        }
    }
    scan_pieces(line, found);
}

/// Applies the label recognisers to the pieces of one line (or of its part after a heading).
fn scan_pieces(line: Line<'_>, found: &mut Found) {
    let text = line.text;
    let pieces = segments(text);
    let single = pieces.len() == 1;
    let mut matched = 0usize;
    let mut first_unmatched: Option<Range<usize>> = None;
    let mut unmatched: Vec<Range<usize>> = Vec::new();
    for (n, piece) in pieces.iter().enumerate() {
        let piece_text = &text[piece.clone()];
        let base = line.start + piece.start;
        let hit = if let Some(labelled) = match_label(piece_text) {
            let value = &piece_text[labelled.value_at..];
            let confidence = match (labelled.sep, single) {
                (Sep::Strong, true) => conf::CERTAIN,
                (Sep::Space, true) => conf::STRONG,
                (Sep::Strong, false) => conf::FIRM,
                _ => conf::SHAPED,
            };
            labelled.sep != Sep::End
                && (labelled.sep != Sep::Space || piece_text.len() <= 100)
                && apply(
                    labelled.kind,
                    labelled.sep,
                    value,
                    base + labelled.value_at,
                    confidence,
                    found,
                )
        } else {
            special_piece(piece_text, base, found)
        };
        if hit {
            matched += 1;
        } else {
            unmatched.push(piece.clone());
            if n == 0 {
                first_unmatched = Some(piece.clone());
            }
        }
    }
    if matched > 0 && pieces.len() > 1 && text.len() <= 300 {
        for piece in &unmatched {
            if year_or_countries(&text[piece.clone()], line.start + piece.start, found) {
                matched += 1;
                if first_unmatched.as_ref() == Some(piece) {
                    first_unmatched = None;
                }
            }
        }
    }
    let consumed = matched > 0 && (single || matched * 2 >= pieces.len() && text.len() <= 1500);
    if consumed {
        found.consume(line.index);
        if matched >= 2 {
            if let Some(first) = first_unmatched {
                let title = &text[first.clone()];
                if is_title_like(title) && pieces.len() > 2 {
                    title_with_parens(title, line.start + first.start, conf::CONTEXT, found);
                }
            }
        }
    }
}

/// Reads a value after a label; true when it held what the label announced.
fn apply(
    kind: Kind,
    sep: Sep,
    value: &str,
    base: usize,
    confidence: f32,
    found: &mut Found,
) -> bool {
    let value_trimmed = value.trim_end();
    let weak = sep == Sep::Space;
    match kind {
        Kind::Director | Kind::Writer | Kind::WriterDirector | Kind::Cast => {
            let (items, complete) = name_list(value_trimmed);
            if items.is_empty()
                || weak && (!complete || items.iter().any(|it| names::word_count(&it.name) < 2))
            {
                return false;
            }
            for item in items {
                let span = base + item.span.start..base + item.span.end;
                match kind {
                    Kind::Cast => found.cast.push(cand(
                        CastMember {
                            name: item.name,
                            character: item.character,
                        },
                        span,
                        confidence,
                    )),
                    Kind::Director => found.directors.push(cand(item.name, span, confidence)),
                    Kind::Writer => found.writers.push(cand(item.name, span, confidence)),
                    _ => {
                        found
                            .directors
                            .push(cand(item.name.clone(), span.clone(), confidence));
                        found.writers.push(cand(item.name, span, confidence));
                    }
                }
            }
            true
        }
        Kind::Runtime => {
            let hit = if weak {
                whole_minutes(value_trimmed)
            } else {
                find_minutes(value_trimmed)
                    .filter(|(_, r)| r.start == 0)
                    .or_else(|| bare_minutes(value_trimmed))
            };
            let Some((minutes, range)) = hit else {
                return false;
            };
            found.runtime_min.push(cand(
                minutes,
                base + range.start..base + range.end,
                confidence,
            ));
            true
        }
        Kind::Language | Kind::Country | Kind::Genre => {
            word_list(kind, value_trimmed, base, confidence, !weak, found)
        }
        Kind::Release => {
            let Some((date, range)) = dates::find_date(value_trimmed) else {
                return false;
            };
            if value_trimmed.len() > 80 && (weak || range.start > 0) {
                return false;
            }
            if weak && !release_prefix_ok(&value_trimmed[..range.start]) {
                return false;
            }
            found
                .release_date
                .push(cand(date, base + range.start..base + range.end, confidence));
            true
        }
        Kind::Title | Kind::OriginalTitle | Kind::AltTitle => {
            if weak || sep == Sep::Comma || value_trimmed.is_empty() {
                return false;
            }
            match kind {
                Kind::Title => title_with_parens(value_trimmed, base, confidence, found),
                _ => {
                    let whole = 0..value_trimmed.len();
                    let pieces = if kind == Kind::AltTitle {
                        split_list(value_trimmed)
                    } else {
                        std::iter::once(whole).collect()
                    };
                    for piece in pieces {
                        let title = crate::parse::text::clean_value(
                            crate::parse::text::strip_quotes(&value_trimmed[piece.clone()]),
                        );
                        if title.is_empty() {
                            continue;
                        }
                        let span = base + piece.start..base + piece.end;
                        if kind == Kind::AltTitle {
                            found.alternative_titles.push(cand(title, span, confidence));
                        } else {
                            found.original_title.push(cand(title, span, confidence));
                        }
                    }
                }
            }
            true
        }
        Kind::Year => {
            let digits = value_trimmed.trim_end_matches('.');
            match digits.parse::<i32>() {
                Ok(year)
                    if !weak && digits.len() == 4 && crate::model::YEAR_RANGE.contains(&year) =>
                {
                    found.year.push(cand(year, base..base + 4, confidence));
                    true
                }
                _ => false,
            }
        }
        Kind::Rated => {
            if !MPAA.is_match(value_trimmed) {
                return false;
            }
            if let Some((minutes, range)) = find_minutes(value_trimmed) {
                found.runtime_min.push(cand(
                    minutes,
                    base + range.start..base + range.end,
                    conf::SHAPED,
                ));
            }
            true
        }
        Kind::Other => {
            let rest = skip_parenthetical(value_trimmed);
            let rest = rest.trim_start_matches([',', ' ']);
            let first = split_list(rest)
                .into_iter()
                .next()
                .map(|r| &rest[r])
                .unwrap_or_default();
            !weak && !rest.is_empty()
                || names::parse_item(first).is_some()
                || rest.chars().next().is_some_and(char::is_uppercase) && sep != Sep::Space
        }
    }
}

/// A bare number of minutes after a strong runtime label (`Running Time: 115`).
fn bare_minutes(value: &str) -> Option<(u32, Range<usize>)> {
    let digits = value.trim_end_matches(['.', ' ']);
    let minutes: u32 = digits.parse().ok()?;
    (digits.len() <= 3 && (20..=400).contains(&minutes)).then_some((minutes, 0..digits.len()))
}

/// True when the words between a release label and its date are only more release wording
/// (`Opens Opens April 6`, `Released in theaters Friday, March 3, 2013`), not a sentence.
fn release_prefix_ok(prefix: &str) -> bool {
    const WORDS: &[&str] = &[
        "opens",
        "opening",
        "released",
        "release",
        "date",
        "on",
        "in",
        "at",
        "theaters",
        "theatres",
        "cinemas",
        "nationwide",
        "uk",
        "us",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ];
    prefix
        .split(|c: char| is_space(c) || matches!(c, ',' | ':' | '.'))
        .filter(|w| !w.is_empty())
        .all(|w| WORDS.iter().any(|known| known.eq_ignore_ascii_case(w)))
}

/// The text after a leading parenthetical such as `(color, widescreen)`.
fn skip_parenthetical(text: &str) -> &str {
    if text.starts_with('(') {
        if let Some(close) = text.find(')') {
            return &text[close + 1..];
        }
    }
    text
}

/// Reads languages, countries or genres: capitalised words separated by commas or `and`, up to a
/// parenthesis. With `partial`, stops at the first piece that is not such a word; otherwise every
/// piece must be one. True when anything was read.
pub fn word_list(
    kind: Kind,
    text: &str,
    base: usize,
    confidence: f32,
    partial: bool,
    found: &mut Found,
) -> bool {
    let head = match text.find('(') {
        Some(open) => &text[..open],
        None => text,
    };
    let mut items = Vec::new();
    let pieces = split_list(head);
    let total = pieces.len();
    for piece in pieces {
        let word = &head[piece.clone()];
        let capitalised = word.chars().next().is_some_and(|c| {
            c.is_uppercase() || partial && kind == Kind::Genre && c.is_alphabetic()
        });
        let known = match kind {
            Kind::Country => lexicon::is_country(word),
            Kind::Language => lexicon::is_language(word) || names::word_count(word) == 1,
            _ => names::word_count(word) <= 3 && !word.contains('.'),
        };
        if !capitalised
            || !known
            || !LIST_WORD.is_match(word)
            || word
                .split(is_space)
                .any(|w| w.chars().next().is_some_and(char::is_lowercase) && kind != Kind::Genre)
        {
            break;
        }
        items.push((word.to_owned(), base + piece.start..base + piece.end));
    }
    if items.is_empty() || !partial && items.len() < total {
        return false;
    }
    let target = match kind {
        Kind::Language => &mut found.languages,
        Kind::Country => &mut found.countries,
        _ => &mut found.genres,
    };
    for (word, span) in items {
        target.push(cand(
            crate::parse::text::clean_value(&word),
            span,
            confidence,
        ));
    }
    true
}

/// The title line heading a credits block: a short line right above the first credit line (a line
/// this module used up, not one `used_before` by other recognisers), with a blank line, the start
/// of the text or a non-credit metadata line above it.
fn credits_titles(lines: &[Line<'_>], used_before: &[bool], found: &mut Found) {
    let is_credit = |found: &Found, i: usize| {
        found.is_consumed(i) && !used_before.get(i).copied().unwrap_or(false)
    };
    for i in 1..lines.len() {
        let (above, line) = (lines[i - 1], lines[i]);
        if !is_credit(found, i) || above.is_blank() || found.is_consumed(i - 1) {
            continue;
        }
        let heads_paragraph = i < 2
            || lines[i - 2].is_blank()
            || found.is_consumed(i - 2) && match_label(lines[i - 2].text).is_none();
        if heads_paragraph
            && !line.is_blank()
            && is_title_like(above.text)
            && !above.text.contains(": ")
            && dates::find_date(above.text).is_none()
        {
            title_with_parens(above.text, above.start, conf::LIKELY, found);
            found.consume(i - 1);
        }
    }
    if found.title.is_empty() {
        title_above_block(lines, used_before, found);
    }
}

/// `The Runaways` / blank / `Year: 2010` / `Director: …`, or with other metadata lines between
/// (`AFI Rank: #38`): the title-like line that heads the text or a paragraph, above the first
/// credits block past a blank line and lines of other labels.
fn title_above_block(lines: &[Line<'_>], used_before: &[bool], found: &mut Found) {
    let Some(first) = (0..lines.len())
        .find(|&i| found.is_consumed(i) && !used_before.get(i).copied().unwrap_or(false))
    else {
        return;
    };
    let mut k = first;
    let mut blanks = 0;
    while k > 0 {
        k -= 1;
        let line = lines[k];
        if line.is_blank() {
            blanks += 1;
            if blanks > 1 {
                return;
            }
            continue;
        }
        let labelled = line.text.find(": ").is_some_and(|at| at <= 30);
        if labelled && !found.is_consumed(k) {
            continue;
        }
        let heads = k == 0 || lines[k - 1].is_blank();
        // A caption (`Ana Ruiz and Tom Bell in 'Low Tide'`) quotes the title; the title line
        // does not.
        let quotes = line.text.contains(['‘', '’', '“', '”', '"', '\''])
            && !line.text.starts_with(['“', '"']);
        if heads
            && !quotes
            && !found.is_consumed(k)
            && line.text.len() <= 80
            && is_title_like(line.text)
            && dates::find_date(line.text).is_none()
            && !crate::parse::body::is_furniture(line.text)
        {
            title_with_parens(line.text, line.start, conf::HINT, found);
            found.consume(k);
        }
        return;
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

    fn values<T: Clone>(c: &[crate::parse::found::Cand<T>]) -> Vec<T> {
        c.iter().map(|c| c.value.clone()).collect()
    }

    #[test]
    fn seed_credits_block() {
        let text = "Prose here.\n\nRust and Bone (Kimi to Aruku Sekai)\nDirector Jacques Audiard\nRun Time 122 minutes\nLanguage French (subtitled in Japanese)\nOpens Opens April 6, 2013\n\nMore prose.";
        let found = scan_text(text);
        assert_eq!(values(&found.title), vec!["Rust and Bone"]);
        assert_eq!(
            values(&found.alternative_titles),
            vec!["Kimi to Aruku Sekai"]
        );
        assert_eq!(values(&found.directors), vec!["Jacques Audiard"]);
        assert_eq!(values(&found.runtime_min), vec![122]);
        assert_eq!(values(&found.languages), vec!["French"]);
        assert_eq!(found.release_date.len(), 1);
        assert_eq!(
            found.consumed,
            vec![false, false, true, true, true, true, true, false, false]
        );
    }

    #[test]
    fn variety_and_nyt_sentences() {
        let found = scan_text("A Sony release of a Why Not production. Produced by Pascal Caucheteux. Directed by Jacques Audiard. Screenplay, Audiard, Thomas Bidegain, based on stories by Craig Davidson.\nWith: Marion Cotillard, Matthias Schoenaerts.\n(French dialogue)\nRunning time: 122 MIN.");
        assert_eq!(values(&found.directors), vec!["Jacques Audiard"]);
        assert_eq!(values(&found.writers), vec!["Audiard", "Thomas Bidegain"]);
        assert_eq!(found.cast.len(), 2);
        assert_eq!(values(&found.languages), vec!["French"]);
        assert_eq!(values(&found.runtime_min), vec![122]);
        assert!(found.consumed.iter().all(|c| *c));
    }

    #[test]
    fn prose_is_not_credits() {
        let found = scan_text("Director Jacques Audiard understands that people are never so simple.\nWith its bold ending, the film soars.\nMusic swells as the credits roll.");
        assert!(found.directors.is_empty() && found.cast.is_empty());
        assert!(found.consumed.iter().all(|c| !*c));
    }

    #[test]
    fn blocks_and_parens() {
        let found = scan_text("Cast\nMarion Cotillard as Stéphanie\nMatthias Schoenaerts (Ali)\n\nDirector\nJacques Audiard\n\nAmour (2012, France-Austria)\nDir. Michael Haneke; 127 mins.");
        assert_eq!(found.cast[0].value.character.as_deref(), Some("Stéphanie"));
        assert_eq!(found.cast[1].value.character.as_deref(), Some("Ali"));
        assert_eq!(
            values(&found.directors),
            vec!["Jacques Audiard", "Michael Haneke"]
        );
        assert_eq!(values(&found.year), vec![2012]);
        assert_eq!(values(&found.countries), vec!["France", "Austria"]);
        assert_eq!(values(&found.runtime_min), vec![127]);
    }
}
