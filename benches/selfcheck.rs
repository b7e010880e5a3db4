//! The self-check page's size, and the time from a file given to it to its
//! findings on screen, in headless Chromium (Debian's `chromium`).
//!
//!   cargo bench --profile dev --bench selfcheck [-- RUNS]   # default 20 checks of each file
//!
//! The dev profile is enough: the browser does the timed work, in the committed
//! release-built module, and it spares a release build of polars.
//!
//! The page times itself (`data-ms` on its body: from the file chosen to the
//! findings drawn, reading the file included); this prints the median, fastest
//! and slowest of RUNS for a clean return, a faulty one and an .ods.

use std::path::Path;
use std::time::Duration;

use headless_chrome::Tab;
use kinbench::period::Period;
use kinbench::schema::Schema;
use kinbench::selfcheck::{page, PageFor};

#[path = "../tests/it/browser.rs"]
mod browser;

const FILES: [&str; 3] = [
    "sample_returns/825 Buckinghamshire 2025-26 Q2.xlsx",
    "sample_returns/871 Slough 2025-26 Q2.xlsx",
    "sample_returns/938 West Sussex 2025-26 Q1.ods",
];

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20);
    let schema = Schema::bundled().expect("the bundled schema");
    let region: Vec<_> = schema
        .las
        .region("South East")
        .expect("the South East")
        .into_iter()
        .cloned()
        .collect();
    let html = page(&PageFor {
        schema: &schema,
        schema_texts: Schema::texts(None).expect("the schema's texts"),
        region_name: "South East",
        las: &region,
        period: Period::new(2025, 2).expect("a period"),
    });
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("selfcheck.html");
    std::fs::write(&path, &html).expect("the page");
    println!(
        "page: {} bytes ({:.2} MB)",
        html.len(),
        html.len() as f64 / 1e6
    );

    let Some((browser, _profile)) = browser::chromium() else {
        return;
    };
    let tab = browser.new_tab().expect("a tab");
    tab.set_default_timeout(Duration::from_secs(30));
    tab.navigate_to(&format!("file://{}", path.display()))
        .and_then(|t| t.wait_until_navigated())
        .expect("the page loads");
    tab.wait_for_element("body[data-ready=yes]")
        .expect("the module compiles");
    println!("| file | bytes | median ms | min | max (of {runs}) |");
    println!("|---|---|---|---|---|");
    for file in FILES {
        let mut ms: Vec<f64> = (0..runs).map(|_| check(&tab, Path::new(file))).collect();
        ms.sort_by(f64::total_cmp);
        let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        println!(
            "| {file} | {size} | {:.1} | {:.1} | {:.1} |",
            ms[ms.len() / 2],
            ms[0],
            ms[ms.len() - 1]
        );
    }
}

/// Gives the page `file` as a person choosing it would, and returns the page's own time.
fn check(tab: &Tab, file: &Path) -> f64 {
    // A cleared input fires its change event even for the file it had.
    tab.evaluate(
        "delete document.body.dataset.ms; document.getElementById('file').value = ''",
        false,
    )
    .expect("reset");
    let abs = file.canonicalize().expect("the file");
    let input = tab.wait_for_element("#file").expect("the file input");
    input
        .set_input_files(&[abs.to_str().expect("a UTF-8 path")])
        .expect("the file given");
    let wait = r#"new Promise((resolve) => {
      const poll = () => document.body.dataset.ms ? resolve(document.body.dataset.ms) : setTimeout(poll, 1);
      poll();
    })"#;
    let ms = tab.evaluate(wait, true).expect("the findings").value;
    ms.and_then(|v| v.as_str().and_then(|s| s.parse().ok()))
        .expect("the page's time")
}
