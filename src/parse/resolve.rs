//! Runs the recognisers over plain text and keeps the best candidate per field.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;

use super::enrich::{Alternative, Origin};
use super::found::{Cand, Found};
use super::names::{self, key, word_count};
use super::{body, recognise, text, CastMember, Field, ParsedReview, Provenance};

/// Candidates below this confidence are never used.
const MIN_CONFIDENCE: f32 = super::confidence::FLOOR;
/// The most runner-ups kept for one field.
const RUNNER_UPS_MAX: usize = 2;

/// Parses plain text (no HTML detection); spans index `text`. Besides the fields, the next
/// distinct candidates of each one-value field (the runner-ups), best first, as alternatives
/// from the text.
pub fn parse_plain(text: &str) -> (ParsedReview, Vec<Alternative>) {
    let lines = text::lines(text);
    let mut found = Found::new(lines.len());
    recognise::run(&lines, &mut found);
    let prose_cast = std::mem::take(&mut found.prose_cast);

    let mut provenance = Vec::new();
    let mut runner_ups = Vec::new();
    let mut kept = Kept {
        provenance: &mut provenance,
        runner_ups: &mut runner_ups,
    };
    let mut review = ParsedReview {
        title: best(&found.title, Field::Title, &mut kept).map(|t| cased_title(t, &found)),
        original_title: best(&found.original_title, Field::OriginalTitle, &mut kept),
        year: best(&found.year, Field::Year, &mut kept),
        runtime_min: best(&found.runtime_min, Field::RuntimeMin, &mut kept),
        release_date: best(&found.release_date, Field::ReleaseDate, &mut kept),
        rating: best(&found.rating, Field::Rating, &mut kept),
        reviewer: best(
            &not_crew(&found.reviewer, &found),
            Field::Reviewer,
            &mut kept,
        ),
        outlet: best(&found.outlet, Field::Outlet, &mut kept),
        published_on: best(&found.published_on, Field::PublishedOn, &mut kept),
        source_url: best(&found.source_url, Field::SourceUrl, &mut kept),
        languages: list(&found.languages, Field::Languages, &mut provenance),
        countries: list(&found.countries, Field::Countries, &mut provenance),
        genres: list(&found.genres, Field::Genres, &mut provenance),
        ..ParsedReview::default()
    };
    let mut full_names: Vec<String> = Vec::new();
    full_names.extend(
        found
            .directors
            .iter()
            .chain(&found.writers)
            .map(|c| c.value.clone()),
    );
    full_names.extend(found.cast.iter().map(|c| c.value.name.clone()));
    full_names.extend(prose_cast.iter().map(|c| c.value.name.clone()));
    full_names.retain(|n| word_count(n) >= 2);
    review.directors = people_list(
        &found.directors,
        &full_names,
        Field::Directors,
        &mut provenance,
    );
    review.writers = people_list(&found.writers, &full_names, Field::Writers, &mut provenance);
    review.cast = cast(&found.cast, &prose_cast, &mut provenance);
    let alternatives = list(
        &found.alternative_titles,
        Field::AlternativeTitles,
        &mut provenance,
    );
    review.alternative_titles = alternatives
        .into_iter()
        .filter(|t| Some(key(t)) != review.title.as_deref().map(key))
        .collect();
    if review.is_empty() {
        // No film fact: the text's prose is still the review's body, and nothing else is kept.
        let mut provenance = Vec::new();
        let body = body_of(&lines, &found, &mut provenance);
        let review = ParsedReview {
            body,
            provenance,
            ..ParsedReview::default()
        };
        return (review, Vec::new());
    }
    for runner_up in runner_ups.iter_mut().filter(|a| a.field == Field::Title) {
        runner_up.value = cased_title(std::mem::take(&mut runner_up.value), &found);
    }
    if let Some(title) = &review.title {
        consume_title_lines(&lines, title, &mut found);
    }
    review.body = body_of(&lines, &found, &mut provenance);
    provenance.sort_by_key(|p| (p.start, p.end));
    review.provenance = provenance;
    (review, runner_ups)
}

/// The review's prose (every line no recogniser used up, without page furniture), recording its
/// paragraphs' spans.
fn body_of(lines: &[text::Line<'_>], found: &Found, provenance: &mut Vec<Provenance>) -> String {
    let (body_text, body_spans) = body::assemble(lines, found);
    provenance.extend(body_spans.into_iter().map(|span| Provenance {
        field: Field::Body,
        start: span.start,
        end: span.end,
        confidence: f64::from(super::confidence::HINT),
    }));
    body_text
}

/// Where resolving records what it chose: the chosen values' spans and the runner-ups.
struct Kept<'a> {
    provenance: &'a mut Vec<Provenance>,
    runner_ups: &'a mut Vec<Alternative>,
}

/// A title set in capitals (`PAPER MOON RISING`) takes the casing of another candidate that writes
/// the same title in mixed case, or else capitalised words.
fn cased_title(title: String, found: &Found) -> String {
    if title.chars().any(char::is_lowercase) {
        return title;
    }
    let wanted = key(&title);
    found
        .title
        .iter()
        .find(|c| c.value.chars().any(char::is_lowercase) && key(&c.value) == wanted)
        .map_or_else(|| names::display_name(&title), |c| c.value.clone())
}

/// Marks lines that only repeat the title (a heading, a caption above the credits) as not prose.
fn consume_title_lines(lines: &[text::Line<'_>], title: &str, found: &mut Found) {
    let wanted = key(title);
    for line in lines {
        let head = match line.text.find(" (") {
            Some(open) if line.text.ends_with(')') => &line.text[..open],
            _ => line.text,
        };
        let quoted_lead = line.text.len() <= 120
            && !line.text.ends_with(['.', '!', '?'])
            && line
                .text
                .strip_prefix(['‘', '“', '"', '\''])
                .is_some_and(|rest| rest.starts_with(title));
        if quoted_lead || head.len() <= title.len() + 8 && key(text::strip_quotes(head)) == wanted {
            found.consume(line.index);
        }
    }
}

/// Reviewer candidates that are not also credited as the film's director or writer (`Written and
/// directed by X` is a credit, not a byline).
fn not_crew(reviewers: &[Cand<String>], found: &Found) -> Vec<Cand<String>> {
    let crew: HashSet<String> = found
        .directors
        .iter()
        .chain(&found.writers)
        .map(|c| key(&c.value))
        .collect();
    reviewers
        .iter()
        .filter(|c| !crew.contains(&key(&c.value)))
        .cloned()
        .collect()
}

/// Records where a chosen value came from.
fn record<T>(c: &Cand<T>, field: Field, provenance: &mut Vec<Provenance>) {
    provenance.push(Provenance {
        field,
        start: c.span.start,
        end: c.span.end,
        confidence: hundredths(c.confidence),
    });
}

/// A confidence to two decimals.
fn hundredths(confidence: f32) -> f64 {
    (f64::from(confidence) * 100.0).round() / 100.0
}

/// The most confident candidate (the earliest wins a tie); the next distinct ones, as the field's
/// editor would show them, become runner-ups.
fn best<T: Clone + Display>(cands: &[Cand<T>], field: Field, kept: &mut Kept<'_>) -> Option<T> {
    let mut sure: Vec<&Cand<T>> = cands
        .iter()
        .filter(|c| c.confidence >= MIN_CONFIDENCE)
        .collect();
    // Stable: among equally sure candidates the earlier one stays first.
    sure.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let (chosen, rest) = sure.split_first()?;
    record(chosen, field, kept.provenance);
    let mut seen = vec![key(&chosen.value.to_string())];
    for c in rest {
        if seen.len() > RUNNER_UPS_MAX {
            break;
        }
        let value = c.value.to_string();
        if seen.contains(&key(&value)) || body::is_furniture(&value) {
            continue;
        }
        seen.push(key(&value));
        kept.runner_ups.push(Alternative {
            field,
            value,
            start: Some(c.span.start),
            end: Some(c.span.end),
            confidence: hundredths(c.confidence),
            origin: Origin::Text,
        });
    }
    Some(chosen.value.clone())
}

/// Every sure-enough candidate, once each, in text order.
fn list(cands: &[Cand<String>], field: Field, provenance: &mut Vec<Provenance>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut sorted: Vec<&Cand<String>> = cands
        .iter()
        .filter(|c| c.confidence >= MIN_CONFIDENCE)
        .collect();
    sorted.sort_by_key(|c| c.span.start);
    let mut out = Vec::new();
    for c in sorted {
        if seen.insert(key(&c.value)) {
            record(c, field, provenance);
            out.push(c.value.clone());
        }
    }
    out
}

/// Directors or writers: a surname alone (`Mr. Audiard`) stands for the full name the text gives
/// elsewhere, when only one full name has that surname.
fn people_list(
    cands: &[Cand<String>],
    full_names: &[String],
    field: Field,
    provenance: &mut Vec<Provenance>,
) -> Vec<String> {
    let mut by_surname: HashMap<String, Option<&String>> = HashMap::new();
    let needs_surnames = cands.iter().any(|c| word_count(&c.value) == 1);
    for name in full_names.iter().filter(|_| needs_surnames) {
        let k = key(name);
        let surname = k.rsplit(' ').next().unwrap_or_default().to_owned();
        by_surname
            .entry(surname)
            .and_modify(|known| {
                if known.is_some_and(|n| key(n) != k) {
                    *known = None;
                }
            })
            .or_insert(Some(name));
    }
    let expanded: Vec<Cand<String>> = cands
        .iter()
        .map(|c| {
            let mut out = c.clone();
            if word_count(&c.value) == 1 {
                if let Some(Some(full)) = by_surname.get(&key(&c.value)) {
                    out.value = (*full).clone();
                }
            }
            out
        })
        .collect();
    list(&expanded, field, provenance)
}

/// Credited cast first, in order, with characters filled from the prose; then cast named only in
/// the prose, in order. A prose name that is only a surname joins the credited name it ends.
fn cast(
    credited: &[Cand<CastMember>],
    prose: &[Cand<CastMember>],
    provenance: &mut Vec<Provenance>,
) -> Vec<CastMember> {
    let mut out: Vec<CastMember> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_surname: HashMap<String, usize> = HashMap::new();
    let mut sorted: Vec<&Cand<CastMember>> = credited
        .iter()
        .filter(|c| c.confidence >= MIN_CONFIDENCE)
        .collect();
    sorted.sort_by_key(|c| c.span.start);
    let prose = prose.iter().filter(|c| c.confidence >= MIN_CONFIDENCE);
    for (from_prose, c) in sorted
        .into_iter()
        .map(|c| (false, c))
        .chain(prose.map(|c| (true, c)))
    {
        let k = key(&c.value.name);
        let existing = by_key.get(&k).copied().or_else(|| {
            (from_prose && word_count(&c.value.name) == 1)
                .then(|| by_surname.get(&k).copied())
                .flatten()
        });
        if let Some(i) = existing {
            if out[i].character.is_none() && c.value.character.is_some() {
                out[i].character.clone_from(&c.value.character);
                if from_prose {
                    record(c, Field::Cast, provenance);
                }
            }
            continue;
        }
        record(c, Field::Cast, provenance);
        let index = out.len();
        by_surname
            .entry(k.rsplit(' ').next().unwrap_or_default().to_owned())
            .or_insert(index);
        by_key.insert(k, index);
        out.push(c.value.clone());
    }
    out
}
