//! A title line: whether a line reads like a film's title, and what its trailing parentheses hold
//! (`(2012)` the year, `(2012, France)` year and countries, `(France-Belgium)` countries, anything
//! else another release title such as `(Kimi to Aruku Sekai)`).

use crate::parse::found::{cand, Found};
use crate::parse::labels::is_credit_label;
use crate::parse::text::{clean_value, strip_quotes};
use crate::parse::{lexicon, names};

/// True when the text could be a film title heading: short, capitalised, not a sentence.
pub fn is_title_like(text: &str) -> bool {
    let text = text.trim();
    let first = text.chars().next();
    text.len() <= 100
        && names::word_count(text) <= 12
        && first.is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '‘' | '“' | '"' | '\'')
                || !c.is_ascii() && c.is_alphabetic()
        })
        && !text.ends_with(['.', ',', ';', ':', '!', '?'])
        && !text.contains("http")
        && !text.contains(['|', '©'])
        && !is_credit_label(text)
}

/// Reads a title that may carry trailing parentheses: `(2012)` is the year, `(2012, France)` the
/// year and countries, `(France-Belgium)` countries, anything else another release title.
pub fn title_with_parens(text: &str, base: usize, confidence: f32, found: &mut Found) {
    let mut head = text.trim_end();
    let mut parens = Vec::new();
    while head.ends_with(')') {
        let Some(open) = head.rfind('(') else {
            break;
        };
        parens.push(open + 1..head.len() - 1);
        head = head[..open].trim_end();
    }
    let quoted = strip_quotes(head);
    let lead = head.find(quoted).unwrap_or(0);
    // `Shadows 殘影空間`: the English title, then the original in its own script.
    let quoted = match quoted.rsplit_once(' ') {
        Some((latin, native))
            if native.chars().all(is_cjk)
                && latin.chars().any(|c| c.is_ascii_alphabetic())
                && !latin.chars().any(is_cjk) =>
        {
            let at = base + lead + latin.len() + 1;
            found
                .original_title
                .push(cand(native.to_owned(), at..at + native.len(), confidence));
            latin.trim_end()
        }
        _ => quoted,
    };
    let title = clean_value(quoted);
    if title.is_empty() || title.chars().all(|c| c.is_ascii_digit()) {
        return;
    }
    found.title.push(cand(
        title,
        base + lead..base + lead + quoted.len(),
        confidence,
    ));
    for inner in parens.into_iter().rev() {
        paren_facts(&text[inner.clone()], base + inner.start, confidence, found);
    }
}

/// True for a letter of Chinese, Japanese or Korean script.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Classifies what a title's parenthesis holds.
fn paren_facts(inner: &str, base: usize, confidence: f32, found: &mut Found) {
    let inner_trimmed = inner.trim();
    if is_classification(inner_trimmed) {
        return;
    }
    let year_text = inner_trimmed.get(..4).unwrap_or_default();
    if year_text.len() == 4 && year_text.chars().all(|c| c.is_ascii_digit()) {
        let after = &inner_trimmed[4..];
        let Ok(year) = year_text.parse::<i32>() else {
            return;
        };
        if !crate::model::YEAR_RANGE.contains(&year) {
            return;
        }
        if after.is_empty() {
            found
                .year
                .push(cand(year, base..base + 4, confidence + 0.1));
        } else if let Some(rest) = after.strip_prefix(',') {
            found
                .year
                .push(cand(year, base..base + 4, confidence + 0.1));
            countries(rest, base + 5, confidence, found);
        }
        return;
    }
    // `(Iran/France, 2025)`: countries, then the year.
    if let Some((head, year_text)) = inner_trimmed.rsplit_once(", ") {
        let year = year_text.parse::<i32>().ok();
        if let Some(year) =
            year.filter(|y| year_text.len() == 4 && crate::model::YEAR_RANGE.contains(y))
        {
            let lead = inner.len() - inner.trim_start().len();
            if countries(head, base + lead, confidence, found) {
                let at = base + lead + head.len() + 2;
                found.year.push(cand(year, at..at + 4, confidence + 0.1));
                return;
            }
        }
    }
    if countries(inner, base, confidence, found) {
        return;
    }
    let starts_like_title = inner_trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_ascii() && c.is_alphabetic());
    if starts_like_title && inner_trimmed.len() <= 100 && !inner_trimmed.contains(['(', ')']) {
        let lead = inner.len() - inner.trim_start().len();
        found.alternative_titles.push(cand(
            clean_value(strip_quotes(inner_trimmed)),
            base + lead..base + lead + inner_trimmed.len(),
            confidence,
        ));
    }
}

/// True for an age classification as a title's parenthesis or a header's field writes it: `R`,
/// `PG-13`, `PG13`, `M18`, `NC16`, `MA15+`, `R21`, `14A`, `12A`, `IIB`. Never a review's rating.
pub fn is_classification(text: &str) -> bool {
    static CLASSIFICATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::parse::text::compile(
            r"^(?:G|PG|PG-?1[2-5]|M|MA|MA ?15\+|M18|NC-?1[67]|R|R-?1[368]|R21|NR|U|12A?|15|16|18A?|14A|X|IIA|IIB|III|Not [Rr]ated|Unrated|TBC)$",
        )
    });
    CLASSIFICATION.is_match(text.trim())
}

/// Reads `France-Belgium`, `France, Belgium` or `U.S./U.K.` when every part is a country.
pub fn countries(text: &str, base: usize, confidence: f32, found: &mut Found) -> bool {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ',')))
    {
        if matches!(c, '-' | '–' | '/' | ',') {
            if let Some(range) = names::trim_range(text, start..i) {
                parts.push(range);
            }
            start = i + c.len_utf8();
        }
    }
    if parts.is_empty() || !parts.iter().all(|r| lexicon::is_country(&text[r.clone()])) {
        return false;
    }
    for range in parts {
        found.countries.push(cand(
            text[range.clone()].to_owned(),
            base + range.start..base + range.end,
            confidence,
        ));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Found {
        let mut found = Found::new(1);
        title_with_parens(text, 0, 0.8, &mut found);
        found
    }

    #[test]
    fn a_title_in_its_own_script_is_the_original() {
        let found = read("Harbour Lights 港口燈火 (2020)");
        assert_eq!(found.title[0].value, "Harbour Lights");
        assert_eq!(found.original_title[0].value, "港口燈火");
        assert_eq!(found.year[0].value, 2020);
        let found = read("港口燈火");
        assert_eq!(found.title[0].value, "港口燈火");
        assert!(found.original_title.is_empty());
    }

    #[test]
    fn parentheses_are_told_apart() {
        let found = read("Rust and Bone (Kimi to Aruku Sekai)");
        assert_eq!(found.title[0].value, "Rust and Bone");
        assert_eq!(found.alternative_titles[0].value, "Kimi to Aruku Sekai");
        let found = read("Amour (2012, France-Austria)");
        assert_eq!(found.year[0].value, 2012);
        assert_eq!(found.countries.len(), 2);
        let text = "Amour (Austria/France, 2012)";
        let found = read(text);
        assert_eq!(&text[found.year[0].span.clone()], "2012");
        assert_eq!(found.countries.len(), 2);
        let text = "Rust and Bone (France-Belgium)";
        let found = read(text);
        assert!(found.alternative_titles.is_empty());
        assert_eq!(&text[found.countries[1].span.clone()], "Belgium");
    }

    #[test]
    fn title_likeness() {
        assert!(is_title_like("Rust and Bone (Kimi to Aruku Sekai)"));
        assert!(is_title_like("ドライブ・マイ・カー"));
        assert!(!is_title_like("Director: Jacques Audiard"));
        assert!(!is_title_like("She despairs."));
        assert!(!is_title_like("Home | Film"));
        assert!(is_classification("PG13"));
        assert!(is_classification("MA15+"));
        assert!(!is_classification("Kimi to Aruku Sekai"));
        assert!(read("Lost In The Stars (PG13)")
            .alternative_titles
            .is_empty());
    }
}
