//! Wording shared by the rules that compare items: a side's total, a value's state.

use std::collections::BTreeMap;

use super::{ItemValue, ValueStatus};
use crate::number_text::format_number;
use crate::schema::Metric;

/// `M01 (Share of children leaving care on an SGO)`.
pub(crate) fn metric_name(m: &Metric) -> String {
    format!("{} ({})", m.id, m.title)
}

/// Sum of the usable values of `codes`, and whether every one was usable.
pub(crate) fn side_sum(codes: &[String], values: &BTreeMap<String, ItemValue>) -> (f64, bool) {
    let mut total = 0.0;
    let mut complete = true;
    for c in codes {
        match values.get(c).and_then(ItemValue::usable) {
            Some(v) => total += v,
            None => complete = false,
        }
    }
    (total, complete)
}

/// `B01 is 10`, or for several items `B02 + B03 is 14 (8 + 6)`. Every item must be usable.
pub(crate) fn side_total(codes: &[String], values: &BTreeMap<String, ItemValue>) -> String {
    let (total, _) = side_sum(codes, values);
    let each: Vec<String> = codes
        .iter()
        .map(|c| format_number(values.get(c).and_then(ItemValue::usable).unwrap_or(0.0)))
        .collect();
    if codes.len() == 1 {
        format!("{} is {}", codes.join(""), format_number(total))
    } else {
        format!(
            "{} is {} ({})",
            codes.join(" + "),
            format_number(total),
            each.join(" + ")
        )
    }
}

/// `B02 is 12`, `B01 is blank`, `B01 is not provided ("n/a")`.
pub(crate) fn state(code: &str, values: &BTreeMap<String, ItemValue>) -> String {
    let Some(v) = values.get(code) else {
        return format!("{code} is missing");
    };
    let what = match v.status {
        ValueStatus::Used => v.value.map(format_number).unwrap_or_default(),
        ValueStatus::Blank => "blank".to_string(),
        ValueStatus::NotProvided => format!("not provided (\"{}\")", v.as_found),
        ValueStatus::Withheld => format!("withheld (\"{}\")", v.as_found),
        ValueStatus::RowMissing => "missing (its row is not in the return)".to_string(),
        ValueStatus::Rejected | ValueStatus::Duplicate => "not usable".to_string(),
    };
    format!("{code} is {what}")
}

/// Non-empty as-found text, for a finding's `value`.
pub(crate) fn found(v: Option<&ItemValue>) -> Option<String> {
    v.map(|v| v.as_found.clone()).filter(|s| !s.is_empty())
}

/// A number for people: whole numbers as typed, others to one decimal place.
pub(crate) fn figure(x: f64) -> String {
    if x.fract() == 0.0 {
        format_number(x)
    } else {
        format!("{x:.1}")
    }
}
