//! `kinbench validate`: returns folder → feedback, findings.csv and a summary.

use std::path::{Path, PathBuf};

use kinbench::ingest::Limits;
use kinbench::pipeline;
use kinbench::report::summary_json::validate_summary;
use kinbench::report::{self, io_message};
use kinbench::validate::Options;

use super::args::{load_schema, print_warnings, region, MailArgs};
use super::progress::Terminal;
use super::scripted::ScriptArgs;
use super::CliError;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of returns (searched recursively)
    #[arg(value_name = "RETURNS_DIR")]
    returns: PathBuf,
    /// Output folder; written whole or not at all
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Region name or code, or `all` for every English LA
    #[arg(long, value_name = "NAME", default_value = "South East")]
    region: String,
    /// Replace the output folder if it exists
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    script: ScriptArgs,
    #[command(flatten)]
    mail: MailArgs,
}

pub fn run(schema_dir: Option<&Path>, args: Args) -> Result<u8, CliError> {
    let schema = load_schema(schema_dir)?;
    let (region_name, las) = region(&schema, &args.region)?;
    let returns_error = |message: String| CliError::ReturnsFolder {
        path: args.returns.display().to_string(),
        message,
    };
    let meta = std::fs::metadata(&args.returns).map_err(|e| returns_error(io_message(&e)))?;
    if !meta.is_dir() {
        return Err(returns_error("not a folder".to_string()));
    }
    check_separate(&args.returns, &args.out)?;
    let mail = args.mail.mail()?;
    let options = Options {
        region: las,
        region_name,
        limits: Limits::default(),
    };
    let watch = Terminal::stderr();
    let done = pipeline::validate(
        &schema,
        &args.returns,
        &args.out,
        &options,
        args.force,
        &mail,
        &watch,
    );
    watch.finish();
    let done = done.map_err(super::run::usage)?;
    print_warnings(&done.written.warnings, str::to_string);
    let human = report::summary(&done.validation, &done.written);
    let code = args.script.exit_code(&done.findings);
    args.script.finish(&human, code, || {
        Ok(validate_summary(
            &done.validation,
            &done.findings,
            &done.written,
        )?)
    })
}

/// The output folder must not be inside the returns folder (the next run would
/// read the feedback workbooks as returns) nor contain it (--force would delete the returns).
pub(super) fn check_separate(returns: &Path, out: &Path) -> Result<(), CliError> {
    let Ok(returns_abs) = returns.canonicalize() else {
        return Ok(());
    };
    let Some(out_abs) = absolute_existing_prefix(out) else {
        return Ok(());
    };
    if out_abs.starts_with(&returns_abs) {
        return Err(CliError::Usage(format!(
            "the output folder '{}' is inside the returns folder '{}'; choose another",
            out.display(),
            returns.display()
        )));
    }
    if returns_abs.starts_with(&out_abs) {
        return Err(CliError::Usage(format!(
            "the returns folder '{}' is inside the output folder '{}'; choose another",
            returns.display(),
            out.display()
        )));
    }
    Ok(())
}

/// `path` made absolute through its nearest existing ancestor, so a folder
/// not yet created can be compared with one that exists.
fn absolute_existing_prefix(path: &Path) -> Option<PathBuf> {
    let mut missing: Vec<&std::ffi::OsStr> = Vec::new();
    let mut cur = path;
    loop {
        let probe = if cur.as_os_str().is_empty() {
            Path::new(".")
        } else {
            cur
        };
        if let Ok(abs) = probe.canonicalize() {
            let mut full = abs;
            for part in missing.iter().rev() {
                full.push(part);
            }
            return Some(full);
        }
        missing.push(cur.file_name()?);
        cur = cur.parent()?;
    }
}
