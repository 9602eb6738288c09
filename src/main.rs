//! Starts the command line, or the desktop app when there are no arguments.

use std::process::ExitCode;

fn main() -> ExitCode {
    ptbuilder::cli::run(std::env::args_os())
}
