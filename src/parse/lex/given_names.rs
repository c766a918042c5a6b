//! Given names from the US Census 1990 name lists (public domain), shipped compressed as
//! `assets/given-names.txt.gz` (one lower-case name a line) and unpacked on first use. A word that
//! is a known given name is strong evidence that the words around it are a person's name; names
//! the lists lack (most outside the US) still pass on capitalisation alone.

use std::collections::HashSet;
use std::io::Read;
use std::sync::LazyLock;

/// The compressed list.
const PACKED: &[u8] = include_bytes!("../../../assets/given-names.txt.gz");

/// The unpacked list; empty if the asset cannot be read, so the parser falls back to
/// capitalisation.
static GIVEN: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut text = String::new();
    let mut decoder = flate2::read::GzDecoder::new(PACKED);
    if decoder.read_to_string(&mut text).is_err() {
        return HashSet::new();
    }
    text.lines().map(str::to_owned).collect()
});

/// True when `word` (any case and accents, without trailing punctuation) is a known given name.
pub fn is_given_name(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
    word.len() >= 2
        && word.len() <= 20
        && GIVEN.contains(&deunicode::deunicode(word).to_lowercase())
}

/// True when the first word of `name` is a known given name.
pub fn starts_with_given_name(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(is_given_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn census_names_are_known() {
        assert!(is_given_name("Mary"));
        assert!(is_given_name("JAMES"));
        assert!(starts_with_given_name("Karen Gillan"));
        assert!(!is_given_name("Harbour"));
        assert!(!is_given_name("the"));
    }
}
