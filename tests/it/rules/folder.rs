//! The folder walk: which files are taken for returns, and their hashes.

use kinbench::validate::{validate_folder, ReturnStatus};

use super::builder::{options, schema};
use super::codes;

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
