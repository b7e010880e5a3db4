//! Exit codes: 0 completed, 1 failed, 2 usage, 3 when `--fail-on` is met.

use super::{kinbench, text, validate_sample};
use crate::run::csv_maps;

#[test]
fn validate_exits_0_whatever_it_found_and_3_with_fail_on() {
    let tmp = tempfile::tempdir().unwrap();
    let plain = validate_sample(tmp.path(), &[]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stderr));
    let rows = csv_maps(&tmp.path().join("checks/findings.csv"));
    assert!(rows.iter().any(|r| r["severity"] == "error"));
    for severity in ["error", "warning"] {
        let out = validate_sample(tmp.path(), &["--fail-on", severity]);
        assert_eq!(out.status.code(), Some(3), "{severity}");
        // The outputs are written all the same.
        assert!(tmp.path().join("checks/findings.csv").is_file());
        assert!(text(&out.stdout).contains("Findings: "));
    }
}

#[test]
fn fail_on_gives_3_exactly_when_findings_of_that_severity_or_worse_exist() {
    let tmp = tempfile::tempdir().unwrap();
    let returns = tmp.path().join("returns");
    // One clean quarter: no planted faults.
    let made = kinbench(&[
        "sample",
        "--out",
        returns.to_str().unwrap(),
        "--from",
        "2025-26 Q2",
        "--to",
        "2025-26 Q2",
    ]);
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));
    let checks = tmp.path().join("checks");
    let validate = |fail_on: &str| {
        kinbench(&[
            "validate",
            returns.to_str().unwrap(),
            "--out",
            checks.to_str().unwrap(),
            "--force",
            "--fail-on",
            fail_on,
        ])
    };
    let on_error = validate("error");
    let rows = csv_maps(&checks.join("findings.csv"));
    let errors = rows.iter().filter(|r| r["severity"] == "error").count();
    let warnings = rows.iter().filter(|r| r["severity"] == "warning").count();
    assert_eq!(errors, 0, "{rows:?}");
    assert_eq!(
        on_error.status.code(),
        Some(0),
        "{}",
        text(&on_error.stderr)
    );
    let on_warning = validate("warning");
    let expected = if warnings > 0 { 3 } else { 0 };
    assert_eq!(
        on_warning.status.code(),
        Some(expected),
        "{warnings} warnings"
    );
}

#[test]
fn a_run_that_cannot_complete_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-folder");
    let out = kinbench(&[
        "validate",
        missing.to_str().unwrap(),
        "--out",
        tmp.path().join("checks").to_str().unwrap(),
        "--fail-on",
        "error",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read returns folder"));
    // No summary for a run that did not complete: a script sees nothing to act on.
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let cases: [&[&str]; 5] = [
        &["frobnicate"],
        &["validate", "returns/", "--out", "x", "--fail-on", "fatal"],
        &["run", "returns/"],
        &["completions", "tcsh"],
        &["explain", "NOPE42"],
    ];
    for args in cases {
        let out = kinbench(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}
