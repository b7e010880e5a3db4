//! The benchmarking workbook (`kinship_benchmark_<period>.xlsx`) with native Excel charts.

use std::path::Path;

use super::{ReportError, RunContext};
use crate::aggregate::Benchmark;

/// Writes the workbook to `path`.
pub fn write_workbook(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    path: &Path,
) -> Result<(), ReportError> {
    let _ = (ctx, benchmark, path);
    todo!("workbook helper")
}
