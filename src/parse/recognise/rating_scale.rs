//! The star scale when the rating does not state it. Stars and asterisks are read out of five,
//! the common scale; a page that says elsewhere that it rates out of four (`out of four stars`,
//! `a four-star scale`, `(out of 4)`), or whose masthead is a critic known to rate out of four
//! (Roger Ebert), has its unstated star ratings read out of four.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Rating;
use crate::parse::text::{compile, Line};

/// The text saying that it rates out of four.
static OUT_OF_FOUR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bout\s+of\s+(?:four|4)(?:\s+stars)?\b|\bfour-star\s+(?:scale|system)\b|\(\s*out\s+of\s+4\s*\)",
    )
});

/// Mastheads of critics and papers that rate films out of four stars.
const FOUR_STAR_MASTHEADS: &[&str] = &["roger ebert", "rogerebert"];

/// How many non-blank lines from the top may hold the masthead.
const MASTHEAD_LINES: usize = 5;

/// Reads unstated star ratings out of four where the page says it rates out of four.
pub fn four_star_pages(lines: &[Line<'_>], found: &mut crate::parse::found::Found) {
    if found.rating.is_empty() {
        return;
    }
    let masthead = lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(MASTHEAD_LINES)
        .any(|l| {
            let lower = l.text.to_lowercase();
            l.text.len() <= 80 && FOUR_STAR_MASTHEADS.iter().any(|m| lower.contains(m))
        });
    let stated = masthead || lines.iter().any(|l| OUT_OF_FOUR.is_match(l.scan_text()));
    if !stated {
        return;
    }
    for c in &mut found.rating {
        let Rating::Points { value, scale: 5 } = c.value else {
            continue;
        };
        let said = super::title_prose::lines_text(lines, &c.span);
        let scale_stated = said.contains('5') || said.to_lowercase().contains("five");
        if !scale_stated && value <= 4.0 {
            if let Ok(rating) = Rating::points(value, 4) {
                c.value = rating;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_review;

    #[test]
    fn four_star_pages_read_stars_out_of_four() {
        let text = "Roger Ebert Home\n\n\"Low Tide\" ***1/2\nA ferry crosses the bay at night, and the film never hurries it. (PG, 101 minutes)\n";
        let review = parse_review(text);
        assert_eq!(
            review.rating.map(|r| r.to_string()).as_deref(),
            Some("3.5/4")
        );
        let text = "\"Low Tide\" ***1/2\nA ferry crosses the bay at night, and the film never hurries it. (PG, 101 minutes)\n";
        let review = parse_review(text);
        assert_eq!(
            review.rating.map(|r| r.to_string()).as_deref(),
            Some("3.5/5")
        );
        let text = "Our films are rated out of four stars.\n\n\"Low Tide\" ★★★\nA ferry crosses the bay at night.\n";
        let review = parse_review(text);
        assert_eq!(review.rating.map(|r| r.to_string()).as_deref(), Some("3/4"));
    }
}
