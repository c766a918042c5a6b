//! The query language's filters, one of each kind, as a person types them: what the repository
//! test of first screens and the latency bench (which includes this file by path) both go over.

/// One filter of each kind (issue 17 asks each to be fast alone and with a text word).
pub const FILTERS: [&str; 10] = [
    "genre:drama",
    "decade:1990s",
    "country:japan",
    "director:varda",
    "cast:cotillard",
    "runtime:<100",
    "rating:>=4",
    "unwatched",
    "has:review",
    "has:poster",
];
