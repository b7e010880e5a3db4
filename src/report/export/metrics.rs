//! `metrics`: every metric in every period, one row for the region and one per region LA.

use super::la_cells;
use super::table::{Cell, Kind, Table};
use crate::aggregate::{Benchmark, LaMetric, MetricPeriod, MetricResult, RollingYear};
use crate::report::RunContext;

/// The columns, in order. LA rows leave the region columns empty and the region
/// row leaves the LA columns empty.
pub const COLUMNS: [(&str, Kind); 25] = [
    ("metric_id", Kind::Text),
    ("unit", Kind::Text),
    ("period", Kind::Text),
    ("level", Kind::Text),
    ("la_code", Kind::Text),
    ("la_name", Kind::Text),
    ("numerator", Kind::Shown),
    ("denominator", Kind::Shown),
    ("value", Kind::Shown),
    ("excluded_reason", Kind::Text),
    ("excluded_detail", Kind::Text),
    ("wilson_low", Kind::Shown),
    ("wilson_high", Kind::Shown),
    ("z", Kind::Shown),
    ("outlier", Kind::Flag),
    ("pooled", Kind::Shown),
    ("pooled_without_outliers", Kind::Shown),
    ("n_included", Kind::Number),
    ("n_excluded", Kind::Number),
    ("n_outliers", Kind::Number),
    ("median", Kind::Shown),
    ("min", Kind::Shown),
    ("max", Kind::Shown),
    ("england", Kind::Shown),
    ("england_year", Kind::Number),
];

/// `level` of the region's row.
pub const REGION: &str = "region";
/// `level` of an LA's row.
pub const LA: &str = "la";
/// `level` of a rolling-year row: `period` is the last of its four quarters.
pub const ROLLING_YEAR: &str = "rolling_year";

/// Metrics in schema order, periods ascending; in each, the region's row, then
/// the LAs by code; after a metric's periods, its rolling years.
pub(crate) fn metrics_table(ctx: &RunContext<'_>, benchmark: &Benchmark) -> Table {
    let mut table = Table::new(&COLUMNS, ctx.presenter.publish());
    for m in &benchmark.metrics {
        for mp in &m.periods {
            table.push(region_row(ctx, m, mp));
            let mut las: Vec<&LaMetric> = mp.las.iter().collect();
            las.sort_by(|a, b| a.la_code.cmp(&b.la_code));
            for la in las {
                table.push(la_row(ctx, m, mp, la));
            }
        }
        for y in &m.rolling_year {
            table.push(rolling_year_row(ctx, m, y));
        }
    }
    table
}

/// Four quarters pooled: the sums, the pooled value (also as `pooled`) and, in
/// `n_included`, the number of LA-quarters pooled. Other columns are empty.
fn rolling_year_row(ctx: &RunContext<'_>, m: &MetricResult, y: &RollingYear) -> Vec<Cell> {
    let p = ctx.presenter;
    let rate = Cell::Shown(p.region_rate(y.pooled));
    let mut row = vec![
        Cell::text(m.id.clone()),
        Cell::text(m.unit.key()),
        Cell::text(y.last.to_string()),
        Cell::text(ROLLING_YEAR),
        Cell::Null,
        Cell::Null,
        Cell::Shown(p.total_count(Some(y.numerator))),
        Cell::Shown(p.total_count(Some(y.denominator))),
        rate.clone(),
    ];
    // excluded_reason to outlier (columns 9–14) do not apply.
    row.resize(15, Cell::Null);
    row.extend([rate, Cell::Null, Cell::Number(y.la_quarters as f64)]);
    row
}

fn lead(m: &MetricResult, mp: &MetricPeriod, level: &str) -> Vec<Cell> {
    vec![
        Cell::text(m.id.clone()),
        Cell::text(m.unit.key()),
        Cell::text(mp.period.to_string()),
        Cell::text(level),
    ]
}

fn region_row(ctx: &RunContext<'_>, m: &MetricResult, mp: &MetricPeriod) -> Vec<Cell> {
    let p = ctx.presenter;
    let r = &mp.region;
    let rate = |v: Option<f64>| Cell::Shown(p.region_rate(v));
    let mut row = lead(m, mp, REGION);
    row.extend([
        Cell::Null,
        Cell::Null,
        Cell::Shown(p.total_count(Some(r.numerator))),
        Cell::Shown(p.total_count(Some(r.denominator))),
        rate(r.pooled),
        Cell::Null,
        Cell::Null,
        Cell::Null,
        Cell::Null,
        Cell::Null,
        Cell::Null,
        rate(r.pooled),
        Cell::Shown(p.region_without_outliers(m, mp)),
        Cell::Number(r.n_included as f64),
        Cell::Number(r.n_excluded as f64),
        Cell::Number(r.n_outliers as f64),
    ]);
    // Of the LAs' values, so written as LA values are.
    row.extend(p.region_spread(m, mp).map(Cell::Shown));
    match &mp.england {
        Some(e) => row.extend([rate(Some(e.value)), Cell::Number(f64::from(e.year_ending))]),
        None => {
            let absent = p.absent(m.comparator_series.is_some());
            row.extend([absent.map_or(Cell::Null, Cell::Shown), Cell::Null]);
        }
    }
    row
}

fn la_row(ctx: &RunContext<'_>, m: &MetricResult, mp: &MetricPeriod, la: &LaMetric) -> Vec<Cell> {
    let p = ctx.presenter;
    let f = p.la_figures(m, mp.period, la);
    // A Wilson interval applies to `%` metrics only.
    let wilson = |end: usize| match &f.wilson {
        Some((low, high)) => Cell::Shown([low, high][end].clone()),
        None => p
            .absent(m.unit.is_proportion())
            .map_or(Cell::Null, Cell::Shown),
    };
    let mut row = lead(m, mp, LA);
    row.extend(la_cells(p, &la.la_code, &la.la_name));
    row.extend([
        Cell::Shown(f.numerator.clone()),
        Cell::Shown(f.denominator.clone()),
        Cell::Shown(f.value.clone()),
        Cell::opt_text(la.excluded.as_ref().map(|e| e.reason.as_str())),
        Cell::opt_text(la.excluded.as_ref().and_then(|e| p.exclusion_detail(e))),
        wilson(0),
        wilson(1),
        p.la_z(&f, la, mp).map_or(Cell::Null, Cell::Shown),
        Cell::Flag(la.outlier),
    ]);
    row
}
