//! The `cinedex` binary run as a person runs it, on catalogs in temp folders.

// Each binary uses only some of the shared helpers; the rest would warn as dead code.
#[allow(dead_code)]
mod support;

#[path = "cli/diary_watchlist.rs"]
mod diary_watchlist;
#[path = "cli/html_posters.rs"]
mod html_posters;
#[path = "cli/pick_from.rs"]
mod pick_from;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use support::{
    cinedex, cinedex_with_input, ok, poster_png, stderr, stdout, temp_db_in_new_folders,
};

use serde_json::Value;

const SEED: &str = include_str!("fixtures/reviews/seed-japan-times.txt");

/// Fails unless the command failed with exactly one line on stderr that contains `needle`.
fn assert_one_sentence_error(output: &Output, needle: &str) {
    assert!(!output.status.success(), "should fail: {}", stdout(output));
    let err = stderr(output);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "{err}");
}

fn films_json(db: &Path, search: &str) -> Vec<Value> {
    json_of(db, &["films", "--search", search, "--json"])
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn demo_then_search_finds_the_expected_films() {
    let (_dir, db) = temp_db_in_new_folders();
    let output = cinedex(&db, &["demo", "--films", "500"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Added 500 demo films"));

    let all = films_json(&db, "");
    assert_eq!(all.len(), 500);

    let amelie = films_json(&db, "amelie");
    assert!(!amelie.is_empty());
    for film in &amelie {
        let titles = format!("{} {}", film["title"], film["alternative_titles"]);
        assert!(titles.contains("Amélie"), "{titles}");
    }

    let schoen = films_json(&db, "schoen");
    assert!(!schoen.is_empty());
    for film in &schoen {
        assert!(
            film["credits"].to_string().contains("Schoenaerts"),
            "{film}"
        );
    }

    let table = stdout(&cinedex(&db, &["films", "--search", "schoen"]));
    assert_eq!(table.lines().count(), schoen.len());
}

#[test]
fn cinedex_db_in_the_environment_names_the_catalog() {
    let (_dir, db) = temp_db_in_new_folders();
    let output = Command::new(env!("CARGO_BIN_EXE_cinedex"))
        .args(["demo", "--films", "3"])
        .env("CINEDEX_DB", &db)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(db.exists(), "missing folders are created");
    assert_eq!(films_json(&db, "").len(), 3);
}

#[test]
fn bad_catalog_files_get_one_sentence_and_stay_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_catalog = dir.path().join("holiday.jpg");
    std::fs::write(
        &not_a_catalog,
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'].repeat(100),
    )
    .unwrap();
    let before = std::fs::read(&not_a_catalog).unwrap();
    let output = cinedex(&not_a_catalog, &["films"]);
    assert_one_sentence_error(&output, "not a Cinedex catalog");
    assert_eq!(std::fs::read(&not_a_catalog).unwrap(), before);

    let newer = dir.path().join("newer.sqlite3");
    assert!(cinedex(&newer, &["demo", "--films", "2"]).status.success());
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&newer).unwrap();
    assert_one_sentence_error(&cinedex(&newer, &["films"]), "newer Cinedex");
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

#[test]
fn parse_review_prints_the_fields_and_writes_nothing() {
    let (dir, db) = temp_db_in_new_folders();
    let seed = dir.path().join("seed.txt");
    std::fs::write(&seed, SEED).unwrap();
    let output = cinedex(&db, &["parse-review", seed.to_str().unwrap(), "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["title"], "Rust and Bone");
    assert_eq!(
        json["alternative_titles"],
        serde_json::json!(["Kimi to Aruku Sekai"])
    );
    assert_eq!(json["directors"], serde_json::json!(["Jacques Audiard"]));
    assert_eq!(json["runtime_min"], 122);
    assert_eq!(json["release_date"], "2013-04-06");
    assert!(json["provenance"].as_array().is_some_and(|p| !p.is_empty()));
    assert!(!db.exists(), "parse-review writes nothing");

    let piped = cinedex_with_input(&db, &["parse-review", "-", "--json"], Some(SEED.as_bytes()));
    assert_eq!(stdout(&piped), stdout(&output));
}

#[test]
fn bad_pastes_get_one_sentence_and_change_nothing() {
    let (dir, db) = temp_db_in_new_folders();
    assert!(cinedex(&db, &["demo", "--films", "5"]).status.success());
    let before = films_json(&db, "");
    for (input, needle) in [
        (&b""[..], "empty"),
        (&b"  \n\t \r\n"[..], "empty"),
        (&b"\x00\x01\x02\xff\xfe binary"[..], "not text"),
        (
            &b"Nice weather today. We went to the beach and swam.\n"[..],
            "Nothing recognised",
        ),
    ] {
        let output = cinedex_with_input(&db, &["import-review", "-"], Some(input));
        assert_one_sentence_error(&output, needle);
    }
    let missing = dir.path().join("missing.txt");
    assert_one_sentence_error(
        &cinedex(&db, &["import-review", missing.to_str().unwrap()]),
        "Cannot read",
    );
    assert_eq!(films_json(&db, ""), before);
}

#[test]
fn import_review_stores_once_and_asks_when_ambiguous() {
    let (_dir, db) = temp_db_in_new_folders();
    let first = cinedex_with_input(
        &db,
        &["import-review", "-", "--json"],
        Some(SEED.as_bytes()),
    );
    assert!(first.status.success(), "{}", stderr(&first));
    let outcome: Value = serde_json::from_str(&stdout(&first)).unwrap();
    assert_eq!(outcome["outcome"], "created");
    let film = &films_json(&db, "rust bone")[0];
    assert_eq!(film["runtime_min"], 122);
    assert!(film["credits"].to_string().contains("Matthias Schoenaerts"));

    let second = cinedex_with_input(&db, &["import-review", "-"], Some(SEED.as_bytes()));
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stdout(&second).contains("already stored"),
        "{}",
        stdout(&second)
    );
    assert_eq!(films_json(&db, "").len(), 1);

    // Another film of the same title makes a different paste ambiguous.
    let twin_paste = "Rust and Bone\nDirector Jacques Audiard\nRun Time 122 minutes\n\nA second look at the boxing drama, years later, and it still lands.\n";
    let forced = cinedex_with_input(
        &db,
        &["import-review", "-", "--new"],
        Some(SEED.replace("boxer", "fighter").as_bytes()),
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_eq!(films_json(&db, "").len(), 2);
    let ambiguous = cinedex_with_input(&db, &["import-review", "-"], Some(twin_paste.as_bytes()));
    assert!(!ambiguous.status.success());
    let err = stderr(&ambiguous);
    assert!(
        err.contains("matches 2 films") && err.contains("--film ID"),
        "{err}"
    );
    assert_eq!(films_json(&db, "").len(), 2, "nothing stored");

    let id = films_json(&db, "")[0]["id"].as_i64().unwrap().to_string();
    let chosen = cinedex_with_input(
        &db,
        &["import-review", "-", "--film", &id],
        Some(twin_paste.as_bytes()),
    );
    assert!(chosen.status.success(), "{}", stderr(&chosen));
    assert!(stdout(&chosen).contains("Added the review"));
}

/// `kill -9` at many moments of a large write: every time the catalog checks out whole and holds
/// either all of the write or none of it. `CINEDEX_KILL_ROUNDS` runs a longer loop.
#[test]
fn killing_a_write_at_any_moment_leaves_a_whole_catalog() {
    let rounds: u64 = std::env::var("CINEDEX_KILL_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(6);
    let (_dir, db) = temp_db_in_new_folders();
    assert!(cinedex(&db, &["demo", "--films", "100"]).status.success());
    let mut expected_films = 100;
    for round in 0..rounds {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cinedex"))
            .arg("--db")
            .arg(&db)
            .args(["demo", "--films", "4000"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over opening, writing and committing.
        std::thread::sleep(std::time::Duration::from_millis(30 + round * 7919 % 900));
        child.kill().unwrap();
        let finished = child.wait().unwrap().success();

        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        let films: i64 = conn
            .query_row("SELECT count(*) FROM films", [], |r| r.get(0))
            .unwrap();
        let indexed: i64 = conn
            .query_row("SELECT count(*) FROM film_search", [], |r| r.get(0))
            .unwrap();
        assert!(
            films == expected_films || films == expected_films + 4000,
            "round {round}: {films} films, a write was cut in half"
        );
        assert_eq!(films, indexed, "round {round}: the search index is in step");
        eprintln!("round {round}: finished {finished}, {films} films");
        expected_films = films;
    }
}

#[test]
fn completions_and_the_manual_page_are_generated_from_the_commands() {
    let (_dir, db) = temp_db_in_new_folders();
    let bash = cinedex(&db, &["completions", "bash"]);
    assert!(bash.status.success(), "{}", stderr(&bash));
    assert!(stdout(&bash).contains("import-review"));
    let man = cinedex(&db, &["manpage"]);
    assert!(man.status.success(), "{}", stderr(&man));
    let roff = stdout(&man);
    assert!(
        roff.starts_with(".ie") || roff.contains(".TH cinedex"),
        "{}",
        &roff[..80.min(roff.len())]
    );
    assert!(!db.exists(), "no catalog is made for these");
}

#[test]
fn a_mistyped_command_is_refused_not_opened_as_a_file() {
    let (_dir, db) = temp_db_in_new_folders();
    let output = cinedex(&db, &["flims"]);
    assert!(!output.status.success());
    assert_eq!(
        stderr(&output).trim(),
        "cinedex: “flims” is neither a command nor a review file; see cinedex --help"
    );
    assert!(!db.exists(), "nothing was opened or created");
}

/// A tmpfs mounted on a fresh temp folder (root only), unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// A tmpfs of `size` (e.g. `1m`), or `None` with the reason printed when it cannot be
    /// mounted (not root, or no permission to mount here).
    fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output();
        match output {
            Ok(output) if output.status.success() => Some(Self { dir }),
            Ok(output) => {
                eprintln!("skipped: cannot mount a tmpfs: {}", stderr(&output).trim());
                None
            }
            Err(error) => {
                eprintln!("skipped: cannot run mount: {error}");
                None
            }
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts it read-only: neither its files nor its folder can be written, even by root.
    fn remount_read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .unwrap();
        assert!(status.success(), "remount read-only");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.path()).status();
    }
}

/// True when this process runs as root (the owner of a folder it just made).
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::metadata(dir.path()).unwrap().uid() == 0
}

fn integrity_check(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// A restore that runs out of disk (a 1 MiB tmpfs, nearly filled) fails with one sentence, and
/// the catalog keeps what it held and holds nothing of the restore.
#[test]
fn a_full_disk_fails_the_import_with_one_sentence_and_keeps_the_catalog() {
    let Some(disk) = Tmpfs::mount("1m") else {
        return;
    };
    let (_dir, big) = temp_db_in_new_folders();
    assert!(cinedex(&big, &["demo", "--films", "1000"]).status.success());
    let backup = big.with_file_name("big-backup.json");
    let export = cinedex(&big, &["export", "backup", "-o", backup.to_str().unwrap()]);
    assert!(export.status.success(), "{}", stderr(&export));

    let db = disk.path().join("catalog.sqlite3");
    let logged = cinedex(&db, &["log", "Metropolis", "--date", "2024-01-02"]);
    assert!(logged.status.success(), "{}", stderr(&logged));
    // Fill the disk, then free 128 KiB: enough to open the catalog, far too little to restore.
    let filler_path = disk.path().join("filler");
    let mut filler = std::fs::File::create(&filler_path).unwrap();
    let chunk = vec![0x5a_u8; 64 * 1024];
    while filler.write_all(&chunk).is_ok() {}
    let written = filler.metadata().unwrap().len();
    filler.set_len(written.saturating_sub(128 * 1024)).unwrap();
    drop(filler);

    let output = cinedex(
        &db,
        &["import", "backup", backup.to_str().unwrap(), "--merge"],
    );
    assert_one_sentence_error(&output, "The disk is full, so nothing was written");
    std::fs::remove_file(&filler_path).unwrap();
    assert_eq!(integrity_check(&db), "ok");
    let titles: Vec<_> = films_json(&db, "")
        .iter()
        .map(|f| f["title"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        titles,
        ["Metropolis"],
        "the earlier film, and nothing of the restore"
    );
}

/// A catalog on a read-only file system (as root), or in a read-only folder and then a read-only
/// file (otherwise): one sentence, and not a byte of the file changes.
#[test]
fn a_read_only_catalog_or_folder_gets_one_sentence_and_stays_unchanged() {
    let write = ["log", "Nosferatu", "--date", "2024-01-03"];
    let check = |db: &Path| {
        let before = std::fs::read(db).unwrap();
        let output = cinedex(db, &write);
        assert_one_sentence_error(&output, "The catalog cannot be written");
        assert!(
            std::fs::read(db).unwrap() == before,
            "the catalog file changed"
        );
    };
    let prepare = |db: &Path| {
        let logged = cinedex(db, &["log", "Metropolis", "--date", "2024-01-02"]);
        assert!(logged.status.success(), "{}", stderr(&logged));
    };
    if running_as_root() {
        let Some(disk) = Tmpfs::mount("4m") else {
            return;
        };
        let db = disk.path().join("catalog.sqlite3");
        prepare(&db);
        disk.remount_read_only();
        check(&db);
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let (_dir, db) = temp_db_in_new_folders();
    prepare(&db);
    let folder = db.parent().unwrap();
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode(folder, 0o555);
    check(&db);
    mode(folder, 0o755);
    mode(&db, 0o444);
    check(&db);
}

/// The binary writes while another connection holds a write transaction for a moment: it waits
/// (the busy timeout) instead of failing, and both writes land.
#[test]
fn a_write_waits_for_another_connections_transaction_and_both_land() {
    use cinedex::db::{Catalog, ImportMode};
    use cinedex::model::{ImportBatch, IncomingFilm};
    let (_dir, db) = temp_db_in_new_folders();
    let mut holder = Catalog::open(&db).unwrap();
    let batch = ImportBatch {
        films: vec![IncomingFilm {
            film: cinedex::model::Film::titled("Metropolis"),
            ..IncomingFilm::default()
        }],
        ..ImportBatch::default()
    };
    let mut writer = None;
    holder
        .import_batch(&batch, ImportMode::Merge, |_| {
            // Inside the open write transaction: start the binary's write and keep it waiting.
            let mut child = Command::new(env!("CARGO_BIN_EXE_cinedex"))
                .arg("--db")
                .arg(&db)
                .args(["log", "Nosferatu", "--date", "2024-01-03"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(1500));
            assert!(
                child.try_wait().unwrap().is_none(),
                "the other write waits while this transaction is open"
            );
            writer = Some(child);
            true
        })
        .unwrap();
    let output = writer.unwrap().wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let mut titles: Vec<_> = films_json(&db, "")
        .iter()
        .map(|f| f["title"].as_str().unwrap().to_owned())
        .collect();
    titles.sort();
    assert_eq!(titles, ["Metropolis", "Nosferatu"]);
}

/// What `cinedex ARGS` printed, which must be JSON; fails the test unless it succeeded.
fn json_of(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).expect("valid JSON")
}

#[test]
fn lists_are_created_filled_shown_and_emptied_from_the_command_line() {
    let (_dir, db) = temp_db_in_new_folders();
    ok(
        &db,
        &["log", "Stalker", "--year", "1979", "--date", "2024-01-02"],
    );
    let out = ok(
        &db,
        &[
            "list",
            "create",
            "Top 100",
            "--ranked",
            "--description",
            "Best",
        ],
    );
    assert!(out.contains("Created the list \"Top 100\""), "{out}");
    ok(
        &db,
        &["list", "add", "top 100", "Stalker", "--note", "Zone"],
    );
    let out = ok(
        &db,
        &["list", "add", "Top 100", "Solaris", "--year", "1972"],
    );
    assert!(out.contains("at place 2"), "{out}");
    let out = ok(&db, &["list", "add", "Top 100", "Solaris"]);
    assert!(out.contains("already on"), "{out}");

    let shown = json_of(&db, &["list", "show", "TOP 100", "--json"]);
    assert_eq!(shown["seen"], 1);
    assert_eq!(shown["total"], 2);
    assert_eq!(shown["ranked"], true);
    assert_eq!(shown["entries"][0]["film"]["title"], "Stalker");
    assert_eq!(shown["entries"][0]["note"], "Zone");
    assert_eq!(shown["entries"][1]["place"], 2);
    let lists = json_of(&db, &["lists", "--json"]);
    assert_eq!(lists[0]["name"], "Top 100");
    assert_eq!(
        (lists[0]["seen"].clone(), lists[0]["total"].clone()),
        (1.into(), 2.into())
    );
    assert!(ok(&db, &["lists"]).contains("Top 100 (ranked)  1 of 2 seen"));

    let out = ok(&db, &["list", "move", "Top 100", "Solaris", "1"]);
    assert!(out.contains("to place 1"), "{out}");
    ok(&db, &["list", "note", "Top 100", "Solaris", "Ocean"]);
    let moved = json_of(&db, &["list", "show", "Top 100", "--json"]);
    assert_eq!(moved["entries"][0]["film"]["title"], "Solaris");
    assert_eq!(moved["entries"][0]["note"], "Ocean");
    ok(&db, &["list", "move", "Top 100", "Solaris", "9"]);
    ok(&db, &["list", "rename", "Top 100", "Top 101"]);
    ok(&db, &["list", "rename", "top 101", "Top 100"]);
    let film = shown["entries"][1]["film"]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let out = ok(&db, &["list", "remove", "Top 100", &format!("#{film}")]);
    assert!(out.contains("Removed \"Solaris\" (1972)"), "{out}");
    assert_one_sentence_error(
        &cinedex(&db, &["list", "remove", "Top 100", "Solaris"]),
        "is not on",
    );
    assert_one_sentence_error(
        &cinedex(&db, &["list", "show", "Nope"]),
        "There is no list called \"Nope\"",
    );
    assert_one_sentence_error(
        &cinedex(&db, &["list", "create", "top 100"]),
        "exists already",
    );
    let out = ok(&db, &["list", "delete", "Top 100"]);
    assert!(out.contains("Deleted the list"), "{out}");
    assert_eq!(films_json(&db, "").len(), 2, "the films stay");
}

#[test]
fn a_list_exports_to_each_format_atomically_and_escaped() {
    let (dir, db) = temp_db_in_new_folders();
    ok(&db, &["list", "create", "Odd <b>", "--ranked"]);
    ok(
        &db,
        &[
            "list",
            "add",
            "Odd <b>",
            "=HYPERLINK(\"x\")",
            "--note",
            "<script>alert(1)</script>",
        ],
    );
    ok(
        &db,
        &["list", "add", "Odd <b>", "*Stars* [x]", "--year", "2001"],
    );
    let csv = ok(&db, &["export", "list", "odd <b>", "--format", "csv"]);
    assert!(csv.starts_with("position,film_id,title"), "{csv}");
    assert!(csv.contains("'=HYPERLINK"), "formula neutralised: {csv}");
    let letterboxd = ok(
        &db,
        &["export", "list", "Odd <b>", "--format", "letterboxd"],
    );
    assert!(
        letterboxd.starts_with("Position,Title,Year,Directors,Review\r\n"),
        "{letterboxd}"
    );
    assert!(
        letterboxd.contains("1,\"=HYPERLINK(\"\"x\"\")\",,,&lt;script&gt;"),
        "{letterboxd}"
    );
    let markdown = ok(&db, &["export", "list", "Odd <b>", "--format", "markdown"]);
    assert!(markdown.contains("# Odd \\<b\\>"), "{markdown}");
    assert!(
        markdown.contains("2. **\\*Stars\\* \\[x\\]** (2001)"),
        "{markdown}"
    );
    assert!(markdown.contains("0 of 2 seen"), "{markdown}");
    let page = dir.path().join("list.html");
    std::fs::write(&page, "old").unwrap();
    let out = ok(
        &db,
        &[
            "export",
            "list",
            "Odd <b>",
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
        ],
    );
    assert!(out.contains("Wrote the list"), "{out}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("&lt;script&gt;") && !html.contains("<script>"),
        "{html}"
    );
    assert!(html.contains("<h1>Odd &lt;b&gt;</h1>"), "{html}");
    let missing = dir.path().join("no-such-folder").join("x.md");
    let failed = cinedex(
        &db,
        &[
            "export",
            "list",
            "Odd <b>",
            "--format",
            "markdown",
            "-o",
            missing.to_str().unwrap(),
        ],
    );
    assert_one_sentence_error(&failed, "no file was changed");
    assert_one_sentence_error(
        &cinedex(&db, &["export", "list", "Nope", "--format", "csv"]),
        "no list called",
    );
}

#[test]
fn films_search_filters_and_saved_views() {
    let (_dir, db) = temp_db_in_new_folders();
    ok(
        &db,
        &[
            "log",
            "Stalker",
            "--year",
            "1979",
            "--date",
            "2024-01-02",
            "--rating",
            "4.5",
            "--tags",
            "cinema",
        ],
    );
    ok(&db, &["watchlist", "add", "Solaris", "--year", "1972"]);
    ok(&db, &["watchlist", "add", "Amélie", "--year", "2001"]);
    let titles = |search: &str| -> Vec<String> {
        films_json(&db, search)
            .iter()
            .map(|f| f["title"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(titles("decade:1970s"), ["Solaris", "Stalker"]);
    assert_eq!(titles("unwatched decade:1970s"), ["Solaris"]);
    assert_eq!(titles("rating:>=4 tag:cinema"), ["Stalker"]);
    assert_eq!(titles("-year:1970..1979"), ["Amélie"]);
    assert_one_sentence_error(
        &cinedex(&db, &["films", "--search", "year:soon"]),
        "is not a year or a range of years",
    );
    assert!(titles("has:poster").is_empty());
    let image = db.with_file_name("stalker.png");
    std::fs::write(&image, poster_png(40, 60)).unwrap();
    let stalker = films_json(&db, "stalker")[0]["id"].as_i64().unwrap();
    ok(
        &db,
        &[
            "poster",
            "set",
            &stalker.to_string(),
            image.to_str().unwrap(),
        ],
    );
    assert_eq!(titles("has:poster"), ["Stalker"]);
    assert_eq!(titles("-has:poster decade:1970s"), ["Solaris"]);
    ok(&db, &["view", "save", "Seventies", "decade:1970s"]);
    assert_one_sentence_error(
        &cinedex(&db, &["view", "save", "Bad", "genre:"]),
        "needs a value",
    );
    assert!(ok(&db, &["view", "list"]).contains("Seventies  decade:1970s"));
    let out = ok(
        &db,
        &["films", "--view", "seventies", "--search", "unwatched"],
    );
    assert!(out.contains("Solaris") && !out.contains("Stalker"), "{out}");
    assert_one_sentence_error(
        &cinedex(&db, &["films", "--view", "Nope"]),
        "no view called",
    );
    ok(&db, &["view", "delete", "Seventies"]);
    assert_eq!(
        json_of(&db, &["view", "list", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn pick_is_the_same_for_a_seed_and_keeps_to_its_source() {
    let (_dir, db) = temp_db_in_new_folders();
    ok(
        &db,
        &["log", "Stalker", "--year", "1979", "--date", "2024-01-02"],
    );
    ok(
        &db,
        &[
            "watchlist",
            "add",
            "Solaris",
            "--year",
            "1972",
            "--priority",
            "5",
        ],
    );
    ok(
        &db,
        &[
            "watchlist",
            "add",
            "Mirror",
            "--year",
            "1975",
            "--priority",
            "1",
        ],
    );
    ok(&db, &["list", "create", "Tarkovsky"]);
    ok(&db, &["list", "add", "Tarkovsky", "Stalker"]);
    let first = ok(&db, &["pick", "--seed", "42"]);
    assert_eq!(
        ok(&db, &["pick", "--seed", "42"]),
        first,
        "same seed, same pick"
    );
    for seed in 0..8 {
        let seed = seed.to_string();
        let picked = json_of(
            &db,
            &["pick", "--from", "watchlist", "--seed", &seed, "--json"],
        );
        assert!(["Solaris", "Mirror"].contains(&picked["film"]["title"].as_str().unwrap()));
        let picked = json_of(
            &db,
            &[
                "pick",
                "--from",
                "list",
                "Tarkovsky",
                "--seed",
                &seed,
                "--json",
            ],
        );
        assert_eq!(picked["film"]["title"], "Stalker");
    }
    let picked = json_of(
        &db,
        &["pick", "unwatched", "year:<1973", "--seed", "1", "--json"],
    );
    assert_eq!(picked["film"]["title"], "Solaris");
    assert_one_sentence_error(&cinedex(&db, &["pick", "genre:western"]), "No film fits");
    assert_one_sentence_error(&cinedex(&db, &["pick", "--from", "diary"]), "--from takes");
}

#[test]
fn duplicates_are_listed_and_merged_from_the_command_line() {
    let (_dir, db) = temp_db_in_new_folders();
    ok(
        &db,
        &[
            "log",
            "Rear Window",
            "--year",
            "1954",
            "--date",
            "2024-01-02",
        ],
    );
    ok(&db, &["watchlist", "add", "Rear window!", "--year", "1955"]);
    let found = json_of(&db, &["duplicates", "--json"]);
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert!(found[0]["reason"]
        .as_str()
        .unwrap()
        .contains("neither names a director"));
    let keep = found[0]["keep"]["id"].as_i64().unwrap().to_string();
    let other = found[0]["other"]["id"].as_i64().unwrap().to_string();
    let before = films_json(&db, "");
    let out = ok(&db, &["merge", &keep, &other, "--dry-run"]);
    assert!(out.contains("would move 1 watchlist place"), "{out}");
    assert_eq!(films_json(&db, ""), before, "a dry run changes nothing");
    let out = ok(&db, &["merge", &keep, &other]);
    assert!(
        out.contains(&format!("Merged #{other} into #{keep}")),
        "{out}"
    );
    assert_eq!(films_json(&db, "").len(), 1);
    assert!(ok(&db, &["watchlist", "list"]).contains("Rear Window"));
    assert!(ok(&db, &["duplicates"]).contains("No likely duplicates."));
    assert_one_sentence_error(
        &cinedex(&db, &["merge", &keep, &keep]),
        "cannot be merged with itself",
    );
    assert_one_sentence_error(
        &cinedex(&db, &["merge", &keep, "999"]),
        "is not in the catalog",
    );
}

/// A saved review page of our own, with schema.org JSON-LD and OpenGraph tags.
const SAVED_PAGE: &str = include_str!("fixtures/pages/salt-harbour-json-ld.html");

#[test]
fn parse_review_reads_a_saved_pages_json_ld_and_meta_tags() {
    let (dir, db) = temp_db_in_new_folders();
    let page = dir.path().join("salt-harbour.html");
    std::fs::write(&page, SAVED_PAGE).unwrap();
    let json = json_of(&db, &["parse-review", page.to_str().unwrap(), "--json"]);
    assert_eq!(json["title"], "Salt Harbour");
    assert_eq!(json["directors"], serde_json::json!(["Ines Calloway"]));
    assert_eq!(json["runtime_min"], 112, "PT1H52M");
    assert_eq!(json["release_date"], "2023-09-14");
    assert_eq!(
        json["rating"],
        serde_json::json!({"value": 4.0, "scale": 5})
    );
    assert_eq!(json["reviewer"], "Wren Okafor");
    assert_eq!(json["outlet"], "The Lantern");
    assert_eq!(json["published_on"], "2024-02-03");
    assert_eq!(
        json["source_url"],
        "https://lantern.example/reviews/salt-harbour"
    );
    let origins = json["origins"].as_array().unwrap();
    assert!(
        origins.contains(&serde_json::json!({"field": "runtime_min", "origin": "page_metadata"}))
    );
    assert!(json["alternatives"].is_array());
    assert!(!db.exists(), "parse-review writes nothing");

    // Broken JSON-LD is ignored: the page's text still parses.
    let broken = SAVED_PAGE.replace("\"reviewRating\"", "\"reviewRating");
    std::fs::write(&page, broken).unwrap();
    let json = json_of(&db, &["parse-review", page.to_str().unwrap(), "--json"]);
    assert_eq!(
        json["runtime_min"],
        Value::Null,
        "only the metadata said it"
    );
    let fields: Vec<&str> = json["origins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["outlet", "source_url"],
        "the OpenGraph tags still count"
    );
}

#[test]
fn a_bare_parse_review_lists_the_parsers_runner_ups() {
    let (dir, db) = temp_db_in_new_folders();
    let text = "‘Salt Harbour’ review: patient and tidal\n\nThe Long Shore (2023)\n\
                Director: Ines Calloway\nRunning time: 112 minutes\n\nIt is a patient film.\n";
    let paste = dir.path().join("paste.txt");
    std::fs::write(&paste, text).unwrap();
    let json = json_of(&db, &["parse-review", paste.to_str().unwrap(), "--json"]);
    assert_eq!(json["title"], "Salt Harbour");
    let runner_up = json["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["field"] == "title")
        .unwrap_or_else(|| panic!("no title runner-up: {json}"));
    assert_eq!(runner_up["value"], "The Long Shore");
    assert_eq!(runner_up["origin"], "text");
    let (start, end) = (
        runner_up["start"].as_u64().unwrap() as usize,
        runner_up["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "The Long Shore");
    assert!(runner_up["confidence"].as_f64().unwrap() < 0.9);
    assert!(!db.exists(), "parse-review writes nothing");
}

#[test]
fn parse_review_reads_a_pages_headings_bylines_times_and_links() {
    let (dir, db) = temp_db_in_new_folders();
    let page = dir.path().join("copied.html");
    std::fs::write(
        &page,
        include_str!("fixtures/pages/copied-salt-harbour.html"),
    )
    .unwrap();
    let json = json_of(&db, &["parse-review", page.to_str().unwrap(), "--json"]);
    assert_eq!(json["title"], "Salt Harbour");
    assert_eq!(json["reviewer"], "Wren Okafor");
    assert_eq!(json["published_on"], "2024-02-03");
    assert_eq!(json["directors"], serde_json::json!(["Ines Calloway"]));
    let cast: Vec<&str> = json["cast"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(cast, ["Tomas Reyne", "Ada Voss"]);
    let origins = json["origins"].as_array().unwrap();
    assert!(origins.contains(&serde_json::json!({"field": "reviewer", "origin": "page_markup"})));
    assert!(json["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["field"] == "title"
            && a["value"] == "Rust and Bone"
            && a["origin"] == "page_markup"));
}

#[test]
fn letterboxd_lists_import_with_their_description_and_notes() {
    let (dir, db) = temp_db_in_new_folders();
    let export = dir.path().join("export");
    std::fs::create_dir_all(export.join("lists")).unwrap();
    std::fs::write(
        export.join("lists").join("wuxia.csv"),
        "Letterboxd list export v7\r\nDate,Name,Tags,URL,Description\r\n\
         2022-06-11,Wuxia,,https://boxd.it/l1,\"Swords, mostly\"\r\n\r\n\
         Position,Name,Year,URL,Description\r\n\
         1,\"Crouching Tiger, Hidden Dragon\",2000,https://boxd.it/f7,Bamboo\r\n\
         2,Hero,2002,https://boxd.it/f8,\r\n",
    )
    .unwrap();
    ok(&db, &["import", "letterboxd", export.to_str().unwrap()]);
    let shown = json_of(&db, &["list", "show", "wuxia", "--json"]);
    assert_eq!(shown["description"], "Swords, mostly");
    assert_eq!(
        shown["entries"][0]["film"]["title"],
        "Crouching Tiger, Hidden Dragon"
    );
    assert_eq!(shown["entries"][0]["note"], "Bamboo");
    assert_eq!(shown["entries"][1]["place"], 2);
    assert_eq!(shown["total"], 2);
    ok(&db, &["import", "letterboxd", export.to_str().unwrap()]);
    assert_eq!(
        json_of(&db, &["list", "show", "Wuxia", "--json"])["total"],
        2,
        "imported once"
    );
}

#[test]
fn a_poster_is_set_written_out_listed_and_removed() {
    let (dir, db) = temp_db_in_new_folders();
    assert!(cinedex(&db, &["log", "Metropolis", "--date", "2024-01-03"])
        .status
        .success());
    let id = films_json(&db, "")[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(films_json(&db, "")[0]["has_poster"], false);
    let file = dir.path().join("metropolis.png");
    let png = poster_png(300, 450);
    std::fs::write(&file, &png).unwrap();

    let output = cinedex(&db, &["poster", "set", &id, file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Set the poster of \"Metropolis\""),
        "{}",
        stdout(&output)
    );
    assert_eq!(films_json(&db, "")[0]["has_poster"], true);

    let back = dir.path().join("out").join("back.png");
    std::fs::create_dir_all(back.parent().unwrap()).unwrap();
    let output = cinedex(&db, &["poster", "get", &id, "-o", back.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read(&back).unwrap(),
        png,
        "the original is kept as given"
    );
    let thumb = dir.path().join("grid.jpg");
    let output = cinedex(
        &db,
        &[
            "poster",
            "get",
            &id,
            "-o",
            thumb.to_str().unwrap(),
            "--size",
            "grid",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let grid = image::load_from_memory(&std::fs::read(&thumb).unwrap()).unwrap();
    assert_eq!(
        (grid.width(), grid.height()),
        cinedex::model::GRID_THUMB_BOX
    );

    let output = cinedex(&db, &["poster", "remove", &id]);
    assert!(
        stdout(&output).contains("Removed the poster"),
        "{}",
        stdout(&output)
    );
    assert_eq!(films_json(&db, "")[0]["has_poster"], false);
    let output = cinedex(&db, &["poster", "get", &id, "-o", back.to_str().unwrap()]);
    assert_one_sentence_error(&output, "has no poster");
}

#[test]
fn bad_poster_files_get_one_sentence_and_store_nothing() {
    let (dir, db) = temp_db_in_new_folders();
    assert!(cinedex(&db, &["log", "Nosferatu", "--date", "2024-01-03"])
        .status
        .success());
    let id = films_json(&db, "")[0]["id"].as_i64().unwrap().to_string();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let mut cut = poster_png(200, 300);
    cut.truncate(cut.len() / 3);
    // A PNG claiming 100000 × 100000 pixels in a few bytes: a header and one tiny data chunk.
    let bomb = support::png_bytes::png_claiming(100_000, 100_000, 8);
    let huge = dir.path().join("huge.png");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let cases = [
        (
            write("notes.png", b"These are my notes, not a poster."),
            "not an image Cinedex reads",
        ),
        (write("empty.jpg", b""), "The file is empty"),
        (write("cut.png", &cut), "The image is damaged"),
        (write("bomb.png", &bomb), "claims 100000 × 100000 pixels"),
        (huge.to_str().unwrap().to_owned(), "larger than the 30 MB"),
    ];
    let before = std::fs::read(&db).unwrap();
    for (file, needle) in cases {
        let output = cinedex(&db, &["poster", "set", &id, &file]);
        assert_one_sentence_error(&output, needle);
        assert!(
            stderr(&output).contains("nothing was stored"),
            "{}",
            stderr(&output)
        );
    }
    let good = write("good.png", &poster_png(20, 30));
    assert_one_sentence_error(
        &cinedex(&db, &["poster", "set", "999", &good]),
        "Film #999 is not in the catalog",
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the catalog is unchanged"
    );
    assert_eq!(films_json(&db, "")[0]["has_poster"], false);
}

#[test]
fn a_backup_round_trips_posters_and_can_leave_them_out() {
    let (dir, db) = temp_db_in_new_folders();
    let output = cinedex(&db, &["demo", "--films", "12", "--posters"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("holds 12 posters"),
        "{}",
        stdout(&output)
    );
    let films = films_json(&db, "");
    assert!(films.iter().all(|f| f["has_poster"] == true));
    let backup = dir.path().join("backup.json");
    let light = dir.path().join("light.json");
    assert!(
        cinedex(&db, &["export", "backup", "-o", backup.to_str().unwrap()])
            .status
            .success()
    );
    assert!(cinedex(
        &db,
        &[
            "export",
            "backup",
            "-o",
            light.to_str().unwrap(),
            "--no-posters"
        ]
    )
    .status
    .success());
    let light_text = std::fs::read_to_string(&light).unwrap();
    assert!(!light_text.contains("\"posters\""));
    assert!(std::fs::metadata(&backup).unwrap().len() > 5 * light_text.len() as u64);

    let restored = dir.path().join("restored.sqlite3");
    let output = cinedex(&restored, &["import", "backup", backup.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let again = dir.path().join("again.json");
    assert!(cinedex(
        &restored,
        &["export", "backup", "-o", again.to_str().unwrap()]
    )
    .status
    .success());
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&backup).unwrap(),
        "posters come back byte for byte"
    );

    let bare = dir.path().join("bare.sqlite3");
    assert!(
        cinedex(&bare, &["import", "backup", light.to_str().unwrap()])
            .status
            .success()
    );
    assert!(films_json(&bare, "")
        .iter()
        .all(|f| f["has_poster"] == false));

    // A poster whose bytes were damaged in the file is refused, and nothing is restored.
    let text = std::fs::read_to_string(&backup).unwrap();
    let start = text.find("\"grid_thumb\": \"").unwrap() + 15;
    let mut damaged = text.clone();
    damaged.replace_range(start..start + 8, "AAAAAAAA");
    let damaged_path = dir.path().join("damaged.json");
    std::fs::write(&damaged_path, damaged).unwrap();
    let empty = dir.path().join("empty.sqlite3");
    let output = cinedex(
        &empty,
        &["import", "backup", damaged_path.to_str().unwrap()],
    );
    assert_one_sentence_error(&output, "Poster 1 of the backup is damaged");
    assert!(films_json(&empty, "").is_empty());
}

#[test]
fn a_saved_review_page_brings_its_og_image_as_the_poster() {
    let (dir, db) = temp_db_in_new_folders();
    let page = dir.path().join("Still Water review.html");
    let html = include_str!("fixtures/reviews/html-still-water.html").replace(
        "</title></head>",
        "</title>\n<meta property=\"og:image\" content=\"https://img.example.com/uploads/p14-still.png?w=1200\"></head>",
    );
    assert!(html.contains("og:image"));
    std::fs::write(&page, html).unwrap();
    let folder = dir.path().join("Still Water review_files");
    std::fs::create_dir(&folder).unwrap();
    let png = poster_png(240, 360);
    std::fs::write(folder.join("p14-still.png"), &png).unwrap();
    let output = cinedex(&db, &["import-review", page.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Took the poster from the saved page"),
        "{}",
        stdout(&output)
    );
    let film = &films_json(&db, "")[0];
    assert_eq!(film["title"], "Still Water");
    assert_eq!(film["has_poster"], true);
    let back = dir.path().join("back.png");
    let id = film["id"].to_string();
    assert!(
        cinedex(&db, &["poster", "get", &id, "-o", back.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(std::fs::read(back).unwrap(), png);
}

#[test]
fn parse_review_uses_the_catalog_only_when_asked() {
    let (dir, db) = temp_db_in_new_folders();
    let prose = dir.path().join("prose.txt");
    std::fs::write(
        &prose,
        "I went in knowing little. Salt Harbour is patient, and Ines Calloway lets the tide do \
         the work; Tomas Reyne barely speaks.\n\nBy the end of Salt Harbour I was undone.\n",
    )
    .unwrap();
    let refused = cinedex(
        &db,
        &["parse-review", prose.to_str().unwrap(), "--use-catalog"],
    );
    assert_one_sentence_error(&refused, "--use-catalog needs a catalog");
    assert!(!db.exists(), "no catalog is created for it");

    let film = dir.path().join("film.txt");
    std::fs::write(
        &film,
        "Salt Harbour (2023)\nDirector: Ines Calloway\nCast: Tomas Reyne, Ada Voss\n\nA patient film.\n",
    )
    .unwrap();
    assert!(cinedex(&db, &["import-review", film.to_str().unwrap()])
        .status
        .success());
    let before = std::fs::read(&db).unwrap();

    let bare = cinedex(&db, &["parse-review", prose.to_str().unwrap(), "--json"]);
    let json: Value = serde_json::from_str(&stdout(&bare)).unwrap();
    assert_eq!(json["title"], Value::Null, "the text alone names no title");
    assert!(!bare.status.success(), "nothing recognised");

    let with = cinedex(
        &db,
        &[
            "parse-review",
            prose.to_str().unwrap(),
            "--json",
            "--use-catalog",
        ],
    );
    assert!(with.status.success(), "{}", stderr(&with));
    let json: Value = serde_json::from_str(&stdout(&with)).unwrap();
    assert_eq!(json["title"], "Salt Harbour");
    assert_eq!(json["directors"], serde_json::json!(["Ines Calloway"]));
    assert_eq!(json["cast"][0]["name"], "Tomas Reyne");
    assert!(json["origins"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!({"field": "title", "origin": "catalog"})));
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was written");
}
