//! The poster grid of the catalog and the diary's year in posters: what the tiles show (a
//! thumbnail, or the placeholder's title), which films they are, clicks and arrow keys, and the
//! toggles kept for the next run.

use cinedex::db::{FilmQuery, SortColumn};
use cinedex::model::FilmId;
use cinedex::ui::CatalogLayout;
use egui::epaint::{ClippedShape, Shape};

use super::support::*;

/// Gives the film titled `title` a generated poster; returns its id.
fn give_poster(path: &Path, title: &str) -> FilmId {
    let mut catalog = Catalog::open(path).unwrap();
    let id = catalog.films_titled(title, None).unwrap()[0].id;
    let image = cinedex::images::generated_poster(title, None);
    let poster = cinedex::images::poster_from_image(&image).unwrap();
    catalog.set_poster(id, &poster).unwrap();
    id
}

/// What the last frame drew inside `rect`: the texts, and whether an image (a texture other than
/// the font atlas) was painted there.
fn drawn_in(harness: &Harness<'_, App>, rect: egui::Rect) -> (Vec<String>, bool) {
    fn visit(shape: &Shape, rect: egui::Rect, texts: &mut Vec<String>, image: &mut bool) {
        let font_atlas = egui::TextureId::default();
        match shape {
            Shape::Vec(shapes) => {
                for shape in shapes {
                    visit(shape, rect, texts, image);
                }
            }
            Shape::Text(text) if rect.contains_rect(text.visual_bounding_rect()) => {
                texts.push(text.galley.text().to_owned());
            }
            Shape::Rect(r) if rect.contains_rect(r.rect) => {
                *image |= r
                    .brush
                    .as_ref()
                    .is_some_and(|b| b.fill_texture_id != font_atlas);
            }
            Shape::Mesh(mesh) if rect.contains_rect(mesh.calc_bounds()) => {
                *image |= mesh.texture_id != font_atlas;
            }
            _ => {}
        }
    }
    let (mut texts, mut image) = (Vec::new(), false);
    for ClippedShape { shape, .. } in &harness.output().shapes {
        visit(shape, rect.expand(1.0), &mut texts, &mut image);
    }
    (texts, image)
}

/// The tiles of the grid (buttons named `Title (Year)`), in reading order.
fn tiles(harness: &Harness<'_, App>, labels: &[&str]) -> Vec<(String, egui::Rect)> {
    let mut tiles: Vec<(String, egui::Rect)> = labels
        .iter()
        .filter_map(|label| {
            let node = harness.query_by_role_and_label(A11yRole::Button, label)?;
            Some((label.to_string(), node.rect()))
        })
        .collect();
    tiles.sort_by(|a, b| {
        (a.1.top(), a.1.left())
            .partial_cmp(&(b.1.top(), b.1.left()))
            .unwrap()
    });
    tiles
}

/// Where the tile named `label` is.
fn tile(harness: &Harness<'_, App>, label: &str) -> egui::Rect {
    button(harness, label).rect()
}

fn shows_grid(harness: &mut Harness<'_, App>) {
    harness.get_by_label("Posters").click();
    settle(harness);
}

const LABELS: [&str; 3] = ["Amélie (2001)", "Rust and Bone (2012)", "Metropolis (1927)"];

#[test]
fn the_grid_shows_the_films_of_the_search_with_their_posters_or_placeholders() {
    let (_dir, path) = catalog_with(&three_films());
    give_poster(&path, "Metropolis");
    let persisted = PersistedState {
        sort: SortColumn::Year,
        ..PersistedState::default()
    };
    let mut harness = harness_with(&path, persisted);
    shows_grid(&mut harness);

    // The films the table lists, in its order (by year here).
    let shown: Vec<String> = tiles(&harness, &LABELS).into_iter().map(|t| t.0).collect();
    assert_eq!(
        shown,
        ["Metropolis (1927)", "Amélie (2001)", "Rust and Bone (2012)"]
    );
    // A film without a poster: the placeholder's title and year, no image.
    let (texts, image) = drawn_in(&harness, tile(&harness, "Amélie (2001)"));
    assert!(texts.contains(&"Amélie".to_owned()), "{texts:?}");
    assert!(texts.contains(&"2001".to_owned()), "{texts:?}");
    assert!(!image);
    // A film with one: its thumbnail.
    let (texts, image) = drawn_in(&harness, tile(&harness, "Metropolis (1927)"));
    assert!(image, "the poster is drawn");
    assert!(texts.is_empty(), "no placeholder under it: {texts:?}");
    // Once the posters on screen are there, the window asks for no more frames.
    wait_until_idle(&mut harness);
    assert!(drawn_in(&harness, tile(&harness, "Metropolis (1927)")).1);

    // A search: the grid shows what it finds, as the table would.
    type_into(&mut harness, "Search", "rust");
    wait_until(&mut harness, |h| tiles(h, &LABELS).len() == 1);
    assert_eq!(tiles(&harness, &LABELS)[0].0, "Rust and Bone (2012)");
    let query = FilmQuery {
        search: "rust".into(),
        sort: SortColumn::Year,
        descending: false,
    };
    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(catalog.film_ids(&query).unwrap().len(), 1);
}

#[test]
fn a_poster_set_elsewhere_replaces_the_placeholder() {
    let (_dir, path) = catalog_with(&three_films());
    let mut harness = harness(&path);
    shows_grid(&mut harness);
    let amelie = |h: &Harness<'_, App>| tile(h, "Amélie (2001)");
    assert!(!drawn_in(&harness, amelie(&harness)).1);
    // Another program (the CLI) gives the film a poster: the window notices and shows it.
    give_poster(&path, "Amélie");
    wait_until(&mut harness, |h| drawn_in(h, amelie(h)).1);
}

#[test]
fn the_layouts_are_kept_for_the_next_run() {
    let (_dir, path) = catalog_with_diary();
    let mut harness = harness(&path);
    assert_eq!(
        harness.state().persisted().catalog_layout,
        CatalogLayout::Table
    );
    assert!(tiles(&harness, &LABELS).is_empty(), "a table, no tiles");
    shows_grid(&mut harness);
    assert_eq!(tiles(&harness, &LABELS).len(), 3);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    settle(&mut harness);
    harness.get_by_label("Year in posters").click();
    settle(&mut harness);
    let kept = harness.state().persisted();
    assert_eq!(kept.catalog_layout, CatalogLayout::Grid);
    assert!(kept.diary_posters);

    // The next run opens as this one was left.
    let mut harness = harness_with(&path, kept);
    assert!(names(&harness, "2024 in posters") || names(&harness, "Every year in posters"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    settle(&mut harness);
    assert_eq!(tiles(&harness, &LABELS).len(), 3);
    // And back to the table.
    harness.get_by_label("Table").click();
    settle(&mut harness);
    assert!(tiles(&harness, &LABELS).is_empty());
    assert!(names(&harness, "Metropolis"), "a table row");
    assert_eq!(
        harness.state().persisted().catalog_layout,
        CatalogLayout::Table
    );
}

#[test]
fn clicking_a_poster_opens_the_film_and_the_arrows_move_through_the_grid() {
    let films: Vec<Film> = (1..=9)
        .map(|n| film(&format!("Film {n}"), 2000 + n, "Agnès Varda"))
        .collect();
    let (_dir, path) = catalog_with(&films);
    let mut harness = harness(&path);
    shows_grid(&mut harness);
    let labels: Vec<String> = (1..=9)
        .map(|n| format!("Film {n} ({})", 2000 + n))
        .collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let shown = tiles(&harness, &labels);
    assert_eq!(shown.len(), 9);
    let per_line = shown
        .iter()
        .filter(|t| t.1.top() == shown[0].1.top())
        .count();
    assert!((2..9).contains(&per_line), "{per_line} a line");
    let catalog = Catalog::open(&path).unwrap();
    let id = |n: i32| catalog.films_titled(&format!("Film {n}"), None).unwrap()[0].id;

    harness.get_by_label("Film 2 (2002)").click();
    settle(&mut harness);
    assert_eq!(harness.state().selected(), Some(id(2)));
    assert_eq!(
        text_field(&harness, "Title").value().as_deref(),
        Some("Film 2")
    );
    harness.key_press(egui::Key::ArrowRight);
    settle(&mut harness);
    assert_eq!(harness.state().selected(), Some(id(3)));
    harness.key_press(egui::Key::ArrowLeft);
    harness.key_press(egui::Key::ArrowLeft);
    settle(&mut harness);
    assert_eq!(harness.state().selected(), Some(id(1)));
    // Down moves a line.
    harness.key_press(egui::Key::ArrowDown);
    settle(&mut harness);
    assert_eq!(harness.state().selected(), Some(id(1 + per_line as i32)));
    assert_eq!(
        text_field(&harness, "Title").value(),
        Some(format!("Film {}", 1 + per_line))
    );
    harness.key_press(egui::Key::ArrowUp);
    settle(&mut harness);
    assert_eq!(harness.state().selected(), Some(id(1)));
}

#[test]
fn the_diary_in_posters_shows_the_year_by_month() {
    let (_dir, path) = catalog_with_diary();
    let metropolis = give_poster(&path, "Metropolis");
    let persisted = PersistedState {
        date_format: cinedex::dates::DateFormat::Iso,
        ..PersistedState::default()
    };
    let mut harness = harness_with(&path, persisted);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    settle(&mut harness);
    harness.get_by_label("Year in posters").click();
    settle(&mut harness);
    assert!(
        names(&harness, "2024 in posters"),
        "the latest year is shown"
    );

    // Months newest first, each with its viewings' posters under its name.
    let heading = |h: &Harness<'_, App>, name: &str| h.get_by_label(name).rect();
    let (may, march, january) = (
        heading(&harness, "May 2024"),
        heading(&harness, "March 2024"),
        heading(&harness, "January 2024"),
    );
    assert!(may.top() < march.top() && march.top() < january.top());
    let viewings = [
        ("Amélie (2001) on 2024-05-09", may, Some(march)),
        ("Metropolis (1927) on 2024-03-09", march, Some(january)),
        ("Rust and Bone (2012) on 2024-03-09", march, Some(january)),
        ("Amélie (2001) on 2024-01-09", january, None),
    ];
    for (label, month, next) in viewings {
        let tile = button(&harness, label).rect();
        let above_next = next.is_none_or(|next| tile.bottom() < next.top());
        assert!(
            tile.top() > month.bottom() && above_next,
            "{label} is under its month"
        );
    }
    let march_tiles = [viewings[1].0, viewings[2].0].map(|l| button(&harness, l).rect());
    assert_eq!(
        march_tiles[0].top(),
        march_tiles[1].top(),
        "one line a month"
    );
    // The film with a poster shows it; the others their placeholder.
    let (_, image) = drawn_in(&harness, march_tiles[0]);
    assert!(image);
    let (texts, image) = drawn_in(&harness, march_tiles[1]);
    assert!(
        !image && texts.contains(&"Rust and Bone".to_owned()),
        "{texts:?}"
    );
    let stored = Catalog::open(&path).unwrap();
    assert!(stored.has_poster(metropolis).unwrap());

    // A click opens that viewing in the form.
    button(&harness, viewings[1].0).click();
    settle(&mut harness);
    assert!(names(&harness, "Edit viewing"));
    assert!(names(&harness, "Metropolis (1927)"));
}
