//! One metric over every period of the run: LA figures, the pooled regional
//! figure, outliers and the England comparator.

use super::classify::{classify, SideSums};
use super::frame::{pooled_sums, LongFrame};
use super::funnel::{funnel, wilson};
use super::model::{
    Comparator, ExcludedLa, LaMetric, MetricPeriod, MetricResult, Narrative, OutlierAssessment,
    RegionFigure,
};
use super::robust::{median, robust};
use super::AggregateError;
use crate::period::Period;
use crate::schema::{Metric, MetricUnit, Schema};
use crate::validate::Validation;

const KEYS: [&str; 2] = ["la_code", "period"];

/// The metric in every period of the validation (trend and `period`'s narrative left empty).
pub(crate) fn metric_result(
    schema: &Schema,
    validation: &Validation,
    frame: &LongFrame,
    metric: &Metric,
    period: Period,
) -> Result<MetricResult, AggregateError> {
    let sums = SideSums {
        numerator: frame.sums_by(&metric.numerator, &KEYS)?,
        denominator: frame.sums_by(&metric.denominator, &KEYS)?,
    };
    let mut assessed = Vec::new();
    for &period in &validation.periods {
        let mut las: Vec<LaMetric> = validation
            .region
            .iter()
            .map(|la| classify(schema, validation, metric, &sums, la, period))
            .collect();
        let outliers = assess(schema, metric, &mut las);
        assessed.push((period, las, outliers));
    }
    let pooled = pooled_sums(&pool_rows(&assessed, true))?;
    let pooled_without = pooled_sums(&pool_rows(&assessed, false))?;
    let scale = metric.unit.scale();
    let ratio = |(n, d): (f64, f64)| (d > 0.0).then(|| n / d * scale);
    let periods = assessed
        .into_iter()
        .map(|(period, las, outliers)| {
            let key = period.to_string();
            let (numerator, denominator) = pooled.get(&key).copied().unwrap_or((0.0, 0.0));
            let mut region = region_figure(&las, numerator, denominator, scale);
            region.pooled_without_outliers = pooled_without.get(&key).copied().and_then(ratio);
            let england = comparator(schema, metric, period);
            MetricPeriod {
                period,
                las,
                region,
                outliers,
                england,
            }
        })
        .collect();
    Ok(MetricResult {
        id: metric.id.clone(),
        title: metric.title.clone(),
        short: metric.short.clone(),
        unit: metric.unit,
        numerator: metric.numerator.clone(),
        denominator: metric.denominator.clone(),
        comparator_series: metric.comparator.clone(),
        periods,
        rolling_year: Vec::new(),
        narrative: Narrative::new(period),
    })
}

/// (period, numerator, denominator) of every included LA, outliers kept or not.
fn pool_rows(
    assessed: &[(Period, Vec<LaMetric>, OutlierAssessment)],
    with_outliers: bool,
) -> Vec<(String, f64, f64)> {
    let mut rows = Vec::new();
    for (period, las, _) in assessed {
        for la in las
            .iter()
            .filter(|l| l.included() && (with_outliers || !l.outlier))
        {
            if let (Some(n), Some(d)) = (la.numerator, la.denominator) {
                rows.push((period.to_string(), n, d));
            }
        }
    }
    rows
}

fn region_figure(las: &[LaMetric], numerator: f64, denominator: f64, scale: f64) -> RegionFigure {
    let values: Vec<f64> = las.iter().filter_map(|l| l.value).collect();
    let excluded: Vec<ExcludedLa> = las
        .iter()
        .filter_map(|l| {
            l.excluded.as_ref().map(|e| ExcludedLa {
                la_code: l.la_code.clone(),
                la_name: l.la_name.clone(),
                reason: e.reason,
                detail: e.detail.clone(),
            })
        })
        .collect();
    RegionFigure {
        numerator,
        denominator,
        pooled: (denominator > 0.0).then(|| numerator / denominator * scale),
        n_included: values.len(),
        n_excluded: excluded.len(),
        excluded,
        median: median(&values),
        min: values.iter().copied().reduce(f64::min),
        max: values.iter().copied().reduce(f64::max),
        n_outliers: las.iter().filter(|l| l.outlier).count(),
        pooled_without_outliers: None,
    }
}

/// Looks for outliers among the included LAs, marking them; Wilson intervals for `%` metrics.
fn assess(schema: &Schema, metric: &Metric, las: &mut [LaMetric]) -> OutlierAssessment {
    let settings = &schema.outliers;
    let included: Vec<usize> = (0..las.len())
        .filter(|&i| las.get(i).is_some_and(LaMetric::included))
        .collect();
    let mut out = OutlierAssessment {
        method: "robust_z",
        not_assessed: None,
        funnel: None,
        robust: None,
    };
    if metric.unit == MetricUnit::Percent {
        out.method = "funnel";
        let pairs: Vec<(f64, f64)> = included
            .iter()
            .filter_map(|&i| las.get(i))
            .map(|l| (l.numerator.unwrap_or(0.0), l.denominator.unwrap_or(0.0)))
            .collect();
        for (&i, &(x, n)) in included.iter().zip(&pairs) {
            if let Some(la) = las.get_mut(i) {
                la.wilson = wilson(x, n, settings.interval_z).map(|w| super::model::Interval {
                    low: w.low * 100.0,
                    high: w.high * 100.0,
                });
            }
        }
        match funnel(&pairs, settings) {
            Ok((f, zs)) => {
                for (&i, z) in included.iter().zip(zs) {
                    if let Some(la) = las.get_mut(i) {
                        la.z = Some(z.z);
                        la.z_winsorised = Some(z.winsorised);
                        la.outlier = z.outlier;
                    }
                }
                out.funnel = Some(f);
            }
            Err(why) => out.not_assessed = Some(why),
        }
    } else {
        let values: Vec<f64> = included
            .iter()
            .filter_map(|&i| las.get(i).and_then(|l| l.value))
            .collect();
        match robust(&values, settings) {
            Ok((r, zs)) => {
                for (&i, z) in included.iter().zip(zs) {
                    if let Some(la) = las.get_mut(i) {
                        la.z = Some(z);
                        la.outlier = z.abs() > r.limit;
                    }
                }
                out.robust = Some(r);
            }
            Err(why) => out.not_assessed = Some(why),
        }
    }
    out
}

fn comparator(schema: &Schema, metric: &Metric, period: Period) -> Option<Comparator> {
    let series = metric.comparator.as_deref()?;
    schema
        .comparators
        .for_period(series, period)
        .map(|f| Comparator {
            series: f.series.clone(),
            value: f.value,
            year_ending: f.year_ending,
            source: f.source.clone(),
        })
}
