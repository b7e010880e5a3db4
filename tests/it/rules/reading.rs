//! How a submitted return is read: a file that would cost too much to read is one
//! finding naming the file, and the other returns of the folder are still read;
//! numbers typed as text; dates typed with two-digit years.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use kinbench::ingest::RawCell;
use kinbench::validate::{
    finish, validate_folder, ReturnStatus, Severity, Submission, ValueStatus,
};

use super::builder::{options, schema, ReturnBuilder};
use super::{check, codes, lacks, one};

fn copy(from: &str, dir: &Path, name: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join(from), dir.join(name)).expect("copy");
}

#[test]
fn huge_grids_are_one_file_finding_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    copy(
        "tests/fixtures/hostile/repeated-cells.ods",
        p,
        "repeated-cells.ods",
    );
    copy("tests/fixtures/hostile/far-cell.xls", p, "far-cell.xls");
    copy(
        "tests/fixtures/hostile/shared-string.xls",
        p,
        "shared-string.xls",
    );
    copy(
        "sample_returns/825 Buckinghamshire 2025-26 Q2.xlsx",
        p,
        "825 Buckinghamshire 2025-26 Q2.xlsx",
    );
    let v = validate_folder(schema(), p, &options()).expect("folder");
    let by_file = |name: &str| {
        v.submissions
            .iter()
            .find(|s| s.file == name)
            .unwrap_or_else(|| panic!("{name} not in {:#?}", v.submissions))
    };
    let grid = "its sheets span 16777216 cells from the first used cell to the last, more than the limit of 1000000";
    let text = "its cells hold 960000000 bytes of text with every repeated or shared copy counted, more than the limit of 67108864";
    for (name, why) in [
        ("repeated-cells.ods", grid),
        ("far-cell.xls", grid),
        ("shared-string.xls", text),
    ] {
        let sub = by_file(name);
        assert_eq!(sub.status, ReturnStatus::Unusable);
        assert_eq!(codes(sub), ["FILE004"]);
        let f = one(sub, "FILE004");
        check(f, Severity::Error, &[], None, None);
        assert_eq!(f.file, name);
        assert_eq!(
            f.message,
            format!("The file is too large to read safely: {why}.")
        );
    }
    let good = by_file("825 Buckinghamshire 2025-26 Q2.xlsx");
    assert_eq!(good.status, ReturnStatus::Used);
    assert_eq!(good.la.as_ref().map(|la| la.code.as_str()), Some("825"));
}

fn text(s: &str) -> RawCell {
    RawCell::Text(s.into())
}

#[test]
fn spaces_between_digits_are_thousands_separators_only_in_threes() {
    // Used, with the info finding: spaces in groups of three, trimmed ends.
    for (typed, n) in [
        ("1 234", 1234.0),
        ("1\u{a0}234", 1234.0),
        ("1\u{202f}234", 1234.0),
    ] {
        let sub = ReturnBuilder::clean().set("A01", text(typed)).validate();
        let f = one(&sub, "VAL001");
        check(f, Severity::Info, &["A01"], Some("Return!C12"), Some(typed));
        assert_eq!(
            f.message,
            format!("A01 was typed as text (\"{typed}\") and was read as the number 1234.")
        );
        assert_eq!((sub.usable("A01"), sub.findings.len()), (Some(n), 1));
    }
    let sub = ReturnBuilder::clean().set("A01", text(" 45 ")).validate();
    check(
        one(&sub, "VAL001"),
        Severity::Info,
        &["A01"],
        Some("Return!C12"),
        Some(" 45 "),
    );
    assert_eq!(sub.usable("A01"), Some(45.0));
    // Rejected as other text: a space that cannot be a thousands separator.
    for typed in ["1 5", "12 3", "1 2345", "1,234 567"] {
        let sub = ReturnBuilder::clean().set("A01", text(typed)).validate();
        check(
            one(&sub, "VAL009"),
            Severity::Error,
            &["A01"],
            Some("Return!C12"),
            Some(typed),
        );
        assert_eq!(sub.values["A01"].status, ValueStatus::Rejected, "{typed}");
        assert_eq!(sub.usable("A01"), None, "{typed}");
        lacks(&sub, "VAL001");
    }
}

fn completed(date: &str, file: &str) -> Submission {
    ReturnBuilder::clean()
        .header("date_completed", RawCell::Text(date.into()))
        .validate_as(file)
}

#[test]
fn two_digit_years_are_this_century() {
    for typed in ["14/10/25", "14/10/2025"] {
        let sub = completed(typed, "return.xlsx");
        assert_eq!(
            (sub.date_completed, sub.findings.len()),
            (NaiveDate::from_ymd_opt(2025, 10, 14), 0),
            "{typed}"
        );
    }
}

#[test]
fn a_year_before_2000_or_past_2099_is_not_a_date_completed() {
    for typed in ["14/10/1925", "14/10/0025", "14/10/2125", "14/10/70"] {
        let sub = completed(typed, "return.xlsx");
        let f = one(&sub, "FILE019");
        check(f, Severity::Warning, &[], Some("Return!B8"), Some(typed));
        assert_eq!(
            f.message,
            format!("Date completed \"{typed}\" is not a date, so if the return is sent again the network cannot tell which copy is later.")
        );
        assert_eq!(sub.date_completed, None);
    }
}

#[test]
fn a_resubmission_dated_with_a_two_digit_year_is_ordered_by_that_year() {
    // "20/10/25" once read as the year 25 and lost to the earlier, newer file.
    let mtimes: BTreeMap<String, SystemTime> = [("a.xlsx", 1), ("b.xlsx", 9)]
        .into_iter()
        .map(|(f, s)| {
            (
                f.to_string(),
                SystemTime::UNIX_EPOCH + Duration::from_secs(1_750_000_000 + s),
            )
        })
        .collect();
    let v = finish(
        schema(),
        &options(),
        vec![
            completed("20/10/25", "a.xlsx"),
            completed("14/10/2025", "b.xlsx"),
        ],
        &mtimes,
    );
    let by_file = |name: &str| v.submissions.iter().find(|s| s.file == name).expect(name);
    assert_eq!(by_file("a.xlsx").status, ReturnStatus::Used);
    assert_eq!(codes(by_file("a.xlsx")), Vec::<&str>::new());
    let loser = by_file("b.xlsx");
    assert_eq!(loser.status, ReturnStatus::Superseded);
    let f = one(loser, "FILE018");
    check(f, Severity::Info, &[], None, None);
    assert_eq!(
        f.message,
        "This return was replaced by the return in \"a.xlsx\" (Date completed 2025-10-20, later than this return's 2025-10-14) for the same LA and period, so it was not used."
    );
}

#[test]
fn sum002_usable_parts_alone_already_exceed_the_whole() {
    // B02 + B03 <= B01 with B03 blank: B02 alone is more than B01.
    let sub = ReturnBuilder::clean()
        .set("B01", RawCell::Number(10.0))
        .set("B02", RawCell::Number(12.0))
        .blank("B03")
        .validate();
    let f = one(&sub, "SUM002");
    check(
        f,
        Severity::Warning,
        &["B02", "B03", "B01"],
        Some("Return!C18"),
        Some("12"),
    );
    assert_eq!(
        f.message,
        "B02 + B03 is at least 12 (B02 is 12, B03 is blank) and B01 is 10, but the parts cannot be more than the whole."
    );
    // The first part blank: the finding points at the part that is there.
    let sub = ReturnBuilder::clean()
        .set("B01", RawCell::Number(10.0))
        .blank("B02")
        .set("B03", RawCell::Text("n/a".into()))
        .validate();
    lacks(&sub, "SUM002");
    let sub = ReturnBuilder::clean()
        .set("B01", RawCell::Number(5.0))
        .blank("B02")
        .validate();
    let f = one(&sub, "SUM002");
    check(
        f,
        Severity::Warning,
        &["B02", "B03", "B01"],
        Some("Return!C23"),
        Some("8"),
    );
    assert_eq!(
        f.message,
        "B02 + B03 is at least 8 (B02 is blank, B03 is 8) and B01 is 5, but the parts cannot be more than the whole."
    );
}

#[test]
fn sum002_usable_parts_within_the_whole_with_one_blank_raise_nothing() {
    let sub = ReturnBuilder::clean()
        .set("B01", RawCell::Number(150.0))
        .set("B02", RawCell::Number(12.0))
        .blank("B03")
        .validate();
    lacks(&sub, "SUM002");
    // The whole blank: nothing to compare with.
    let sub = ReturnBuilder::clean()
        .blank("B01")
        .set("B02", RawCell::Number(12.0))
        .validate();
    lacks(&sub, "SUM002");
    // An equality with a part missing is left alone: sum(B02a..B02d) = B02.
    let sub = ReturnBuilder::clean().blank("B02a").validate();
    lacks(&sub, "SUM001");
}
