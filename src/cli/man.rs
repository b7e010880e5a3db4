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
            // Versioned like kinbench(1): the page's footer and VERSION section show it.
            Some(sub) => sub.clone().version(env!("CARGO_PKG_VERSION")),
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
    let page = render(&page_of).map_err(stdout_error)?;
    std::io::stdout().write_all(&page).map_err(stdout_error)
}

/// clap_mangen's sections, but the examples and exit codes (the long help's
/// epilogue) as EXAMPLES and EXIT STATUS, unfilled, so man keeps their lines.
fn render(command: &clap::Command) -> std::io::Result<Vec<u8>> {
    let man = clap_mangen::Man::new(command.clone());
    let mut page: Vec<u8> = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    if command.has_subcommands() {
        man.render_subcommands_section(&mut page)?;
    }
    let epilogue = command
        .get_after_long_help()
        .map(|t| t.to_string())
        .unwrap_or_default();
    let (examples, exit) = match epilogue.find("Exit codes:") {
        Some(at) => (&epilogue[..at], &epilogue[at..]),
        None => (epilogue.as_str(), ""),
    };
    // The section title says it.
    let examples = examples.strip_prefix("Examples:").unwrap_or(examples);
    for (title, text) in [("EXAMPLES", examples), ("\"EXIT STATUS\"", exit)] {
        let text = text.trim_start_matches('\n').trim_end();
        if !text.is_empty() {
            writeln!(page, ".SH {title}\n.nf\n{}\n.fi", roff_lines(text))?;
        }
    }
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// Text as roff shows it literally: backslashes and hyphens escaped, and no
/// line taken for a request.
fn roff_lines(text: &str) -> String {
    text.lines()
        .map(|line| {
            let escaped = line.replace('\\', "\\e").replace('-', "\\-");
            if escaped.starts_with('.') || escaped.starts_with('\'') {
                format!("\\&{escaped}")
            } else {
                escaped
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn stdout_error(e: std::io::Error) -> CliError {
    CliError::Write {
        path: "stdout".to_string(),
        message: kinbench::report::io_message(&e),
    }
}
