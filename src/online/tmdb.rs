//! The TMDb client: search by title and year, a film's details with credits and external ids,
//! and its poster. Blocking (`ureq`, rustls), with a timeout on every call, a pause between
//! calls to keep to TMDb's rate limits, and backoff when TMDb answers 429. Every failure is one
//! [`OnlineError`] sentence; nothing here writes to the catalog.
//!
//! Settings come from the environment (the window falls back to its Preferences' key): `CINEDEX_TMDB_KEY` (a v3 API
//! key, sent as `api_key`, or a v4 read access token, sent as a bearer token),
//! `CINEDEX_TMDB_URL` (the API base, default `https://api.themoviedb.org/3`) and
//! `CINEDEX_TMDB_IMAGE_URL` (the image base, default what `/configuration` says, else
//! `https://image.tmdb.org/t/p`). Without a key no client is made, so nothing is sent.

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::tmdb_json::{Configuration, Movie, SearchPage};
use crate::model::text_keys::title_key;
use crate::model::{Credit, ExternalId, Film, IncomingFilm, Role};

/// TMDb's API base.
pub const DEFAULT_API_URL: &str = "https://api.themoviedb.org/3";

/// TMDb's image base, when `/configuration` names none.
pub const DEFAULT_IMAGE_URL: &str = "https://image.tmdb.org/t/p";

/// How long a call may take before it is given up.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The pause between two calls: at most four a second, well inside TMDb's limits.
pub const DEFAULT_MIN_INTERVAL: Duration = Duration::from_millis(250);

/// How many times a call answered 429 is tried again before giving up.
const RETRIES_ON_429: u32 = 4;

/// The longest wait a `Retry-After` may ask for.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// The top-billed cast members kept.
const CAST_KEPT: usize = 10;

/// The largest answer read: JSON pages are small; posters may be up to the poster file limit.
const MAX_JSON_BYTES: u64 = 4 * 1024 * 1024;

/// The poster size fetched when `/configuration` offers it (TMDb's widths: w92 … w780,
/// original).
const PREFERRED_POSTER_SIZE: &str = "w780";

/// Why a look-up failed; each a sentence a person can act on. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OnlineError {
    /// No key is set: nothing was sent.
    #[error("No TMDb API key is set, so nothing was sent; set CINEDEX_TMDB_KEY to look films up.")]
    NoKey,
    /// The call took longer than the timeout.
    #[error("TMDb did not answer in {0} s; check the connection and try again.")]
    Timeout(u64),
    /// 401: the key is wrong or revoked.
    #[error("TMDb says the API key was refused; check CINEDEX_TMDB_KEY.")]
    KeyRefused,
    /// 429 again and again.
    #[error("TMDb kept asking Cinedex to slow down; try again in a minute.")]
    RateLimited,
    /// 404.
    #[error("TMDb has no such film or image.")]
    NotFound,
    /// Another HTTP status.
    #[error("TMDb answered with HTTP status {0}; try again later.")]
    Status(u16),
    /// The body is not the JSON TMDb documents.
    #[error("TMDb's answer could not be read ({0}).")]
    Malformed(String),
    /// No connection at all.
    #[error("Cannot reach TMDb ({0}); check the connection.")]
    Network(String),
}

/// Where and how to reach TMDb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TmdbSettings {
    /// The API key or read access token.
    pub key: String,
    /// The API base, e.g. `https://api.themoviedb.org/3`.
    pub api_url: String,
    /// The image base; `None` asks `/configuration`.
    pub image_url: Option<String>,
    /// How long one call may take.
    pub timeout: Duration,
    /// The pause between two calls.
    pub min_interval: Duration,
}

impl TmdbSettings {
    /// Settings for `key` with TMDb's addresses and the default timeout and pace.
    pub fn new(key: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            api_url: DEFAULT_API_URL.to_owned(),
            image_url: None,
            timeout: DEFAULT_TIMEOUT,
            min_interval: DEFAULT_MIN_INTERVAL,
        }
    }

    /// Settings from `CINEDEX_TMDB_KEY`, `CINEDEX_TMDB_URL` and `CINEDEX_TMDB_IMAGE_URL`;
    /// [`OnlineError::NoKey`] when no key is set.
    pub fn from_env() -> Result<Self, OnlineError> {
        Self::from_env_or_key("")
    }

    /// Settings as [`TmdbSettings::from_env`] gives them, with `key` (the window's Preferences)
    /// when `CINEDEX_TMDB_KEY` is not set; [`OnlineError::NoKey`] when neither is.
    pub fn from_env_or_key(key: &str) -> Result<Self, OnlineError> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let key = var("CINEDEX_TMDB_KEY")
            .or_else(|| Some(key.to_owned()).filter(|k| !k.trim().is_empty()))
            .ok_or(OnlineError::NoKey)?;
        let mut settings = Self::new(key.trim());
        if let Some(url) = var("CINEDEX_TMDB_URL") {
            settings.api_url = url.trim_end_matches('/').to_owned();
        }
        settings.image_url =
            var("CINEDEX_TMDB_IMAGE_URL").map(|u| u.trim_end_matches('/').to_owned());
        Ok(settings)
    }
}

/// A film a search found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// TMDb's id of the film.
    pub tmdb_id: u64,
    /// Its title (in TMDb's default language).
    pub title: String,
    /// Its title in the original language.
    pub original_title: Option<String>,
    /// The year of its first release.
    pub year: Option<i32>,
    /// TMDb's summary.
    pub overview: Option<String>,
    /// True when TMDb has a poster for it.
    pub has_poster: bool,
}

/// A film's details as a catalog entry.
#[derive(Clone, Debug, PartialEq)]
pub struct TmdbFilm {
    /// The film with its credits, and its `tmdb` and `imdb` ids.
    pub incoming: IncomingFilm,
    /// The path of its poster at the image base, e.g. `/abc.jpg`.
    pub poster_path: Option<String>,
}

/// A client for TMDb's API; one call at a time, paced.
pub struct Tmdb {
    agent: ureq::Agent,
    settings: TmdbSettings,
    /// When the last call was sent, to keep the pace.
    last_call: Cell<Option<Instant>>,
    /// The image base and poster size, from `/configuration`, once asked.
    images: RefCell<Option<(String, String)>>,
}

impl Tmdb {
    /// A client with `settings`; nothing is sent until a call is made.
    pub fn new(settings: TmdbSettings) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .http_status_as_error(false)
            .user_agent(concat!("Cinedex/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Self {
            agent,
            settings,
            last_call: Cell::new(None),
            images: RefCell::new(None),
        }
    }

    /// Films TMDb finds for `title` (and `year`), best first.
    pub fn search(&self, title: &str, year: Option<i32>) -> Result<Vec<Candidate>, OnlineError> {
        let year = year.map(|y| y.to_string());
        let mut query = vec![("query", title), ("include_adult", "false")];
        if let Some(year) = &year {
            query.push(("year", year));
        }
        let page: SearchPage = self.json("/search/movie", &query)?;
        Ok(page
            .results
            .into_iter()
            .filter_map(|r| {
                Some(Candidate {
                    tmdb_id: r.id,
                    title: r.title.filter(|t| !t.trim().is_empty())?,
                    original_title: r.original_title,
                    year: year_of(r.release_date.as_deref()),
                    overview: r.overview.filter(|o| !o.is_empty()),
                    has_poster: r.poster_path.is_some(),
                })
            })
            .collect())
    }

    /// The film TMDb knows as `tmdb_id`, with its credits and ids.
    pub fn film(&self, tmdb_id: u64) -> Result<TmdbFilm, OnlineError> {
        let movie: Movie = self.json(
            &format!("/movie/{tmdb_id}"),
            &[("append_to_response", "credits,external_ids")],
        )?;
        Ok(film_of(movie))
    }

    /// The bytes of the poster at `poster_path`, at the largest size up to w780 TMDb offers.
    pub fn poster(&self, poster_path: &str) -> Result<Vec<u8>, OnlineError> {
        let (base, size) = self.image_base()?;
        let url = format!("{base}/{size}/{}", poster_path.trim_start_matches('/'));
        self.get(&url, &[], crate::images::MAX_FILE_BYTES, false)
    }

    /// The image base and poster size: the settings' base, else `/configuration`'s.
    fn image_base(&self) -> Result<(String, String), OnlineError> {
        if let Some(known) = self.images.borrow().clone() {
            return Ok(known);
        }
        let config: Configuration = self.json("/configuration", &[])?;
        let base = self
            .settings
            .image_url
            .clone()
            .or(config.images.secure_base_url)
            .unwrap_or_else(|| DEFAULT_IMAGE_URL.to_owned());
        let sizes = config.images.poster_sizes;
        let size = if sizes.iter().any(|s| s == PREFERRED_POSTER_SIZE) || sizes.is_empty() {
            PREFERRED_POSTER_SIZE.to_owned()
        } else {
            sizes
                .iter()
                .rfind(|s| s.as_str() != "original")
                .or(sizes.last())
                .cloned()
                .unwrap_or_else(|| PREFERRED_POSTER_SIZE.to_owned())
        };
        let known = (base.trim_end_matches('/').to_owned(), size);
        *self.images.borrow_mut() = Some(known.clone());
        Ok(known)
    }

    /// The JSON TMDb answers at `path` of the API base.
    fn json<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T, OnlineError> {
        let url = format!("{}{path}", self.settings.api_url);
        let bytes = self.get(&url, query, MAX_JSON_BYTES, true)?;
        serde_json::from_slice(&bytes)
            .map_err(|e| OnlineError::Malformed(format!("it is not the JSON TMDb documents: {e}")))
    }

    /// The body at `url`, paced, with backoff on 429; `api` adds the key.
    fn get(
        &self,
        url: &str,
        query: &[(&str, &str)],
        limit: u64,
        api: bool,
    ) -> Result<Vec<u8>, OnlineError> {
        let mut wait = Duration::from_secs(1);
        for attempt in 0..=RETRIES_ON_429 {
            self.keep_pace();
            let mut request = self.agent.get(url);
            for (name, value) in query {
                request = request.query(*name, *value);
            }
            if api {
                request = if self.settings.key.contains('.') {
                    request.header("Authorization", format!("Bearer {}", self.settings.key))
                } else {
                    request.query("api_key", &self.settings.key)
                };
            }
            let mut response = request.call().map_err(|e| self.transport_error(e))?;
            match response.status().as_u16() {
                200..=299 => {
                    return response
                        .body_mut()
                        .with_config()
                        .limit(limit)
                        .read_to_vec()
                        .map_err(|e| self.transport_error(e));
                }
                401 => return Err(OnlineError::KeyRefused),
                404 => return Err(OnlineError::NotFound),
                429 if attempt < RETRIES_ON_429 => {
                    let asked = response
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .map(Duration::from_secs);
                    std::thread::sleep(asked.unwrap_or(wait).min(MAX_RETRY_AFTER));
                    wait *= 2;
                }
                429 => return Err(OnlineError::RateLimited),
                status => return Err(OnlineError::Status(status)),
            }
        }
        Err(OnlineError::RateLimited)
    }

    /// Sleeps until the pause since the last call is over.
    fn keep_pace(&self) {
        if let Some(last) = self.last_call.get() {
            let since = last.elapsed();
            if since < self.settings.min_interval {
                std::thread::sleep(self.settings.min_interval - since);
            }
        }
        self.last_call.set(Some(Instant::now()));
    }

    fn transport_error(&self, error: ureq::Error) -> OnlineError {
        match error {
            ureq::Error::Timeout(_) => OnlineError::Timeout(self.settings.timeout.as_secs().max(1)),
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                OnlineError::Timeout(self.settings.timeout.as_secs().max(1))
            }
            ureq::Error::BodyExceedsLimit(limit) => OnlineError::Malformed(format!(
                "it is larger than the {} MB Cinedex reads",
                limit / 1_000_000
            )),
            other => OnlineError::Network(other.to_string()),
        }
    }
}

/// The year of a TMDb date (`2012-05-17`).
fn year_of(date: Option<&str>) -> Option<i32> {
    let date = NaiveDate::parse_from_str(date?, "%Y-%m-%d").ok()?;
    Some(date.year()).filter(|y| crate::model::YEAR_RANGE.contains(y))
}

/// TMDb's details as a catalog entry: title, original title (when it differs), year, runtime,
/// genres, countries, languages, directors, writers and the top-billed cast with characters;
/// the `tmdb` and `imdb` ids.
fn film_of(movie: Movie) -> TmdbFilm {
    let title = movie.title.unwrap_or_default().trim().to_owned();
    let names = |items: Vec<super::tmdb_json::Named>| -> Vec<String> {
        items
            .into_iter()
            .filter_map(|n| n.name)
            .filter(|n| !n.trim().is_empty())
            .collect()
    };
    let mut film = Film {
        original_title: movie
            .original_title
            .filter(|o| !o.trim().is_empty() && o.trim() != title),
        year: year_of(movie.release_date.as_deref()),
        runtime_min: movie.runtime.filter(|m| *m > 0),
        genres: names(movie.genres),
        countries: names(movie.production_countries),
        languages: movie
            .spoken_languages
            .into_iter()
            .filter_map(|l| l.english_name.filter(|n| !n.is_empty()).or(l.name))
            .filter(|n| !n.trim().is_empty())
            .collect(),
        title,
        ..Film::default()
    };
    let mut push = |name: Option<String>, role: Role, character: Option<String>| {
        let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
            return;
        };
        let known = film
            .credits
            .iter()
            .any(|c| c.role == role && c.name.eq_ignore_ascii_case(&name));
        if !known {
            film.credits.push(Credit {
                name,
                role,
                character: character.filter(|c| !c.trim().is_empty()),
            });
        }
    };
    let crew = movie.credits.crew;
    for member in crew.iter().filter(|m| m.job.as_deref() == Some("Director")) {
        push(member.name.clone(), Role::Director, None);
    }
    for member in crew
        .iter()
        .filter(|m| m.department.as_deref() == Some("Writing"))
    {
        push(member.name.clone(), Role::Writer, None);
    }
    let mut cast = movie.credits.cast;
    cast.sort_by_key(|m| m.order.unwrap_or(u32::MAX));
    for member in cast.into_iter().take(CAST_KEPT) {
        push(member.name, Role::Cast, member.character);
    }
    let mut external_ids = vec![ExternalId::new("tmdb", &movie.id.to_string())];
    let imdb = movie.imdb_id.or(movie.external_ids.imdb_id);
    if let Some(imdb) = imdb.filter(|i| i.starts_with("tt")) {
        external_ids.push(ExternalId::new("imdb", &imdb));
    }
    TmdbFilm {
        incoming: IncomingFilm {
            film,
            external_ids,
            marks: Vec::new(),
        },
        poster_path: movie.poster_path.filter(|p| !p.trim().is_empty()),
    }
}

impl Candidate {
    /// The one candidate that surely is `film`: the same folded title (or original title) and,
    /// when both have one, the same year; `None` when no candidate or several fit.
    pub fn sure_match<'a>(film: &Film, candidates: &'a [Candidate]) -> Option<&'a Candidate> {
        let keys: Vec<String> = std::iter::once(&film.title)
            .chain(film.original_title.as_ref())
            .map(|t| title_key(t))
            .collect();
        let mut fitting = candidates.iter().filter(|c| {
            let titles = std::iter::once(&c.title).chain(c.original_title.as_ref());
            let same_title = titles.map(|t| title_key(t)).any(|k| keys.contains(&k));
            let same_year = match (film.year, c.year) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            same_title && same_year
        });
        let first = fitting.next()?;
        fitting.next().is_none().then_some(first)
    }
}
