//! What the HTML beside a paste's text says about its parts: headings, bylines, `<time>`
//! elements and links to a film's or a person's own page. Browsers put this `text/html` on the
//! clipboard next to the plain text they copy; a saved page carries it too. The values are the
//! text the page shows, so they can be found again in the plain text. Bad markup gives an empty
//! value, never an error. Pure: the HTML is a string.

use chrono::NaiveDate;

use super::body::is_furniture;
use super::names::{is_person_name, key};
use super::page_meta::iso_date;
use super::Field;

/// The most values of one kind read; a page rarely has more that mean anything.
const MAX_PER_KIND: usize = 8;
/// The longest element text read as a heading, a name or a link's title.
const MAX_TEXT_BYTES: usize = 200;

/// A `<time>` element: the text it shows and the date its `datetime` states.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    /// The text shown, e.g. `April 4, 2013`.
    pub shown: String,
    /// The date in its `datetime` attribute.
    pub date: NaiveDate,
    /// True when the markup says it is the publication date (`pubdate`, `datePublished`, a
    /// `published` class).
    pub published: bool,
}

/// The parts of a page its markup names; every list is empty when the markup says nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Markup {
    /// The text of the `<h1>` headings, then of the `<h2>`, in page order.
    pub headings: Vec<String>,
    /// Names the markup marks as the author: `rel="author"`, `itemprop="author"`, a `byline` or
    /// `author` class, a link to an author's page.
    pub authors: Vec<String>,
    /// The `<time datetime=…>` elements.
    pub times: Vec<Stamp>,
    /// The text of links to a film's page (IMDb, Letterboxd, TMDb, MUBI, Rotten Tomatoes).
    pub film_links: Vec<String>,
    /// Links to a person's page whose address names the credit (Letterboxd's `/director/`,
    /// `/actor/`, `/writer/`): the field and the name shown.
    pub people_links: Vec<(Field, String)>,
}

impl Markup {
    /// Reads the markup of an HTML page or fragment (the tests' way in; the parse reads a page
    /// once for this and its metadata, with [`Markup::of_dom`]).
    #[cfg(test)]
    pub fn read(html: &str) -> Self {
        tl::parse(html, tl::ParserOptions::default())
            .map(|dom| Self::of_dom(&dom))
            .unwrap_or_default()
    }

    /// Reads the markup of a page already parsed (one parse serves this and [`super::PageMeta`]).
    pub fn of_dom(dom: &tl::VDom<'_>) -> Self {
        let mut markup = Self::default();
        let parser = dom.parser();
        let mut second_headings = Vec::new();
        for (name, tag) in super::html::elements(dom) {
            let attr = |key: &str| super::html::attribute(tag, key).map(|v| v.to_ascii_lowercase());
            let shown = || shown_text(&tag.inner_text(parser));
            match name.as_str() {
                "h1" => push(&mut markup.headings, shown()),
                "h2" => push(&mut second_headings, shown()),
                "time" => {
                    let date = attr("datetime").and_then(|d| iso_date(&d));
                    let marks = [attr("itemprop"), attr("class")];
                    let published = attr("pubdate").is_some()
                        || marks.iter().flatten().any(|m| m.contains("publish"));
                    if let (Some(date), Some(shown)) = (date, shown()) {
                        if markup.times.len() < MAX_PER_KIND {
                            markup.times.push(Stamp {
                                shown,
                                date,
                                published,
                            });
                        }
                    }
                }
                _ => {}
            }
            let href = attr("href").unwrap_or_default();
            let marked_author = attr("rel").is_some_and(|r| r.contains("author"))
                || attr("itemprop").is_some_and(|r| r.contains("author"))
                || attr("class").is_some_and(|c| c.split_whitespace().any(is_byline_class))
                || name == "a" && AUTHOR_PAGES.iter().any(|p| href.contains(p));
            if marked_author {
                if let Some(author) = shown().as_deref().and_then(byline_name) {
                    push(&mut markup.authors, Some(author));
                }
            }
            if name != "a" || href.is_empty() {
                continue;
            }
            if FILM_PAGES.iter().any(|p| href.contains(p)) {
                push(&mut markup.film_links, shown());
            } else if let Some(field) = credit_of(&href) {
                let person = shown().filter(|n| is_person_name(n));
                if let Some(person) = person {
                    let known = markup
                        .people_links
                        .iter()
                        .any(|(_, n)| key(n) == key(&person));
                    if !known && markup.people_links.len() < MAX_PER_KIND {
                        markup.people_links.push((field, person));
                    }
                }
            }
        }
        for heading in second_headings {
            push(&mut markup.headings, Some(heading));
        }
        markup
    }
}

/// Parts of an address that lead to an author's page.
const AUTHOR_PAGES: [&str; 6] = [
    "/author/",
    "/authors/",
    "/contributor/",
    "/contributors/",
    "/staff/",
    "/profile/",
];

/// Parts of an address that lead to a film's own page.
const FILM_PAGES: [&str; 7] = [
    "imdb.com/title/tt",
    "letterboxd.com/film/",
    "themoviedb.org/movie/",
    "mubi.com/films/",
    "mubi.com/en/films/",
    "rottentomatoes.com/m/",
    "metacritic.com/movie/",
];

/// The credit an address to a person's page names, e.g. Letterboxd's `/director/…`.
fn credit_of(href: &str) -> Option<Field> {
    if !href.contains("letterboxd.com/") {
        return None;
    }
    [
        ("/director/", Field::Directors),
        ("/actor/", Field::Cast),
        ("/writer/", Field::Writers),
    ]
    .into_iter()
    .find(|(part, _)| href.contains(part))
    .map(|(_, field)| field)
}

/// True for a class that marks a byline (`byline`, `c-byline__author`, `author-name`), not an
/// author's picture or biography.
fn is_byline_class(class: &str) -> bool {
    let marks = class.contains("byline") || class.contains("author");
    let other = ["bio", "avatar", "image", "img", "photo", "follow", "social"];
    marks && !other.iter().any(|o| class.contains(o))
}

/// The person a byline names: `By Ana Reyes | April 4` gives `Ana Reyes`.
fn byline_name(text: &str) -> Option<String> {
    let mut name = text.trim();
    for lead in [
        "Review by ",
        "Words by ",
        "Written by ",
        "By ",
        "by ",
        "BY ",
    ] {
        if let Some(rest) = name.strip_prefix(lead) {
            name = rest.trim_start();
            break;
        }
    }
    let end = name
        .find(['|', '•', '·', ',', '—', '–', '(', '\n'])
        .unwrap_or(name.len());
    let name = name[..end].trim();
    is_person_name(name).then(|| name.to_owned())
}

/// An element's text as the page shows it: entities decoded, spaces collapsed; `None` when empty,
/// too long or page furniture.
fn shown_text(raw: &str) -> Option<String> {
    if raw.len() > MAX_TEXT_BYTES * 4 {
        return None;
    }
    let decoded = html_escape::decode_html_entities(raw);
    let text = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty() && text.len() <= MAX_TEXT_BYTES && !is_furniture(&text)).then_some(text)
}

/// Adds `value` once, up to [`MAX_PER_KIND`] values.
fn push(list: &mut Vec<String>, value: Option<String>) {
    let Some(value) = value else { return };
    if list.len() < MAX_PER_KIND && !list.iter().any(|v| key(v) == key(&value)) {
        list.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a browser puts on the clipboard for a selected review (Chromium's shape).
    const COPIED: &str = r#"<meta charset='utf-8'><h1 class="headline">Salt Harbour</h1>
<div class="c-byline"><span class="c-byline__author"><a href="https://lantern.example/author/wren-okafor" rel="author">Wren Okafor</a></span>
<time class="published" datetime="2024-02-03T08:00:00Z">3 February 2024</time></div>
<p>Directed by <a href="https://letterboxd.com/director/ines-calloway/">Ines Calloway</a>,
with <a href="https://letterboxd.com/actor/tomas-reyne/">Tomas Reyne</a>; it recalls
<a href="https://www.imdb.com/title/tt0000001/">Rust and Bone</a>.</p><h2>Share this</h2>"#;

    #[test]
    fn headings_bylines_times_and_links_are_read() {
        let markup = Markup::read(COPIED);
        assert_eq!(
            markup.headings,
            ["Salt Harbour"],
            "furniture headings are not read"
        );
        assert_eq!(markup.authors, ["Wren Okafor"]);
        assert_eq!(
            markup.times,
            [Stamp {
                shown: "3 February 2024".into(),
                date: NaiveDate::from_ymd_opt(2024, 2, 3).unwrap(),
                published: true,
            }]
        );
        assert_eq!(markup.film_links, ["Rust and Bone"]);
        assert_eq!(
            markup.people_links,
            [
                (Field::Directors, "Ines Calloway".to_owned()),
                (Field::Cast, "Tomas Reyne".to_owned())
            ]
        );
    }

    #[test]
    fn bylines_are_cut_to_the_name_and_bad_markup_is_ignored() {
        assert_eq!(
            byline_name("By Ana Reyes | April 4, 2013").as_deref(),
            Some("Ana Reyes")
        );
        assert_eq!(byline_name("Share on Facebook"), None);
        for html in [
            "",
            "plain words",
            "<<<>>><h1",
            "<time datetime=\"soon\">Soon</time>",
        ] {
            assert_eq!(Markup::read(html), Markup::default(), "{html}");
        }
    }
}
