//! Whether an LA's pair is valid for a metric in a period, and if not, why.

use std::collections::BTreeMap;

use super::frame::Sums;
use super::model::{Exclusion, ExclusionReason, LaMetric};
use crate::period::Period;
use crate::schema::{La, Metric, Schema};
use crate::validate::{ReturnStatus, Validation, ValueStatus};

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
    let exclude = |reason, detail: String| Some(Exclusion { reason, detail });
    let Some(submission) = validation.used(&la.code, period) else {
        let unusable = validation.submissions.iter().find(|s| {
            s.status == ReturnStatus::Unusable
                && s.period == Some(period)
                && s.la.as_ref().is_some_and(|l| l.code == la.code)
        });
        out.excluded = match unusable {
            Some(s) => exclude(
                ExclusionReason::ErrorFinding,
                format!("the return {} could not be used", s.file),
            ),
            None => exclude(
                ExclusionReason::NotReceived,
                format!("no return for {period}"),
            ),
        };
        return out;
    };
    let version = submission
        .template_version
        .unwrap_or(schema.template.version);
    let lacking = schema.missing_in_version(&metric.items(), version);
    if !lacking.is_empty() {
        let detail = lacking
            .iter()
            .map(|c| format!("{c} not in template version {version}"))
            .collect::<Vec<_>>()
            .join(", ");
        out.excluded = exclude(ExclusionReason::NotInVersion, detail);
        return out;
    }
    let key = vec![la.code.clone(), period.to_string()];
    let num = sums.numerator.get(&key).copied().unwrap_or_default();
    let den = sums.denominator.get(&key).copied().unwrap_or_default();
    let num_complete = num.errors == 0 && num.used == distinct(&metric.numerator);
    let den_complete = den.errors == 0 && den.used == distinct(&metric.denominator);
    out.numerator = num_complete.then_some(num.value);
    out.denominator = den_complete.then_some(den.value);

    // Items of the pair in template order, with what became of each.
    let mut items = metric.items();
    items.sort_by_key(|c| schema.item_index(c));
    let statuses: Vec<(&str, ValueStatus)> = items
        .iter()
        .map(|c| {
            (
                *c,
                schema
                    .code_in(c, version)
                    .and_then(|code| submission.values.get(code))
                    .map_or(ValueStatus::RowMissing, |v| v.status),
            )
        })
        .collect();
    let describe = |keep: &dyn Fn(ValueStatus) -> bool| -> String {
        let parts: Vec<String> = statuses
            .iter()
            .filter(|(_, s)| keep(*s))
            .map(|(c, s)| format!("{c} {}", status_words(*s)))
            .collect();
        parts.join(", ")
    };
    if num.errors + den.errors > 0 {
        let detail = describe(&|s| matches!(s, ValueStatus::Rejected | ValueStatus::Duplicate));
        out.excluded = exclude(ExclusionReason::ErrorFinding, detail);
    } else if !(num_complete && den_complete) {
        out.excluded = exclude(
            ExclusionReason::ItemMissing,
            describe(&|s| s != ValueStatus::Used),
        );
    } else if den.value == 0.0 && num.value > 0.0 {
        let detail = format!(
            "denominator ({}) is 0 but numerator ({}) is {}",
            Metric::side_text(&metric.denominator),
            Metric::side_text(&metric.numerator),
            num.value
        );
        out.excluded = exclude(ExclusionReason::PairInvalid, detail);
    } else if metric.unit.is_proportion() && num.value > den.value {
        let detail = format!(
            "numerator ({} = {}) is greater than denominator ({} = {})",
            Metric::side_text(&metric.numerator),
            num.value,
            Metric::side_text(&metric.denominator),
            den.value
        );
        out.excluded = exclude(ExclusionReason::PairInvalid, detail);
    } else if den.value == 0.0 {
        let detail = format!(
            "denominator ({}) is 0",
            Metric::side_text(&metric.denominator)
        );
        out.excluded = exclude(ExclusionReason::ZeroDenominator, detail);
    } else {
        out.value = Some(num.value / den.value * metric.unit.scale());
    }
    out
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
