//! The `kinbench` command: validate returns, write templates and sample returns,
//! print the rule catalogue, check a schema.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
