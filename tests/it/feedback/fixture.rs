//! A small run built by hand: Kent accepted with an info finding, Medway with
//! errors and a superseded file, Surrey not received.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use kinbench::period::Period;
use kinbench::schema::{La, Schema, Unit};
use kinbench::validate::rules::Code;
use kinbench::validate::{
    Finding, ItemValue, ReturnStatus, Severity, Submission, Validation, ValueStatus,
};

pub const HYPERLINK: &str = "=HYPERLINK(\"x\")";
/// Kent's contact, as its return gives it.
pub const KENT_EMAIL: &str = "k.officer@kent.gov.uk";
/// Medway's Email, not an address.
pub const MEDWAY_EMAIL: &str = "m.officer at medway\r\nBcc: all@medway.gov.uk";

pub fn q2() -> Period {
    Period::new(2025, 2).unwrap()
}

pub fn la(schema: &Schema, code: &str) -> La {
    schema.las.by_code(code).unwrap().clone()
}

#[allow(clippy::too_many_arguments)]
pub fn finding(
    la: &La,
    file: &str,
    severity: Severity,
    rule: &'static str,
    items: &[&str],
    cell: Option<&str>,
    value: Option<&str>,
    message: &str,
    action: &str,
) -> Finding {
    Finding {
        la_code: Some(la.code.clone()),
        la_name: Some(la.name.clone()),
        period: Some(q2()),
        file: file.to_string(),
        severity,
        rule: Code::parse(rule).expect("a catalogue code"),
        items: items.iter().map(|s| s.to_string()).collect(),
        cell: cell.map(str::to_string),
        value: value.map(str::to_string),
        message: message.to_string(),
        action: action.to_string(),
    }
}

/// Item i (template order) is in row 12 + i, its value `i + 1` (FTE items `i + 0.5`).
pub fn expected_value(schema: &Schema, i: usize) -> f64 {
    match schema.items[i].unit {
        Unit::Fte => i as f64 + 0.5,
        Unit::Count => i as f64 + 1.0,
    }
}

pub fn cell_of(i: usize) -> String {
    format!("Return!C{}", 12 + i)
}

fn all_used(schema: &Schema) -> BTreeMap<String, ItemValue> {
    let mut values = BTreeMap::new();
    for (i, item) in schema.items.iter().enumerate() {
        let v = expected_value(schema, i);
        values.insert(
            item.code.clone(),
            ItemValue {
                code: item.code.clone(),
                cell: Some(cell_of(i)),
                as_found: format!("{v}"),
                status: ValueStatus::Used,
                value: Some(v),
                note: None,
            },
        );
    }
    values
}

fn reject(values: &mut BTreeMap<String, ItemValue>, code: &str, as_found: &str) {
    let v = values.get_mut(code).unwrap();
    v.as_found = as_found.to_string();
    v.status = ValueStatus::Rejected;
    v.value = None;
}

fn submission(
    file: &str,
    la: &La,
    date: (i32, u32, u32),
    status: ReturnStatus,
    values: BTreeMap<String, ItemValue>,
    findings: Vec<Finding>,
) -> Submission {
    Submission {
        file: file.to_string(),
        sha256: format!("{:0>64}", file.len()),
        format: None,
        la: Some(la.clone()),
        period: Some(q2()),
        date_completed: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        completed_by: None,
        email: None,
        status,
        template_version: Some(1),
        values,
        findings,
    }
}

pub fn validation(schema: &Schema) -> Validation {
    let (kent, medway, surrey) = (la(schema, "886"), la(schema, "887"), la(schema, "936"));

    let mut kent_values = all_used(schema);
    let b01 = schema.item_index("B01");
    kent_values.get_mut("B01").unwrap().as_found = "1,234".to_string();
    kent_values.get_mut("B01").unwrap().value = Some(1234.0);
    kent_values.get_mut("B01").unwrap().note = Some("includes @SUM of two teams".to_string());
    let kent_findings = vec![finding(
        &kent,
        "kent_q2.xlsx",
        Severity::Info,
        "VAL001",
        &["B01"],
        Some(&cell_of(b01)),
        Some("1,234"),
        "B01 was typed as text \"1,234\"; read as 1234.",
        "Nothing to do; type numbers as numbers next time.",
    )];

    let mut medway_values = all_used(schema);
    reject(&mut medway_values, "A01", "#REF!");
    reject(&mut medway_values, "A02", HYPERLINK);
    reject(&mut medway_values, "A03", "-3");
    let v2 = "medway_q2_v2.xlsx";
    let medway_findings = vec![
        finding(
            &medway,
            v2,
            Severity::Error,
            "VAL004",
            &["A01"],
            Some("Return!C12"),
            Some("#REF!"),
            "A01 holds the Excel error #REF!.",
            "Fix the formula or type the number.",
        ),
        finding(
            &medway,
            v2,
            Severity::Error,
            "VAL007",
            &["A03"],
            Some("Return!C14"),
            Some("-3"),
            "A03 is negative (-3).",
            "Give a count of 0 or more.",
        ),
        finding(
            &medway,
            v2,
            Severity::Error,
            "VAL009",
            &["A02"],
            Some("Return!C13"),
            Some(HYPERLINK),
            "A02 holds text that is not a number.",
            "Type the number of children.",
        ),
    ];
    let old_findings = vec![finding(
        &medway,
        "medway_q2.xlsx",
        Severity::Info,
        "FILE018",
        &[],
        None,
        None,
        "Replaced by medway_q2_v2.xlsx, completed later.",
        "",
    )];
    let surrey_finding = finding(
        &surrey,
        "",
        Severity::Warning,
        "FILE020",
        &[],
        None,
        None,
        "No return from Surrey for 2025-26 Q2.",
        "Send the return.",
    );

    let mut submissions = vec![
        submission(
            "kent_q2.xlsx",
            &kent,
            (2025, 10, 14),
            ReturnStatus::Used,
            kent_values,
            kent_findings.clone(),
        ),
        submission(
            "medway_q2.xlsx",
            &medway,
            (2025, 10, 10),
            ReturnStatus::Superseded,
            all_used(schema),
            old_findings.clone(),
        ),
        submission(
            v2,
            &medway,
            (2025, 10, 20),
            ReturnStatus::Used,
            medway_values,
            medway_findings.clone(),
        ),
    ];
    // Kent's Email is an address; Medway's latest is a slip, its first has none.
    submissions[0].email = Some(KENT_EMAIL.to_string());
    submissions[2].email = Some(MEDWAY_EMAIL.to_string());
    let mut findings = kent_findings;
    findings.extend(old_findings);
    findings.extend(medway_findings);
    findings.push(surrey_finding);
    Validation {
        region: vec![kent, medway, surrey.clone()],
        region_name: "South East".to_string(),
        periods: vec![q2()],
        submissions,
        not_received: vec![(surrey, q2())],
        findings,
    }
}

/// Writes the report for `validation` as `kinbench validate` does (internal mode).
pub fn write_report(schema: &Schema, validation: &Validation, dir: &std::path::Path) {
    use kinbench::report::{Presenter, RunContext, RunInfo};
    let info = RunInfo {
        tool: RunInfo::tool_name(),
        schema_origin: schema.origin.clone(),
        region_name: validation.region_name.clone(),
        period: None,
        as_of: RunInfo::as_of(validation, None),
        mail: Default::default(),
    };
    let presenter = Presenter::internal();
    let ctx = RunContext {
        schema,
        validation,
        benchmark: None,
        presenter: &presenter,
        info: &info,
        ticks: Default::default(),
    };
    kinbench::report::write_report(&ctx, dir).unwrap();
}
