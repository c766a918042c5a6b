//! The query language in the catalog: filters typed in the search box, the sentence under the
//! box for bad syntax, the filter bar building the same query, and saved views.

use super::support::*;

const ALL: [&str; 4] = [
    "Chungking Express",
    "Fallen Angels",
    "Tokyo Story",
    "Amélie",
];

/// Four films: two dramas (one of the 1990s), a 1990s crime film, a comedy.
fn catalog_of_genres() -> (tempfile::TempDir, PathBuf) {
    let with = |title: &str, year, director: &str, genres: &[&str]| {
        let mut film = film(title, year, director);
        film.genres = genres.iter().map(|g| (*g).to_owned()).collect();
        film
    };
    catalog_with(&[
        with(
            "Chungking Express",
            1994,
            "Wong Kar-wai",
            &["Drama", "Romance"],
        ),
        with("Fallen Angels", 1995, "Wong Kar-wai", &["Crime"]),
        with("Tokyo Story", 1953, "Yasujirō Ozu", &["Drama"]),
        with("Amélie", 2001, "Jean-Pierre Jeunet", &["Comedy", "Romance"]),
    ])
}

fn search_text(harness: &Harness<'_, App>) -> Option<String> {
    text_field(harness, "Search").value()
}

#[test]
fn typed_filters_narrow_the_table() {
    let (_dir, path) = catalog_of_genres();
    let mut harness = harness(&path);
    assert_eq!(table_titles(&harness, &ALL).len(), 4);
    type_into(&mut harness, "Search", "genre:drama decade:1990s");
    wait_until(&mut harness, |h| table_titles(h, &ALL).len() == 1);
    assert_eq!(table_titles(&harness, &ALL), ["Chungking Express"]);
}

#[test]
fn a_bad_query_shows_its_sentence_and_the_table_keeps_its_last_listing() {
    let (_dir, path) = catalog_of_genres();
    let mut harness = harness(&path);
    type_into(&mut harness, "Search", "genre:drama");
    wait_until(&mut harness, |h| table_titles(h, &ALL).len() == 2);

    type_into(&mut harness, "Search", " year:abc");
    let sentence = "\"abc\" is not a year or a range of years; write e.g. year:1970..1979.";
    wait_until(&mut harness, |h| shows(h, sentence));
    // Under the box, once: the query never reached the catalog, so no error was reported.
    let said: Vec<_> = harness.query_all_by_label_contains(sentence).collect();
    assert_eq!(said.len(), 1);
    assert!(said[0].rect().top() < text_field(&harness, "Search").rect().bottom() + 40.0);
    assert_eq!(
        table_titles(&harness, &ALL),
        ["Chungking Express", "Tokyo Story"],
        "the last good listing stays"
    );
    // Mending the query runs it, and the sentence goes.
    harness.key_press(egui::Key::Backspace);
    harness.key_press(egui::Key::Backspace);
    harness.key_press(egui::Key::Backspace);
    settle(&mut harness);
    type_into(&mut harness, "Search", "1953");
    wait_until(&mut harness, |h| table_titles(h, &ALL) == ["Tokyo Story"]);
    assert!(!shows(&harness, sentence));
}

#[test]
fn the_filter_bar_builds_the_query_it_runs_and_follows_the_box() {
    let (_dir, path) = catalog_of_genres();
    let mut harness = harness(&path);
    harness.get_by_label("Filters").click();
    settle(&mut harness);
    type_into(&mut harness, "Genre", "drama");
    assert_eq!(search_text(&harness).as_deref(), Some("genre:drama"));
    wait_until(&mut harness, |h| table_titles(h, &ALL).len() == 2);

    harness
        .get_by_role_and_label(A11yRole::ComboBox, "Decade")
        .click();
    settle(&mut harness);
    harness.get_by_label("1990s").click();
    settle(&mut harness);
    assert_eq!(
        search_text(&harness).as_deref(),
        Some("genre:drama decade:1990s")
    );
    wait_until(&mut harness, |h| {
        table_titles(h, &ALL) == ["Chungking Express"]
    });
    assert_eq!(
        harness
            .get_by_role_and_label(A11yRole::ComboBox, "Decade")
            .value()
            .as_deref(),
        Some("1990s")
    );

    // Typed in the box, a filter moves the bar's fields.
    type_into(&mut harness, "Search", " -genre:crime director:wong");
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Director").value().as_deref(),
        Some("wong")
    );
    harness.get_by_label("Has a poster").click();
    settle(&mut harness);
    assert_eq!(
        search_text(&harness).as_deref(),
        Some("genre:drama decade:1990s -genre:crime director:wong has:poster")
    );
    wait_until(&mut harness, |h| shows(h, "No films match"));

    button(&harness, "Clear filters").click();
    settle(&mut harness);
    assert_eq!(search_text(&harness).as_deref(), Some("-genre:crime"));
    wait_until(&mut harness, |h| table_titles(h, &ALL).len() == 3);
}

#[test]
fn a_saved_view_is_stored_in_the_catalog_runs_again_and_its_deletion_is_undone() {
    let (_dir, path) = catalog_of_genres();
    let mut harness = harness(&path);
    type_into(&mut harness, "Search", "genre:drama");
    button(&harness, "Save view…").click();
    settle(&mut harness);
    type_into(&mut harness, "View name", "Dramas");
    button(&harness, "Save").click();
    wait_until(&mut harness, |h| shows(h, "Saved the view “Dramas”."));
    let views = || Catalog::open(&path).unwrap().views().unwrap();
    assert_eq!(views().len(), 1);
    assert_eq!(
        (views()[0].name.as_str(), views()[0].query.as_str()),
        ("Dramas", "genre:drama")
    );
    drop(harness);

    // Another window on the catalog lists it; a click runs it.
    let mut harness = super::support::harness(&path);
    assert_eq!(table_titles(&harness, &ALL).len(), 4);
    harness.get_by_label("Saved views").click();
    settle(&mut harness);
    harness.get_by_label("Dramas").click();
    wait_until(&mut harness, |h| table_titles(h, &ALL).len() == 2);
    assert_eq!(search_text(&harness).as_deref(), Some("genre:drama"));

    button(&harness, "Delete view Dramas").click();
    wait_until(&mut harness, |h| shows(h, "Deleted the view “Dramas”."));
    assert!(views().is_empty());
    assert!(!names(&harness, "Dramas"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_until(&mut harness, |h| names(h, "Dramas"));
    assert_eq!(views()[0].query, "genre:drama");
}

/// The state the window saves when it closes, written out and read back as eframe's storage
/// does between runs.
fn saved_and_read_back(harness: &Harness<'_, App>) -> PersistedState {
    let stored = serde_json::to_string(&harness.state().persisted()).unwrap();
    serde_json::from_str(&stored).unwrap()
}

#[test]
fn the_filter_bar_and_the_saved_views_stay_open_or_closed_across_restarts() {
    let (_dir, path) = catalog_of_genres();
    let filter_bar = |h: &Harness<'_, App>| h.query_by_label("Genre").is_some();
    let saved_views = |h: &Harness<'_, App>| shows(h, "No saved views yet.");
    let mut harness = harness(&path);
    assert!(
        !filter_bar(&harness) && !saved_views(&harness),
        "both closed at first"
    );
    harness.get_by_label("Filters").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(A11yRole::Button, "Saved views")
        .click();
    settle(&mut harness);
    assert!(filter_bar(&harness) && saved_views(&harness));
    let persisted = saved_and_read_back(&harness);
    drop(harness);

    let mut harness = harness_with(&path, persisted);
    assert!(filter_bar(&harness), "the filter bar is open again");
    assert!(saved_views(&harness), "the saved views are shown again");
    harness
        .get_by_role_and_label(A11yRole::Button, "Saved views")
        .click();
    settle(&mut harness);
    let persisted = saved_and_read_back(&harness);
    drop(harness);

    let mut harness = harness_with(&path, persisted);
    assert!(
        filter_bar(&harness) && !saved_views(&harness),
        "only the filter bar"
    );
    harness.get_by_label("Filters").click();
    settle(&mut harness);
    let persisted = saved_and_read_back(&harness);
    drop(harness);
    let harness = harness_with(&path, persisted);
    assert!(
        !filter_bar(&harness) && !saved_views(&harness),
        "both closed again"
    );

    // A state saved before the panels were remembered opens with both closed.
    let older: PersistedState = serde_json::from_str(r#"{"descending":true}"#).unwrap();
    let harness = harness_with(&path, older);
    assert!(!filter_bar(&harness) && !saved_views(&harness));
}
