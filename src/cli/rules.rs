//! `kinbench rules [--markdown]`: the rule catalogue, as a table or as Markdown.

use kinbench::validate::rules::RULES;

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

// Stand-ins for `validate::rules::{table, markdown}`, which arrive with the
// validation branch; delete these two and call those instead at the merge.
fn table() -> String {
    let mut t = String::new();
    for r in RULES {
        t.push_str(&format!(
            "{:<9} {:<8} {:<13} {:<36} {}\n",
            r.code,
            r.severity.as_str(),
            r.family.as_str(),
            r.name,
            r.summary
        ));
    }
    t
}

fn markdown() -> String {
    let mut t = String::from(
        "| Code | Severity | Family | Name | When it fires |\n|---|---|---|---|---|\n",
    );
    for r in RULES {
        t.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            r.code,
            r.severity.as_str(),
            r.family.as_str(),
            r.name,
            r.summary.replace('|', "\\|")
        ));
    }
    t
}
