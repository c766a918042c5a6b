//! The fields of TMDb's answers that Cinedex reads, as TMDb's API reference documents them
//! (`/3/search/movie`, `/3/movie/{id}` with `credits` and `external_ids` appended,
//! `/3/configuration`). Every field may be missing or `null`.

use serde::Deserialize;

/// `/3/search/movie`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct SearchPage {
    pub results: Vec<SearchResult>,
}

/// One film of a search.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct SearchResult {
    pub id: u64,
    pub title: Option<String>,
    pub original_title: Option<String>,
    pub release_date: Option<String>,
    pub poster_path: Option<String>,
    pub overview: Option<String>,
}

/// `/3/movie/{id}?append_to_response=credits,external_ids`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Movie {
    pub id: u64,
    pub imdb_id: Option<String>,
    pub title: Option<String>,
    pub original_title: Option<String>,
    pub release_date: Option<String>,
    pub runtime: Option<u32>,
    pub genres: Vec<Named>,
    pub production_countries: Vec<Named>,
    pub spoken_languages: Vec<Language>,
    pub poster_path: Option<String>,
    pub credits: Credits,
    pub external_ids: ExternalIds,
}

/// A genre or a country.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Named {
    pub name: Option<String>,
}

/// A spoken language: its English name, else its own.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Language {
    pub english_name: Option<String>,
    pub name: Option<String>,
}

/// The appended `credits`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Credits {
    pub cast: Vec<CastMember>,
    pub crew: Vec<CrewMember>,
}

/// One of the cast, `order` 0 top-billed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct CastMember {
    pub name: Option<String>,
    pub character: Option<String>,
    pub order: Option<u32>,
}

/// One of the crew.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct CrewMember {
    pub name: Option<String>,
    pub job: Option<String>,
    pub department: Option<String>,
}

/// The appended `external_ids`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ExternalIds {
    pub imdb_id: Option<String>,
}

/// `/3/configuration`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Configuration {
    pub images: Images,
}

/// Where images live and in which sizes.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Images {
    pub secure_base_url: Option<String>,
    pub poster_sizes: Vec<String>,
}
