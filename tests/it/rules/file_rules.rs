//! File rules FILE001–FILE017 and FILE019 on one return (FILE018 and FILE020 are in `run`).

use chrono::NaiveDate;
use kinbench::ingest::{IngestError, RawCell};
use kinbench::validate::{filename_findings, submission_for_ingest_error, ReturnStatus, Severity};

use super::builder::{la, schema, ReturnBuilder};
use super::{check, codes, lacks, one};

#[test]
fn clean_return_has_no_findings_and_is_used() {
    let sub = ReturnBuilder::clean().validate();
    assert_eq!(sub.findings, vec![]);
    assert_eq!(sub.status, ReturnStatus::Used);
    assert_eq!(sub.la.as_ref().map(|l| l.name.as_str()), Some("Kent"));
    assert_eq!(
        sub.period.map(|p| p.to_string()),
        Some("2025-26 Q2".to_string())
    );
    assert_eq!(sub.date_completed, NaiveDate::from_ymd_opt(2025, 10, 14));
    assert_eq!(sub.completed_by.as_deref(), Some("A. Officer"));
    assert_eq!(sub.email.as_deref(), Some("a.officer@kent.gov.uk"));
    assert_eq!(sub.values.len(), schema().items.len());
    assert_eq!(sub.usable("B01"), Some(150.0));
    assert_eq!(sub.usable("G01"), Some(12.5));
    assert_eq!(sub.values["B01"].cell.as_deref(), Some("Return!C17"));
    assert_eq!(sub.values["A01"].cell.as_deref(), Some("Return!C12"));
    assert_eq!(sub.values["G02"].cell.as_deref(), Some("Return!C49"));
    let noted = ReturnBuilder::clean()
        .note("E06", "kinship carer moved away")
        .validate();
    assert_eq!(
        noted.values["E06"].note.as_deref(),
        Some("kinship carer moved away")
    );
    assert_eq!(sub.values["E06"].note, None);
}

#[test]
fn unreadable_files_map_to_file001_to_file005() {
    let cases = [
        (
            IngestError::UnsupportedType("pdf".into()),
            "FILE001",
            Some("pdf"),
            "(.pdf)",
        ),
        (
            IngestError::NotASpreadsheet("no workbook inside".into()),
            "FILE002",
            None,
            "no workbook inside",
        ),
        (
            IngestError::Corrupt("truncated zip".into()),
            "FILE002",
            None,
            "damaged (truncated zip)",
        ),
        (
            IngestError::Io("permission denied".into()),
            "FILE002",
            None,
            "permission denied",
        ),
        (
            IngestError::Protected,
            "FILE003",
            None,
            "password-protected",
        ),
        (
            IngestError::TooLarge("900000 cells".into()),
            "FILE004",
            None,
            "900000 cells",
        ),
        (
            IngestError::NotAReturn("no Code/Value header row".into()),
            "FILE005",
            None,
            "no Code/Value header row",
        ),
    ];
    for (err, code, value, says) in cases {
        let sub = submission_for_ingest_error("Kent/return.pdf", "ab12", &err);
        assert_eq!(codes(&sub), [code], "{err:?}");
        check(one(&sub, code), Severity::Error, &[], None, value);
        assert!(
            sub.findings[0].message.contains(says),
            "{}",
            sub.findings[0].message
        );
        assert_eq!(sub.findings[0].file, "Kent/return.pdf");
        assert_eq!(
            (sub.status, sub.values.len(), sub.sha256.as_str()),
            (ReturnStatus::Unusable, 0, "ab12")
        );
    }
}

#[test]
fn file006_sheet_not_named_as_template() {
    let sub = ReturnBuilder::clean()
        .sheet("Kinship Q2")
        .set("C03", RawCell::Text("n/a".into()))
        .validate();
    check(
        one(&sub, "FILE006"),
        Severity::Info,
        &[],
        None,
        Some("Kinship Q2"),
    );
    assert_eq!(
        one(&sub, "VAL002").cell.as_deref(),
        Some("'Kinship Q2'!C27")
    );
    assert_eq!(sub.status, ReturnStatus::Used);
    lacks(
        &ReturnBuilder::clean().sheet(" return ").validate(),
        "FILE006",
    );
}

#[test]
fn file007_la_code_blank_still_types_values() {
    let sub = ReturnBuilder::clean()
        .header("la_code", RawCell::Text("  ".into()))
        .set("C03", RawCell::Text("tbc".into()))
        .validate();
    check(
        one(&sub, "FILE007"),
        Severity::Error,
        &[],
        Some("Return!B3"),
        None,
    );
    assert_eq!(sub.status, ReturnStatus::Unusable);
    assert_eq!(sub.la, None);
    check(
        one(&sub, "VAL002"),
        Severity::Warning,
        &["C03"],
        Some("Return!C27"),
        Some("tbc"),
    );
    lacks(
        &ReturnBuilder::clean()
            .header("la_code", RawCell::Text("886".into()))
            .validate(),
        "FILE007",
    );
}

#[test]
fn file008_la_code_unknown() {
    let sub = ReturnBuilder::clean()
        .header("la_code", RawCell::Number(999.0))
        .validate();
    check(
        one(&sub, "FILE008"),
        Severity::Error,
        &[],
        Some("Return!B3"),
        Some("999"),
    );
    assert_eq!(sub.status, ReturnStatus::Unusable);
    assert_eq!(sub.findings[0].la_code, None);
    let ok = ReturnBuilder::clean()
        .header("la_code", RawCell::Text(" 886.0 ".into()))
        .validate();
    assert_eq!(ok.findings, vec![]);
}

#[test]
fn file009_la_name_disagrees_with_code() {
    let sub = ReturnBuilder::clean()
        .header("la_name", RawCell::Text("Medway Council".into()))
        .validate();
    let f = one(&sub, "FILE009");
    check(
        f,
        Severity::Error,
        &[],
        Some("Return!B2"),
        Some("Medway Council"),
    );
    assert_eq!(
        f.message,
        "The LA code is for Kent, but the Local authority cell says \"Medway Council\", which is Medway (887); the return was not used."
    );
    assert_eq!(
        (f.la_code.as_deref(), sub.status),
        (Some("886"), ReturnStatus::Unusable)
    );

    let unknown = ReturnBuilder::clean()
        .header("la_name", RawCell::Text("Kentish Town".into()))
        .validate();
    assert!(one(&unknown, "FILE009")
        .message
        .contains("not a local authority name kinbench recognises"));

    for fine in ["Kent County Council", " kent "] {
        lacks(
            &ReturnBuilder::clean()
                .header("la_name", RawCell::Text(fine.into()))
                .validate(),
            "FILE009",
        );
    }
    lacks(
        &ReturnBuilder::clean().header_blank("la_name").validate(),
        "FILE009",
    );
}

#[test]
fn file010_la_outside_the_region() {
    let sub = ReturnBuilder::clean()
        .header("la_code", RawCell::Number(301.0))
        .header("la_name", RawCell::Text("Barking & Dagenham".into()))
        .validate();
    let f = one(&sub, "FILE010");
    check(f, Severity::Error, &[], None, None);
    assert_eq!(f.message, "Barking and Dagenham is not one of the local authorities in this run (South East), so the return was not used.");
    assert_eq!(sub.status, ReturnStatus::Unusable);
    lacks(&sub, "FILE009");
}

#[test]
fn file011_and_file012_period_blank_or_unrecognised() {
    let sub = ReturnBuilder::clean().header_blank("period").validate();
    check(
        one(&sub, "FILE011"),
        Severity::Error,
        &[],
        Some("Return!B4"),
        None,
    );
    assert_eq!((sub.period, sub.status), (None, ReturnStatus::Unusable));

    let sub = ReturnBuilder::clean()
        .header("period", RawCell::Text("Autumn 2025".into()))
        .validate();
    check(
        one(&sub, "FILE012"),
        Severity::Error,
        &[],
        Some("Return!B4"),
        Some("Autumn 2025"),
    );
    lacks(&sub, "FILE011");
    assert_eq!(sub.status, ReturnStatus::Unusable);
}

#[test]
fn file013_period_normalised() {
    let sub = ReturnBuilder::clean()
        .header("period", RawCell::Text("Jul-Sep 2025".into()))
        .validate();
    let f = one(&sub, "FILE013");
    check(
        f,
        Severity::Info,
        &[],
        Some("Return!B4"),
        Some("Jul-Sep 2025"),
    );
    assert_eq!(
        f.message,
        "The Period \"Jul-Sep 2025\" was read as 2025-26 Q2."
    );
    assert_eq!((codes(&sub).len(), sub.status), (1, ReturnStatus::Used));
    lacks(&ReturnBuilder::clean().validate(), "FILE013");
}

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
    check(f, Severity::Warning, &[], Some("Return!B5"), None);
    assert_eq!(
        f.message,
        "The Template version is blank, so the return was read as version 1."
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
            found.iter().map(|f| f.rule).collect::<Vec<_>>(),
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
            found.iter().map(|f| f.rule).collect::<Vec<_>>(),
            ["FILE017"],
            "{name}"
        );
        assert_eq!(found[0].severity, Severity::Warning);
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
