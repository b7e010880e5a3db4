//! How files and findings are grouped into feedback, and the overall status.

use std::collections::BTreeMap;

use calamine::{open_workbook, Data, Reader, Xlsx};
use kinbench::report::feedback::{group, Outcome};
use kinbench::schema::Schema;
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
        rule,
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
