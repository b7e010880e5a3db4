//! Values → regional metrics: the computational core of `kinbench run`, as set out
//! in docs/methodology.md. Everything about the return (metrics, count items,
//! breakdowns, outlier settings, comparators) comes from the [`Schema`].
//!
//! The region's values are held in long format in a polars DataFrame ([`frame`]),
//! which gives the per-LA numerators and denominators and the pooled sums; the
//! outlier statistics run on the small per-metric vectors in plain Rust.

mod classify;
mod counts;
mod coverage;
mod findings;
mod frame;
mod funnel;
mod metric;
mod model;
mod robust;
mod trend;

use serde::Serialize;

pub use counts::{BreakdownPart, BreakdownPeriod, BreakdownResult, CountMeasure, CountPeriod};
pub use coverage::{Coverage, Covered, SectionCoverage};
pub use funnel::{coverage_label, wilson, winsorise, Funnel, LimitNames, Limits};
pub use model::{
    AgainstEngland, Change, Comparator, ExcludedLa, Exclusion, ExclusionReason, Interval, LaMetric,
    MetricPeriod, MetricResult, Narrative, OutlierAssessment, Position, RegionFigure, RollingYear,
};
pub use robust::{median, Robust};
pub use trend::fmt_value;

use crate::period::Period;
use crate::schema::Schema;
use crate::validate::{Finding, Validation};

#[derive(Debug, thiserror::Error)]
pub enum AggregateError {
    /// The reporting period has no usable return, so there is nothing to report on.
    #[error("no usable return for {period}; the returns cover {}", list(.periods))]
    NoReturns {
        period: Period,
        periods: Vec<Period>,
    },
    /// The data frame refused an operation (a bug rather than bad input).
    #[error("aggregating the values failed: {0}")]
    Frame(String),
}

fn list(periods: &[Period]) -> String {
    if periods.is_empty() {
        return "no period".to_string();
    }
    periods
        .iter()
        .map(Period::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Everything the workbook, chart pack and report show, for one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    pub region_name: String,
    /// The reporting period (the narrative's).
    pub period: Period,
    /// Every period of the run, ascending.
    pub periods: Vec<Period>,
    /// In schema order, each over every period.
    pub metrics: Vec<MetricResult>,
    /// In schema order.
    pub counts: Vec<CountMeasure>,
    pub breakdowns: Vec<BreakdownResult>,
    pub coverage: Coverage,
    /// PLAUS004: one warning per outlier, by LA code and period; add them to the LAs' feedback.
    pub findings: Vec<Finding>,
}

impl Benchmark {
    pub fn metric(&self, id: &str) -> Option<&MetricResult> {
        self.metrics.iter().find(|m| m.id == id)
    }

    pub fn count(&self, item: &str) -> Option<&CountMeasure> {
        self.counts.iter().find(|c| c.item == item)
    }
}

/// Aggregates every period of `validation` and writes the narrative for `period`.
pub fn benchmark(
    schema: &Schema,
    validation: &Validation,
    period: Period,
) -> Result<Benchmark, AggregateError> {
    if !validation.periods.contains(&period) {
        return Err(AggregateError::NoReturns {
            period,
            periods: validation.periods.clone(),
        });
    }
    let frame = frame::LongFrame::build(schema, validation)?;
    let mut metrics = Vec::new();
    for m in &schema.metrics {
        let mut result = metric::metric_result(schema, validation, &frame, m, period)?;
        result.rolling_year = trend::rolling_years(&result);
        result.narrative = trend::narrative(&result, period, validation.region.len());
        metrics.push(result);
    }
    let counts = counts::count_measures(schema, validation, &frame)?;
    let breakdowns = counts::breakdowns(schema, validation, &frame)?;
    let coverage = coverage::coverage(schema, validation, &frame, &metrics)?;
    let findings = findings::outlier_findings(schema, validation, &metrics);
    Ok(Benchmark {
        region_name: validation.region_name.clone(),
        period,
        periods: validation.periods.clone(),
        metrics,
        counts,
        breakdowns,
        coverage,
        findings,
    })
}
