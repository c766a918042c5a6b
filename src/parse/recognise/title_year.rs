//! The film's year where the prose writes it beside the title: `Happening (2021)`, `‘Low Tide’
//! (2019)`, `Low Tide [2019]`. Read once the title candidates are known, and only when no surer
//! year was found.

use std::ops::Range;

use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::text::Line;

/// The most bytes of the text searched for the title.
const SCAN_BYTES: usize = 64 * 1024;

/// Adds the year written right after the most confident title candidate.
pub fn beside_title(lines: &[Line<'_>], found: &mut Found) {
    if found.year.iter().any(|y| y.confidence >= conf::HINT) {
        return;
    }
    let Some(best) = found.best_title() else {
        return;
    };
    let (title, title_at) = (best.value.to_lowercase(), best.span.start);
    // `’Smile’ review: Dir. Parker Finn (2022)`: the heading that names the film ends with its year.
    let heading = lines
        .iter()
        .find(|l| l.start <= title_at && title_at < l.start + l.text.len());
    if let Some(line) = heading.filter(|l| l.text.len() <= 160) {
        let tail = line.text.trim_end();
        if let Some(open) = tail
            .len()
            .checked_sub(6)
            .filter(|&at| tail.is_char_boundary(at))
        {
            if let Some((year, range)) = year_after(tail, open) {
                found.year.push(cand(year, line.span(range), conf::GUESS));
                return;
            }
        }
    }
    if title.len() < 2 {
        return;
    }
    let first = lines.first().map_or(0, |l| l.start);
    for line in lines
        .iter()
        .take_while(|l| l.start - first <= SCAN_BYTES)
        .filter(|l| l.text.len() > title.len())
    {
        let lower = line.text.to_lowercase();
        if lower.len() != line.text.len() {
            continue;
        }
        for (at, _) in lower.match_indices(&title) {
            if let Some((year, range)) = year_after(line.text, at + title.len()) {
                found.year.push(cand(year, line.span(range), conf::GUESS));
                return;
            }
        }
    }
}

/// A `(2021)` or `[2021]` right after byte `end` of `text` (a closing quote and spaces between).
fn year_after(text: &str, end: usize) -> Option<(i32, Range<usize>)> {
    let rest = text.get(end..)?;
    let after_quote = rest.trim_start_matches(['’', '\'', '”', '"', ',']);
    let after_space = after_quote.trim_start();
    let open = after_space
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '['))?;
    let digits = after_space.get(1..5)?;
    let close = after_space.get(5..6)?;
    let closes = matches!((open, close), ('(', ")") | ('[', "]"));
    if !closes || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    if !crate::model::YEAR_RANGE.contains(&year) {
        return None;
    }
    let start = end + (rest.len() - after_space.len()) + 1;
    Some((year, start..start + 4))
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_review;

    #[test]
    fn the_year_beside_the_title_in_prose() {
        let text = "Low Tide\n\nI finally saw Ines Varga’s Low Tide (2019) last week, and Low Tide is the better for waiting.\n";
        let review = parse_review(text);
        assert_eq!(review.title.as_deref(), Some("Low Tide"));
        assert_eq!(review.year, Some(2019));
        let text = "’Low Tide’ review: Dir. Ines Varga (2019)\n\nA ferry crosses the bay at night, and the film never hurries it.\n";
        assert_eq!(parse_review(text).year, Some(2019));
        let text = "Low Tide\n\nLow Tide is a 2019 film; it played in (2020) theatres and Low Tide stays.\n";
        assert_eq!(parse_review(text).year, None);
    }
}
