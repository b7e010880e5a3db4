//! Headless Chromium for the tests that check what a browser really does with
//! the pages kinbench writes. Debian's `chromium` package; none is downloaded.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::Duration;

use headless_chrome::{Browser, LaunchOptions};

/// Where Debian puts it; `KINBENCH_CHROMIUM` names another.
fn binary() -> Option<PathBuf> {
    let named = std::env::var_os("KINBENCH_CHROMIUM").map(PathBuf::from);
    let candidates = named.into_iter().chain(
        [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
        ]
        .into_iter()
        .map(PathBuf::from),
    );
    candidates.into_iter().find(|p| p.is_file())
}

/// A fresh headless Chromium with its own profile (kept alive by the returned
/// folder), or None, having said why, when there is none to run. On CI (env
/// `CI` set) a missing or broken browser fails the test instead: CI installs it.
pub fn chromium() -> Option<(Browser, tempfile::TempDir)> {
    let on_ci = std::env::var_os("CI").is_some();
    let Some(path) = binary() else {
        assert!(
            !on_ci,
            "chromium not found, and CI must run the browser tests"
        );
        eprintln!(
            "skipped: chromium not found (apt-get install chromium, or set KINBENCH_CHROMIUM)"
        );
        return None;
    };
    let profile = tempfile::tempdir().expect("a profile folder");
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-extensions",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions {
        headless: true,
        sandbox: false,
        path: Some(path),
        user_data_dir: Some(profile.path().to_path_buf()),
        window_size: Some((1200, 1600)),
        idle_browser_timeout: Duration::from_secs(300),
        args,
        ..LaunchOptions::default()
    };
    match Browser::new(options) {
        Ok(browser) => Some((browser, profile)),
        Err(e) => {
            assert!(!on_ci, "chromium would not start: {e}");
            eprintln!("skipped: chromium would not start ({e})");
            None
        }
    }
}
