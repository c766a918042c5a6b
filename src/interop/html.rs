//! The watchlist and the diary as self-contained, printable HTML pages: a table of each, and,
//! when asked, every film's poster thumbnail embedded as a `data:` URI, so the page is one file
//! that needs nothing else. Every value from the catalog is HTML-escaped, so a note holding
//! `<script>` prints as those characters and never runs.

use std::collections::HashMap;
use std::fmt::Write;

use base64::Engine as _;
use html_escape::encode_text;

use crate::model::{DiaryRow, FilmId, FilmSummary, WatchlistRow};

use super::records::rating_text;

/// Poster thumbnails (JPEG bytes, the grid's size) to embed in an HTML export, by film; a film
/// missing here gets an empty cell.
pub type PosterThumbnails = HashMap<FilmId, Vec<u8>>;

/// The page's style: plain on screen, compact on paper, no outside files.
pub(super) const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#111}\
h1{font-size:1.6em;margin:0 0 .2em}p.count{color:#555;margin:0 0 1em}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.35em .6em;border-bottom:1px solid #ccc}\
th{border-bottom:2px solid #333}td.num{text-align:right;white-space:nowrap}td.note{white-space:pre-line}\
td.box::before{content:'\\2610';font-size:1.2em}td.poster img{width:60px;height:auto;display:block}\
@media print{body{margin:0;font-size:10pt}tr{break-inside:avoid}}";

/// The watchlist page, in the order of `rows`, with the posters in `thumbnails` (none when it
/// is empty).
pub(super) fn watchlist(rows: &[WatchlistRow], thumbnails: &PosterThumbnails) -> String {
    let posters = !thumbnails.is_empty();
    let mut page = head("Watchlist", rows.len(), "film", "films");
    page.push_str("<thead><tr><th></th>");
    if posters {
        page.push_str("<th>Poster</th>");
    }
    page.push_str(
        "<th>Title</th><th>Year</th><th>Director</th><th>Runtime</th><th>Priority</th>\
         <th>Note</th></tr></thead>\n<tbody>\n",
    );
    for row in rows {
        let film = &row.film;
        let runtime = film
            .runtime_min
            .map(|m| format!("{m} min"))
            .unwrap_or_default();
        page.push_str("<tr><td class=\"box\"></td>");
        if posters {
            poster_cell(&mut page, film, thumbnails);
        }
        let _ = writeln!(
            page,
            "{}<td class=\"num\">{runtime}</td><td class=\"num\">{}</td><td class=\"note\">{}</td></tr>",
            film_cells(film),
            row.item.priority,
            encode_text(&row.item.note),
        );
    }
    page.push_str(FOOT);
    page
}

/// The diary page, in the order of `rows` (newest first as the diary lists them), with the
/// posters in `thumbnails` (none when it is empty).
pub(super) fn diary(rows: &[DiaryRow], thumbnails: &PosterThumbnails) -> String {
    let posters = !thumbnails.is_empty();
    let mut page = head("Diary", rows.len(), "viewing", "viewings");
    page.push_str("<thead><tr><th>Watched</th>");
    if posters {
        page.push_str("<th>Poster</th>");
    }
    page.push_str(
        "<th>Title</th><th>Year</th><th>Director</th><th>Rating</th><th>Review</th></tr>\
         </thead>\n<tbody>\n",
    );
    for row in rows {
        let entry = &row.entry;
        let _ = write!(
            page,
            "<tr><td class=\"num\">{}</td>",
            entry.watched_on.format("%Y-%m-%d")
        );
        if posters {
            poster_cell(&mut page, &row.film, thumbnails);
        }
        let mut rating = entry
            .rating_half_stars
            .map(|r| format!("{} / 5", rating_text(r)))
            .unwrap_or_default();
        if entry.rewatch {
            rating.push_str(" (rewatch)");
        }
        let _ = writeln!(
            page,
            "{}<td class=\"num\">{}</td><td class=\"note\">{}</td></tr>",
            film_cells(&row.film),
            encode_text(rating.trim()),
            encode_text(&entry.review),
        );
    }
    page.push_str(FOOT);
    page
}

/// The page up to the table's head: title, heading and the count of rows.
fn head(title: &str, rows: usize, one: &str, many: &str) -> String {
    let noun = if rows == 1 { one } else { many };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"count\">{rows} {noun}</p>\n<table>\n"
    )
}

/// The end of the page after the table's rows.
const FOOT: &str = "</tbody>\n</table>\n</body>\n</html>\n";

/// The title, year and director cells of `film`.
fn film_cells(film: &FilmSummary) -> String {
    let year = film.year.map(|y| y.to_string()).unwrap_or_default();
    format!(
        "<td>{}</td><td class=\"num\">{year}</td><td>{}</td>",
        encode_text(&film.title),
        encode_text(&film.directors.join(", ")),
    )
}

/// The film's poster thumbnail as an embedded image, or an empty cell.
fn poster_cell(page: &mut String, film: &FilmSummary, thumbnails: &PosterThumbnails) {
    let Some(jpeg) = thumbnails.get(&film.id) else {
        page.push_str("<td class=\"poster\"></td>");
        return;
    };
    let _ = write!(
        page,
        "<td class=\"poster\"><img alt=\"Poster of {}\" src=\"data:image/jpeg;base64,{}\"></td>",
        html_escape::encode_double_quoted_attribute(&film.title),
        base64::engine::general_purpose::STANDARD.encode(jpeg)
    );
}
