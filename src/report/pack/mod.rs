//! The meeting's chart pack: every chart as PNG and SVG under `charts/`, and
//! `chart_pack.html`, one self-contained page (see docs/chart_pack.md).
//!
//! Each chart's title states its finding and is written from the same
//! figures the chart draws ([`titles`]), through the run's presenter.

mod html;
mod metric_charts;
mod other_charts;
pub mod titles;
pub mod words;

use std::path::Path;

use rayon::prelude::*;

use super::charts::{self, ChartError, DataTable, Frame, Rendered};
use super::{ReportError, RunContext};
use crate::aggregate::Benchmark;
use crate::schema::ChartKind;

/// The folder of chart files inside the pack's folder.
pub const CHARTS_DIR: &str = "charts";
/// The pack's page.
pub const PACK_HTML: &str = "chart_pack.html";

/// One chart of the pack and the words around it.
#[derive(Debug, Clone)]
pub struct PackChart {
    /// File stem under `charts/`: `m01_bars`, `approvals`, `coverage`.
    pub stem: String,
    /// The page's heading over the chart: `M01 SGO share of exits: LAs ranked`.
    pub heading: String,
    /// The finding, as drawn at the top of the chart.
    pub title: String,
    /// What is measured.
    pub subtitle: String,
    /// The sentence printed under the chart in the page.
    pub narrative: String,
    pub rendered: Rendered,
    /// The figures the chart draws, shown under it for a reader who cannot see it.
    pub table: DataTable,
}

impl PackChart {
    fn new(
        stem: String,
        frame: Frame,
        narrative: &str,
        rendered: Rendered,
        table: DataTable,
    ) -> PackChart {
        PackChart {
            stem,
            heading: frame.subtitle.clone(),
            title: frame.title,
            subtitle: frame.subtitle,
            narrative: narrative.to_string(),
            rendered,
            table,
        }
    }

    fn headed(self, heading: String) -> PackChart {
        PackChart { heading, ..self }
    }
}

/// One chart to draw: the charts are drawn on every core, each alone.
type Job<'a> = Box<dyn Fn() -> Result<PackChart, ChartError> + Send + Sync + 'a>;

/// Every chart of the pack, in page order: per metric (schema order) its
/// ranked bars, funnel plot (`%` metrics) and trend; then each `stacked`
/// metric's split, each breakdown, and the coverage grid.
pub fn build_charts(ctx: &RunContext<'_>, b: &Benchmark) -> Result<Vec<PackChart>, ChartError> {
    let p = ctx.presenter;
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for m in &b.metrics {
        let head = move |kind: &str| format!("{} {}: {kind}", m.id, m.short);
        jobs.push(Box::new(move || {
            Ok(metric_charts::bars(p, b, m)?.headed(head("LAs ranked")))
        }));
        if m.unit.is_proportion() {
            jobs.push(Box::new(move || {
                let funnel = metric_charts::funnel(ctx.schema, p, b, m)?;
                Ok(funnel.headed(head("funnel plot")))
            }));
        }
        jobs.push(Box::new(move || {
            Ok(metric_charts::trend(p, b, m)?.headed(head("over time")))
        }));
    }
    let stacked = ctx
        .schema
        .metrics
        .iter()
        .filter(|s| s.chart == ChartKind::Stacked);
    for (i, spec) in stacked.enumerate() {
        if let Some(m) = b.metric(&spec.id) {
            jobs.push(Box::new(move || {
                let stem = numbered("approvals", i, &spec.id);
                let chart = other_charts::stacked(p, b, spec, m, &stem)?;
                Ok(chart.headed(format!("{} {}: each LA's split", m.id, m.short)))
            }));
        }
    }
    for (i, br) in b.breakdowns.iter().enumerate() {
        jobs.push(Box::new(move || {
            let stem = numbered("reasons", i, &br.id);
            Ok(other_charts::breakdown(p, b, br, &stem)?.headed(br.title.clone()))
        }));
    }
    jobs.push(Box::new(move || {
        let coverage = other_charts::coverage(ctx.schema, p, b)?;
        Ok(coverage.headed("Coverage of the returns".to_string()))
    }));
    // In page order whatever the threads; the first failure in that order is the one told.
    let built: Vec<Result<PackChart, ChartError>> = jobs.par_iter().map(|job| job()).collect();
    built.into_iter().collect()
}

/// The first chart of a kind keeps the short stem; any further one adds its id.
fn numbered(kind: &str, i: usize, id: &str) -> String {
    if i == 0 {
        kind.to_string()
    } else {
        format!("{kind}_{}", id.to_lowercase())
    }
}

/// Writes `charts/` and `chart_pack.html` into `dir` and says what was written
/// (paths relative to `dir`, with a description), as `write_report` does.
pub fn write_pack(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    dir: &Path,
) -> Result<Vec<(String, String)>, ReportError> {
    let chart_dir = dir.join(CHARTS_DIR);
    let fail = |e: ChartError| ReportError::Write {
        path: chart_dir.display().to_string(),
        message: e.to_string(),
    };
    let built = build_charts(ctx, benchmark).map_err(fail)?;
    std::fs::create_dir_all(&chart_dir).map_err(|e| ReportError::write(&chart_dir, &e))?;
    let written: Vec<Result<(), ReportError>> = built
        .par_iter()
        .map(|c| {
            charts::write(&c.rendered, &chart_dir, &c.stem)
                .map_err(|e| ReportError::write(&chart_dir.join(&c.stem), &e))
        })
        .collect();
    written.into_iter().collect::<Result<(), ReportError>>()?;
    let html_path = dir.join(PACK_HTML);
    let page = html::render(ctx, benchmark, &built).map_err(|message| ReportError::Write {
        path: html_path.display().to_string(),
        message,
    })?;
    std::fs::write(&html_path, page).map_err(|e| ReportError::write(&html_path, &e))?;
    Ok(vec![
        (
            format!("{CHARTS_DIR}/"),
            format!("{} charts, each as PNG and SVG", built.len()),
        ),
        (
            PACK_HTML.to_string(),
            format!(
                "the chart pack for {}, one page to open or print",
                benchmark.period
            ),
        ),
    ])
}
