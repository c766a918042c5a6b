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

/// One rule of the layering: no `.rs` file under `src/<scope>` (all of `src` for `""`), leaving
/// out `skip`, names any of `words`.
struct Layering {
    /// What breaking the rule means, for the failure message.
    broken: &'static str,
    scope: &'static str,
    words: &'static [&'static str],
    skip: &'static [&'static str],
    /// A folder that does name `words`, so the search is shown to find them: the rule can fail.
    named_in: &'static str,
}

/// What reads or writes files.
const FILE_ACCESS: &[&str] = &["std::fs", "fs::", "File::"];

/// The layers, as ARCHITECTURE.md draws them.
const LAYERING: &[Layering] = &[
    Layering {
        broken: "rusqlite outside src/db",
        scope: "",
        words: &["rusqlite"],
        skip: &["db"],
        named_in: "db",
    },
    Layering {
        // main.rs starts the window; lib.rs declares the module.
        broken: "egui outside src/ui",
        scope: "",
        words: &["egui", "eframe"],
        skip: &["ui", "main.rs", "lib.rs"],
        named_in: "ui",
    },
    Layering {
        broken: "files read or written in src/model",
        scope: "model",
        words: FILE_ACCESS,
        skip: &[],
        named_in: "interop",
    },
    Layering {
        broken: "files read or written in src/parse",
        scope: "parse",
        words: FILE_ACCESS,
        skip: &[],
        named_in: "interop",
    },
    Layering {
        broken: "files read or written in src/images",
        scope: "images",
        words: FILE_ACCESS,
        skip: &[],
        named_in: "interop",
    },
    Layering {
        // Readers and exports need only model; storing what they read is import_job's.
        broken: "the repository named in src/interop",
        scope: "interop",
        words: &["crate::db", "crate::{db", "DbError", "Catalog::open"],
        skip: &[],
        named_in: "cli",
    },
];

#[test]
fn each_layer_names_only_what_it_may() {
    for rule in LAYERING {
        let offenders = naming(rule.scope, rule.words, rule.skip);
        assert!(offenders.is_empty(), "{}: {offenders:?}", rule.broken);
        assert!(
            !naming(rule.named_in, rule.words, &[]).is_empty(),
            "the rule against {} finds nothing even in src/{}",
            rule.broken,
            rule.named_in
        );
    }
}
