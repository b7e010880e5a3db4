//! The per-file work runs on every core: one thread and several give the same
//! files, byte for byte, the manifest and the findings' order included.

use std::path::Path;
use std::process::Command;

use super::{copy_sample, files, SLUG};

/// `kinbench run` of the sample returns into `out` on `threads` threads; its
/// summary, with the output folder's path written `OUT`.
fn run_on(threads: &str, returns: &Path, out: &Path) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_kinbench"))
        .env("RAYON_NUM_THREADS", threads)
        .arg("run")
        .arg(returns)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run kinbench");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).replace(out.to_str().unwrap(), "OUT")
}

#[test]
fn one_thread_and_four_write_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let returns = copy_sample(tmp.path());
    let (one, four) = (tmp.path().join("one"), tmp.path().join("four"));
    let said_one = run_on("1", &returns, &one);
    let said_four = run_on("4", &returns, &four);
    assert!(said_one.contains("Written to OUT/"), "{said_one}");
    assert_eq!(said_one, said_four);
    let (a, b) = (files(&one.join(SLUG)), files(&four.join(SLUG)));
    // Feedback for 19 LAs x 4 quarters with profiles, charts, exports, manifest.
    assert!(a.len() > 150, "{}", a.len());
    assert!(a.contains_key("manifest.json") && a.contains_key("data/findings.csv"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between 1 thread and 4");
    }
}
