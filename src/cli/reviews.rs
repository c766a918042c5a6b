//! `parse-review`: the fields found in a paste, with a saved page's metadata, and with the
//! catalog's titles and people when asked (`--use-catalog`); nothing is written.

use std::path::Path;

use anyhow::bail;

use super::{open, print_json, read_paste};
use crate::parse::parse_enriched;

/// Prints the fields found in `file` (or standard input) as JSON; with `use_catalog`, the stored
/// titles and people of the catalog at `db` count as evidence.
pub fn parse_review(db: &Path, file: Option<&Path>, use_catalog: bool) -> anyhow::Result<()> {
    let text = read_paste(file)?;
    let known = if use_catalog {
        if !db.exists() {
            bail!(
                "--use-catalog needs a catalog and there is none here; name one with --db PATH: {}",
                db.display()
            );
        }
        Some(open(db)?.known()?)
    } else {
        None
    };
    let parsed = parse_enriched(&text, known.as_ref()).enriched;
    print_json(&parsed)?;
    if parsed.review.is_empty() {
        bail!("Nothing recognised: the text names no film, director, cast or rating.");
    }
    Ok(())
}
