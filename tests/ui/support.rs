//! What every window test uses: catalogs in temp folders, the harness, and finding widgets.

pub use std::path::{Path, PathBuf};
use std::sync::Arc;
pub use std::time::{Duration, Instant};

pub use cinedex::db::Catalog;
pub use cinedex::model::{Credit, Film, Role};
pub use cinedex::ui::{App, HtmlClipboard, PersistedState};
pub use eframe::egui::{self, accesskit::Role as A11yRole};
pub use egui_kittest::kittest::Queryable;
pub use egui_kittest::Harness;
use egui_system_font_provider::SystemFontProvider;

/// A catalog file in a fresh temp folder, seeded with `films`.
pub fn catalog_with(films: &[Film]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite3");
    let mut catalog = Catalog::open(&path).unwrap();
    for film in films {
        catalog.create_film(film).unwrap();
    }
    (dir, path)
}

pub fn film(title: &str, year: i32, director: &str) -> Film {
    let mut film = Film::titled(title);
    film.year = Some(year);
    film.credits.push(Credit::new(director, Role::Director));
    film
}

pub fn three_films() -> Vec<Film> {
    vec![
        film("Amélie", 2001, "Jean-Pierre Jeunet"),
        film("Rust and Bone", 2012, "Jacques Audiard"),
        film("Metropolis", 1927, "Fritz Lang"),
    ]
}

pub fn harness(path: &Path) -> Harness<'static, App> {
    harness_with(path, PersistedState::default())
}

pub fn harness_with(path: &Path, persisted: PersistedState) -> Harness<'static, App> {
    harness_copied(path, persisted, None)
}

/// The clipboard of a test: the HTML a browser would have put beside the copied text, or none.
/// The harness has no system clipboard, and a test never reads the machine's.
pub struct CopiedHtml(pub Option<String>);

impl HtmlClipboard for CopiedHtml {
    fn html(&mut self) -> Option<String> {
        self.0.clone()
    }
}

/// The window on the catalog at `path`, whose clipboard holds `html` beside any pasted text.
pub fn harness_copied(
    path: &Path,
    persisted: PersistedState,
    html: Option<&str>,
) -> Harness<'static, App> {
    let clipboard = Box::new(CopiedHtml(html.map(str::to_owned)));
    harness_of(App::new(Catalog::open(path).unwrap(), persisted).with_clipboard(clipboard))
}

pub fn harness_of(app: App) -> Harness<'static, App> {
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

/// Opens Import review… and pastes `text` into it, the clipboard holding `html` beside it; waits
/// for the catalog's memory to be used.
pub fn paste_into_dialog(path: &Path, text: &str, html: Option<&str>) -> Harness<'static, App> {
    let mut harness = harness_copied(path, PersistedState::default(), html);
    button(&harness, "Import review…").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, "Pasted review")
        .focus();
    settle(&mut harness);
    harness.event(egui::Event::Paste(text.to_owned()));
    settle(&mut harness);
    harness
}

/// Runs frames until `done` holds (the search worker answers on its own thread) and the ui has
/// settled, then checks every input is named. Panics after a timeout.
pub fn wait_until(harness: &mut Harness<'_, App>, done: impl Fn(&Harness<'_, App>) -> bool) {
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
pub fn settle(harness: &mut Harness<'_, App>) {
    wait_until(harness, |h| !h.state().is_loading());
}

/// Asserts that the editor still holds the unsaved title `title` (Escape never discards edits).
pub fn assert_unsaved_title_kept(harness: &Harness<'_, App>, title: &str) {
    assert_eq!(
        text_field(harness, "Title").value().as_deref(),
        Some(title),
        "the unsaved edit is kept"
    );
    assert!(harness.query_by_label("Unsaved changes").is_some());
}

pub fn text_field<'h>(harness: &'h Harness<'_, App>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(A11yRole::TextInput, label)
}

pub fn button<'h>(harness: &'h Harness<'_, App>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(A11yRole::Button, label)
}

pub fn type_into(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    text_field(harness, label).focus();
    settle(harness);
    text_field(harness, label).type_text(text);
    settle(harness);
}

/// Puts `text` in place of what the field named `label` holds.
pub fn replace_text(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    text_field(harness, label).focus();
    settle(harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    settle(harness);
    text_field(harness, label).type_text(text);
    settle(harness);
}

/// Types `text` into the film editor's Notes.
pub fn type_notes(harness: &mut Harness<'_, App>, text: &str) {
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
pub fn table_titles(harness: &Harness<'_, App>, titles: &[&str]) -> Vec<String> {
    harness
        .query_all_by(|node| {
            node.role() == A11yRole::Label
                && node.value().is_some_and(|v| titles.contains(&v.as_str()))
        })
        .filter_map(|node| node.value())
        .collect()
}

/// Three films; Amélie watched twice in 2024 (once as a rewatch), the others once each.
pub fn catalog_with_diary() -> (tempfile::TempDir, PathBuf) {
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

pub fn shows(harness: &Harness<'_, App>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// What the import dialog's Kind list shows.
pub fn import_kind(harness: &Harness<'_, App>) -> Option<String> {
    harness
        .get_by_role_and_label(A11yRole::ComboBox, "Kind")
        .value()
}

/// True when some widget is named `text` (a label, a heading, a window title).
pub fn names(harness: &Harness<'_, App>, text: &str) -> bool {
    harness.query_by_label(text).is_some()
}

/// Three films; Metropolis watched on 9 March 2024, and on the watchlist as well.
pub fn catalog_with_metropolis_listed() -> (tempfile::TempDir, PathBuf) {
    use cinedex::db::FilmChoice;
    use cinedex::model::{DiaryEntry, WatchlistItem};
    let (dir, path) = catalog_with(&three_films());
    let mut catalog = Catalog::open(&path).unwrap();
    let metropolis = catalog.films_titled("Metropolis", Some(1927)).unwrap()[0].id;
    let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 9).unwrap();
    let entry = DiaryEntry {
        id: None,
        film_id: metropolis,
        watched_on: day,
        rating_half_stars: Some(8),
        rewatch: false,
        liked: false,
        review: String::new(),
        tags: Vec::new(),
    };
    let chosen = FilmChoice::Stored(metropolis);
    catalog.add_diary_entry(&chosen, &entry).unwrap();
    let wish = WatchlistItem {
        id: None,
        film_id: metropolis,
        added_on: day,
        priority: 3,
        note: String::new(),
        position: 0,
    };
    catalog.add_to_watchlist(&chosen, &wish).unwrap();
    (dir, path)
}

/// Shows the Diary, then the Watchlist (Ctrl+2, Ctrl+3), and says what each names `label`.
pub fn diary_and_watchlist_show(harness: &mut Harness<'_, App>, label: &str) -> [bool; 2] {
    let mut seen = [false; 2];
    for (key, seen) in [egui::Key::Num2, egui::Key::Num3]
        .into_iter()
        .zip(&mut seen)
    {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
        settle(harness);
        *seen = names(harness, label);
    }
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    settle(harness);
    seen
}

/// How long the window may wait before its next frame, as the last frame asked.
pub fn repaint_delay(harness: &Harness<'_, App>) -> Duration {
    harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
}

/// Runs frames until five in a row ask for no next frame (the window is idle), dismissing
/// start-up toasts (e.g. no CJK font here), which count down; panics after 20 s.
pub fn wait_until_idle(harness: &mut Harness<'_, App>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut idle_frames = 0;
    while idle_frames < 5 {
        assert!(
            Instant::now() < deadline,
            "still repainting: {:?}",
            harness.ctx.repaint_causes()
        );
        std::thread::sleep(Duration::from_millis(100));
        harness.step();
        if let Some(dismiss) = harness.query_by_label("✖") {
            dismiss.click();
            idle_frames = 0;
            continue;
        }
        idle_frames = if repaint_delay(harness) == Duration::MAX {
            idle_frames + 1
        } else {
            0
        };
    }
}
