//! `kinbench run --anonymise --anonymise-key`: the key, not the public DfE code
//! order, decides which letter each LA gets.

use std::path::Path;
use std::process::{Command, Output};

use super::{copy_sample, csv_maps, SLUG};

/// A run of a copy of the sample returns; the letter of each region LA of the
/// M01 rows (in DfE code order, as metrics.csv lists them), and the stderr.
fn letters(root: &Path, extra: &[&str], env_key: Option<&str>) -> (Vec<String>, String) {
    let returns = copy_sample(root);
    let out = root.join("out");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kinbench"));
    cmd.args([
        "run",
        returns.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
    .args(["--anonymise"])
    .args(extra)
    .env_remove("KINBENCH_ANONYMISE_KEY");
    if let Some(k) = env_key {
        cmd.env("KINBENCH_ANONYMISE_KEY", k);
    }
    let o: Output = cmd.output().expect("run kinbench");
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    let rows = csv_maps(&out.join(SLUG).join("data/metrics.csv"));
    let names = rows
        .iter()
        .filter(|r| r["metric_id"] == "M01" && r["level"] == "la" && r["period"] == "2025-26 Q2")
        .map(|r| r["la_name"].clone())
        .collect();
    (names, stderr)
}

#[test]
fn the_key_orders_the_letters_and_no_key_is_warned_about() {
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let (plain, warned) = letters(dirs[0].path(), &[], None);
    let (keyed, quiet) = letters(
        dirs[1].path(),
        &["--anonymise-key", "south east secret"],
        None,
    );
    let (from_env, _) = letters(dirs[2].path(), &[], Some("south east secret"));
    assert_eq!(plain.len(), 19);
    assert_ne!(plain, keyed, "the key changes the letters");
    assert_eq!(keyed, from_env, "the same key from the environment");
    // Rows are in DfE code order: letters in that order would give the LAs away.
    let mut sorted = keyed.clone();
    sorted.sort_by_key(|l| (l.len(), l.clone()));
    assert_ne!(keyed, sorted);
    assert!(warned.contains("no --anonymise-key"), "{warned}");
    assert!(!quiet.contains("no --anonymise-key"), "{quiet}");
}
