//! The window, driven headless with egui_kittest over a real catalog file in a temp folder.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cinedex::db::Catalog;
use cinedex::model::{Credit, Film, Role};
use cinedex::ui::{App, PersistedState};
use eframe::egui::{self, accesskit::Role as A11yRole};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use egui_system_font_provider::SystemFontProvider;

/// A catalog file in a fresh temp folder, seeded with `films`.
fn catalog_with(films: &[Film]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite3");
    let mut catalog = Catalog::open(&path).unwrap();
    for film in films {
        catalog.create_film(film).unwrap();
    }
    (dir, path)
}

fn film(title: &str, year: i32, director: &str) -> Film {
    let mut film = Film::titled(title);
    film.year = Some(year);
    film.credits.push(Credit::new(director, Role::Director));
    film
}

fn three_films() -> Vec<Film> {
    vec![
        film("Amélie", 2001, "Jean-Pierre Jeunet"),
        film("Rust and Bone", 2012, "Jacques Audiard"),
        film("Metropolis", 1927, "Fritz Lang"),
    ]
}

fn harness(path: &Path) -> Harness<'static, App> {
    harness_with(path, PersistedState::default())
}

fn harness_with(path: &Path, persisted: PersistedState) -> Harness<'static, App> {
    harness_of(App::new(Catalog::open(path).unwrap(), persisted))
}

fn harness_of(app: App) -> Harness<'static, App> {
    // The real window falls back to the system's fonts for stars, symbols and CJK; so does this.
    // A machine without them draws boxes rather than failing the test.
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(SystemFontProvider::new()));
        })
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    settle(&mut harness);
    harness
}

/// Runs frames until `done` holds (the search worker answers on its own thread) and the ui has
/// settled, then checks every input is named. Panics after a timeout.
fn wait_until(harness: &mut Harness<'_, App>, done: impl Fn(&Harness<'_, App>) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        harness.step();
        // A late answer from the worker (on a busy machine) relayouts the table for a few frames.
        if done(harness) && harness.run_ok().is_some() && done(harness) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for the window"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.check_accessibility();
}

/// Waits for the search worker, then settles.
fn settle(harness: &mut Harness<'_, App>) {
    wait_until(harness, |h| !h.state().is_loading());
}

fn text_field<'h>(harness: &'h Harness<'_, App>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(A11yRole::TextInput, label)
}

fn button<'h>(harness: &'h Harness<'_, App>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(A11yRole::Button, label)
}

fn type_into(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    text_field(harness, label).focus();
    settle(harness);
    text_field(harness, label).type_text(text);
    settle(harness);
}

/// Types `text` into the film editor's Notes.
fn type_notes(harness: &mut Harness<'_, App>, text: &str) {
    harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Notes")
        .focus();
    settle(harness);
    harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Notes")
        .type_text(text);
    settle(harness);
}

/// The titles in the table, top to bottom.
fn table_titles(harness: &Harness<'_, App>, titles: &[&str]) -> Vec<String> {
    harness
        .query_all_by(|node| {
            node.role() == A11yRole::Label
                && node.value().is_some_and(|v| titles.contains(&v.as_str()))
        })
        .filter_map(|node| node.value())
        .collect()
}

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
fn only_the_ui_layer_knows_egui() {
    fn visit(dir: &Path, offenders: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with("ui") {
                continue;
            }
            if path.is_dir() {
                visit(&path, offenders);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.contains("egui") || text.contains("eframe") {
                    offenders.push(path);
                }
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    visit(&src, &mut offenders);
    offenders.retain(|p| !p.ends_with("main.rs") && !p.ends_with("lib.rs"));
    assert!(offenders.is_empty(), "egui outside src/ui: {offenders:?}");
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
            .0
    };
    let mut harness = harness(&path);
    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    assert!(harness.query_by_label("Sight and Sound").is_some());
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
fn keyboard_shortcuts_search_new_and_revert() {
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
    // The first Escape leaves the text field, the second reverts.
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    harness.key_press(egui::Key::Escape);
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
fn the_diary_is_exported_to_a_typed_path() {
    use cinedex::db::FilmChoice;
    use cinedex::model::DiaryEntry;
    let (dir, path) = catalog_with(&three_films());
    {
        let mut catalog = Catalog::open(&path).unwrap();
        let id = catalog.film_ids(&Default::default()).unwrap()[0];
        let entry = DiaryEntry {
            id: None,
            film_id: id,
            watched_on: chrono::NaiveDate::from_ymd_opt(2024, 3, 9).unwrap(),
            rating_half_stars: Some(7),
            rewatch: false,
            liked: true,
            review: "Still \"perfect\", even on a small screen.".into(),
            tags: Vec::new(),
        };
        catalog
            .add_diary_entry(&FilmChoice::Stored(id), &entry)
            .unwrap();
    }
    let mut harness = harness(&path);
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Export diary…").click();
    settle(&mut harness);
    let target = dir.path().join("exports").join("my-diary.csv");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    text_field(&harness, "File").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, "File").type_text(target.to_str().unwrap());
    settle(&mut harness);
    button(&harness, "Export").click();
    wait_until(&mut harness, |h| {
        h.query_all_by_label_contains("Exported the diary to")
            .next()
            .is_some()
    });
    let mut rows = csv::Reader::from_path(&target).unwrap();
    let headers = rows.headers().unwrap().clone();
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1);
    let row: Vec<(&str, &str)> = headers.iter().zip(records[0].iter()).collect();
    assert!(
        row.contains(&("title", "Amélie")) || row.iter().any(|(_, v)| *v == "Amélie"),
        "{row:?}"
    );
    assert!(
        row.iter().any(|(_, v)| v.contains("\"perfect\"")),
        "{row:?}"
    );

    // A folder that does not exist: the sentence shows in the dialog, nothing is written.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut harness);
    let missing = dir.path().join("no such folder").join("list.csv");
    text_field(&harness, "File").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, "File").type_text(missing.to_str().unwrap());
    settle(&mut harness);
    button(&harness, "Export").click();
    wait_until(&mut harness, |h| {
        h.query_all_by_label_contains("Cannot write the file")
            .next()
            .is_some()
    });
    assert!(!missing.exists());
}

/// Three films; Amélie watched twice in 2024 (once as a rewatch), the others once each.
fn catalog_with_diary() -> (tempfile::TempDir, PathBuf) {
    use cinedex::db::FilmChoice;
    use cinedex::model::DiaryEntry;
    let (dir, path) = catalog_with(&three_films());
    let mut catalog = Catalog::open(&path).unwrap();
    let ids = catalog.film_ids(&Default::default()).unwrap();
    for (n, (id, month)) in ids.iter().zip([1, 3, 3]).chain([(&ids[0], 5)]).enumerate() {
        let entry = DiaryEntry {
            id: None,
            film_id: *id,
            watched_on: chrono::NaiveDate::from_ymd_opt(2024, month, 9).unwrap(),
            rating_half_stars: Some(6 + n as u8),
            rewatch: n == 3,
            liked: false,
            review: String::new(),
            tags: Vec::new(),
        };
        catalog
            .add_diary_entry(&FilmChoice::Stored(*id), &entry)
            .unwrap();
    }
    (dir, path)
}

fn shows(harness: &Harness<'_, App>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

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

/// What the import dialog's Kind list shows.
fn import_kind(harness: &Harness<'_, App>) -> Option<String> {
    harness
        .get_by_role_and_label(A11yRole::ComboBox, "Kind")
        .value()
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

/// True when some widget is named `text` (a label, a heading, a window title).
fn names(harness: &Harness<'_, App>, text: &str) -> bool {
    harness.query_by_label(text).is_some()
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

#[test]
fn a_long_title_is_cut_in_the_diary_and_its_buttons_stay_in_the_window() {
    use cinedex::db::FilmChoice;
    use cinedex::model::DiaryEntry;
    let long = "The Assassination of Jesse James by the Coward Robert Ford, ".repeat(6);
    let long = long.trim_end_matches([',', ' ']);
    let (_dir, path) = catalog_with(&[film(long, 2007, "Andrew Dominik")]);
    let mut catalog = Catalog::open(&path).unwrap();
    let id = catalog.film_ids(&Default::default()).unwrap()[0];
    let entry = DiaryEntry {
        id: None,
        film_id: id,
        watched_on: chrono::NaiveDate::from_ymd_opt(2024, 3, 9).unwrap(),
        rating_half_stars: Some(9),
        rewatch: false,
        liked: true,
        review: String::new(),
        tags: Vec::new(),
    };
    catalog
        .add_diary_entry(&FilmChoice::Stored(id), &entry)
        .unwrap();
    let persisted = PersistedState {
        date_format: cinedex::dates::DateFormat::Iso,
        ..PersistedState::default()
    };
    let app = App::new(Catalog::open(&path).unwrap(), persisted);
    let mut harness = Harness::builder()
        .with_size([900.0, 600.0])
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    let label = format!("{long} (2007)");
    wait_until(&mut harness, |h| names(h, &label));
    let title = harness.get_by_label(&label);
    assert!(title.rect().width() < 500.0, "cut to part of the row");
    let edit_label = format!("Edit {label} on 2024-03-09");
    let edit = button(&harness, &edit_label);
    assert!(edit.rect().max.x <= 900.0, "Edit stays in the window");
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
#[path = "ui/import_pick.rs"]
mod import_pick;
