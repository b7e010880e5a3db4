//! A metric's numerator and denominator, per return (PAIR001–PAIR004).

use std::collections::BTreeMap;

use super::describe::{found, metric_name, side_sum, side_total, state};
use super::make::Case;
use super::rules::Code;
use super::{ItemValue, ValueStatus};
use crate::schema::{Metric, Schema};

/// What one return gives for one metric.
#[derive(Debug, Clone)]
pub(crate) enum Pair {
    /// An item has an error finding of its own; nothing more is said.
    Skipped,
    /// Not computable, with no finding: both sides blank, or 0 / 0.
    Empty,
    /// Not computable, and the LA is told why.
    Invalid(Code, Case),
    /// Computable: numerator and denominator (> 0).
    Valid { num: f64, den: f64 },
}

/// Codes of a side in template order (for "the first item not usable").
fn in_template_order(schema: &Schema, side: &[String]) -> Vec<String> {
    let mut out = side.to_vec();
    out.sort_by_key(|c| schema.item_index(c));
    out
}

fn first_not_usable(
    schema: &Schema,
    side: &[String],
    values: &BTreeMap<String, ItemValue>,
) -> Vec<String> {
    in_template_order(schema, side)
        .into_iter()
        .filter(|c| values.get(c).and_then(ItemValue::usable).is_none())
        .collect()
}

/// Judges one metric's pair for one return.
pub(crate) fn evaluate(schema: &Schema, m: &Metric, values: &BTreeMap<String, ItemValue>) -> Pair {
    let items: Vec<String> = m.items().into_iter().map(String::from).collect();
    let has_error = items.iter().any(|c| {
        values
            .get(c)
            .is_some_and(|v| matches!(v.status, ValueStatus::Rejected | ValueStatus::Duplicate))
    });
    if has_error {
        return Pair::Skipped;
    }
    let usable = |c: &String| values.get(c).and_then(ItemValue::usable).is_some();
    let (num, num_complete) = side_sum(&m.numerator, values);
    let (den, den_complete) = side_sum(&m.denominator, values);
    let num_any = m.numerator.iter().any(usable);
    let den_any = m.denominator.iter().any(usable);
    let cell_of = |c: &str| values.get(c).and_then(|v| v.cell.clone());
    let value_of = |c: &str| found(values.get(c));

    // One side given, the other not (wholly): name what is missing and what is given.
    let one_sided = |code: Code, given: &[String], missing_side: &[String]| {
        let missing = first_not_usable(schema, missing_side, values);
        let first = missing.first().cloned().unwrap_or_default();
        let given_text: Vec<String> = given
            .iter()
            .filter(|c| usable(c))
            .map(|c| state(c, values))
            .collect();
        let missing_text: Vec<String> = missing.iter().map(|c| state(c, values)).collect();
        let detail = format!(
            "{} as well as {}: {} but {}",
            missing.join(" and "),
            given.join(" + "),
            given_text.join(" and "),
            missing_text.join(" and ")
        );
        let case = Case::new(items.clone(), cell_of(&first), value_of(&first))
            .with("metric", metric_name(m))
            .with("item", first)
            .with("detail", detail);
        Pair::Invalid(code, case)
    };

    if num_any && !den_complete {
        one_sided(Code::PAIR001, &m.numerator, &m.denominator)
    } else if den_any && !num_complete {
        one_sided(Code::PAIR002, &m.denominator, &m.numerator)
    } else if num_complete && den_complete {
        let first_den = in_template_order(schema, &m.denominator)
            .into_iter()
            .next()
            .unwrap_or_default();
        let first_num = in_template_order(schema, &m.numerator)
            .into_iter()
            .next()
            .unwrap_or_default();
        if den == 0.0 && num > 0.0 {
            let detail = format!(
                "{} but {}",
                side_total(&m.denominator, values),
                side_total(&m.numerator, values)
            );
            let case = Case::new(items.clone(), cell_of(&first_den), value_of(&first_den))
                .with("metric", metric_name(m))
                .with("item", m.denominator.join(" + "))
                .with("detail", detail);
            Pair::Invalid(Code::PAIR004, case)
        } else if m.unit.is_proportion() && num > den {
            let detail = format!(
                "{} and {}",
                side_total(&m.numerator, values),
                side_total(&m.denominator, values)
            );
            let case = Case::new(items.clone(), cell_of(&first_num), value_of(&first_num))
                .with("metric", metric_name(m))
                .with("detail", detail);
            Pair::Invalid(Code::PAIR003, case)
        } else if den > 0.0 {
            Pair::Valid { num, den }
        } else {
            Pair::Empty
        }
    } else {
        Pair::Empty
    }
}

/// The pair findings of a return, metric by metric: those its template
/// `version` has every item of.
pub(crate) fn pair_findings(
    schema: &Schema,
    values: &BTreeMap<String, ItemValue>,
    version: u32,
) -> Vec<(Code, Case)> {
    schema
        .metrics_in_version(version)
        .iter()
        .filter_map(|m| match evaluate(schema, m, values) {
            Pair::Invalid(code, case) => Some((code, case)),
            _ => None,
        })
        .collect()
}
