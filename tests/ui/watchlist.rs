//! The Diary and the Watchlist kept in step with edits made in the editor, and the titles typed
//! into the Watchlist's form.

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

/// A title typed into the Watchlist's form is resolved in the write: two films of that title
/// and no year is a sentence and nothing stored; with the year it is that film, and no film is
/// added to the catalog.
#[test]
fn a_typed_title_of_two_films_asks_for_the_year_and_stores_nothing() {
    let (_dir, path) = catalog_with(&[
        film("Solaris", 1972, "Andrei Tarkovsky"),
        film("Solaris", 2002, "Steven Soderbergh"),
    ]);
    let mut harness = harness(&path);
    button(&harness, "Watchlist").click();
    settle(&mut harness);
    type_into(&mut harness, "Title to add", "solaris");
    button(&harness, "Add to watchlist").click();
    settle(&mut harness);
    assert!(shows(
        &harness,
        "2 films in the catalog are titled \"solaris\", so nothing was changed; add the year to choose one."
    ));
    let catalog = Catalog::open(&path).unwrap();
    assert!(catalog.watchlist(Default::default()).unwrap().is_empty());

    type_into(&mut harness, "Year to add", "2002");
    button(&harness, "Add to watchlist").click();
    settle(&mut harness);
    let listed = catalog.watchlist(Default::default()).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].film.title.as_str(), listed[0].film.year),
        ("Solaris", Some(2002))
    );
    assert_eq!(catalog.counts().unwrap().films, 2, "no film was added");
}
