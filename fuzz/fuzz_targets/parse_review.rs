//! The review parser on any text: it never panics, and every span it returns lies within the
//! text it indexes, on character boundaries.
#![no_main]

use cinedex::parse::{parse_review, parse_review_detailed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let output = parse_review_detailed(&text);
    let indexed = output.indexed_text.as_ref();
    for span in &output.review.provenance {
        assert!(
            span.start <= span.end && span.end <= indexed.len(),
            "{span:?} is outside the {} bytes of the indexed text",
            indexed.len()
        );
        assert!(
            indexed.is_char_boundary(span.start) && indexed.is_char_boundary(span.end),
            "{span:?} cuts a character"
        );
        assert!((0.0..=1.0).contains(&span.confidence), "{span:?}");
    }
    assert_eq!(parse_review(&text), output.review, "both calls agree");
});
