//! The table, the search box, the views' shortcuts, Escape, and changes made by another program.

use super::support::*;

#[test]
fn typing_in_the_search_box_narrows_the_table() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    let all = ["Amélie", "Rust and Bone", "Metropolis"];
    assert_eq!(table_titles(&harness, &all).len(), 3);

    type_into(&mut harness, "Search", "amelie");
    wait_until(&mut harness, |h| table_titles(h, &all).len() == 1);
    assert_eq!(table_titles(&harness, &all), ["Amélie"]);
    assert!(harness.query_by_label("1 match").is_some());

    type_into(&mut harness, "Search", "zzz");
    wait_until(&mut harness, |h| table_titles(h, &all).is_empty());
    assert!(harness
        .query_by_label("No films match “ameliezzz”.")
        .is_some());
    button(&harness, "Clear search").click();
    wait_until(&mut harness, |h| table_titles(h, &all).len() == 3);
}

#[test]
fn clicking_a_header_sorts_and_again_reverses() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    let all = ["Amélie", "Rust and Bone", "Metropolis"];
    assert_eq!(
        table_titles(&harness, &all),
        ["Amélie", "Metropolis", "Rust and Bone"]
    );
    button(&harness, "Year").click();
    wait_until(&mut harness, |h| {
        table_titles(h, &all) == ["Metropolis", "Amélie", "Rust and Bone"]
    });
    button(&harness, "Year ▴").click();
    wait_until(&mut harness, |h| {
        table_titles(h, &all) == ["Rust and Bone", "Amélie", "Metropolis"]
    });
    assert!(harness.query_by_label("Year ▾").is_some());
}

#[test]
fn the_last_film_and_sort_are_remembered() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    button(&harness, "Year").click();
    settle(&mut harness);
    let persisted = harness.state().persisted();
    assert!(persisted.selected.is_some());
    drop(harness);

    let harness = harness_with(&path, persisted);
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Metropolis")
    );
    assert!(harness.query_by_label("Year ▴").is_some());
}

#[test]
fn each_view_shortcut_opens_the_view_it_names() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    // Each shortcut, and a label that only its view or window shows.
    let cases = [
        (
            egui::Modifiers::COMMAND,
            egui::Key::Num2,
            "No diary entries yet.",
        ),
        (
            egui::Modifiers::COMMAND,
            egui::Key::Num3,
            "The watchlist is empty.",
        ),
        (
            egui::Modifiers::COMMAND,
            egui::Key::Num4,
            "No films watched yet",
        ),
        (
            egui::Modifiers::COMMAND,
            egui::Key::Num1,
            "Select a film in the table to edit it,",
        ),
        (egui::Modifiers::NONE, egui::Key::F1, "Paste a review"),
        (
            egui::Modifiers::COMMAND,
            egui::Key::Comma,
            "Open another catalog…",
        ),
    ];
    for (index, (modifiers, key, unique)) in cases.iter().enumerate() {
        assert!(!shows(&harness, unique), "{unique:?} shows before {key:?}");
        harness.key_press_modifiers(*modifiers, *key);
        wait_until(&mut harness, |h| shows(h, unique));
        for (_, _, other) in &cases[..index] {
            // The views replace each other; the two windows stay over the catalog.
            if index < 4 {
                assert!(
                    !shows(&harness, other),
                    "{other:?} still shows after {key:?}"
                );
            }
        }
    }
}

/// Another program (here a second `Catalog` on the same file) adds and changes films while the
/// window is open: within a poll the table shows them, and so does the editor, unless it holds
/// unsaved edits, which are kept.
#[test]
fn changes_made_by_another_program_appear_and_unsaved_edits_stay() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    let mut other = Catalog::open(&path).unwrap();
    let metropolis = other
        .film_ids(&cinedex::db::FilmQuery {
            search: "metropolis".into(),
            ..Default::default()
        })
        .unwrap()[0];
    let mut changed = other.film(metropolis).unwrap().unwrap();
    changed.year = Some(1926);
    other.update_film(&changed).unwrap();
    other
        .create_film(&film("Nosferatu", 1922, "F. W. Murnau"))
        .unwrap();
    wait_until(&mut harness, |h| {
        table_titles(h, &["Nosferatu"]).len() == 1
            && text_field(h, "Year").value().as_deref() == Some("1926")
    });

    type_notes(&mut harness, "Silent.");
    changed.year = Some(1927);
    other.update_film(&changed).unwrap();
    other
        .create_film(&film("Sunrise", 1927, "F. W. Murnau"))
        .unwrap();
    wait_until(&mut harness, |h| table_titles(h, &["Sunrise"]).len() == 1);
    assert_eq!(
        harness
            .get_by_role_and_label(A11yRole::MultilineTextInput, "Notes")
            .value()
            .as_deref(),
        Some("Silent."),
        "the unsaved edit is kept"
    );
    assert_eq!(
        text_field(&harness, "Year").value().as_deref(),
        Some("1926"),
        "the editor was not reloaded under the edit"
    );
}

#[test]
fn undo_forgets_what_another_program_may_have_changed() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    harness.get_by_label("Rust and Bone").click();
    settle(&mut harness);
    harness.key_press(egui::Key::Delete);
    settle(&mut harness);
    button(&harness, "Delete").click();
    settle(&mut harness);
    Catalog::open(&path)
        .unwrap()
        .create_film(&film("Nosferatu", 1922, "F. W. Murnau"))
        .unwrap();
    wait_until(&mut harness, |h| table_titles(h, &["Nosferatu"]).len() == 1);
    assert!(shows(&harness, "Undo starts afresh"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(catalog.counts().unwrap().films, 3);
    assert!(table_titles(&harness, &["Rust and Bone"]).is_empty());
}

/// Left alone, the window asks for no frame at all (nothing on the UI thread polls on a timer);
/// when another program writes, the watcher thread wakes it and the new film shows.
#[test]
fn an_idle_window_sleeps_until_another_program_writes() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    wait_until_idle(&mut harness);

    Catalog::open(&path)
        .unwrap()
        .create_film(&film("Nosferatu", 1922, "F. W. Murnau"))
        .unwrap();
    let woken_by = Instant::now() + Duration::from_secs(5);
    while !harness.ctx.has_requested_repaint() {
        assert!(Instant::now() < woken_by, "the window was not woken");
        std::thread::sleep(Duration::from_millis(20));
    }
    wait_until(&mut harness, |h| table_titles(h, &["Nosferatu"]).len() == 1);
}

#[test]
fn a_cjk_title_is_laid_out_with_visible_glyphs() {
    let fonts = std::process::Command::new("fc-list")
        .args([":lang=ja", "family"])
        .output();
    let has_cjk_font = fonts.is_ok_and(|o| o.status.success() && !o.stdout.trim_ascii().is_empty());
    if !has_cjk_font {
        println!("skipped: fc-list :lang=ja finds no font for Japanese (install fonts-noto-cjk)");
        return;
    }
    let title = "君と歩く世界";
    let (_dir, path) = catalog_with(&[film(title, 2012, "Jacques Audiard")]);
    let mut harness = harness(&path);
    wait_until(&mut harness, |h| shows(h, title));
    let galley = harness.ctx.fonts_mut(|fonts| {
        fonts.layout_no_wrap(
            title.to_owned(),
            egui::FontId::proportional(14.0),
            egui::Color32::WHITE,
        )
    });
    let glyphs: Vec<_> = galley
        .rows
        .iter()
        .flat_map(|r| r.row.glyphs.iter())
        .collect();
    assert_eq!(glyphs.len(), title.chars().count());
    for glyph in &glyphs {
        assert!(
            glyph.advance_width > 4.0 && glyph.uv_rect.size.x > 0.0,
            "{:?} has no visible glyph: {glyph:?}",
            glyph.chr
        );
    }
    // A missing glyph would be drawn as the same replacement box for every character.
    let mut pictures: Vec<[u16; 2]> = glyphs.iter().map(|g| g.uv_rect.min).collect();
    pictures.sort_unstable();
    pictures.dedup();
    assert_eq!(
        pictures.len(),
        glyphs.len(),
        "each character has its own glyph"
    );
}

#[test]
fn keyboard_shortcuts_search_new_and_revert_and_escape_keeps_edits() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    let all = ["Amélie", "Rust and Bone", "Metropolis"];

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut harness);
    assert!(text_field(&harness, "Search").is_focused());
    text_field(&harness, "Search").type_text("metro");
    wait_until(&mut harness, |h| table_titles(h, &all) == ["Metropolis"]);

    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    type_into(&mut harness, "Title", " (restored)");
    assert!(harness.query_by_label("Unsaved changes").is_some());
    // The first Escape leaves the text field; the second has nothing to close, and discards
    // nothing.
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Metropolis (restored)")
    );
    button(&harness, "Revert").click();
    settle(&mut harness);
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Metropolis")
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    settle(&mut harness);
    assert_eq!(text_field(&harness, "Title").value().as_deref(), Some(""));
    assert!(text_field(&harness, "Title").is_focused());
}

/// Escape is Dismiss: it closes the topmost window (the shortcut help, then Preferences), one per
/// press, and never throws the editor's unsaved edits away.
#[test]
fn escape_closes_the_topmost_window_and_keeps_unsaved_edits() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    type_into(&mut harness, "Title", " (restored)");
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Comma);
    settle(&mut harness);
    harness.key_press(egui::Key::F1);
    settle(&mut harness);
    assert!(shows(&harness, "Paste a review") && shows(&harness, "Open another catalog…"));

    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(
        !shows(&harness, "Paste a review"),
        "the shortcut help closed first"
    );
    assert!(shows(&harness, "Open another catalog…"));
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(
        !shows(&harness, "Open another catalog…"),
        "then Preferences"
    );
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert_unsaved_title_kept(&harness, "Metropolis (restored)");
}
