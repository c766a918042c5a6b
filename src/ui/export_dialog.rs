//! The Export… dialog: the watchlist or the diary, in a chosen format, the ratings and reviews
//! of no viewing as Letterboxd CSV, or one list, to a file. A typed path
//! always works; Browse… offers the system's save dialog where the desktop has one.

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::db::{Catalog, DiaryFilter, WatchlistSort};
use crate::interop::{
    diary_html, export_diary_with_ids, export_list, export_ratings_letterboxd,
    export_watchlist_with_ids, watchlist_html, write_atomically, DiaryFormat, ListFormat,
    WatchlistFormat,
};
use crate::model::{FilmId, ListId, PosterSize};

use super::command::UiCommand;
use super::msg::Msg;
use super::widgets::ModalOut;

/// What an export writes, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// The watchlist in one of its formats.
    Watchlist(WatchlistFormat),
    /// The diary in one of its formats.
    Diary(DiaryFormat),
    /// The ratings and reviews of no viewing, as Letterboxd's importer reads them.
    LetterboxdRatings,
    /// One list in one of its formats.
    List(ListId, ListFormat),
}

impl ExportFormat {
    /// Every choice the dialog offers, watchlist first.
    fn all() -> impl Iterator<Item = ExportFormat> {
        WatchlistFormat::ALL
            .into_iter()
            .map(Self::Watchlist)
            .chain(DiaryFormat::ALL.into_iter().map(Self::Diary))
            .chain([Self::LetterboxdRatings])
    }

    /// The choices the dialog offers beside this one: a list's formats for a list, else
    /// [`Self::all`].
    fn choices(self) -> Vec<ExportFormat> {
        match self {
            Self::List(id, _) => ListFormat::ALL.map(|f| Self::List(id, f)).to_vec(),
            _ => Self::all().collect(),
        }
    }

    /// `watchlist` or `diary`.
    fn subject(self) -> &'static str {
        match self {
            Self::Watchlist(_) => "watchlist",
            Self::Diary(_) => "diary",
            Self::LetterboxdRatings => "ratings",
            Self::List(..) => "list",
        }
    }

    /// How the format is named in the dialog, e.g. "Diary — Letterboxd CSV".
    fn label(self) -> String {
        let format = match self {
            Self::Watchlist(WatchlistFormat::Letterboxd)
            | Self::Diary(DiaryFormat::Letterboxd)
            | Self::LetterboxdRatings => "Letterboxd CSV (to import there)",
            Self::Watchlist(WatchlistFormat::Csv) | Self::Diary(DiaryFormat::Csv) => {
                "CSV, every field (spreadsheets)"
            }
            Self::Watchlist(WatchlistFormat::Json) | Self::Diary(DiaryFormat::Json) => "JSON",
            Self::Watchlist(WatchlistFormat::Markdown) => "Markdown checklist",
            Self::Watchlist(WatchlistFormat::Html) | Self::Diary(DiaryFormat::Html) => {
                "Printable page (HTML)"
            }
            Self::Watchlist(WatchlistFormat::Ics) => "Calendar to-dos (iCalendar)",
            Self::List(_, ListFormat::Letterboxd) => "Letterboxd list CSV (to import there)",
            Self::List(_, ListFormat::Csv) => "CSV, every field (spreadsheets)",
            Self::List(_, ListFormat::Markdown) => "Markdown",
            Self::List(_, ListFormat::Html) => "Printable page (HTML)",
        };
        let subject = match self {
            Self::Watchlist(_) => "Watchlist",
            Self::Diary(_) => "Diary",
            Self::LetterboxdRatings => "Ratings and reviews of no viewing",
            Self::List(..) => "List",
        };
        format!("{subject} — {format}")
    }

    /// True for the printable pages (HTML), which can embed posters.
    fn is_page(self) -> bool {
        matches!(
            self,
            Self::Watchlist(WatchlistFormat::Html) | Self::Diary(DiaryFormat::Html)
        )
    }

    /// The file name extension, without the dot.
    fn extension(self) -> &'static str {
        match self {
            Self::Watchlist(format) => format.extension(),
            Self::Diary(format) => format.extension(),
            Self::LetterboxdRatings => "csv",
            Self::List(_, format) => format.extension(),
        }
    }
}

/// A request to write an export file.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    /// What to write.
    pub format: ExportFormat,
    /// Where.
    pub path: PathBuf,
    /// For a printable page: embed each film's poster thumbnail in it.
    pub posters: bool,
}

/// The open Export… dialog.
pub struct ExportDialog {
    format: ExportFormat,
    path: String,
    /// Embed the posters (offered for the printable pages).
    posters: bool,
    error: Option<String>,
}

impl ExportDialog {
    /// The dialog, set to `format`, proposing a file in the person's documents folder.
    pub fn new(format: ExportFormat) -> Self {
        let folder = directories::UserDirs::new()
            .map(|dirs| dirs.document_dir().unwrap_or(dirs.home_dir()).to_path_buf())
            .unwrap_or_default();
        let file = format!("cinedex-{}.{}", format.subject(), format.extension());
        Self {
            format,
            path: folder.join(file).display().to_string(),
            posters: false,
            error: None,
        }
    }

    /// The dialog set to list `id` (called `name`) as CSV, proposing a file named after it.
    pub fn for_list(id: ListId, name: &str) -> Self {
        let mut dialog = Self::new(ExportFormat::List(id, ListFormat::Csv));
        let stem: String = name
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let stem = stem
            .split('-')
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>();
        if !stem.is_empty() {
            let path = Path::new(&dialog.path).with_file_name(format!("{}.csv", stem.join("-")));
            dialog.path = path.display().to_string();
        }
        dialog
    }

    /// Shows why the last export failed; the dialog stays open.
    pub fn failed(&mut self, message: String) {
        self.error = Some(message);
    }

    /// Draws the dialog; returns [`Msg::RunExport`] or [`UiCommand::CloseDialog`].
    pub fn ui(&mut self, ctx: &egui::Context) -> ModalOut {
        let Self {
            format,
            path,
            posters,
            error,
        } = self;
        let mut commands = Vec::new();
        let response = egui::Modal::new(egui::Id::unique("export dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Export");
            ui.add_space(6.0);
            egui::Grid::new("export fields")
                .num_columns(2)
                .spacing([8.0, 8.0])
                .show(ui, |ui| {
                    let label = ui.label("Format");
                    let before = *format;
                    egui::ComboBox::from_id_salt("export format")
                        .width(360.0)
                        .selected_text(format.label())
                        .show_ui(ui, |ui| {
                            for choice in format.choices() {
                                ui.selectable_value(format, choice, choice.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if *format != before {
                        *path = renamed_for(path, before, *format);
                    }
                    ui.end_row();

                    let label = ui.label("File");
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(path).desired_width(280.0))
                            .labelled_by(label.id);
                        if ui
                            .button("Browse…")
                            .on_hover_text("Choose the file with the system's save dialog")
                            .clicked()
                        {
                            if let Some(chosen) = browse(path, *format) {
                                *path = chosen.display().to_string();
                            }
                        }
                    });
                    ui.end_row();
                    if format.is_page() {
                        ui.label("");
                        ui.checkbox(posters, "Embed the posters (one self-contained file)")
                            .on_hover_text(
                                "Each film's poster thumbnail goes into the page itself",
                            );
                        ui.end_row();
                    }
                });
            if let Some(error) = error {
                ui.add_space(4.0);
                ui.colored_label(ui.visuals().error_fg_color, error.as_str());
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = !path.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                    commands.push(Msg::RunExport(ExportRequest {
                        format: *format,
                        path: PathBuf::from(path.trim()),
                        posters: *posters && format.is_page(),
                    }));
                }
                if UiCommand::CloseDialog.button(ui, true).clicked() {
                    commands.push(UiCommand::CloseDialog.into());
                }
            });
        });
        ModalOut::new(&response, commands)
    }
}

/// The path with its file name following a change of format: the subject and extension change,
/// the folder stays.
fn renamed_for(path: &str, before: ExportFormat, after: ExportFormat) -> String {
    let path = Path::new(path.trim());
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem.replace(before.subject(), after.subject());
    path.with_file_name(format!("{stem}.{}", after.extension()))
        .display()
        .to_string()
}

/// The system's save dialog, starting at `path`; `None` when cancelled or when there is none.
fn browse(path: &str, format: ExportFormat) -> Option<PathBuf> {
    let path = Path::new(path.trim());
    let mut dialog = rfd::FileDialog::new()
        .set_title(format!("Export the {}", format.subject()))
        .add_filter(format.label(), &[format.extension()]);
    if let Some(name) = path.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    if let Some(folder) = path.parent().filter(|p| p.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    dialog.save_file()
}

/// The watchlist's or the diary's printable page with the posters embedded.
fn page_with_posters(catalog: &Catalog, format: ExportFormat) -> Result<Vec<u8>, String> {
    let failed = |e: crate::db::DbError| e.to_string();
    let thumbnails = |films: Vec<FilmId>| catalog.poster_images(films, PosterSize::Grid);
    match format {
        ExportFormat::Diary(_) => {
            let rows = catalog.diary(&DiaryFilter::default()).map_err(failed)?;
            let posters = thumbnails(rows.iter().map(|r| r.film.id).collect()).map_err(failed)?;
            Ok(diary_html(&rows, &posters))
        }
        _ => {
            let rows = catalog.watchlist(WatchlistSort::Position).map_err(failed)?;
            let posters = thumbnails(rows.iter().map(|r| r.film.id).collect()).map_err(failed)?;
            Ok(watchlist_html(&rows, &posters))
        }
    }
}

/// Writes the export `request` asks for, whole or not at all; returns the sentence to show.
pub fn write_export(catalog: &Catalog, request: &ExportRequest) -> Result<String, String> {
    let ids = catalog.service_ids().map_err(|e| e.to_string())?;
    let bytes = match request.format {
        _ if request.posters => page_with_posters(catalog, request.format),
        ExportFormat::Watchlist(format) => catalog
            .watchlist(WatchlistSort::Position)
            .map_err(|e| e.to_string())
            .and_then(|rows| {
                export_watchlist_with_ids(format, &rows, &ids, chrono::Utc::now())
                    .map_err(|e| e.to_string())
            }),
        ExportFormat::Diary(format) => catalog
            .diary(&DiaryFilter::default())
            .map_err(|e| e.to_string())
            .and_then(|rows| export_diary_with_ids(format, &rows, &ids).map_err(|e| e.to_string())),
        ExportFormat::LetterboxdRatings => catalog
            .own_reviews()
            .map_err(|e| e.to_string())
            .and_then(|rows| export_ratings_letterboxd(&rows, &ids).map_err(|e| e.to_string())),
        ExportFormat::List(id, format) => list_bytes(catalog, id, format),
    }?;
    write_atomically(&request.path, |out| out.write_all(&bytes)).map_err(|e| {
        format!(
            "Cannot write the file ({e}); choose another folder or name: {}",
            request.path.display()
        )
    })?;
    Ok(format!(
        "Exported the {} to {}.",
        request.format.subject(),
        request.path.display()
    ))
}

/// List `id` in `format`.
fn list_bytes(catalog: &Catalog, id: ListId, format: ListFormat) -> Result<Vec<u8>, String> {
    let list = catalog
        .list(id)
        .map_err(|e| e.to_string())?
        .ok_or("The list is gone; choose another one in Lists.")?;
    let rows = catalog.list_entries(id).map_err(|e| e.to_string())?;
    export_list(format, &list, &rows).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_format_renames_the_file_but_keeps_the_folder() {
        let path = renamed_for(
            "/home/mia/Documents/cinedex-watchlist.csv",
            ExportFormat::Watchlist(WatchlistFormat::Csv),
            ExportFormat::Diary(DiaryFormat::Json),
        );
        assert_eq!(path, "/home/mia/Documents/cinedex-diary.json");
        let path = renamed_for(
            "/tmp/to-see.csv",
            ExportFormat::Watchlist(WatchlistFormat::Csv),
            ExportFormat::Watchlist(WatchlistFormat::Ics),
        );
        assert_eq!(path, "/tmp/to-see.ics");
    }

    #[test]
    fn a_list_export_is_named_after_the_list_and_offers_only_list_formats() {
        let dialog = ExportDialog::for_list(ListId(4), "Top 100: Kurosawa & co.");
        assert!(
            dialog.path.ends_with("Top-100-Kurosawa-co.csv"),
            "{}",
            dialog.path
        );
        let choices = dialog.format.choices();
        assert_eq!(choices.len(), 4);
        assert!(choices
            .iter()
            .all(|c| matches!(c, ExportFormat::List(ListId(4), _))));
    }

    #[test]
    fn ratings_of_no_viewing_export_as_letterboxd_rows_without_a_date() {
        use crate::db::ImportMode;
        use crate::model::{rating_review, ExternalId, ImportBatch, IncomingFilm};
        use crate::model::{Film, Rating};
        use crate::model::{IncomingReview, IncomingWatch};
        let dir = tempfile::tempdir().unwrap();
        let mut catalog = Catalog::open(dir.path().join("c.sqlite3")).unwrap();
        let batch = ImportBatch {
            films: vec![IncomingFilm {
                film: Film {
                    title: "Rear Window".into(),
                    year: Some(1954),
                    ..Film::default()
                },
                external_ids: vec![ExternalId::new("imdb", "tt0047396")],
                marks: Vec::new(),
            }],
            reviews: vec![IncomingReview {
                film: 0,
                review: rating_review(
                    Rating::Points {
                        value: 7.0,
                        scale: 10,
                    },
                    None,
                    None,
                ),
            }],
            watchlist: Vec::<IncomingWatch>::new(),
            ..ImportBatch::default()
        };
        catalog
            .import_batch(&batch, ImportMode::Merge, |_| true)
            .unwrap();
        let request = ExportRequest {
            format: ExportFormat::LetterboxdRatings,
            path: dir.path().join("cinedex-ratings.csv"),
            posters: false,
        };
        let said = write_export(&catalog, &request).unwrap();
        assert!(said.starts_with("Exported the ratings"), "{said}");
        assert_eq!(
            std::fs::read_to_string(&request.path).unwrap(),
            "imdbID,Title,Year,Directors,WatchedDate,Rating,Rewatch,Tags,Review\r\n\
             tt0047396,Rear Window,1954,,,3.5,,,\r\n"
        );
    }
}
