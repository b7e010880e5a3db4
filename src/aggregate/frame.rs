//! The region's values in long format (one row per LA × period × item) as a polars
//! DataFrame, and the grouped sums every measure is built from.
//!
//! Only the eager API is used: `lazy` (and polars' own csv/parquet readers with it)
//! would cost far more build time than these few group-by sums are worth.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::AggregateError;
use crate::schema::Schema;
use crate::validate::{ReturnStatus, Validation, ValueStatus};

/// Sums of one group: the usable values, how many were usable, how many were errors, how many rows.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Sums {
    pub value: f64,
    pub used: usize,
    pub errors: usize,
    pub rows: usize,
}

/// The long-format values of the region's used returns.
pub(crate) struct LongFrame {
    df: DataFrame,
}

fn polars(e: PolarsError) -> AggregateError {
    AggregateError::Frame(e.to_string())
}

impl LongFrame {
    /// One row per schema item of every used return of a region LA, where its template version has the item.
    pub fn build(schema: &Schema, validation: &Validation) -> Result<LongFrame, AggregateError> {
        let mut cols: [Vec<String>; 6] = Default::default();
        let mut values: Vec<Option<f64>> = Vec::new();
        let mut used: Vec<f64> = Vec::new();
        let mut errors: Vec<f64> = Vec::new();
        for s in &validation.submissions {
            let (Some(la), Some(period)) = (&s.la, s.period) else {
                continue;
            };
            if s.status != ReturnStatus::Used
                || !validation.region.iter().any(|r| r.code == la.code)
            {
                continue;
            }
            for item in &schema.items {
                // An item the return's version lacks has no row: it counts
                // neither as given nor as missing. A renamed item's row goes
                // by its latest code, so its values carry over from the old one.
                if !s.template_version.is_some_and(|v| item.in_version(v)) {
                    continue;
                }
                let code = item.code.as_str();
                let status = s
                    .values
                    .get(code)
                    .map_or(ValueStatus::RowMissing, |v| v.status);
                let row = [
                    &la.code,
                    &la.name,
                    &period.to_string(),
                    &item.section,
                    schema.current_code(code),
                    status.as_str(),
                ];
                for (col, v) in cols.iter_mut().zip(row) {
                    col.push(v.to_string());
                }
                values.push(s.usable(code));
                used.push(f64::from(u8::from(status == ValueStatus::Used)));
                let error = matches!(status, ValueStatus::Rejected | ValueStatus::Duplicate);
                errors.push(f64::from(u8::from(error)));
            }
        }
        let rows = values.len();
        let [la_code, la_name, period, section, item, status] = cols;
        let df = df!(
            "la_code" => la_code,
            "la_name" => la_name,
            "period" => period,
            "section" => section,
            "item" => item,
            "value" => values,
            "status" => status,
            "used" => used,
            "error" => errors,
            "row" => vec![1.0; rows],
        )
        .map_err(polars)?;
        Ok(LongFrame { df })
    }

    /// Sums of the rows whose item is one of `items`, grouped by the `keys` columns
    /// (each a text column: `la_code`, `period`, `section`, `item`).
    pub fn sums_by(
        &self,
        items: &[String],
        keys: &[&str],
    ) -> Result<BTreeMap<Vec<String>, Sums>, AggregateError> {
        let mask: BooleanChunked = self
            .df
            .column("item")
            .and_then(|c| c.str())
            .map_err(polars)?
            .iter()
            .map(|o| o.is_some_and(|code| items.iter().any(|i| i == code)))
            .collect();
        let rows = self.df.filter(&mask).map_err(polars)?;
        let mut out = BTreeMap::new();
        if rows.height() == 0 {
            return Ok(out);
        }
        // The eager group-by sums are marked deprecated in favour of `lazy`; they are
        // still the supported eager path and save the lazy engine's build.
        #[allow(deprecated)]
        let summed = rows
            .group_by_stable(keys.iter().copied())
            .and_then(|g| g.select(["value", "used", "error", "row"]).sum())
            .map_err(polars)?;
        let key_cols: Vec<&StringChunked> = keys
            .iter()
            .map(|k| summed.column(k).and_then(|c| c.str()))
            .collect::<PolarsResult<_>>()
            .map_err(polars)?;
        let f64_col = |df: &DataFrame, name: &str| -> Result<Vec<f64>, AggregateError> {
            let c = df
                .column(name)
                .and_then(|c| c.cast(&DataType::Float64))
                .map_err(polars)?;
            let v = c
                .f64()
                .map_err(polars)?
                .iter()
                .map(|x| x.unwrap_or(0.0))
                .collect();
            Ok(v)
        };
        let value = f64_col(&summed, "value_sum")?;
        let used = f64_col(&summed, "used_sum")?;
        let error = f64_col(&summed, "error_sum")?;
        let count = f64_col(&summed, "row_sum")?;
        for r in 0..summed.height() {
            let key: Vec<String> = key_cols
                .iter()
                .map(|c| c.get(r).unwrap_or_default().to_string())
                .collect();
            let sums = Sums {
                value: value.get(r).copied().unwrap_or(0.0),
                used: used.get(r).copied().unwrap_or(0.0) as usize,
                errors: error.get(r).copied().unwrap_or(0.0) as usize,
                rows: count.get(r).copied().unwrap_or(0.0) as usize,
            };
            out.insert(key, sums);
        }
        Ok(out)
    }
}

/// Sums of (key, numerator, denominator) rows by key: the pooled figures.
pub(crate) fn pooled_sums(
    rows: &[(String, f64, f64)],
) -> Result<BTreeMap<String, (f64, f64)>, AggregateError> {
    let mut out = BTreeMap::new();
    if rows.is_empty() {
        return Ok(out);
    }
    let df = df!(
        "key" => rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>(),
        "num" => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "den" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
    )
    .map_err(polars)?;
    #[allow(deprecated)]
    let summed = df
        .group_by_stable(["key"])
        .and_then(|g| g.select(["num", "den"]).sum())
        .map_err(polars)?;
    let keys = summed.column("key").and_then(|c| c.str()).map_err(polars)?;
    let num = summed
        .column("num_sum")
        .and_then(|c| c.f64())
        .map_err(polars)?;
    let den = summed
        .column("den_sum")
        .and_then(|c| c.f64())
        .map_err(polars)?;
    for r in 0..summed.height() {
        let key = keys.get(r).unwrap_or_default().to_string();
        out.insert(key, (num.get(r).unwrap_or(0.0), den.get(r).unwrap_or(0.0)));
    }
    Ok(out)
}
