//! Whether an LA's pair is valid for a metric in a period, and if not, why.

use std::collections::BTreeMap;

use super::frame::Sums;
use super::model::{Exclusion, ExclusionReason, LaMetric};
use crate::period::Period;
use crate::schema::{La, Metric, Schema};
use crate::validate::{ReturnStatus, Submission, Validation, ValueStatus};

/// The side sums of one metric, by [la_code, period].
pub(crate) struct SideSums {
    pub numerator: BTreeMap<Vec<String>, Sums>,
    pub denominator: BTreeMap<Vec<String>, Sums>,
}

fn distinct(items: &[String]) -> usize {
    let mut v: Vec<&String> = items.iter().collect();
    v.sort();
    v.dedup();
    v.len()
}

/// One LA's figure, before outliers are looked for.
pub(crate) fn classify(
    schema: &Schema,
    validation: &Validation,
    metric: &Metric,
    sums: &SideSums,
    la: &La,
    period: Period,
) -> LaMetric {
    let mut out = LaMetric {
        la_code: la.code.clone(),
        la_name: la.name.clone(),
        numerator: None,
        denominator: None,
        value: None,
        excluded: None,
        wilson: None,
        z: None,
        z_winsorised: None,
        outlier: false,
    };
    let Some(submission) = validation.used(&la.code, period) else {
        out.excluded = Some(no_return(validation, la, period));
        return out;
    };
    let version = submission
        .template_version
        .unwrap_or(schema.template.version);
    if let Some(e) = not_in_version(schema, metric, version) {
        out.excluded = Some(e);
        return out;
    }
    let key = vec![la.code.clone(), period.to_string()];
    let num = sums.numerator.get(&key).copied().unwrap_or_default();
    let den = sums.denominator.get(&key).copied().unwrap_or_default();
    let complete = (
        num.errors == 0 && num.used == distinct(&metric.numerator),
        den.errors == 0 && den.used == distinct(&metric.denominator),
    );
    out.numerator = complete.0.then_some(num.value);
    out.denominator = complete.1.then_some(den.value);
    let statuses = item_statuses(schema, metric, submission, version);
    match judge(metric, (num, den), complete, &statuses) {
        Ok(value) => out.value = Some(value),
        Err(e) => out.excluded = Some(e),
    }
    out
}

fn exclusion(reason: ExclusionReason, detail: String) -> Exclusion {
    Exclusion { reason, detail }
}

/// No return used for the LA and period: one that could not be used, or none.
fn no_return(validation: &Validation, la: &La, period: Period) -> Exclusion {
    let unusable = validation.submissions.iter().find(|s| {
        s.status == ReturnStatus::Unusable
            && s.period == Some(period)
            && s.la.as_ref().is_some_and(|l| l.code == la.code)
    });
    match unusable {
        Some(s) => exclusion(
            ExclusionReason::ErrorFinding,
            format!("the return {} could not be used", s.file),
        ),
        None => exclusion(
            ExclusionReason::NotReceived,
            format!("no return for {period}"),
        ),
    }
}

/// The metric's items the return's template version does not have, if any.
fn not_in_version(schema: &Schema, metric: &Metric, version: u32) -> Option<Exclusion> {
    let lacking = schema.missing_in_version(&metric.items(), version);
    if lacking.is_empty() {
        return None;
    }
    let detail = lacking
        .iter()
        .map(|c| format!("{c} not in template version {version}"))
        .collect::<Vec<_>>()
        .join(", ");
    Some(exclusion(ExclusionReason::NotInVersion, detail))
}

/// The pair's items in template order, with what became of each.
fn item_statuses<'a>(
    schema: &'a Schema,
    metric: &'a Metric,
    submission: &Submission,
    version: u32,
) -> Vec<(&'a str, ValueStatus)> {
    let mut items = metric.items();
    items.sort_by_key(|c| schema.item_index(c));
    items
        .into_iter()
        .map(|c| {
            let status = schema
                .code_in(c, version)
                .and_then(|code| submission.values.get(code))
                .map_or(ValueStatus::RowMissing, |v| v.status);
            (c, status)
        })
        .collect()
}

/// The metric's value from its side sums, or why the pair is not used: the
/// first of an error, a missing item, an invalid pair, a zero denominator.
fn judge(
    metric: &Metric,
    (num, den): (Sums, Sums),
    (num_complete, den_complete): (bool, bool),
    statuses: &[(&str, ValueStatus)],
) -> Result<f64, Exclusion> {
    let describe = |keep: &dyn Fn(ValueStatus) -> bool| -> String {
        let parts: Vec<String> = statuses
            .iter()
            .filter(|(_, s)| keep(*s))
            .map(|(c, s)| format!("{c} {}", status_words(*s)))
            .collect();
        parts.join(", ")
    };
    let (num_text, den_text) = (
        Metric::side_text(&metric.numerator),
        Metric::side_text(&metric.denominator),
    );
    let (reason, detail) = if num.errors + den.errors > 0 {
        let detail = describe(&|s| matches!(s, ValueStatus::Rejected | ValueStatus::Duplicate));
        (ExclusionReason::ErrorFinding, detail)
    } else if !(num_complete && den_complete) {
        let detail = describe(&|s| s != ValueStatus::Used);
        (ExclusionReason::ItemMissing, detail)
    } else if den.value == 0.0 && num.value > 0.0 {
        let detail = format!(
            "denominator ({den_text}) is 0 but numerator ({num_text}) is {}",
            num.value
        );
        (ExclusionReason::PairInvalid, detail)
    } else if metric.unit.is_proportion() && num.value > den.value {
        let detail = format!(
            "numerator ({num_text} = {}) is greater than denominator ({den_text} = {})",
            num.value, den.value
        );
        (ExclusionReason::PairInvalid, detail)
    } else if den.value == 0.0 {
        let detail = format!("denominator ({den_text}) is 0");
        (ExclusionReason::ZeroDenominator, detail)
    } else {
        return Ok(num.value / den.value * metric.unit.scale());
    };
    Err(exclusion(reason, detail))
}

fn status_words(s: ValueStatus) -> &'static str {
    match s {
        ValueStatus::Used => "given",
        ValueStatus::Blank => "blank",
        ValueStatus::NotProvided => "not provided",
        ValueStatus::Withheld => "withheld",
        ValueStatus::Rejected => "rejected",
        ValueStatus::RowMissing => "row missing",
        ValueStatus::Duplicate => "duplicated",
    }
}
