//! The catalog's memory for the review parser: every stored title, original and alternative title,
//! year, director and cast member, read in two queries into a [`Known`].

use std::collections::HashMap;

use super::{Catalog, Result};
use crate::model::FilmId;
use crate::parse::{Known, KnownFilm};

impl Catalog {
    /// What the parser may recognise in a paste: every stored film's titles, year and people. Read
    /// it again after writes; it is a copy.
    pub fn known(&self) -> Result<Known> {
        let mut films: Vec<KnownFilm> = Vec::new();
        let mut index: HashMap<FilmId, usize> = HashMap::new();
        let mut select = self.conn.prepare_cached(
            "SELECT id, title, original_title, alternative_titles, year FROM films ORDER BY id",
        )?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let id: FilmId = row.get(0)?;
            let mut other_titles: Vec<String> =
                row.get::<_, Option<String>>(2)?.into_iter().collect();
            let alternatives: String = row.get(3)?;
            other_titles
                .extend(serde_json::from_str::<Vec<String>>(&alternatives).unwrap_or_default());
            index.insert(id, films.len());
            films.push(KnownFilm {
                id: Some(id),
                title: row.get(1)?,
                other_titles,
                year: row.get(4)?,
                directors: Vec::new(),
                cast: Vec::new(),
            });
        }
        let mut select = self.conn.prepare_cached(
            "SELECT c.film_id, c.role, p.name FROM credits c JOIN people p ON p.id = c.person_id
             WHERE c.role IN ('director', 'cast') ORDER BY c.film_id, c.role, c.position",
        )?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let id: FilmId = row.get(0)?;
            let Some(film) = index.get(&id).and_then(|&i| films.get_mut(i)) else {
                continue;
            };
            let role: String = row.get(1)?;
            let name: String = row.get(2)?;
            if role == "director" {
                film.directors.push(name);
            } else {
                film.cast.push(name);
            }
        }
        Ok(Known::new(films))
    }
}
