//! `cinedex`: with no subcommand, the window; with one, the command line.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cinedex::cli::Cli::parse();
    let named = cli.db.is_some();
    let result = cinedex::cli::catalog_path(cli.db).and_then(|path| match cli.command {
        Some(command) => cinedex::cli::run(command, &path),
        None => cinedex::cli::review_file(cli.file)
            .and_then(|review| cinedex::ui::run_window(path, named, review)),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cinedex: {error:#}");
            ExitCode::FAILURE
        }
    }
}
