//! One frame of the window: the menu bar, the status bar, the editor and the current view, the
//! modal dialogs and the windows over them; then the commands they returned are run.

use eframe::egui;

use crate::ui::command::{shortcuts_window_ui, UiCommand};
use crate::ui::ctx::AppCtx;
use crate::ui::drop::drop_hint_ui;
use crate::ui::msg::Msg;
use crate::ui::persisted::{CatalogLayout, MainView, Theme};
use crate::ui::status_bar::status_bar_ui;

use super::App;

impl App {
    /// Draws the whole window and runs what the person asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.started {
            self.started = true;
            ctx.set_theme(self.persisted.theme.preference());
            self.chores
                .start(&ctx, self.catalog.path(), self.persisted.backups);
        }
        self.chores.poll(&mut self.notifications);
        self.poll_online();
        let mut commands = std::mem::take(&mut self.pending);
        commands.extend(self.input_commands(&ctx));
        for error in self.catalog_view.poll(&self.catalog) {
            self.notifications.error(error);
        }
        match self.external.poll(&self.catalog, &ctx) {
            Ok(true) => self.changed_elsewhere(),
            Ok(false) => {}
            Err(error) => self.notifications.error(error),
        }
        self.catalog_view.sync(self.generation, &ctx);
        for error in self.posters.begin_frame(&ctx, self.generation) {
            self.notifications.error(error);
        }

        egui::Panel::top("menu-bar").show(ui, |ui| {
            commands.extend(self.menu_bar_ui(ui));
        });
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            status_bar_ui(
                ui,
                self.catalog_view.counts(),
                self.catalog_view.match_count(),
                self.notifications.last(),
            );
        });
        let app_ctx = AppCtx {
            catalog: &self.catalog,
            selected: self.persisted.selected,
            date_format: self.persisted.date_format.resolved(),
            generation: self.generation,
            posters: &self.posters,
        };
        let view = self.persisted.view;
        if view == MainView::Catalog {
            let editor = &mut self.editor;
            egui::Panel::right("film-editor")
                .resizable(true)
                .default_size(440.0)
                .size_range(320.0..=900.0)
                .show(ui, |ui| {
                    commands.extend(editor.ui(ui, &app_ctx));
                });
        }
        let (catalog_view, diary_view, watchlist_view, stats_view, lists_view) = (
            &mut self.catalog_view,
            &mut self.diary_view,
            &mut self.watchlist_view,
            &mut self.stats_view,
            &mut self.lists_view,
        );
        egui::CentralPanel::default().show(ui, |ui| {
            commands.extend(view_tabs_ui(ui, view));
            commands.extend(match view {
                MainView::Catalog => catalog_view.ui(ui, &app_ctx),
                MainView::Diary => diary_view.ui(ui, &app_ctx),
                MainView::Watchlist => watchlist_view.ui(ui, &app_ctx),
                MainView::Stats => stats_view.ui(ui, &app_ctx),
                MainView::Lists => lists_view.ui(ui, &app_ctx),
            });
        });
        commands.extend(self.query_tools.ui(&ctx, &app_ctx));

        commands.extend(self.modal_ui(&ctx));
        commands.extend(self.online_ui(&ctx));
        if self.show_shortcuts {
            shortcuts_window_ui(&ctx, &mut self.show_shortcuts);
        }
        commands.extend(
            self.preferences
                .ui(&ctx, &self.persisted, self.catalog.path()),
        );
        commands.extend(self.notifications.toast_ui(&ctx));
        drop_hint_ui(&ctx, self.editor.film_id().is_some());
        self.posters.end_frame(&ctx, &self.catalog);

        for command in commands {
            self.run_command(&ctx, command);
        }
    }

    pub(super) fn menu_bar_ui(&mut self, ui: &mut egui::Ui) -> Vec<Msg> {
        let mut commands = Vec::new();
        let dirty = self.editor.is_dirty();
        let stored = self.editor.film_id().is_some();
        let item = |ui: &mut egui::Ui, commands: &mut Vec<Msg>, command: UiCommand, enabled| {
            if command.menu_item(ui, enabled) {
                commands.push(command.into());
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                item(ui, &mut commands, UiCommand::NewFilm, true);
                item(ui, &mut commands, UiCommand::ImportReview, true);
                item(ui, &mut commands, UiCommand::ImportFiles, true);
                item(ui, &mut commands, UiCommand::ExportWatchlist, true);
                item(ui, &mut commands, UiCommand::ExportDiary, true);
                ui.separator();
                let idle = !self.chores.backing_up();
                item(ui, &mut commands, UiCommand::BackUpNow, idle);
                ui.separator();
                item(ui, &mut commands, UiCommand::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                item(ui, &mut commands, UiCommand::Save, dirty);
                item(ui, &mut commands, UiCommand::Revert, dirty);
                item(ui, &mut commands, UiCommand::DeleteFilm, stored);
                item(ui, &mut commands, UiCommand::LookUp, stored && !dirty);
                item(ui, &mut commands, UiCommand::FillMissing, true);
                item(ui, &mut commands, UiCommand::FindDuplicates, true);
                ui.separator();
                for (command, next) in [
                    (UiCommand::Undo, self.history.next_undo()),
                    (UiCommand::Redo, self.history.next_redo()),
                ] {
                    let label = match next {
                        Some(change) => format!("{} {}", command.label(), change.description()),
                        None => command.label().to_owned(),
                    };
                    if command.menu_item_named(ui, next.is_some(), label) {
                        commands.push(command.into());
                    }
                }
                ui.separator();
                item(ui, &mut commands, UiCommand::ShowPreferences, true);
            });
            ui.menu_button("View", |ui| {
                for view in MainView::ALL {
                    item(ui, &mut commands, UiCommand::show(view), true);
                }
                ui.separator();
                item(ui, &mut commands, UiCommand::FocusSearch, true);
                item(ui, &mut commands, UiCommand::PickForMe, true);
                item(ui, &mut commands, UiCommand::SelectPrevious, true);
                item(ui, &mut commands, UiCommand::SelectNext, true);
                ui.separator();
                for layout in [CatalogLayout::Table, CatalogLayout::Grid] {
                    let current = self.catalog_view.layout() == layout;
                    let label = format!("Catalog as {}", layout.label().to_lowercase());
                    if ui
                        .radio(current, label)
                        .on_hover_text(layout.tooltip())
                        .clicked()
                    {
                        commands.push(Msg::SetCatalogLayout(layout));
                    }
                }
                ui.separator();
                for theme in [Theme::System, Theme::Light, Theme::Dark] {
                    let current = self.persisted.theme == theme;
                    if ui
                        .radio(current, theme.label())
                        .on_hover_text(Theme::TOOLTIP)
                        .clicked()
                    {
                        commands.push(Msg::SetTheme(theme));
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                item(ui, &mut commands, UiCommand::ShowShortcuts, true);
                item(ui, &mut commands, UiCommand::ShowAbout, true);
            });
        });
        commands
    }
}

/// The Catalog · Diary · Watchlist · Stats · Lists tabs above the main area.
fn view_tabs_ui(ui: &mut egui::Ui, current: MainView) -> Vec<Msg> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        for view in MainView::ALL {
            let command = UiCommand::show(view);
            if ui
                .selectable_label(current == view, view.label())
                .on_hover_text(command.hover_text(ui.ctx()))
                .clicked()
            {
                commands.push(command.into());
            }
        }
    });
    ui.separator();
    commands
}
