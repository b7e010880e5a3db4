//! Command-line parsing and dispatch; one file per subcommand.

mod args;
mod completions;
mod error;
mod explain;
mod help;
mod man;
mod progress;
mod rules;
mod run;
mod sample;
mod schema;
mod scripted;
mod selfcheck;
mod template;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

pub use error::CliError;

/// Quarterly kinship care benchmarking for a regional network of English local authorities.
#[derive(Debug, Parser)]
#[command(
    name = "kinbench",
    version,
    about,
    max_term_width = 100,
    after_long_help = help::TOP
)]
struct Cli {
    /// Folder with return.toml, metrics.toml, comparators.toml and la-lookup.csv
    /// [default: the schema built into kinbench]
    #[arg(long, global = true, value_name = "DIR")]
    schema: Option<PathBuf>,
    /// None: print the quarter step by step.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate, aggregate and write the period's results: feedback, data, workbook, chart pack
    #[command(after_long_help = help::RUN)]
    Run(run::Args),
    /// Validate a folder of returns and write per-LA feedback and findings.csv
    #[command(after_long_help = help::VALIDATE)]
    Validate(validate::Args),
    /// Write blank returns for LAs to fill in
    #[command(after_long_help = help::TEMPLATE)]
    Template(template::Args),
    /// Write realistic filled returns, for demonstration and tests
    #[command(after_long_help = help::SAMPLE)]
    Sample(sample::Args),
    /// Write the offline page in which an LA checks its return before sending it
    #[command(after_long_help = help::SELFCHECK)]
    Selfcheck(selfcheck::Args),
    /// Print the validation rule catalogue
    #[command(after_long_help = help::RULES)]
    Rules(rules::Args),
    /// Everything about one rule: when it fires, severity, an example, what to do, which items
    #[command(after_long_help = help::EXPLAIN)]
    Explain(explain::Args),
    /// Load and check the schema, and print what it holds
    #[command(after_long_help = help::SCHEMA)]
    Schema,
    /// Print a shell completion script (bash, zsh, fish, powershell) on stdout
    #[command(after_long_help = help::COMPLETIONS)]
    Completions(completions::Args),
    /// Print the man page (roff) on stdout: kinbench(1), or one command's page
    #[command(after_long_help = help::MAN)]
    Man(man::Args),
}

/// Parses the command line, runs the subcommand and turns the outcome into an
/// exit code (help::TOP lists them). With no command, the guide: asking what to
/// do is not a usage error, so it exits 0.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with code 0; usage errors to stderr with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let dir = cli.schema.as_deref();
    let Some(command) = cli.command else {
        print!("{}", help::GUIDE);
        return ExitCode::SUCCESS;
    };
    let done = |r: Result<(), CliError>| r.map(|()| 0);
    let result = match command {
        Command::Run(a) => run::run(dir, a),
        Command::Validate(a) => validate::run(dir, a),
        Command::Template(a) => done(template::run(dir, a)),
        Command::Sample(a) => done(sample::run(dir, a)),
        Command::Selfcheck(a) => done(selfcheck::run(dir, a)),
        Command::Rules(a) => done(rules::run(a)),
        Command::Explain(a) => done(explain::run(dir, a)),
        Command::Schema => done(schema::run(dir)),
        Command::Completions(a) => done(completions::run(a, &mut Cli::command())),
        Command::Man(a) => done(man::run(a, Cli::command())),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!(
                "kinbench: {}",
                kinbench::text_safety::visible(&e.to_string())
            );
            ExitCode::from(e.exit_code())
        }
    }
}
