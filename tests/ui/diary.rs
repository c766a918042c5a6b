//! The Diary: exporting it, long titles.

use super::support::*;
use crate::shared::records::viewing;

#[test]
fn the_diary_is_exported_to_a_typed_path() {
    use cinedex::db::FilmChoice;
    use cinedex::model::DiaryEntry;
    let (dir, path) = catalog_with(&three_films());
    {
        let mut catalog = Catalog::open(&path).unwrap();
        let id = catalog.film_ids(&Default::default()).unwrap()[0];
        let entry = DiaryEntry {
            film_id: id,
            liked: true,
            review: "Still \"perfect\", even on a small screen.".into(),
            ..viewing("2024-03-09", Some(7), &[])
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
    replace_text(&mut harness, "File", target.to_str().unwrap());
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
    replace_text(&mut harness, "File", missing.to_str().unwrap());
    button(&harness, "Export").click();
    wait_until(&mut harness, |h| {
        h.query_all_by_label_contains("Cannot write the file")
            .next()
            .is_some()
    });
    assert!(!missing.exists());
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
        film_id: id,
        liked: true,
        ..viewing("2024-03-09", Some(9), &[])
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
