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

/// The `.rs` files under `src/<dir>` (all of `src` for `""`) whose text names any of `words`,
/// leaving out the folders and files named in `skip`.
fn naming(dir: &str, words: &[&str], skip: &[&str]) -> Vec<PathBuf> {
    fn visit(dir: &Path, words: &[&str], skip: &[&str], found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if skip.iter().any(|s| path.ends_with(s)) {
                continue;
            }
            if path.is_dir() {
                visit(&path, words, skip, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                if words.iter().any(|w| text.contains(w)) {
                    found.push(path);
                }
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut found = Vec::new();
    visit(&root, words, skip, &mut found);
    found
}

#[test]
fn each_layer_names_only_what_it_may() {
    // main.rs starts the window; lib.rs declares the module.
    let offenders = naming("", &["egui", "eframe"], &["ui", "main.rs", "lib.rs"]);
    assert!(offenders.is_empty(), "egui outside src/ui: {offenders:?}");
    let offenders = naming("", &["rusqlite"], &["db"]);
    assert!(
        offenders.is_empty(),
        "rusqlite outside src/db: {offenders:?}"
    );
    for pure in ["model", "parse"] {
        let offenders = naming(pure, &["std::fs", "fs::", "File::"], &[]);
        assert!(
            offenders.is_empty(),
            "files read in src/{pure}: {offenders:?}"
        );
    }
    // The check can fail: it finds what it looks for where it is.
    assert!(!naming("db", &["rusqlite"], &[]).is_empty());
    assert!(!naming("ui", &["egui"], &[]).is_empty());
}
