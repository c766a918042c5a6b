//! The film editor: typing, saving, deleting, undo and redo, unsaved edits.

use super::support::*;

#[test]
fn a_new_film_is_typed_in_and_saved() {
    let (_dir, path) = catalog_with(&[]);
    let mut harness = harness(&path);
    assert!(harness.query_by_label("Your catalog is empty.").is_some());

    button(&harness, "New film").click();
    settle(&mut harness);
    type_into(&mut harness, "Title", "Metropolis");
    type_into(&mut harness, "Year", "1927");
    button(&harness, "+ Add cast").click();
    settle(&mut harness);
    type_into(&mut harness, "Cast 1 person", "Brigitte Helm");
    type_into(&mut harness, "Cast 1 character", "Maria");
    button(&harness, "Save").click();
    wait_until(&mut harness, |h| {
        !h.state().is_loading() && h.query_all_by_label("Metropolis").count() >= 2
    });
    assert!(harness.query_by_label("Your catalog is empty.").is_none());

    let catalog = Catalog::open(&path).unwrap();
    let ids = catalog.film_ids(&Default::default()).unwrap();
    assert_eq!(ids.len(), 1);
    let stored = catalog.film(ids[0]).unwrap().unwrap();
    assert_eq!(stored.title, "Metropolis");
    assert_eq!(stored.year, Some(1927));
    assert_eq!(stored.credits, [Credit::cast("Brigitte Helm", "Maria")]);
}

#[test]
fn a_bad_year_is_explained_and_not_saved() {
    let (_dir, path) = catalog_with(&[]);
    let mut harness = harness(&path);
    button(&harness, "New film").click();
    settle(&mut harness);
    type_into(&mut harness, "Title", "Metropolis");
    type_into(&mut harness, "Year", "19x7");
    assert!(harness
        .query_by_label("The year must be a number, e.g. 1927.")
        .is_some());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(catalog.counts().unwrap().films, 0);
}

#[test]
fn delete_asks_first_and_undo_brings_the_film_back() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    let all = ["Amélie", "Rust and Bone", "Metropolis"];

    harness.get_by_label("Rust and Bone").click();
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Rust and Bone")
    );
    harness.key_press(egui::Key::Delete);
    settle(&mut harness);
    assert!(harness.query_by_label("Delete “Rust and Bone”?").is_some());
    button(&harness, "Delete").click();
    wait_until(&mut harness, |h| {
        !h.state().is_loading() && !table_titles(h, &all).contains(&"Rust and Bone".to_owned())
    });
    assert_eq!(
        Catalog::open(&path).unwrap().counts().unwrap().films,
        2,
        "the film is gone from the file"
    );
    assert!(harness
        .query_all_by_label_contains("Deleted “Rust and Bone”")
        .next()
        .is_some());

    button(&harness, "Undo").click();
    wait_until(&mut harness, |h| {
        !h.state().is_loading() && table_titles(h, &all).contains(&"Rust and Bone".to_owned())
    });
    assert_eq!(Catalog::open(&path).unwrap().counts().unwrap().films, 3);
}

#[test]
fn arrow_keys_move_the_selection_and_unsaved_edits_are_asked_about() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    harness.get_by_label("Amélie").click();
    settle(&mut harness);
    harness.key_press(egui::Key::ArrowDown);
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Metropolis")
    );

    type_notes(&mut harness, "Silent.");
    harness.get_by_label("Rust and Bone").click();
    settle(&mut harness);
    assert!(harness
        .query_by_label("Save the changes to “Metropolis”?")
        .is_some());
    // The dialog's Save is drawn after the editor's.
    harness
        .get_all_by_role_and_label(A11yRole::Button, "Save")
        .last()
        .unwrap()
        .click();
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Rust and Bone")
    );
    let catalog = Catalog::open(&path).unwrap();
    let metropolis = catalog
        .film_ids(&cinedex::db::FilmQuery {
            search: "metropolis".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        catalog.film(metropolis[0]).unwrap().unwrap().notes,
        "Silent."
    );
}

#[test]
fn a_deleted_review_comes_back_with_undo() {
    let (_dir, path) = catalog_with(&[]);
    let film_id = {
        let mut catalog = Catalog::open(&path).unwrap();
        let review = cinedex::model::Review {
            outlet: Some("Sight and Sound".into()),
            body: "A patient, luminous film.".into(),
            ..Default::default()
        };
        catalog
            .create_film_with_review(&film("Metropolis", 1927, "Fritz Lang"), &review)
            .unwrap()
            .value
            .0
    };
    let mut harness = harness(&path);
    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    assert!(harness.query_by_label("Sight and Sound").is_some());
    // The reviews sit under the poster and the fields: scroll down to them, as a person would.
    button(&harness, "Delete review").scroll_to_me();
    settle(&mut harness);
    button(&harness, "Delete review").click();
    settle(&mut harness);
    let reviews = |path: &Path| Catalog::open(path).unwrap().reviews_of(film_id).unwrap();
    assert!(reviews(&path).is_empty());
    assert!(harness.query_by_label("Sight and Sound").is_none());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(reviews(&path)[0].body, "A patient, luminous film.");
    assert!(harness.query_by_label("Sight and Sound").is_some());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    harness.get_by_label("Amélie").click();
    settle(&mut harness);
    type_into(&mut harness, "Year", "0");
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    settle(&mut harness);
    assert!(harness
        .query_by_label("Save the changes to “Amélie”?")
        .is_some());
    button(&harness, "Discard").click();
    settle(&mut harness);
    assert_eq!(
        Catalog::open(&path)
            .unwrap()
            .film(harness.state().selected().unwrap())
            .unwrap()
            .unwrap()
            .year,
        Some(2001)
    );
}

#[test]
fn an_edit_is_undone_and_redone_by_keyboard_and_menu() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    let stored_title = |path: &Path| {
        let catalog = Catalog::open(path).unwrap();
        let ids = catalog.film_ids(&Default::default()).unwrap();
        let mut titles: Vec<String> = ids
            .iter()
            .map(|id| catalog.film(*id).unwrap().unwrap().title)
            .collect();
        titles.sort();
        titles
    };
    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    text_field(&harness, "Title").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, "Title").type_text("Metropolis (restored 2010)");
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    assert!(stored_title(&path).contains(&"Metropolis (restored 2010)".to_owned()));
    // Undo is the text field's own while typing; leave the field first.
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    harness.get_by_label("Amélie").click();
    settle(&mut harness);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_until(&mut harness, |h| shows(h, "Undid the film edit."));
    assert!(stored_title(&path).contains(&"Metropolis".to_owned()));

    harness.get_by_label("Edit").click();
    settle(&mut harness);
    harness.get_by_label_contains("Redo film edit").click();
    wait_until(&mut harness, |h| shows(h, "Redid the film edit."));
    assert!(stored_title(&path).contains(&"Metropolis (restored 2010)".to_owned()));

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    settle(&mut harness);
    // Nothing left to redo: the catalog stays as it is.
    assert!(stored_title(&path).contains(&"Metropolis (restored 2010)".to_owned()));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_until(&mut harness, |h| {
        table_titles(h, &["Metropolis"]).len() == 1
    });
    assert_eq!(
        stored_title(&path),
        ["Amélie", "Metropolis", "Rust and Bone"]
    );
}

#[test]
fn tab_moves_through_the_editor_and_the_diary_form_in_reading_order() {
    use egui_kittest::kittest::NodeT as _;
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    button(&harness, "New film").click();
    settle(&mut harness);
    assert!(
        text_field(&harness, "Title").is_focused(),
        "New film starts at the title"
    );
    let mut order = Vec::new();
    for _ in 0..4 {
        harness.key_press(egui::Key::Tab);
        settle(&mut harness);
        let focused = harness
            .query_all_by(|n| n.is_focused())
            .filter_map(|n| n.accesskit_node().label())
            .next()
            .unwrap_or_default();
        order.push(focused);
    }
    assert_eq!(
        order,
        ["Original title", "+ Add title", "Year", "Runtime (min)"]
    );

    button(&harness, "Revert").click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    settle(&mut harness);
    button(&harness, "Log a viewing…").click();
    settle(&mut harness);
    text_field(&harness, "Film title").focus();
    settle(&mut harness);
    harness.key_press(egui::Key::Tab);
    settle(&mut harness);
    assert!(text_field(&harness, "Film year").is_focused());
    harness.key_press(egui::Key::Tab);
    settle(&mut harness);
    assert!(text_field(&harness, "Date").is_focused());
}

/// Revert throws the unsaved edits away, and Undo brings them back into the editor: a step of
/// the editor's, so the file is never written.
#[test]
fn undo_after_revert_brings_the_edits_back_and_the_file_is_untouched() {
    let (_dir, path) = catalog_with(&three_films());
    let stored = || Catalog::open(&path).unwrap().snapshot().unwrap();
    let before = stored();
    let mut harness = harness(&path);
    let title = |h: &Harness<'_, App>| text_field(h, "Title").value();

    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    type_into(&mut harness, "Title", " (restored)");
    assert_eq!(title(&harness).as_deref(), Some("Metropolis (restored)"));

    button(&harness, "Revert").click();
    settle(&mut harness);
    assert_eq!(title(&harness).as_deref(), Some("Metropolis"));
    assert!(harness.query_by_label("Unsaved changes").is_none());
    assert_eq!(stored(), before);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(title(&harness).as_deref(), Some("Metropolis (restored)"));
    assert!(harness.query_by_label("Unsaved changes").is_some());
    assert!(
        harness
            .query_by_label("Your changes will be lost if you don't save them.")
            .is_none(),
        "bringing the edits back asks nothing"
    );
    assert_eq!(stored(), before, "the edits are back unsaved");

    // Redo throws them away again; undo brings them back again.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    settle(&mut harness);
    assert_eq!(title(&harness).as_deref(), Some("Metropolis"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(title(&harness).as_deref(), Some("Metropolis (restored)"));
    assert_eq!(stored(), before);
}
