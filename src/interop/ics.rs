//! The watchlist as an iCalendar file (RFC 5545) for calendar and to-do apps: one `VTODO` per
//! film, with a stable `UID` (from the item's id), a `DTSTAMP` in UTC, the priority mapped to
//! iCalendar's 1 (highest) to 9 (lowest), and the film's facts and the note in `DESCRIPTION`.
//!
//! Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character; text values
//! escape `\`, `;`, `,` and line breaks, and drop other control characters.

use chrono::{DateTime, Utc};

use crate::model::WatchlistRow;

/// The longest a content line may be, in octets, before it is folded.
const MAX_LINE_OCTETS: usize = 75;

/// The calendar, one to-do per row in the order given; `now` is written as each `DTSTAMP`.
pub(super) fn watchlist(rows: &[WatchlistRow], now: DateTime<Utc>) -> String {
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Cinedex//Watchlist//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Watchlist",
    ] {
        push_line(&mut out, line);
    }
    for row in rows {
        let film = &row.film;
        let item = &row.item;
        let uid = match item.id {
            Some(id) => format!("watchlist-{}@cinedex", id.0),
            None => format!("watchlist-film-{}@cinedex", film.id.0),
        };
        let summary = match film.year {
            Some(year) => format!("{} ({year})", film.title),
            None => film.title.clone(),
        };
        push_line(&mut out, "BEGIN:VTODO");
        push_line(&mut out, &format!("UID:{}", escape_text(&uid)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&summary)));
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&description(row))),
        );
        push_line(
            &mut out,
            &format!("PRIORITY:{}", ics_priority(item.priority)),
        );
        push_line(&mut out, "STATUS:NEEDS-ACTION");
        push_line(&mut out, "CATEGORIES:Watchlist");
        push_line(&mut out, "END:VTODO");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// The film's directors and runtime, the date it was added and the note, one per line.
fn description(row: &WatchlistRow) -> String {
    let film = &row.film;
    let mut lines = Vec::new();
    if !film.directors.is_empty() {
        lines.push(format!("Directed by {}", film.directors.join(", ")));
    }
    if let Some(minutes) = film.runtime_min {
        lines.push(format!("{minutes} min"));
    }
    lines.push(format!("Added on {}", row.item.added_on));
    if !row.item.note.trim().is_empty() {
        lines.push(row.item.note.trim().to_owned());
    }
    lines.join("\n")
}

/// Cinedex's 5 (next) … 1 (maybe) on iCalendar's scale, where 1 is highest and 9 lowest.
fn ics_priority(priority: u8) -> u8 {
    match priority {
        5 => 1,
        4 => 3,
        3 => 5,
        2 => 7,
        _ => 9,
    }
}

/// A TEXT value: `\`, `;` and `,` escaped, line breaks as `\n`, other control characters dropped.
fn escape_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at [`MAX_LINE_OCTETS`] (continuations start with a space, which counts)
/// and ended with CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut room = MAX_LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            room = MAX_LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a\\b;c,d\r\ne\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "千と千尋の神隠し".repeat(6));
        let mut out = String::new();
        push_line(&mut out, &line);
        let physical: Vec<&str> = out.strip_suffix("\r\n").unwrap().split("\r\n").collect();
        assert!(physical.len() > 1);
        for part in &physical {
            assert!(part.len() <= MAX_LINE_OCTETS, "{} octets", part.len());
        }
        for part in &physical[1..] {
            assert!(part.starts_with(' '));
        }
        let unfolded: String = physical
            .iter()
            .enumerate()
            .map(|(i, p)| if i == 0 { *p } else { &p[1..] })
            .collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn priorities_map_highest_first() {
        assert_eq!([5, 4, 3, 2, 1].map(ics_priority), [1, 3, 5, 7, 9]);
    }
}
