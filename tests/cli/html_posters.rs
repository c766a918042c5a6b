//! `export watchlist|diary --format html --posters`: one self-contained page with each film's
//! poster thumbnail embedded as a `data:` URI, read back from the file the binary wrote.

use std::path::Path;

use base64::Engine as _;

use crate::support::{fails, ok, poster_png, temp_db};

/// The `data:` URIs the page embeds, decoded, in page order.
fn embedded_images(page: &str) -> Vec<Vec<u8>> {
    page.split("src=\"data:image/jpeg;base64,")
        .skip(1)
        .map(|rest| {
            let encoded = &rest[..rest.find('"').unwrap()];
            base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .unwrap()
        })
        .collect()
}

fn write_page(db: &Path, what: &str, file: &Path, posters: bool) -> String {
    let file = file.to_str().unwrap();
    let mut args = vec!["export", what, "--format", "html", "-o", file];
    if posters {
        args.push("--posters");
    }
    ok(db, &args);
    std::fs::read_to_string(file).unwrap()
}

#[test]
fn html_exports_embed_the_grid_thumbnails_in_one_file() {
    let (dir, db) = temp_db();
    ok(
        &db,
        &[
            "log",
            "Metropolis",
            "--year",
            "1927",
            "--date",
            "2024-02-01",
        ],
    );
    ok(
        &db,
        &["log", "Amélie", "--year", "2001", "--date", "2024-03-09"],
    );
    ok(&db, &["watchlist", "add", "Metropolis"]);
    ok(&db, &["watchlist", "add", "Amélie"]);
    let image = dir.path().join("metropolis.png");
    std::fs::write(&image, poster_png(200, 300)).unwrap();
    let metropolis = ok(&db, &["films", "--json"]);
    let films: serde_json::Value = serde_json::from_str(&metropolis).unwrap();
    let id = films
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["title"] == "Metropolis")
        .unwrap()["id"]
        .to_string();
    ok(&db, &["poster", "set", &id, image.to_str().unwrap()]);
    let thumb = dir.path().join("thumb.jpg");
    ok(
        &db,
        &[
            "poster",
            "get",
            &id,
            "--size",
            "grid",
            "-o",
            thumb.to_str().unwrap(),
        ],
    );
    let thumb = std::fs::read(thumb).unwrap();

    for what in ["watchlist", "diary"] {
        let page = write_page(&db, what, &dir.path().join(format!("{what}.html")), true);
        assert_eq!(
            embedded_images(&page),
            std::slice::from_ref(&thumb),
            "{what}: one poster, the grid's"
        );
        assert!(page.contains("alt=\"Poster of Metropolis\""), "{what}");
        assert!(
            page.contains("<td class=\"poster\"></td>"),
            "{what}: Amélie has none"
        );
        assert!(
            !page.contains("http://") && !page.contains("https://"),
            "{what}: self-contained"
        );
        assert!(page.contains("<td>Amélie</td>"), "{what}");

        let plain = write_page(
            &db,
            what,
            &dir.path().join(format!("{what}-plain.html")),
            false,
        );
        assert!(
            embedded_images(&plain).is_empty(),
            "{what}: no posters unless asked"
        );
        assert!(!plain.contains("<th>Poster</th>"));
    }

    let csv = dir.path().join("diary.csv");
    let error = fails(
        &db,
        &[
            "export",
            "diary",
            "--format",
            "csv",
            "--posters",
            "-o",
            csv.to_str().unwrap(),
        ],
    );
    assert!(error.contains("use it with --format html"), "{error}");
    assert!(!csv.exists(), "no file written");
}
