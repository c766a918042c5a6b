//! Scores the review parser on folders of `NAME.txt` (or `NAME.html`) + `NAME.json` pairs, where the
//! JSON holds what a careful reader finds (the `parse-review --json` shape; missing keys are empty).
//!
//! `cargo run --release --example parser_score -- [--summary] [--diff] [--with-known] DIR…` prints,
//! per file and overall, a score per field (title, year, directors, cast names, characters,
//! runtime, languages, release date, rating, reviewer, outlet): `-` where both sides are empty, 0
//! where a value was invented or missed, 1 where it matches. The rules are those of
//! `cinedex::parse::score`.
//!
//! `--with-known` scores `parse_review_with` instead of `parse_review`, with a catalog that holds
//! every studied film: each pair's expected title, original and other titles, year, directors and
//! cast (`score::known_of`). The difference is what the catalog's memory adds.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use cinedex::parse::score::{known_of, score, values, FileScore, ScoredField, Tally};
use cinedex::parse::{parse_review, parse_review_with, ParsedReview};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parser_score: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let mut summary = false;
    let mut diff = false;
    let mut with_known = false;
    let mut dirs = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--summary" => summary = true,
            "--diff" => diff = true,
            "--with-known" => with_known = true,
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        bail!("give one or more folders of NAME.txt + NAME.json pairs");
    }
    let mut studied = Vec::new();
    for dir in &dirs {
        for (name, input, expected) in pairs(dir)? {
            let text = std::fs::read_to_string(&input)
                .with_context(|| format!("cannot read {}", input.display()))?;
            let want: ParsedReview = serde_json::from_str(
                &std::fs::read_to_string(&expected)
                    .with_context(|| format!("cannot read {}", expected.display()))?,
            )
            .with_context(|| format!("not an expected-fields JSON: {}", expected.display()))?;
            studied.push((name, text, want));
        }
    }
    let known = with_known.then(|| known_of(studied.iter().map(|(_, _, want)| want)));
    let mut tally = Tally::default();
    let files = studied.len();
    print_header(if with_known {
        "file (with known)"
    } else {
        "file"
    });
    for (name, text, want) in &studied {
        let got = match &known {
            Some(known) => parse_review_with(text, known).review,
            None => parse_review(text),
        };
        let s = score(&got, want);
        tally.add(&s);
        if !summary {
            print_row(name, &s);
        }
        if diff {
            print_diff(&got, want, &s);
        }
    }
    println!("{}", "-".repeat(30 + 9 * ScoredField::ALL.len() + 8));
    let mut line = format!("{:<30}", format!("overall ({files} files)"));
    for field in ScoredField::ALL {
        line.push_str(&cell(tally.field(field).0));
    }
    line.push_str(&cell(tally.overall()));
    println!("{line}");
    let mut counts = format!("{:<30}", "fields scored");
    for field in ScoredField::ALL {
        counts.push_str(&format!("{:>9}", tally.field(field).1));
    }
    println!("{counts}");
    Ok(())
}

/// Every `NAME.json` in `dir` with its `NAME.txt` or `NAME.html`, sorted by name.
fn pairs(dir: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Some(input) = ["txt", "html"]
            .iter()
            .map(|ext| path.with_extension(ext))
            .find(|p| p.exists())
        else {
            bail!("no NAME.txt or NAME.html beside {}", path.display());
        };
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push((name, input, path));
    }
    out.sort();
    Ok(out)
}

fn print_header(first: &str) {
    let mut line = format!("{first:<30}");
    for field in ScoredField::ALL {
        line.push_str(&format!("{:>9}", field.as_str()));
    }
    line.push_str(&format!("{:>8}", "mean"));
    println!("{line}");
}

fn print_row(name: &str, s: &FileScore) {
    let short: String = name.chars().take(29).collect();
    let mut line = format!("{short:<30}");
    for field in ScoredField::ALL {
        line.push_str(&cell(s.get(field)));
    }
    line.push_str(&cell(s.mean()));
    println!("{line}");
}

/// Under a file's row: each field that scored below 1, as found and as expected.
fn print_diff(got: &ParsedReview, want: &ParsedReview, s: &FileScore) {
    for field in ScoredField::ALL {
        if s.get(field).is_some_and(|v| v < 1.0) {
            println!(
                "    {:<9} got {:?} want {:?}",
                field.as_str(),
                values(got, field),
                values(want, field)
            );
        }
    }
}

fn cell(score: Option<f64>) -> String {
    score.map_or_else(|| format!("{:>9}", "-"), |s| format!("{s:>9.2}"))
}
