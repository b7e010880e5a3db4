//! `kinbench rules [--markdown]`: the rule catalogue, as a table or as Markdown.

use kinbench::validate::rules::{markdown, table};

use super::CliError;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print Markdown (as in docs/rules.md) instead of a plain table
    #[arg(long)]
    markdown: bool,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let text = if args.markdown { markdown() } else { table() };
    print!("{text}");
    Ok(())
}
