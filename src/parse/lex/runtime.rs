//! Running times: `122 minutes`, `110 MIN.`, `1 hour 50 minutes`, `1h 50m`, `2 hrs.`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::compile;

/// A duration in hours and/or minutes.
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:(?P<h>\d{1,2})\s*(?:hours?|hrs?|h)\b\.?(?:\s*,?\s*(?:and\s+)?(?P<hm>\d{1,2})\s*(?:minutes?|mins?|m)\b\.?)?|(?P<m>\d{1,3})\s*(?:minutes?|mins?|m)\b\.?)",
    )
});

/// The first running time written in `text`, in minutes, with its byte range.
pub fn find_minutes(text: &str) -> Option<(u32, Range<usize>)> {
    let caps = DURATION.captures(text)?;
    let whole = caps.get(0)?;
    let minutes = if let Some(hours) = caps.name("h") {
        let hours: u32 = hours.as_str().parse().ok()?;
        let extra: u32 = match caps.name("hm") {
            Some(m) => m.as_str().parse().ok()?,
            None => 0,
        };
        hours * 60 + extra
    } else {
        caps.name("m")?.as_str().parse().ok()?
    };
    (1..=1000)
        .contains(&minutes)
        .then(|| (minutes, whole.range()))
}

/// When all of `text` (but trailing punctuation) is a running time, its minutes and range.
pub fn whole_minutes(text: &str) -> Option<(u32, Range<usize>)> {
    if !text.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (minutes, range) = find_minutes(text)?;
    let rest_empty = text[..range.start].trim().is_empty()
        && text[range.end..]
            .trim_matches(|c: char| c.is_whitespace() || c == '.')
            .is_empty();
    rest_empty.then_some((minutes, range))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_times() {
        assert_eq!(find_minutes("Run Time 122 minutes").unwrap().0, 122);
        assert_eq!(find_minutes("Running time: 110 MIN.").unwrap().0, 110);
        assert_eq!(find_minutes("1 hour 50 minutes").unwrap().0, 110);
        assert_eq!(find_minutes("2 hours and 2 minutes").unwrap().0, 122);
        assert_eq!(find_minutes("1h 50m").unwrap().0, 110);
        assert_eq!(find_minutes("2 hrs.").unwrap().0, 120);
        assert_eq!(whole_minutes("122 mins.").unwrap().0, 122);
        assert!(whole_minutes("122 minutes of joy").is_none());
        assert!(find_minutes("in 5 months").is_none());
    }
}
