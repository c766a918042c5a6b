//! Import review… (pasted text, web pages, a file named at start) and Import… (exports, backups).

use super::support::*;

#[test]
fn a_pasted_review_is_imported_with_a_corrected_title() {
    let (_dir, path) = catalog_with(&[]);
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reviews/seed-japan-times.txt"),
    )
    .unwrap();
    let mut harness = harness(&path);
    harness.event(egui::Event::Paste(seed));
    settle(&mut harness);

    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Rust and Bone")
    );
    assert_eq!(
        text_field(&harness, "Director 1").value().as_deref(),
        Some("Jacques Audiard")
    );
    assert_eq!(
        text_field(&harness, "Running time").value().as_deref(),
        Some("122")
    );
    button(&harness, "Show directors in the text").click();
    settle(&mut harness);
    assert!(harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Pasted review")
        .is_focused());

    text_field(&harness, "Title").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, "Title").type_text("Rust & Bone");
    settle(&mut harness);
    button(&harness, "Save review").click();
    wait_until(&mut harness, |h| {
        !h.state().is_loading() && h.query_all_by_label("Rust & Bone").count() >= 1
    });
    assert!(harness.query_by_label("Import a review").is_none());

    let catalog = Catalog::open(&path).unwrap();
    let ids = catalog.film_ids(&Default::default()).unwrap();
    assert_eq!(ids.len(), 1);
    let stored = catalog.film(ids[0]).unwrap().unwrap();
    assert_eq!(stored.title, "Rust & Bone");
    assert_eq!(stored.runtime_min, Some(122));
    let reviews = catalog.reviews_of(ids[0]).unwrap();
    assert_eq!(reviews.len(), 1);
    assert!(reviews[0].body.contains("boxer"), "{}", reviews[0].body);
    assert_eq!(harness.state().selected(), Some(ids[0]));
}

#[test]
fn editing_the_pasted_text_parses_again_but_keeps_corrections() {
    let (_dir, path) = catalog_with(&[]);
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reviews/seed-japan-times.txt"),
    )
    .unwrap();
    let mut harness = harness(&path);
    button(&harness, "Import review…").click();
    settle(&mut harness);
    assert!(harness.query_by_label_contains("Paste a review").is_some());
    harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Pasted review")
        .focus();
    settle(&mut harness);
    harness.event(egui::Event::Paste(seed));
    wait_until(&mut harness, |h| {
        text_field(h, "Running time").value().as_deref() == Some("122")
    });

    text_field(&harness, "Title").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, "Title").type_text("De rouille et d'os");
    settle(&mut harness);

    // Empty the pasted text: what was parsed goes, what was typed by hand stays.
    harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Pasted review")
        .focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    wait_until(&mut harness, |h| {
        text_field(h, "Running time").value().as_deref() == Some("")
    });
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("De rouille et d'os")
    );
    assert!(harness.query_by_label_contains("Paste a review").is_some());

    button(&harness, "Cancel").click();
    settle(&mut harness);
    assert!(harness.query_by_label("Import a review").is_none());
    assert_eq!(Catalog::open(&path).unwrap().counts().unwrap().films, 0);
}

#[test]
fn a_pasted_web_page_shows_its_text_and_keeps_the_html() {
    let (_dir, path) = catalog_with(&[]);
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reviews/html-still-water.html"),
    )
    .unwrap();
    let mut harness = harness(&path);
    harness.event(egui::Event::Paste(page.clone()));
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Still Water")
    );
    let shown = harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Pasted review")
        .value()
        .unwrap_or_default();
    assert!(!shown.contains("<div"), "the page is shown as text");
    button(&harness, "Save review").click();
    wait_until(&mut harness, |h| {
        !h.state().is_loading() && h.query_by_label("Import a review").is_none()
    });
    let catalog = Catalog::open(&path).unwrap();
    let ids = catalog.film_ids(&Default::default()).unwrap();
    let reviews = catalog.reviews_of(ids[0]).unwrap();
    assert_eq!(reviews[0].source_text.as_deref(), Some(page.as_str()));
}

#[test]
fn a_letterboxd_folder_is_previewed_then_imported_from_the_file_menu() {
    let (dir, path) = catalog_with(&[]);
    let export = dir.path().join("letterboxd-mia-2026");
    std::fs::create_dir_all(&export).unwrap();
    std::fs::write(
        export.join("diary.csv"),
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n\
         2024-01-03,Amélie,2001,https://boxd.it/d1,3.5,,cinema,2024-01-02\n\
         2024-03-01,Amélie,2001,https://boxd.it/d3,4,Yes,,2024-03-01\n\
         2024-03-05,千と千尋の神隠し,2001,https://boxd.it/d4,,,,2024-03-04\n",
    )
    .unwrap();
    let mut harness = harness(&path);
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness
        .get_by_label_contains("Import from Letterboxd, IMDb or backup…")
        .click();
    settle(&mut harness);
    type_into(&mut harness, "File or folder", export.to_str().unwrap());
    assert_eq!(
        import_kind(&harness).as_deref(),
        Some("Letterboxd export (ZIP, folder or CSV)")
    );

    button(&harness, "Preview").click();
    wait_until(&mut harness, |h| {
        shows(h, "The import would bring 2 new films and 3 diary entries.")
    });
    assert!(shows(&harness, "3 diary entries"));
    assert_eq!(Catalog::open(&path).unwrap().counts().unwrap().films, 0);

    button(&harness, "Import").click();
    wait_until(&mut harness, |h| shows(h, "Imported 2 new films"));
    button(&harness, "Close").click();
    wait_until(&mut harness, |h| {
        table_titles(h, &["Amélie", "千と千尋の神隠し"]).len() == 2
    });
    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(catalog.counts().unwrap().films, 2);
    let diary = catalog.diary(&Default::default()).unwrap();
    assert_eq!(diary.len(), 3);
    assert!(diary
        .iter()
        .any(|row| row.film.title == "Amélie" && row.entry.rewatch));
}

#[test]
fn a_zip_that_is_not_an_export_is_refused_in_the_import_dialog() {
    let (dir, path) = catalog_with(&three_films());
    let junk = dir.path().join("holiday-photos.zip");
    std::fs::write(&junk, b"PK\x03\x04 not really a zip at all").unwrap();
    let mut harness = harness(&path);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::I,
    );
    settle(&mut harness);
    type_into(&mut harness, "File or folder", junk.to_str().unwrap());
    button(&harness, "Import").click();
    wait_until(&mut harness, |h| {
        shows(h, "neither a Letterboxd export ZIP nor its unpacked folder")
    });
    assert_eq!(Catalog::open(&path).unwrap().counts().unwrap().films, 3);

    // A file of no kind Cinedex knows: nothing to start until a kind is chosen.
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "just some words").unwrap();
    text_field(&harness, "File or folder").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, "File or folder").type_text(notes.to_str().unwrap());
    settle(&mut harness);
    assert_eq!(
        import_kind(&harness).as_deref(),
        Some("Choose a file first")
    );
    assert!(
        egui_kittest::kittest::NodeT::accesskit_node(&button(&harness, "Import")).is_disabled()
    );
}

#[test]
fn restoring_a_backup_over_the_catalog_backs_it_up_first() {
    let (dir, path) = catalog_with(&three_films());
    let backup = dir.path().join("solaris.json");
    {
        let (_other_dir, other) = catalog_with(&[film("Solaris", 1972, "Andrei Tarkovsky")]);
        let batch = Catalog::open(&other).unwrap().snapshot().unwrap();
        std::fs::write(&backup, cinedex::interop::backup_bytes(&batch).unwrap()).unwrap();
    }
    let mut harness = harness(&path);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::I,
    );
    settle(&mut harness);
    type_into(&mut harness, "File or folder", backup.to_str().unwrap());
    assert_eq!(
        import_kind(&harness).as_deref(),
        Some("Cinedex backup (JSON)")
    );
    harness
        .get_by_label("Replace the catalog with the backup")
        .click();
    settle(&mut harness);
    button(&harness, "Import").click();
    wait_until(&mut harness, |h| shows(h, "Imported 1 new film."));
    assert!(shows(&harness, "The catalog as it was is backed up as"));
    let catalog = Catalog::open(&path).unwrap();
    let ids = catalog.film_ids(&Default::default()).unwrap();
    assert_eq!(ids.len(), 1);
    assert_eq!(catalog.film(ids[0]).unwrap().unwrap().title, "Solaris");
    // Beside the daily automatic backup, one made for the restore.
    let copies: Vec<_> = cinedex::db::list_backups(&path)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == cinedex::db::BackupKind::Manual)
        .collect();
    assert_eq!(copies.len(), 1);
    assert_eq!(
        Catalog::open(&copies[0].path)
            .unwrap()
            .counts()
            .unwrap()
            .films,
        3,
        "the copy holds the catalog as it was"
    );
}

#[test]
fn a_review_file_named_at_start_opens_in_the_import_dialog() {
    let (dir, path) = catalog_with(&[]);
    let review = dir.path().join("review.txt");
    std::fs::write(
        &review,
        "Rust and Bone (Kimi to Aruku Sekai)\nDirector Jacques Audiard\nRun Time 122 minutes\n",
    )
    .unwrap();
    let mut app = App::new(Catalog::open(&path).unwrap(), PersistedState::default());
    app.queue(Some(cinedex::ui::open_file_command(&review)));
    let mut harness = harness_of(app);
    wait_until(&mut harness, |h| names(h, "Save review"));
    assert_eq!(
        text_field(&harness, "Director 1").value().as_deref(),
        Some("Jacques Audiard")
    );

    // An export opens in Import… with its path and kind filled in.
    let zip = dir.path().join("export.zip");
    std::fs::write(&zip, b"PK\x03\x04").unwrap();
    let mut app = App::new(Catalog::open(&path).unwrap(), PersistedState::default());
    app.queue(Some(cinedex::ui::open_file_command(&zip)));
    let mut harness = harness_of(app);
    wait_until(&mut harness, |h| names(h, "File or folder"));
    assert_eq!(
        text_field(&harness, "File or folder").value().as_deref(),
        zip.to_str()
    );
    assert_eq!(
        import_kind(&harness).as_deref(),
        Some("Letterboxd export (ZIP, folder or CSV)")
    );

    // Anything else gets a sentence.
    let photo = dir.path().join("poster.png");
    std::fs::write(&photo, b"\x89PNG\r\n").unwrap();
    let mut app = App::new(Catalog::open(&path).unwrap(), PersistedState::default());
    app.queue(Some(cinedex::ui::open_file_command(&photo)));
    let mut harness = harness_of(app);
    wait_until(&mut harness, |h| shows(h, "this file is none of them"));
}

/// The one modal slot's close rule: Escape closes Import review…, Export… and the delete
/// question alike, and closing the question deletes nothing.
#[test]
fn escape_closes_each_modal_dialog_and_changes_nothing() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    wait_until(&mut harness, |h| !h.state().is_loading());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    settle(&mut harness);
    assert!(names(&harness, "Import a review"));
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(!names(&harness, "Import a review"));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut harness);
    assert!(names(&harness, "Format"));
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(!names(&harness, "Format"));

    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    button(&harness, "Delete film…").click();
    settle(&mut harness);
    assert!(shows(&harness, "You can undo this right after."));
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(!shows(&harness, "You can undo this right after."));
    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(catalog.film_ids(&Default::default()).unwrap().len(), 3);
}
