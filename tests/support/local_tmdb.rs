//! A TMDb on 127.0.0.1: a real HTTP server (`tiny_http`) answering in the shapes TMDb's API
//! reference documents, with bodies written here from the documented fields. The `online`
//! binary tests the client and `cinedex lookup` against it, the `ui` binary the window's
//! Look up… and Fill in missing data….

use std::sync::{Arc, Mutex};
use std::time::Duration;

use cinedex::online::TmdbSettings;

use super::poster_png;

/// How the local TMDb behaves.
#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    /// Answers every documented path.
    Normal,
    /// 401 with TMDb's "Invalid API key" body.
    Unauthorized,
    /// 429 with `Retry-After: 1` to the first call, then as Normal.
    RateLimitedOnce,
    /// Waits 3 s before answering.
    Slow,
    /// Answers with cut-off JSON.
    Malformed,
}

/// A TMDb on 127.0.0.1 that records the URLs it was asked for.
pub struct LocalTmdb {
    server: Arc<tiny_http::Server>,
    base: String,
    asked: Arc<Mutex<Vec<String>>>,
}

impl LocalTmdb {
    /// Starts a server on a free port, answering as `mode` says.
    pub fn start(mode: Mode) -> Self {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        let asked = Arc::new(Mutex::new(Vec::new()));
        let (thread_server, thread_asked, thread_base) =
            (Arc::clone(&server), Arc::clone(&asked), base.clone());
        std::thread::spawn(move || {
            for request in thread_server.incoming_requests() {
                let url = request.url().to_owned();
                let first = {
                    let mut asked = thread_asked.lock().unwrap();
                    asked.push(url.clone());
                    asked.len() == 1
                };
                let (status, kind, body, retry) = answer(mode, first, &url, &thread_base);
                let mut response = tiny_http::Response::from_data(body)
                    .with_status_code(status)
                    .with_header(tiny_http::Header::from_bytes("Content-Type", kind).unwrap());
                if retry {
                    response.add_header(tiny_http::Header::from_bytes("Retry-After", "1").unwrap());
                }
                let _ = request.respond(response);
            }
        });
        Self {
            server,
            base,
            asked,
        }
    }

    /// The API base to point a client at, e.g. `http://127.0.0.1:4000/3`.
    pub fn api_url(&self) -> String {
        format!("{}/3", self.base)
    }

    /// The URLs asked for, in order.
    pub fn asked(&self) -> Vec<String> {
        self.asked.lock().unwrap().clone()
    }

    /// Client settings for this server, with a test key and no pause between calls.
    pub fn settings(&self) -> TmdbSettings {
        TmdbSettings {
            api_url: self.api_url(),
            min_interval: Duration::ZERO,
            ..TmdbSettings::new("test-key")
        }
    }
}

impl Drop for LocalTmdb {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

/// Status, content type, body and whether to send `Retry-After`, for `url`.
fn answer(mode: Mode, first: bool, url: &str, base: &str) -> (u16, &'static str, Vec<u8>, bool) {
    const JSON: &str = "application/json;charset=utf-8";
    match mode {
        Mode::Unauthorized => {
            let body = r#"{"status_code":7,"status_message":"Invalid API key: You must be granted a valid key.","success":false}"#;
            return (401, JSON, body.into(), false);
        }
        Mode::RateLimitedOnce if first => {
            let body = r#"{"status_code":25,"status_message":"Your request count (41) is over the allowed limit of 40."}"#;
            return (429, JSON, body.into(), true);
        }
        Mode::Slow => std::thread::sleep(Duration::from_secs(3)),
        Mode::Malformed => {
            return (
                200,
                JSON,
                br#"{"page": 1, "results": [{"id": 97"#.to_vec(),
                false,
            )
        }
        _ => {}
    }
    let path = url.split('?').next().unwrap_or_default();
    match path {
        "/3/search/movie" if url.contains("Rust") => (200, JSON, SEARCH.into(), false),
        "/3/search/movie" => (200, JSON, EMPTY_SEARCH.into(), false),
        "/3/movie/97365" if url.contains("append_to_response=credits%2Cexternal_ids")
            || url.contains("append_to_response=credits,external_ids") =>
        {
            (200, JSON, MOVIE.into(), false)
        }
        "/3/configuration" => {
            let body = CONFIGURATION.replace("{base}", base);
            (200, JSON, body.into_bytes(), false)
        }
        "/t/p/w780/rust-and-bone.png" => (200, "image/png", poster_png(200, 300), false),
        _ => (
            404,
            JSON,
            br#"{"status_code":34,"status_message":"The resource you requested could not be found.","success":false}"#.to_vec(),
            false,
        ),
    }
}

const SEARCH: &str = r#"{
  "page": 1,
  "results": [
    {"adult": false, "id": 97365, "title": "Rust and Bone", "original_title": "De rouille et d'os",
     "original_language": "fr", "release_date": "2012-05-17", "poster_path": "/rust-and-bone.png",
     "overview": "Put in charge of his young son, Ali leaves Belgium for Antibes.",
     "genre_ids": [18, 10749], "popularity": 12.5, "vote_average": 7.1, "vote_count": 2100},
    {"adult": false, "id": 1191, "title": "Rust", "original_title": "Rust",
     "original_language": "en", "release_date": "2024-05-01", "poster_path": null,
     "overview": "", "genre_ids": [37], "popularity": 3.2, "vote_average": 5.5, "vote_count": 90}
  ],
  "total_pages": 1,
  "total_results": 2
}"#;

const EMPTY_SEARCH: &str = r#"{"page": 1, "results": [], "total_pages": 1, "total_results": 0}"#;

const MOVIE: &str = r#"{
  "adult": false, "id": 97365, "imdb_id": "tt2053425",
  "title": "Rust and Bone", "original_title": "De rouille et d'os", "original_language": "fr",
  "release_date": "2012-05-17", "runtime": 120, "status": "Released",
  "genres": [{"id": 18, "name": "Drama"}, {"id": 10749, "name": "Romance"}],
  "production_countries": [{"iso_3166_1": "FR", "name": "France"}, {"iso_3166_1": "BE", "name": "Belgium"}],
  "spoken_languages": [{"english_name": "French", "iso_639_1": "fr", "name": "Français"}],
  "poster_path": "/rust-and-bone.png",
  "credits": {
    "cast": [
      {"id": 8293, "name": "Marion Cotillard", "character": "Stéphanie", "order": 0},
      {"id": 34544, "name": "Matthias Schoenaerts", "character": "Alain van Versch", "order": 1},
      {"id": 77, "name": "Armand Verdure", "character": "Sam", "order": 2}
    ],
    "crew": [
      {"id": 15, "name": "Jacques Audiard", "job": "Director", "department": "Directing"},
      {"id": 15, "name": "Jacques Audiard", "job": "Screenplay", "department": "Writing"},
      {"id": 16, "name": "Thomas Bidegain", "job": "Screenplay", "department": "Writing"},
      {"id": 17, "name": "Alexandre Desplat", "job": "Original Music Composer", "department": "Sound"}
    ]
  },
  "external_ids": {"imdb_id": "tt2053425", "wikidata_id": "Q1141186", "facebook_id": null}
}"#;

const CONFIGURATION: &str = r#"{
  "images": {
    "base_url": "{base}/t/p/",
    "secure_base_url": "{base}/t/p/",
    "backdrop_sizes": ["w300", "w780", "w1280", "original"],
    "poster_sizes": ["w92", "w154", "w185", "w342", "w500", "w780", "original"]
  },
  "change_keys": ["adult", "title"]
}"#;
