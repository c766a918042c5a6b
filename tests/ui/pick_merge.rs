//! "Pick for me" and "Find duplicates…" in the window: a seeded pick shows the film the library
//! picks, Another and Log a viewing…; a merge previewed, made, then undone with Ctrl+Z.

use cinedex::db::{DiaryFilter, FilmChoice, PickFrom};
use cinedex::model::DiaryEntry;

use super::support::*;
use crate::shared::records::viewing;

#[test]
fn a_seeded_pick_shows_the_film_the_library_picks_and_another_and_logs_it() {
    let mut dramas: Vec<Film> = ["Tokyo Story", "Late Spring", "Early Summer"]
        .iter()
        .zip([1953, 1949, 1951])
        .map(|(title, year)| {
            let mut film = film(title, year, "Yasujirō Ozu");
            film.genres = vec!["Drama".into()];
            film
        })
        .collect();
    dramas.push(film("Playtime", 1967, "Jacques Tati"));
    let (_dir, path) = catalog_with(&dramas);
    let expected = Catalog::open(&path)
        .unwrap()
        .pick("genre:drama", PickFrom::Catalog, 42)
        .unwrap()
        .unwrap();
    assert_eq!(expected.candidates, 3);
    let label = format!("{} ({})", expected.film.title, expected.film.year.unwrap());

    let mut harness = harness(&path);
    harness.state_mut().set_pick_seed(42);
    type_into(&mut harness, "Search", "genre:drama");
    button(&harness, "Pick for me…").click();
    wait_until(&mut harness, |h| names(h, &label));
    assert!(shows(&harness, "Chosen from 3 films."));
    assert!(shows(&harness, "cinedex pick --seed 42 -- 'genre:drama'"));

    button(&harness, "Another").click();
    wait_until(&mut harness, |h| !names(h, &label) && shows(h, "--seed"));
    let another = harness
        .query_all_by_role(A11yRole::Label)
        .filter_map(|n| n.value())
        .find(|v| {
            [
                "Tokyo Story (1953)",
                "Late Spring (1949)",
                "Early Summer (1951)",
            ]
            .contains(&v.as_str())
        })
        .expect("another drama is shown");
    assert_ne!(another, label);

    button(&harness, "Log a viewing…").click();
    wait_until(&mut harness, |h| names(h, "Save entry"));
    button(&harness, "Save entry").click();
    wait_until(&mut harness, |h| shows(h, "Saved the diary entry."));
    let diary = Catalog::open(&path)
        .unwrap()
        .diary(&DiaryFilter::default())
        .unwrap();
    assert_eq!(diary.len(), 1);
    assert_eq!(
        format!("{} ({})", diary[0].film.title, diary[0].film.year.unwrap()),
        another
    );
}

/// Rear Window stored twice: once with its director, once with a runtime, a genre and a viewing.
fn catalog_with_a_duplicate() -> (tempfile::TempDir, PathBuf) {
    let mut bare = Film::titled("Rear Window");
    bare.year = Some(1954);
    bare.runtime_min = Some(112);
    bare.genres = vec!["Thriller".into()];
    let (dir, path) = catalog_with(&[film("Rear Window", 1954, "Alfred Hitchcock"), bare]);
    let mut catalog = Catalog::open(&path).unwrap();
    let second = catalog.films_titled("Rear Window", Some(1954)).unwrap()[1].id;
    let entry = DiaryEntry {
        film_id: second,
        liked: true,
        ..viewing("2024-06-01", Some(9), &[])
    };
    catalog
        .add_diary_entry(&FilmChoice::Stored(second), &entry)
        .unwrap();
    (dir, path)
}

/// A stored film: its id, runtime and genres.
type Stored = (i64, Option<u32>, Vec<String>);

/// The stored Rear Windows, and the film each viewing is of.
fn stored(path: &Path) -> (Vec<Stored>, Vec<i64>) {
    let catalog = Catalog::open(path).unwrap();
    let films = catalog
        .films_titled("Rear Window", Some(1954))
        .unwrap()
        .iter()
        .map(|m| {
            let film = catalog.film(m.id).unwrap().unwrap();
            (m.id.0, film.runtime_min, film.genres)
        })
        .collect();
    let viewings = catalog
        .diary(&DiaryFilter::default())
        .unwrap()
        .iter()
        .map(|r| r.entry.film_id.0)
        .collect();
    (films, viewings)
}

#[test]
fn duplicates_are_previewed_merged_as_one_step_and_undone_whole() {
    let (_dir, path) = catalog_with_a_duplicate();
    let (before, viewings) = stored(&path);
    let (keep, other) = (before[0].0, before[1].0);
    assert_eq!(viewings, [other]);

    let mut harness = harness(&path);
    harness.get_by_label("Edit").click();
    settle(&mut harness);
    harness.get_by_label("Find duplicates…").click();
    wait_until(&mut harness, |h| {
        shows(
            h,
            "Both are titled \"Rear Window\", from 1954, and one names no director.",
        )
    });
    let pair = format!("Rear Window (1954) (#{keep})  ·  Rear Window (1954) (#{other})");
    harness.get_by_label(&pair).click();
    wait_until(&mut harness, |h| {
        shows(h, "Moves to the film kept: 1 viewing.")
    });
    assert!(shows(&harness, "Runtime: 112 min"));
    assert!(shows(&harness, "Genres: + Thriller"));
    assert_eq!(
        stored(&path),
        (before.clone(), viewings.clone()),
        "a preview changes nothing"
    );

    button(&harness, "Merge").click();
    wait_until(&mut harness, |h| shows(h, "Merged Rear Window (1954) into"));
    assert_eq!(
        stored(&path),
        (
            vec![(keep, Some(112), vec!["Thriller".to_owned()])],
            vec![keep]
        )
    );
    wait_until(&mut harness, |h| shows(h, "No likely duplicates"));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_until(&mut harness, |h| shows(h, "Undid the merge."));
    assert_eq!(
        stored(&path),
        (before, viewings),
        "both films back, the viewing on its own"
    );
    wait_until(&mut harness, |h| {
        shows(h, "1 pair of films looks like one film.")
    });
}

/// Escape is Dismiss for these windows too: the one opened last closes first, then the other,
/// and the film editor's unsaved edit is still there.
#[test]
fn escape_closes_pick_for_me_then_duplicates_and_keeps_the_unsaved_edit() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    wait_until(&mut harness, |h| !h.state().is_loading());
    harness.get_by_label("Metropolis").click();
    settle(&mut harness);
    type_into(&mut harness, "Title", " (restored)");
    // The first Escape leaves the text field.
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);

    harness.get_by_label("Edit").click();
    settle(&mut harness);
    harness.get_by_label("Find duplicates…").click();
    wait_until(&mut harness, |h| shows(h, "No likely duplicates"));
    button(&harness, "Pick for me…").click();
    wait_until(&mut harness, |h| shows(h, "Chosen from 3 films."));

    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(!shows(&harness, "Chosen from"), "Pick for me closed first");
    assert!(shows(&harness, "No likely duplicates"));
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(!shows(&harness, "No likely duplicates"), "then Duplicates");

    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert_unsaved_title_kept(&harness, "Metropolis (restored)");
}
