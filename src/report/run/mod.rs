//! The outputs of `kinbench run`, written into `<out>/<period slug>/` whole or
//! not at all (docs/outputs.md). What to write is decided in
//! [`crate::pipeline`]; this module only writes.
//!
//! The outputs are a list of [`Writer`]s run in order into a staging folder,
//! then `manifest.json`, which hashes what they wrote.

mod console;

use std::path::{Path, PathBuf};

pub use console::{headline, run_summary};
// The sequencing moved to `crate::pipeline`; these names stay for callers of the old path.
pub use crate::pipeline::{prepare, reporting_period, run, Prepared, RunError, RunOptions};

use super::{
    export, pack, workbook, write_atomically, write_feedback, OutputsWritten, ReportError,
    RunContext,
};
use crate::aggregate::Benchmark;
use crate::period::Period;
use crate::validate::Validation;

/// One output of the run: writes into the staging folder and says what it wrote
/// (paths relative to the folder, with a description).
pub type FileWriter =
    fn(&RunContext<'_>, &Benchmark, &Path) -> Result<Vec<(String, String)>, ReportError>;

/// One step of the run's writing.
#[derive(Debug, Clone, Copy)]
pub enum Writer {
    /// The LAs' feedback. A file whose feedback cannot be written gets a
    /// finding (FILE023) instead, and the steps after this one are given the
    /// validation with those findings in, so `data/findings.csv` names them.
    Feedback,
    Files(FileWriter),
}

/// `kinship_benchmark_2025-26_Q2.xlsx`.
pub fn workbook_name(period: Period) -> String {
    format!("kinship_benchmark_{}.xlsx", period.slug())
}

/// The run's folder for a period: `<out>/2025-26_Q2`.
pub fn period_dir(out: &Path, period: Period) -> PathBuf {
    out.join(period.slug())
}

fn workbook_writer(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    dir: &Path,
) -> Result<Vec<(String, String)>, ReportError> {
    let name = workbook_name(benchmark.period);
    workbook::write_workbook(ctx, benchmark, &dir.join(&name))?;
    Ok(vec![(name, "benchmarking workbook".to_string())])
}

/// The writers of a run, in order: feedback, data exports, the workbook, the chart pack.
pub const WRITERS: [Writer; 4] = [
    Writer::Feedback,
    Writer::Files(export::write_data),
    Writer::Files(workbook_writer),
    Writer::Files(pack::write_pack),
];

/// Runs `writers` into a staging folder, adds `manifest.json`, and puts the
/// folder in place as `<out>/<period slug>`; on any failure nothing is left.
pub fn write_run(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    out: &Path,
    force: bool,
    writers: &[Writer],
) -> Result<OutputsWritten, ReportError> {
    let dest = period_dir(out, benchmark.period);
    let entries = write_atomically(&dest, force, |dir| {
        let mut entries = Vec::new();
        let mut with_failures = None;
        for w in writers {
            let ctx = with_validation(ctx, with_failures.as_ref());
            match w {
                Writer::Feedback => {
                    let (entry, failed) = write_feedback(&ctx, dir)?;
                    entries.push(entry);
                    if !failed.is_empty() {
                        let mut v = ctx.validation.clone();
                        v.merge_findings(&failed);
                        with_failures = Some(v);
                    }
                }
                Writer::Files(write) => entries.extend(write(&ctx, benchmark, dir)?),
            }
        }
        let ctx = with_validation(ctx, with_failures.as_ref());
        entries.push(super::manifest::write_manifest(&ctx, benchmark, dir)?);
        Ok::<_, ReportError>(entries)
    })?;
    Ok(OutputsWritten {
        folder: dest.display().to_string(),
        entries,
        warnings: Vec::new(),
    })
}

/// `ctx`, or `ctx` with `validation` in its place once the feedback's own
/// failures have been merged into a copy of it.
fn with_validation<'a>(ctx: &RunContext<'a>, validation: Option<&'a Validation>) -> RunContext<'a> {
    validation.map_or(*ctx, |validation| RunContext { validation, ..*ctx })
}
