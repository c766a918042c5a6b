//! `cinedex pick --from watchlist` and `--from list NAME`: the pick keeps to its source, is
//! weighted by watchlist priority, combines with a query written before or after `--from`, and
//! a missing list or an empty source is one sentence.

use std::collections::BTreeMap;
use std::path::Path;

use super::{assert_one_sentence_error, json_of};
use crate::support::{cinedex, ok, temp_db_in_new_folders};

/// How often each title is picked over `seeds`, with `args` before `--seed`.
fn picks(db: &Path, args: &[&str], seeds: std::ops::Range<u64>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for seed in seeds {
        let seed = seed.to_string();
        let mut all = vec!["pick"];
        all.extend(args);
        all.extend(["--seed", &seed, "--json"]);
        let picked = json_of(db, &all);
        let title = picked["film"]["title"].as_str().unwrap().to_owned();
        *counts.entry(title).or_default() += 1;
    }
    counts
}

/// Stalker watched; Solaris (priority 5) and Mirror (priority 1) on the watchlist; Nostalghia
/// only in the catalog; the list "Top 100" holds Stalker, Solaris and Nostalghia.
fn tarkovsky_catalog(db: &Path) {
    ok(
        db,
        &["log", "Stalker", "--year", "1979", "--date", "2024-01-02"],
    );
    for (title, year, priority) in [("Solaris", "1972", "5"), ("Mirror", "1975", "1")] {
        let add = [
            "watchlist",
            "add",
            title,
            "--year",
            year,
            "--priority",
            priority,
        ];
        ok(db, &add);
    }
    ok(db, &["watchlist", "add", "Nostalghia", "--year", "1983"]);
    ok(db, &["watchlist", "remove", "Nostalghia"]);
    ok(db, &["list", "create", "Top 100"]);
    for title in ["Stalker", "Solaris", "Nostalghia"] {
        ok(db, &["list", "add", "Top 100", title]);
    }
    ok(db, &["list", "create", "Empty"]);
}

#[test]
fn pick_from_the_watchlist_or_a_list_keeps_to_it_weighted_by_priority() {
    let (_dir, db) = temp_db_in_new_folders();
    tarkovsky_catalog(&db);
    let from_watchlist = picks(&db, &["--from", "watchlist"], 0..60);
    assert_eq!(
        from_watchlist.keys().collect::<Vec<_>>(),
        ["Mirror", "Solaris"],
        "only the watchlist's films, both: {from_watchlist:?}"
    );
    // Priority 5 against 1: about five in six.
    assert!(from_watchlist["Solaris"] >= 40, "{from_watchlist:?}");

    let from_list = picks(&db, &["--from", "list", "Top 100"], 0..60);
    assert_eq!(
        from_list.keys().collect::<Vec<_>>(),
        ["Nostalghia", "Solaris", "Stalker"],
        "only the list's films, each of them: {from_list:?}"
    );
    assert!(
        from_list["Solaris"] > from_list["Stalker"] + from_list["Nostalghia"],
        "a film on the watchlist weighs its priority in a list too: {from_list:?}"
    );

    let out = ok(&db, &["pick", "--from", "watchlist", "--seed", "1"]);
    assert!(out.contains("Picked from 2 films (seed 1)."), "{out}");
}

#[test]
fn pick_from_a_source_takes_a_query_before_or_after_it() {
    let (_dir, db) = temp_db_in_new_folders();
    tarkovsky_catalog(&db);
    let title = |args: &[&str]| {
        let mut all = vec!["pick", "--seed", "9", "--json"];
        all.extend(args);
        json_of(&db, &all)["film"]["title"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let mirror = ["Mirror"; 3];
    let found = [
        title(&["--from", "watchlist", "year:1975"]),
        title(&["year:1975", "--from", "watchlist"]),
        title(&["--from", "watchlist", "unwatched", "year:1975"]),
    ];
    assert_eq!(found, mirror);
    assert_eq!(
        title(&["--from", "list", "Top 100", "unwatched", "decade:1980s"]),
        "Nostalghia"
    );
    assert_eq!(
        title(&["unwatched", "--from", "list", "top 100", "--", "-year:1983"]),
        "Solaris"
    );
    // Mirror matches the query, but is not on the list.
    assert_one_sentence_error(
        &cinedex(&db, &["pick", "--from", "list", "Top 100", "year:1975"]),
        "No film fits",
    );
}

#[test]
fn pick_from_a_missing_list_or_an_empty_source_is_one_sentence() {
    let (_dir, db) = temp_db_in_new_folders();
    tarkovsky_catalog(&db);
    let fails = |args: &[&str], needle: &str| {
        let mut all = vec!["pick"];
        all.extend(args);
        assert_one_sentence_error(&cinedex(&db, &all), needle);
    };
    fails(
        &["--from", "list"],
        "--from takes `watchlist` or `list NAME`.",
    );
    fails(&["--from", "lists", "Top 100"], "--from takes");
    fails(
        &["--from", "list", "Nope"],
        "There is no list called \"Nope\"",
    );
    fails(&["--from", "list", "Empty"], "No film fits");
    fails(&["--from", "watchlist", "genre:western"], "No film fits");
    ok(&db, &["watchlist", "remove", "Solaris"]);
    ok(&db, &["watchlist", "remove", "Mirror"]);
    fails(&["--from", "watchlist"], "No film fits");
}
