//! `kinbench sample`: seeded, realistic filled returns for a region and run of periods.

use std::path::{Path, PathBuf};

use kinbench::period::Period;
use kinbench::sample::{generate, SampleOptions};

use super::args::{load_schema, period_arg, region};
use super::CliError;

/// More periods than this is almost certainly a typo in --from or --to.
const MAX_PERIODS: usize = 80;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write the returns into (created if missing)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Region name or code, or `all`
    #[arg(long, value_name = "NAME", default_value = "South East")]
    region: String,
    /// First period
    #[arg(long, value_name = "P", value_parser = period_arg, default_value = "2024-25 Q3")]
    from: Period,
    /// Last period
    #[arg(long, value_name = "P", value_parser = period_arg, default_value = "2025-26 Q2")]
    to: Period,
    /// Seed: the same seed writes the same returns
    #[arg(long, value_name = "N", default_value_t = 2026)]
    seed: u64,
    /// Plant realistic faults and write manifest.csv listing them
    #[arg(long)]
    faults: bool,
}

pub fn run(schema_dir: Option<&Path>, args: Args) -> Result<(), CliError> {
    let schema = load_schema(schema_dir)?;
    let (region_name, las) = region(&schema, &args.region)?;
    if args.from > args.to {
        return Err(CliError::Usage(format!(
            "--from {} is after --to {}",
            args.from, args.to
        )));
    }
    let mut periods = vec![args.from];
    while let Some(&last) = periods.last() {
        if last >= args.to || periods.len() > MAX_PERIODS {
            break;
        }
        periods.push(last.next());
    }
    if periods.len() > MAX_PERIODS {
        return Err(CliError::Usage(format!(
            "--from {} to --to {} is more than {MAX_PERIODS} quarters",
            args.from, args.to
        )));
    }
    let options = SampleOptions {
        region: las,
        periods,
        seed: args.seed,
        faults: args.faults,
    };
    let report = generate(&schema, &options, &args.out)?;
    println!(
        "Wrote {} sample returns for {region_name} ({} to {}) to {}",
        report.returns.len(),
        args.from,
        args.to,
        args.out.display()
    );
    if args.faults {
        println!(
            "Planted {} faults, listed in manifest.csv",
            report.faults_planted
        );
    }
    Ok(())
}
