//! Over time: the rolling year, and the figures the narrative of the
//! reporting period states (report writes the sentence).

use super::model::{
    AgainstEngland, Change, ExclusionReason, LaMetric, MetricPeriod, MetricResult, Narrative,
    Position, RollingYear,
};
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

/// To one decimal, as shown: comparisons are made on what the reader sees.
fn shown(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn change_on(m: &MetricResult, value: f64, other: Period) -> Change {
    let then = m.at(other).and_then(|p| p.region.pooled);
    Change {
        other,
        then,
        difference: then.map(|t| shown(shown(value) - shown(t))),
    }
}

fn england(m: &MetricResult, period: Period, value: Option<f64>) -> AgainstEngland {
    if m.comparator_series.is_none() {
        return AgainstEngland::NoSeries;
    }
    let Some(e) = m.at(period).and_then(|p| p.england.as_ref()) else {
        return AgainstEngland::Missing;
    };
    let position = value.map(|v| match shown(v).partial_cmp(&shown(e.value)) {
        Some(std::cmp::Ordering::Greater) => Position::Above,
        Some(std::cmp::Ordering::Less) => Position::Below,
        _ => Position::Level,
    });
    AgainstEngland::Figure {
        value: e.value,
        year_ending: e.year_ending,
        position,
    }
}

/// The reporting period's figures: the latest value, the change on the previous
/// quarter and on the same quarter a year before, and the position against England.
pub(crate) fn narrative(m: &MetricResult, period: Period, region_las: usize) -> Narrative {
    let here = m.at(period);
    let pooled = here.and_then(|p| p.region.pooled);
    let changes = match pooled {
        Some(v) => vec![
            change_on(m, v, period.prev()),
            change_on(m, v, period.year_before()),
        ],
        None => Vec::new(),
    };
    Narrative {
        period,
        pooled,
        n_included: here.map_or(0, |p| p.region.n_included),
        region_las,
        changes,
        england: england(m, period, pooled),
    }
}
