//! How a submitted return is read: a file that would cost too much to read is one
//! finding naming the file, and the other returns of the folder are still read.

use std::path::Path;

use kinbench::validate::{validate_folder, ReturnStatus, Severity};

use super::builder::{options, schema};
use super::{check, codes, one};

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
