//! The period folder appears whole or not at all, is refused when it exists,
//! is replaced with --force, and is the same byte for byte on a rerun.

use std::fs;
use std::path::Path;

use kinbench::aggregate::Benchmark;
use kinbench::report::run::{self, RunOptions, Writer};
use kinbench::report::{feedback, OutputError, ReportError, RunContext};

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

/// Takes the path of the first LA's feedback workbook with a folder, as a disk
/// that refuses one file would.
fn blocking_first_workbook(
    ctx: &RunContext<'_>,
    _: &Benchmark,
    dir: &Path,
) -> Result<Vec<(String, String)>, ReportError> {
    let groups = feedback::group(ctx.validation);
    let first = &groups[0];
    let path = dir
        .join("feedback")
        .join(feedback::period_folder(first.period))
        .join(format!("{}.xlsx", first.file_stem()));
    fs::create_dir_all(path).unwrap();
    Ok(Vec::new())
}

/// In a run, a file whose feedback cannot be written is named in the run's own
/// `data/findings.csv` (FILE023), as `validate` names it in its findings.csv,
/// and the rest of the run is written.
#[test]
fn feedback_that_cannot_be_written_is_in_the_runs_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let p = prepared(&RunOptions::default());
    let ctx = p.context(schema());
    let groups = feedback::group(&p.validation);
    let file = groups[0].submissions[0].file.clone();
    let mut writers: Vec<Writer> = run::WRITERS.to_vec();
    writers.insert(0, Writer::Files(blocking_first_workbook));
    run::write_run(&ctx, &p.benchmark, tmp.path(), false, &writers).unwrap();

    let rows = crate::run::csv_maps(&tmp.path().join(SLUG).join("data/findings.csv"));
    let failed: Vec<_> = rows.iter().filter(|r| r["rule"] == "FILE023").collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["file"], file);
    assert!(
        failed[0]["message"].starts_with("The feedback for this return could not be written"),
        "{}",
        failed[0]["message"]
    );
    assert!(tmp.path().join(SLUG).join("manifest.json").is_file());
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
    writers.insert(1, Writer::Files(failing));
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
        matches!(err, ReportError::Output(OutputError::Exists(_))),
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

/// What a killed run leaves beside the period folders: an unfinished
/// `.kinbench-new-*` and, during --force, a `.kinbench-old-*` holding the old results.
fn stale_folders(out: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let new = out.join(".kinbench-new-Ab12Cd");
    fs::create_dir_all(new.join("data")).unwrap();
    fs::write(new.join("data/values.csv"), "half").unwrap();
    let old = out.join(".kinbench-old-Ef34Gh");
    fs::create_dir_all(old.join("previous")).unwrap();
    fs::write(old.join("previous/manifest.json"), "{}").unwrap();
    fs::create_dir_all(out.join(SLUG)).unwrap();
    (new, old)
}

#[test]
fn a_stale_new_folder_is_removed_and_a_stale_old_folder_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (new, old) = stale_folders(tmp.path());
    let stale = kinbench::report::output::tidy_stale(tmp.path());
    assert_eq!(stale.removed.len(), 1);
    assert_eq!(stale.removed[0], new);
    assert_eq!(stale.kept.len(), 1);
    assert_eq!(stale.kept[0].0, old);
    assert!(stale.kept[0].1.contains("only copy"), "{}", stale.kept[0].1);
    assert!(!new.exists());
    assert_eq!(
        fs::read_to_string(old.join("previous/manifest.json")).unwrap(),
        "{}"
    );
    // The period folder is no business of this.
    assert!(tmp.path().join(SLUG).is_dir());
    // A folder that does not exist has nothing stale.
    let none = kinbench::report::output::tidy_stale(&tmp.path().join("missing"));
    assert_eq!(none, kinbench::report::output::Stale::default());
}

#[test]
fn kinbench_run_names_the_stale_folders_it_finds() {
    let tmp = tempfile::tempdir().unwrap();
    let returns = tmp.path().join("returns");
    fs::create_dir_all(&returns).unwrap();
    let out = tmp.path().join("out");
    let (new, old) = stale_folders(&out);
    // No returns: the run stops soon after, but the warnings come first.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kinbench"))
        .args([
            "run",
            returns.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "kinbench: warning: removed '{}', an unfinished output folder",
            new.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "kinbench: warning: kept '{}': left by a --force run",
            old.display()
        )),
        "{stderr}"
    );
    assert!(!new.exists() && old.join("previous/manifest.json").is_file());
}

#[test]
fn the_validate_pipeline_writes_feedback_and_findings_and_returns_the_validation() {
    let tmp = tempfile::tempdir().unwrap();
    let returns = super::copy_sample(tmp.path());
    let out = tmp.path().join("checks");
    let done = kinbench::pipeline::validate(
        schema(),
        &returns,
        &out,
        &super::validate_options(),
        false,
        &Default::default(),
        &kinbench::pipeline::quiet,
    )
    .unwrap();
    assert_eq!(entries(&out), ["feedback", "findings.csv"]);
    assert_eq!(done.validation.findings, super::validation().findings);
    let csv = fs::read_to_string(out.join("findings.csv")).unwrap();
    assert_eq!(csv.lines().count(), done.validation.findings.len() + 1);
    assert_eq!(
        done.written.entries.last().unwrap(),
        &("findings.csv".to_string(), "18 findings".to_string())
    );
    // A second run into the same folder is refused before anything is read.
    let err = kinbench::pipeline::validate(
        schema(),
        Path::new("no such folder"),
        &out,
        &super::validate_options(),
        false,
        &Default::default(),
        &kinbench::pipeline::quiet,
    )
    .unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
}
