//! The About window: what Cinedex is, its version and licence, and the credits TMDb's terms
//! ask for.

use eframe::egui;

/// The attribution TMDb's terms of use ask every product using its API to show.
pub const TMDB_ATTRIBUTION: &str =
    "This product uses the TMDB API but is not endorsed or certified by TMDB.";

/// Draws the About window while `open` holds.
pub fn about_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("About Cinedex")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 96.0))
        .show(ctx, |ui| {
            ui.heading(format!("Cinedex {}", env!("CARGO_PKG_VERSION")));
            ui.label(env!("CARGO_PKG_DESCRIPTION"));
            ui.weak(format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
            ui.separator();
            ui.strong("Online lookup");
            ui.label(
                "Look up… and Fill in missing data… ask The Movie Database (TMDb) for a film's \
                 facts and poster, only when you ask and only with your own API key.",
            );
            ui.label(TMDB_ATTRIBUTION);
            ui.hyperlink_to("themoviedb.org", "https://www.themoviedb.org/");
        });
}
