//! The generator's own guard that clean data would raise no finding: relations,
//! pairs, plausible ranges and the change from the previous quarter. Written
//! from rule-semantics.md, independent of the validator.

use super::model::Values;
use crate::ingest::format_number;
use crate::schema::{MetricUnit, RelOp, Schema, Unit};

/// Why `values` (with `prev`, the same LA's previous quarter) would raise a finding; empty when clean.
pub fn problems(schema: &Schema, values: &Values, prev: Option<&Values>) -> Vec<String> {
    let mut out = Vec::new();
    for item in &schema.items {
        let Some(&x) = values.get(&item.code) else {
            out.push(format!("the sample model gives no value for {}", item.code));
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
    let total = |codes: &[String]| {
        codes
            .iter()
            .map(|c| values.get(c).copied().unwrap_or(0.0))
            .sum::<f64>()
    };
    for rel in &schema.relations {
        let (parts, whole) = (total(&rel.parts), total(&rel.whole));
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
    for m in &schema.metrics {
        let (num, den) = (total(&m.numerator), total(&m.denominator));
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
