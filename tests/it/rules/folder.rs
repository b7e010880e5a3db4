//! The folder walk: which files are taken for returns, and their hashes.

use std::path::Path;

use kinbench::template::write_return;
use kinbench::validate::{validate_folder, Finding, Options, ReturnStatus, Severity, Validation};

use super::builder::{clean_content, options, schema};
use super::{check, codes, one};

const GOOD: &str = "886 Kent 2025-26 Q2.xlsx";

fn write_good(dir: &Path) {
    write_return(schema(), &clean_content(), &dir.join(GOOD)).expect("write the good return");
}

/// A workbook with one sheet of notes and no Code / Item / Value / Notes header row.
fn write_not_a_return(path: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Notes").expect("name");
    ws.write_string(0, 0, "Kinship figures to follow")
        .expect("cell");
    ws.write_string(1, 0, "Code").expect("cell");
    ws.write_string(1, 1, "Item").expect("cell");
    wb.save(path).expect("save");
}

/// Two sheets, neither named Return, both with the table's header row.
fn write_two_candidate_sheets(path: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for name in ["Kent Q2", "Kent Q2 (2)"] {
        let ws = wb.add_worksheet();
        ws.set_name(name).expect("name");
        for (col, label) in ["Code", "Item", "Value", "Notes"].into_iter().enumerate() {
            ws.write_string(0, col as u16, label).expect("cell");
        }
        ws.write_string(1, 0, "A01").expect("cell");
        ws.write_number(1, 2, 1200.0).expect("cell");
    }
    wb.save(path).expect("save");
}

/// The one finding of `rule` on `file`, which it makes unusable with no value read.
fn one_in<'a>(v: &'a Validation, file: &str, rule: &str) -> &'a Finding {
    let sub = v
        .submissions
        .iter()
        .find(|s| s.file == file)
        .unwrap_or_else(|| panic!("no {file}"));
    assert_eq!(codes(sub), [rule], "{file}");
    assert_eq!(
        (sub.status, sub.values.len()),
        (ReturnStatus::Unusable, 0),
        "{file}"
    );
    let f = one(sub, rule);
    assert_eq!(f.file, file);
    f
}

/// Real broken files, each through the folder entry point, beside a good return:
/// each gets its one file finding (rule, severity, file, value), the good return none.
#[test]
fn file001_to_file005_and_file021_from_real_files_beside_a_good_return() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    for name in [
        "empty.xlsx",
        "truncated.xlsx",
        "not-a-zip.xlsx",
        "text.xls",
        "encrypted.xlsx",
        "random.ods",
    ] {
        std::fs::copy(hostile.join(name), p.join(name)).expect("copy fixture");
    }
    std::fs::write(
        p.join("Kent Q2.csv"),
        "Code,Item,Value\nA01,Children looked after,1500\n",
    )
    .expect("write");
    std::fs::write(p.join("covering note.txt"), "Our return is attached.\n").expect("write");
    write_not_a_return(&p.join("notes.xlsx"));
    write_two_candidate_sheets(&p.join("two sheets.xlsx"));
    write_good(p);

    let v = validate_folder(schema(), p, &options()).expect("folder");
    let files: Vec<&str> = v.submissions.iter().map(|s| s.file.as_str()).collect();
    assert_eq!(
        files,
        [
            GOOD,
            "Kent Q2.csv",
            "covering note.txt",
            "empty.xlsx",
            "encrypted.xlsx",
            "not-a-zip.xlsx",
            "notes.xlsx",
            "random.ods",
            "text.xls",
            "truncated.xlsx",
            "two sheets.xlsx",
        ]
    );
    let error = Severity::Error;
    check(
        one_in(&v, "Kent Q2.csv", "FILE001"),
        error,
        &[],
        None,
        Some("csv"),
    );
    check(
        one_in(&v, "covering note.txt", "FILE001"),
        error,
        &[],
        None,
        Some("txt"),
    );
    check(one_in(&v, "empty.xlsx", "FILE002"), error, &[], None, None);
    check(
        one_in(&v, "not-a-zip.xlsx", "FILE002"),
        error,
        &[],
        None,
        None,
    );
    check(one_in(&v, "text.xls", "FILE002"), error, &[], None, None);
    check(one_in(&v, "random.ods", "FILE002"), error, &[], None, None);
    check(
        one_in(&v, "truncated.xlsx", "FILE002"),
        error,
        &[],
        None,
        None,
    );
    check(
        one_in(&v, "encrypted.xlsx", "FILE003"),
        error,
        &[],
        None,
        None,
    );
    check(one_in(&v, "notes.xlsx", "FILE005"), error, &[], None, None);
    let two = one_in(&v, "two sheets.xlsx", "FILE021");
    check(two, error, &[], None, None);
    assert_eq!(
        two.message,
        "The return was not read because more than one sheet could be it: sheets `Kent Q2`, `Kent Q2 (2)` all have the table's header row and none is named `Return`."
    );
    assert!(one_in(&v, "truncated.xlsx", "FILE002")
        .message
        .contains("damaged"));

    let good = &v.submissions[0];
    assert_eq!(good.findings, vec![]);
    assert_eq!(good.status, ReturnStatus::Used);
    assert_eq!(good.usable("A01"), Some(1500.0));
    // The folder's findings: the broken files' and the LAs not received, none about Kent.
    assert!(!v
        .findings
        .iter()
        .any(|f| f.la_code.as_deref() == Some("886")));
}

/// A file over a reading limit is FILE004; the same file within the limit is read.
#[test]
fn file004_from_a_real_file_over_the_size_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_good(dir.path());
    let size = std::fs::metadata(dir.path().join(GOOD))
        .expect("size")
        .len();
    let with_limit = |max: u64| {
        let mut o: Options = options();
        o.limits.max_file_bytes = max;
        validate_folder(schema(), dir.path(), &o).expect("folder")
    };
    let v = with_limit(size - 1);
    let sub = &v.submissions[0];
    assert_eq!(codes(sub), ["FILE004"]);
    let f = one(sub, "FILE004");
    check(f, Severity::Error, &[], None, None);
    assert_eq!(
        (f.file.as_str(), sub.status),
        (GOOD, ReturnStatus::Unusable)
    );

    let v = with_limit(size);
    assert_eq!(
        (v.submissions[0].findings.len(), v.submissions[0].status),
        (0, ReturnStatus::Used)
    );
}

#[test]
fn folder_walk_skips_hidden_lock_and_manifest_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::create_dir_all(p.join("sub")).expect("mkdir");
    std::fs::create_dir_all(p.join(".git")).expect("mkdir");
    for (name, text) in [
        ("notes.txt", "hello\n"),
        (".hidden.xlsx", "x"),
        ("~$Kent.xlsx", "x"),
        (".~lock.Kent.xlsx#", "x"),
        ("manifest.csv", "x"),
        (".git/config", "x"),
        ("sub/manifest.csv", "x"),
        ("sub/Kent", "x"),
    ] {
        std::fs::write(p.join(name), text).expect("write");
    }
    let v = validate_folder(schema(), p, &options()).expect("folder");
    let files: Vec<_> = v
        .submissions
        .iter()
        .map(|s| (s.file.as_str(), codes(s), s.status))
        .collect();
    assert_eq!(
        files,
        [
            ("notes.txt", vec!["FILE001"], ReturnStatus::Unusable),
            ("sub/Kent", vec!["FILE001"], ReturnStatus::Unusable),
            ("sub/manifest.csv", vec!["FILE001"], ReturnStatus::Unusable),
        ]
    );
    assert_eq!(
        v.submissions[0].sha256,
        "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
    );
    assert_eq!(v.submissions[0].findings[0].value.as_deref(), Some("txt"));
    assert_eq!(
        (v.periods.len(), v.not_received.len(), v.findings.len()),
        (0, 0, 3)
    );
    assert!(validate_folder(schema(), &p.join("absent"), &options()).is_err());
}

/// One file's feedback that cannot be written (here its path is taken by a
/// folder) costs that file alone: FILE023 in findings.csv, the others written.
#[test]
fn file023_feedback_that_cannot_be_written_is_a_finding_and_the_rest_is_written() {
    let returns = tempfile::tempdir().expect("tempdir");
    write_good(returns.path());
    write_not_a_return(&returns.path().join("notes.xlsx"));
    let v = validate_folder(schema(), returns.path(), &options()).expect("folder");
    let out = tempfile::tempdir().expect("tempdir");
    let taken = out.path().join("feedback/2025-26 Q2/886 Kent.xlsx");
    std::fs::create_dir_all(&taken).expect("a folder where Kent's workbook goes");
    crate::feedback::fixture::write_report(schema(), &v, out.path());

    let rows = crate::run::csv_maps(&out.path().join("findings.csv"));
    let failed: Vec<_> = rows
        .iter()
        .filter(|r| {
            let rule = r["rule"].as_str();
            rule == "FILE023"
        })
        .collect();
    assert_eq!(failed.len(), 1, "{rows:?}");
    assert_eq!(
        (
            failed[0]["file"].as_str(),
            failed[0]["la_code"].as_str(),
            failed[0]["severity"].as_str()
        ),
        (GOOD, "886", "warning")
    );
    assert!(
        failed[0]["message"].starts_with(&format!(
            "The feedback for this return could not be written: cannot write '{}'",
            taken.display()
        )),
        "{}",
        failed[0]["message"]
    );
    // Kent's text twin is not left half there; the other file's feedback is written.
    assert!(!out.path().join("feedback/2025-26 Q2/886 Kent.txt").exists());
    let unknown = out
        .path()
        .join("feedback/period unknown/unidentified - notes.xlsx.xlsx");
    assert!(unknown.is_file());
}
