//! How files and findings are grouped into feedback, and the overall status.

use std::collections::BTreeMap;

use calamine::{open_workbook, Data, Reader, Xlsx};
use kinbench::report::feedback::{group, Outcome};
use kinbench::schema::Schema;
use kinbench::validate::rules::Code;
use kinbench::validate::{Finding, ReturnStatus, Severity, Submission};

use super::fixture;

fn unidentified(file: &str) -> Submission {
    Submission {
        file: file.to_string(),
        sha256: "ab".repeat(32),
        format: None,
        la: None,
        period: None,
        date_completed: None,
        completed_by: None,
        email: None,
        status: ReturnStatus::Unusable,
        template_version: None,
        values: BTreeMap::new(),
        findings: Vec::new(),
    }
}

fn file_finding(file: &str, rule: &'static str, severity: Severity) -> Finding {
    Finding {
        la_code: None,
        la_name: None,
        period: None,
        file: file.to_string(),
        severity,
        rule: Code::parse(rule).expect("a catalogue code"),
        items: vec![],
        cell: None,
        value: None,
        message: "The file cannot be opened.".to_string(),
        action: "Save it again as .xlsx and resend it.".to_string(),
    }
}

#[test]
fn the_status_follows_the_used_return_only() {
    let schema = Schema::bundled().unwrap();
    let mut v = fixture::validation(&schema);
    let groups = group(&v);
    let outcomes: Vec<(String, Outcome)> = groups
        .iter()
        .map(|g| (g.file_stem(), g.outcome()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("886 Kent".to_string(), Outcome::Accepted),
            ("887 Medway".to_string(), Outcome::ResubmissionNeeded)
        ]
    );

    // A warning on the superseded file does not count; one on the used file does.
    v.findings[1].severity = Severity::Warning;
    assert_eq!(group(&v)[1].outcome(), Outcome::ResubmissionNeeded);
    v.findings.retain(|f| f.severity != Severity::Error);
    assert_eq!(group(&v)[1].outcome(), Outcome::Accepted);
    v.findings[0].severity = Severity::Warning;
    assert_eq!(group(&v)[0].outcome(), Outcome::AcceptedWithWarnings);
}

#[test]
fn an_unidentified_file_gets_its_own_feedback_showing_nothing_was_read() {
    let schema = Schema::bundled().unwrap();
    let mut v = fixture::validation(&schema);
    v.submissions.push(unidentified("sub/broken.xlsx"));
    v.findings
        .push(file_finding("sub/broken.xlsx", "FILE002", Severity::Error));
    let groups = group(&v);
    assert_eq!(groups.len(), 3);
    let last = &groups[2];
    assert_eq!(last.file_stem(), "unidentified - sub_broken.xlsx");
    assert_eq!(last.outcome(), Outcome::ResubmissionNeeded);
    assert_eq!(last.findings.len(), 1);

    let tmp = tempfile::tempdir().unwrap();
    super::fixture::write_report(&schema, &v, tmp.path());
    let path = tmp
        .path()
        .join("feedback/period unknown/unidentified - sub_broken.xlsx.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let values = book.worksheet_range("Values used").unwrap();
    assert_eq!(values.height(), schema.items.len() + 1);
    assert_eq!(
        values.get_value((1, 3)),
        Some(&Data::String("not read".to_string()))
    );
    assert_eq!(
        values.get_value((1, 5)),
        Some(&Data::String("no return could be read".to_string()))
    );
    let text = std::fs::read_to_string(path.with_extension("txt")).unwrap();
    assert!(text.contains(
        "- sub/broken.xlsx — The file cannot be opened. — What to do: Save it again as .xlsx and resend it."
    ));
    assert!(
        text.contains("return for an unidentified local authority, an unidentified period."),
        "{text}"
    );
}

/// A return read but not used (LA code of Kent, name of Medway: FILE009) is
/// shown on the Values used sheet, each value labelled as not used.
#[test]
fn values_of_a_return_that_was_not_used_are_labelled_not_used() {
    use kinbench::template::{place, write_return, CellInput, ReturnContent};
    use kinbench::validate::{validate_folder, Options};

    let schema = Schema::bundled().unwrap();
    let kent = fixture::la(&schema, "886");
    let mut content = ReturnContent::template(&schema, &kent, fixture::q2());
    for (i, item) in schema.items.iter().enumerate() {
        content
            .values
            .insert(item.code.clone(), CellInput::Number(i as f64 + 1.0));
    }
    content
        .header
        .insert("la_name".into(), CellInput::Text("Medway".into()));
    let placement = place(&schema, &content);
    let returns = tempfile::tempdir().unwrap();
    write_return(&schema, &content, &returns.path().join("kent.xlsx")).unwrap();
    let options = Options {
        region: vec![kent.clone(), fixture::la(&schema, "887")],
        region_name: "Kent and Medway".into(),
        limits: Default::default(),
    };
    let v = validate_folder(&schema, returns.path(), &options).unwrap();
    assert_eq!(v.submissions[0].status, ReturnStatus::Unusable);
    assert!(v.findings.iter().any(|f| f.rule == "FILE009"), "{v:#?}");

    let out = tempfile::tempdir().unwrap();
    fixture::write_report(&schema, &v, out.path());
    let path = out.path().join("feedback/2025-26 Q2/886 Kent.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let values = book.worksheet_range("Values used").unwrap();
    assert_eq!(values.height(), schema.items.len() + 1);
    for (i, item) in schema.items.iter().enumerate() {
        let r = i as u32 + 1;
        let cell = placement.value_ref(&item.code).unwrap().to_string();
        assert_eq!(
            (
                values.get_value((r, 0)),
                values.get_value((r, 2)),
                values.get_value((r, 3)),
                values.get_value((r, 4)),
            ),
            (
                Some(&Data::String(item.code.clone())),
                Some(&Data::Float(i as f64 + 1.0)),
                Some(&Data::String(
                    "not used: the return could not be used".into()
                )),
                Some(&Data::String(cell)),
            ),
            "{}",
            item.code
        );
    }
    let text = std::fs::read_to_string(path.with_extension("txt")).unwrap();
    assert!(text.contains("- kent.xlsx — could not be used"), "{text}");
}

/// The used return's values still read "used"; a superseded return is never
/// shown while its replacement is used.
#[test]
fn values_of_the_used_return_read_used_not_the_superseded_ones() {
    let schema = Schema::bundled().unwrap();
    let v = fixture::validation(&schema);
    let groups = group(&v);
    let medway = &groups[1];
    assert_eq!(
        medway.shown().map(|s| s.file.as_str()),
        Some("medway_q2_v2.xlsx")
    );
    assert_eq!(medway.shown_not_used(), None);

    // Were the used return to drop out, the superseded one shown says so.
    let mut v = fixture::validation(&schema);
    v.submissions.retain(|s| s.file != "medway_q2_v2.xlsx");
    let groups = group(&v);
    assert_eq!(
        groups[1].shown().map(|s| s.file.as_str()),
        Some("medway_q2.xlsx")
    );
    assert_eq!(
        groups[1].shown_not_used(),
        Some("not used: superseded by a later return")
    );
    let out = tempfile::tempdir().unwrap();
    fixture::write_report(&schema, &v, out.path());
    let mut book: Xlsx<_> =
        open_workbook(out.path().join("feedback/2025-26 Q2/887 Medway.xlsx")).unwrap();
    let values = book.worksheet_range("Values used").unwrap();
    assert_eq!(
        values.get_value((1, 3)),
        Some(&Data::String(
            "not used: superseded by a later return".into()
        ))
    );
}
