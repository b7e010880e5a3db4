//! Accessibility (WCAG 2.2 AA, which the published chart pack must meet):
//! `chart_pack.html` from a run on the sample returns, and the self-check
//! page before and after it checks a return, each checked by axe-core in
//! headless Chromium with no violation. axe-core comes from npm: `(cd
//! tests/axe && npm ci)`, which `.ci/run` does.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use headless_chrome::Tab;
use kinbench::report::Presenter;
use serde::Deserialize;

use crate::browser::chromium;

/// axe-core's script, or None, having said why, when `npm ci` has not been run.
fn axe_source() -> Option<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/axe/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "{}: {e}, and CI must run the accessibility tests",
                path.display()
            );
            eprintln!(
                "skipped: {} not found: run (cd tests/axe && npm ci)",
                path.display()
            );
            None
        }
    }
}

#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<String>,
}

/// Runs axe-core on the page in `tab` (every rule but the experimental ones,
/// best practices included) and gives its violations.
fn violations(tab: &Tab, axe: &str) -> Vec<Violation> {
    tab.evaluate(axe, false).expect("axe-core loads");
    let run = r#"axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      JSON.stringify(r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ") + " — " + n.failureSummary),
      }))))"#;
    let json = tab
        .evaluate(run, true)
        .expect("axe.run")
        .value
        .expect("a result");
    serde_json::from_str(json.as_str().expect("JSON text")).expect("violations")
}

fn assert_none(what: &str, found: &[Violation]) {
    let said: Vec<String> = found
        .iter()
        .map(|v| {
            format!(
                "{} ({}): {}\n    {}",
                v.id,
                v.impact.as_deref().unwrap_or("?"),
                v.help,
                v.nodes.join("\n    ")
            )
        })
        .collect();
    assert!(
        found.is_empty(),
        "{what}: {} violations\n{}",
        found.len(),
        said.join("\n")
    );
}

fn open(browser: &headless_chrome::Browser, page: &Path) -> Arc<Tab> {
    let tab = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(60));
    tab.navigate_to(&format!("file://{}", page.display()))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab
}

#[test]
fn the_chart_pack_has_no_accessibility_violation() {
    let Some(axe) = axe_source() else { return };
    let Some((browser, _profile)) = chromium() else {
        return;
    };
    let dir = crate::pack::fixture::write_sample_pack(&Presenter::internal());
    let page: PathBuf = dir.path().join("chart_pack.html");
    let tab = open(&browser, &page);
    assert_none("chart_pack.html", &violations(&tab, &axe));
    // The data tables too, as a reader who opens them sees them.
    tab.evaluate(
        "document.querySelectorAll('details').forEach((d) => d.open = true)",
        false,
    )
    .unwrap();
    assert_none(
        "chart_pack.html with every table open",
        &violations(&tab, &axe),
    );
    // And axe does see a fault on this page: an image with no text alternative.
    tab.evaluate(
        "document.querySelector('main').append(document.createElement('img'))",
        false,
    )
    .unwrap();
    let found = violations(&tab, &axe);
    assert!(found.iter().any(|v| v.id == "image-alt"), "{found:?}");
}

#[test]
fn the_self_check_page_has_no_accessibility_violation_before_or_after_a_check() {
    let Some(axe) = axe_source() else { return };
    let Some((browser, _profile)) = chromium() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let page = crate::selfcheck::south_east_page(tmp.path());
    let tab = crate::selfcheck::open_page(&browser, &page);
    assert_none("selfcheck.html, ready", &violations(&tab, &axe));
    // A return with an error: the findings table and the status are on the page.
    let faulty = Path::new("sample_returns/846 Brighton and Hove 2024-25 Q3.xlsx");
    crate::selfcheck::check(&tab, faulty);
    assert_none("selfcheck.html, showing findings", &violations(&tab, &axe));
}
