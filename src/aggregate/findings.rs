//! Each regional outlier as a PLAUS004 warning to its LA: flagged, never dropped.

use super::funnel::LimitNames;
use super::model::{LaMetric, MetricPeriod, MetricResult};
use super::trend::fmt_value;
use crate::schema::{Metric, MetricUnit, Schema};
use crate::validate::rules::{self, Code};
use crate::validate::{Finding, Validation};

const RULE: Code = Code::PLAUS004;

/// `D01 and D02`, `B02, B03 and B01`.
fn and_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.to_string(),
        None => String::new(),
    }
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v}")
    } else {
        format!("{v:.2}")
    }
}

/// The `{detail}` of the PLAUS004 message: the value and why it is an outlier.
fn detail(schema: &Schema, m: &MetricResult, p: &MetricPeriod, la: &LaMetric) -> String {
    let value = la.value.map(|v| fmt_value(m.unit, v)).unwrap_or_default();
    let (num, den) = (la.numerator.unwrap_or(0.0), la.denominator.unwrap_or(0.0));
    if let Some(f) = &p.outliers.funnel {
        let outer = f.limits_at(den).outer;
        let limit = |x: f64| fmt_value(MetricUnit::Percent, x * 100.0);
        format!(
            "{value} ({} of {}), is outside the region's {} funnel limits ({}–{}) \
             for a denominator ({}) of {}",
            number(num),
            number(den),
            LimitNames::of(&schema.outliers).outer,
            limit(outer.low),
            limit(outer.high),
            Metric::side_text(&m.denominator),
            number(den),
        )
    } else {
        let (median, z, limit) = match &p.outliers.robust {
            Some(r) => (fmt_value(m.unit, r.median), la.z.unwrap_or(0.0), r.limit),
            None => (String::new(), 0.0, 0.0),
        };
        format!(
            "{value} ({} / {}), is far from the region's other values: \
             the regional median is {median} and your robust z-score is {z:.1} (beyond ±{limit} is an outlier)",
            number(num),
            number(den),
        )
    }
}

/// A PLAUS004 finding for every outlier of every metric and period, by LA code, period, metric.
pub(crate) fn outlier_findings(
    schema: &Schema,
    validation: &Validation,
    metrics: &[MetricResult],
) -> Vec<Finding> {
    let rule = RULE.rule();
    let mut out = Vec::new();
    for m in metrics {
        let Some(metric) = schema.metric(&m.id) else {
            continue;
        };
        for p in &m.periods {
            for la in p.las.iter().filter(|l| l.outlier) {
                let used = validation.used(&la.la_code, p.period);
                let file = used.map(|s| s.file.clone()).unwrap_or_default();
                // The items as the LA's own template version names them.
                let version = used.and_then(|s| s.template_version);
                let items: Vec<&str> = metric
                    .items()
                    .into_iter()
                    .map(|c| version.and_then(|v| schema.code_in(c, v)).unwrap_or(c))
                    .collect();
                out.push(Finding {
                    la_code: Some(la.la_code.clone()),
                    la_name: Some(la.la_name.clone()),
                    period: Some(p.period),
                    file,
                    severity: rule.severity,
                    rule: RULE,
                    items: items.iter().map(|s| s.to_string()).collect(),
                    cell: None,
                    value: None,
                    message: rules::fill(
                        rule.message,
                        &[
                            ("metric", &format!("{} ({})", m.id, m.title)),
                            ("detail", &detail(schema, m, p, la)),
                            ("item", &and_list(&items)),
                        ],
                    ),
                    action: rule.action.to_string(),
                });
            }
        }
    }
    out.sort_by(|a, b| (&a.la_code, a.period).cmp(&(&b.la_code, b.period)));
    out
}
