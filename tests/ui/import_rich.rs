//! Pastes that bring more than their text: the HTML a browser puts beside it on the clipboard,
//! and a paste whose text names no film fact at all.

use super::support::*;

/// A review as a browser copies it: the clipboard's `text/html` and its `text/plain`.
const COPIED_HTML: &str = include_str!("../fixtures/pages/copied-salt-harbour.html");
const COPIED_TEXT: &str = include_str!("../fixtures/pages/copied-salt-harbour.txt");

fn value(harness: &Harness<'_, App>, label: &str) -> String {
    text_field(harness, label).value().unwrap_or_default()
}

#[test]
fn a_paste_that_comes_with_html_reads_its_headings_bylines_times_and_links() {
    let (_dir, path) = catalog_with(&[]);
    let mut harness = paste_into_dialog(&path, COPIED_TEXT, Some(COPIED_HTML));
    wait_until(&mut harness, |h| value(h, "Reviewer") == "Wren Okafor");
    assert_eq!(value(&harness, "Title"), "Salt Harbour");
    assert_eq!(value(&harness, "Published"), "2024-02-03");
    assert_eq!(value(&harness, "Cast 1 person"), "Tomas Reyne");
    assert!(shows(&harness, "from the page's markup"));
    assert!(shows(&harness, "Also found:"));
    let shown = harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Pasted review")
        .value()
        .unwrap_or_default();
    assert_eq!(shown, COPIED_TEXT, "the text is shown, never the HTML");

    button(&harness, "Save review").click();
    wait_until(&mut harness, |h| {
        !h.state().is_loading() && h.query_by_label("Import a review").is_none()
    });
    let catalog = Catalog::open(&path).unwrap();
    let film = catalog.films_titled("Salt Harbour", None).unwrap()[0].id;
    let reviews = catalog.reviews_of(film).unwrap();
    assert_eq!(reviews[0].reviewer.as_deref(), Some("Wren Okafor"));
    assert_eq!(
        reviews[0].published_on.map(|d| d.to_string()).as_deref(),
        Some("2024-02-03")
    );
    assert!(reviews[0].body.contains("the tide"), "{}", reviews[0].body);
    assert_eq!(reviews[0].source_text.as_deref(), Some(COPIED_TEXT));
}

#[test]
fn the_same_text_without_html_is_read_from_the_text_alone() {
    let (_dir, path) = catalog_with(&[]);
    let harness = paste_into_dialog(&path, COPIED_TEXT, None);
    assert_eq!(value(&harness, "Reviewer"), "");
    assert_eq!(value(&harness, "Published"), "");
    assert!(!shows(&harness, "from the page's markup"));
}

#[test]
fn a_paste_on_the_window_brings_its_html_into_the_dialog() {
    let (_dir, path) = catalog_with(&[]);
    let mut harness = harness_copied(&path, PersistedState::default(), Some(COPIED_HTML));
    harness.event(egui::Event::Paste(COPIED_TEXT.to_owned()));
    settle(&mut harness);
    assert_eq!(value(&harness, "Title"), "Salt Harbour");
    assert_eq!(value(&harness, "Reviewer"), "Wren Okafor");
}

#[test]
fn a_paste_that_names_no_film_keeps_its_words_as_the_review_text() {
    let (_dir, path) = catalog_with(&[]);
    let prose = "I went back to the coast last week.\n\nThe light was low and the water was \
                 patient, and I stayed until the last ferry.\n\nShare this post\n";
    let mut harness = paste_into_dialog(&path, prose, None);
    assert!(shows(
        &harness,
        "Nothing recognised: the text names no film. Its words are kept as the review text"
    ));
    type_into(&mut harness, "Title", "Salt Harbour");
    button(&harness, "Save review").click();
    wait_until(&mut harness, |h| {
        !h.state().is_loading() && h.query_by_label("Import a review").is_none()
    });
    let catalog = Catalog::open(&path).unwrap();
    let film = catalog.films_titled("Salt Harbour", None).unwrap()[0].id;
    let body = &catalog.reviews_of(film).unwrap()[0].body;
    assert_eq!(
        body,
        "I went back to the coast last week.\n\nThe light was low and the water was patient, \
         and I stayed until the last ferry."
    );
}
