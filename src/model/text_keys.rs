//! Folded forms of titles and names, for sorting and matching: "Amélie!" and "amelie" are one key.

use deunicode::deunicode;

/// Lower-case ASCII letters and digits with single spaces: accents, punctuation and case dropped.
/// Scripts with no ASCII transliteration (CJK) keep their own characters.
pub fn fold(text: &str) -> String {
    let ascii = if text.is_ascii() || text.chars().any(is_cjk) {
        text.to_owned()
    } else {
        deunicode(text)
    };
    let mut key = String::with_capacity(ascii.len());
    for word in ascii
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// The key a title sorts by: folded, with a leading English article moved out of the way.
pub fn sort_title(title: &str) -> String {
    let key = fold(title);
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = key.strip_prefix(article) {
            if !rest.is_empty() {
                return rest.to_owned();
            }
        }
    }
    key
}

/// The key films are matched by: the title with case, accents and punctuation folded away.
pub fn title_key(title: &str) -> String {
    fold(title)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(fold("Amélie!"), "amelie");
        assert_eq!(fold("  Rust  and Bone "), "rust and bone");
        assert_eq!(fold("千と千尋の神隠し"), "千と千尋の神隠し");
        assert_eq!(sort_title("The Third Man"), "third man");
        assert_eq!(sort_title("A"), "a");
    }
}
