//! File rules on one return: unreadable files, sheet, LA and period (FILE001–FILE013).

use chrono::NaiveDate;
use kinbench::ingest::{IngestError, RawCell};
use kinbench::validate::{submission_for_ingest_error, ReturnStatus, Severity};

use super::builder::{schema, ReturnBuilder};
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
fn file024_two_tables_side_by_side_are_refused() {
    let why = "row 7 of sheet `Return` has the heading `Code` twice (again in column F)";
    let sub = submission_for_ingest_error(
        "return.xlsx",
        "ab12",
        &IngestError::AmbiguousTable(why.into()),
    );
    let f = one(&sub, "FILE024");
    check(f, Severity::Error, &[], None, None);
    assert_eq!(
        f.message,
        format!("The return was not read because its table could be read two ways: {why}.")
    );
    assert_eq!(sub.status, ReturnStatus::Unusable);
}

/// Another sheet with the header row beside `Return`: Return is read, and the
/// finding names the other so its values are not lost unseen.
#[test]
fn file022_other_sheets_with_the_header_row_are_named() {
    let mut located = ReturnBuilder::clean().build();
    located.other_return_sheets = vec!["Old copy".into(), "Kent Q1".into()];
    let sub = kinbench::validate::validate_located(
        schema(),
        "return.xlsx",
        &located,
        &super::builder::options(),
    );
    let f = one(&sub, "FILE022");
    check(f, Severity::Warning, &[], None, Some("Return"));
    assert_eq!(
        f.message,
        "The return was read from the sheet \"Return\", named as in the template; the sheets \"Old copy\", \"Kent Q1\" also have the table's header row and were not read."
    );
    assert_eq!(sub.status, ReturnStatus::Used);
    lacks(&ReturnBuilder::clean().validate(), "FILE022");
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

/// Near miss of FILE010: a run of one LA takes that LA's return, and refuses its
/// neighbour's (same region in the lookup, not in this run).
#[test]
fn file010_near_miss_the_one_la_of_the_run() {
    use kinbench::validate::{validate_located, Options};
    let only_kent = Options {
        region: vec![super::builder::la("886")],
        region_name: "Kent alone".into(),
        limits: Default::default(),
    };
    let kent = ReturnBuilder::clean().build();
    let sub = validate_located(schema(), "return.xlsx", &kent, &only_kent);
    assert_eq!((sub.findings.len(), sub.status), (0, ReturnStatus::Used));

    let medway = ReturnBuilder::clean()
        .header("la_code", RawCell::Number(887.0))
        .header("la_name", RawCell::Text("Medway".into()))
        .build();
    let sub = validate_located(schema(), "return.xlsx", &medway, &only_kent);
    assert_eq!(codes(&sub), ["FILE010"]);
    check(one(&sub, "FILE010"), Severity::Error, &[], None, None);
}

/// Near miss of FILE011: spaces only are blank, but a period padded with spaces is a period.
#[test]
fn file011_near_miss_a_padded_period_is_not_blank() {
    let sub = ReturnBuilder::clean()
        .header("period", RawCell::Text(" 2025-26 Q2  ".into()))
        .validate();
    assert_eq!(sub.findings, vec![]);
    assert_eq!(
        sub.period.map(|p| p.to_string()).as_deref(),
        Some("2025-26 Q2")
    );

    let sub = ReturnBuilder::clean()
        .header("period", RawCell::Text("   ".into()))
        .validate();
    assert_eq!(codes(&sub), ["FILE011"]);
    check(
        one(&sub, "FILE011"),
        Severity::Error,
        &[],
        Some("Return!B4"),
        None,
    );
}

/// Near miss of FILE012: accepted spellings are normalised (FILE013), never
/// unrecognised; a quarter that does not exist is.
#[test]
fn file012_near_miss_other_spellings_are_normalised() {
    for spelling in [
        "2025/26 Q2",
        "Q2 2025-26",
        "2025-26 Quarter 2",
        "July to September 2025",
    ] {
        let sub = ReturnBuilder::clean()
            .header("period", RawCell::Text(spelling.into()))
            .validate();
        assert_eq!(codes(&sub), ["FILE013"], "{spelling}");
        assert_eq!(
            (sub.period.map(|p| p.to_string()), sub.status),
            (Some("2025-26 Q2".to_string()), ReturnStatus::Used),
            "{spelling}"
        );
    }
    let sub = ReturnBuilder::clean()
        .header("period", RawCell::Text("2025-26 Q5".into()))
        .validate();
    assert_eq!(codes(&sub), ["FILE012"]);
    check(
        one(&sub, "FILE012"),
        Severity::Error,
        &[],
        Some("Return!B4"),
        Some("2025-26 Q5"),
    );
}
