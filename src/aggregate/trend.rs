//! Over time: the rolling year and the narrative for the reporting period.

use super::model::{ExclusionReason, LaMetric, MetricPeriod, MetricResult, RollingYear};
use crate::period::Period;
use crate::schema::MetricUnit;

/// Pooled figures over every run of four consecutive quarters, named by the last.
pub(crate) fn rolling_years(m: &MetricResult) -> Vec<RollingYear> {
    let scale = m.unit.scale();
    let mut out = Vec::new();
    for last in m.periods.iter().map(|p| p.period) {
        let quarters = [
            last.prev().prev().prev(),
            last.prev().prev(),
            last.prev(),
            last,
        ];
        let found: Vec<_> = quarters.iter().filter_map(|&q| m.at(q)).collect();
        // A year is pooled only over quarters whose template asked for the metric.
        if found.len() < 4 || found.iter().any(|p| not_asked(p)) {
            continue;
        }
        let numerator: f64 = found.iter().map(|p| p.region.numerator).sum();
        let denominator: f64 = found.iter().map(|p| p.region.denominator).sum();
        out.push(RollingYear {
            first: quarters[0],
            last,
            numerator,
            denominator,
            pooled: (denominator > 0.0).then(|| numerator / denominator * scale),
            la_quarters: found.iter().map(|p| p.region.n_included).sum(),
        });
    }
    out
}

/// True when no return of the quarter had the metric's items in its template
/// version: every LA is either not in version or sent nothing.
fn not_asked(p: &MetricPeriod) -> bool {
    let reason = |l: &LaMetric| l.excluded.as_ref().map(|e| e.reason);
    p.las
        .iter()
        .any(|l| reason(l) == Some(ExclusionReason::NotInVersion))
        && p.las.iter().all(|l| {
            matches!(
                reason(l),
                Some(ExclusionReason::NotInVersion | ExclusionReason::NotReceived)
            )
        })
}

/// `14.0%`, `8.5`, `12.3 per 100`.
pub fn fmt_value(unit: MetricUnit, v: f64) -> String {
    format!("{v:.1}{}", unit.suffix())
}

/// A difference in the metric's unit: percentage points for `%` metrics.
fn fmt_change(unit: MetricUnit, d: f64) -> String {
    match unit {
        MetricUnit::Percent => format!("{d:.1} percentage points"),
        _ => format!("{d:.1}{}", unit.suffix()),
    }
}

/// To one decimal, as shown: comparisons are made on what the reader sees.
fn shown(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn change_on(m: &MetricResult, value: f64, other: Period) -> String {
    let Some(then) = m.at(other).and_then(|p| p.region.pooled) else {
        return format!("No comparison with {other}: no regional figure for that quarter.");
    };
    let d = shown(shown(value) - shown(then));
    let then_text = fmt_value(m.unit, then);
    if d == 0.0 {
        format!("No change on {other} ({then_text}).")
    } else {
        let dir = if d > 0.0 { "Up" } else { "Down" };
        format!(
            "{dir} {} on {other} ({then_text}).",
            fmt_change(m.unit, d.abs())
        )
    }
}

fn england(m: &MetricResult, period: Period, value: Option<f64>) -> String {
    if m.comparator_series.is_none() {
        return "England has no comparable figure.".to_string();
    }
    let Some(e) = m.at(period).and_then(|p| p.england.as_ref()) else {
        return format!("No England figure is available for a year ending by {period}.");
    };
    let figure = if e.value.fract() == 0.0 {
        format!("{}{}", e.value, m.unit.suffix())
    } else {
        fmt_value(m.unit, e.value)
    };
    let Some(v) = value else {
        return format!("England's figure is {figure} ({}).", e.year_ending);
    };
    let position = match shown(v).partial_cmp(&shown(e.value)) {
        Some(std::cmp::Ordering::Greater) => "Above",
        Some(std::cmp::Ordering::Less) => "Below",
        _ => "Level with",
    };
    format!("{position} England's {figure} ({}).", e.year_ending)
}

/// The reporting period in words: the latest value, the change on the previous quarter
/// and on the same quarter a year before, and the position against England.
pub(crate) fn narrative(m: &MetricResult, period: Period, region_las: usize) -> String {
    let here = m.at(period);
    let value = here.and_then(|p| p.region.pooled);
    let england = england(m, period, value);
    let Some(v) = value else {
        return format!(
            "{}: no regional figure for {period}: no LA had a valid pair. {england}",
            m.title
        );
    };
    let n = here.map_or(0, |p| p.region.n_included);
    format!(
        "{}: {} in {period}, pooled over {n} of {region_las} LAs. {} {} {england}",
        m.title,
        fmt_value(m.unit, v),
        change_on(m, v, period.prev()),
        change_on(m, v, period.year_before()),
    )
}
