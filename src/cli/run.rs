//! `kinbench run`: returns folder → the period's feedback, data, workbook, chart pack and manifest.

use std::path::{Path, PathBuf};

use kinbench::ingest::Limits;
use kinbench::period::Period;
use kinbench::pipeline::{self, RunError, RunOptions};
use kinbench::report::run::run_summary;
use kinbench::report::{io_message, output, summary_json};
use kinbench::text_safety::visible;
use kinbench::validate::Options;

use super::args::{load_schema, period_arg, print_warnings, region, MailArgs};
use super::progress::Terminal;
use super::scripted::ScriptArgs;
use super::validate::check_separate;
use super::CliError;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of returns (searched recursively); every period in it is read
    #[arg(value_name = "RETURNS_DIR")]
    returns: PathBuf,
    /// Folder for the results: the run writes DIR/<period>/ (e.g. reports/2025-26_Q2/), whole or not at all
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Reporting period, e.g. 2025-26 Q2 [default: the latest with a usable return]
    #[arg(long, value_name = "P", value_parser = period_arg)]
    period: Option<Period>,
    /// Region name or code, or `all` for every English LA
    #[arg(long, value_name = "NAME", default_value = "South East")]
    region: String,
    /// Replace the period's folder if it exists
    #[arg(long)]
    force: bool,
    /// Apply DfE disclosure control (c for counts 1 to 5, regional counts to the nearest 10)
    #[arg(long)]
    publish: bool,
    /// Show LAs by letter in everything but each LA's own feedback
    #[arg(long)]
    anonymise: bool,
    /// Key that orders the --anonymise letters (also KINBENCH_ANONYMISE_KEY); without one anyone can work them out
    #[arg(long, value_name = "TEXT")]
    anonymise_key: Option<String>,
    #[command(flatten)]
    script: ScriptArgs,
    #[command(flatten)]
    mail: MailArgs,
}

/// The environment variable that holds the anonymise key when `--anonymise-key` is not given.
const KEY_VAR: &str = "KINBENCH_ANONYMISE_KEY";

pub fn run(schema_dir: Option<&Path>, args: Args) -> Result<u8, CliError> {
    let schema = load_schema(schema_dir)?;
    let (region_name, las) = region(&schema, &args.region)?;
    let meta = std::fs::metadata(&args.returns).map_err(|e| CliError::ReturnsFolder {
        path: args.returns.display().to_string(),
        message: io_message(&e),
    })?;
    if !meta.is_dir() {
        return Err(CliError::ReturnsFolder {
            path: args.returns.display().to_string(),
            message: "not a folder".to_string(),
        });
    }
    check_separate(&args.returns, &args.out)?;
    let mail = args.mail.mail()?;
    warn_stale(&args.out);
    let options = Options {
        region: las,
        region_name,
        limits: Limits::default(),
    };
    let anonymise_key = args
        .anonymise_key
        .clone()
        .or_else(|| std::env::var(KEY_VAR).ok())
        .unwrap_or_default();
    if args.anonymise && anonymise_key.is_empty() {
        // Always said, not only on a terminal: it is about what the outputs reveal.
        eprintln!(
            "kinbench: note: no --anonymise-key (or {KEY_VAR}): anyone who has kinbench and \
             knows the region can work out which LA each letter is; a network sharing \
             anonymised outputs should keep a key of its own and use it every run"
        );
    }
    let run_options = RunOptions {
        period: args.period,
        force: args.force,
        publish: args.publish,
        anonymise: args.anonymise,
        anonymise_key,
        mail,
    };
    let watch = Terminal::stderr();
    let ran = pipeline::run(
        &schema,
        &args.returns,
        &args.out,
        &options,
        &run_options,
        &watch,
    );
    watch.finish();
    let ran = ran.map_err(usage)?;
    let ctx = ran.prepared.context(&schema);
    print_warnings(&ran.written.warnings, |w| ctx.presenter.scrub(w));
    let benchmark = &ran.prepared.benchmark;
    let human = run_summary(&ctx, benchmark, &ran.written);
    let code = args.script.exit_code(&ran.prepared.validation.findings);
    args.script.finish(&human, code, || {
        Ok(summary_json::run_summary(&ctx, benchmark, &ran.written)?)
    })
}

/// Says what a killed run left in the output folder: unfinished folders removed,
/// and held-back earlier results kept (they may be the only copy).
fn warn_stale(out: &Path) {
    let stale = output::tidy_stale(out);
    for path in &stale.removed {
        eprintln!(
            "kinbench: warning: removed '{}', an unfinished output folder left by a run that was stopped",
            visible(&path.display().to_string())
        );
    }
    for (path, why) in &stale.kept {
        eprintln!(
            "kinbench: warning: kept '{}': {}",
            visible(&path.display().to_string()),
            visible(why)
        );
    }
}

/// A period the returns do not have is the command line's fault (exit 2); the rest is not.
pub(super) fn usage(e: RunError) -> CliError {
    match e {
        e if e.is_usage() => CliError::Usage(e.to_string()),
        RunError::ReturnsFolder { path, message } => CliError::ReturnsFolder { path, message },
        RunError::Output(e) => CliError::Output(e),
        e => CliError::Run(e),
    }
}
