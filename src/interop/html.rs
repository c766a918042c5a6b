//! The watchlist as one self-contained, printable HTML page: a table of title, year, director,
//! runtime, priority and note, with a box to tick on paper. Every value from the catalog is
//! HTML-escaped, so a note holding `<script>` prints as those characters and never runs.

use std::fmt::Write;

use html_escape::encode_text;

use crate::db::WatchlistRow;

/// The page's style: plain on screen, compact on paper, no outside files.
pub(super) const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#111}\
h1{font-size:1.6em;margin:0 0 .2em}p.count{color:#555;margin:0 0 1em}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.35em .6em;border-bottom:1px solid #ccc}\
th{border-bottom:2px solid #333}td.num{text-align:right;white-space:nowrap}td.note{white-space:pre-line}\
td.box::before{content:'\\2610';font-size:1.2em}\
@media print{body{margin:0;font-size:10pt}tr{break-inside:avoid}}";

/// The page, in the order of `rows`.
pub(super) fn watchlist(rows: &[WatchlistRow]) -> String {
    let mut page = String::new();
    let films = if rows.len() == 1 { "film" } else { "films" };
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Watchlist</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Watchlist</h1>\n<p class=\"count\">{} {films}</p>\n<table>\n\
         <thead><tr><th></th><th>Title</th><th>Year</th><th>Director</th><th>Runtime</th>\
         <th>Priority</th><th>Note</th></tr></thead>\n<tbody>\n",
        rows.len()
    );
    for row in rows {
        let film = &row.film;
        let year = film.year.map(|y| y.to_string()).unwrap_or_default();
        let runtime = film
            .runtime_min
            .map(|m| format!("{m} min"))
            .unwrap_or_default();
        let _ = writeln!(
            page,
            "<tr><td class=\"box\"></td><td>{}</td><td class=\"num\">{year}</td><td>{}</td>\
             <td class=\"num\">{runtime}</td><td class=\"num\">{}</td><td class=\"note\">{}</td></tr>",
            encode_text(&film.title),
            encode_text(&film.directors.join(", ")),
            row.item.priority,
            encode_text(&row.item.note),
        );
    }
    page.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    page
}
