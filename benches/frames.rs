//! One frame of the window at 100,000 films, measured headless with egui_kittest (layout and
//! tessellation; no GPU): the catalog table scrolled to the middle with a film open in the editor,
//! the table while it scrolls, the poster grid (every second film with a poster) at the middle,
//! while it scrolls to and fro over decoded posters and while it scrolls on through new ones, and
//! the Stats view. Prints p50 and p95; nothing is asserted.
//!
//! `cargo bench --bench frames [-- table|grid|stats]` (a word runs only the parts it names);
//! `CINEDEX_BENCH_FILMS` sets the size of the demo catalog built in a temp folder, or
//! `CINEDEX_BENCH_DB=path` measures an existing catalog (the grid gives it posters first, if it
//! has none).

use std::time::{Duration, Instant};

use cinedex::db::{Catalog, FilmQuery, SortColumn};
use cinedex::model::FilmId;
use cinedex::ui::{App, CatalogLayout, Msg, PersistedState, UiCommand};
use eframe::egui;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

mod support;

use support::measure;

/// Runs frames until the window has its answers (the id list, the posters on screen, the stats)
/// or 60 s pass.
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

/// A turn of the mouse wheel by `lines` (negative: down the list).
fn wheel(harness: &mut Harness<'_, App>, lines: f32) {
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, lines),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
    });
}

/// The largest resident set of this process so far (`VmHWM`), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let only = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_default();
    let runs = |part: &str| only.is_empty() || part.contains(only.as_str());
    let dir = tempfile::tempdir().expect("temp folder");
    let path = support::bench_catalog_path(dir.path());
    if runs("grid") {
        support::add_demo_posters(&path);
    }
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
    harness.state_mut().run_command(&ctx, Msg::Select(middle));
    settle(&mut harness);

    if runs("table") {
        measure("frame: table at the middle + editor", 200, || {
            harness.step()
        });
        harness.event(egui::Event::PointerMoved(egui::pos2(300.0, 400.0)));
        let mut down = true;
        measure("frame: table scrolling (3 lines)", 200, || {
            down = !down;
            wheel(&mut harness, if down { -3.0 } else { 3.0 });
            harness.step()
        });
    }
    if runs("grid") {
        grid_frames(&mut harness, middle);
    }
    if runs("stats") {
        harness
            .state_mut()
            .run_command(&ctx, UiCommand::ShowStats.into());
        settle(&mut harness);
        let deadline = Instant::now() + Duration::from_secs(60);
        while harness.query_by_label("Films by decade").is_none() && Instant::now() < deadline {
            harness.step();
            std::thread::sleep(Duration::from_millis(20));
        }
        measure("frame: Stats view", 200, || harness.step());
    }
    if let Some(mb) = peak_rss_mb() {
        println!("peak RSS of the bench process: {mb:.0} MB (headless: no GPU copies)");
    }
}

/// The poster grid at `middle`, then scrolling: to and fro over decoded posters, and on down
/// through films whose posters are read and decoded while it scrolls.
fn grid_frames(harness: &mut Harness<'_, App>, middle: FilmId) {
    let ctx = harness.ctx.clone();
    let app = harness.state_mut();
    app.run_command(&ctx, UiCommand::ShowCatalog.into());
    app.run_command(&ctx, Msg::SetCatalogLayout(CatalogLayout::Grid));
    app.run_command(&ctx, Msg::Select(middle));
    settle(harness);
    measure("frame: grid at the middle + editor", 200, || harness.step());
    harness.event(egui::Event::PointerMoved(egui::pos2(300.0, 400.0)));
    let mut down = true;
    measure("frame: grid scrolling (3 lines)", 200, || {
        down = !down;
        wheel(harness, if down { -3.0 } else { 3.0 });
        harness.step()
    });
    let decoded = Instant::now();
    measure("frame: grid scrolling on (new posters)", 600, || {
        wheel(harness, -3.0);
        harness.step()
    });
    settle(harness);
    println!(
        "scrolled on for {:.1} s; the posters' textures take {:.1} MB",
        decoded.elapsed().as_secs_f64(),
        harness.state().poster_texture_bytes() as f64 / 1e6
    );
}
