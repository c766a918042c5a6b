//! Spoken languages stated in prose: `It is presented in Persian with English subtitles`, `The
//! spoken language is Flemish`, `Some language in Japanese with subtitles`. Only words the language
//! list knows are taken.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::lexicon::is_language;
use crate::parse::text::{compile, Line};

/// `in LANGUAGE with (English) subtitles`, `spoken language is LANGUAGE`, `in LANGUAGE, subtitled`.
static PROSE_LANGUAGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:\b(?:presented|spoken|told|performed|language)\s+in\s+(?P<a>\p{Lu}\p{Ll}+)(?:\s+and\s+(?P<b>\p{Lu}\p{Ll}+))?\s*,?\s+with\s+(?:\p{Lu}\p{Ll}+\s+)?subtitles|\bspoken\s+language\s+is\s+(?P<c>\p{Lu}\p{Ll}+))",
    )
});

/// Reads languages from prose sentences.
pub fn scan(lines: &[Line<'_>], found: &mut Found) {
    for line in lines {
        let text = line.text;
        if line.is_blank() || !(text.contains("subtitles") || text.contains("spoken language")) {
            continue;
        }
        for caps in PROSE_LANGUAGE.captures_iter(text).take(4) {
            for m in ["a", "b", "c"].into_iter().filter_map(|g| caps.name(g)) {
                if is_language(m.as_str()) {
                    found.languages.push(cand(
                        m.as_str().to_owned(),
                        line.span(m.range()),
                        conf::CONTEXT,
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::lines;

    fn languages(text: &str) -> Vec<String> {
        let lines = lines(text);
        let mut found = Found::new(lines.len());
        scan(&lines, &mut found);
        found.languages.into_iter().map(|c| c.value).collect()
    }

    #[test]
    fn languages_in_prose() {
        assert_eq!(
            languages("It is presented in Persian with English subtitles."),
            vec!["Persian"]
        );
        assert_eq!(
            languages("The spoken language is Flemish, but the songs are not."),
            vec!["Flemish"]
        );
        assert!(languages("She was lost in Paris with no subtitles to help.").is_empty());
    }
}
