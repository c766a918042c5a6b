//! `export watchlist|diary --format html --posters`: the printable page with each film's poster
//! thumbnail embedded, so the page is one self-contained file.

use anyhow::bail;

use crate::db::Catalog;
use crate::interop::{self, DiaryFormat, WatchlistFormat};
use crate::model::{DiaryRow, FilmId, PosterSize, WatchlistRow};

/// The watchlist's page with posters when `posters` asks for it; `None` otherwise.
pub(super) fn watchlist(
    catalog: &Catalog,
    rows: &[WatchlistRow],
    format: WatchlistFormat,
    posters: bool,
) -> anyhow::Result<Option<Vec<u8>>> {
    if !asked(posters, format == WatchlistFormat::Html)? {
        return Ok(None);
    }
    let thumbnails = thumbnails(catalog, rows.iter().map(|r| r.film.id))?;
    Ok(Some(interop::watchlist_html(rows, &thumbnails)))
}

/// The diary's page with posters when `posters` asks for it; `None` otherwise.
pub(super) fn diary(
    catalog: &Catalog,
    rows: &[DiaryRow],
    format: DiaryFormat,
    posters: bool,
) -> anyhow::Result<Option<Vec<u8>>> {
    if !asked(posters, format == DiaryFormat::Html)? {
        return Ok(None);
    }
    let thumbnails = thumbnails(catalog, rows.iter().map(|r| r.film.id))?;
    Ok(Some(interop::diary_html(rows, &thumbnails)))
}

/// Whether posters were asked for; an error when they were, for a format that is no page.
fn asked(posters: bool, html: bool) -> anyhow::Result<bool> {
    if posters && !html {
        bail!("--posters embeds posters in the printable page; use it with --format html.");
    }
    Ok(posters)
}

fn thumbnails(
    catalog: &Catalog,
    films: impl Iterator<Item = FilmId>,
) -> anyhow::Result<interop::PosterThumbnails> {
    Ok(catalog.poster_images(films, PosterSize::Grid)?)
}
