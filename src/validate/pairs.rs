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
    let has_error = m.items().iter().any(|c| {
        values
            .get(*c)
            .is_some_and(|v| matches!(v.status, ValueStatus::Rejected | ValueStatus::Duplicate))
    });
    if has_error {
        return Pair::Skipped;
    }
    let usable = |c: &String| values.get(c).and_then(ItemValue::usable).is_some();
    let (num, num_complete) = side_sum(&m.numerator, values);
    let (den, den_complete) = side_sum(&m.denominator, values);
    if m.numerator.iter().any(usable) && !den_complete {
        one_sided(
            schema,
            m,
            values,
            Code::PAIR001,
            (&m.numerator, &m.denominator),
        )
    } else if m.denominator.iter().any(usable) && !num_complete {
        one_sided(
            schema,
            m,
            values,
            Code::PAIR002,
            (&m.denominator, &m.numerator),
        )
    } else if num_complete && den_complete {
        both_sides(schema, m, values, (num, den))
    } else {
        Pair::Empty
    }
}

/// The finding of a pair on `cell`'s item: its value as found, the metric and `detail`.
fn pair_case(m: &Metric, values: &BTreeMap<String, ItemValue>, cell: &str, detail: String) -> Case {
    let items: Vec<String> = m.items().into_iter().map(String::from).collect();
    Case::new(
        items,
        values.get(cell).and_then(|v| v.cell.clone()),
        found(values.get(cell)),
    )
    .with("metric", metric_name(m))
    .with("detail", detail)
}

/// One side given, the other not (wholly): name what is missing and what is given.
fn one_sided(
    schema: &Schema,
    m: &Metric,
    values: &BTreeMap<String, ItemValue>,
    code: Code,
    (given, missing_side): (&[String], &[String]),
) -> Pair {
    let missing = first_not_usable(schema, missing_side, values);
    let first = missing.first().cloned().unwrap_or_default();
    let given_text: Vec<String> = given
        .iter()
        .filter(|c| values.get(*c).and_then(ItemValue::usable).is_some())
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
    Pair::Invalid(
        code,
        pair_case(m, values, &first, detail).with("item", first),
    )
}

/// Both sides given: a zero denominator under a numerator (PAIR004), a
/// proportion over 100% (PAIR003), 0 / 0 (nothing to say), or a valid pair.
fn both_sides(
    schema: &Schema,
    m: &Metric,
    values: &BTreeMap<String, ItemValue>,
    (num, den): (f64, f64),
) -> Pair {
    let first = |side: &[String]| {
        in_template_order(schema, side)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    if den == 0.0 && num > 0.0 {
        let detail = format!(
            "{} but {}",
            side_total(&m.denominator, values),
            side_total(&m.numerator, values)
        );
        let case = pair_case(m, values, &first(&m.denominator), detail)
            .with("item", m.denominator.join(" + "));
        Pair::Invalid(Code::PAIR004, case)
    } else if m.unit.is_proportion() && num > den {
        let detail = format!(
            "{} and {}",
            side_total(&m.numerator, values),
            side_total(&m.denominator, values)
        );
        Pair::Invalid(
            Code::PAIR003,
            pair_case(m, values, &first(&m.numerator), detail),
        )
    } else if den > 0.0 {
        Pair::Valid { num, den }
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
