//! Writes the committed `sample_returns/`: the South East's 19 LAs for four
//! quarters (2024-25 Q3 to 2025-26 Q2), seed 2026, faults planted.
//! A temporary driver until the CLI has a `sample` command.
//!
//!     cargo run --example make_samples -- [OUT_DIR]
//!
//! Then convert a few clean returns with LibreOffice (see sample_returns/README.md).

use std::path::PathBuf;
use std::process::ExitCode;

use kinbench::period::Period;
use kinbench::sample::{generate, SampleOptions};
use kinbench::schema::Schema;

fn main() -> ExitCode {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "sample_returns".into()),
    );
    match run(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("make_samples: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(out: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let schema = Schema::bundled()?;
    let region = schema
        .las
        .region("South East")
        .ok_or("no South East in the LA lookup")?;
    let first = Period::new(2024, 3).ok_or("bad period")?;
    let periods = vec![
        first,
        first.next(),
        first.next().next(),
        first.next().next().next(),
    ];
    let options = SampleOptions {
        region: region.into_iter().cloned().collect(),
        periods,
        seed: 2026,
        faults: true,
    };
    let report = generate(&schema, &options, out)?;
    println!(
        "{} files, {} faults planted, {} manifest rows",
        report.files.len(),
        report.faults_planted,
        report.manifest.len()
    );
    Ok(())
}
