//! `kinbench man [COMMAND]`: a man page (roff) on stdout: kinbench(1), whose
//! SUBCOMMANDS section names every command, or one command's own page
//! (kinbench-run(1), ...), the pages that section refers to.

use std::io::Write;

use super::CliError;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A command whose page to print (run, validate, ...) [default: kinbench(1)]
    #[arg(value_name = "COMMAND")]
    command: Option<String>,
}

pub fn run(args: Args, mut command: clap::Command) -> Result<(), CliError> {
    // Built, so that each subcommand is named `kinbench-run` as the page title wants.
    command.build();
    let page_of = match &args.command {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = command
                    .get_subcommands()
                    .map(|s| s.get_name())
                    .filter(|n| *n != "help")
                    .collect();
                return Err(CliError::Usage(format!(
                    "no command '{name}'; the commands are: {}",
                    names.join(", ")
                )));
            }
        },
    };
    let mut page: Vec<u8> = Vec::new();
    clap_mangen::Man::new(page_of)
        .render(&mut page)
        .map_err(stdout_error)?;
    std::io::stdout().write_all(&page).map_err(stdout_error)
}

fn stdout_error(e: std::io::Error) -> CliError {
    CliError::Write {
        path: "stdout".to_string(),
        message: kinbench::report::io_message(&e),
    }
}
