//! The diary and the watchlist in the window: a viewing logged with half stars, and a watchlist
//! item marked watched.

use crate::shared::records::{day, film, wish};
use crate::support::{
    catalog_with, egui, harness, replace_text, settle, type_into, App, Catalog, Harness, Queryable,
};
use cinedex::db::{DiaryFilter, FilmChoice, WatchlistSort};

/// Clicks the left half of a node: half a star on a star button.
fn click_left_half(harness: &Harness<'_, App>, label: &str) {
    let rect = harness.get_by_label(label).rect();
    let pos = egui::pos2(rect.left() + rect.width() * 0.25, rect.center().y);
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
}

#[test]
fn a_viewing_logged_with_three_and_a_half_stars_shows_under_its_month() {
    let (_dir, path) = catalog_with(&[]);
    Catalog::open(&path)
        .unwrap()
        .create_film(&film("Paterson", 2016, "Jim Jarmusch", 118))
        .unwrap();
    let mut harness = harness(&path);
    harness.get_by_label("Diary").click();
    settle(&mut harness);
    assert!(harness.query_by_label("No diary entries yet.").is_some());

    harness.get_by_label("Log a viewing…").click();
    settle(&mut harness);
    type_into(&mut harness, "Film title", "pater");
    harness
        .get_by_label("Paterson (2016) — Jim Jarmusch")
        .click();
    settle(&mut harness);
    replace_text(&mut harness, "Date", "2024-03-09");
    click_left_half(&harness, "4 stars");
    settle(&mut harness);
    assert!(
        harness.query_by_label("★★★½").is_some(),
        "the form shows 3.5 stars"
    );
    harness.get_by_label("Save entry").click();
    settle(&mut harness);

    assert!(harness.query_by_label("March 2024").is_some());
    assert!(harness.query_by_label("Paterson (2016)").is_some());
    let rows = Catalog::open(&path)
        .unwrap()
        .diary(&DiaryFilter::default())
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].entry.watched_on, day("2024-03-09"));
    assert_eq!(rows[0].entry.rating_half_stars, Some(7));
}

#[test]
fn a_watchlist_item_marked_watched_moves_to_the_diary() {
    let (_dir, path) = catalog_with(&[]);
    let mut catalog = Catalog::open(&path).unwrap();
    for (title, year) in [("Beau Travail", 1999), ("Solaris", 1972)] {
        let choice = FilmChoice::New(Box::new(film(title, year, "Someone", 100)));
        catalog
            .add_to_watchlist(&choice, &wish(3, "2024-01-01", ""))
            .unwrap();
    }
    drop(catalog);
    let mut harness = harness(&path);
    harness.get_by_label("Watchlist").click();
    settle(&mut harness);
    assert!(harness.query_by_label("Beau Travail (1999)").is_some());

    harness.get_by_label("Watched Beau Travail (1999)").click();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Num5);
    settle(&mut harness);
    harness.get_by_label("Save to diary").click();
    settle(&mut harness);
    assert!(harness.query_by_label("Beau Travail (1999)").is_none());
    assert!(harness.query_by_label("Solaris (1972)").is_some());

    harness.get_by_label("Diary").click();
    settle(&mut harness);
    assert!(harness.query_by_label("Beau Travail (1999)").is_some());
    let catalog = Catalog::open(&path).unwrap();
    let listed = catalog.watchlist(WatchlistSort::Position).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].item.position, 0);
    let rows = catalog.diary(&DiaryFilter::default()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].film.title, "Beau Travail");
    assert_eq!(rows[0].entry.rating_half_stars, Some(9));
}
