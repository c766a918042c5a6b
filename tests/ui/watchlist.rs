//! The Diary and the Watchlist kept in step with edits made in the editor.

use super::support::*;

/// The Diary and the Watchlist, read once, read again after the film they name is renamed in the
/// editor (they used to keep showing the old title until some other write).
#[test]
fn a_renamed_film_shows_its_new_title_in_the_diary_and_the_watchlist() {
    let (_dir, path) = catalog_with_metropolis_listed();
    let mut harness = harness(&path);
    let old = "Metropolis (1927)";
    assert_eq!(diary_and_watchlist_show(&mut harness, old), [true, true]);

    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    text_field(&harness, "Title").focus();
    settle(&mut harness);
    harness.key_press(egui::Key::End);
    text_field(&harness, "Title").type_text(" Restored");
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    assert!(shows(&harness, "Saved “Metropolis Restored”."));

    let new = "Metropolis Restored (1927)";
    assert_eq!(diary_and_watchlist_show(&mut harness, new), [true, true]);
    assert_eq!(diary_and_watchlist_show(&mut harness, old), [false, false]);
}

/// A film deleted from the editor leaves the Diary and the Watchlist at once, and comes back to
/// both with Undo.
#[test]
fn a_deleted_film_is_gone_from_the_diary_and_the_watchlist() {
    let (_dir, path) = catalog_with_metropolis_listed();
    let mut harness = harness(&path);
    let label = "Metropolis (1927)";
    assert_eq!(diary_and_watchlist_show(&mut harness, label), [true, true]);

    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    harness.key_press(egui::Key::Delete);
    settle(&mut harness);
    button(&harness, "Delete").click();
    settle(&mut harness);
    assert_eq!(
        diary_and_watchlist_show(&mut harness, label),
        [false, false]
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(diary_and_watchlist_show(&mut harness, label), [true, true]);
}
