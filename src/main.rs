//! The `baton` command: parses arguments, runs, and maps the outcome to an
//! exit code (0 clean, 1 error findings, 2 baton could not do its job).

use std::process::ExitCode;

fn main() -> ExitCode {
    baton::cli::main()
}
