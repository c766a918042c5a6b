//! Calendar dates written the usual ways: `April 6, 2013`, `6 April 2013`, `Apr. 6 2013`,
//! `2013-04-06`, and lines that are nothing but a (publication) date.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::parse::text::compile;

/// English month names and abbreviations, captured as `m`.
const MONTH: &str = r"(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// `2013-04-06`.
static ISO: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:\D|$)"));
/// `April 6, 2013`, `Apr. 6 2013`.
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b{MONTH}\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"
    ))
});
/// `6 April 2013`, `6th of April, 2013`.
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\.?,?\s+(?P<y>\d{{4}})\b"
    ))
});
/// What may surround a date on a line that only dates something: labels, weekdays, times, zones.
static DATE_LINE_REST: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:first\s+published|last\s+(?:updated|modified)|published|posted|updated|modified|date|on|at|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\b(?:am|pm|gmt|bst|utc|est|edt|cst|cdt|pst|pdt|cet|cest|jst|et|pt)\b|[\s,|:·•–—\-.()]",
    )
});
/// The label of a date line.
static DATE_LINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\W*(?P<label>first\s+published|last\s+(?:updated|modified)|published|posted|updated|modified|date)\b",
    )
});

/// The month number of an English month name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = lower.get(..3)?;
    months
        .iter()
        .position(|m| *m == prefix)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// True when the whole word (any case, a trailing full stop allowed) is an English month name or
/// one of its abbreviations (`Sept.`), not merely a word that starts like one (`Marvel`).
pub fn is_month_name(word: &str) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    lower.len() >= 3 && FULL.iter().any(|m| m.starts_with(&lower))
}

/// The first date written in `text`, with its byte range.
pub fn find_date(text: &str) -> Option<(NaiveDate, Range<usize>)> {
    let mut best: Option<(NaiveDate, Range<usize>)> = None;
    let mut consider = |date: Option<NaiveDate>, range: Range<usize>| {
        if let Some(date) = date {
            if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                best = Some((date, range));
            }
        }
    };
    for caps in ISO.captures_iter(text).take(4) {
        let date = (|| {
            NaiveDate::from_ymd_opt(
                caps.name("y")?.as_str().parse().ok()?,
                caps.name("mo")?.as_str().parse().ok()?,
                caps.name("d")?.as_str().parse().ok()?,
            )
        })();
        if let Some(m) = caps.get(0) {
            let end = m.start() + 10;
            consider(date, m.start()..end);
        }
    }
    for regex in [&*MONTH_FIRST, &*DAY_FIRST] {
        for caps in regex.captures_iter(text).take(4) {
            let date = (|| {
                NaiveDate::from_ymd_opt(
                    caps.name("y")?.as_str().parse().ok()?,
                    month_number(caps.name("m")?.as_str())?,
                    caps.name("d")?.as_str().parse().ok()?,
                )
            })();
            if let Some(m) = caps.get(0) {
                consider(date, m.range());
            }
        }
    }
    best.filter(|(date, _)| (1870..=2100).contains(&chrono::Datelike::year(date)))
}

/// What a line made only of a date says about that date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateLineKind {
    /// `Published …`, `Posted …`, `First published …`.
    Published,
    /// `Updated …`, `Last modified …`.
    Updated,
    /// A date with no label, as pages print above or below an article.
    Bare,
}

/// When the whole line is a date (with weekday, time, zone or a publication label around it), the
/// date, its range in the line and what kind of date line it is.
pub fn date_line(line: &str) -> Option<(NaiveDate, Range<usize>, DateLineKind)> {
    if line.len() > 90 {
        return None;
    }
    if let Some(at) = line.find("Updated").filter(|at| *at > 0) {
        if let Some(hit) = date_line(&line[..at]) {
            return Some(hit);
        }
    }
    let (date, range) = find_date(line)?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    if !DATE_LINE_REST.replace_all(&rest, "").is_empty() {
        return None;
    }
    let kind = match DATE_LINE_LABEL.captures(line).and_then(|c| c.name("label")) {
        Some(label) => {
            let label = label.as_str().to_ascii_lowercase();
            if label.contains("updated") || label.contains("modified") {
                DateLineKind::Updated
            } else if label == "date" {
                DateLineKind::Bare
            } else {
                DateLineKind::Published
            }
        }
        None => DateLineKind::Bare,
    };
    Some((date, range, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_in_common_forms() {
        assert_eq!(find_date("Opens April 6, 2013").unwrap().0, ymd(2013, 4, 6));
        assert_eq!(find_date("on 3 March 2013").unwrap().0, ymd(2013, 3, 3));
        assert_eq!(find_date("Sept. 14th 2021").unwrap().0, ymd(2021, 9, 14));
        assert_eq!(find_date("2013-03-03T10:00").unwrap().0, ymd(2013, 3, 3));
        let text = "Opens Opens April 6, 2013";
        let (_, range) = find_date(text).unwrap();
        assert_eq!(&text[range], "April 6, 2013");
        assert!(find_date("Opens April 6").is_none());
        assert!(find_date("February 30, 2013").is_none());
    }

    #[test]
    fn month_names_are_whole_words() {
        assert!(is_month_name("Sept.") && is_month_name("june") && is_month_name("MAY"));
        assert!(!is_month_name("Marvel") && !is_month_name("Ma"));
    }

    #[test]
    fn date_lines() {
        let (d, _, k) = date_line("Published: March 3, 2013").unwrap();
        assert_eq!((d, k), (ymd(2013, 3, 3), DateLineKind::Published));
        assert_eq!(
            date_line("Mar 3, 2013 10:00 AM").unwrap().2,
            DateLineKind::Bare
        );
        assert_eq!(
            date_line("Thu 31 Jan 2013 22.30 GMT").unwrap().0,
            ymd(2013, 1, 31)
        );
        assert_eq!(
            date_line("Updated Apr 4, 2013").unwrap().2,
            DateLineKind::Updated
        );
        assert!(date_line("Opens April 6, 2013").is_none());
        assert!(date_line("The film opened on April 6, 2013 in Tokyo").is_none());
    }
}
