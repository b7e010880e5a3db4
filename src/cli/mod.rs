//! Command-line parsing and dispatch; one file per subcommand.

mod args;
mod error;
mod progress;
mod rules;
mod run;
mod sample;
mod schema;
mod selfcheck;
mod template;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::CliError;

/// Quarterly kinship care benchmarking for a regional network of English local authorities.
#[derive(Debug, Parser)]
#[command(name = "kinbench", version, about, max_term_width = 100)]
struct Cli {
    /// Folder with return.toml, metrics.toml, comparators.toml and la-lookup.csv
    /// [default: the schema built into kinbench]
    #[arg(long, global = true, value_name = "DIR")]
    schema: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate, aggregate and write the period's results: feedback, data, workbook, chart pack
    Run(run::Args),
    /// Validate a folder of returns and write per-LA feedback and findings.csv
    Validate(validate::Args),
    /// Write blank returns for LAs to fill in
    Template(template::Args),
    /// Write realistic filled returns, for demonstration and tests
    Sample(sample::Args),
    /// Write the offline page in which an LA checks its return before sending it
    Selfcheck(selfcheck::Args),
    /// Print the validation rule catalogue
    Rules(rules::Args),
    /// Load and check the schema, and print what it holds
    Schema,
}

/// Parses the command line, runs the subcommand and turns the outcome into an exit code:
/// 0 when the run completed (whatever it found), 2 for usage errors, 1 otherwise.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with code 0; usage errors to stderr with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let result = match cli.command {
        Command::Run(a) => run::run(cli.schema.as_deref(), a),
        Command::Validate(a) => validate::run(cli.schema.as_deref(), a),
        Command::Template(a) => template::run(cli.schema.as_deref(), a),
        Command::Sample(a) => sample::run(cli.schema.as_deref(), a),
        Command::Selfcheck(a) => selfcheck::run(cli.schema.as_deref(), a),
        Command::Rules(a) => rules::run(a),
        Command::Schema => schema::run(cli.schema.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "kinbench: {}",
                kinbench::text_safety::visible(&e.to_string())
            );
            ExitCode::from(e.exit_code())
        }
    }
}
