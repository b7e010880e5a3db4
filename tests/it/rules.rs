//! Tests for the validation stage: the rule catalogue, and every rule (except
//! PLAUS004, the aggregation stage's) triggered and not triggered on hand-built returns.

pub(crate) mod builder;
mod catalogue;
mod file_rules;
mod folder;
mod header_rules;
mod metric_rules;
mod reading;
mod run;
mod table_rules;
mod value_rules;

use kinbench::validate::{Finding, Severity, Submission};

/// The one finding of `rule` in `sub`; fails when there is none or more than one.
fn one<'a>(sub: &'a Submission, rule: &str) -> &'a Finding {
    let found: Vec<&Finding> = sub.findings.iter().filter(|f| f.rule == rule).collect();
    assert_eq!(found.len(), 1, "expected one {rule} in {:#?}", sub.findings);
    found[0]
}

/// The rule codes of `sub`'s findings, in order.
fn codes(sub: &Submission) -> Vec<&'static str> {
    sub.findings.iter().map(|f| f.rule.as_str()).collect()
}

fn lacks(sub: &Submission, rule: &str) {
    assert!(
        !codes(sub).contains(&rule),
        "unexpected {rule} in {:#?}",
        sub.findings
    );
}

/// Asserts a finding's severity, items, cell and value exactly.
fn check(f: &Finding, severity: Severity, items: &[&str], cell: Option<&str>, value: Option<&str>) {
    assert_eq!(f.severity, severity, "{f:#?}");
    assert_eq!(f.items, items, "{f:#?}");
    assert_eq!(f.cell.as_deref(), cell, "{f:#?}");
    assert_eq!(f.value.as_deref(), value, "{f:#?}");
    assert!(
        !f.message.contains('{') && !f.action.contains('{'),
        "unfilled placeholder: {f:#?}"
    );
}
