//! The film editor's poster (a typed path, a dropped file, a pasted image, Remove poster, undo;
//! bad images refused with the library's sentence) and TMDb's Look up… and Fill in missing
//! data…, against a real HTTP server on 127.0.0.1 (`tests/support/local_tmdb.rs`).

use std::sync::{Arc, OnceLock};

use cinedex::model::{ExternalId, FilmId, PosterSize};
use cinedex::ui::ApiKey;

use crate::shared::local_tmdb::{LocalTmdb, Mode};
use crate::shared::poster_png;
use crate::support::*;

/// One local TMDb for every test here: the window reads its address from `CINEDEX_TMDB_URL`,
/// which is set once, before any window asks.
fn local_tmdb() -> &'static LocalTmdb {
    static SERVER: OnceLock<LocalTmdb> = OnceLock::new();
    SERVER.get_or_init(|| {
        let server = LocalTmdb::start(Mode::Normal);
        std::env::set_var("CINEDEX_TMDB_URL", server.api_url());
        server
    })
}

fn film_titled(path: &Path, title: &str) -> FilmId {
    Catalog::open(path)
        .unwrap()
        .films_titled(title, None)
        .unwrap()[0]
        .id
}

/// The window with `film` open in the editor and, when `key` is given, that TMDb key in
/// Preferences.
fn editor_on(path: &Path, film: FilmId, key: Option<&str>) -> Harness<'static, App> {
    harness_with(
        path,
        PersistedState {
            selected: Some(film),
            tmdb_key: ApiKey(key.unwrap_or_default().to_owned()),
            ..PersistedState::default()
        },
    )
}

/// Runs frames until no image is being read and TMDb has answered.
fn wait_for_workers(harness: &mut Harness<'_, App>) {
    wait_until(harness, |h| !h.state().looking_up());
}

fn disabled(harness: &Harness<'_, App>, label: &str) -> bool {
    egui_kittest::kittest::NodeT::accesskit_node(&button(harness, label)).is_disabled()
}

fn undo(harness: &mut Harness<'_, App>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(harness);
}

/// A file dropped on the window, as the desktop hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_typed_image_path_becomes_the_poster_and_undo_takes_it_away() {
    let (dir, path) = catalog_with(&three_films());
    let image = dir.path().join("poster.png");
    std::fs::write(&image, poster_png(200, 300)).unwrap();
    let amelie = film_titled(&path, "Amélie");
    let mut harness = editor_on(&path, amelie, None);
    assert!(!names(&harness, "Poster of Amélie"));
    assert!(disabled(&harness, "Remove poster"));

    type_into(&mut harness, "Image file", image.to_str().unwrap());
    button(&harness, "Use image").click();
    wait_for_workers(&mut harness);
    let catalog = Catalog::open(&path).unwrap();
    let stored = catalog.poster_bytes(amelie, PosterSize::Full).unwrap();
    assert_eq!(stored, Some(poster_png(200, 300)), "kept as given");
    assert!(names(&harness, "Poster of Amélie"), "the editor shows it");
    assert!(!disabled(&harness, "Remove poster"));

    undo(&mut harness);
    assert!(!catalog.has_poster(amelie).unwrap(), "undo took it away");
    assert!(!names(&harness, "Poster of Amélie"));
}

#[test]
fn a_dropped_or_pasted_image_is_the_poster_and_remove_poster_is_undone() {
    let (dir, path) = catalog_with(&three_films());
    let image = dir.path().join("dropped.png");
    std::fs::write(&image, poster_png(300, 450)).unwrap();
    let metropolis = film_titled(&path, "Metropolis");
    let mut harness = editor_on(&path, metropolis, None);
    let catalog = Catalog::open(&path).unwrap();

    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(image.clone())));
    wait_for_workers(&mut harness);
    let poster = catalog.poster(metropolis).unwrap().unwrap();
    assert_eq!((poster.width, poster.height), (300, 450));

    // Ctrl+V with an image on the clipboard: egui hands the window its pixels.
    let red = egui::ColorImage::filled([40, 60], egui::Color32::from_rgb(200, 20, 20));
    harness.event(egui::Event::PasteImage(Arc::new(red)));
    wait_for_workers(&mut harness);
    let pasted = catalog.poster(metropolis).unwrap().unwrap();
    assert_eq!(
        (pasted.width, pasted.height, pasted.mime.as_str()),
        (40, 60, "image/png")
    );

    button(&harness, "Remove poster").click();
    settle(&mut harness);
    assert!(!catalog.has_poster(metropolis).unwrap());
    undo(&mut harness);
    assert_eq!(catalog.poster(metropolis).unwrap(), Some(pasted.clone()));
    undo(&mut harness);
    assert_eq!(
        catalog.poster(metropolis).unwrap(),
        Some(poster),
        "each change is its own step"
    );
}

#[test]
fn a_corrupt_or_non_image_file_shows_the_sentence_and_stores_nothing() {
    let (dir, path) = catalog_with(&three_films());
    let amelie = film_titled(&path, "Amélie");
    let mut harness = editor_on(&path, amelie, None);
    let catalog = Catalog::open(&path).unwrap();

    let mut cut = poster_png(200, 300);
    cut.truncate(cut.len() / 2);
    let corrupt = dir.path().join("cut.png");
    std::fs::write(&corrupt, cut).unwrap();
    type_into(&mut harness, "Image file", corrupt.to_str().unwrap());
    button(&harness, "Use image").click();
    wait_for_workers(&mut harness);
    assert!(
        shows(&harness, "The image is damaged and cannot be read"),
        "the library's sentence is shown"
    );
    assert!(shows(&harness, "(nothing was stored)"));
    assert!(!catalog.has_poster(amelie).unwrap());

    let text = dir.path().join("notes.png");
    std::fs::write(&text, "not an image at all").unwrap();
    replace_text(&mut harness, "Image file", text.to_str().unwrap());
    button(&harness, "Use image").click();
    wait_for_workers(&mut harness);
    assert!(shows(
        &harness,
        "This is not an image Cinedex reads; use a PNG, JPEG or WebP file (nothing was stored)"
    ));
    assert!(!catalog.has_poster(amelie).unwrap());
    assert_eq!(catalog.poster_totals().unwrap().posters, 0);
}

#[test]
fn without_a_key_look_up_says_a_key_is_needed_and_sends_nothing() {
    let server = local_tmdb();
    // A title no other test here looks up, on the server they share.
    let (_dir, path) = catalog_with(&[film("Zzyzx Road", 2006, "John Penney")]);
    let zzyzx = film_titled(&path, "Zzyzx Road");
    let mut harness = editor_on(&path, zzyzx, None);
    button(&harness, "Look up…").click();
    wait_for_workers(&mut harness);
    assert!(shows(&harness, "Looking films up needs a TMDb API key"));
    assert!(
        server.asked().iter().all(|url| !url.contains("Zzyzx")),
        "nothing was sent: {:?}",
        server.asked()
    );
}

#[test]
fn look_up_shows_candidates_and_fills_only_blanks_with_the_poster_in_one_undo() {
    let server = local_tmdb();
    let (_dir, path) = catalog_with(&three_films());
    let rust = film_titled(&path, "Rust and Bone");
    let mut harness = editor_on(&path, rust, Some("test-key"));
    button(&harness, "Look up…").click();
    wait_for_workers(&mut harness);
    assert!(
        names(&harness, "Rust and Bone (2012) — Jacques Audiard"),
        "the candidate with its director from TMDb's details"
    );
    assert!(
        names(&harness, "Rust (2024)"),
        "a candidate without details"
    );
    assert!(server
        .asked()
        .iter()
        .any(|u| u.contains("api_key=test-key")));

    harness
        .get_by_label("Rust and Bone (2012) — Jacques Audiard")
        .click();
    settle(&mut harness);
    button(&harness, "Fill in from this film").click();
    wait_for_workers(&mut harness);
    settle(&mut harness);
    let catalog = Catalog::open(&path).unwrap();
    let film = catalog.film(rust).unwrap().unwrap();
    assert_eq!(film.title, "Rust and Bone");
    assert_eq!(film.runtime_min, Some(120));
    assert_eq!(film.original_title.as_deref(), Some("De rouille et d'os"));
    assert_eq!(film.directors_line(), "Jacques Audiard", "not doubled");
    assert!(catalog.has_poster(rust).unwrap());
    assert_eq!(
        catalog
            .film_with_external_id(&ExternalId::new("tmdb", "97365"))
            .unwrap(),
        Some(rust)
    );
    assert_eq!(
        text_field(&harness, "Runtime (min)").value().as_deref(),
        Some("120"),
        "the editor shows what was filled in"
    );
    assert!(
        !names(&harness, "Fill in from this film"),
        "the dialog closed"
    );

    undo(&mut harness);
    let film = catalog.film(rust).unwrap().unwrap();
    assert_eq!(film.runtime_min, None);
    assert_eq!(film.original_title, None);
    assert!(!catalog.has_poster(rust).unwrap());
    assert!(catalog.external_ids(rust).unwrap().is_empty());
}

#[test]
fn fill_in_missing_data_fills_sure_matches_is_undone_at_once_and_resumes() {
    local_tmdb();
    let (_dir, path) = catalog_with(&three_films());
    let rust = film_titled(&path, "Rust and Bone");
    let mut harness = editor_on(&path, rust, Some("test-key"));
    harness.get_by_label("Edit").click();
    settle(&mut harness);
    harness.get_by_label("Fill in missing data…").click();
    settle(&mut harness);
    button(&harness, "Start").click();
    wait_for_workers(&mut harness);
    settle(&mut harness);
    assert!(
        shows(
            &harness,
            "Looked up 3 of 3 films: 1 filled in, 2 not matched."
        ),
        "the summary"
    );
    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(catalog.film(rust).unwrap().unwrap().runtime_min, Some(120));
    assert!(catalog.has_poster(rust).unwrap());
    assert!(
        catalog.films_to_look_up(10).unwrap().is_empty(),
        "all recorded"
    );

    harness.get_by_label("Close").click();
    settle(&mut harness);
    undo(&mut harness);
    assert_eq!(catalog.film(rust).unwrap().unwrap().runtime_min, None);
    assert!(!catalog.has_poster(rust).unwrap());
}

#[test]
fn about_names_tmdb_as_its_terms_ask() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    harness.get_by_label("Help").click();
    settle(&mut harness);
    harness.get_by_label("About Cinedex").click();
    settle(&mut harness);
    assert!(shows(
        &harness,
        "This product uses the TMDB API but is not endorsed or certified by TMDB."
    ));
}

#[test]
fn the_export_dialog_embeds_the_posters_in_the_printable_watchlist() {
    use cinedex::db::FilmChoice;
    use cinedex::model::WatchlistItem;
    let (dir, path) = catalog_with(&three_films());
    let metropolis = film_titled(&path, "Metropolis");
    let poster = cinedex::images::poster_from_bytes(&poster_png(200, 300)).unwrap();
    {
        let mut catalog = Catalog::open(&path).unwrap();
        catalog.set_poster(metropolis, &poster).unwrap();
        let wish = WatchlistItem {
            film_id: metropolis,
            ..crate::shared::records::wish(3, "2024-03-09", "")
        };
        catalog
            .add_to_watchlist(&FilmChoice::Stored(metropolis), &wish)
            .unwrap();
    }
    let mut harness = harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut harness);
    assert!(
        !names(&harness, "Embed the posters (one self-contained file)"),
        "CSV: no posters"
    );
    harness.get_by_label("Format").click();
    settle(&mut harness);
    harness
        .get_by_label("Watchlist — Printable page (HTML)")
        .click();
    settle(&mut harness);
    harness
        .get_by_label("Embed the posters (one self-contained file)")
        .click();
    settle(&mut harness);
    let target = dir.path().join("to-see.html");
    replace_text(&mut harness, "File", target.to_str().unwrap());
    button(&harness, "Export").click();
    wait_until(&mut harness, |h| shows(h, "Exported the watchlist to"));
    let page = std::fs::read_to_string(&target).unwrap();
    use base64::Engine as _;
    let embedded = base64::engine::general_purpose::STANDARD.encode(&poster.grid_thumb);
    assert!(
        page.contains(&format!("src=\"data:image/jpeg;base64,{embedded}\"")),
        "the grid thumbnail is in the page"
    );
    assert!(page.contains("alt=\"Poster of Metropolis\""));
}

#[test]
fn the_tmdb_key_typed_in_preferences_is_kept_and_never_printed() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    assert_eq!(
        harness.state().persisted().tmdb_key,
        ApiKey::default(),
        "empty by default"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Comma);
    settle(&mut harness);
    harness
        .get_by_role_and_label(A11yRole::PasswordInput, "TMDb API key")
        .focus();
    settle(&mut harness);
    harness
        .get_by_role_and_label(A11yRole::PasswordInput, "TMDb API key")
        .type_text("a1b2c3");
    settle(&mut harness);
    let persisted = harness.state().persisted();
    assert_eq!(persisted.tmdb_key, ApiKey("a1b2c3".to_owned()));
    assert!(
        !format!("{persisted:?}").contains("a1b2c3"),
        "Debug hides the key"
    );
}
