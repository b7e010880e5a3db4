//! Parts and wholes (SUM001, SUM002), from the schema's relations.

use std::collections::BTreeMap;

use super::describe::{found, side_sum, side_total, state};
use super::make::Case;
use super::rules::Code;
use super::ItemValue;
use crate::number_text::format_number;
use crate::schema::{RelOp, Schema};

/// Sums are compared allowing for float rounding (FTE items carry decimals).
const TOLERANCE: f64 = 1e-9;

/// One case per relation of template `version` broken, in schema order. A relation is judged when every one
/// of its items is usable; an at-most relation also when its whole is usable and the
/// usable parts alone already exceed it (every part is 0 or more, so the missing ones
/// cannot bring the sum back down).
pub(crate) fn sum_findings(
    schema: &Schema,
    values: &BTreeMap<String, ItemValue>,
    version: u32,
) -> Vec<(Code, Case)> {
    let mut cases = Vec::new();
    for (_, rel) in &schema.relations_in_version(version) {
        let (parts, parts_complete) = side_sum(&rel.parts, values);
        let (whole, whole_complete) = side_sum(&rel.whole, values);
        if !whole_complete {
            continue;
        }
        let items: Vec<String> = rel.parts.iter().chain(&rel.whole).cloned().collect();
        let usable = |c: &&String| values.get(*c).and_then(ItemValue::usable).is_some();
        let (code, at, parts_said) = match rel.op {
            RelOp::AtMost if parts > whole + TOLERANCE && parts_complete => (
                Code::SUM002,
                rel.parts.first(),
                side_total(&rel.parts, values),
            ),
            RelOp::AtMost if parts > whole + TOLERANCE => {
                let each: Vec<String> = rel.parts.iter().map(|c| state(c, values)).collect();
                let said = format!(
                    "{} is at least {} ({})",
                    rel.parts.join(" + "),
                    format_number(parts),
                    each.join(", ")
                );
                (Code::SUM002, rel.parts.iter().find(usable), said)
            }
            RelOp::Equals if parts_complete && (parts - whole).abs() > TOLERANCE => (
                Code::SUM001,
                rel.whole.first(),
                side_total(&rel.parts, values),
            ),
            _ => continue,
        };
        let detail = format!("{parts_said} and {}", side_total(&rel.whole, values));
        let v = at.and_then(|c| values.get(c));
        let case =
            Case::new(items, v.and_then(|v| v.cell.clone()), found(v)).with("detail", detail);
        cases.push((code, case));
    }
    cases
}
