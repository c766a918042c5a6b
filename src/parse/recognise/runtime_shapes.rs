//! Running times outside credit labels, in the shapes critics print them: a capsule header that
//! starts with the length (`122 minutes, now showing, 4 stars`, `126 minutes/ 5 stars`), a
//! parenthesis (`(PG, 115 minutes)`, `(95 minutes)`), prose (`a running time of 1 hour 57
//! minutes`, `runs 102 minutes`) and a listing's tail (`Club, IFI, Dublin, 138 min`). A reading
//! time (`5 min read`) is never a running time.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::confidence::{CONTEXT, HINT, LIKELY, SHAPED};
use crate::parse::found::{cand, Found};
use crate::parse::runtime::find_minutes;
use crate::parse::text::{compile, Line};

/// A line that starts with the length, then `,`, `/`, `|` or its end.
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:\d{1,2}\s*(?:hours?|hrs?|h)\b\.?\s*(?:\d{1,2}\s*(?:minutes?|mins?|m)\b\.?)?|\d{2,3}\s*(?:minutes?|mins?)\b\.?)\s*(?:$|[,/|·•])",
    )
});
/// `(PG, 115 minutes)`, `(95 minutes)`, `(R, 1 hr 40 min)`.
static PARENS: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\((?:[^()]{1,20},\s*)?(?P<d>\d[^()]{0,20}?(?:minutes?|mins?)\.?)\)")
});
/// `running time of …`, `runtime of …`, `runs …`, `clocking in at …`.
static PROSE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:running\s+time\s+(?:of|is)|run\s*time\s+(?:of|is)|runs(?:\s+for)?|clocking\s+in\s+at|clocks\s+in\s+at)\s+(?:a\s+(?:brisk|lean|trim|taut|long|lengthy|full)\s+)?(?P<d>\d{1,3}\s*(?:hours?|hrs?|minutes?|mins?)\b[^.;]{0,24})",
    )
});
/// The film's length as an adjective or a capsule's last sentence: `this 90-minute movie`, `a 95
/// minute film`, `… mild language. 108 min. [MC, PV]`.
static MINUTE_FILM: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?P<d>\d{2,3})[\s\-]minutes?\s+(?:movie|film|feature|drama|comedy|documentary|thriller|running\s+time|runtime)\b|(?:^|[.!?]\s+)(?P<e>\d{2,3})\s+min\.(?:\s+\[[^\]]{0,30}\])?\s*$",
    )
});
/// A listing line's tail: `…, 138 min` (optionally the critic's initials after it).
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r",\s*(?P<d>\d{2,3}\s*(?:min|mins|minutes)\.?)(?:\s+\p{Lu}{2,3})?\s*$")
});

/// True when the words right after a length make it a reading time (`5 min read`).
fn is_reading_time(after: &str) -> bool {
    let next = after.trim_start().to_lowercase();
    next.starts_with("read") || next.starts_with("to read") || next.starts_with("listen")
}

/// Reads the running-time shapes from every line.
pub fn scan(lines: &[Line<'_>], found: &mut Found) {
    for line in lines {
        if line.is_blank() || line.text.len() > 3000 {
            continue;
        }
        let text = line.text;
        if !text.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if let Some(m) = LEADING.find(text) {
            if let Some((minutes, range)) = find_minutes(m.as_str()) {
                if !is_reading_time(&text[range.end..]) && (20..=400).contains(&minutes) {
                    found
                        .runtime_min
                        .push(cand(minutes, line.span(range), SHAPED));
                    if m.end() >= text.trim_end().len() {
                        found.consume(line.index);
                    }
                    continue;
                }
            }
        }
        for (regex, confidence) in [(&*PARENS, SHAPED), (&*PROSE, LIKELY), (&*TAIL, CONTEXT)] {
            let Some(d) = regex.captures(text).and_then(|c| c.name("d")) else {
                continue;
            };
            let Some((minutes, range)) = find_minutes(d.as_str()) else {
                continue;
            };
            let end = d.start() + range.end;
            if is_reading_time(&text[end..]) || !(20..=400).contains(&minutes) {
                continue;
            }
            found.runtime_min.push(cand(
                minutes,
                line.span(d.start() + range.start..end),
                confidence,
            ));
            break;
        }
        if let Some(caps) = text
            .contains("min")
            .then(|| MINUTE_FILM.captures(text))
            .flatten()
        {
            let d = caps.name("d").or_else(|| caps.name("e"));
            if let Some(d) = d {
                if let Ok(minutes) = d.as_str().parse::<u32>() {
                    if (20..=400).contains(&minutes) {
                        found
                            .runtime_min
                            .push(cand(minutes, line.span(d.range()), HINT));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::lines;

    fn minutes(text: &str) -> Option<u32> {
        let lines = lines(text);
        let mut found = Found::new(lines.len());
        scan(&lines, &mut found);
        found.runtime_min.first().map(|c| c.value)
    }

    #[test]
    fn runtime_shapes() {
        assert_eq!(minutes("122 minutes, now showing, 4 stars"), Some(122));
        assert_eq!(minutes("126 minutes/ 5 stars"), Some(126));
        assert_eq!(
            minutes("Not as magical. Rating: Three stars.(PG, 115 minutes)"),
            Some(115)
        );
        assert_eq!(minutes("Now playing. (95 minutes)"), Some(95));
        assert_eq!(
            minutes("It is listed as a Thriller with a running time of 1 hour 57 minutes."),
            Some(117)
        );
        assert_eq!(minutes("Club, IFI, Dublin, 138 min TB"), Some(138));
    }

    #[test]
    fn reading_times_and_others_are_not() {
        assert_eq!(minutes("5 min read"), None);
        assert_eq!(minutes("Share (3 min read)"), None);
        assert_eq!(minutes("The last ten minutes are wordless."), None);
        assert_eq!(minutes("He runs 5 miles a day."), None);
    }
}
