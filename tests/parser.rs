//! The review parser against the seed paste, the fixture corpus, random input and bad input.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cinedex::parse::{parse_review, parse_review_detailed, CastMember, Field, ParsedReview};
use proptest::prelude::*;
use serde_json::Value;

/// The fixture folder (`tests/fixtures/reviews` beside this file's crate).
fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reviews")
}

fn seed() -> String {
    std::fs::read_to_string(fixtures_dir().join("seed-japan-times.txt")).unwrap()
}

fn cast(name: &str, character: &str) -> CastMember {
    CastMember {
        name: name.to_owned(),
        character: Some(character.to_owned()),
    }
}

/// Every span lies inside the text it indexes and on character boundaries.
fn assert_spans_ok(text: &str) {
    let out = parse_review_detailed(text);
    let indexed = &out.indexed_text;
    for p in &out.review.provenance {
        assert!(
            p.start <= p.end && p.end <= indexed.len(),
            "{p:?} outside {}",
            indexed.len()
        );
        assert!(
            indexed.is_char_boundary(p.start) && indexed.is_char_boundary(p.end),
            "{p:?}"
        );
        assert!((0.0..=1.0).contains(&p.confidence));
    }
    if !out.from_html {
        assert_eq!(indexed.as_ref(), text);
    }
}

fn assert_seed_fields(review: &ParsedReview) {
    assert_eq!(review.title.as_deref(), Some("Rust and Bone"));
    assert_eq!(review.original_title, None);
    assert_eq!(review.alternative_titles, vec!["Kimi to Aruku Sekai"]);
    assert_eq!(review.year, None);
    assert_eq!(review.directors, vec!["Jacques Audiard"]);
    assert!(review.writers.is_empty());
    assert_eq!(
        review.cast,
        vec![
            cast("Matthias Schoenaerts", "Ali"),
            cast("Marion Cotillard", "Stéphanie")
        ]
    );
    assert_eq!(review.runtime_min, Some(122));
    assert_eq!(review.languages, vec!["French"]);
    assert!(review.countries.is_empty());
    assert!(review.genres.is_empty());
    assert_eq!(
        review.release_date.map(|d| d.to_string()).as_deref(),
        Some("2013-04-06")
    );
    assert_eq!(review.rating, None);
    assert_eq!(review.reviewer, None);
    assert_eq!(review.outlet, None);
    assert_eq!(review.published_on, None);
    assert_eq!(review.source_url, None);
    assert!(review
        .body
        .starts_with("A boxer knows how to get back up when knocked down."));
    assert!(review
        .body
        .ends_with("how they learn what it means to really need someone."));
    assert_eq!(review.body.matches("\n\n").count(), 6, "seven paragraphs");
    for dropped in [
        "Director Jacques Audiard",
        "Run Time",
        "Opens Opens",
        "COVID-19",
        "misinformation",
        "By subscribing",
        "Kimi to Aruku",
    ] {
        assert!(!review.body.contains(dropped), "body keeps {dropped:?}");
    }
    assert!(!review.is_empty());
}

#[test]
fn seed_gives_exactly_the_design_fields() {
    let text = seed();
    let review = parse_review(&text);
    assert_seed_fields(&review);
    let json = serde_json::to_value(&review).unwrap();
    assert_eq!(json["release_date"], "2013-04-06");
    assert_eq!(
        json["cast"][0],
        serde_json::json!({"name": "Matthias Schoenaerts", "character": "Ali"})
    );
    assert_spans_ok(&text);
    let director = review.spans(Field::Directors).next().unwrap();
    assert_eq!(&text[director.start..director.end], "Jacques Audiard");
    let runtime = review.spans(Field::RuntimeMin).next().unwrap();
    assert_eq!(&text[runtime.start..runtime.end], "122 minutes");
    let back: ParsedReview = serde_json::from_value(json).unwrap();
    assert_eq!(back, review);
}

#[test]
fn the_fixture_copy_matches_the_shared_seed() {
    let shared = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/rust-and-bone-japan-times.txt"
    );
    match std::fs::read_to_string(shared) {
        Ok(text) => assert_eq!(text, seed()),
        Err(_) => eprintln!("{shared} not present; using the fixture copy only"),
    }
}

#[test]
fn crlf_seed_gives_the_same_fields() {
    let text = seed().replace('\n', "\r\n");
    let review = parse_review(&text);
    assert_seed_fields(&review);
    let mut plain = parse_review(&seed());
    let mut crlf = review.clone();
    plain.provenance.clear();
    crlf.provenance.clear();
    assert_eq!(crlf, plain);
    assert_spans_ok(&text);
}

#[test]
fn seed_with_no_break_spaces_and_curly_quotes_still_parses() {
    let text = seed()
        .replace("Director Jacques", "Director\u{a0}Jacques")
        .replace("Run Time 122", "Run\u{a0}Time\u{a0}122");
    let review = parse_review(&text);
    assert_eq!(review.directors, vec!["Jacques Audiard"]);
    assert_eq!(review.runtime_min, Some(122));
    assert_spans_ok(&text);
}

/// Compares two JSON values, numbers by value (`4` equals `4.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn fixtures_parse_as_expected() {
    let mut table: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut mismatches = Vec::new();
    let mut count = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    for expected_path in entries {
        let name = expected_path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let input_path = ["txt", "html"]
            .iter()
            .map(|ext| expected_path.with_extension(ext))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("no input for {name}"));
        let text = std::fs::read_to_string(&input_path).unwrap();
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap())
                .unwrap_or_else(|e| panic!("{name}.json: {e}"));
        let review = parse_review(&text);
        assert_spans_ok(&text);
        let actual = serde_json::to_value(&review).unwrap();
        count += 1;
        for field in Field::ALL {
            let key = field.as_str();
            let ok = if field == Field::Body {
                let body = review.body.as_str();
                let starts = expected["body_starts_with"].as_str().unwrap_or("");
                let ends = expected["body_ends_with"].as_str().unwrap_or("");
                let excluded: Vec<&str> = expected["body_excludes"]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let ok = body.starts_with(starts)
                    && body.ends_with(ends)
                    && excluded.iter().all(|x| !body.contains(x));
                if !ok {
                    let head: String = body.chars().take(80).collect();
                    let tail: String = body
                        .chars()
                        .rev()
                        .take(80)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    let kept: Vec<&&str> = excluded.iter().filter(|x| body.contains(**x)).collect();
                    mismatches.push(format!(
                        "{name}: body starts {head:?}, ends {tail:?}, keeps {kept:?}"
                    ));
                }
                ok
            } else {
                let want = expected
                    .get(key)
                    .unwrap_or_else(|| panic!("{name}.json lacks {key}"));
                let ok = same(&actual[key], want);
                if !ok {
                    mismatches.push(format!(
                        "{name}: {key}: expected {want}, got {}",
                        actual[key]
                    ));
                }
                ok
            };
            let entry = table.entry(key).or_default();
            entry.0 += usize::from(ok);
            entry.1 += 1;
        }
        if expected["is_empty"].as_bool() == Some(true) {
            assert!(review.is_empty(), "{name} should recognise nothing");
        }
    }
    println!("{count} fixtures; per-field accuracy:");
    println!("{:<20} {:>7}", "field", "correct");
    let (mut right, mut total) = (0, 0);
    for field in Field::ALL {
        let (ok, all) = table.get(field.as_str()).copied().unwrap_or_default();
        right += ok;
        total += all;
        println!("{:<20} {ok:>3}/{all:<3}", field.as_str());
    }
    println!("{:<20} {right:>3}/{total:<3}", "all fields");
    assert!(count >= 17, "expected at least 17 fixtures, found {count}");
    if !mismatches.is_empty() {
        for m in &mismatches {
            eprintln!("MISMATCH {m}");
        }
        panic!("{} fixture field(s) differ", mismatches.len());
    }
}

#[test]
fn bad_input_recognises_nothing() {
    let junk: String = (0u32..4096)
        .filter_map(|i| char::from_u32(i * 7919 % 0x3000))
        .collect();
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let binary = String::from_utf8_lossy(&bytes).into_owned();
    let paragraph = "The light in this part of the country falls sideways in the evening, and the river keeps its own counsel while the town argues about the bridge.\n\n";
    let big = paragraph.repeat(5 * 1024 * 1024 / paragraph.len() + 1);
    assert!(big.len() >= 5 * 1024 * 1024);
    for text in [
        "",
        "   \n\t \r\n ",
        "\u{0}\u{1}\u{2}\u{3}\u{7f}",
        junk.as_str(),
        binary.as_str(),
        big.as_str(),
        "Hello there.\nNice weather today.",
    ] {
        let review = parse_review(text);
        assert!(
            review.is_empty(),
            "{:?}",
            &text.chars().take(40).collect::<String>()
        );
        // Prose that names no film is still the body; nothing else is kept.
        let facts = ParsedReview {
            body: String::new(),
            provenance: Vec::new(),
            ..review.clone()
        };
        assert_eq!(facts, ParsedReview::default());
        assert!(review.provenance.iter().all(|p| p.field == Field::Body));
        assert_spans_ok(text);
    }
}

#[test]
fn html_spans_index_the_converted_text() {
    let html = "<html><body><h1>‘Rust and Bone’ review: a brute and a swimmer</h1><p>By Ana Reyes</p><p>Director: Jacques Audiard<br>Running time: 122 minutes</p><p>Ali (Matthias Schoenaerts) meets St&eacute;phanie (Marion Cotillard).</p></body></html>";
    let out = parse_review_detailed(html);
    assert!(out.from_html);
    assert_eq!(out.review.title.as_deref(), Some("Rust and Bone"));
    assert_eq!(out.review.reviewer.as_deref(), Some("Ana Reyes"));
    let span = out.review.spans(Field::Directors).next().unwrap();
    assert_eq!(&out.indexed_text[span.start..span.end], "Jacques Audiard");
    assert_spans_ok(html);
}

#[test]
fn model_values_come_out() {
    let text = seed();
    let review = parse_review(&text);
    let film = review.to_film();
    assert_eq!(film.title, "Rust and Bone");
    assert_eq!(film.directors_line(), "Jacques Audiard");
    assert_eq!(film.credits.len(), 3);
    assert!(film.validate().is_ok());
    let external = review.to_review(&text);
    assert_eq!(external.kind, cinedex::model::ReviewKind::External);
    assert_eq!(external.source_text.as_deref(), Some(text.as_str()));
    assert_eq!(external.body, review.body);
    assert_eq!(Field::ALL.len(), 18);
    assert_eq!(Field::RuntimeMin.as_str(), "runtime_min");
    assert_eq!(Field::RuntimeMin.label(), "Running time");
}

/// Lines mixing credit keywords, names, dates and furniture.
fn structured_line() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Director",
        "Directed by",
        "Dir.",
        "Written by",
        "Screenplay,",
        "Starring",
        "Cast",
        "With:",
        "Running time:",
        "Run Time",
        "Language",
        "Opens",
        "Rated R",
        "Grade:",
        "By",
        "Reviewed by",
        "Title:",
        "Film review:",
        "★★★½",
        "3.5/5",
        "4 out of 5 stars",
        "(",
        ")",
        "‘",
        "’",
        "Jacques Audiard",
        "Stéphanie",
        "Ali",
        "(Marion Cotillard)",
        "as",
        "Kimi to Aruku Sekai",
        "(2012)",
        "122 minutes",
        "1h 50m",
        "April 6, 2013",
        "2013-04-06",
        "—",
        ";",
        ",",
        ".",
        ":",
        "\u{a0}",
        "\r",
        "é",
        "映画",
        "https://www.theguardian.com/x",
        "The Guardian",
        "©",
        "Advertisement",
        "Comments",
        "B+",
        "France-Belgium",
        "(French dialogue)",
    ]);
    prop::collection::vec(words, 0..12).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        assert_spans_ok(&text);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        assert_spans_ok(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn credit_shaped_text_never_panics(lines in prop::collection::vec(structured_line(), 0..25)) {
        assert_spans_ok(&lines.join("\n"));
    }
}

/// The committed floor for the fixture corpus (`fixtures/reviews` and `fixtures/reviews/layouts`,
/// the latter written in the layouts of real pages catalogued in docs/parser-study.md), scored with
/// the rules of `examples/parser_score`.
const CORPUS_FLOOR_OVERALL: f64 = 0.98;
/// The floor for every single field of the corpus.
const CORPUS_FLOOR_FIELD: f64 = 0.95;

/// Every fixture pair of the corpus: its text, what a careful reader finds, and whether it is
/// written in a real page's layout.
fn corpus() -> Vec<(String, ParsedReview, bool)> {
    let mut pairs = Vec::new();
    for dir in [fixtures_dir(), fixtures_dir().join("layouts")] {
        let mut jsons: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        jsons.sort();
        for json in jsons {
            let input = ["txt", "html"]
                .iter()
                .map(|ext| json.with_extension(ext))
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("no input beside {}", json.display()));
            let expected: ParsedReview =
                serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
            let text = std::fs::read_to_string(&input).unwrap();
            pairs.push((text, expected, dir.ends_with("layouts")));
        }
    }
    pairs
}

#[test]
fn fixture_corpus_stays_above_the_floor() {
    use cinedex::parse::score::{score, ScoredField, Tally};
    let mut tally = Tally::default();
    let pairs = corpus();
    for (text, expected, _) in &pairs {
        tally.add(&score(&parse_review(text), expected));
    }
    let files = pairs.len();
    let layout_files = pairs.iter().filter(|(_, _, layout)| *layout).count();
    assert!(files >= 110, "{files} fixture pairs");
    assert!(
        layout_files * 10 >= files * 7,
        "{layout_files} of {files} in real layouts"
    );
    let overall = tally.overall().unwrap();
    assert!(
        overall >= CORPUS_FLOOR_OVERALL,
        "corpus scores {overall:.3}"
    );
    for field in ScoredField::ALL {
        if let (Some(s), n) = tally.field(field) {
            assert!(
                s >= CORPUS_FLOOR_FIELD,
                "{} scores {s:.3} over {n} files",
                field.as_str()
            );
        }
    }
}

/// `parser_score --with-known`: a catalog holding the studied films never lowers the score.
#[test]
fn the_catalog_of_the_studied_films_scores_at_least_the_text_alone() {
    use cinedex::parse::parse_review_with;
    use cinedex::parse::score::{known_of, score, Tally};
    let pairs = corpus();
    let known = known_of(pairs.iter().map(|(_, expected, _)| expected));
    assert!(known.film_count() >= 100, "{} films", known.film_count());
    let (mut plain, mut with) = (Tally::default(), Tally::default());
    for (text, expected, _) in &pairs {
        plain.add(&score(&parse_review(text), expected));
        with.add(&score(&parse_review_with(text, &known).review, expected));
    }
    let (plain, with) = (plain.overall().unwrap(), with.overall().unwrap());
    println!("corpus: {plain:.3} from the text alone, {with:.3} with the catalog");
    assert!(with >= plain, "{with:.3} with the catalog < {plain:.3}");
}
