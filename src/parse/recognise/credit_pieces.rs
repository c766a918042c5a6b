//! Credit pieces that carry no label: `(French dialogue)`, `In French, with English subtitles`,
//! `South Korea 2018`, `2023` or `Portugal` in a listing's line, `122 minutes`, and Variety's
//! `A … release of a … production`.

use std::sync::LazyLock;

use regex::Regex;

use super::credits::word_list;
use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::labels::Kind;
use crate::parse::runtime::whole_minutes;
use crate::parse::text::compile;
use crate::parse::title_line::countries;

/// `(French dialogue)` and `In French, with English subtitles`.
static PAREN_LANGUAGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\(?(?:in\s+)?(?P<list>[\p{Lu}][\p{L}, ]*?)\s*(?:,?\s*with\s+(?:\p{L}+\s+)?subtitles|dialogue)\)?\.?$",
    )
});
/// Variety's `A … release of a … production`.
static RELEASE_LINE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^an?\s+.{0,240}?\b(?:release|presentation)\b"));
/// `South Korea 2018`, `France-Belgium, 2012`, `2012, France`: countries and the film's year.
static COUNTRY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:(?P<c>\p{Lu}[\p{L} .\-/–,]{1,60}?),?\s+(?P<y>(?:18|19|20)\d{2})|(?P<y2>(?:18|19|20)\d{2}),?\s+(?P<c2>\p{Lu}[\p{L} .\-/–,]{1,60}))\.?$",
    )
});
/// An unlabelled piece of a credits line that is a year (`2023`) or countries (`Portugal`,
/// `France-Belgium`), as Screen and festival listings write them.
pub fn year_or_countries(piece: &str, base: usize, found: &mut Found) -> bool {
    if piece.len() == 4 && piece.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(year) = piece.parse::<i32>() {
            if crate::model::YEAR_RANGE.contains(&year) {
                found.year.push(cand(year, base..base + 4, conf::HINT));
                return true;
            }
        }
        return false;
    }
    countries(piece, base, conf::HINT, found)
}

/// Pieces that are credits without a label: `(French dialogue)`, `In French, with English
/// subtitles`, `122 minutes`, Variety's `A … release of a … production`.
pub fn special_piece(piece: &str, base: usize, found: &mut Found) -> bool {
    let mentions_language = piece.contains("ubtitle") || piece.contains("ialogue");
    if let Some(caps) = mentions_language
        .then(|| PAREN_LANGUAGE.captures(piece))
        .flatten()
    {
        if let Some(list) = caps.name("list") {
            let before = found.languages.len();
            word_list(
                Kind::Language,
                list.as_str(),
                base + list.start(),
                conf::FIRM,
                true,
                found,
            );
            if found.languages.len() > before {
                return true;
            }
        }
    }
    let has_year_edge = piece.starts_with(|c: char| c.is_ascii_digit())
        || piece
            .trim_end_matches('.')
            .ends_with(|c: char| c.is_ascii_digit());
    if let Some(caps) = has_year_edge
        .then(|| COUNTRY_YEAR.captures(piece))
        .flatten()
    {
        let list = caps.name("c").or_else(|| caps.name("c2"));
        let year = caps.name("y").or_else(|| caps.name("y2"));
        if let (Some(list), Some(year)) = (list, year) {
            if countries(list.as_str(), base + list.start(), conf::LIKELY, found) {
                year_or_countries(year.as_str(), base + year.start(), found);
                return true;
            }
        }
    }
    if piece.starts_with('(') && piece.ends_with(')') && piece.len() <= 80 {
        let inner = &piece[1..piece.len() - 1];
        if countries(inner, base + 1, conf::SHAPED, found) {
            return true;
        }
    }
    if let Some((minutes, range)) = whole_minutes(piece) {
        found.runtime_min.push(cand(
            minutes,
            base + range.start..base + range.end,
            conf::SHAPED,
        ));
        return true;
    }
    piece.starts_with(['A', 'a']) && RELEASE_LINE.is_match(piece)
}
