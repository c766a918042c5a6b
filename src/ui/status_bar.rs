//! The status bar: what the catalog holds, how many films match, and the last notification.

use eframe::egui;

use crate::db::CatalogCounts;

use super::catalog_view::MatchCount;
use super::notifications::Level;

/// Draws the status bar.
pub fn status_bar_ui(
    ui: &mut egui::Ui,
    counts: Option<CatalogCounts>,
    matches: Option<MatchCount>,
    last: Option<(&str, Level)>,
) {
    ui.horizontal(|ui| {
        match counts {
            Some(counts) => {
                ui.label(counts_line(counts));
            }
            None => {
                ui.spinner();
            }
        }
        if let Some(matches) = matches {
            ui.separator();
            let films = thousands(matches.films as u64);
            ui.label(if matches.complete {
                format!("{films} match")
            } else {
                format!("{films} or more match")
            });
        }
        if let Some((text, level)) = last {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let text = egui::RichText::new(text);
                let text = match level {
                    Level::Info => text.weak(),
                    Level::Error => text.color(ui.visuals().error_fg_color),
                };
                ui.add(egui::Label::new(text).truncate());
            });
        }
    });
}

/// `2000` → `2,000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `2,000 films · 1,103 people · 251 reviews`.
pub fn counts_line(counts: CatalogCounts) -> String {
    let plural = |n: u64, one: &str, many: &str| {
        format!("{} {}", thousands(n), if n == 1 { one } else { many })
    };
    format!(
        "{} · {} · {}",
        plural(counts.films, "film", "films"),
        plural(counts.people, "person", "people"),
        plural(counts.reviews, "review", "reviews"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_like_a_sentence() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1103), "1,103");
        assert_eq!(thousands(100_000), "100,000");
        let counts = CatalogCounts {
            films: 2000,
            people: 1,
            reviews: 251,
        };
        assert_eq!(counts_line(counts), "2,000 films · 1 person · 251 reviews");
    }
}
