//! The whole chart pack drawn with every system font directory hidden.
//!
//! The comment on `the_title_text_itself_is_drawn` argues that nothing reads
//! the system fonts; this checks it on the real binary. A run in a mount
//! namespace of its own, with an empty tmpfs over each font directory, must
//! write charts byte-identical to a normal run, with text in them.

use std::path::Path;
use std::process::Command;

use super::Image;
use crate::run::{copy_sample, SLUG};

/// Where fontconfig and font-kit look on Linux (those that exist are hidden).
const FONT_DIRS: [&str; 6] = [
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/etc/fonts",
    "/var/cache/fontconfig",
    "~/.fonts",
    "~/.local/share/fonts",
];

/// Set to run the suite on a machine without user or mount namespaces.
const SKIP: &str = "KINBENCH_SKIP_FONT_NAMESPACE";

#[test]
fn charts_are_the_same_with_every_system_font_hidden() {
    if std::env::var_os(SKIP).is_some() {
        eprintln!("skipped: {SKIP} is set");
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let returns = copy_sample(root.path());
    let bin = env!("CARGO_BIN_EXE_kinbench");
    let run = |out: &Path| -> Vec<String> {
        let args = [
            "run",
            returns.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.map(String::from).to_vec()
    };

    let normal = root.path().join("normal");
    let o = Command::new(bin).args(run(&normal)).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // Mount an empty tmpfs over each font directory, check that no font file
    // is left to see, then run kinbench in that namespace.
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let dirs: Vec<String> = FONT_DIRS.iter().map(|d| d.replace('~', &home)).collect();
    let script = format!(
        "for d in {dirs}; do if [ -d \"$d\" ]; then mount -t tmpfs none \"$d\" || exit 96; fi; done; \
         if [ -n \"$(find {dirs} -type f 2>/dev/null | head -n 1)\" ]; then exit 97; fi; \
         exec \"$@\"",
        dirs = dirs.join(" ")
    );
    let hidden = root.path().join("hidden");
    let o = Command::new("unshare")
        .args([
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            &script,
            "sh",
            bin,
        ])
        .args(run(&hidden))
        .output()
        .unwrap_or_else(|e| panic!("cannot start unshare ({e}); set {SKIP}=1 to skip this test"));
    assert!(
        o.status.success(),
        "kinbench with the fonts hidden exited {:?} (96: a mount failed, 97: a font file was still visible; \
         set {SKIP}=1 on a machine without namespaces): {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );

    let charts = |dir: &Path| {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(SLUG).join("charts"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
    };
    let (a, b) = (charts(&normal), charts(&hidden));
    assert_eq!(a.len(), 68, "34 charts, each as PNG and SVG");
    for (fa, fb) in a.iter().zip(&b) {
        assert_eq!(fa.file_name(), fb.file_name());
        assert!(
            std::fs::read(fa).unwrap() == std::fs::read(fb).unwrap(),
            "{} differs with the system fonts hidden",
            fa.display()
        );
    }
    // And the text is really there: the title band of a chart drawn in the
    // namespace holds ink (a chart with no title leaves it white).
    let png = b.iter().find(|p| p.ends_with("m03_bars.png")).unwrap();
    let img = Image::decode(&std::fs::read(png).unwrap());
    assert!(img.ink((0, 40), (1600, 100)) > 2000, "no title ink");
}
