//! Values and metrics outside their plausible ranges (PLAUS001, PLAUS002).

use std::collections::BTreeMap;

use super::describe::{figure, found, metric_name};
use super::make::Case;
use super::pairs::{evaluate, Pair};
use super::rules::Code;
use super::ItemValue;
use crate::number_text::format_number;
use crate::schema::{Metric, Schema};

/// Usable values outside their item's range (bounds inclusive), then metrics
/// with a valid pair outside their `plausible` range; schema order.
pub(crate) fn plausibility_findings(
    schema: &Schema,
    values: &BTreeMap<String, ItemValue>,
    version: u32,
) -> Vec<(Code, Case)> {
    let mut cases = Vec::new();
    for item in &schema.items {
        let (Some([lo, hi]), Some(v)) = (item.range, values.get(&item.code)) else {
            continue;
        };
        let Some(x) = v.usable() else { continue };
        if x < lo || x > hi {
            let detail = format!("{} to {}", format_number(lo), format_number(hi));
            cases.push((
                Code::PLAUS001,
                Case::new(vec![item.code.clone()], v.cell.clone(), found(Some(v)))
                    .with("number", format_number(x))
                    .with("detail", detail),
            ));
        }
    }
    for m in &schema.metrics_in_version(version) {
        let Some([lo, hi]) = m.plausible else {
            continue;
        };
        let Pair::Valid { num, den } = evaluate(schema, m, values) else {
            continue;
        };
        let x = num / den * m.unit.scale();
        if x < lo || x > hi {
            cases.push((
                Code::PLAUS002,
                metric_case(schema, m, values, x, num, den, lo, hi),
            ));
        }
    }
    cases
}

#[allow(clippy::too_many_arguments)]
fn metric_case(
    schema: &Schema,
    m: &Metric,
    values: &BTreeMap<String, ItemValue>,
    x: f64,
    num: f64,
    den: f64,
    lo: f64,
    hi: f64,
) -> Case {
    let mut num_codes = m.numerator.clone();
    num_codes.sort_by_key(|c| schema.item_index(c));
    let first = num_codes.first().and_then(|c| values.get(c));
    let suffix = m.unit.suffix();
    let detail = format!(
        "{}{suffix} ({} {} / {} {}), outside the range expected for one LA in one quarter ({}{suffix} to {}{suffix})",
        figure(x),
        m.numerator.join(" + "),
        format_number(num),
        m.denominator.join(" + "),
        format_number(den),
        format_number(lo),
        format_number(hi),
    );
    let items = m.items().into_iter().map(String::from).collect();
    Case::new(items, first.and_then(|v| v.cell.clone()), found(first))
        .with("metric", metric_name(m))
        .with("detail", detail)
}
