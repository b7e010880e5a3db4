//! File rules from the header block and the file name: template version (FILE014,
//! FILE015), file name (FILE016, FILE017), date completed (FILE019).

use chrono::NaiveDate;
use kinbench::ingest::RawCell;
use kinbench::validate::{filename_findings, ReturnStatus, Severity};

use super::builder::{la, schema, ReturnBuilder};
use super::{check, codes, one};

#[test]
fn file014_and_file015_template_version() {
    let sub = ReturnBuilder::clean()
        .header("template_version", RawCell::Text("2".into()))
        .validate();
    check(
        one(&sub, "FILE014"),
        Severity::Error,
        &[],
        Some("Return!B5"),
        Some("2"),
    );
    assert_eq!(sub.status, ReturnStatus::Unusable);

    let sub = ReturnBuilder::clean()
        .header_blank("template_version")
        .validate();
    let f = one(&sub, "FILE015");
    check(f, Severity::Info, &[], Some("Return!B5"), None);
    assert_eq!(
        f.message,
        "The Template version is blank, so the return was read as version 1, the version in \
         use for its period."
    );
    assert_eq!(sub.status, ReturnStatus::Used);

    for v in [
        RawCell::Text("v1".into()),
        RawCell::Text("1.0".into()),
        RawCell::Number(1.0),
    ] {
        assert_eq!(
            ReturnBuilder::clean()
                .header("template_version", v)
                .validate()
                .findings,
            vec![]
        );
    }
}

#[test]
fn file016_file_name_names_another_la() {
    let kent = la("886");
    let q2 = ReturnBuilder::clean().validate().period;
    for name in [
        "returns/Medway 2025-26 Q2.xlsx",
        "887_2025-26_Q2.xlsx",
        "Medway Council.xlsm",
    ] {
        let found = filename_findings(schema(), name, Some(&kent), q2);
        assert_eq!(
            found.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
            ["FILE016"],
            "{name}"
        );
        let stem = name
            .rsplit('/')
            .next()
            .and_then(|n| n.rsplit_once('.'))
            .map(|(s, _)| s);
        check(&found[0], Severity::Warning, &[], None, stem);
        assert!(
            found[0].message.contains("Medway (887)"),
            "{}",
            found[0].message
        );
    }
    for name in [
        "Kent County Council 2025-26 Q2.xlsx",
        "return.xlsx",
        "886 Q2 2025-26.xlsx",
        "Kent and Medway joint.xlsx",
    ] {
        assert_eq!(
            filename_findings(schema(), name, Some(&kent), q2),
            vec![],
            "{name}"
        );
    }
    // Through a whole return: contents win, the return is still used.
    let sub = ReturnBuilder::clean().validate_as("Medway.xlsx");
    assert_eq!(
        (codes(&sub), sub.status),
        (vec!["FILE016"], ReturnStatus::Used)
    );
}

#[test]
fn file017_file_name_names_another_period() {
    let kent = la("886");
    let q2 = ReturnBuilder::clean().validate().period;
    for name in [
        "Kent 2025-26_Q1.xlsx",
        "Q1 2025-26 Kent.xlsx",
        "Kent (Apr-Jun 2025).xlsx",
    ] {
        let found = filename_findings(schema(), name, Some(&kent), q2);
        assert_eq!(
            found.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
            ["FILE017"],
            "{name}"
        );
        let stem = name.rsplit_once('.').map(|(s, _)| s);
        check(&found[0], Severity::Warning, &[], None, stem);
        assert!(
            found[0]
                .message
                .starts_with("The file name names 2025-26 Q1, but"),
            "{}",
            found[0].message
        );
    }
    for name in [
        "Kent Jul-Sep 2025.xlsx",
        "Kent_2025-26_Q2.xlsx",
        "Kent 2025-26.xlsx",
        "Kent.xlsx",
    ] {
        assert_eq!(
            filename_findings(schema(), name, Some(&kent), q2),
            vec![],
            "{name}"
        );
    }
    // Through a whole return: contents win, the return is still used.
    let sub = ReturnBuilder::clean().validate_as("Kent 2025-26 Q1.xlsx");
    assert_eq!(
        (codes(&sub), sub.status),
        (vec!["FILE017"], ReturnStatus::Used)
    );
    check(
        one(&sub, "FILE017"),
        Severity::Warning,
        &[],
        None,
        Some("Kent 2025-26 Q1"),
    );
}

#[test]
fn file019_date_completed_blank_or_not_a_date() {
    let sub = ReturnBuilder::clean()
        .header_blank("date_completed")
        .validate();
    let f = one(&sub, "FILE019");
    check(f, Severity::Warning, &[], Some("Return!B8"), None);
    assert!(
        f.message.starts_with("Date completed is blank, so"),
        "{}",
        f.message
    );
    assert_eq!((sub.date_completed, sub.status), (None, ReturnStatus::Used));

    let sub = ReturnBuilder::clean()
        .header("date_completed", RawCell::Text("soon".into()))
        .validate();
    check(
        one(&sub, "FILE019"),
        Severity::Warning,
        &[],
        Some("Return!B8"),
        Some("soon"),
    );

    let sub = ReturnBuilder::clean()
        .header("date_completed", RawCell::Text("14 October 2025".into()))
        .validate();
    assert_eq!(
        (sub.findings.len(), sub.date_completed),
        (0, NaiveDate::from_ymd_opt(2025, 10, 14))
    );
}
