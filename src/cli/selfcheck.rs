//! `kinbench selfcheck`: the offline page in which an LA checks its return.

use std::path::{Path, PathBuf};

use kinbench::period::Period;
use kinbench::report::io_message;
use kinbench::schema::{La, Schema};
use kinbench::selfcheck::{page, PageFor};

use super::args::{load_schema_with_texts, period_arg, region};
use super::CliError;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Region whose LAs the page accepts, by name or code, or `all`
    #[arg(long, value_name = "NAME", default_value = "South East")]
    region: String,
    /// The period the page is for, e.g. 2025-26 Q2
    #[arg(long, value_parser = period_arg)]
    period: Period,
    /// The page to write, e.g. selfcheck.html
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

pub fn run(schema_dir: Option<&Path>, args: Args) -> Result<(), CliError> {
    let (schema, texts) = load_schema_with_texts(schema_dir)?;
    let (region_name, las) = region(&schema, &args.region)?;
    write_page(&schema, texts, &region_name, &las, args.period, &args.out)?;
    println!(
        "Wrote the self-check page for {region_name}, {} to {}",
        args.period,
        args.out.display()
    );
    Ok(())
}

/// Writes the page whole or not at all (a temporary file beside it, renamed).
pub fn write_page(
    schema: &Schema,
    schema_texts: [String; 4],
    region_name: &str,
    las: &[La],
    period: Period,
    out: &Path,
) -> Result<(), CliError> {
    let html = page(&PageFor {
        schema,
        schema_texts,
        region_name,
        las,
        period,
    });
    let write_error = |e: std::io::Error| CliError::Write {
        path: out.display().to_string(),
        message: io_message(&e),
    };
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(write_error)?;
    std::io::Write::write_all(&mut tmp, html.as_bytes()).map_err(write_error)?;
    tmp.persist(out).map_err(|e| write_error(e.error))?;
    Ok(())
}
