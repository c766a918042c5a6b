//! Preferences: the date format, backups, opening another catalog.

use super::support::*;

#[test]
fn the_chosen_date_format_shows_in_the_diary_and_settings_are_remembered() {
    use cinedex::dates::DateFormat;
    let (_dir, path) = catalog_with_diary();
    let mut harness = harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Comma);
    wait_until(&mut harness, |h| names(h, "Date format"));
    harness.get_by_label("Date format").click();
    settle(&mut harness);
    harness
        .get_by_label(&DateFormat::DayMonthName.label())
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().persisted().date_format,
        DateFormat::DayMonthName
    );

    harness
        .get_by_role_and_label(A11yRole::SpinButton, "Keep the last")
        .set_value_accesskit(12.0);
    settle(&mut harness);
    harness
        .get_by_label("Back up automatically once a day, when Cinedex starts")
        .click();
    settle(&mut harness);
    let kept = harness.state().persisted().backups;
    assert_eq!((kept.kept, kept.automatic), (12, false));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    wait_until(&mut harness, |h| shows(h, "9 May 2024"));
    assert!(shows(&harness, "9 Jan 2024"));
    assert!(!shows(&harness, "2024-01-09"));

    // The next run starts with what was chosen.
    let remembered = harness.state().persisted();
    drop(harness);
    let mut harness = harness_with(&path, remembered);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    wait_until(&mut harness, |h| shows(h, "9 Mar 2024"));
    assert_eq!(harness.state().persisted().backups.kept, 12);
}

#[test]
fn back_up_now_writes_a_catalog_beside_this_one_and_says_where() {
    let (_dir, path) = catalog_with(&three_films());
    let persisted = PersistedState {
        backups: cinedex::ui::BackupSettings {
            automatic: false,
            kept: 5,
        },
        ..PersistedState::default()
    };
    let mut harness = harness_with(&path, persisted);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Comma);
    wait_until(&mut harness, |h| names(h, "Open another catalog…"));
    button(&harness, "Back up now").click();
    wait_until(&mut harness, |h| {
        h.query_all_by(|n| {
            n.value()
                .is_some_and(|v| v.starts_with("Backed up the catalog to"))
        })
        .next()
        .is_some()
    });
    let backups = cinedex::db::list_backups(&path).unwrap();
    assert_eq!(backups.len(), 1);
    let copy = Catalog::open(&backups[0].path).unwrap();
    assert_eq!(copy.film_ids(&Default::default()).unwrap().len(), 3);
}

#[test]
fn another_catalog_opens_from_preferences_and_a_bad_one_is_explained() {
    let (_dir, path) = catalog_with(&three_films());
    let (_other_dir, other) = catalog_with(&[film("Stalker", 1979, "Andrei Tarkovsky")]);
    let mut harness = harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Comma);
    wait_until(&mut harness, |h| names(h, "Open another catalog…"));

    let not_a_catalog = other.with_file_name("notes.txt");
    std::fs::write(&not_a_catalog, "just some words, not a database at all").unwrap();
    type_into(
        &mut harness,
        "Open another catalog…",
        &not_a_catalog.display().to_string(),
    );
    button(&harness, "Open").click();
    wait_until(&mut harness, |h| {
        h.query_all_by(|n| {
            n.value()
                .is_some_and(|v| v.contains("is not a Cinedex catalog"))
        })
        .next()
        .is_some()
    });
    assert!(
        shows(&harness, "Metropolis"),
        "the current catalog stays open"
    );

    text_field(&harness, "Open another catalog…").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, "Open another catalog…").type_text(&other.display().to_string());
    settle(&mut harness);
    button(&harness, "Open").click();
    wait_until(&mut harness, |h| {
        shows(h, "Stalker") && !shows(h, "Metropolis")
    });
    assert_eq!(
        harness.state().persisted().catalog_path.as_deref(),
        Some(other.as_path())
    );
}
