//! The Stats view: charts, top lists, clicking a name or a bar.

use super::support::*;

#[test]
fn the_stats_tab_shows_charts_and_the_year_in_review() {
    let (_dir, path) = catalog_with_diary();
    let mut harness = harness(&path);
    harness.get_by_label("Stats").click();
    wait_until(&mut harness, |h| shows(h, "2024 in review"));
    for title in [
        "Films watched per month, 2024",
        "Ratings",
        "Hours watched per year",
        "Films by decade",
        "Top directors",
        "Top actors",
        "Top languages",
        "Top countries",
    ] {
        assert!(shows(&harness, title), "no “{title}”");
    }
    assert!(shows(&harness, "3 films watched"));
    assert!(shows(&harness, "4 viewings"));
    assert!(shows(&harness, "1 rewatches"));
}

#[test]
fn stats_of_an_empty_diary_say_how_to_start() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    wait_until(&mut harness, |h| shows(h, "No films watched yet"));
    assert!(shows(&harness, "cinedex log"));
    assert!(!shows(&harness, "Films by decade"));
}

#[test]
fn clicking_a_director_in_the_stats_searches_the_catalog() {
    let (_dir, path) = catalog_with_diary();
    let mut harness = harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    wait_until(&mut harness, |h| shows(h, "Top directors"));
    harness.get_by_label("Fritz Lang").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().persisted().view,
        cinedex::ui::MainView::Catalog
    );
    assert_eq!(
        text_field(&harness, "Search").value().as_deref(),
        Some("Fritz Lang")
    );
    assert_eq!(
        table_titles(&harness, &["Amélie", "Rust and Bone", "Metropolis"]),
        ["Metropolis"]
    );
}

#[test]
fn clicking_a_month_bar_shows_that_month_in_the_diary() {
    let (_dir, path) = catalog_with_diary();
    let mut harness = harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    wait_until(&mut harness, |h| shows(h, "Films watched per month, 2024"));
    // Walk the pointer along the bottom of the monthly chart, clicking, until a bar answers:
    // the first bar with viewings from the left is January's.
    let title = harness.get_by_label("Films watched per month, 2024").rect();
    let y = title.bottom() + 110.0;
    let mut x = title.left();
    while harness.state().persisted().view != cinedex::ui::MainView::Diary {
        assert!(x < title.left() + 700.0, "no bar answered a click");
        let at = egui::pos2(x, y);
        harness.hover_at(at);
        harness.step();
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
        harness.step();
        harness.step();
        x += 4.0;
    }
    settle(&mut harness);
    assert_eq!(
        harness
            .get_by_role_and_label(A11yRole::ComboBox, "Month filter")
            .value()
            .as_deref(),
        Some("January")
    );
    assert!(shows(&harness, "January 2024"));
    assert!(!shows(&harness, "March 2024"));
    button(&harness, "Clear filters").click();
    wait_until(&mut harness, |h| shows(h, "March 2024"));
}
