//! Run-level steps on hand-built returns: resubmissions (FILE018), changes from
//! the previous quarter (PLAUS003), returns not received (FILE020), the folder walk.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use kinbench::ingest::RawCell;
use kinbench::validate::{finish, ReturnStatus, Severity, Submission, Validation};

use super::builder::{options, schema, ReturnBuilder};
use super::{check, codes, lacks, one};

fn at(secs: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_750_000_000 + secs)
}

fn run(subs: Vec<Submission>, mtimes: &[(&str, u64)]) -> Validation {
    let mtimes: BTreeMap<String, SystemTime> = mtimes
        .iter()
        .map(|(f, s)| (f.to_string(), at(*s)))
        .collect();
    finish(schema(), &options(), subs, &mtimes)
}

fn kent(date: &str, file: &str) -> Submission {
    ReturnBuilder::clean()
        .header("date_completed", RawCell::Text(date.into()))
        .validate_as(file)
}

fn status_of(v: &Validation, file: &str) -> (ReturnStatus, Vec<&'static str>) {
    let s = v
        .submissions
        .iter()
        .find(|s| s.file == file)
        .expect("file in run");
    (s.status, codes(s))
}

#[test]
fn file018_latest_date_completed_wins() {
    // The later date wins even though its file is older and sorts first.
    let v = run(
        vec![kent("2025-10-20", "a.xlsx"), kent("2025-10-14", "b.xlsx")],
        &[("a.xlsx", 1), ("b.xlsx", 9)],
    );
    assert_eq!(status_of(&v, "a.xlsx"), (ReturnStatus::Used, vec![]));
    assert_eq!(
        status_of(&v, "b.xlsx"),
        (ReturnStatus::Superseded, vec!["FILE018"])
    );
    let loser = v
        .submissions
        .iter()
        .find(|s| s.file == "b.xlsx")
        .expect("b");
    let f = one(loser, "FILE018");
    check(f, Severity::Info, &[], None, None);
    assert_eq!(
        f.message,
        "This return was replaced by the return in \"a.xlsx\" (Date completed 2025-10-20, later than this return's 2025-10-14) for the same LA and period, so it was not used."
    );
    assert_eq!(
        v.used("886", v.periods[0]).map(|s| s.file.as_str()),
        Some("a.xlsx")
    );
}

#[test]
fn file018_ties_go_to_the_newer_file_then_the_later_name() {
    let v = run(
        vec![kent("2025-10-14", "a.xlsx"), kent("2025-10-14", "b.xlsx")],
        &[("a.xlsx", 9), ("b.xlsx", 1)],
    );
    assert_eq!(status_of(&v, "a.xlsx").0, ReturnStatus::Used);
    assert_eq!(
        status_of(&v, "b.xlsx"),
        (ReturnStatus::Superseded, vec!["FILE018"])
    );

    let v = run(
        vec![kent("2025-10-14", "b.xlsx"), kent("2025-10-14", "a.xlsx")],
        &[("a.xlsx", 5), ("b.xlsx", 5)],
    );
    assert_eq!(status_of(&v, "b.xlsx").0, ReturnStatus::Used);
    assert_eq!(
        status_of(&v, "a.xlsx"),
        (ReturnStatus::Superseded, vec!["FILE018"])
    );
    // Submissions come back sorted by file.
    assert_eq!(
        v.submissions
            .iter()
            .map(|s| s.file.as_str())
            .collect::<Vec<_>>(),
        ["a.xlsx", "b.xlsx"]
    );
}

#[test]
fn file018_only_among_usable_returns_of_the_same_la_and_period() {
    let unusable = ReturnBuilder::clean()
        .header("date_completed", RawCell::Text("2025-12-01".into()))
        .header_blank("template_version")
        .header("la_name", RawCell::Text("Medway".into()))
        .validate_as("c.xlsx");
    let q1 = ReturnBuilder::clean()
        .for_period("2025-26 Q1")
        .validate_as("q1.xlsx");
    let v = run(vec![kent("2025-10-14", "a.xlsx"), unusable, q1], &[]);
    assert_eq!(status_of(&v, "a.xlsx"), (ReturnStatus::Used, vec![]));
    assert_eq!(status_of(&v, "c.xlsx").0, ReturnStatus::Unusable);
    assert_eq!(status_of(&v, "q1.xlsx"), (ReturnStatus::Used, vec![]));
    assert!(v.findings.iter().all(|f| f.rule != "FILE018"));
}

/// The clean return for 2025-26 Q1 (C03 = 12), and Q2 with C03 as given, run together.
fn q1_then_q2_with_c03(c03: RawCell) -> Validation {
    let q1 = ReturnBuilder::clean()
        .for_period("2025-26 Q1")
        .validate_as("q1.xlsx");
    let q2 = ReturnBuilder::clean()
        .set("C03", c03)
        .validate_as("q2.xlsx");
    run(vec![q1, q2], &[])
}

fn q2_of(v: &Validation) -> &Submission {
    v.submissions
        .iter()
        .find(|s| s.file == "q2.xlsx")
        .expect("q2")
}

#[test]
fn plaus003_large_change_from_the_previous_quarter() {
    let v = q1_then_q2_with_c03(RawCell::Number(20.0));
    assert_eq!(status_of(&v, "q1.xlsx"), (ReturnStatus::Used, vec![]));
    let cur = q2_of(&v);
    let f = one(cur, "PLAUS003");
    check(
        f,
        Severity::Warning,
        &["C03"],
        Some("Return!C27"),
        Some("20"),
    );
    assert_eq!(
        f.message,
        "C03 is 20 this quarter, against 12 in 2025-26 Q1 (up 8, 67%)."
    );
    assert_eq!(
        f.period.map(|p| p.to_string()).as_deref(),
        Some("2025-26 Q2")
    );
    assert_eq!(codes(cur), ["PLAUS003"]);
}

/// A value typed as text: the message states the number read, not the text.
#[test]
fn plaus003_states_the_number_read_from_text() {
    let v = q1_then_q2_with_c03(RawCell::Text(" 20 ".into()));
    let cur = q2_of(&v);
    let f = one(cur, "PLAUS003");
    assert_eq!(f.value.as_deref(), Some(" 20 "));
    assert_eq!(
        f.message,
        "C03 is 20 this quarter, against 12 in 2025-26 Q1 (up 8, 67%)."
    );
}

#[test]
fn plaus003_not_for_small_changes_or_unused_returns() {
    // 12 → 17: at least 5, but not more than half of 12.
    let q1 = ReturnBuilder::clean()
        .for_period("2025-26 Q1")
        .validate_as("q1.xlsx");
    let q2 = ReturnBuilder::clean()
        .set("C03", RawCell::Number(17.0))
        .validate_as("q2.xlsx");
    assert!(run(vec![q1, q2], &[])
        .findings
        .iter()
        .all(|f| f.rule != "PLAUS003"));
    // 0 → 4: more than half, but less than 5.
    let q1 = ReturnBuilder::clean()
        .for_period("2025-26 Q1")
        .set("C03", RawCell::Number(0.0))
        .validate_as("q1.xlsx");
    let q2 = ReturnBuilder::clean()
        .set("C03", RawCell::Number(4.0))
        .validate_as("q2.xlsx");
    assert!(run(vec![q1, q2], &[])
        .findings
        .iter()
        .all(|f| f.rule != "PLAUS003"));
    // The previous quarter's return was superseded by one with the same figure.
    let q1_old = ReturnBuilder::clean()
        .for_period("2025-26 Q1")
        .set("C03", RawCell::Number(2.0))
        .header("date_completed", RawCell::Text("2025-07-01".into()))
        .validate_as("q1 old.xlsx");
    let q1_new = ReturnBuilder::clean()
        .for_period("2025-26 Q1")
        .validate_as("q1 new.xlsx");
    let q2 = ReturnBuilder::clean().validate_as("q2.xlsx");
    let v = run(vec![q1_old, q1_new, q2], &[]);
    assert_eq!(status_of(&v, "q1 old.xlsx").0, ReturnStatus::Superseded);
    lacks(
        v.submissions
            .iter()
            .find(|s| s.file == "q2.xlsx")
            .expect("q2"),
        "PLAUS003",
    );
}

#[test]
fn file020_region_las_with_no_usable_return_in_a_run_period() {
    let q2 = ReturnBuilder::clean().validate_as("kent.xlsx");
    let medway_bad = ReturnBuilder::clean()
        .header("la_code", RawCell::Number(887.0))
        .header("la_name", RawCell::Text("Medway".into()))
        .header_blank("period")
        .validate_as("medway.xlsx");
    let v = run(vec![q2, medway_bad], &[]);
    assert_eq!(
        v.periods.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        ["2025-26 Q2"]
    );
    assert_eq!(v.not_received.len(), 18);
    assert!(v.not_received.iter().all(|(la, _)| la.code != "886"));
    assert!(v.not_received.iter().any(|(la, _)| la.code == "887"));
    let medway: Vec<_> = v
        .findings
        .iter()
        .filter(|f| f.rule == "FILE020" && f.la_code.as_deref() == Some("887"))
        .collect();
    assert_eq!(medway.len(), 1);
    check(medway[0], Severity::Warning, &[], None, None);
    assert_eq!(
        (medway[0].file.as_str(), medway[0].la_name.as_deref()),
        ("", Some("Medway"))
    );
    assert_eq!(
        medway[0].message,
        "No usable return was received from Medway for 2025-26 Q2."
    );
    assert_eq!(
        v.findings.iter().filter(|f| f.rule == "FILE020").count(),
        18
    );
}

#[test]
fn run_findings_are_sorted_and_deterministic() {
    let make = || {
        vec![
            ReturnBuilder::clean()
                .set("C03", RawCell::Text("n/a".into()))
                .set("A01", RawCell::Number(-1.0))
                .validate_as("kent.xlsx"),
            ReturnBuilder::clean()
                .header("la_code", RawCell::Text("".into()))
                .validate_as("blank.xlsx"),
        ]
    };
    let a = run(make(), &[]);
    let b = run(make(), &[]);
    assert_eq!(a.findings, b.findings);
    // No LA first; then by LA code; within Kent's file errors before warnings, cells in sheet order.
    assert_eq!(a.findings[0].rule, "FILE007");
    let kent: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.file == "kent.xlsx")
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(kent, ["VAL007", "VAL002"]);
    let la_codes: Vec<_> = a.findings.iter().map(|f| f.la_code.clone()).collect();
    let mut sorted = la_codes.clone();
    sorted.sort();
    assert_eq!(la_codes, sorted);
}
