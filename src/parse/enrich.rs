//! The text parse, then the evidence beside the text: a saved page's metadata ([`PageMeta`]), the
//! markup a paste came with ([`Markup`]: headings, bylines, `<time>`, links) and the catalog's
//! memory ([`Known`]). Evidence fills empty fields and raises the text's candidates it agrees
//! with; where it disagrees with the text's winner it is kept as an [`Alternative`] ("Also found:
//! …"), beside the text's own runner-ups. Nothing is invented: a catalog or markup value is used
//! only where the paste names it.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::Display;
use std::ops::Range;

use serde::Serialize;

use super::known::{Known, TitleHit};
use super::markup::Markup;
use super::page_meta::PageMeta;
use super::{parse_review_detailed, CastMember, Field, ParsedReview, Provenance};

/// Where a value came from, besides the spans it has in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The text's own parse.
    Text,
    /// A title or person the catalog holds, named in the paste.
    Catalog,
    /// The page's schema.org JSON-LD or OpenGraph tags.
    PageMetadata,
    /// The page's markup: a heading, a byline, a `<time>` element, a link.
    PageMarkup,
    /// The person picked it from the text.
    ChosenByYou,
}

impl Origin {
    /// How the window says it, e.g. "from the page's metadata".
    pub fn label(self) -> &'static str {
        match self {
            Origin::Text => "from the text",
            Origin::Catalog => "from your catalog",
            Origin::PageMetadata => "from the page's metadata",
            Origin::PageMarkup => "from the page's markup",
            Origin::ChosenByYou => "chosen by you",
        }
    }
}

/// Another reading of a field than the one chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alternative {
    /// The field it would fill.
    pub field: Field,
    /// The value, as the field's editor shows it.
    pub value: String,
    /// First byte of its span in the parsed text, when it appears there.
    pub start: Option<usize>,
    /// Byte after the span.
    pub end: Option<usize>,
    /// 0–1, to two decimals.
    pub confidence: f64,
    /// Where it came from.
    pub origin: Origin,
}

/// A field whose value came from evidence other than the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldOrigin {
    /// The field.
    pub field: Field,
    /// Where its value came from.
    pub origin: Origin,
}

/// The parse with its evidence; serialises as the `parse-review --json` keys plus
/// `alternatives` and `origins`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Enriched {
    /// The fields, as [`ParsedReview`] has them.
    #[serde(flatten)]
    pub review: ParsedReview,
    /// Other readings, best first per field.
    pub alternatives: Vec<Alternative>,
    /// Fields filled by evidence other than the text.
    pub origins: Vec<FieldOrigin>,
}

/// An enriched parse with the text its spans index.
#[derive(Clone, Debug, PartialEq)]
pub struct EnrichedOutput<'a> {
    /// The fields and their evidence.
    pub enriched: Enriched,
    /// The text every span indexes (the input, or the plain text of an HTML input).
    pub indexed_text: Cow<'a, str>,
}

/// A text value below this confidence gives way to disagreeing evidence.
const WEAK: f64 = 0.5;
/// The confidence of a value the page's metadata states.
const METADATA: f64 = 0.9;

/// Reads a paste with the catalog's memory (and, for HTML, the page's metadata).
pub fn parse_review_with(text: &str, known: &Known) -> Enriched {
    parse_enriched(text, Some(known)).enriched
}

/// The text parse, plus the page's metadata and markup when `text` is HTML, plus `known` when
/// given.
pub fn parse_enriched<'a>(text: &'a str, known: Option<&Known>) -> EnrichedOutput<'a> {
    parse_pasted(text, None, known)
}

/// Like [`parse_enriched`], for a paste that came with `html` beside its plain `text` (a browser's
/// `text/html`): the text is parsed and shown, and the HTML's metadata and markup are evidence
/// whose spans point into the text.
pub fn parse_pasted<'a>(
    text: &'a str,
    html: Option<&str>,
    known: Option<&Known>,
) -> EnrichedOutput<'a> {
    let output = parse_review_detailed(text);
    let mut enriched = Enriched {
        review: output.review,
        alternatives: output.runner_ups,
        ..Enriched::default()
    };
    let indexed = output.indexed_text;
    let markup = if output.from_html { Some(text) } else { html };
    if let Some(html) = markup {
        // One parse of the page serves both readers; markup that does not parse adds nothing.
        let (page, marks) = match tl::parse(html, tl::ParserOptions::default()) {
            Ok(dom) => (PageMeta::of_dom(&dom), Markup::of_dom(&dom)),
            Err(_) => Default::default(),
        };
        enriched.apply_page(&page, &indexed);
        enriched.apply_markup(&marks, &indexed);
    }
    if let Some(known) = known {
        enriched.apply_known(known, &indexed);
    }
    enriched.review.provenance.sort_by_key(|p| (p.start, p.end));
    EnrichedOutput {
        enriched,
        indexed_text: indexed,
    }
}

/// Where one piece of evidence stands and how sure it is.
struct Seen {
    span: Option<Range<usize>>,
    confidence: f64,
    origin: Origin,
}

impl Seen {
    fn markup(span: Range<usize>, confidence: f64) -> Self {
        let (span, origin) = (Some(span), Origin::PageMarkup);
        Self {
            span,
            confidence,
            origin,
        }
    }

    fn metadata(span: Option<Range<usize>>) -> Self {
        let (confidence, origin) = (METADATA, Origin::PageMetadata);
        Self {
            span,
            confidence,
            origin,
        }
    }

    fn catalog(span: Range<usize>, confidence: f64) -> Self {
        let (span, origin) = (Some(span), Origin::Catalog);
        Self {
            span,
            confidence,
            origin,
        }
    }
}

/// How to read and fill one one-value field of [`ParsedReview`].
struct Slot<T> {
    get: fn(&ParsedReview) -> Option<T>,
    set: fn(&mut ParsedReview, T),
}

/// The [`Slot`] of the `Option` field `$field`.
macro_rules! slot {
    ($field:ident) => {
        Slot {
            get: |r| r.$field.clone(),
            set: |r, v| r.$field = Some(v),
        }
    };
}

// What a page's markup adds: a child module, so it offers values the way the rest does.
#[path = "enrich_markup.rs"]
mod enrich_markup;

impl Enriched {
    /// The strongest confidence the text gave `field`, 0 when it has no span.
    fn confidence(&self, field: Field) -> f64 {
        self.review
            .spans(field)
            .map(|p| p.confidence)
            .fold(0.0, f64::max)
    }

    /// Offers `value` for a one-value field: fills it when empty or weak, else keeps it as an
    /// alternative when it disagrees.
    fn offer<T: PartialEq + Display + Clone>(
        &mut self,
        field: Field,
        value: T,
        seen: Seen,
        slot: Slot<T>,
    ) {
        let current = (slot.get)(&self.review);
        if current.as_ref().is_some_and(|c| same(c, &value)) {
            self.raise(field, seen.confidence);
            return;
        }
        if current.is_some() && self.confidence(field) >= WEAK {
            self.alternative(field, value.to_string(), seen);
            return;
        }
        if let Some(old) = current {
            let text = Seen {
                span: self.review.spans(field).next().map(|p| p.start..p.end),
                confidence: self.confidence(field),
                origin: Origin::Text,
            };
            self.alternative(field, old.to_string(), text);
            self.review.provenance.retain(|p| p.field != field);
        }
        self.chosen(field, &value);
        (slot.set)(&mut self.review, value);
        self.filled(field, seen);
    }

    /// `value` now fills `field`, so it is no longer another reading of it.
    fn chosen(&mut self, field: Field, value: &impl Display) {
        self.alternatives
            .retain(|a| a.field != field || !same(&a.value, value));
    }

    /// Offers one more name for a list field (directors, writers, cast).
    fn offer_name(&mut self, field: Field, name: &str, seen: Seen) {
        let names: Vec<&str> = match field {
            Field::Directors => self.review.directors.iter().map(String::as_str).collect(),
            Field::Writers => self.review.writers.iter().map(String::as_str).collect(),
            Field::Cast => self.review.cast.iter().map(|c| c.name.as_str()).collect(),
            _ => return,
        };
        if names.iter().any(|n| same(n, &name)) {
            self.raise(field, seen.confidence);
            return;
        }
        // A name joins a list the text left empty, one this evidence filled, or (a link to the
        // person's page naming the credit) any list; else it is another reading.
        let same_evidence = self
            .origins
            .iter()
            .any(|o| o.field == field && o.origin == seen.origin);
        if !names.is_empty() && !same_evidence && seen.origin != Origin::PageMarkup {
            self.alternative(field, name.to_owned(), seen);
            return;
        }
        self.chosen(field, &name);
        match field {
            Field::Directors => self.review.directors.push(name.to_owned()),
            Field::Writers => self.review.writers.push(name.to_owned()),
            _ => self.review.cast.push(CastMember {
                name: name.to_owned(),
                character: None,
            }),
        }
        self.filled(field, seen);
    }

    /// Records where the value just put in `field` came from.
    fn filled(&mut self, field: Field, seen: Seen) {
        if let Some(span) = seen.span {
            self.review.provenance.push(Provenance {
                field,
                start: span.start,
                end: span.end,
                confidence: round(seen.confidence),
            });
        }
        if !self.origins.iter().any(|o| o.field == field) {
            let origin = seen.origin;
            self.origins.push(FieldOrigin { field, origin });
        }
    }

    /// Keeps `value` as another reading of `field`, once.
    fn alternative(&mut self, field: Field, value: String, seen: Seen) {
        let known = self
            .alternatives
            .iter()
            .any(|a| a.field == field && same(&a.value, &value));
        if !known {
            self.alternatives.push(Alternative {
                field,
                value,
                start: seen.span.as_ref().map(|s| s.start),
                end: seen.span.map(|s| s.end),
                confidence: round(seen.confidence),
                origin: seen.origin,
            });
        }
    }

    /// Raises the text's spans of `field` to at least `confidence`: other evidence agrees.
    fn raise(&mut self, field: Field, confidence: f64) {
        for p in self
            .review
            .provenance
            .iter_mut()
            .filter(|p| p.field == field)
        {
            p.confidence = p.confidence.max(round(confidence));
        }
    }

    /// Adds what a page's metadata states.
    fn apply_page(&mut self, meta: &PageMeta, text: &str) {
        let at = |v: &str| Seen::metadata(find_in(text, v));
        let none = || Seen::metadata(None);
        if let Some(v) = &meta.title {
            self.offer(Field::Title, v.clone(), at(v), slot!(title));
        }
        if let Some(v) = meta.year {
            self.offer(Field::Year, v, at(&v.to_string()), slot!(year));
        }
        for name in &meta.directors {
            self.offer_name(Field::Directors, name, at(name));
        }
        for name in &meta.cast {
            self.offer_name(Field::Cast, name, at(name));
        }
        if let Some(v) = meta.runtime_min {
            self.offer(Field::RuntimeMin, v, none(), slot!(runtime_min));
        }
        if let Some(v) = meta.release_date {
            self.offer(Field::ReleaseDate, v, none(), slot!(release_date));
        }
        if let Some(v) = &meta.rating {
            self.offer(Field::Rating, v.clone(), none(), slot!(rating));
        }
        if let Some(v) = &meta.reviewer {
            self.offer(Field::Reviewer, v.clone(), at(v), slot!(reviewer));
        }
        if let Some(v) = &meta.outlet {
            self.offer(Field::Outlet, v.clone(), at(v), slot!(outlet));
        }
        if let Some(v) = meta.published_on {
            self.offer(Field::PublishedOn, v, none(), slot!(published_on));
        }
        if let Some(v) = &meta.source_url {
            self.offer(Field::SourceUrl, v.clone(), at(v), slot!(source_url));
        }
    }

    /// Adds what the catalog knows and the paste names: its titles, then the people of the film
    /// the paste is about, then other stored people as alternatives.
    fn apply_known(&mut self, known: &Known, text: &str) {
        let titles = known.find_titles(text);
        let names = known.find_names(text);
        let mut films = rank_films(known, &titles, &names, text);
        let about = films.first().map(|(film, _, _)| *film);
        // Films of one title offer it once, at the best confidence (they come best first).
        let mut offered: HashSet<String> = HashSet::new();
        for (film, span, confidence) in films.drain(..) {
            let Some(facts) = known.film(film) else {
                continue;
            };
            let title = text[span.clone()].to_owned();
            let value = if same(&title, &facts.title) {
                facts.title.clone()
            } else {
                title
            };
            if !offered.insert(fold(&value)) {
                continue;
            }
            let seen = Seen::catalog(span, confidence);
            self.offer(Field::Title, value, seen, slot!(title));
        }
        let about = about.and_then(|f| known.film(f));
        for hit in &names {
            let Some(person) = known.person(hit.person) else {
                continue;
            };
            let (field, confidence) = match about {
                Some(f) if f.directors.contains(&hit.person) => (Field::Directors, 0.85),
                Some(f) if f.cast.contains(&hit.person) => (Field::Cast, 0.8),
                _ if person.directs => (Field::Directors, 0.4),
                _ => (Field::Cast, 0.4),
            };
            let seen = Seen::catalog(hit.span.clone(), confidence);
            if confidence >= 0.8 {
                self.offer_name(field, &person.name, seen);
            } else if !self.names_anywhere(&person.name) {
                self.alternative(field, person.name.clone(), seen);
            }
        }
        if let (Some(f), None) = (about, self.review.year) {
            if let Some(year) = f.year {
                if let Some(span) = find_in(text, &year.to_string()) {
                    let seen = Seen::catalog(span, 0.7);
                    self.offer(Field::Year, year, seen, slot!(year));
                }
            }
        }
    }

    /// True when `name` already fills any people field.
    fn names_anywhere(&self, name: &str) -> bool {
        let r = &self.review;
        r.directors
            .iter()
            .chain(&r.writers)
            .chain(r.cast.iter().map(|c| &c.name))
            .chain(&r.reviewer)
            .any(|n| same(n, &name))
    }
}

/// Stored films the paste names, best first: (film, first span, confidence). A title named more
/// than once, with the film's year or one of its people beside it, is surer; one-word titles
/// count only with such support. Linear in the hits: the text's years and the people it names
/// are read once, and each film is found again through a map.
fn rank_films(
    known: &Known,
    titles: &[TitleHit],
    names: &[super::known::NameHit],
    text: &str,
) -> Vec<(usize, Range<usize>, f64)> {
    let years = years_in(text);
    let named: HashSet<usize> = names.iter().map(|n| n.person).collect();
    let mut ranked: Vec<(usize, Range<usize>, f64)> = Vec::new();
    let mut place: HashMap<usize, usize> = HashMap::new();
    for hit in titles {
        for &film in &hit.films {
            if let Some(&at) = place.get(&film) {
                ranked[at].2 = (ranked[at].2 + 0.1).min(0.9);
                continue;
            }
            let Some(facts) = known.film(film) else {
                continue;
            };
            let mut confidence: f64 = if hit.one_word { 0.3 } else { 0.55 };
            if facts.year.is_some_and(|y| years.contains(&y)) {
                confidence += 0.15;
            }
            let credited = facts
                .directors
                .iter()
                .chain(&facts.cast)
                .any(|p| named.contains(p));
            if credited {
                confidence += 0.2;
            }
            place.insert(film, ranked.len());
            ranked.push((film, hit.span.clone(), confidence.min(0.9)));
        }
    }
    ranked.retain(|(_, _, c)| *c >= 0.5);
    ranked.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.1.start.cmp(&b.1.start)));
    ranked
}

/// The whole-word four-digit numbers in `text`, read as years.
fn years_in(text: &str) -> HashSet<i32> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|w| w.parse().ok())
        .collect()
}

/// The first whole-word occurrence of `value` in `text`, ignoring ASCII case.
fn find_in(text: &str, value: &str) -> Option<Range<usize>> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let finder = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([value])
        .ok()?;
    finder.find_iter(text).map(|m| m.range()).find(|r| {
        let before = text[..r.start].chars().next_back();
        let after = text[r.end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Two values read alike: the same words, case and accents aside.
fn same(a: &impl Display, b: &impl Display) -> bool {
    fold(&a.to_string()) == fold(&b.to_string())
}

fn fold(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn round(confidence: f64) -> f64 {
    (confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::KnownFilm;

    fn catalog() -> Known {
        Known::new([KnownFilm {
            id: None,
            title: "Salt Harbour".into(),
            other_titles: vec![],
            year: Some(2023),
            directors: vec!["Ines Calloway".into()],
            cast: vec!["Tomas Reyne".into()],
        }])
    }

    const PROSE: &str = "I went in knowing little. Salt Harbour is patient, and Ines Calloway \
                         lets the tide do the work; Tomas Reyne barely speaks.\n\nBy the end of \
                         Salt Harbour I was undone.\n";

    #[test]
    fn a_stored_film_is_recognised_in_prose_with_its_people() {
        let bare = crate::parse::parse_review(PROSE);
        let with = parse_review_with(PROSE, &catalog());
        assert_eq!(
            with.review.title.as_deref(),
            Some("Salt Harbour"),
            "{bare:?}"
        );
        assert_eq!(with.review.directors, ["Ines Calloway"]);
        assert!(with.review.cast.iter().any(|c| c.name == "Tomas Reyne"));
        assert!(
            with.origins.contains(&FieldOrigin {
                field: Field::Title,
                origin: Origin::Catalog
            }) || bare.title.is_some()
        );
        let title = with.review.spans(Field::Title).next().unwrap();
        assert_eq!(&PROSE[title.start..title.end], "Salt Harbour");
    }

    #[test]
    fn without_the_film_in_the_paste_nothing_is_invented() {
        let text = "Director: Lea Brandt\nA quiet film about orchards.\n";
        let with = parse_review_with(text, &catalog());
        assert_eq!(with.review, crate::parse::parse_review(text));
        assert!(with.alternatives.is_empty() && with.origins.is_empty());
    }

    #[test]
    fn page_metadata_fills_and_disagreement_becomes_an_alternative() {
        let page = r#"<html><head><script type="application/ld+json">{"@type":"Movie","name":"Salt Harbour","director":"Ines Calloway","duration":"PT1H52M"}</script></head>
<body><h1>Salt Harbour</h1><p>Director: Mara Quint</p><p>It is a patient film, and a good one.</p></body></html>"#;
        let out = parse_enriched(page, None);
        let review = &out.enriched.review;
        assert_eq!(review.runtime_min, Some(112));
        assert!(out.enriched.origins.contains(&FieldOrigin {
            field: Field::RuntimeMin,
            origin: Origin::PageMetadata
        }));
        assert_eq!(review.directors, ["Mara Quint"], "the text's credit stays");
        let alt = &out.enriched.alternatives;
        assert!(
            alt.iter().any(|a| a.field == Field::Directors
                && a.value == "Ines Calloway"
                && a.origin == Origin::PageMetadata),
            "{alt:?}"
        );
        for p in &review.provenance {
            assert!(out.indexed_text.get(p.start..p.end).is_some());
        }
    }
}
