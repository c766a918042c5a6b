//! One frame of the window at 100,000 films, measured headless with egui_kittest (layout and
//! tessellation; no GPU): the catalog table scrolled to the middle with a film open in the editor,
//! the table while it scrolls, and the Stats view. Prints p50 and p95; nothing is asserted.
//!
//! `cargo bench --bench frames`; `CINEDEX_BENCH_FILMS` sets the size of the demo catalog built in
//! a temp folder, or `CINEDEX_BENCH_DB=path` measures an existing catalog.

use std::time::{Duration, Instant};

use cinedex::db::{Catalog, FilmQuery, SortColumn};
use cinedex::ui::{App, Command, MainView, PersistedState};
use eframe::egui;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

mod support;

use support::measure;

/// Runs frames until the window has its answers (the id list, the stats) or 60 s pass.
fn settle(harness: &mut Harness<'_, App>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while harness.state().is_loading() && Instant::now() < deadline {
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    for _ in 0..5 {
        harness.step();
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("temp folder");
    let path = support::bench_catalog_path(dir.path());
    let catalog = Catalog::open(&path).expect("catalog");
    let ids = catalog
        .film_ids(&FilmQuery {
            sort: SortColumn::Title,
            ..FilmQuery::default()
        })
        .expect("ids");
    println!("{} films", ids.len());
    let middle = ids[ids.len() / 2];

    let started = Instant::now();
    let persisted = PersistedState {
        sort: SortColumn::Title,
        ..PersistedState::default()
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, app: &mut App| app.show(ui),
            App::new(catalog, persisted),
        );
    settle(&mut harness);
    println!(
        "first answered frame: {:.0} ms (headless, includes the id list)",
        started.elapsed().as_secs_f64() * 1e3
    );

    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, Command::Select(middle));
    settle(&mut harness);
    measure("frame: table at the middle + editor", 200, || {
        harness.step()
    });

    harness.event(egui::Event::PointerMoved(egui::pos2(300.0, 400.0)));
    let mut down = true;
    measure("frame: table scrolling (3 lines)", 200, || {
        down = !down;
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, if down { -3.0 } else { 3.0 }),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        harness.step()
    });

    harness
        .state_mut()
        .run_command(&ctx, Command::ShowView(MainView::Stats));
    settle(&mut harness);
    let deadline = Instant::now() + Duration::from_secs(60);
    while harness.query_by_label("Films by decade").is_none() && Instant::now() < deadline {
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    measure("frame: Stats view", 200, || harness.step());
}
