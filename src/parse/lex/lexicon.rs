//! Word lists the recognisers check against: countries, languages and major outlets.

use crate::parse::names::key;

/// Country names and the short forms credits use.
const COUNTRIES: &[&str] = &[
    "argentina",
    "australia",
    "austria",
    "belgium",
    "brazil",
    "bulgaria",
    "canada",
    "chile",
    "china",
    "colombia",
    "croatia",
    "cuba",
    "czech republic",
    "czechia",
    "denmark",
    "egypt",
    "estonia",
    "finland",
    "france",
    "georgia",
    "germany",
    "greece",
    "hong kong",
    "hungary",
    "iceland",
    "india",
    "indonesia",
    "iran",
    "ireland",
    "israel",
    "italy",
    "japan",
    "jordan",
    "kazakhstan",
    "latvia",
    "lebanon",
    "lithuania",
    "luxembourg",
    "mexico",
    "morocco",
    "netherlands",
    "new zealand",
    "nigeria",
    "norway",
    "pakistan",
    "palestine",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "qatar",
    "romania",
    "russia",
    "saudi arabia",
    "senegal",
    "serbia",
    "singapore",
    "slovakia",
    "slovenia",
    "south africa",
    "south korea",
    "korea",
    "spain",
    "sweden",
    "switzerland",
    "taiwan",
    "thailand",
    "tunisia",
    "turkey",
    "ukraine",
    "united kingdom",
    "united states",
    "uruguay",
    "venezuela",
    "vietnam",
    "u.s.",
    "us",
    "usa",
    "u.s.a.",
    "uk",
    "u.k.",
];

/// Languages a film's dialogue is commonly in.
const LANGUAGES: &[&str] = &[
    "arabic",
    "bengali",
    "cantonese",
    "czech",
    "danish",
    "dutch",
    "english",
    "farsi",
    "persian",
    "finnish",
    "flemish",
    "french",
    "german",
    "greek",
    "hebrew",
    "hindi",
    "hungarian",
    "icelandic",
    "italian",
    "japanese",
    "korean",
    "mandarin",
    "norwegian",
    "polish",
    "portuguese",
    "romanian",
    "russian",
    "serbian",
    "spanish",
    "swedish",
    "tamil",
    "thai",
    "turkish",
    "ukrainian",
    "urdu",
    "vietnamese",
    "wolof",
    "yiddish",
];

/// Major outlets: the name to show, other ways the text may write it, and web hosts.
const OUTLETS: &[(&str, &[&str], &[&str])] = &[
    (
        "The Guardian",
        &["guardian"],
        &["theguardian.com", "guardian.co.uk"],
    ),
    ("The Observer", &["observer"], &[]),
    ("Variety", &[], &["variety.com"]),
    (
        "The Hollywood Reporter",
        &["hollywood reporter"],
        &["hollywoodreporter.com"],
    ),
    (
        "The New York Times",
        &["new york times", "nytimes"],
        &["nytimes.com"],
    ),
    ("RogerEbert.com", &["roger ebert"], &["rogerebert.com"]),
    (
        "The A.V. Club",
        &["a.v. club", "av club", "the av club"],
        &["avclub.com"],
    ),
    ("IndieWire", &[], &["indiewire.com"]),
    (
        "Empire",
        &["empire magazine", "empire online"],
        &["empireonline.com"],
    ),
    ("Time Out", &[], &["timeout.com"]),
    ("The Japan Times", &["japan times"], &["japantimes.co.jp"]),
    (
        "Los Angeles Times",
        &["la times", "l.a. times", "the los angeles times"],
        &["latimes.com"],
    ),
    (
        "The Washington Post",
        &["washington post"],
        &["washingtonpost.com"],
    ),
    ("The New Yorker", &[], &["newyorker.com"]),
    ("Sight and Sound", &["sight & sound"], &[]),
    ("Little White Lies", &[], &["lwlies.com"]),
    ("Slant Magazine", &["slant"], &["slantmagazine.com"]),
    ("Vulture", &[], &["vulture.com"]),
    ("Rolling Stone", &[], &["rollingstone.com"]),
    (
        "The Telegraph",
        &["the daily telegraph", "telegraph"],
        &["telegraph.co.uk"],
    ),
    ("The Independent", &["independent"], &["independent.co.uk"]),
    (
        "Screen Daily",
        &["screen international"],
        &["screendaily.com"],
    ),
    ("Total Film", &[], &[]),
    ("Letterboxd", &[], &["letterboxd.com", "boxd.it"]),
    ("Chicago Sun-Times", &[], &["suntimes.com"]),
    (
        "The Wall Street Journal",
        &["wall street journal", "wsj"],
        &["wsj.com"],
    ),
    ("The Boston Globe", &["boston globe"], &["bostonglobe.com"]),
    ("NPR", &[], &["npr.org"]),
    ("The Atlantic", &[], &["theatlantic.com"]),
    ("Entertainment Weekly", &[], &["ew.com"]),
    ("Collider", &[], &["collider.com"]),
    ("Paste", &["paste magazine"], &["pastemagazine.com"]),
    ("The Irish Times", &["irish times"], &["irishtimes.com"]),
    ("Financial Times", &["the financial times"], &["ft.com"]),
    ("The Film Stage", &[], &["thefilmstage.com"]),
    ("Film Comment", &[], &["filmcomment.com"]),
    ("BBC", &["bbc culture"], &["bbc.com", "bbc.co.uk"]),
    (
        "The Globe and Mail",
        &["globe and mail"],
        &["theglobeandmail.com"],
    ),
    (
        "The Straits Times",
        &["straits times"],
        &["straitstimes.com"],
    ),
    (
        "South China Morning Post",
        &["scmp", "the south china morning post"],
        &["scmp.com"],
    ),
    (
        "The Sydney Morning Herald",
        &["sydney morning herald"],
        &["smh.com.au"],
    ),
    (
        "The New Zealand Herald",
        &["nz herald", "new zealand herald"],
        &["nzherald.co.nz"],
    ),
    ("Hindustan Times", &[], &["hindustantimes.com"]),
    (
        "The Times of India",
        &["times of india"],
        &["timesofindia.indiatimes.com"],
    ),
    ("Deadline", &[], &["deadline.com"]),
    ("Mail & Guardian", &["mail and guardian"], &["mg.co.za"]),
];

/// True when the text names a country.
pub fn is_country(text: &str) -> bool {
    in_list(COUNTRIES, text)
}

/// True when the text, trimmed, is one of the lower-case `words`, ignoring case.
fn in_list(words: &[&str], text: &str) -> bool {
    let text = text.trim();
    words.iter().any(|w| w.eq_ignore_ascii_case(text))
}

/// True when the text names a language.
pub fn is_language(text: &str) -> bool {
    in_list(LANGUAGES, text)
}

/// The outlet the whole text names, as the outlet's usual name.
pub fn outlet_named(text: &str) -> Option<&'static str> {
    let wanted = key(text.trim_end_matches(['.', ',']));
    let bare = |k: &str| k.strip_prefix("the ").unwrap_or(k).to_owned();
    let wanted = bare(&wanted);
    OUTLETS.iter().find_map(|(name, aliases, _)| {
        (bare(&key(name)) == wanted || aliases.iter().any(|a| bare(a) == wanted)).then_some(*name)
    })
}

/// The first major outlet named anywhere inside `text`, with its byte range.
pub fn outlet_within(text: &str) -> Option<(&'static str, std::ops::Range<usize>)> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None;
    }
    OUTLETS
        .iter()
        .filter_map(|(name, aliases, _)| {
            std::iter::once(name.to_lowercase())
                .chain(aliases.iter().map(|a| (*a).to_owned()))
                .filter(|needle| needle.len() > 4)
                .find_map(|needle| {
                    let at = lower.find(&needle)?;
                    Some((*name, at..at + needle.len()))
                })
        })
        .min_by_key(|(_, range)| (range.start, usize::MAX - range.len()))
}

/// The outlet a web host belongs to, for hosts of known outlets.
pub fn outlet_for_host(host: &str) -> Option<&'static str> {
    let host = host.to_ascii_lowercase();
    OUTLETS.iter().find_map(|(name, _, hosts)| {
        hosts
            .iter()
            .any(|h| host == *h || host.ends_with(&format!(".{h}")))
            .then_some(*name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_answer() {
        assert!(is_country("France") && is_country("U.S.") && !is_country("Paris"));
        assert!(is_language("French") && !is_language("Ali"));
        assert_eq!(outlet_named("The Guardian"), Some("The Guardian"));
        assert_eq!(outlet_named("variety"), Some("Variety"));
        assert_eq!(outlet_named("Marion Cotillard"), None);
        assert_eq!(
            outlet_for_host("www.japantimes.co.jp"),
            Some("The Japan Times")
        );
        let (name, range) = outlet_within("Special to The Japan Times").unwrap();
        assert_eq!((name, range), ("The Japan Times", 11..26));
    }
}
