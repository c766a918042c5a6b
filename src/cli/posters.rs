//! The poster commands: `poster set FILM_ID FILE`, `poster get FILM_ID -o FILE` and
//! `poster remove FILM_ID`.
//!
//! An image is read and decoded whole (within the limits of [`crate::images`]) before anything
//! is written, so a bad file names what is wrong and leaves the catalog as it was.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};
use clap::{Subcommand, ValueEnum};

use crate::db::{Catalog, ImportOutcome};
use crate::images::{self, ImageError};
use crate::model::{FilmId, Poster, PosterSize};

/// `cinedex poster …`.
#[derive(Debug, Subcommand)]
pub enum PosterCommand {
    /// Give a film a poster from an image file (PNG, JPEG or WebP), replacing the one it had.
    Set {
        /// The film's id (as `films` lists it).
        film: i64,
        /// The image file.
        file: PathBuf,
    },
    /// Write a film's poster (or one of its thumbnails) to a file.
    Get {
        /// The film's id.
        film: i64,
        /// The file to write (replaced whole, or left as it was if writing fails).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Which image: the poster as kept, or a thumbnail (JPEG).
        #[arg(long, value_enum, default_value_t = SizeArg::Full)]
        size: SizeArg,
    },
    /// Take a film's poster away.
    Remove {
        /// The film's id.
        film: i64,
    },
}

/// The images `poster get --size` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SizeArg {
    /// The poster as kept (the file as given, or reduced past 3 MB or 2000 pixels a side).
    Full,
    /// The grid thumbnail.
    Grid,
    /// The list thumbnail.
    List,
}

/// Runs one `poster` subcommand.
pub fn poster(db: &Path, command: PosterCommand) -> anyhow::Result<()> {
    match command {
        PosterCommand::Set { film, file } => {
            let bytes = read_image_file(&file)?;
            let poster = images::poster_from_bytes(&bytes).map_err(|e| refused(&e, &file))?;
            let mut catalog = Catalog::open(db)?;
            let title = title_of(&catalog, FilmId(film))?;
            catalog.set_poster(FilmId(film), &poster)?;
            println!(
                "Set the poster of \"{title}\" (#{film}): {} × {} {}, thumbnails {} KB.",
                poster.width,
                poster.height,
                poster.extension().to_uppercase(),
                poster.thumbnail_bytes().div_ceil(1000)
            );
        }
        PosterCommand::Get { film, output, size } => {
            let catalog = Catalog::open(db)?;
            let title = title_of(&catalog, FilmId(film))?;
            let size = match size {
                SizeArg::Full => PosterSize::Full,
                SizeArg::Grid => PosterSize::Grid,
                SizeArg::List => PosterSize::List,
            };
            let Some(bytes) = catalog.poster_bytes(FilmId(film), size)? else {
                bail!("\"{title}\" (#{film}) has no poster, so no file was written.");
            };
            crate::interop::write_atomically(&output, |out| out.write_all(&bytes)).map_err(
                |e| {
                    anyhow!(
                        "Cannot write the poster ({e}), so no file was changed: {}",
                        output.display()
                    )
                },
            )?;
            println!(
                "Wrote the poster of \"{title}\" (#{film}) to {}.",
                output.display()
            );
        }
        PosterCommand::Remove { film } => {
            let mut catalog = Catalog::open(db)?;
            let title = title_of(&catalog, FilmId(film))?;
            match catalog.remove_poster(FilmId(film))?.changed() {
                true => println!("Removed the poster of \"{title}\" (#{film})."),
                false => println!("\"{title}\" (#{film}) has no poster; nothing was changed."),
            }
        }
    }
    Ok(())
}

/// The poster of a saved review page (its `og:image`, saved beside it), read and decoded
/// before anything is stored; `None` when the review is not such a page.
pub(super) fn saved_page_poster(
    file: Option<&Path>,
    html: &str,
) -> Option<anyhow::Result<(PathBuf, Poster)>> {
    let page = file.filter(|f| {
        f.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
    })?;
    let image = crate::interop::saved_page_image(page, html)?;
    Some(read_image_file(&image).and_then(|bytes| {
        let poster = images::poster_from_bytes(&bytes).map_err(|e| refused(&e, &image))?;
        Ok((image, poster))
    }))
}

/// Gives the film a review import stored (or found) the page's poster, if it has none. A page
/// image that cannot be used is told on stderr; the review stays stored.
pub(super) fn attach_page_poster(
    catalog: &mut Catalog,
    outcome: &ImportOutcome,
    found: Option<anyhow::Result<(PathBuf, Poster)>>,
    json: bool,
) -> anyhow::Result<()> {
    let film = match outcome {
        ImportOutcome::Created { film_id, .. }
        | ImportOutcome::Attached { film_id, .. }
        | ImportOutcome::AlreadyStored { film_id, .. } => *film_id,
        ImportOutcome::Ambiguous { .. } => return Ok(()),
    };
    match found {
        None => Ok(()),
        Some(Err(e)) => {
            eprintln!("The review was stored, but the page's image is no poster: {e}");
            Ok(())
        }
        Some(Ok(_)) if catalog.has_poster(film)? => Ok(()),
        Some(Ok((image, poster))) => {
            catalog.set_poster(film, &poster)?;
            if !json {
                println!("Took the poster from the saved page: {}", image.display());
            }
            Ok(())
        }
    }
}

/// The title of film `id`, or the error that it is not in the catalog.
fn title_of(catalog: &Catalog, id: FilmId) -> anyhow::Result<String> {
    Ok(catalog
        .film(id)?
        .ok_or(crate::db::DbError::FilmNotFound(id))?
        .title)
}

/// The bytes of the image file at `path`, refused before reading when empty or too large.
pub(super) fn read_image_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("Cannot read the image file {}", path.display()))?;
    let len = file
        .metadata()
        .with_context(|| format!("Cannot read the image file {}", path.display()))?
        .len();
    images::check_file_size(len).map_err(|e| refused(&e, path))?;
    let mut bytes = Vec::new();
    file.take(images::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("Cannot read the image file {}", path.display()))?;
    images::check_file_size(bytes.len() as u64).map_err(|e| refused(&e, path))?;
    Ok(bytes)
}

/// `error` as one sentence that says nothing was stored and names the file.
fn refused(error: &ImageError, path: &Path) -> anyhow::Error {
    let sentence = error.to_string();
    anyhow!(
        "{} (nothing was stored): {}",
        sentence.trim_end_matches('.'),
        path.display()
    )
}
