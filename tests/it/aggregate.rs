//! Tests for the aggregate stage: every expected figure is worked by hand in the
//! comments beside it. Validations are built directly, without spreadsheets.

mod counts;
mod every_metric;
mod exclusions;
mod funnel;
mod over_time;
mod robust;

use std::collections::BTreeMap;

use kinbench::period::Period;
use kinbench::schema::{La, Schema};
use kinbench::validate::{ItemValue, ReturnStatus, Submission, Validation, ValueStatus};

pub fn schema() -> Schema {
    Schema::bundled().expect("bundled schema")
}

pub fn p(text: &str) -> Period {
    Period::parse(text).expect("period").0
}

/// The first `n` South East LAs, in lookup order: 867 Bracknell Forest, 846 Brighton and Hove,
/// 825 Buckinghamshire, 845 East Sussex, 850 Hampshire, 921 Isle of Wight, 886 Kent,
/// 887 Medway, 826 Milton Keynes, 931 Oxfordshire, ...
pub fn region(schema: &Schema, n: usize) -> Vec<La> {
    schema
        .las
        .region("South East")
        .expect("region")
        .into_iter()
        .take(n)
        .cloned()
        .collect()
}

pub fn la<'a>(region: &'a [La], code: &str) -> &'a La {
    region
        .iter()
        .find(|l| l.code == code)
        .expect("LA in region")
}

/// A used return: the given items usable with their values, every other item blank.
pub fn used(schema: &Schema, la: &La, period: Period, values: &[(&str, f64)]) -> Submission {
    let mut map = BTreeMap::new();
    for (row, item) in schema.items.iter().enumerate() {
        let given = values
            .iter()
            .find(|(c, _)| *c == item.code)
            .map(|(_, v)| *v);
        map.insert(
            item.code.clone(),
            ItemValue {
                code: item.code.clone(),
                cell: Some(format!("Return!C{}", row + 12)),
                as_found: given.map(|v| v.to_string()).unwrap_or_default(),
                status: if given.is_some() {
                    ValueStatus::Used
                } else {
                    ValueStatus::Blank
                },
                value: given,
                note: None,
            },
        );
    }
    Submission {
        file: format!("{}_{}.xlsx", la.code, period.slug()),
        sha256: String::new(),
        format: None,
        la: Some(la.clone()),
        period: Some(period),
        date_completed: None,
        completed_by: None,
        email: None,
        status: ReturnStatus::Used,
        template_version: Some(1),
        values: map,
        findings: Vec::new(),
    }
}

/// Sets an item's status (not usable: its value is dropped).
pub fn with_status(mut s: Submission, code: &str, status: ValueStatus) -> Submission {
    if let Some(v) = s.values.get_mut(code) {
        v.status = status;
        v.value = None;
        v.as_found = "x".to_string();
    }
    s
}

/// The validation of these submissions for this region: periods are those of the used returns.
pub fn validation(region: Vec<La>, mut submissions: Vec<Submission>) -> Validation {
    submissions.sort_by(|a, b| a.file.cmp(&b.file));
    let mut periods: Vec<Period> = submissions
        .iter()
        .filter(|s| s.status == ReturnStatus::Used)
        .filter_map(|s| s.period)
        .collect();
    periods.sort();
    periods.dedup();
    let mut not_received = Vec::new();
    for &period in &periods {
        for la in &region {
            let got = submissions.iter().any(|s| {
                s.status == ReturnStatus::Used
                    && s.period == Some(period)
                    && s.la.as_ref() == Some(la)
            });
            if !got {
                not_received.push((la.clone(), period));
            }
        }
    }
    Validation {
        region,
        region_name: "South East".to_string(),
        periods,
        submissions,
        not_received,
        findings: Vec::new(),
    }
}

/// Equal to 1e-9: the figures are worked to more places than that in the comments.
#[track_caller]
pub fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

/// Equal to `places` decimals.
#[track_caller]
pub fn close_to(actual: f64, expected: f64, places: i32) {
    let tol = 0.5 * 10f64.powi(-places);
    assert!(
        (actual - expected).abs() <= tol,
        "{actual} != {expected} to {places} places"
    );
}
