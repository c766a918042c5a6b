//! Online look-ups, only when the person asks: the TMDb client ([`tmdb`]). Nothing here runs
//! unless an API key is set, and without one nothing is sent. An answer becomes an
//! [`IncomingFilm`](crate::model::IncomingFilm) with external ids, which the catalog merges by its
//! usual fill-blanks rule. No window code: the window runs the client as a job.

pub mod fill;
pub mod tmdb;
mod tmdb_json;

pub use fill::{apply_answer, fetch_poster, find_answer, FillError, Found};
pub use tmdb::{Candidate, OnlineError, Tmdb, TmdbFilm, TmdbSettings};
