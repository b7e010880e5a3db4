//! How a submitted return is read: a file that would cost too much to read is one
//! finding naming the file, and the other returns of the folder are still read;
//! numbers typed as text.

use std::path::Path;

use kinbench::ingest::RawCell;
use kinbench::validate::{validate_folder, ReturnStatus, Severity, ValueStatus};

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
    for name in ["repeated-cells.ods", "far-cell.xls"] {
        let sub = by_file(name);
        assert_eq!(sub.status, ReturnStatus::Unusable);
        assert_eq!(codes(sub), ["FILE004"]);
        let f = one(sub, "FILE004");
        check(f, Severity::Error, &[], None, None);
        assert_eq!(f.file, name);
        assert_eq!(
            f.message,
            "The file is too large to read safely: its sheets span 16777216 cells from the first used cell to the last, more than the limit of 1000000."
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
