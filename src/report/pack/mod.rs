//! The meeting's chart pack: every chart as PNG and SVG under `charts/`, and
//! `chart_pack.html`, one self-contained page.

use std::path::Path;

use super::{ReportError, RunContext};
use crate::aggregate::Benchmark;

/// Writes `charts/` and `chart_pack.html` into `dir` and says what was written
/// (paths relative to `dir`, with a description), as `write_report` does.
pub fn write_pack(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    dir: &Path,
) -> Result<Vec<(String, String)>, ReportError> {
    let _ = (ctx, benchmark, dir);
    todo!("chart pack helper")
}
