//! `kinbench completions SHELL`: the shell's completion script on stdout.

use clap_complete::Shell;

use super::CliError;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: Shell,
}

/// Prints the script for `command`, the whole command line (subcommands, flags, values).
pub fn run(args: Args, command: &mut clap::Command) -> Result<(), CliError> {
    let name = command.get_name().to_string();
    clap_complete::generate(args.shell, command, name, &mut std::io::stdout());
    Ok(())
}
