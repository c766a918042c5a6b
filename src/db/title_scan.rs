//! Finding typed text inside titles, for a search no indexed word starts with ("melie" in
//! "Amélie", "千尋" inside "千と千尋の神隠し", whose script has no spaces between words).
//!
//! The folded title keys (`title_keys`) are read once into one buffer, a line a key, and searched
//! with `memchr::memmem`, several times faster than SQLite's `instr` over the table (figures in
//! docs/performance.md). The copy is read again when the catalog has changed since: another
//! connection's commit changes `PRAGMA data_version`, and this connection's own writes its change
//! counter.

use memchr::memmem;
use rusqlite::Connection;

use super::{Catalog, Result};
use crate::model::FilmId;

impl Catalog {
    /// The films whose folded title, original or alternative title contains `folded`, in film
    /// order; the keys are read again only if the catalog changed since they were last read.
    pub(super) fn films_with_title_containing(&self, folded: &str) -> Result<Vec<FilmId>> {
        let state = self.catalog_state()?;
        let mut cached = self.title_keys.borrow_mut();
        let keys = match cached.take() {
            Some(keys) if keys.read_at == state => keys,
            _ => TitleKeys::read(&self.conn, state)?,
        };
        let films = keys.films_containing(folded);
        *cached = Some(keys);
        Ok(films)
    }

    /// The catalog's state, `(data_version, total_changes)`: it moves whenever the catalog may
    /// have changed (another connection's commit, this connection's own writes), so what was
    /// read in one state can be kept until the state moves.
    pub(super) fn catalog_state(&self) -> Result<(i64, u64)> {
        Ok((self.data_version()?, self.conn.total_changes()))
    }
}

/// Every folded title key, and when it was read.
pub(super) struct TitleKeys {
    /// The keys, each followed by `\n` (a key never holds one: folding keeps letters, digits and
    /// single spaces).
    text: String,
    /// Where each key starts in `text`, ascending.
    starts: Vec<usize>,
    /// The film of each key.
    films: Vec<FilmId>,
    /// [`Catalog::catalog_state`] when read.
    read_at: (i64, u64),
}

impl TitleKeys {
    /// Reads every key, in film order, with the catalog in state `read_at`.
    fn read(conn: &Connection, read_at: (i64, u64)) -> Result<Self> {
        let mut keys = TitleKeys {
            text: String::new(),
            starts: Vec::new(),
            films: Vec::new(),
            read_at,
        };
        let mut select =
            conn.prepare_cached("SELECT film_id, key FROM title_keys ORDER BY film_id")?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let key = row.get_ref(1)?.as_str().unwrap_or_default();
            keys.starts.push(keys.text.len());
            keys.text.push_str(key);
            keys.text.push('\n');
            keys.films.push(row.get(0)?);
        }
        Ok(keys)
    }

    /// The films with a key containing `folded` (folded text, no line break), in film order,
    /// each once.
    fn films_containing(&self, folded: &str) -> Vec<FilmId> {
        let mut films: Vec<FilmId> = Vec::new();
        if folded.is_empty() || folded.contains('\n') {
            return films;
        }
        for at in memmem::find_iter(self.text.as_bytes(), folded.as_bytes()) {
            let key = self.starts.partition_point(|&start| start <= at) - 1;
            let film = self.films[key];
            if films.last() != Some(&film) {
                films.push(film);
            }
        }
        films
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Catalog;
    use crate::model::Film;

    #[test]
    fn finds_text_inside_keys_and_never_across_two() {
        let mut catalog = Catalog::open_in_memory().unwrap();
        let mut spirited = Film::titled("Spirited Away");
        spirited.original_title = Some("千と千尋の神隠し".into());
        let a = catalog.create_film(&spirited).unwrap().value;
        let b = catalog.create_film(&Film::titled("Amélie")).unwrap().value;
        let c = catalog
            .create_film(&Film::titled("Away from Her"))
            .unwrap()
            .value;
        let keys = TitleKeys::read(&catalog.conn, catalog.catalog_state().unwrap()).unwrap();
        assert_eq!(keys.films_containing("千尋"), [a]);
        assert_eq!(keys.films_containing("melie"), [b]);
        assert_eq!(
            keys.films_containing("away"),
            [a, c],
            "each film once, in film order"
        );
        assert_eq!(keys.films_containing("ie\naw"), []);
        assert_eq!(
            keys.films_containing("away千"),
            [],
            "not across two keys of a film"
        );
        assert_eq!(keys.films_containing(""), []);
    }

    #[test]
    fn keys_are_stale_after_a_write_of_this_or_another_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.sqlite3");
        let mut catalog = Catalog::open(&path).unwrap();
        catalog.create_film(&Film::titled("Amélie")).unwrap();
        let read_at = catalog.catalog_state().unwrap();
        assert_eq!(catalog.catalog_state().unwrap(), read_at);
        catalog.create_film(&Film::titled("Metropolis")).unwrap();
        assert_ne!(catalog.catalog_state().unwrap(), read_at);

        let read_at = catalog.catalog_state().unwrap();
        let mut other = Catalog::open(&path).unwrap();
        other.create_film(&Film::titled("Stalker")).unwrap();
        assert_ne!(catalog.catalog_state().unwrap(), read_at);
    }
}
