//! LibreOffice headless, for the tests that need a spreadsheet program to
//! calculate what kinbench wrote. Each launch costs seconds: convert many files at once.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `soffice` on the PATH. When it is absent the test is skipped with a note,
/// unless env `CI` is set: CI installs it (`.ci/run`), so there it must be found.
pub fn soffice() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("soffice"))
            .find(|p| p.is_file())
    });
    match found {
        Some(path) => Some(path),
        None if std::env::var_os("CI").is_some() => {
            panic!("soffice not found with CI set: .ci/run installs libreoffice-calc-nogui")
        }
        None => {
            eprintln!("skipped: soffice (LibreOffice) not found; install libreoffice-calc-nogui to run this test");
            None
        }
    }
}

/// The profile setting that makes LibreOffice recalculate every formula of an
/// `.xlsx` (and `.ods`) on load. By default it shows the saved results instead.
const ALWAYS_RECALCULATE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#;

/// Opens each file in LibreOffice with every formula recalculated and saves it
/// as `.xlsx` in `out`, in one run with a fresh profile. Stems must differ.
/// Gives the saved files, in the order of `files`.
pub fn recalculate(soffice: &Path, files: &[PathBuf], out: &Path) -> Vec<PathBuf> {
    let profile = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(profile.path().join("user")).unwrap();
    std::fs::write(
        profile.path().join("user/registrymodifications.xcu"),
        ALWAYS_RECALCULATE,
    )
    .unwrap();
    let o = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    files
        .iter()
        .map(|f| {
            let stem = f.file_stem().unwrap().to_string_lossy();
            let saved = out.join(format!("{stem}.xlsx"));
            assert!(
                saved.is_file(),
                "soffice saved no {}: {}",
                saved.display(),
                String::from_utf8_lossy(&o.stdout)
            );
            saved
        })
        .collect()
}
