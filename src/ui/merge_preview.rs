//! What merging two films would do, worded for the window before "Merge": what moves from the
//! film merged away (from `Catalog::merge_preview`, the merge itself rolled back) and which empty
//! fields of the film kept are filled from it (`Film::fill_blanks_from`, as the merge does).

use crate::db::{Catalog, DbError, MergeSummary};
use crate::model::{Film, FilmId, Role};

use super::widgets::rating::film_label;

/// A merge, described before it is made.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePreview {
    /// The film kept.
    pub keep: FilmId,
    /// The film merged into it and deleted.
    pub other: FilmId,
    /// "Rear Window (1954)", for each.
    pub keep_label: String,
    /// The other's label.
    pub other_label: String,
    /// What moves, one line each: "2 viewings", "its watchlist place".
    pub moves: Vec<String>,
    /// The fields filled, one line each: "Year: 1954", "Genres: + Thriller".
    pub filled: Vec<String>,
}

impl MergePreview {
    /// Reads what merging `other` into `keep` would do; nothing is changed.
    pub fn read(catalog: &mut Catalog, keep: FilmId, other: FilmId) -> Result<Self, DbError> {
        let summary = catalog.merge_preview(keep, other)?;
        let kept = catalog.film(keep)?.ok_or(DbError::FilmNotFound(keep))?;
        let gone = catalog.film(other)?.ok_or(DbError::FilmNotFound(other))?;
        let mut filled = kept.clone();
        filled.fill_blanks_from(&gone);
        Ok(Self {
            keep,
            other,
            keep_label: film_label(&kept.title, kept.year),
            other_label: film_label(&gone.title, gone.year),
            moves: moves(&summary),
            filled: filled_fields(&kept, &filled),
        })
    }
}

/// "1 viewing", "2 viewings".
fn count(n: usize, one: &str, many: &str) -> Option<String> {
    match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    }
}

/// What the summary says moves, one line each.
fn moves(summary: &MergeSummary) -> Vec<String> {
    let mut lines: Vec<String> = [
        count(summary.diary_moved, "viewing", "viewings"),
        count(summary.reviews_moved, "review", "reviews"),
        count(summary.list_places_moved, "list place", "list places"),
        count(
            summary.external_ids_moved,
            "id at another service",
            "ids at other services",
        ),
        count(
            summary.marks_moved,
            "mark (watched, liked)",
            "marks (watched, liked)",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    if summary.watchlist_moved {
        lines.push("its watchlist place".to_owned());
    }
    if summary.poster_moved {
        lines.push("its poster".to_owned());
    }
    lines
}

/// The fields `after` has that `before` lacked, one line each.
pub fn filled_fields(before: &Film, after: &Film) -> Vec<String> {
    let mut lines = Vec::new();
    let mut single = |name: &str, was: bool, now: Option<String>| {
        if let (true, Some(now)) = (was, now) {
            lines.push(format!("{name}: {now}"));
        }
    };
    single(
        "Original title",
        before.original_title.is_none(),
        after.original_title.clone(),
    );
    single(
        "Year",
        before.year.is_none(),
        after.year.map(|y| y.to_string()),
    );
    single(
        "Runtime",
        before.runtime_min.is_none(),
        after.runtime_min.map(|m| format!("{m} min")),
    );
    single(
        "Release date",
        before.release_date.is_none(),
        after.release_date.map(|d| d.to_string()),
    );
    let added = |name: &str, was: &[String], now: &[String], lines: &mut Vec<String>| {
        let new: Vec<&str> = now[was.len().min(now.len())..]
            .iter()
            .map(String::as_str)
            .collect();
        if !new.is_empty() {
            lines.push(format!("{name}: + {}", new.join(", ")));
        }
    };
    added(
        "Other titles",
        &before.alternative_titles,
        &after.alternative_titles,
        &mut lines,
    );
    added("Languages", &before.languages, &after.languages, &mut lines);
    added("Countries", &before.countries, &after.countries, &mut lines);
    added("Genres", &before.genres, &after.genres, &mut lines);
    for (role, name) in [
        (Role::Director, "Directors"),
        (Role::Writer, "Writers"),
        (Role::Cast, "Cast"),
    ] {
        let names = |film: &Film| -> Vec<String> {
            film.credits
                .iter()
                .filter(|c| c.role == role)
                .map(|c| c.name.clone())
                .collect()
        };
        added(name, &names(before), &names(after), &mut lines);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Credit;

    #[test]
    fn the_fields_filled_are_named_with_what_fills_them() {
        let mut kept = Film::titled("Rear Window");
        kept.genres = vec!["Thriller".into()];
        kept.credits
            .push(Credit::new("Alfred Hitchcock", Role::Director));
        let mut other = Film::titled("Rear Window");
        other.year = Some(1954);
        other.runtime_min = Some(112);
        other.genres = vec!["thriller".into(), "Mystery".into()];
        other.credits.push(Credit::new("James Stewart", Role::Cast));
        let mut after = kept.clone();
        after.fill_blanks_from(&other);
        assert_eq!(
            filled_fields(&kept, &after),
            [
                "Year: 1954",
                "Runtime: 112 min",
                "Genres: + Mystery",
                "Cast: + James Stewart"
            ]
        );
        assert!(filled_fields(&after, &after).is_empty());
    }
}
