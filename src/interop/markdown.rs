//! The watchlist as a Markdown checklist, grouped by priority (highest first), each film as
//! `- [ ] **Title** (Year) — Directors · 122 min — note`. Text from the catalog is escaped, so a
//! title with `*` or `[` shows as written.

use std::fmt::Write;

use crate::model::WatchlistRow;

/// What each priority means, from 5 down to 1.
const PRIORITY_HEADINGS: [(u8, &str); 5] = [
    (5, "Priority 5: next"),
    (4, "Priority 4: soon"),
    (3, "Priority 3: when I can"),
    (2, "Priority 2: some day"),
    (1, "Priority 1: maybe"),
];

/// The watchlist as a checklist; within a priority the rows keep the order given.
pub(super) fn watchlist(rows: &[WatchlistRow]) -> String {
    let mut out = String::from("# Watchlist\n");
    for (priority, heading) in PRIORITY_HEADINGS {
        let group: Vec<&WatchlistRow> = rows
            .iter()
            .filter(|r| r.item.priority == priority)
            .collect();
        if group.is_empty() {
            continue;
        }
        out.push_str("\n## ");
        out.push_str(heading);
        out.push_str("\n\n");
        for row in group {
            out.push_str(&checklist_line(row));
        }
    }
    out
}

/// One film as a checklist line, ending in a newline.
fn checklist_line(row: &WatchlistRow) -> String {
    let film = &row.film;
    let mut line = format!("- [ ] **{}**", escape(&film.title));
    if let Some(year) = film.year {
        let _ = write!(line, " ({year})");
    }
    let mut facts = Vec::new();
    if !film.directors.is_empty() {
        facts.push(escape(&film.directors.join(", ")));
    }
    if let Some(minutes) = film.runtime_min {
        facts.push(format!("{minutes} min"));
    }
    if !facts.is_empty() {
        let _ = write!(line, " — {}", facts.join(" · "));
    }
    if !row.item.note.trim().is_empty() {
        let _ = write!(line, " — {}", escape(&row.item.note));
    }
    line.push('\n');
    line
}

/// `text` on one line, with the characters that start Markdown emphasis, links, code, HTML,
/// entities and tables backslash-escaped (the text never starts a line, so `#`, `-` and `1.` are
/// safe as they are).
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if "\\`*_[]<>&|~".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_and_line_breaks_are_escaped() {
        assert_eq!(
            escape("*Batteries* [not]\nincluded"),
            "\\*Batteries\\* \\[not\\] included"
        );
        assert_eq!(escape("Amélie"), "Amélie");
    }
}
