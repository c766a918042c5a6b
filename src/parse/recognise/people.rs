//! Cast named in the prose: `Ali (Matthias Schoenaerts)`, `Marion Cotillard (Stéphanie)` and
//! `Marion Cotillard as Stéphanie`. Which side is the actor is told by context: a name the credits
//! list is the actor; otherwise a full name (two or more words) beside a single first name is the
//! actor. When nothing tells, nothing is taken.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::confidence as conf;
use crate::parse::found::{cand, Cand, Found};
use crate::parse::names::{self, is_person_name, key, word_count, NAME};
use crate::parse::text::{clean_value, compile, is_space, Line};
use crate::parse::{lexicon, CastMember};

/// A short parenthesis on one line.
static PAREN: LazyLock<Regex> = LazyLock::new(|| compile(r"\([^()\n]{2,60}\)"));
/// `Actor as Character`, `Actor plays Character`, `Actor stars as Character`, `Actor is brilliant
/// as Character`.
static AS: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?P<actor>{name})\s+(?:as|plays|(?:co-?)?stars\s+as|is\s+(?:\p{{Ll}}+\s+){{0,2}}as)\s+(?P<character>{name})",
        name = *NAME
    ))
});
/// `Character, played by Actor`.
static PLAYED_BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?P<character>{name}),?\s+(?:is\s+)?played\s+by\s+(?P<actor>{name})",
        name = *NAME
    ))
});
/// Words before a name that say the name is not a character: `director X (Film)`.
const CREW_WORDS: &[&str] = &[
    "director",
    "filmmaker",
    "writer",
    "screenwriter",
    "novelist",
    "author",
    "producer",
    "composer",
    "cinematographer",
    "editor",
    "by",
];
/// Words before `director` that make it another job: `casting director`, `festival director`.
const NOT_FILM_DIRECTOR: &[&str] = &[
    "casting",
    "art",
    "music",
    "musical",
    "assistant",
    "unit",
    "creative",
    "artistic",
    "managing",
    "executive",
    "festival",
    "program",
    "programme",
    "theatre",
    "theater",
    "stage",
    "football",
    "sales",
    "marketing",
];
/// Words that are roles, not characters.
const ROLE_WORDS: &[&str] = &[
    "director", "writer", "producer", "actor", "actress", "star", "narrator", "himself", "herself",
    "voice",
];

/// `director NAME`, `writer-director NAME`, `directed by NAME`, `filmmaker NAME`, `directed by the
/// prolific NAME`.
static CREW: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i:\b(?P<writer>writer(?:\s*[-/]\s*|\s+and\s+))?(?:director|film-?maker|helmer)|\bdirected\s+by(?:\s+the\s+[a-z\-]+)?)\s*,?\s+(?P<name>{})",
        *NAME
    ))
});
/// `a gentle film from NAME`, `the new drama from director NAME`.
static FROM_MAKER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i:\b(?:film|feature|drama|comedy|documentary|thriller|debut|movie)\s+from\s+(?:(?:writer[-/])?director\s+|film-?maker\s+)?)(?P<name>{})",
        *NAME
    ))
});
/// `NAME's first film`, `NAME's new feature`, `NAME is a Greek film-maker`: a director named by
/// what the text says they made.
static MAKER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?P<name>{})(?:(?:’s|'s)\s+(?:(?:new|latest|first|second|third|fourth|fifth|debut|sophomore|directorial|feature|previous)\s+){{0,2}}(?:film|feature|movie|filmmaking|directorial)\b|\s+is\s+an?\s+(?:[\p{{L}}\-]+\s+){{0,2}}(?:film-?maker|director)\b)",
        *NAME
    ))
});

/// Directors (and writer-directors) named in the prose: `director Jacques Audiard`,
/// `Writer and director Petra Nyström`, `directed by Maya Lindqvist`. Full names only.
pub fn crew_in_prose(lines: &[Line<'_>], found: &mut Found) {
    for line in lines {
        if line.is_blank() {
            continue;
        }
        makers_in(line, found);
        let text = line.scan_text();
        if !(text.contains("irect") || text.contains("aker") || text.contains("elmer")) {
            continue;
        }
        for caps in CREW.captures_iter(text).take(16) {
            let Some(name) = caps.name("name") else {
                continue;
            };
            let range = strip_leading_stopwords(line.text, name.range());
            let text = names::before_sentence_end(&line.text[range.clone()]);
            let text = text.trim_end_matches(['.', ',']);
            let text = text
                .strip_suffix("’s")
                .or_else(|| text.strip_suffix("'s"))
                .unwrap_or(text);
            let range = range.start..range.start + text.len();
            let before = caps.get(0).map_or("", |m| &line.text[..m.start()]);
            let qualifier = before
                .trim_end()
                .rsplit(is_space)
                .next()
                .unwrap_or_default()
                .to_lowercase();
            if NOT_FILM_DIRECTOR.contains(&qualifier.as_str()) {
                continue;
            }
            if word_count(text) < 2 || !is_person_name(text) {
                continue;
            }
            let value = clean_value(text);
            if caps.name("writer").is_some() {
                found
                    .writers
                    .push(cand(value.clone(), line.span(range.clone()), conf::HINT));
            }
            found
                .directors
                .push(cand(value, line.span(range), conf::HINT));
        }
    }
}

/// Directors named by what they made: `Ivan Reitman's first filmmaking endeavour`,
/// `Argyris Papadimitropoulos is a Greek film-maker`.
fn makers_in(line: &Line<'_>, found: &mut Found) {
    let text = line.scan_text();
    let from = text.contains(" from ");
    if !(from || text.contains("'s ") || text.contains("’s ") || text.contains(" is a")) {
        return;
    }
    let from_caps = from
        .then(|| FROM_MAKER.captures_iter(text).take(4))
        .into_iter()
        .flatten();
    for caps in MAKER.captures_iter(text).take(8).chain(from_caps) {
        let Some(name) = caps.name("name") else {
            continue;
        };
        let range = strip_leading_stopwords(line.text, name.range());
        let value = &line.text[range.clone()];
        if word_count(value) >= 2 && is_person_name(value) {
            found
                .directors
                .push(cand(clean_value(value), line.span(range), conf::GUESS));
        }
    }
}

/// The names the credits already know, by role.
pub struct Known {
    /// Keys (full names and surnames) of credited cast.
    cast: HashSet<String>,
    /// Keys (full names and surnames) of directors and writers.
    crew: HashSet<String>,
}

impl Known {
    /// Collects the names found in credits.
    pub fn from_found(found: &Found) -> Self {
        // Crew guessed from prose (`the young director Ben Carter (Adam Price)`) may be a
        // character: only surer credits tell the pairs apart.
        let crew = found
            .directors
            .iter()
            .chain(&found.writers)
            .filter(|c| c.confidence >= conf::CONTEXT)
            .flat_map(|c| keys_with_surname(&c.value))
            .collect();
        let cast = found
            .cast
            .iter()
            .flat_map(|c| keys_with_surname(&c.value.name))
            .collect();
        Self { cast, crew }
    }
}

/// The name's key, and its last word's key for references by surname.
fn keys_with_surname(name: &str) -> Vec<String> {
    let full = key(name);
    let last = full.rsplit(' ').next().unwrap_or_default().to_owned();
    vec![full, last]
}

/// Reads prose pairs from every line into `found.prose_cast` (in text order). A pair whose
/// actor is written exactly as in an earlier pair is read once: only the first is used.
pub fn scan(lines: &[Line<'_>], found: &mut Found) {
    let known = Known::from_found(found);
    found.prose_cast = pairs(lines, found, &known);
}

/// The prose pairs of [`scan`], told apart with the names the credits know.
fn pairs(lines: &[Line<'_>], found: &Found, known: &Known) -> Vec<Cand<CastMember>> {
    let mut out = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (n, line) in lines.iter().enumerate() {
        if line.is_blank() || found.is_consumed(n) {
            continue;
        }
        let text = line.scan_text();
        for whole in PAREN.find_iter(text).take(64) {
            let inner = whole.start() + 1..whole.end() - 1;
            if let Some(pair) = paren_pair(text, whole.start(), inner, known) {
                if seen.insert(&line.text[pair.0.clone()]) {
                    out.push(locate(line, pair));
                }
            }
        }
        if text.contains("played by") {
            for caps in PLAYED_BY.captures_iter(text).take(32) {
                let (Some(actor), Some(character)) = (caps.name("actor"), caps.name("character"))
                else {
                    continue;
                };
                let actor_name = names::before_sentence_end(actor.as_str());
                let actor_range = actor.start()..actor.start() + actor_name.len();
                let character_range = strip_leading_stopwords(text, character.range());
                let character_name = &text[character_range.clone()];
                if word_count(actor_name) >= 2
                    && is_person_name(actor_name)
                    && is_person_name(character_name)
                    && !is_role_or_place(character_name)
                    && seen.insert(&line.text[actor_range.clone()])
                {
                    out.push(locate(line, (actor_range, character_range, conf::CONTEXT)));
                }
            }
        }
        if !text.contains(" as ") && !text.contains(" plays ") {
            continue;
        }
        for caps in AS.captures_iter(text).take(64) {
            let (Some(actor), Some(character)) = (caps.name("actor"), caps.name("character"))
            else {
                continue;
            };
            let actor_range = strip_leading_stopwords(text, actor.range());
            let actor_name = &text[actor_range.clone()];
            let character_name = names::before_sentence_end(character.as_str());
            let character_end = character.start() + character_name.len();
            let followed_by_possessive = text[character_end..].starts_with(['’', '\'']);
            if word_count(actor_name) >= 2
                && is_person_name(actor_name)
                && is_person_name(character_name)
                && !followed_by_possessive
                && !known.crew.contains(&key(actor_name))
                && !is_role_or_place(character_name)
                && seen.insert(&line.text[actor_range.clone()])
            {
                out.push(locate(
                    line,
                    (actor_range, character.start()..character_end, conf::CONTEXT),
                ));
            }
        }
    }
    out.sort_by_key(|c| c.span.start);
    out
}

/// The candidate for a pair (actor range, character range, confidence) inside a line.
fn locate(
    line: &Line<'_>,
    (actor, character, confidence): (Range<usize>, Range<usize>, f32),
) -> Cand<CastMember> {
    cand(
        CastMember {
            name: clean_value(&line.text[actor.clone()]),
            character: Some(clean_value(&line.text[character])),
        },
        line.span(actor),
        confidence,
    )
}

/// True for words like `Director`, `France` or `French`, which a parenthesis may hold without
/// being a character.
fn is_role_or_place(text: &str) -> bool {
    let text = text.trim();
    ROLE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(text))
        || lexicon::is_country(text)
        || lexicon::is_language(text)
}

/// The range with common capitalised sentence words (`When`, `The`) removed from its start.
fn strip_leading_stopwords(text: &str, mut range: Range<usize>) -> Range<usize> {
    loop {
        let slice = &text[range.clone()];
        let first = slice.split(is_space).next().unwrap_or_default();
        if first.len() == slice.len() || !names::is_stopword(first) {
            return range;
        }
        let rest = slice[first.len()..].trim_start_matches(is_space);
        range.start = range.end - rest.len();
    }
}

/// The run of capitalised name words (at most four) ending right before `end`, spaces skipped.
fn name_before(text: &str, end: usize) -> Option<Range<usize>> {
    let before = text[..end].trim_end_matches(is_space);
    let base = before.as_ptr() as usize;
    let mut start = None;
    for (n, word) in before.rsplit(is_space).enumerate() {
        let is_last = n == 0;
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let particle = !is_last
            && matches!(
                word,
                "de" | "da" | "del" | "di" | "du" | "van" | "von" | "der" | "la" | "le"
            );
        let initial = word.len() <= 3 && word.ends_with('.');
        let punctuated = !is_last
            && !initial
            && word.ends_with([',', '.', ';', ':', '!', '?', '—', '–', '”', '"']);
        if word.is_empty()
            || !(capital || particle)
            || punctuated
            || names::is_stopword(word)
            || n >= 4
        {
            break;
        }
        start = Some(word.as_ptr() as usize - base);
    }
    let start = start?;
    let name = before[start..].trim_end_matches([',', '.']);
    is_person_name(name).then(|| start..start + name.len())
}

/// Decides actor and character for `Outside (Inside)`.
fn paren_pair(
    text: &str,
    open: usize,
    inner: Range<usize>,
    known: &Known,
) -> Option<(Range<usize>, Range<usize>, f32)> {
    // `(Will Smith – Aladdin, Suicide Squad)`: the actor, then films they are known for.
    let inner = match text[inner.clone()].find([' ']).and_then(|_| {
        let t = &text[inner.clone()];
        t.find(" – ")
            .or_else(|| t.find(" — "))
            .or_else(|| t.find(" - "))
    }) {
        Some(dash) => inner.start..inner.start + dash,
        None => inner,
    };
    // `Mr. Incredible (voice by Craig T. Nelson)`: the voice actor.
    let inner = match text[inner.clone()]
        .find("voice by ")
        .or_else(|| text[inner.clone()].find("voiced by "))
    {
        Some(at) if at <= 8 => {
            let skip = text[inner.clone()][at..]
                .find("by ")
                .map_or(0, |b| at + b + 3);
            inner.start + skip..inner.end
        }
        _ => inner,
    };
    let inner_text = text[inner.clone()].trim();
    if !is_person_name(inner_text) || inner_text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let inner = inner.start + (text[inner.clone()].len() - text[inner.clone()].trim_start().len())
        ..inner.start + text[inner.clone()].trim_end().len();
    let outside = name_before(text, open)?;
    let outside_text = &text[outside.clone()];
    let word_before = text[..outside.start]
        .trim_end()
        .rsplit(is_space)
        .next()
        .unwrap_or_default();
    if CREW_WORDS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word_before))
    {
        // `director Wes Ray (Rushmore)` names a director's film; `the young director Ben Carter
        // (Adam Price)` a character and the actor, whose first name is a person's.
        // After a plain `by` (`owned by Samuel Turner (Armie Hammer)`) a full name inside is the
        // actor; after a crew word its first name must be a person's.
        let plain_by = word_before.eq_ignore_ascii_case("by");
        let actor_inside = (2..=4).contains(&word_count(inner_text))
            && (1..=4).contains(&word_count(outside_text))
            && (plain_by || crate::parse::given_names::starts_with_given_name(inner_text))
            && !known.crew.contains(&key(inner_text));
        return actor_inside.then_some((inner, outside, conf::GUESS));
    }
    if !known.cast.is_empty() || !known.crew.is_empty() {
        let (inner_key, outside_key) = (key(inner_text), key(outside_text));
        if known.crew.contains(&inner_key) || known.crew.contains(&outside_key) {
            return None;
        }
        if known.cast.contains(&inner_key) && !known.cast.contains(&outside_key) {
            return Some((inner, outside, conf::FIRM));
        }
        if known.cast.contains(&outside_key) && !known.cast.contains(&inner_key) {
            return (!is_role_or_place(inner_text)).then_some((outside, inner, conf::FIRM));
        }
    }
    match (word_count(outside_text), word_count(inner_text)) {
        (1, n) if n >= 2 && !is_role_or_place(outside_text) => {
            Some((inner, outside, conf::CONTEXT))
        }
        (n, 1) if n >= 2 && !is_role_or_place(inner_text) => Some((outside, inner, conf::HINT)),
        // Prose writes `Character (Actor)`: two full names, the inside is the actor.
        (2..=4, 2..=4) if !is_role_or_place(inner_text) && !is_role_or_place(outside_text) => {
            Some((inner, outside, conf::GUESS))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::lines;

    fn cast(text: &str) -> Vec<(String, String)> {
        let lines = lines(text);
        let found = Found::new(lines.len());
        let known = Known::from_found(&found);
        pairs(&lines, &found, &known)
            .into_iter()
            .map(|c| (c.value.name, c.value.character.unwrap_or_default()))
            .collect()
    }

    fn pair(a: &str, c: &str) -> (String, String) {
        (a.to_owned(), c.to_owned())
    }

    #[test]
    fn character_then_actor() {
        let text = "So when life spins out for French bare-knuckle fighter Ali (Matthias Schoenaerts), he leaves. One night he helps a young woman, Stéphanie (Marion Cotillard), who fell.";
        assert_eq!(
            cast(text),
            vec![
                pair("Matthias Schoenaerts", "Ali"),
                pair("Marion Cotillard", "Stéphanie")
            ]
        );
    }

    #[test]
    fn actor_then_character_and_as() {
        assert_eq!(
            cast("The film belongs to Tilda Swinton (Eva), who is superb."),
            vec![pair("Tilda Swinton", "Eva")]
        );
        assert_eq!(
            cast("When Marion Cotillard as Stéphanie wakes up, it is grim."),
            vec![pair("Marion Cotillard", "Stéphanie")]
        );
    }

    #[test]
    fn not_cast() {
        assert!(cast("Jacques Audiard (A Prophet) returns. Director Michael Haneke (Amour) too. Cotillard (French) shines. In 2012 (Cannes) it won.").is_empty());
        assert!(
            cast("She sees Marion Cotillard as France’s finest. Stéph calls him back.").is_empty()
        );
    }
}
