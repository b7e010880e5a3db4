//! `kinbench explain RULE`: everything about one rule of the catalogue, as
//! `rustc --explain` gives it: when it fires, its severity, an example message,
//! what the LA should do and which items it is about. An unknown code is a
//! usage error naming the nearest codes.

mod applies;
mod example;
mod near;

use std::fmt::Write;
use std::path::Path;

use kinbench::schema::Schema;
use kinbench::validate::rules::{fill, rule, Rule};
use kinbench::validate::Severity;

use super::args::load_schema;
use super::CliError;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A rule code, e.g. VAL004 (any case), as a finding names it
    #[arg(value_name = "RULE")]
    code: String,
}

/// Width the paragraphs are wrapped to, as the rest of the help is.
const WIDTH: usize = 78;

pub fn run(schema_dir: Option<&Path>, args: Args) -> Result<(), CliError> {
    let code = args.code.trim().to_ascii_uppercase();
    let Some(rule) = rule(&code) else {
        return Err(CliError::Usage(near::unknown(&args.code)));
    };
    let schema = load_schema(schema_dir)?;
    print!("{}", explain(&schema, rule));
    Ok(())
}

/// The whole explanation of `rule`, with its example filled from `schema`.
pub fn explain(schema: &Schema, rule: &Rule) -> String {
    let applies = applies::applies(schema, rule);
    let fills = example::fills(schema, rule, &applies);
    let pairs: Vec<(&str, &str)> = fills.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut t = String::new();
    let _ = writeln!(t, "{} {}", rule.code, rule.name);
    paragraph(
        &mut t,
        "",
        &format!(
            "A {} rule, severity {}: {}",
            rule.family.as_str(),
            rule.severity,
            meaning(rule.severity)
        ),
    );
    section(&mut t, "When it fires", rule.summary);
    section(&mut t, "Example message", &fill(rule.message, &pairs));
    section(&mut t, "What the LA should do", &fill(rule.action, &pairs));
    section(&mut t, "Items", &applies.text);
    section(
        &mut t,
        "Where it appears",
        where_it_appears(rule.code.as_str()),
    );
    kinbench::text_safety::visible(&t).into_owned()
}

/// Rules that need the whole run (every LA's returns, earlier quarters, the
/// outputs), which the self-check page cannot raise.
const RUN_ONLY: [&str; 5] = ["FILE018", "FILE020", "FILE023", "PLAUS003", "PLAUS004"];

fn where_it_appears(code: &str) -> &'static str {
    if RUN_ONLY.contains(&code) {
        "In the LA's feedback (the .xlsx and .txt) and in findings.csv (the rule column). \
         It needs the whole run, so the self-check page cannot raise it. `kinbench rules` \
         lists every rule, as docs/rules.md does."
    } else {
        "In the LA's feedback (the .xlsx and .txt), in findings.csv (the rule column), and on \
         the self-check page, where the LA can fix it before sending the return. \
         `kinbench rules` lists every rule, as docs/rules.md does."
    }
}

fn meaning(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "the value (or, for a file rule, the whole return) is not used.",
        Severity::Warning => "the value is used, but the LA should check it.",
        Severity::Info => "something was read in another form and normalised; nothing to do.",
    }
}

fn section(t: &mut String, title: &str, text: &str) {
    let _ = writeln!(t, "\n{title}:");
    paragraph(t, "  ", text);
}

/// `text` wrapped at [`WIDTH`], each line starting with `indent`.
fn paragraph(t: &mut String, indent: &str, text: &str) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > WIDTH {
            let _ = writeln!(t, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(t, "{indent}{line}");
    }
}
