//! The window, driven headless with egui_kittest over a real catalog file in a temp folder: one
//! test binary, a module per part of the window.

mod support;

// The helpers the other binaries share (the local TMDb among them); this one uses a few.
#[path = "../support/mod.rs"]
#[allow(dead_code)]
mod shared;

mod catalog;
mod diary;
mod diary_watchlist;
mod editor;
mod import;
mod import_pick;
mod import_rich;
mod lists;
mod pick_merge;
mod poster_editor;
mod posters;
mod preferences;
mod query_bar;
mod stats;
mod watchlist;

use support::{Path, PathBuf};

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
