//! The import dialog's evidence beside the text: a pick from the text, another reading taken in
//! one click, the catalog's memory, and a saved page's metadata.

use super::support::*;

/// Selects the last `chars` characters of the pasted text, with the keyboard.
fn select_last(harness: &mut Harness<'static, App>, chars: usize) {
    harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Pasted review")
        .focus();
    settle(harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::ArrowRight);
    for _ in 0..chars {
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
    }
    settle(harness);
}

fn salt_harbour() -> Film {
    let mut film = film("Salt Harbour", 2023, "Ines Calloway");
    film.credits.push(Credit::cast("Tomas Reyne", "Jonas"));
    film
}

#[test]
fn a_selection_is_used_as_director_and_a_bad_runtime_is_explained() {
    let (_dir, path) = catalog_with(&[]);
    let text = "Rust and Bone (2012)\nRunning time: 122 minutes\n\nShot in winter by Mara Quint";
    let mut harness = paste_into_dialog(&path, text, None);
    wait_until(&mut harness, |h| {
        text_field(h, "Running time").value().as_deref() == Some("122")
    });
    select_last(&mut harness, "Mara Quint".len());
    button(&harness, "Use selection as…").click();
    settle(&mut harness);
    button(&harness, "Director").click();
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Director 1").value().as_deref(),
        Some("Mara Quint")
    );
    assert!(shows(&harness, "chosen by you"));

    select_last(&mut harness, "Quint".len());
    button(&harness, "Use selection as…").click();
    settle(&mut harness);
    button(&harness, "Running time").click();
    settle(&mut harness);
    assert!(shows(&harness, "“Quint” is not a running time"));
    assert_eq!(
        text_field(&harness, "Running time").value().as_deref(),
        Some("122"),
        "a selection that is no runtime changes nothing"
    );
}

#[test]
fn a_paste_about_a_stored_film_is_recognised_through_the_catalog() {
    let (_dir, path) = catalog_with(&[salt_harbour()]);
    let prose = "I went in knowing little. Salt Harbour is patient, and Ines Calloway lets the \
                 tide do the work; Tomas Reyne barely speaks.\n\nBy the end of Salt Harbour I \
                 was undone.\n";
    let mut harness = paste_into_dialog(&path, prose, None);
    wait_until(&mut harness, |h| {
        text_field(h, "Title").value().as_deref() == Some("Salt Harbour")
    });
    assert_eq!(
        text_field(&harness, "Director 1").value().as_deref(),
        Some("Ines Calloway")
    );
    assert!(shows(&harness, "from your catalog"));
    assert!(shows(&harness, "Attach to “Salt Harbour”"));

    // The text alone names no film fact; its prose is still the review's body.
    button(&harness, "Save review").click();
    wait_until(&mut harness, |h| {
        !h.state().is_loading() && h.query_by_label("Import a review").is_none()
    });
    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(
        catalog.counts().unwrap().films,
        1,
        "attached to the stored film"
    );
    let film = catalog.films_titled("Salt Harbour", None).unwrap()[0].id;
    let reviews = catalog.reviews_of(film).unwrap();
    assert!(
        reviews[0].body.starts_with("I went in knowing little."),
        "{}",
        reviews[0].body
    );
    assert!(
        reviews[0].body.ends_with("I was undone."),
        "{}",
        reviews[0].body
    );
}

#[test]
fn another_title_the_catalog_knows_is_taken_in_one_click() {
    let (_dir, path) = catalog_with(&[salt_harbour()]);
    let text = "Rust and Bone (2012)\nDirector: Jacques Audiard\nRunning time: 122 minutes\n\n\
                It recalls Salt Harbour at times, and the sea is never far.\n";
    let mut harness = paste_into_dialog(&path, text, None);
    wait_until(&mut harness, |h| {
        h.query_by_role_and_label(A11yRole::Button, "Salt Harbour")
            .is_some()
    });
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Rust and Bone")
    );
    assert!(shows(&harness, "Also found:"));
    button(&harness, "Salt Harbour").click();
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Salt Harbour")
    );
    assert!(shows(&harness, "from your catalog"));
}

#[test]
fn a_saved_page_with_json_ld_fills_fields_from_its_metadata() {
    let (dir, path) = catalog_with(&[]);
    let page = dir.path().join("salt-harbour.html");
    std::fs::write(
        &page,
        include_str!("../fixtures/pages/salt-harbour-json-ld.html"),
    )
    .unwrap();
    let mut app = App::new(Catalog::open(&path).unwrap(), PersistedState::default());
    app.queue(Some(cinedex::ui::open_file_command(&page)));
    let mut harness = harness_of(app);
    wait_until(&mut harness, |h| names(h, "Save review"));
    assert_eq!(
        text_field(&harness, "Running time").value().as_deref(),
        Some("112")
    );
    assert_eq!(
        text_field(&harness, "Rating").value().as_deref(),
        Some("4/5")
    );
    assert!(shows(&harness, "from the page's metadata"));
    let shown = harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Pasted review")
        .value()
        .unwrap_or_default();
    assert!(!shown.contains("ld+json"), "the page is shown as its text");
}

#[test]
fn a_match_shows_its_reasons_and_another_stored_film_can_be_chosen() {
    let (_dir, path) = catalog_with(&[
        salt_harbour(),
        film("Rust and Bone", 2012, "Jacques Audiard"),
    ]);
    let text =
        "Salt Harbour (2023)\nDirector: Ines Calloway\n\nPatient, and the tide does the work.\n";
    let mut harness = paste_into_dialog(&path, text, None);
    wait_until(&mut harness, |h| {
        shows(
            h,
            "Attach to “Salt Harbour” (2023), Ines Calloway: same title, year and director",
        )
    });

    type_into(&mut harness, "Another stored film:", "rust");
    let other = "Attach to “Rust and Bone” (2012), Jacques Audiard";
    wait_until(&mut harness, |h| {
        h.query_by_role_and_label(A11yRole::RadioButton, other)
            .is_some()
    });
    harness
        .get_by_role_and_label(A11yRole::RadioButton, other)
        .click();
    settle(&mut harness);
    button(&harness, "Save review").click();
    wait_until(&mut harness, |h| {
        !h.state().is_loading() && h.query_by_label("Import a review").is_none()
    });

    let catalog = Catalog::open(&path).unwrap();
    let titled = |title: &str| catalog.films_titled(title, None).unwrap()[0].id;
    let rust = catalog.reviews_of(titled("Rust and Bone")).unwrap();
    assert_eq!(rust.len(), 1);
    assert!(rust[0].body.contains("tide"), "{}", rust[0].body);
    assert!(catalog
        .reviews_of(titled("Salt Harbour"))
        .unwrap()
        .is_empty());
}

#[test]
fn a_selection_becomes_the_character_of_a_chosen_cast_row() {
    let (_dir, path) = catalog_with(&[]);
    let text = "Rust and Bone (2012)\nDirector: Jacques Audiard\nCast: Marion Cotillard, \
                Matthias Schoenaerts\n\nSchoenaerts plays a boxer called Ali";
    let mut harness = paste_into_dialog(&path, text, None);
    wait_until(&mut harness, |h| {
        text_field(h, "Cast 2 person").value().as_deref() == Some("Matthias Schoenaerts")
    });
    select_last(&mut harness, "Ali".len());
    button(&harness, "Use selection as…").click();
    settle(&mut harness);
    button(&harness, "Character of a cast row").hover();
    settle(&mut harness);
    button(&harness, "Matthias Schoenaerts").click();
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Cast 2 character").value().as_deref(),
        Some("Ali")
    );
    assert_eq!(
        text_field(&harness, "Cast 1 character").value().as_deref(),
        Some("")
    );
    assert!(shows(&harness, "chosen by you"));
}

#[test]
fn the_parsers_runner_up_title_is_taken_in_one_click() {
    let (_dir, path) = catalog_with(&[]);
    let text = "‘Salt Harbour’ review: patient and tidal\n\nThe Long Shore (2023)\n\
                Director: Ines Calloway\nRunning time: 112 minutes\n\nIt is a patient film.\n";
    let mut harness = paste_into_dialog(&path, text, None);
    wait_until(&mut harness, |h| {
        text_field(h, "Title").value().as_deref() == Some("Salt Harbour")
    });
    assert!(shows(&harness, "Also found:"));
    // The key above the text names each highlighted field, the lit reading's as " Review text ".
    let lit = |h: &Harness<'_, App>| h.query_by_label(" Review text ").is_some();
    assert!(!lit(&harness), "no reading is lit yet");
    button(&harness, "The Long Shore").hover();
    settle(&mut harness);
    assert!(lit(&harness), "the hovered reading's span is lit");
    button(&harness, "The Long Shore").click();
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("The Long Shore")
    );
    assert!(shows(&harness, "from the text"));
    assert!(
        harness
            .query_by_role_and_label(A11yRole::Button, "The Long Shore")
            .is_none(),
        "a reading taken is no longer offered"
    );
}
