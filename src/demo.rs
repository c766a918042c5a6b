//! Synthetic but realistic films for trying the app and for benchmarks: people shared across
//! films, titles with accents and CJK, about four credits a film, a review for one film in two,
//! and diary entries for about three films in ten (some of them rewatches). Deterministic for a
//! given count.

use chrono::{Days, NaiveDate};

use crate::model::{Credit, DiaryEntry, Film, FilmId, Rating, Review, ReviewKind, Role, Tag};

/// A film to store with its reviews.
pub type DemoFilm = (Film, Vec<Review>);

const TITLE_FIRST: &[&str] = &[
    "The Last",
    "A Quiet",
    "Night of the",
    "Return to",
    "The Secret",
    "Beyond the",
    "Letters from",
    "Summer in",
    "The Long",
    "Under the",
    "Songs of",
    "A Portrait of",
    "The Garden of",
    "Ghosts of",
    "Winter",
    "The House on",
    "Memories of",
    "Children of",
    "The Road to",
    "Dreams of",
];
const TITLE_SECOND: &[&str] = &[
    "Harbour",
    "Lighthouse",
    "Orchard",
    "Kingdom",
    "Stranger",
    "River",
    "Mountain",
    "Season",
    "Mirror",
    "Island",
    "Carnival",
    "Dancer",
    "Frontier",
    "Violin",
    "Tide",
    "Silence",
    "Empire",
    "Garden",
    "Station",
    "Evening",
];
const SPECIAL_TITLES: &[&str] = &[
    "Amélie",
    "Le Fabuleux Destin",
    "Crème brûlée",
    "Señorita Peña",
    "Ålesund Blues",
    "Bølgen",
    "Straße der Träume",
    "La Côte d'Azur",
    "千と千尋の神隠し",
    "東京物語",
    "花様年華",
    "기생충",
    "Ça ira",
    "Ένας Άλλος Κόσμος",
    "Почтальон",
    "Rust and Bone",
];
const FIRST_NAMES: &[&str] = &[
    "Marion", "Jacques", "Matthias", "Agnès", "Zoé", "Björn", "Søren", "Chloé", "Hirokazu", "Yūko",
    "Mei", "Joon-ho", "Paolo", "Lucía", "Isabelle", "Wong", "Céline", "Jürgen", "Ana", "Tomás",
    "Juliette", "Kenji", "Ingrid", "Pedro", "Aki", "Greta", "Olivier", "Naomi", "Asghar", "Claire",
];
const LAST_NAMES: &[&str] = &[
    "Cotillard",
    "Audiard",
    "Schoenaerts",
    "Varda",
    "Lindqvist",
    "Kristensen",
    "Dubois",
    "Koreeda",
    "Tanaka",
    "Zhang",
    "Bong",
    "Sorrentino",
    "Martínez",
    "Huppert",
    "Kar-wai",
    "Sciamma",
    "Müller",
    "Almodóvar",
    "Kaurismäki",
    "Gerwig",
    "Farhadi",
    "Denis",
    "Binoche",
    "Ozu",
    "Bergman",
    "Haneke",
    "Østergaard",
    "Nakamura",
    "Šimić",
    "O'Brien",
];
const CHARACTERS: &[&str] = &[
    "Ali",
    "Stéphanie",
    "Sam",
    "the Stranger",
    "Mother",
    "Inspector Moreau",
    "Hana",
    "Lucas",
    "Elsa",
    "Kaito",
    "Father Tomas",
    "Jeanne",
    "the Captain",
    "Yuki",
    "Rosa",
    "Henri",
];
const LANGUAGES: &[&str] = &[
    "English", "French", "Japanese", "Korean", "Spanish", "German", "Danish", "Italian", "Mandarin",
];
const COUNTRIES: &[&str] = &[
    "France",
    "Japan",
    "South Korea",
    "Spain",
    "Germany",
    "Denmark",
    "Italy",
    "USA",
    "UK",
    "China",
];
const GENRES: &[&str] = &[
    "Drama",
    "Comedy",
    "Thriller",
    "Romance",
    "Documentary",
    "Animation",
    "Horror",
    "Science Fiction",
];
const CRITICS: &[&str] = &[
    "Ruth Okafor",
    "Daniel Brandt",
    "Mireille Santos",
    "Kenta Mori",
    "Lea Vasquez",
];
const OUTLETS: &[&str] = &[
    "The Japan Times",
    "The Guardian",
    "Variety",
    "Sight and Sound",
    "Le Monde",
];
const REVIEW_LINES: &[&str] = &[
    "A patient, luminous film that trusts its audience.",
    "The performances carry it further than the script deserves.",
    "Every frame is composed like a painting, and the ending lands hard.",
    "It drifts in the middle hour, but the final scene is unforgettable.",
    "Funny, sad and generous: the kind of film you want to see twice.",
];

/// A small deterministic random source (SplitMix64): the same count gives the same catalog.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `0..n` skewed towards 0, so some people work on many films.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// `count` synthetic films with about four credits each and, for about one film in two, an
/// external review.
pub fn demo_films(count: usize) -> Vec<DemoFilm> {
    let mut dice = Dice(0x00C1_7E0E);
    let people_count = (count / 2).clamp(40, FIRST_NAMES.len() * LAST_NAMES.len());
    (0..count)
        .map(|n| demo_film(&mut dice, n, people_count))
        .collect()
}

/// A generated poster for `film` (shapes and its title on a colour from the title).
pub fn demo_poster(film: &Film) -> Result<crate::model::Poster, crate::images::ImageError> {
    crate::images::poster_from_image(&crate::images::generated_poster(&film.title, film.year))
}

fn person(n: usize) -> String {
    format!(
        "{} {}",
        FIRST_NAMES[n % FIRST_NAMES.len()],
        LAST_NAMES[(n / FIRST_NAMES.len() + n) % LAST_NAMES.len()]
    )
}

fn demo_film(dice: &mut Dice, n: usize, people_count: usize) -> DemoFilm {
    let title = if dice.chance(12) {
        dice.pick(SPECIAL_TITLES).to_owned()
    } else {
        format!("{} {}", dice.pick(TITLE_FIRST), dice.pick(TITLE_SECOND))
    };
    let year = 1925 + i32::try_from(dice.below(100)).unwrap_or(0);
    let mut film = Film::titled(if n.is_multiple_of(3) {
        title
    } else {
        format!("{title} {}", roman(n / 3 % 12 + 1))
    });
    film.year = Some(year);
    film.runtime_min = Some(70 + u32::try_from(dice.below(110)).unwrap_or(0));
    film.languages = vec![dice.pick(LANGUAGES).to_owned()];
    film.countries = vec![dice.pick(COUNTRIES).to_owned()];
    film.genres = vec![dice.pick(GENRES).to_owned()];
    if dice.chance(30) {
        let other = dice.pick(SPECIAL_TITLES);
        if !film.title.starts_with(other) {
            film.alternative_titles.push(other.to_owned());
        }
    }
    film.release_date =
        NaiveDate::from_ymd_opt(year, 1 + dice.below(12) as u32, 1 + dice.below(28) as u32);
    film.credits.push(Credit::new(
        person(dice.skewed(people_count)),
        Role::Director,
    ));
    if dice.chance(40) {
        film.credits
            .push(Credit::new(person(dice.skewed(people_count)), Role::Writer));
    }
    for _ in 0..1 + dice.below(4) {
        let name = person(dice.skewed(people_count));
        if film.credits.iter().all(|c| c.name != name) {
            film.credits.push(Credit::cast(name, dice.pick(CHARACTERS)));
        }
    }
    let mut reviews = Vec::new();
    if dice.chance(50) {
        let half_stars = 1 + dice.below(10);
        reviews.push(Review {
            kind: ReviewKind::External,
            outlet: Some(dice.pick(OUTLETS).to_owned()),
            reviewer: Some(dice.pick(CRITICS).to_owned()),
            published_on: film.release_date,
            rating: Rating::points(half_stars as f64 / 2.0, 5).ok(),
            body: format!("{} {}", dice.pick(REVIEW_LINES), dice.pick(REVIEW_LINES)),
            ..Review::default()
        });
    }
    (film, reviews)
}

/// The first day demo viewings can fall on; they spread over the ten years after it.
const FIRST_VIEWING: Option<NaiveDate> = NaiveDate::from_ymd_opt(2016, 1, 1);

/// Diary entries for the stored demo films `films` (in the order [`demo_films`] made them): about
/// one film in four is watched once, and one in five of those again later as a rewatch, so 100,000
/// films get about 30,000 entries between 2016 and 2025. Deterministic for the same films.
pub fn demo_diary(films: &[FilmId]) -> Vec<DiaryEntry> {
    let mut dice = Dice(0x0D1A_A7E5);
    let Some(first_day) = FIRST_VIEWING else {
        return Vec::new();
    };
    let cinema = Tag::new("cinema").ok();
    let mut entries = Vec::with_capacity(films.len() * 3 / 10);
    for &film_id in films {
        if !dice.chance(24) {
            continue;
        }
        let mut day = dice.below(3650) as u64;
        let mut rewatch = false;
        while let Some(watched_on) = first_day.checked_add_days(Days::new(day)) {
            // Mostly 3 to 4 stars, as people rate what they chose to watch.
            let half_stars = (4 + dice.below(4) + dice.below(4)).min(10) as u8;
            entries.push(DiaryEntry {
                id: None,
                film_id,
                watched_on,
                rating_half_stars: (!dice.chance(10)).then_some(half_stars),
                rewatch,
                liked: half_stars >= 8 && dice.chance(60),
                review: if dice.chance(15) {
                    dice.pick(REVIEW_LINES).to_owned()
                } else {
                    String::new()
                },
                tags: cinema.iter().filter(|_| dice.chance(20)).cloned().collect(),
            });
            let remaining = 3650_u64.saturating_sub(day);
            if rewatch || remaining < 2 || !dice.chance(20) {
                break;
            }
            day += 1 + dice.below(remaining as usize - 1) as u64;
            rewatch = true;
        }
    }
    entries
}

fn roman(n: usize) -> &'static str {
    [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ][(n - 1) % 12]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_films_are_valid_and_share_people() {
        let films = demo_films(300);
        assert_eq!(films.len(), 300);
        for (film, reviews) in &films {
            film.validate().unwrap();
            reviews.iter().for_each(|r| r.validate().unwrap());
        }
        let directors: std::collections::HashSet<&str> = films
            .iter()
            .flat_map(|(f, _)| f.people(Role::Director))
            .collect();
        assert!(directors.len() < 300, "people are shared across films");
        assert!(films.iter().any(|(f, _)| !f.title.is_ascii()));
        assert_eq!(demo_films(300), films, "deterministic");
    }

    #[test]
    fn demo_diary_has_the_promised_shape() {
        let ids: Vec<FilmId> = (1..=10_000).map(FilmId).collect();
        let diary = demo_diary(&ids);
        assert!((2_700..3_300).contains(&diary.len()), "{}", diary.len());
        diary.iter().for_each(|e| e.validate().unwrap());
        let rewatches = diary.iter().filter(|e| e.rewatch).count();
        assert!(
            rewatches > 200 && rewatches < diary.len() / 4,
            "{rewatches}"
        );
        for pair in diary.windows(2) {
            if pair[1].rewatch {
                assert_eq!(pair[0].film_id, pair[1].film_id);
                assert!(pair[0].watched_on < pair[1].watched_on);
            }
        }
        assert_eq!(demo_diary(&ids), diary, "deterministic");
    }
}
