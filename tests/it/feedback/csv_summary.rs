//! findings.csv, the console summary, and reruns.

use kinbench::findings_csv;
use kinbench::report;
use kinbench::schema::Schema;
use kinbench::text_safety::csv_cell;

use super::fixture::{self, HYPERLINK};
use super::{feedback_path, run_report};

#[test]
fn findings_csv_round_trips_every_finding_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let schema = run_report(tmp.path());
    let validation = fixture::validation(&schema);
    let mut reader = csv::Reader::from_path(tmp.path().join("findings.csv")).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        &csv::StringRecord::from(findings_csv::COLUMNS.to_vec())
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), validation.findings.len());
    for (row, f) in rows.iter().zip(&validation.findings) {
        let rule_name = f.rule.rule().name;
        let want = [
            f.la_code.clone().unwrap_or_default(),
            f.la_name.clone().unwrap_or_default(),
            f.period.map(|p| p.to_string()).unwrap_or_default(),
            f.file.clone(),
            f.severity.as_str().to_string(),
            f.rule.to_string(),
            rule_name.to_string(),
            f.items.join(" "),
            f.cell.clone().unwrap_or_default(),
            f.value.clone().unwrap_or_default(),
            f.message.clone(),
            f.action.clone(),
        ];
        assert_eq!(
            row.iter().collect::<Vec<_>>(),
            want.iter().map(|w| csv_cell(w)).collect::<Vec<_>>()
        );
    }
    // A negative number stays as found; text a spreadsheet would run gets a quote.
    assert_eq!(&rows[3][9], "-3");
    assert_eq!(rows[4][9], format!("'{HYPERLINK}"));
}

#[test]
fn rerunning_writes_byte_identical_feedback() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    run_report(a.path());
    run_report(b.path());
    for stem in ["886 Kent", "887 Medway"] {
        for ext in ["xlsx", "txt"] {
            let x = std::fs::read(feedback_path(a.path(), stem, ext)).unwrap();
            let y = std::fs::read(feedback_path(b.path(), stem, ext)).unwrap();
            assert!(x == y, "{stem}.{ext} differs between runs");
        }
    }
    assert_eq!(
        std::fs::read(a.path().join("findings.csv")).unwrap(),
        std::fs::read(b.path().join("findings.csv")).unwrap()
    );
}

#[test]
fn console_summary_counts_returns_names_the_missing_and_ranks_rules() {
    let schema = Schema::bundled().unwrap();
    let v = fixture::validation(&schema);
    let outputs = report::OutputsWritten {
        folder: "out".into(),
        entries: vec![("findings.csv".into(), "6 findings".into())],
        warnings: Vec::new(),
    };
    let want = "\
Region: South East (3 LAs expected)

Returns received (3 files):
  period          used  superseded  unusable  not received
  2025-26 Q2         2           1         0             1

Not received:
  2025-26 Q2: Surrey (936)

Findings: 3 errors, 1 warning, 2 info
Top rules:
       1  FILE018   info     superseded
       1  FILE020   warning  not-received
       1  VAL001    info     number-as-text
       1  VAL004    error    error-value
       1  VAL007    error    negative
       1  VAL009    error    text-value

Written to out:
  findings.csv  6 findings
";
    assert_eq!(report::summary(&v, &outputs), want);
}
