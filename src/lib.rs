//! Cinedex: a film catalog and diary kept in one SQLite file.
//!
//! Layers point one way: `model`, `dates` ← `parse`, `db`, `demo` ← `cli`, `ui`. Nothing outside `ui` knows egui.
pub mod cli;
pub mod dates;
pub mod db;
pub mod demo;
pub mod images;
pub mod import_job;
pub mod interop;
pub mod model;
pub mod online;
pub mod parse;
pub mod ui;
