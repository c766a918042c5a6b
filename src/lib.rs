//! Cinedex: a film catalog and diary kept in one SQLite file.
//!
//! Layers point one way: `dates` ← `model` ← `parse`, `images` ← `db`, `interop`, `demo` ←
//! `online`, `import_job` ← `cli`, `ui`. Nothing outside `ui` knows egui; ARCHITECTURE.md has the
//! rules.
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
