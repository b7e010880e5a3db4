//! The generator's own guard that clean data would raise no finding: relations,
//! pairs, plausible ranges and the change from the previous quarter. Written
//! from the rules as docs/rules.md describes them, independent of the validator.
//!
//! An item the sample model does not know (one added to the schema since the
//! model was written) is left blank: "not provided". Blank rather than 0
//! because blank is neutral under every rule: a relation or pair is judged only
//! when its items are given, and a plausible range (say 1..5000) is checked only
//! on a value, whereas a 0 could break a range, a relation whose whole is the
//! new item, or a pair whose denominator it is. So adding an item to the
//! schema never makes `kinbench sample` fail; the new item shows as not
//! provided until the model learns it.

use super::model::Values;
use crate::number_text::format_number;
use crate::schema::{MetricUnit, RelOp, Schema, Unit};

/// Why `values` (with `prev`, the same LA's previous quarter) would raise a finding; empty when clean.
pub fn problems(schema: &Schema, values: &Values, prev: Option<&Values>) -> Vec<String> {
    let mut out = item_problems(schema, values, prev);
    out.extend(relation_problems(schema, values));
    out.extend(metric_problems(schema, values));
    out
}

/// Each value's own: its typing, its plausible range and its change from `prev`.
fn item_problems(schema: &Schema, values: &Values, prev: Option<&Values>) -> Vec<String> {
    let mut out = Vec::new();
    for item in &schema.items {
        // Not in the model: written blank, so nothing to check.
        let Some(&x) = values.get(&item.code) else {
            continue;
        };
        if x < 0.0 || (item.unit == Unit::Count && x.fract() != 0.0) {
            out.push(format!(
                "{} = {} is not a valid {}",
                item.code,
                format_number(x),
                item.unit.key()
            ));
        }
        if let Some([lo, hi]) = item.range {
            if x < lo || x > hi {
                out.push(format!(
                    "{} = {} is outside {lo}..{hi}",
                    item.code,
                    format_number(x)
                ));
            }
        }
        if let Some(&p) = prev.and_then(|p| p.get(&item.code)) {
            if change_flagged(schema, p, x) {
                out.push(format!(
                    "{} changes from {} to {}",
                    item.code,
                    format_number(p),
                    format_number(x)
                ));
            }
        }
    }
    out
}

fn total(values: &Values, codes: &[String]) -> f64 {
    codes
        .iter()
        .map(|c| values.get(c).copied().unwrap_or(0.0))
        .sum::<f64>()
}

fn given(values: &Values, codes: &[String]) -> bool {
    codes.iter().all(|c| values.contains_key(c))
}

fn relation_problems(schema: &Schema, values: &Values) -> Vec<String> {
    let mut out = Vec::new();
    for rel in &schema.relations {
        // A relation with a blank item is not judged.
        if !(given(values, &rel.parts) && given(values, &rel.whole)) {
            continue;
        }
        let (parts, whole) = (total(values, &rel.parts), total(values, &rel.whole));
        let broken = match rel.op {
            RelOp::AtMost => parts > whole,
            RelOp::Equals => parts != whole,
        };
        if broken {
            out.push(format!(
                "{} fails: {} against {}",
                rel.text,
                format_number(parts),
                format_number(whole)
            ));
        }
    }
    out
}

fn metric_problems(schema: &Schema, values: &Values) -> Vec<String> {
    let none_given = |codes: &[String]| !codes.iter().any(|c| values.contains_key(c));
    let mut out = Vec::new();
    for m in &schema.metrics {
        // A metric with every item blank is not judged. One with a blank item
        // on one side only would raise a pair finding on every return: the
        // model has to learn the item before a clean sample can be drawn.
        if none_given(&m.numerator) && none_given(&m.denominator) {
            continue;
        }
        if !(given(values, &m.numerator) && given(values, &m.denominator)) {
            let blank: Vec<&str> = m
                .items()
                .into_iter()
                .filter(|c| !values.contains_key(*c))
                .collect();
            out.push(format!(
                "{}: the sample model gives no value for {}, so the metric cannot be computed",
                m.id,
                blank.join(" ")
            ));
            continue;
        }
        let (num, den) = (total(values, &m.numerator), total(values, &m.denominator));
        if den == 0.0 && num > 0.0 {
            out.push(format!(
                "{}: denominator 0 with numerator {}",
                m.id,
                format_number(num)
            ));
        }
        if m.unit == MetricUnit::Percent && num > den {
            out.push(format!(
                "{}: numerator {} exceeds denominator {}",
                m.id,
                format_number(num),
                format_number(den)
            ));
        }
        if let (Some([lo, hi]), true) = (m.plausible, den > 0.0) {
            let v = num / den * m.unit.scale();
            if v < lo || v > hi {
                out.push(format!("{} = {v} is outside {lo}..{hi}", m.id));
            }
        }
    }
    out
}

/// PLAUS003's test: a change of at least `min_abs` and of more than `ratio` × the previous value.
pub fn change_flagged(schema: &Schema, prev: f64, cur: f64) -> bool {
    let d = (cur - prev).abs();
    d >= schema.change.min_abs && d > schema.change.ratio * prev
}
