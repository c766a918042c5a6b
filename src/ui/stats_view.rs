//! The Stats view: what was watched, drawn with `egui_plot` from [`Catalog::stats`].
//!
//! The figures are computed on a [`Job`] with its own connection (an in-memory catalog, which no
//! other connection can see, is read in the frame), so no frame waits on the aggregates. The view
//! recomputes when the catalog's generation moved on since it asked, or the year selector moves;
//! a newer request replaces an older one, whose answer is dropped. Clicking a name in a top list
//! shows the catalog searched for that name; clicking a bar shows the diary filtered to the
//! viewings it counts (its month, rating or decade, within the chosen period).

use std::path::Path;

use eframe::egui;
use egui_plot::{AxisHints, Bar, BarChart, GridInput, GridMark, Plot};

use super::ctx::AppCtx;
use super::jobs::Job;
use super::msg::Msg;
use super::widgets::stars;
use crate::db::{Catalog, DbError, DiaryFilter, Stats, TopEntry};
use crate::ui::widgets::Generation;

/// Month names for the bars of one year.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The height of each chart, in points.
const CHART_HEIGHT: f32 = 150.0;

/// The Stats view's state: the chosen year, the last figures and the computation under way.
#[derive(Default)]
pub struct StatsView {
    /// The year the figures cover; `None` for all time.
    year: Option<i32>,
    /// The years present in the diary, for the selector.
    years: Vec<i32>,
    /// The last figures computed.
    stats: Option<Stats>,
    /// Why the last computation failed.
    error: Option<String>,
    /// The answer of the computation under way.
    pending: Option<Job<Result<Stats, DbError>>>,
    /// The catalog generation the figures were asked for at; forgotten to compute them again.
    asked_at: Generation,
}

impl StatsView {
    /// Draws the view; returns the commands of the names clicked.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &AppCtx<'_>) -> Vec<Msg> {
        self.poll();
        if self.asked_at.moved(ctx.generation) {
            self.start(ctx.catalog, ui.ctx());
        }
        let mut commands = Vec::new();
        let Self {
            year,
            years,
            stats,
            error,
            pending,
            asked_at,
        } = self;
        let mut chosen = *year;
        ui.horizontal(|ui| {
            egui::ComboBox::from_label("Year")
                .selected_text(year_label(*year))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, year_label(None));
                    for y in years.iter().rev() {
                        ui.selectable_value(&mut chosen, Some(*y), year_label(Some(*y)));
                    }
                });
            if pending.is_some() {
                ui.spinner();
            }
        });
        if chosen != *year {
            *year = chosen;
            asked_at.forget();
            ui.ctx().request_repaint();
        }
        if let Some(error) = error {
            ui.colored_label(ui.visuals().error_fg_color, error.as_str());
        }
        let Some(stats) = stats else {
            if pending.is_none() {
                return commands;
            }
            ui.vertical_centered(|ui| {
                ui.add_space(40.0);
                ui.spinner();
                ui.label("Counting what you watched…");
            });
            return commands;
        };
        if stats.years.is_empty() {
            empty_state_ui(ui, stats.catalog_films);
            return commands;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                figures_ui(ui, stats, &mut commands);
            });
        commands
    }

    /// Takes the answer of the computation under way, if it has arrived.
    fn poll(&mut self) {
        let Some(pending) = &self.pending else {
            return;
        };
        match pending.poll() {
            Some(Ok(result)) => {
                self.pending = None;
                self.accept(result);
            }
            None => {}
            Some(Err(message)) => {
                self.pending = None;
                self.error = Some(message);
            }
        }
    }

    /// Keeps new figures, or the reason there are none.
    fn accept(&mut self, result: Result<Stats, DbError>) {
        match result {
            Ok(stats) => {
                // Every year of the diary, whatever the period: the selector offers them all.
                self.years = stats.years.iter().map(|y| y.year).collect();
                self.error = None;
                self.stats = Some(stats);
            }
            Err(error) => self.error = Some(format!("The stats could not be read: {error}")),
        }
    }

    /// Starts computing the figures for the chosen year; an older computation's answer is dropped.
    fn start(&mut self, catalog: &Catalog, repaint: &egui::Context) {
        let Some(path) = catalog.file() else {
            self.pending = None;
            self.accept(catalog.stats(self.year));
            return;
        };
        let path = path.to_path_buf();
        let year = self.year;
        // A newer request replaces this job; its answer is then dropped with it.
        self.pending = Some(Job::spawn(repaint, "cinedex-stats", move || {
            compute(&path, year)
        }));
    }
}

/// Opens the catalog at `path` on this thread and computes the figures for `year`.
fn compute(path: &Path, year: Option<i32>) -> Result<Stats, DbError> {
    Catalog::open(path)?.stats(year)
}

/// `2024`, or `All time`.
fn year_label(year: Option<i32>) -> String {
    year.map_or_else(|| "All time".to_owned(), |y| y.to_string())
}

/// What an empty diary shows instead of charts.
fn empty_state_ui(ui: &mut egui::Ui, catalog_films: u32) {
    ui.vertical_centered(|ui| {
        ui.add_space(48.0);
        ui.heading("No films watched yet");
        ui.add_space(8.0);
        ui.label(format!(
            "The catalog holds {catalog_films} film{}, but the diary is empty.",
            if catalog_films == 1 { "" } else { "s" }
        ));
        ui.label(
            "Log a viewing in the Diary view, or with `cinedex log` on the command line, \
             and your charts appear here.",
        );
    });
}

/// The summary card, the charts and the top lists.
fn figures_ui(ui: &mut egui::Ui, stats: &Stats, commands: &mut Vec<Msg>) {
    year_in_review_ui(ui, stats);
    ui.add_space(8.0);
    let width = ((ui.available_width() - 24.0) / 2.0).max(200.0);
    // A click on a bar shows the diary filtered to the viewings it counts.
    let in_period = DiaryFilter {
        year: stats.year,
        ..DiaryFilter::default()
    };
    let months_year = stats.months.as_ref().map(|m| m.year);
    let charts: [Chart<'_>; 4] = [
        Chart {
            title: months_title(stats),
            id: "months",
            bars: month_bars(stats),
            step: 1.0,
            filter: Box::new(|i| DiaryFilter {
                year: months_year,
                month: u32::try_from(i + 1).ok(),
                ..DiaryFilter::default()
            }),
        },
        Chart {
            title: "Ratings".to_owned(),
            id: "ratings",
            bars: rating_bars(stats),
            step: 0.5,
            filter: Box::new(|i| DiaryFilter {
                rating_half_stars: stats.ratings.get(i).map(|r| r.half_stars),
                ..in_period.clone()
            }),
        },
        Chart {
            title: "Hours watched per year".to_owned(),
            id: "hours",
            bars: hour_bars(stats),
            step: 1.0,
            filter: Box::new(|i| DiaryFilter {
                year: stats.years.get(i).map(|y| y.year),
                ..DiaryFilter::default()
            }),
        },
        Chart {
            title: "Films by decade".to_owned(),
            id: "decades",
            bars: decade_bars(stats),
            step: 10.0,
            filter: Box::new(|i| DiaryFilter {
                decade: stats.decades.get(i).map(|d| d.decade),
                ..in_period.clone()
            }),
        },
    ];
    egui::Grid::new("stats-charts")
        .num_columns(2)
        .spacing([16.0, 12.0])
        .show(ui, |ui| {
            for (n, chart) in charts.into_iter().enumerate() {
                if let Some(i) = chart_ui(ui, width, &chart.title, chart.id, chart.bars, chart.step)
                {
                    commands.push(Msg::FilterDiary((chart.filter)(i)));
                }
                if n % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    ui.add_space(12.0);
    egui::Grid::new("stats-tops")
        .num_columns(4)
        .spacing([24.0, 12.0])
        .show(ui, |ui| {
            top_ui(ui, "Top directors", &stats.top_directors, commands);
            top_ui(ui, "Top actors", &stats.top_actors, commands);
            top_ui(ui, "Top languages", &stats.top_languages, commands);
            top_ui(ui, "Top countries", &stats.top_countries, commands);
            ui.end_row();
        });
}

/// The "year in review" card: films, hours, rewatches, most-watched director, highest rated.
fn year_in_review_ui(ui: &mut egui::Ui, stats: &Stats) {
    let Some(review) = &stats.year_in_review else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(format!("{} in review", review.year));
        ui.horizontal_wrapped(|ui| {
            let totals = &review.totals;
            ui.label(format!(
                "{} film{} watched",
                totals.films,
                if totals.films == 1 { "" } else { "s" }
            ));
            ui.separator();
            ui.label(format!("{} viewings", totals.viewings));
            ui.separator();
            ui.label(format!("{:.1} hours", totals.hours_watched));
            ui.separator();
            ui.label(format!("{} rewatches", totals.rewatches));
            if let Some(director) = &review.most_watched_director {
                ui.separator();
                ui.label(format!(
                    "Most-watched director: {} ({})",
                    director.name, director.films
                ));
            }
            if let Some(film) = &review.highest_rated {
                ui.separator();
                let year = film.year.map(|y| format!(" ({y})")).unwrap_or_default();
                ui.label(format!(
                    "Highest rated: {}{year} {}",
                    film.title,
                    stars(Some(film.rating_stars * 20.0))
                ));
            }
        });
    });
    if stats.year.is_none() {
        let totals = &stats.totals;
        ui.label(format!(
            "All time: {} films, {} viewings, {:.1} hours, {} rewatches.",
            totals.films, totals.viewings, totals.hours_watched, totals.rewatches
        ));
    }
}

/// A chart of the Stats view, and the diary filter that shows what its `i`th bar counts.
struct Chart<'a> {
    title: String,
    id: &'static str,
    bars: Vec<Bar>,
    /// The distance between bars along x.
    step: f64,
    filter: Box<dyn Fn(usize) -> DiaryFilter + 'a>,
}

/// One bar chart under its title, a bar every `step` along x, each labelled on the axis; returns
/// the index of the bar clicked, if one was.
fn chart_ui(
    ui: &mut egui::Ui,
    width: f32,
    title: &str,
    id: &str,
    bars: Vec<Bar>,
    step: f64,
) -> Option<usize> {
    ui.vertical(|ui| {
        ui.strong(title);
        let labels: Vec<(f64, String)> =
            bars.iter().map(|b| (b.argument, b.name.clone())).collect();
        let marks: Vec<GridMark> = labels
            .iter()
            .map(|(value, _)| GridMark {
                value: *value,
                step_size: step,
            })
            .collect();
        let fill = ui.visuals().selection.bg_fill;
        Plot::new(("stats-plot", id))
            .width(width)
            .height(CHART_HEIGHT)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_grid([false, true])
            .include_y(0.0)
            .x_grid_spacer(move |_| marks.clone())
            .y_grid_spacer(round_y_marks)
            .custom_x_axes(vec![AxisHints::new_x()
                .label_spacing(24.0..=32.0)
                .formatter(move |mark, _range| {
                    labels
                        .iter()
                        .find(|(x, _)| (x - mark.value).abs() < 1e-6)
                        .map(|(_, name)| name.clone())
                        .unwrap_or_default()
                })])
            .show(ui, |plot| {
                let under_pointer = plot.pointer_coordinate().and_then(|at| {
                    bars.iter().position(|bar| {
                        (bar.argument - at.x).abs() <= step * 0.4 && bar.value > 0.0
                    })
                });
                let clicked = plot.response().clicked();
                let bars = bars
                    .into_iter()
                    .map(|bar| bar.fill(fill.gamma_multiply(0.8)).stroke((1.0, fill)))
                    .collect();
                plot.bar_chart(BarChart::new(title, bars).width(step * 0.7).color(fill));
                if under_pointer.is_some() {
                    plot.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                }
                under_pointer.filter(|_| clicked)
            })
            .inner
    })
    .inner
}

/// Horizontal grid lines at round counts (1, 2 or 5 times a power of ten, at least 1) about a
/// fifth of the chart's height apart, so every chart labels its scale: egui_plot's default
/// steps by powers of ten, which left a chart reaching 8,000 with one line, at 0.
fn round_y_marks(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let rough = (max - min) / 5.0;
    if !rough.is_finite() || rough <= 0.0 {
        return Vec::new();
    }
    let power = 10_f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * power)
        .max(1.0);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// The title of the monthly chart, naming its year.
fn months_title(stats: &Stats) -> String {
    stats.months.as_ref().map_or_else(
        || "Films watched per month".to_owned(),
        |m| format!("Films watched per month, {}", m.year),
    )
}

/// Twelve bars of viewings, January first.
fn month_bars(stats: &Stats) -> Vec<Bar> {
    let Some(months) = &stats.months else {
        return Vec::new();
    };
    MONTHS
        .iter()
        .zip(months.viewings)
        .enumerate()
        .map(|(i, (name, count))| Bar::new(i as f64, f64::from(count)).name(*name))
        .collect()
}

/// Ten bars, ½★ to ★★★★★.
fn rating_bars(stats: &Stats) -> Vec<Bar> {
    stats
        .ratings
        .iter()
        .map(|r| {
            let rating = f64::from(r.half_stars) / 2.0;
            Bar::new(rating, f64::from(r.viewings)).name(format!("{rating}★"))
        })
        .collect()
}

/// One bar of hours per year in the diary.
fn hour_bars(stats: &Stats) -> Vec<Bar> {
    stats
        .years
        .iter()
        .map(|y| Bar::new(f64::from(y.year), y.hours_watched).name(y.year.to_string()))
        .collect()
}

/// One bar of films per decade of release.
fn decade_bars(stats: &Stats) -> Vec<Bar> {
    stats
        .decades
        .iter()
        .map(|d| Bar::new(f64::from(d.decade), f64::from(d.films)).name(format!("{}s", d.decade)))
        .collect()
}

/// A top list: each name is a link that shows the catalog searched for it.
fn top_ui(ui: &mut egui::Ui, title: &str, entries: &[TopEntry], commands: &mut Vec<Msg>) {
    ui.vertical(|ui| {
        ui.strong(title);
        if entries.is_empty() {
            ui.weak("Nothing yet");
            return;
        }
        egui::Grid::new(("stats-top", title))
            .num_columns(3)
            .striped(true)
            .show(ui, |ui| {
                ui.weak("Name");
                ui.weak("Films");
                ui.weak("Average");
                ui.end_row();
                for entry in entries {
                    if ui
                        .link(&entry.name)
                        .on_hover_text("Show the catalog's films that mention this name")
                        .clicked()
                    {
                        commands.push(Msg::SearchCatalog(entry.name.clone()));
                    }
                    ui.label(entry.films.to_string());
                    ui.label(stars(entry.average_rating_stars.map(|s| s * 20.0)));
                    ui.end_row();
                }
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(min: f64, max: f64) -> Vec<f64> {
        round_y_marks(GridInput {
            bounds: (min, max),
            base_step_size: 1.0,
        })
        .into_iter()
        .map(|m| m.value)
        .collect()
    }

    #[test]
    fn the_y_scale_has_a_few_round_lines_whatever_the_counts() {
        assert_eq!(marks(-100.0, 8100.0), [0.0, 2000.0, 4000.0, 6000.0, 8000.0]);
        assert_eq!(marks(0.0, 450.0), [0.0, 100.0, 200.0, 300.0, 400.0]);
        assert_eq!(
            marks(-0.1, 2.2),
            [0.0, 1.0, 2.0],
            "counts step by whole numbers"
        );
        assert!(marks(0.0, 0.0).is_empty());
    }
}
