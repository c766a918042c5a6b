//! What a page's markup ([`Markup`]) adds to the parse: the first heading that names a title, the
//! names marked as the author, the `<time>` of publication, and links to a film's or a person's
//! page. Each value is offered where the text shows it, with its span there; a value the text
//! does not show is not used.

use super::super::markup::Markup;
use super::super::{parse_review, Field};
use super::{find_in, same, Enriched, Seen, Slot};

/// A heading in which the parser reads a title (`‘Salt Harbour’ review`).
const HEADING_TITLE: f64 = 0.75;
/// A heading that is a short title-cased line.
const HEADING_BARE: f64 = 0.6;
/// A name marked as the author.
const AUTHOR: f64 = 0.85;
/// A `<time>` marked as the publication date, and one not marked.
const PUBLISHED: f64 = 0.9;
const TIME: f64 = 0.6;
/// A link to a person's page that names their credit.
const CREDIT_LINK: f64 = 0.85;
/// A link to a film's page: some film the text names, maybe not the one reviewed.
const FILM_LINK: f64 = 0.6;

impl Enriched {
    /// Adds what `markup` says about the parts of `text`.
    pub(super) fn apply_markup(&mut self, markup: &Markup, text: &str) {
        let heading = markup.headings.iter().find_map(|h| heading_title(h, text));
        if let Some((title, span, confidence)) = heading {
            let seen = Seen::markup(span, confidence);
            self.offer(Field::Title, title, seen, slot!(title));
        }
        for author in &markup.authors {
            if let Some(span) = find_in(text, author) {
                let seen = Seen::markup(span, AUTHOR);
                self.offer(Field::Reviewer, author.clone(), seen, slot!(reviewer));
            }
        }
        let release = self.review.release_date;
        let mut times: Vec<_> = markup
            .times
            .iter()
            .filter(|t| Some(t.date) != release)
            .collect();
        times.sort_by_key(|t| !t.published);
        let stamp = times
            .into_iter()
            .find_map(|t| Some((t, find_in(text, &t.shown)?)));
        if let Some((stamp, span)) = stamp {
            let confidence = if stamp.published { PUBLISHED } else { TIME };
            let seen = Seen::markup(span, confidence);
            self.offer(Field::PublishedOn, stamp.date, seen, slot!(published_on));
        }
        for (field, name) in &markup.people_links {
            if let Some(span) = find_in(text, name) {
                self.offer_name(*field, name, Seen::markup(span, CREDIT_LINK));
            }
        }
        for title in &markup.film_links {
            let Some(span) = find_in(text, title) else {
                continue;
            };
            if self.review.title.as_ref().is_some_and(|t| same(t, title)) {
                self.raise(Field::Title, FILM_LINK);
            } else {
                self.alternative(Field::Title, title.clone(), Seen::markup(span, FILM_LINK));
            }
        }
    }
}

/// The title a heading gives, where the text shows it: the title the parser reads in the heading
/// alone, or else the heading itself when it is a short title-cased line.
fn heading_title(heading: &str, text: &str) -> Option<(String, std::ops::Range<usize>, f64)> {
    if let Some(title) = parse_review(heading).title {
        return Some((title.clone(), find_in(text, &title)?, HEADING_TITLE));
    }
    let words: Vec<&str> = heading.split_whitespace().collect();
    let title_cased = words
        .iter()
        .filter(|w| w.chars().count() > 3)
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let short = words.len() <= 6 && !heading.ends_with(['.', '!', '?', ':', ',']);
    if !(title_cased && short) {
        return None;
    }
    Some((heading.to_owned(), find_in(text, heading)?, HEADING_BARE))
}
