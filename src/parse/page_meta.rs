//! What a saved review page states about itself in markup: schema.org JSON-LD (`Review`, `Movie`,
//! `CreativeWork`) and OpenGraph/`<meta>` tags. Every value read here carries the provenance "from
//! the page's metadata". Bad markup (unparsable HTML, broken JSON, odd shapes) is ignored, never an
//! error. Pure: the page is a string.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::model::Rating;

/// The largest `<script>` block read as JSON-LD; a bigger one is not metadata.
const MAX_JSON_LD_BYTES: usize = 512 * 1024;

/// The facts a page's metadata states; every field is empty when the page says nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PageMeta {
    /// The film's name (`Movie.name`, a `Review`'s `itemReviewed.name`, or `og:title` of a
    /// `video.movie` page).
    pub title: Option<String>,
    /// The film's year, from its `datePublished` or `dateCreated`.
    pub year: Option<i32>,
    /// The film's directors.
    pub directors: Vec<String>,
    /// The film's actors.
    pub cast: Vec<String>,
    /// The film's running time (ISO 8601 `duration`), in minutes.
    pub runtime_min: Option<u32>,
    /// The film's release date.
    pub release_date: Option<NaiveDate>,
    /// The review's rating (`reviewRating`).
    pub rating: Option<Rating>,
    /// The review's author.
    pub reviewer: Option<String>,
    /// The review's publisher or the site's name.
    pub outlet: Option<String>,
    /// When the review was published.
    pub published_on: Option<NaiveDate>,
    /// The page's address.
    pub source_url: Option<String>,
}

impl PageMeta {
    /// Reads the metadata of an HTML page; an empty value for a page without any, or for text that
    /// is not HTML at all.
    pub fn read(html: &str) -> Self {
        tl::parse(html, tl::ParserOptions::default())
            .map(|dom| Self::of_dom(&dom))
            .unwrap_or_default()
    }

    /// Reads the metadata of a page already parsed (one parse serves this and the markup's evidence).
    pub fn of_dom(dom: &tl::VDom<'_>) -> Self {
        let mut meta = Self::default();
        let parser = dom.parser();
        // Tags only fill what the JSON-LD, which is more precise, leaves empty.
        let mut tags = Self::default();
        let mut og_type = None;
        let mut og_title = None;
        for (name, tag) in super::html::elements(dom) {
            let attr = |key: &str| super::html::attribute(tag, key).filter(|v| !v.is_empty());
            match name.as_str() {
                "script" => {
                    let is_json_ld =
                        attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
                    let body = tag.inner_html(parser);
                    if is_json_ld && body.len() <= MAX_JSON_LD_BYTES {
                        if let Ok(value) = serde_json::from_str::<Value>(body.trim()) {
                            meta.read_json_ld(&value, 0);
                        }
                    }
                }
                "meta" => {
                    let key = attr("property").or_else(|| attr("name"));
                    let (Some(key), Some(content)) = (key, attr("content")) else {
                        continue;
                    };
                    match key.to_ascii_lowercase().as_str() {
                        "og:type" => og_type = Some(content),
                        "og:title" => og_title = Some(content),
                        "og:site_name" => fill(&mut tags.outlet, Some(content)),
                        "og:url" => fill(&mut tags.source_url, web_address(&content)),
                        "article:published_time" | "date" => {
                            fill(&mut tags.published_on, iso_date(&content));
                        }
                        "author" | "article:author" => fill(&mut tags.reviewer, person(&content)),
                        _ => {}
                    }
                }
                "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                    fill(
                        &mut tags.source_url,
                        attr("href").and_then(|h| web_address(&h)),
                    );
                }
                _ => {}
            }
        }
        if og_type.is_some_and(|t| t.eq_ignore_ascii_case("video.movie")) {
            fill(&mut meta.title, og_title);
        }
        fill(&mut meta.outlet, tags.outlet);
        fill(&mut meta.source_url, tags.source_url);
        fill(&mut meta.published_on, tags.published_on);
        fill(&mut meta.reviewer, tags.reviewer);
        meta
    }

    /// True when the page stated nothing this reads.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Reads one JSON-LD value: an object, an array of them, or a `@graph`.
    fn read_json_ld(&mut self, value: &Value, depth: u8) {
        if depth > 6 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.read_json_ld(v, depth + 1)),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.read_json_ld(graph, depth + 1);
                }
                if has_type(value, &["Review", "CriticReview"]) {
                    self.read_review(value, depth);
                } else if has_type(value, &["Movie", "Film", "CreativeWork", "TVEpisode"]) {
                    self.read_film(value);
                }
            }
            _ => {}
        }
    }

    fn read_review(&mut self, review: &Value, depth: u8) {
        if let Some(item) = review.get("itemReviewed") {
            self.read_json_ld(item, depth + 1);
        }
        fill(
            &mut self.rating,
            review.get("reviewRating").and_then(rating),
        );
        fill(&mut self.reviewer, review.get("author").and_then(name_of));
        fill(&mut self.outlet, review.get("publisher").and_then(name_of));
        fill(
            &mut self.published_on,
            text(review.get("datePublished")).and_then(iso_date),
        );
        fill(
            &mut self.source_url,
            text(review.get("url")).and_then(web_address),
        );
    }

    fn read_film(&mut self, film: &Value) {
        fill(&mut self.title, text(film.get("name")).map(str::to_owned));
        if self.directors.is_empty() {
            self.directors = names(film.get("director"));
        }
        if self.cast.is_empty() {
            self.cast = names(film.get("actor").or_else(|| film.get("actors")));
        }
        fill(
            &mut self.runtime_min,
            text(film.get("duration")).and_then(minutes),
        );
        let released = text(film.get("datePublished")).and_then(iso_date);
        fill(&mut self.release_date, released);
        let year = released
            .map(|d| chrono::Datelike::year(&d))
            .or_else(|| text(film.get("dateCreated")).and_then(year_of));
        fill(&mut self.year, year);
    }
}

/// Sets `slot` to `value` unless it already holds one: the first statement wins.
fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// True when the object's `@type` (a string or a list) is one of `types`.
fn has_type(value: &Value, types: &[&str]) -> bool {
    let is = |t: &Value| {
        t.as_str()
            .is_some_and(|t| types.iter().any(|w| t.eq_ignore_ascii_case(w)))
    };
    match value.get("@type") {
        Some(Value::Array(list)) => list.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// A non-empty string value, trimmed.
fn text(value: Option<&Value>) -> Option<&str> {
    value?.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// The name of a `Person` or `Organization`: an object's `name`, a plain string, or the first of a
/// list.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => person(s),
        Value::Object(_) => text(value.get("name")).and_then(person),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

/// Every name of a person field that may be one person or a list.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(name_of).take(50).collect(),
        Some(v) => name_of(v).into_iter().collect(),
        None => Vec::new(),
    }
}

/// A person's name, or `None` for an address standing in for one (`article:author` often is).
fn person(raw: &str) -> Option<String> {
    let name = html_escape::decode_html_entities(raw).trim().to_owned();
    (!name.is_empty() && !name.contains("://") && name.chars().count() <= 120).then_some(name)
}

/// An `http(s)` address.
fn web_address(raw: &str) -> Option<String> {
    let raw = raw.trim();
    (raw.starts_with("https://") || raw.starts_with("http://")).then(|| raw.to_owned())
}

/// The date at the start of an ISO 8601 date or date-time.
pub(super) fn iso_date(raw: &str) -> Option<NaiveDate> {
    let head = raw.trim().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// The year at the start of an ISO 8601 date.
fn year_of(raw: &str) -> Option<i32> {
    raw.trim()
        .get(..4)?
        .parse()
        .ok()
        .filter(|y| (1870..=2100).contains(y))
}

/// Whole minutes of an ISO 8601 duration such as `PT1H52M`; `None` for zero or absurd lengths.
fn minutes(raw: &str) -> Option<u32> {
    let iso8601::Duration::YMDHMS {
        year: 0,
        month: 0,
        day,
        hour,
        minute,
        second,
        ..
    } = iso8601::duration(raw.trim()).ok()?
    else {
        return None;
    };
    let total = day * 24 * 60 + hour * 60 + minute + second / 60;
    (1..=1000).contains(&total).then_some(total)
}

/// A schema.org `Rating`: `ratingValue` out of `bestRating` (5 when unstated), or a letter grade.
fn rating(value: &Value) -> Option<Rating> {
    let number = |key: &str| match value.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    if let Some(score) = number("ratingValue") {
        let best = number("bestRating").unwrap_or(5.0);
        if best.fract() != 0.0 || !(1.0..=100.0).contains(&best) {
            return None;
        }
        return Rating::points(score, best as u16).ok();
    }
    text(value.get("ratingValue")).and_then(Rating::letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<meta property="og:site_name" content="The Lantern Review">
<meta property="og:url" content="https://lantern.example/reviews/salt-harbour">
<meta name="author" content="Wren Okafor">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"Review",
 "itemReviewed":{"@type":"Movie","name":"Salt Harbour","datePublished":"2023-09-14",
   "director":[{"@type":"Person","name":"Ines Calloway"}],
   "actor":[{"@type":"Person","name":"Tomas Reyne"},"Ada Voss"],"duration":"PT1H52M"},
 "reviewRating":{"@type":"Rating","ratingValue":"4","bestRating":"5"},
 "author":{"@type":"Person","name":"Wren Okafor"},
 "publisher":{"@type":"Organization","name":"The Lantern"},
 "datePublished":"2024-02-03T08:00:00Z"}
</script></head><body><h1>Salt Harbour review</h1></body></html>"#;

    #[test]
    fn json_ld_review_and_movie_are_read() {
        let meta = PageMeta::read(PAGE);
        assert_eq!(meta.title.as_deref(), Some("Salt Harbour"));
        assert_eq!(meta.year, Some(2023));
        assert_eq!(meta.directors, ["Ines Calloway"]);
        assert_eq!(meta.cast, ["Tomas Reyne", "Ada Voss"]);
        assert_eq!(meta.runtime_min, Some(112));
        assert_eq!(meta.rating, Some(Rating::points(4.0, 5).unwrap()));
        assert_eq!(meta.reviewer.as_deref(), Some("Wren Okafor"));
        assert_eq!(
            meta.outlet.as_deref(),
            Some("The Lantern"),
            "JSON-LD before og"
        );
        assert_eq!(meta.published_on, NaiveDate::from_ymd_opt(2024, 2, 3));
        assert_eq!(
            meta.source_url.as_deref(),
            Some("https://lantern.example/reviews/salt-harbour")
        );
    }

    #[test]
    fn bad_markup_is_ignored() {
        for page in [
            "",
            "plain words, no markup",
            "<script type=\"application/ld+json\">{\"@type\": \"Movie\", \"name\": </script>",
            "<script type=\"application/ld+json\">[1, \"x\", null]</script>",
            "<meta property=\"article:author\" content=\"https://example.org/staff/1\">",
            "<<<>>><meta <script",
        ] {
            assert!(PageMeta::read(page).is_empty(), "{page}");
        }
    }

    #[test]
    fn graph_and_open_graph_movie_pages() {
        let page = r#"<meta property="og:type" content="video.movie"><meta property="og:title" content="Quiet Orchard">
<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["Movie"],"director":"Lea Brandt","duration":"PT95M","dateCreated":"2019"}]}</script>"#;
        let meta = PageMeta::read(page);
        assert_eq!(meta.title.as_deref(), Some("Quiet Orchard"));
        assert_eq!(meta.directors, ["Lea Brandt"]);
        assert_eq!(meta.runtime_min, Some(95));
        assert_eq!(meta.year, Some(2019));
    }

    #[test]
    fn ratings_out_of_other_scales_and_grades() {
        let ten = serde_json::json!({"ratingValue": 7.5, "bestRating": 10});
        assert_eq!(rating(&ten), Some(Rating::points(7.5, 10).unwrap()));
        assert_eq!(
            rating(&serde_json::json!({"ratingValue": "B+"})),
            Rating::letter("B+")
        );
        assert_eq!(
            rating(&serde_json::json!({"ratingValue": 9, "bestRating": 5})),
            None
        );
        assert_eq!(minutes("PT0M"), None);
        assert_eq!(minutes("P1DT2H"), None, "over 1000 minutes is no film");
    }
}
