//! People's names: what looks like a name, and lists of names such as `A, B and C (Character)`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::{clean_value, compile, is_space, strip_quotes};

/// One capitalised word of a name, or a lowercase particle (`de`, `van`) between such words.
const TOKEN: &str = r"\p{Lu}[\p{L}\p{M}'’.\-]*";
/// Lower-case particles inside names.
const PARTICLE: &str =
    r"(?:de|da|del|della|des|di|du|van|von|der|den|la|le|ten|ter|bin|al|el|dos|das|do|y|st\.)";

/// A name: capitalised words, possibly with particles, up to six words.
pub static NAME: LazyLock<String> =
    LazyLock::new(|| format!(r"{TOKEN}(?:[ \u{{a0}}]+(?:{PARTICLE}[ \u{{a0}}]+)*{TOKEN}){{0,5}}"));

/// A whole text that is a name.
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"^{}$", *NAME)));

/// A leading honorific.
static HONORIFIC: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+"));

/// Capitalised words that start sentences or describe people, never the first word of a name.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "but",
    "or",
    "so",
    "as",
    "if",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "by",
    "with",
    "without",
    "when",
    "while",
    "where",
    "after",
    "before",
    "then",
    "even",
    "only",
    "yet",
    "here",
    "there",
    "it",
    "its",
    "it’s",
    "it's",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "meanwhile",
    "director",
    "actor",
    "actress",
    "star",
    "writer",
    "filmmaker",
    "french",
    "american",
    "british",
    "english",
    "german",
    "italian",
    "spanish",
    "japanese",
    "korean",
    "chinese",
    "belgian",
    "canadian",
    "australian",
    "irish",
    "scottish",
    "indian",
    "mexican",
    "russian",
    "young",
    "old",
    "little",
    "mr",
    "mrs",
    "ms",
    "dr",
    "both",
    "all",
    "no",
    "not",
    "what",
    "who",
    "how",
    "why",
    "like",
    "than",
    "from",
    "into",
    "over",
    "now",
    "just",
    "also",
    "still",
    "sadly",
    "luckily",
    "happily",
    "unfortunately",
    "yes",
    "oscar",
    "oscar-winning",
    "oscar-nominated",
    "veteran",
    "newcomer",
    "co-star",
    "co-stars",
    "mother",
    "father",
    "son",
    "daughter",
    "brother",
    "sister",
    "wife",
    "husband",
    "boyfriend",
    "girlfriend",
    "uncle",
    "aunt",
    "grandmother",
    "grandfather",
    "friend",
];

/// True when `word` (any case) is a word that never starts a name.
pub fn is_stopword(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']);
    if word.len() > 16 {
        return false;
    }
    let mut lower = [0u8; 16];
    for (slot, b) in lower.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = &lower[..word.len()];
    SORTED_STOPWORDS
        .binary_search_by(|stop| stop.as_bytes().cmp(lower))
        .is_ok()
}

/// [`STOPWORDS`] sorted, for binary search.
static SORTED_STOPWORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words = STOPWORDS.to_vec();
    words.sort_unstable();
    words
});

/// True when the whole text is a person's name: capitalised words, not starting with a common
/// word, not a possessive.
pub fn is_person_name(text: &str) -> bool {
    let text = text.trim();
    if !FULL_NAME.is_match(text) || text.ends_with("’s") || text.ends_with("'s") {
        return false;
    }
    let first = text.split(is_space).next().unwrap_or_default();
    !is_stopword(first)
        && text.chars().any(char::is_lowercase)
        && !text.split(is_space).any(is_institution_word)
}

/// True for words that name institutions and events, never part of a person's name:
/// `Chinese Visual Festival`, `Greenwich Entertainment`.
fn is_institution_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "festival",
        "cinema",
        "cinemas",
        "film",
        "films",
        "pictures",
        "studios",
        "studio",
        "entertainment",
        "productions",
        "awards",
        "theatre",
        "theater",
        "museum",
        "university",
        "institute",
        "tickets",
        "media",
        "releasing",
        "distribution",
        "network",
        "channel",
    ];
    word.len() >= 4 && WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The number of words in a name.
pub fn word_count(name: &str) -> usize {
    name.split(is_space).filter(|w| !w.is_empty()).count()
}

/// A comparison key: lower case, accents folded, spaces collapsed.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            out.push_str(&deunicode::deunicode(word).to_lowercase());
        }
    }
    out
}

/// A name with a leading honorific (`Mr.`, `Ms.`) removed; `None` when nothing is left.
pub fn strip_honorific(text: &str) -> &str {
    match HONORIFIC.find(text) {
        Some(m) => &text[m.end()..],
        None => text,
    }
}

/// The text up to the first sentence end inside it: `Audiard. Screenplay` gives `Audiard`, while
/// initials (`John C. Reilly`) do not end a sentence.
pub fn before_sentence_end(text: &str) -> &str {
    let mut end = 0;
    for word in text.split(' ') {
        let word_end = end + word.len();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if word.ends_with('.') && letters > 1 && word_end < text.len() {
            return &text[..word_end - 1];
        }
        end = word_end + 1;
    }
    text
}

/// A name as shown: text set in capitals (`JACQUES AUDIARD`, as some bylines and credit blocks
/// print names) is written `Jacques Audiard`; any other text is returned as it is.
pub fn display_name(text: &str) -> String {
    if text.chars().any(char::is_lowercase) || !text.chars().any(char::is_uppercase) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphabetic() && c != '\'' && c != '’';
    }
    out
}

/// One item of a list of names.
#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    /// The person's name, cleaned.
    pub name: String,
    /// Byte range of the name in the list text.
    pub span: Range<usize>,
    /// The character played, when the item says `Name (Character)` or `Name as Character`.
    pub character: Option<String>,
}

/// Splits `text` at commas, semicolons, slashes, ` and ` and ` & ` outside parentheses, giving the
/// byte range of each trimmed piece.
pub fn split_list(text: &str) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let mut cut = None;
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b',' | b';' | b'/' if depth <= 0 => cut = Some(1),
            b' ' if depth <= 0 => {
                let rest = &text[i..];
                if rest.starts_with(" and ") {
                    cut = Some(5);
                } else if rest.starts_with(" & ") {
                    cut = Some(3);
                }
            }
            _ => {}
        }
        if let Some(len) = cut {
            pieces.push(start..i);
            start = i + len;
            i += len;
        } else {
            i += 1;
        }
    }
    pieces.push(start..text.len());
    pieces
        .into_iter()
        .filter_map(|r| trim_range(text, r))
        .collect()
}

/// The range with surrounding spaces and stray punctuation removed; `None` when empty.
pub fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let junk = |c: char| is_space(c) || matches!(c, '.' | ':' | '–' | '—' | '"' | '“' | '”');
    let trimmed_start = piece.trim_start_matches(junk);
    let lead = piece.len() - trimmed_start.len();
    let trimmed =
        trimmed_start.trim_end_matches(|c: char| is_space(c) || matches!(c, ':' | '–' | '—'));
    let trimmed = if trimmed.ends_with('.') && !ends_with_initial(trimmed) {
        &trimmed[..trimmed.len() - 1]
    } else {
        trimmed
    };
    (!trimmed.is_empty()).then(|| range.start + lead..range.start + lead + trimmed.len())
}

/// True when the text ends with an initial such as `J.` or `Jr.`.
fn ends_with_initial(text: &str) -> bool {
    let last = text.rsplit(is_space).next().unwrap_or_default();
    let letters = last.trim_end_matches('.').chars().count();
    letters <= 2 && last.chars().next().is_some_and(char::is_uppercase)
}

/// Parses one list item: `Name`, `Name (Character)` or `Name as Character`.
pub fn parse_item(text: &str) -> Option<(Range<usize>, Option<String>)> {
    let stripped = strip_honorific(text);
    let offset = text.len() - stripped.len();
    if let Some(open) = stripped.find('(') {
        let name = stripped[..open].trim_end();
        let inner = stripped[open + 1..].trim_end();
        let inner = inner.strip_suffix(')')?;
        if !is_person_name(name) || inner.contains(['(', ')']) {
            return None;
        }
        let character = clean_value(strip_quotes(inner));
        let character = (!character.is_empty() && !character.chars().any(|c| c.is_ascii_digit()))
            .then_some(character);
        return Some((offset..offset + name.len(), character));
    }
    if let Some(pos) = stripped.find(" as ") {
        let name = stripped[..pos].trim_end();
        let character = clean_value(strip_quotes(&stripped[pos + 4..]));
        // `Ana Ruiz as Vera`; `Ana Ruiz as siblings who …` describes the part instead.
        let named = character.chars().next().is_some_and(|c| !c.is_lowercase());
        if is_person_name(name) && !character.is_empty() {
            return Some((offset..offset + name.len(), named.then_some(character)));
        }
        return None;
    }
    is_person_name(stripped).then(|| (offset..offset + stripped.len(), None))
}

/// Reads a list of names from the start of `text`; stops at the first piece that is not a name.
/// Returns the items and whether every piece was a name.
pub fn name_list(text: &str) -> (Vec<ListItem>, bool) {
    let mut items = Vec::new();
    let pieces = split_list(text);
    let total = pieces.len();
    for piece in pieces {
        let raw = &text[piece.clone()];
        let shown = display_name(raw);
        let source = if shown.len() == raw.len() {
            shown.as_str()
        } else {
            raw
        };
        let Some((range, character)) = parse_item(source) else {
            break;
        };
        let span = piece.start + range.start..piece.start + range.end;
        items.push(ListItem {
            name: clean_value(&source[range]),
            span,
            character,
        });
    }
    let complete = !items.is_empty() && items.len() == total;
    (items, complete)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_recognised() {
        assert!(is_person_name("Jacques Audiard"));
        assert!(is_person_name("Stéphanie"));
        assert!(is_person_name("Jean-Pierre Léaud"));
        assert!(is_person_name("Ludwig van Beethoven"));
        assert!(!is_person_name("The Guardian"));
        assert!(!is_person_name("Cotillard’s"));
        assert!(!is_person_name("jacques audiard"));
        assert!(!is_person_name("USA"));
    }

    #[test]
    fn lists_split_outside_parentheses() {
        let text = "Marion Cotillard (Stéphanie), Matthias Schoenaerts as Ali and Bouli Lanners";
        let (items, complete) = name_list(text);
        assert!(complete);
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].name, "Marion Cotillard");
        assert_eq!(items[0].character.as_deref(), Some("Stéphanie"));
        assert_eq!(items[1].character.as_deref(), Some("Ali"));
        assert_eq!(&text[items[2].span.clone()], "Bouli Lanners");
    }

    #[test]
    fn names_stop_at_sentence_ends() {
        assert_eq!(
            before_sentence_end("Jacques Audiard. Screenplay"),
            "Jacques Audiard"
        );
        assert_eq!(before_sentence_end("John C. Reilly"), "John C. Reilly");
        assert_eq!(before_sentence_end("Audiard."), "Audiard.");
    }

    #[test]
    fn capitals_are_written_as_names() {
        let (items, complete) = name_list("JACQUES AUDIARD, MARION COTILLARD (STÉPHANIE)");
        assert!(complete);
        assert_eq!(items[0].name, "Jacques Audiard");
        assert_eq!(items[1].character.as_deref(), Some("Stéphanie"));
        assert_eq!(display_name("Jean-Pierre"), "Jean-Pierre");
        assert_eq!(display_name("JEAN-PIERRE O’BRIEN"), "Jean-Pierre O’brien");
    }

    #[test]
    fn lists_stop_at_prose() {
        let (items, complete) =
            name_list("Mr. Audiard, Thomas Bidegain, based on stories by Craig Davidson");
        assert!(!complete);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].name, "Audiard");
        assert_eq!(key("Stéphanie  Roux"), "stephanie roux");
    }
}
