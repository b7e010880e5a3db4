//! The period folder appears whole or not at all, is refused when it exists,
//! is replaced with --force, and is the same byte for byte on a rerun.

use std::fs;
use std::path::Path;

use kinbench::aggregate::Benchmark;
use kinbench::report::run::{self, RunError, RunOptions, Writer};
use kinbench::report::{OutputError, ReportError, RunContext};

use super::{files, full_run, prepared, schema, SLUG};

#[test]
fn two_runs_are_identical_file_by_file() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (_, dir_a) = full_run(a.path(), &RunOptions::default());
    let (_, dir_b) = full_run(b.path(), &RunOptions::default());
    let (files_a, files_b) = (files(&dir_a), files(&dir_b));
    assert!(files_a.len() > 150, "{}", files_a.len());
    assert_eq!(
        files_a.keys().collect::<Vec<_>>(),
        files_b.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &files_a {
        assert!(bytes == &files_b[path], "{path} differs between runs");
    }
}

fn failing(
    _: &RunContext<'_>,
    _: &Benchmark,
    dir: &Path,
) -> Result<Vec<(String, String)>, ReportError> {
    fs::write(dir.join("half-written.txt"), "partial").unwrap();
    Err(ReportError::Write {
        path: "injected".into(),
        message: "disk full".into(),
    })
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_writer_failing_midway_leaves_no_folder_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let p = prepared(&RunOptions::default());
    let ctx = p.context(schema());
    let mut writers: Vec<Writer> = run::WRITERS.to_vec();
    writers.insert(1, failing);
    let err = run::write_run(&ctx, &p.benchmark, tmp.path(), false, &writers).unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    assert!(entries(tmp.path()).is_empty(), "{:?}", entries(tmp.path()));
}

#[test]
fn an_existing_period_folder_is_refused_unless_forced_then_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join(SLUG);
    fs::create_dir_all(&old).unwrap();
    fs::write(old.join("old-results.txt"), "last week's").unwrap();
    let p = prepared(&RunOptions::default());
    let ctx = p.context(schema());
    let writers = run::WRITERS;
    let err = run::write_run(&ctx, &p.benchmark, tmp.path(), false, &writers).unwrap_err();
    assert!(
        matches!(err, RunError::Output(OutputError::Exists(_))),
        "{err}"
    );
    assert_eq!(entries(&old), ["old-results.txt"]);
    run::write_run(&ctx, &p.benchmark, tmp.path(), true, &writers).unwrap();
    assert_eq!(
        entries(&old),
        [
            "chart_pack.html",
            "charts",
            "data",
            "feedback",
            "kinship_benchmark_2025-26_Q2.xlsx",
            "manifest.json"
        ]
    );
    assert_eq!(entries(tmp.path()), [SLUG], "no staging or old folder left");
}

#[test]
fn a_period_without_usable_returns_is_refused_listing_those_present() {
    let v = super::validation();
    let asked = kinbench::period::Period::parse("2019-20 Q1").unwrap().0;
    let err = run::reporting_period(v, Some(asked), Path::new("x")).unwrap_err();
    assert!(err.is_usage());
    assert_eq!(
        err.to_string(),
        "no usable return for 2019-20 Q1; the returns cover 2024-25 Q3, 2024-25 Q4, 2025-26 Q1, 2025-26 Q2"
    );
}
