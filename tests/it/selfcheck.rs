//! The self-check page in headless Chromium: the findings it shows for a file
//! are those of the analyst's run on that file alone, it renders them for a
//! person, it sends nothing, and no file leaves it blank or hanging.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Network, Page};
use headless_chrome::{Browser, Tab};
use kinbench::period::Period;
use kinbench::schema::Schema;
use kinbench::selfcheck::{page, PageFor};
use kinbench::validate::{returns_in, validate_folder, Finding};
use serde::Deserialize;

use crate::browser::chromium;

/// The rules that need the whole region, which the page says it cannot check.
const REGION_WIDE: [&str; 4] = ["FILE018", "FILE020", "PLAUS003", "PLAUS004"];

/// One finding as the page shows it, or as the native run gives it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
struct Row {
    rule: String,
    severity: String,
    items: String,
    cell: String,
    value: String,
    message: String,
    action: String,
}

/// What the page shows once it has checked a file.
#[derive(Debug, Deserialize)]
pub(crate) struct Shown {
    state: String,
    status: String,
    la: String,
    period: String,
    rows: Vec<Row>,
    summary: Vec<String>,
    values: usize,
}

pub(crate) fn south_east_page(dir: &Path) -> PathBuf {
    let schema = Schema::bundled().unwrap();
    let options = crate::south_east_options(&schema);
    let html = page(&PageFor {
        schema: &schema,
        schema_texts: Schema::texts(None).unwrap(),
        region_name: "South East",
        las: &options.region,
        period: Period::new(2025, 2).unwrap(),
    });
    let path = dir.join("selfcheck.html");
    std::fs::write(&path, html).unwrap();
    path
}

/// A tab with the page loaded and its module compiled.
pub(crate) fn open_page(browser: &Browser, page: &Path) -> Arc<Tab> {
    let tab = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(20));
    tab.navigate_to(&format!("file://{}", page.display()))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab.wait_for_element("body[data-ready=yes]").unwrap();
    tab
}

/// Waits for the page to finish with the file (at most 30 s), then reads what it shows.
const COLLECT: &str = r##"new Promise((resolve) => {
  const until = Date.now() + 30000;
  const collect = () => JSON.stringify({
    state: document.body.dataset.state,
    status: document.getElementById("status").textContent,
    la: document.getElementById("fact-la").textContent,
    period: document.getElementById("fact-period").textContent,
    rows: [...document.querySelectorAll("#findings tbody tr")].map(tr => ({
      rule: tr.dataset.rule, severity: tr.dataset.severity, items: tr.dataset.items,
      cell: tr.dataset.cell || "", value: tr.dataset.value === undefined ? "" : tr.dataset.value,
      message: tr.cells[4].textContent, action: tr.cells[5].textContent })),
    summary: [...document.querySelectorAll("#summary-list li")].map(li => li.textContent),
    values: document.querySelectorAll("#values tbody tr").length,
  });
  const poll = () => ["done", "failed"].includes(document.body.dataset.state) || Date.now() > until
    ? resolve(collect()) : setTimeout(poll, 2);
  poll();
})"##;

/// Gives the page `file` through its file input, as a person choosing it would,
/// and reads what it shows when done.
pub(crate) fn check(tab: &Tab, file: &Path) -> Shown {
    tab.evaluate("document.body.dataset.state = 'waiting'", false)
        .unwrap();
    let input = tab.wait_for_element("#file").unwrap();
    let abs = file.canonicalize().unwrap();
    input.set_input_files(&[abs.to_str().unwrap()]).unwrap();
    let json = tab.evaluate(COLLECT, true).unwrap().value.unwrap();
    let shown: Shown = serde_json::from_str(json.as_str().unwrap()).unwrap();
    assert_ne!(
        shown.state,
        "waiting",
        "{}: the page did not finish",
        file.display()
    );
    shown
}

/// The native findings for `file` alone, less the region-wide rules; None when
/// a returns folder's run would not take the file for a return (a README).
fn native(schema: &Schema, file: &Path) -> Option<Vec<Row>> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(file, dir.path().join(file.file_name().unwrap())).unwrap();
    if returns_in(dir.path()).unwrap().is_empty() {
        return None;
    }
    let validation =
        validate_folder(schema, dir.path(), &crate::south_east_options(schema)).unwrap();
    let mut rows: Vec<Row> = validation
        .findings
        .iter()
        .filter(|f| !REGION_WIDE.contains(&f.rule.as_str()))
        .map(row)
        .collect();
    rows.sort();
    Some(rows)
}

fn row(f: &Finding) -> Row {
    Row {
        rule: f.rule.to_string(),
        severity: f.severity.as_str().to_string(),
        items: f.items.join(" "),
        cell: f.cell.clone().unwrap_or_default(),
        value: f.value.clone().unwrap_or_default(),
        message: f.message.clone(),
        action: f.action.clone(),
    }
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn the_page_finds_what_the_analyst_finds_for_every_sample_and_fixture() {
    let Some((browser, _profile)) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let tab = open_page(&browser, &south_east_page(dir.path()));
    let schema = Schema::bundled().unwrap();
    let mut files = Vec::new();
    files_under(Path::new("sample_returns"), &mut files);
    files_under(Path::new("tests/fixtures"), &mut files);
    assert!(files.len() > 90, "{} files", files.len());
    let mut with_findings = 0;
    let (mut page_time, mut native_time) = (Duration::ZERO, Duration::ZERO);
    for file in &files {
        let started = std::time::Instant::now();
        let Some(expected) = native(&schema, file) else {
            continue;
        };
        native_time += started.elapsed();
        let started = std::time::Instant::now();
        let shown = check(&tab, file);
        page_time += started.elapsed();
        assert_eq!(shown.state, "done", "{}", file.display());
        let mut rows = shown.rows;
        rows.sort();
        assert_eq!(rows, expected, "{}", file.display());
        with_findings += usize::from(!expected.is_empty());
    }
    eprintln!("page {page_time:?}, native {native_time:?}");
    // Not a vacuous match: most of these files have findings.
    assert!(with_findings > 20, "{with_findings} files with findings");
}

#[test]
fn faulty_returns_are_shown_row_by_row_with_the_feedbacks_status() {
    let Some((browser, _profile)) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let tab = open_page(&browser, &south_east_page(dir.path()));

    let slough = check(&tab, Path::new("sample_returns/871 Slough 2025-26 Q2.xlsx"));
    assert_eq!(slough.status, "Status: resubmission needed");
    assert_eq!(slough.la, "Slough (871)");
    assert_eq!(slough.period, "2025-26 Q2");
    let brief: Vec<(&str, &str)> = slough
        .rows
        .iter()
        .map(|r| (r.rule.as_str(), r.cell.as_str()))
        .collect();
    assert_eq!(brief, [("PAIR002", "Return!C23"), ("VAL003", "Return!C23")]);
    assert_eq!(slough.rows[1].value, "c");
    assert!(
        slough.rows[1].message.contains("withheld"),
        "{:?}",
        slough.rows[1]
    );
    // The error summary links the one error, by its cell.
    assert_eq!(slough.summary.len(), 1);
    assert!(
        slough.summary[0].starts_with("Return!C23: "),
        "{:?}",
        slough.summary
    );
    assert_eq!(slough.values, Schema::bundled().unwrap().items.len());

    let hampshire = check(
        &tab,
        Path::new("sample_returns/850 Hampshire 2025-26 Q2.xlsx"),
    );
    assert_eq!(hampshire.status, "Status: accepted with warnings");
    let brief: Vec<(&str, &str, &str)> = hampshire
        .rows
        .iter()
        .map(|r| (r.rule.as_str(), r.cell.as_str(), r.value.as_str()))
        .collect();
    assert_eq!(brief, [("VAL002", "Return!C32", "n/a")]);
    assert!(hampshire.summary.is_empty());

    let kent = check(&tab, Path::new("sample_returns/886 Kent 2025-26 Q2.xlsx"));
    assert_eq!(kent.status, "Status: accepted");
    assert!(kent.rows.is_empty());

    let pdf = check(&tab, Path::new("tests/fixtures/hostile/README.md"));
    assert_eq!(pdf.status, "Status: resubmission needed");
    assert_eq!(pdf.la, "not identified");
    assert_eq!(pdf.rows.len(), 1);
    assert_eq!(pdf.rows[0].rule, "FILE001");
    assert_eq!(pdf.values, 0);
}

#[test]
fn the_page_sends_nothing_while_checking_a_file() {
    let html = south_east_page(tempfile::tempdir().unwrap().keep().as_path());
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains(
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">"#
    ));
    for outside in ["http://", "https://", "//fonts", "src=\"http"] {
        assert!(!text.contains(outside), "the page names {outside}");
    }
    let Some((browser, _profile)) = chromium() else {
        return;
    };
    let tab = browser.new_tab().unwrap();
    let requests: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = requests.clone();
    tab.add_event_listener(Arc::new(move |event: &Event| {
        if let Event::NetworkRequestWillBeSent(e) = event {
            seen.lock().unwrap().push(e.params.request.url.clone());
        }
    }))
    .unwrap();
    tab.call_method(Network::Enable {
        max_total_buffer_size: None,
        max_resource_buffer_size: None,
        max_post_data_size: None,
        report_direct_socket_traffic: None,
        enable_durable_messages: None,
    })
    .unwrap();
    let url = format!("file://{}", html.display());
    tab.navigate_to(&url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab.wait_for_element("body[data-ready=yes]").unwrap();
    // The watch works: loading the page itself is the one request seen.
    let loaded = std::mem::take(&mut *requests.lock().unwrap());
    assert_eq!(loaded, [url]);

    let shown = check(
        &tab,
        Path::new("sample_returns/826 Milton Keynes 2025-26 Q2.xlsx"),
    );
    assert_eq!(shown.status, "Status: resubmission needed");
    tab.evaluate("document.getElementById('save').click()", false)
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let during = requests.lock().unwrap().clone();
    assert_eq!(during, Vec::<String>::new());
}

#[test]
fn hostile_files_each_get_a_file_finding_and_an_over_size_file_is_not_read() {
    let Some((browser, _profile)) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let tab = open_page(&browser, &south_east_page(dir.path()));
    let mut files = Vec::new();
    files_under(Path::new("tests/fixtures/hostile"), &mut files);
    files.retain(|f| f.extension().is_some_and(|e| e != "md" && e != "py"));
    assert!(files.len() >= 9);
    for file in &files {
        let shown = check(&tab, file);
        assert_eq!(
            shown.status,
            "Status: resubmission needed",
            "{}",
            file.display()
        );
        assert!(
            shown
                .rows
                .iter()
                .any(|r| r.rule.starts_with("FILE") && r.severity == "error"),
            "{}: {:?}",
            file.display(),
            shown.rows
        );
    }

    // 20 MiB and one byte of zeros: refused from its size. The page is
    // watched for reading it: a read would call File.arrayBuffer.
    let big = dir.path().join("huge.xlsx");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(20 * 1024 * 1024 + 1).unwrap();
    tab.evaluate(
        "window.kbReads = 0; const kbRead = File.prototype.arrayBuffer; \
         File.prototype.arrayBuffer = function () { window.kbReads++; return kbRead.call(this); }",
        false,
    )
    .unwrap();
    let shown = check(&tab, &big);
    assert_eq!(shown.rows.len(), 1);
    assert_eq!(shown.rows[0].rule, "FILE004");
    let expected = native(&Schema::bundled().unwrap(), &big).unwrap();
    assert_eq!(shown.rows, expected);
    let reads = tab
        .evaluate("window.kbReads", false)
        .unwrap()
        .value
        .unwrap();
    assert_eq!(reads.as_u64(), Some(0));
    // And a file within the limit is read, once: the watch works.
    check(&tab, Path::new("sample_returns/886 Kent 2025-26 Q2.xlsx"));
    let reads = tab
        .evaluate("window.kbReads", false)
        .unwrap()
        .value
        .unwrap();
    assert_eq!(reads.as_u64(), Some(1));
}

/// The screenshot in docs/for-la-officers.md: taken on every run into target/,
/// and into docs/img/ when `KINBENCH_UPDATE_SCREENSHOTS` is set.
#[test]
fn screenshot_for_the_officers_guide() {
    let Some((browser, _profile)) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let tab = open_page(&browser, &south_east_page(dir.path()));
    check(&tab, Path::new("sample_returns/871 Slough 2025-26 Q2.xlsx"));
    let png = tab
        .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("selfcheck.png"),
        &png,
    )
    .unwrap();
    if std::env::var_os("KINBENCH_UPDATE_SCREENSHOTS").is_some() {
        std::fs::write("docs/img/selfcheck.png", &png).unwrap();
    }
}
