//! Count measures (regional total, LAs contributing, mean per LA) and
//! breakdowns (each part's share of the parts' sum).

use serde::Serialize;

use super::frame::LongFrame;
use super::AggregateError;
use crate::period::Period;
use crate::schema::Schema;
use crate::validate::Validation;

/// One count item in one period, over the LAs that gave a usable value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountPeriod {
    pub period: Period,
    pub total: f64,
    /// LAs with a usable value.
    pub n_las: usize,
    /// total / n_las; None when no LA contributed.
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountMeasure {
    pub item: String,
    pub label: String,
    /// One per period of the run, ascending.
    pub periods: Vec<CountPeriod>,
}

/// One part of a breakdown in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownPart {
    pub item: String,
    pub label: String,
    /// Sum over the LAs with a usable value.
    pub total: f64,
    pub n_las: usize,
    /// total / the parts' sum × 100; None when the parts sum to 0.
    pub share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownPeriod {
    pub period: Period,
    /// The sum of the parts' totals.
    pub sum: f64,
    pub parts: Vec<BreakdownPart>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownResult {
    pub id: String,
    pub title: String,
    pub periods: Vec<BreakdownPeriod>,
}

/// Every count item of the schema, in every period.
pub(crate) fn count_measures(
    schema: &Schema,
    validation: &Validation,
    frame: &LongFrame,
) -> Result<Vec<CountMeasure>, AggregateError> {
    let sums = frame.sums_by(&schema.count_items, &["item", "period"])?;
    let measures = schema
        .count_items
        .iter()
        .map(|item| {
            let periods = validation
                .periods
                .iter()
                .map(|&period| {
                    let s = sums
                        .get(&vec![item.clone(), period.to_string()])
                        .copied()
                        .unwrap_or_default();
                    CountPeriod {
                        period,
                        total: s.value,
                        n_las: s.used,
                        mean: (s.used > 0).then(|| s.value / s.used as f64),
                    }
                })
                .collect();
            CountMeasure {
                item: item.clone(),
                label: label(schema, item),
                periods,
            }
        })
        .collect();
    Ok(measures)
}

/// Every breakdown of the schema, in every period.
pub(crate) fn breakdowns(
    schema: &Schema,
    validation: &Validation,
    frame: &LongFrame,
) -> Result<Vec<BreakdownResult>, AggregateError> {
    let mut out = Vec::new();
    for b in &schema.breakdowns {
        let sums = frame.sums_by(&b.parts, &["item", "period"])?;
        let periods = validation
            .periods
            .iter()
            .map(|&period| {
                let of = |item: &String| {
                    sums.get(&vec![item.clone(), period.to_string()])
                        .copied()
                        .unwrap_or_default()
                };
                let sum: f64 = b.parts.iter().map(|p| of(p).value).sum();
                let parts = b
                    .parts
                    .iter()
                    .map(|item| {
                        let s = of(item);
                        BreakdownPart {
                            item: item.clone(),
                            label: label(schema, item),
                            total: s.value,
                            n_las: s.used,
                            share: (sum > 0.0).then(|| s.value / sum * 100.0),
                        }
                    })
                    .collect();
                BreakdownPeriod { period, sum, parts }
            })
            .collect();
        out.push(BreakdownResult {
            id: b.id.clone(),
            title: b.title.clone(),
            periods,
        });
    }
    Ok(out)
}

pub(crate) fn label(schema: &Schema, item: &str) -> String {
    schema
        .item(item)
        .map(|i| i.label.clone())
        .unwrap_or_default()
}
