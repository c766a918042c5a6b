//! What a view may read this frame: the borrows the app lends it.

use crate::dates::DateFormat;
use crate::db::Catalog;
use crate::model::FilmId;

use super::poster_cache::PosterCache;

/// What a view may read this frame.
pub struct AppCtx<'a> {
    /// The catalog (the window's own connection).
    pub catalog: &'a Catalog,
    /// The film open in the editor.
    pub selected: Option<FilmId>,
    /// How dates are written (already resolved from the locale).
    pub date_format: DateFormat,
    /// The catalog's generation: it moves on after every change, the window's or another
    /// program's. A view that read at another generation reads again.
    pub generation: u64,
    /// The posters' textures (a view asks for the ones it draws).
    pub posters: &'a PosterCache,
}
