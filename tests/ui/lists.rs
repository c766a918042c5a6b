//! The Lists view (Ctrl+5): create a list, add films from the catalog's context menu, the
//! editor and the list's own search box, reorder by dragging and with ↑, notes, progress, the
//! unseen filter, delete and remove with Undo, and export — each checked in the window and in
//! the catalog file.

use super::support::*;
use cinedex::db::FilmChoice;
use cinedex::model::{DiaryEntry, FilmId, List, ListId};

/// The films of list `id` in the catalog file, in order, with their notes.
fn stored(path: &Path, id: ListId) -> Vec<(String, String)> {
    Catalog::open(path)
        .unwrap()
        .list_entries(id)
        .unwrap()
        .into_iter()
        .map(|row| (row.summary.title, row.entry.note))
        .collect()
}

/// The titles of list `id` in the catalog file, in order.
fn stored_titles(path: &Path, id: ListId) -> Vec<String> {
    stored(path, id)
        .into_iter()
        .map(|(title, _)| title)
        .collect()
}

fn film_id(path: &Path, title: &str) -> FilmId {
    Catalog::open(path)
        .unwrap()
        .films_titled(title, None)
        .unwrap()[0]
        .id
}

/// Logs a viewing of `film` on 9 March 2024.
fn log_viewing(catalog: &mut Catalog, film: FilmId) {
    let viewing = DiaryEntry {
        id: None,
        film_id: film,
        watched_on: chrono::NaiveDate::from_ymd_opt(2024, 3, 9).unwrap(),
        rating_half_stars: None,
        rewatch: false,
        liked: false,
        review: String::new(),
        tags: Vec::new(),
    };
    catalog
        .add_diary_entry(&FilmChoice::Stored(film), &viewing)
        .unwrap();
}

/// The three films, a list "Top 3" holding them in the catalog's order (Amélie, Rust and Bone,
/// Metropolis), and Metropolis watched once.
fn catalog_with_top_3() -> (tempfile::TempDir, PathBuf, ListId) {
    let (dir, path) = catalog_with(&three_films());
    let mut catalog = Catalog::open(&path).unwrap();
    let id = catalog.create_list(&List::named("Top 3")).unwrap().value;
    for title in ["Amélie", "Rust and Bone", "Metropolis"] {
        let film = catalog.films_titled(title, None).unwrap()[0].id;
        catalog
            .add_to_list(id, &FilmChoice::Stored(film), "")
            .unwrap();
    }
    let metropolis = catalog.films_titled("Metropolis", None).unwrap()[0].id;
    log_viewing(&mut catalog, metropolis);
    (dir, path, id)
}

fn show_lists(harness: &mut Harness<'_, App>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
    settle(harness);
}

/// The labels among `titles` in the window, top to bottom on the screen.
fn titles_top_to_bottom(harness: &Harness<'_, App>, titles: &[&str]) -> Vec<String> {
    let mut found: Vec<(f32, String)> = harness
        .query_all_by(|node| {
            node.role() == A11yRole::Label
                && node.value().is_some_and(|v| titles.contains(&v.as_str()))
        })
        .filter_map(|node| Some((node.rect().top(), node.value()?)))
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, title)| title).collect()
}

const LABELS: [&str; 3] = ["Amélie (2001)", "Rust and Bone (2012)", "Metropolis (1927)"];

#[test]
fn a_new_list_gets_a_film_from_the_catalog_context_menu() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    show_lists(&mut harness);
    assert!(shows(&harness, "No lists yet."));

    type_into(&mut harness, "New list name", "Films to show Ana");
    button(&harness, "Create list").click();
    settle(&mut harness);
    let lists = Catalog::open(&path).unwrap().lists().unwrap();
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0].list.name, "Films to show Ana");
    let id = lists[0].list.id.unwrap();
    assert!(shows(&harness, "Created the list “Films to show Ana”."));
    assert!(shows(&harness, "0 of 0 seen"));
    assert!(shows(&harness, "This list is empty."));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    settle(&mut harness);
    harness.get_by_label("Rust and Bone").click_secondary();
    settle(&mut harness);
    harness
        .query_all_by_label_contains("Add to list")
        .next()
        .expect("the context menu offers Add to list")
        .click();
    settle(&mut harness);
    harness.get_by_label("Add to Films to show Ana").click();
    settle(&mut harness);
    assert_eq!(stored_titles(&path, id), ["Rust and Bone"]);
    assert!(shows(
        &harness,
        "Added “Rust and Bone (2012)” to “Films to show Ana”."
    ));

    show_lists(&mut harness);
    assert!(names(&harness, "Rust and Bone (2012)"));
    assert!(shows(&harness, "0 of 1 seen"));
}

#[test]
fn the_editor_and_the_search_box_add_films_once_each() {
    let (_dir, path) = catalog_with(&three_films());
    let id = Catalog::open(&path)
        .unwrap()
        .create_list(&List::named("Silent"))
        .unwrap()
        .value;
    let mut harness = harness(&path);
    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    harness.get_by_label("Add to list").click();
    settle(&mut harness);
    harness.get_by_label("Add to Silent").click();
    settle(&mut harness);
    assert_eq!(stored_titles(&path, id), ["Metropolis"]);

    show_lists(&mut harness);
    type_into(&mut harness, "Find a film to add", "jeunet");
    harness
        .get_by_label("Add Amélie (2001) — Jean-Pierre Jeunet")
        .click();
    settle(&mut harness);
    assert_eq!(stored_titles(&path, id), ["Metropolis", "Amélie"]);
    assert!(shows(&harness, "0 of 2 seen"));
    assert!(names(&harness, "Amélie (2001)"));
    // A film on the list already is offered ticked, not to be added twice.
    let offered = harness.get_by_label("Add Amélie (2001) — Jean-Pierre Jeunet");
    assert!(egui_kittest::kittest::NodeT::accesskit_node(&offered).is_disabled());
    // Enter adds the first film found that is not on the list.
    replace_text(&mut harness, "Find a film to add", "bone");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(
        stored_titles(&path, id),
        ["Metropolis", "Amélie", "Rust and Bone"]
    );
}

#[test]
fn dragging_a_film_onto_the_first_moves_it_to_the_top_and_undo_puts_it_back() {
    let (_dir, path, id) = catalog_with_top_3();
    let mut harness = harness(&path);
    show_lists(&mut harness);
    assert_eq!(titles_top_to_bottom(&harness, &LABELS), LABELS);

    let handles: Vec<egui::Rect> = harness
        .query_all_by_label("≡")
        .map(|node| node.rect())
        .collect();
    assert_eq!(handles.len(), 3);
    let from = handles[2].center();
    let to = harness.get_by_label("Amélie (2001)").rect().center();
    harness.event(egui::Event::PointerMoved(from));
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::default(),
    });
    harness.step();
    for step in 1..=10 {
        let t = step as f32 / 10.0;
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::default(),
    });
    settle(&mut harness);

    assert_eq!(
        stored_titles(&path, id),
        ["Metropolis", "Amélie", "Rust and Bone"]
    );
    assert_eq!(
        titles_top_to_bottom(&harness, &LABELS),
        ["Metropolis (1927)", "Amélie (2001)", "Rust and Bone (2012)"]
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(
        stored_titles(&path, id),
        ["Amélie", "Rust and Bone", "Metropolis"]
    );
    assert_eq!(titles_top_to_bottom(&harness, &LABELS), LABELS);

    // The keyboard way: ↑ on the last film.
    button(&harness, "Move Metropolis (1927) up").click();
    settle(&mut harness);
    assert_eq!(
        stored_titles(&path, id),
        ["Amélie", "Metropolis", "Rust and Bone"]
    );
}

#[test]
fn progress_counts_the_seen_and_the_unseen_filter_hides_them() {
    let (_dir, path, id) = catalog_with_top_3();
    let mut harness = harness(&path);
    show_lists(&mut harness);
    assert!(shows(&harness, "1 of 3 seen"));
    assert!(names(&harness, "Metropolis (1927)"));
    assert!(shows(&harness, "✔ seen"));

    harness.get_by_label("Only unseen").click();
    settle(&mut harness);
    assert!(!names(&harness, "Metropolis (1927)"));
    assert!(names(&harness, "Amélie (2001)"));
    assert!(names(&harness, "Rust and Bone (2012)"));
    assert!(
        shows(&harness, "1 of 3 seen"),
        "the progress is of the whole list"
    );

    // A viewing logged by another program counts as soon as the window notices the commit.
    let amelie = film_id(&path, "Amélie");
    log_viewing(&mut Catalog::open(&path).unwrap(), amelie);
    wait_until(&mut harness, |h| shows(h, "2 of 3 seen"));
    assert!(!names(&harness, "Amélie (2001)"));
    assert_eq!(
        Catalog::open(&path)
            .unwrap()
            .list_progress(id)
            .unwrap()
            .seen,
        2
    );
}

#[test]
fn a_deleted_list_comes_back_whole_with_undo() {
    let (_dir, path, id) = catalog_with_top_3();
    let mut harness = harness(&path);
    show_lists(&mut harness);
    type_into(&mut harness, "Note on Amélie (2001)", "for Ana");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(stored(&path, id)[0], ("Amélie".into(), "for Ana".into()));

    button(&harness, "Delete list").click();
    settle(&mut harness);
    assert!(Catalog::open(&path).unwrap().lists().unwrap().is_empty());
    assert!(shows(
        &harness,
        "Deleted the list “Top 3”; its 3 films stay in the catalog."
    ));
    assert!(shows(&harness, "No lists yet."));
    assert_eq!(Catalog::open(&path).unwrap().counts().unwrap().films, 3);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(
        stored(&path, id),
        [
            ("Amélie".to_owned(), "for Ana".to_owned()),
            ("Rust and Bone".to_owned(), String::new()),
            ("Metropolis".to_owned(), String::new()),
        ]
    );
    assert!(shows(&harness, "1 of 3 seen"));
    assert_eq!(titles_top_to_bottom(&harness, &LABELS), LABELS);

    button(&harness, "Remove Rust and Bone (2012)").click();
    settle(&mut harness);
    assert_eq!(stored_titles(&path, id), ["Amélie", "Metropolis"]);
    assert!(!names(&harness, "Rust and Bone (2012)"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(
        stored_titles(&path, id),
        ["Amélie", "Rust and Bone", "Metropolis"]
    );
}

#[test]
fn a_list_is_renamed_ranked_and_exported_from_the_window() {
    let (dir, path, id) = catalog_with_top_3();
    let mut harness = harness(&path);
    show_lists(&mut harness);
    button(&harness, "Edit list…").click();
    settle(&mut harness);
    replace_text(&mut harness, "Name", "Best three");
    harness.get_by_label("Ranked (numbered)").click();
    settle(&mut harness);
    button(&harness, "Save list").click();
    settle(&mut harness);
    let list = Catalog::open(&path).unwrap().list(id).unwrap().unwrap();
    assert_eq!((list.name.as_str(), list.ranked), ("Best three", true));
    assert!(shows(&harness, "Renamed “Top 3” to “Best three”."));
    assert!(names(&harness, "  1."));

    button(&harness, "Export list…").click();
    settle(&mut harness);
    let file = dir.path().join("best.md");
    replace_text(&mut harness, "File", &file.display().to_string());
    harness.get_by_role(A11yRole::ComboBox).click();
    settle(&mut harness);
    harness.get_by_label("List — Markdown").click();
    settle(&mut harness);
    // Changing the format renamed the file's extension (it was .md already).
    button(&harness, "Export").click();
    settle(&mut harness);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("# Best three\n\n1 of 3 seen\n\n1. **Amélie** (2001)"),
        "{text}"
    );
    assert!(
        text.contains("3. **Metropolis** (1927) — Fritz Lang"),
        "{text}"
    );
}

#[test]
fn a_name_taken_already_is_refused_with_a_sentence_and_nothing_changes() {
    let (_dir, path, id) = catalog_with_top_3();
    let mut harness = harness(&path);
    show_lists(&mut harness);
    type_into(&mut harness, "New list name", "top 3");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert!(shows(
        &harness,
        "A list called \"top 3\" exists already; choose another name."
    ));
    let lists = Catalog::open(&path).unwrap().lists().unwrap();
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0].list.name, "Top 3");
    assert_eq!(
        stored_titles(&path, id),
        ["Amélie", "Rust and Bone", "Metropolis"]
    );
    assert_eq!(
        text_field(&harness, "New list name").value().as_deref(),
        Some("top 3"),
        "the name stays to be corrected"
    );
}
