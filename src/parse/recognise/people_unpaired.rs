//! People the prose names without a pairing: cast without a character (`Tom Hanks stars as the
//! title character`, `Billy Crudup plays an artist`, `Jamie Ford is superb as the kidnapper`, `the
//! director, played by Denis Podalydes`, `a comedy starring Ana Ruiz, Tom Bell and Ida Holm`), and
//! the check that a name the prose pairs with an actor as their character is no director.
//!
//! A name without a pairing counts only when it reads as a person's: two words or more, its first
//! word a known given name or the whole name said again elsewhere. A `starring` right after
//! another film's quoted title names that film's cast and is skipped.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::confidence as conf;
use crate::parse::found::{cand, Found};
use crate::parse::given_names::starts_with_given_name;
use crate::parse::names::{self, is_person_name, key, word_count, NAME};

/// Compiles a pattern in which `{name}` stands for a person's name ([`NAME`]).
fn named(pattern: &str) -> Regex {
    compile(&pattern.replace("{name}", &NAME))
}
use crate::parse::text::{clean_value, compile, cut_at_boundary, is_space, Line};
use crate::parse::CastMember;

/// `Actor stars as the …`, `Actor plays an …`, `Actor playing his …`, `Actor is superb as the …`,
/// `Actor, who plays a …`, `Actor stars in …`: an actor whose part the text describes instead of
/// naming.
static DESCRIBED_PART: LazyLock<Regex> = LazyLock::new(|| {
    named(
        r"(?P<actor>{name}),?\s+(?:who\s+)?(?:(?:co-?)?stars\s+in\s|(?:(?:co-?)?stars\s+as|plays|playing|portrays|is\s+(?:\p{Ll}+\s+){0,2}as)\s+(?:a|an|the|his|her|their|this|one)\s)",
    )
});
/// `played by Actor`, `portrayed by Actor`, `voiced by Actor`.
static PLAYED_BY: LazyLock<Regex> =
    LazyLock::new(|| named(r"\b(?:played|portrayed|voiced)\s+by\s+(?P<actor>{name})"));
/// `starring A, B and C`, `co-starring A`, `featuring A and B`, `the film stars A and B`, `The
/// movie’s Star Cast is A, B`, `the cast includes A, B` inside a sentence.
static STARRING: LazyLock<Regex> = LazyLock::new(|| {
    named(
        r"(?P<lead>\b(?:[Ss]tarring|[Cc]o-starring|[Ff]eaturing|(?:film|movie)\s+(?:also\s+)?stars|[Ss]tar\s+[Cc]ast\s+(?:is|includes|included)|cast\s+(?:includes|included|comprises)|performances?\s+(?:by|from)))\s*:?\s+(?P<list>{name}(?:\s*,\s*{name}){0,8}(?:,?\s+(?:and|&)\s+{name})?)",
    )
});

/// `Shonali Bose directs this movie`, `Eddie Ray directs and stars`, `a Kevin Smith film`: a
/// director named by the verb, or by the film called theirs.
static DIRECTS: LazyLock<Regex> = LazyLock::new(|| {
    named(
        r"(?P<name>{name})\s+(?:also\s+)?(?:directs|co-directs|helms|is\s+directing|directed|helmed)\s+(?:and\s+|this\b|the\b|a\b|an\b|with\b|from\b|again\b|it\b)|\b[Aa]n?\s+(?P<maker>{name})\s+(?:film|movie|joint)\b",
    )
});

/// Directors named by the verb (`Shonali Bose directs this movie`), full names that read as a
/// person's.
pub fn directors_by_verb(lines: &[Line<'_>], found: &mut Found) {
    for line in lines.iter().filter(|l| !l.is_blank()) {
        let text = line.scan_text();
        let named = ["direct", "helm", " film", " movie", " joint"]
            .iter()
            .any(|w| text.contains(w));
        if found.is_consumed(line.index) || !named {
            continue;
        }
        for caps in DIRECTS.captures_iter(text).take(8) {
            let Some(m) = caps.name("name").or_else(|| caps.name("maker")) else {
                continue;
            };
            if let Some((name, span)) = person(m.as_str(), line.span(m.range())) {
                let maker = caps.name("maker").is_some();
                if !maker || starts_with_given_name(&name) || said_twice(lines, &name) {
                    found.directors.push(cand(name, span, conf::GUESS));
                }
            }
        }
    }
}

/// `A and B are phenomenal as C and D`: two actors and their parts, in order.
static TWO_AS_TWO: LazyLock<Regex> = LazyLock::new(|| {
    named(
        r"(?P<a1>{name})\s+and\s+(?P<a2>{name})\s+(?:are|were|play|star)\s+(?:\p{Ll}+\s+){0,2}(?:as\s+)?(?P<c1>{name})\s+and\s+(?P<c2>{name})",
    )
});
/// A parenthesis that opens with a list of people: `(Willem Dafoe and Charlotte Gainsbourg, both
/// superb)`, `(Ana Ruiz, Tom Bell, Ida Holm)`.
static PAREN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    named(r"^\((?P<list>{name}(?:\s*,\s*{name}){0,8}(?:,?\s+(?:and|&)\s+{name})?)(?:\)|,\s+\p{Ll})")
});

/// `the husband (Zhu Yilong)`, `a beautiful stranger (Janice Man)`: an actor in parentheses after
/// the part described in lower case.
static PART_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:the|a|an|his|her|their)\s+(?:[\p{Ll}\-]+\s+){0,3}(?P<part>\p{Ll}[\p{Ll}\-]+)\s+$",
    )
});
/// The actor alone in a parenthesis.
static PAREN_ACTOR: LazyLock<Regex> = LazyLock::new(|| named(r"^\((?P<actor>{name})\)"));
/// Parts that are crew or a film, not a character: `the director (Lance Daly)`.
const NOT_PARTS: &[&str] = &[
    "director",
    "filmmaker",
    "film-maker",
    "writer",
    "screenwriter",
    "producer",
    "composer",
    "cinematographer",
    "editor",
    "author",
    "novelist",
    "film",
    "movie",
    "sequel",
    "original",
    "remake",
    "documentary",
    "book",
    "novel",
    "series",
    "show",
    "helmer",
    "studio",
    "festival",
];

/// `Ryan Gosling as aspiring jazz pianist Sebastian`: the part described, then named.
static AS_DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
    named(
        r"(?P<actor>{name})\s+as\s+(?:(?:a|an|the|his|her|their)\s+)?(?P<desc>(?:[\p{Ll}\-]+\s+){1,3})(?P<character>{name})",
    )
});
/// Words that make `as …` a clause, not a part: `X as the man who meets Sally`.
const CLAUSE_WORDS: &[&str] = &[
    "who", "that", "which", "and", "or", "with", "in", "of", "to", "for", "from", "by", "at", "on",
    "meets", "loves", "marries", "is", "was", "has", "had", "does", "than", "when", "if",
];

/// Cast named in the prose without a character, appended to `found.prose_cast` in text order.
pub fn unpaired_cast(lines: &[Line<'_>], found: &mut Found) {
    let crew: HashSet<String> = found
        .directors
        .iter()
        .chain(&found.writers)
        .chain(&found.reviewer)
        .map(|c| key(&c.value))
        .collect();
    let title = found.best_title().map(|c| key(&c.value));
    // Names in strong contexts (`starring`, `played by`, a list in parentheses) and in weak ones
    // (`X plays a …`), where the name must also read as a person's by its given name or a repeat.
    let mut named: Vec<(String, Range<usize>)> = Vec::new();
    let mut weak: Vec<(String, Range<usize>)> = Vec::new();
    for line in lines.iter().filter(|l| !l.is_blank()) {
        let text = line.scan_text();
        if text.contains("tarring") {
            starring_lists(line, title.as_deref(), &mut named);
        }
        if found.is_consumed(line.index) {
            continue;
        }
        let described = [" as ", " plays ", "playing ", "portrays", "stars in "]
            .iter()
            .any(|w| text.contains(w));
        if described {
            for caps in DESCRIBED_PART.captures_iter(text).take(32) {
                if let Some(actor) = caps.name("actor") {
                    weak.push((text[actor.range()].to_owned(), line.span(actor.range())));
                }
            }
        }
        if text.contains(" by ") {
            for caps in PLAYED_BY.captures_iter(text).take(32) {
                if let Some(actor) = caps.name("actor") {
                    let name = names::before_sentence_end(actor.as_str());
                    let range = actor.start()..actor.start() + name.len();
                    named.push((name.to_owned(), line.span(range)));
                }
            }
        }
        if text.contains(" as ") {
            as_described(line, found);
        }
        if text.contains(" and ") && (text.contains(" are ") || text.contains(" were ")) {
            two_as_two(line, found);
        }
        if text.contains('(') {
            parens(line, &mut named);
        }
        if ["eaturing", " stars ", "ast i", "ast c", "ance"]
            .iter()
            .any(|w| text.contains(w))
        {
            starring_lists(line, title.as_deref(), &mut named);
        }
    }
    let mut seen: HashSet<String> = found
        .prose_cast
        .iter()
        .map(|c| key(&c.value.name))
        .collect();
    let strong = named.into_iter().map(|n| (n, true));
    for ((raw, span), sure) in strong.chain(weak.into_iter().map(|n| (n, false))) {
        let Some((name, span)) = person(&raw, span) else {
            continue;
        };
        let k = key(&name);
        let reads_as_person = sure || starts_with_given_name(&name) || said_twice(lines, &name);
        if crew.contains(&k) || !reads_as_person || names::is_stopword(&name) {
            continue;
        }
        if seen.insert(k) {
            let member = CastMember {
                name,
                character: None,
            };
            found.prose_cast.push(cand(member, span, conf::GUESS));
        }
    }
    found.prose_cast.sort_by_key(|c| c.span.start);
}

/// The names of `starring A, B and C` in a line, unless the list follows another film's quoted
/// title (`“Rambo: Last Blood,” starring …`).
fn starring_lists(line: &Line<'_>, title: Option<&str>, named: &mut Vec<(String, Range<usize>)>) {
    let text = line.scan_text();
    for caps in STARRING.captures_iter(text).take(8) {
        let (Some(lead), Some(list)) = (caps.name("lead"), caps.name("list")) else {
            continue;
        };
        // `Starring: A, B` is a labelled credit, read by `credits`.
        if text[lead.end()..].trim_start().starts_with(':') {
            continue;
        }
        let before = text[..lead.start()].trim_end_matches(|c: char| is_space(c) || c == ',');
        if let Some(quoted) = quoted_before(before) {
            if title.is_none_or(|t| key(quoted) != t) {
                continue;
            }
        }
        let (items, _) = names::name_list(names::before_sentence_end(list.as_str()));
        for item in items.iter().filter(|i| i.character.is_none()) {
            let at = list.start() + item.span.start..list.start() + item.span.end;
            named.push((item.name.clone(), line.span(at)));
        }
    }
}

/// `Actor as aspiring jazz pianist Name`: the actor and the part's name.
fn as_described(line: &Line<'_>, found: &mut Found) {
    let text = line.scan_text();
    for caps in AS_DESCRIBED.captures_iter(text).take(16) {
        let (Some(actor), Some(desc), Some(character)) = (
            caps.name("actor"),
            caps.name("desc"),
            caps.name("character"),
        ) else {
            continue;
        };
        if desc
            .as_str()
            .split_whitespace()
            .any(|w| CLAUSE_WORDS.contains(&w))
        {
            continue;
        }
        let Some((name, span)) = person(actor.as_str(), line.span(actor.range())) else {
            continue;
        };
        let part = names::before_sentence_end(character.as_str()).trim_end_matches([',', '.']);
        if !names::is_person_name(part) {
            continue;
        }
        let member = CastMember {
            name,
            character: Some(clean_value(part)),
        };
        found.prose_cast.push(cand(member, span, conf::HINT));
    }
}

/// `A and B are phenomenal as C and D`: each actor with their part.
fn two_as_two(line: &Line<'_>, found: &mut Found) {
    let text = line.scan_text();
    for caps in TWO_AS_TWO.captures_iter(text).take(4) {
        let (Some(a1), Some(a2), Some(c1), Some(c2)) = (
            caps.name("a1"),
            caps.name("a2"),
            caps.name("c1"),
            caps.name("c2"),
        ) else {
            continue;
        };
        let c2_text = names::before_sentence_end(c2.as_str());
        let c2_range = c2.start()..c2.start() + c2_text.len();
        for (actor, character) in [(a1.range(), c1.range()), (a2.range(), c2_range)] {
            let Some((name, span)) = person(&text[actor.clone()], line.span(actor)) else {
                return;
            };
            let part = clean_value(&text[character]);
            let member = CastMember {
                name,
                character: Some(part),
            };
            found.prose_cast.push(cand(member, span, conf::HINT));
        }
    }
}

/// The people in a line's parentheses that open with a name: a list of two or more, or one actor
/// after the part described. Each parenthesis is read in a short window around it, so a long
/// line costs one pass.
fn parens(line: &Line<'_>, named: &mut Vec<(String, Range<usize>)>) {
    let text = line.scan_text();
    let opens = text
        .match_indices('(')
        .map(|(at, _)| at)
        .filter(|&at| text[at + 1..].starts_with(char::is_uppercase))
        .take(32);
    for at in opens {
        let window = cut_at_boundary(&text[at..], 240);
        if let Some(list) = PAREN_LIST.captures(window).and_then(|c| c.name("list")) {
            let (items, complete) = names::name_list(list.as_str());
            if complete && items.len() >= 2 {
                for item in items.iter().filter(|i| i.character.is_none()) {
                    let from = at + list.start();
                    named.push((
                        item.name.clone(),
                        line.span(from + item.span.start..from + item.span.end),
                    ));
                }
                continue;
            }
        }
        let mut from = at.saturating_sub(100);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let part = PART_BEFORE
            .captures(&text[from..at])
            .and_then(|c| c.name("part"));
        let actor = PAREN_ACTOR.captures(window).and_then(|c| c.name("actor"));
        if let (Some(part), Some(actor)) = (part, actor) {
            if !NOT_PARTS.contains(&part.as_str()) {
                let range = at + actor.start()..at + actor.end();
                named.push((actor.as_str().to_owned(), line.span(range)));
            }
        }
    }
}

/// The quoted phrase that `before` ends with, if it ends with a closing quote.
fn quoted_before(before: &str) -> Option<&str> {
    let inner = before
        .strip_suffix(['”', '"'])?
        .trim_end_matches([',', '.']);
    let (open, quote) = inner
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '“' | '"'))?;
    Some(&inner[open + quote.len_utf8()..])
}

/// The name without leading sentence words (or an earlier sentence: `Ward. Susan Bose`), when it
/// is a full person's name.
fn person(raw: &str, span: Range<usize>) -> Option<(String, Range<usize>)> {
    let mut start = last_sentence_start(raw);
    for word in raw[start..].split(' ') {
        // `Writer-director Tomas Birk’s`: every part of the word is a word that starts no name.
        if !word.split(['-', '/']).all(names::is_stopword) {
            break;
        }
        start += word.len() + 1;
    }
    let name = raw.get(start..)?.trim_end_matches(['.', ',']);
    let name = name
        .strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(name);
    (word_count(name) >= 2 && is_person_name(name)).then(|| {
        let at = span.start + start;
        (clean_value(name), at..at + name.len())
    })
}

/// Where the last sentence inside `text` starts: after a full stop that ends a word of two letters
/// or more (`Ward. Susan Bose`), not after an initial (`Samuel L. Jackson`).
fn last_sentence_start(text: &str) -> usize {
    let mut start = 0;
    let mut at = 0;
    for word in text.split(' ') {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        at += word.len() + 1;
        if word.ends_with('.') && letters > 1 && at < text.len() {
            start = at;
        }
    }
    start
}

/// True when the text says the name at least twice.
fn said_twice(lines: &[Line<'_>], name: &str) -> bool {
    lines
        .iter()
        .map(|l| l.text.matches(name).count())
        .scan(0, |total, n| {
            *total += n;
            Some(*total)
        })
        .any(|total| total >= 2)
}

/// `Funke Akindele’s ‘Omo Ghetto’`, `Stephen Daldry's terrific drama Together`: the person whose
/// possessive stands before the film's own title is its director (read once the title is known).
pub fn possessive_director(lines: &[Line<'_>], found: &mut Found) {
    let Some(title) = found
        .best_title()
        .map(|c| c.value.to_lowercase())
        .filter(|t| t.len() >= 2)
    else {
        return;
    };
    let cast: HashSet<String> = found
        .cast
        .iter()
        .chain(&found.prose_cast)
        .map(|c| key(&c.value.name))
        .collect();
    for line in lines.iter().filter(|l| !l.is_blank()) {
        let text = line.scan_text();
        if !(text.contains("’s ") || text.contains("'s ")) {
            continue;
        }
        for caps in POSSESSOR.captures_iter(text).take(16) {
            let (Some(name), Some(rest)) = (caps.name("name"), caps.name("rest")) else {
                continue;
            };
            let after = rest.as_str().trim_start_matches(['‘', '’', '\'', '“', '"']);
            let lower = after.to_lowercase();
            let names_title = lower.len() == after.len()
                && lower.starts_with(&title)
                && !lower[title.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !names_title {
                continue;
            }
            if let Some((person, span)) = person(name.as_str(), line.span(name.range())) {
                if !cast.contains(&key(&person)) {
                    found.directors.push(cand(person, span, conf::GUESS));
                    return;
                }
            }
        }
    }
}

/// `First Last’s` and what follows, skipping up to three lower-case words (`terrific drama`).
static POSSESSOR: LazyLock<Regex> =
    LazyLock::new(|| named(r"(?P<name>{name})[’']s\s+(?:[\p{Ll}\-]+\s+){0,3}(?P<rest>\S.{0,120})"));

/// A name the prose pairs with an actor as their character (`Ali (Matthias Schoenaerts)`) is not
/// the film's director, unless a labelled credit says so: such prose candidates are dropped.
pub fn crew_not_characters(_lines: &[Line<'_>], found: &mut Found) {
    let characters: HashSet<String> = found
        .prose_cast
        .iter()
        .chain(&found.cast)
        .filter_map(|c| c.value.character.as_deref())
        .map(key)
        .collect();
    if characters.is_empty() {
        return;
    }
    found
        .directors
        .retain(|d| d.confidence >= conf::FIRM || !characters.contains(&key(&d.value)));
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_review;

    fn cast(text: &str) -> Vec<String> {
        parse_review(text)
            .cast
            .into_iter()
            .map(|c| c.name)
            .collect()
    }

    #[test]
    fn described_parts_and_lists() {
        assert_eq!(
            cast("Director: Ana Lind\n\nIn this one, Tom Hardy plays a bitter sailor, and Diane Keaton is superb as the widow who hires him.\n"),
            vec!["Tom Hardy", "Diane Keaton"]
        );
        assert_eq!(
            cast("Director: Ana Lind\n\nIt is a romantic comedy starring Peter Hale, Anne Ward and Maria Tomes, set in a port.\n"),
            vec!["Peter Hale", "Anne Ward", "Maria Tomes"]
        );
        assert_eq!(
            cast(
                "Director: Ana Lind\n\nThe ferryman, played by Dennis Podal, is the heart of it.\n"
            ),
            vec!["Dennis Podal"]
        );
    }

    #[test]
    fn the_film_stars_and_the_director_directs() {
        let review = parse_review(
            "Running time: 95 minutes\n\nThe movie’s Star Cast is Peter Hale, Anne Ward. Susan Bose directs this movie.\n",
        );
        assert_eq!(review.directors, vec!["Susan Bose"]);
        let names: Vec<&str> = review.cast.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["Peter Hale", "Anne Ward"]);
    }

    #[test]
    fn two_actors_as_two_parts_and_a_list_in_parentheses() {
        let review = parse_review(
            "Running time: 95 minutes\n\nKaren Holt and Dana Ferris are phenomenal as Joan Vale and Cherie Marr, the founders of the band.\n",
        );
        let pairs: Vec<(String, Option<String>)> = review
            .cast
            .into_iter()
            .map(|c| (c.name, c.character))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("Karen Holt".to_owned(), Some("Joan Vale".to_owned())),
                ("Dana Ferris".to_owned(), Some("Cherie Marr".to_owned()))
            ]
        );
        assert_eq!(
            cast("Running time: 95 minutes\n\nA couple (William Dane and Charlotte Gale, both superb) grieve.\n"),
            vec!["William Dane", "Charlotte Gale"]
        );
    }

    #[test]
    fn a_part_described_then_named() {
        let review = parse_review(
            "Running time: 95 minutes\n\nRyan Gale as aspiring jazz pianist Sebastian and Emma Stein as struggling actress Mia meet.\n",
        );
        let pairs: Vec<(String, Option<String>)> = review
            .cast
            .into_iter()
            .map(|c| (c.name, c.character))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("Ryan Gale".to_owned(), Some("Sebastian".to_owned())),
                ("Emma Stein".to_owned(), Some("Mia".to_owned()))
            ]
        );
    }

    #[test]
    fn another_films_cast_and_places_are_not() {
        assert!(cast("Director: Ana Lind\n\nI recall 2019’s “Last Blood,” starring Sylvester Stone, and nothing else.\n").is_empty());
        assert!(cast(
            "Director: Ana Lind\n\nWe saw New Harbour Town plays a part as the backdrop.\n"
        )
        .is_empty());
    }

    #[test]
    fn a_character_is_no_director() {
        let review = parse_review(
            "Running time: 95 minutes\n\nThe young director Ben Carter (Adam Price) wants to film the storm, and Ben Carter will not stop.\n",
        );
        assert!(review.directors.is_empty(), "{:?}", review.directors);
        assert_eq!(review.cast[0].name, "Adam Price");
    }
}
