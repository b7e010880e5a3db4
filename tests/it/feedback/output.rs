//! The atomic output folder: whole or not at all.

use std::fs;
use std::path::Path;

use kinbench::report::{write_atomically, OutputError, ReportError};

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_writer_that_fails_midway_leaves_nothing() {
    let parent = tempfile::tempdir().unwrap();
    let dest = parent.path().join("out");
    let result: Result<(), ReportError> = write_atomically(&dest, false, |dir| {
        fs::create_dir(dir.join("feedback")).unwrap();
        fs::write(dir.join("feedback/886 Kent.txt"), "half").unwrap();
        Err(ReportError::Write {
            path: "findings.csv".into(),
            message: "disk full".into(),
        })
    });
    assert!(
        matches!(result, Err(ReportError::Write { ref message, .. }) if message == "disk full")
    );
    assert!(!dest.exists());
    assert_eq!(entries(parent.path()), Vec::<String>::new());
}

#[test]
fn a_failed_rerun_leaves_the_previous_results_untouched() {
    let parent = tempfile::tempdir().unwrap();
    let dest = parent.path().join("out");
    fs::create_dir(&dest).unwrap();
    fs::write(dest.join("findings.csv"), "old").unwrap();
    let result: Result<(), ReportError> = write_atomically(&dest, true, |dir| {
        fs::write(dir.join("findings.csv"), "new").unwrap();
        Err(ReportError::Write {
            path: "x".into(),
            message: "failed".into(),
        })
    });
    assert!(result.is_err());
    assert_eq!(
        fs::read_to_string(dest.join("findings.csv")).unwrap(),
        "old"
    );
    assert_eq!(entries(parent.path()), ["out"]);
}

#[test]
fn an_existing_folder_is_refused_without_force_and_replaced_with_it() {
    let parent = tempfile::tempdir().unwrap();
    let dest = parent.path().join("out");
    fs::create_dir(&dest).unwrap();
    fs::write(dest.join("stale.txt"), "old").unwrap();

    let mut called = false;
    let refused: Result<(), ReportError> = write_atomically(&dest, false, |_| {
        called = true;
        Ok(())
    });
    assert!(matches!(
        refused,
        Err(ReportError::Output(OutputError::Exists(_)))
    ));
    assert!(
        !called,
        "the writer must not run when the folder is refused"
    );
    assert_eq!(entries(&dest), ["stale.txt"]);

    let replaced: Result<u32, ReportError> = write_atomically(&dest, true, |dir| {
        fs::write(dir.join("findings.csv"), "new").unwrap();
        Ok(7)
    });
    assert_eq!(replaced.unwrap(), 7);
    assert_eq!(entries(&dest), ["findings.csv"]);
    assert_eq!(entries(parent.path()), ["out"]);
}

#[test]
fn an_empty_folder_or_a_missing_one_is_written() {
    let parent = tempfile::tempdir().unwrap();
    let empty = parent.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let r: Result<(), ReportError> = write_atomically(&empty, false, |dir| {
        fs::write(dir.join("a"), "1").unwrap();
        Ok(())
    });
    r.unwrap();
    assert_eq!(entries(&empty), ["a"]);
    let nested = parent.path().join("new/deeper/out");
    let r: Result<(), ReportError> = write_atomically(&nested, false, |dir| {
        fs::write(dir.join("b"), "2").unwrap();
        Ok(())
    });
    r.unwrap();
    assert_eq!(entries(&nested), ["b"]);
}

#[test]
fn a_file_in_the_way_is_refused_even_with_force() {
    let parent = tempfile::tempdir().unwrap();
    let dest = parent.path().join("out");
    fs::write(&dest, "not a folder").unwrap();
    let r: Result<(), ReportError> = write_atomically(&dest, true, |_| Ok(()));
    assert!(matches!(
        r,
        Err(ReportError::Output(OutputError::NotAFolder(_)))
    ));
    assert_eq!(fs::read_to_string(&dest).unwrap(), "not a folder");
}
