//! Coverage: how many of the region's LAs gave usable values, per item, per
//! metric and per LA × section. An LA with no return is "not received", never 0.

use std::collections::BTreeMap;

use serde::Serialize;

use super::frame::{LongFrame, Sums};
use super::model::MetricResult;
use super::AggregateError;
use crate::period::Period;
use crate::schema::{La, Metric, Schema};
use crate::validate::Validation;

/// One item (or metric) in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Covered {
    /// Item code or metric id.
    pub code: String,
    pub period: Period,
    /// LAs with a usable value (items) or a valid pair (metrics).
    pub usable: usize,
    /// LAs whose return was used.
    pub received: usize,
    /// Of those, the returns whose template version does not have the item
    /// (or an item of the metric): not asked of them, so not missing either.
    pub not_in_version: usize,
    /// Those returns' versions, ascending.
    pub versions_without: Vec<u32>,
    /// LAs in the region.
    pub region: usize,
}

/// One LA's section in one period: a cell of the data-quality grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionCoverage {
    pub la_code: String,
    pub la_name: String,
    pub period: Period,
    pub section: String,
    /// False when no return was used for the LA in the period.
    pub received: bool,
    pub usable: usize,
    /// The section's items in the return's template version.
    pub items: usize,
    /// usable / items × 100; None when not received.
    pub share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Period by period, items in template order.
    pub items: Vec<Covered>,
    /// Period by period, metrics in schema order.
    pub metrics: Vec<Covered>,
    /// Period by period, LAs in region order, sections in schema order.
    pub grid: Vec<SectionCoverage>,
}

pub(crate) fn coverage(
    schema: &Schema,
    validation: &Validation,
    frame: &LongFrame,
    metrics: &[MetricResult],
) -> Result<Coverage, AggregateError> {
    // By latest code: a renamed item's values are counted under its new code.
    let all: Vec<String> = schema
        .items
        .iter()
        .filter(|i| schema.current_code(&i.code) == i.code)
        .map(|i| i.code.clone())
        .collect();
    let by_item = frame.sums_by(&all, &["item", "period"])?;
    let by_section = frame.sums_by(&all, &["la_code", "period", "section"])?;
    let region = validation.region.len();
    let mut out = Coverage {
        items: Vec::new(),
        metrics: Vec::new(),
        grid: Vec::new(),
    };
    for &period in &validation.periods {
        let used = used_versions(schema, validation, period);
        let covered = |code: &str, usable: usize, items: &[&str]| {
            let (not_in_version, versions_without) = lacking(schema, &used, items);
            Covered {
                code: code.to_string(),
                period,
                usable,
                received: used.len(),
                not_in_version,
                versions_without,
                region,
            }
        };
        for code in &all {
            let key = vec![code.clone(), period.to_string()];
            let usable = by_item.get(&key).map_or(0, |s| s.used);
            out.items.push(covered(code, usable, &[code.as_str()]));
        }
        for m in metrics {
            let usable = m.at(period).map_or(0, |p| p.region.n_included);
            let items: Vec<&str> = schema.metric(&m.id).map(Metric::items).unwrap_or_default();
            out.metrics.push(covered(&m.id, usable, &items));
        }
        for la in &validation.region {
            let version = used
                .iter()
                .find(|(l, _)| l.code == la.code)
                .map(|&(_, v)| v);
            out.grid
                .extend(la_sections(schema, &by_section, la, period, version));
        }
    }
    Ok(out)
}

/// The LAs whose return was used in `period`, with its template version.
fn used_versions<'a>(
    schema: &Schema,
    validation: &'a Validation,
    period: Period,
) -> Vec<(&'a La, u32)> {
    validation
        .region
        .iter()
        .filter_map(|la| {
            let sub = validation.used(&la.code, period)?;
            Some((la, sub.template_version.unwrap_or(schema.template.version)))
        })
        .collect()
}

/// How many of the used returns, and of which versions, lack one of `items`.
fn lacking(schema: &Schema, used: &[(&La, u32)], items: &[&str]) -> (usize, Vec<u32>) {
    let lacking: Vec<u32> = used
        .iter()
        .map(|&(_, v)| v)
        .filter(|&v| !schema.missing_in_version(items, v).is_empty())
        .collect();
    let mut versions = lacking.clone();
    versions.sort_unstable();
    versions.dedup();
    (lacking.len(), versions)
}

/// One LA's row of the grid: each section's usable items of those its
/// return's version has (`version` is None when no return was used).
fn la_sections(
    schema: &Schema,
    by_section: &BTreeMap<Vec<String>, Sums>,
    la: &La,
    period: Period,
    version: Option<u32>,
) -> Vec<SectionCoverage> {
    let v = version.unwrap_or(schema.template.version);
    let got = version.is_some();
    schema
        .sections
        .iter()
        .map(|section| {
            let items = schema
                .items_in(&section.id)
                .filter(|i| i.in_version(v))
                .count();
            let key = vec![la.code.clone(), period.to_string(), section.id.clone()];
            let usable = by_section.get(&key).map_or(0, |s| s.used);
            SectionCoverage {
                la_code: la.code.clone(),
                la_name: la.name.clone(),
                period,
                section: section.id.clone(),
                received: got,
                usable,
                items,
                share: (got && items > 0).then(|| usable as f64 / items as f64 * 100.0),
            }
        })
        .collect()
}
