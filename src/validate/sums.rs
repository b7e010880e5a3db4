//! Parts and wholes (SUM001, SUM002), from the schema's relations.

use std::collections::BTreeMap;

use super::describe::{found, side_sum, side_total};
use super::make::Case;
use super::ItemValue;
use crate::schema::{RelOp, Schema};

/// Sums are compared allowing for float rounding (FTE items carry decimals).
const TOLERANCE: f64 = 1e-9;

/// One case per relation broken, in schema order; a relation is judged only
/// when every one of its items is usable.
pub(crate) fn sum_findings(
    schema: &Schema,
    values: &BTreeMap<String, ItemValue>,
) -> Vec<(&'static str, Case)> {
    let mut cases = Vec::new();
    for rel in &schema.relations {
        let (parts, parts_complete) = side_sum(&rel.parts, values);
        let (whole, whole_complete) = side_sum(&rel.whole, values);
        if !(parts_complete && whole_complete) {
            continue;
        }
        let items: Vec<String> = rel.parts.iter().chain(&rel.whole).cloned().collect();
        let detail = format!(
            "{} and {}",
            side_total(&rel.parts, values),
            side_total(&rel.whole, values)
        );
        let (code, at) = match rel.op {
            RelOp::AtMost if parts > whole + TOLERANCE => ("SUM002", rel.parts.first()),
            RelOp::Equals if (parts - whole).abs() > TOLERANCE => ("SUM001", rel.whole.first()),
            _ => continue,
        };
        let v = at.and_then(|c| values.get(c));
        let case =
            Case::new(items, v.and_then(|v| v.cell.clone()), found(v)).with("detail", detail);
        cases.push((code, case));
    }
    cases
}
