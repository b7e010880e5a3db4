//! The `kinbench run` command line: exit codes, the headline, and the modes'
//! effect on every shared file.

use std::path::Path;
use std::process::{Command, Output};

use super::{copy_sample, csv_maps, schema, SLUG};

fn kinbench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinbench"))
        .args(args)
        .output()
        .expect("run kinbench")
}

/// `kinbench run <copy of sample_returns> --out <root>/out <extra>`, data only.
fn run_cli(root: &Path, extra: &[&str]) -> Output {
    let returns = copy_sample(root);
    let out = root.join("out");
    let mut args = vec![
        "run",
        returns.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    kinbench(&args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn run_on_the_sample_returns_exits_0_with_the_headline() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_cli(tmp.path(), &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.starts_with("Internal to the network: exact values, LAs named."));
    assert!(
        stdout.contains("Metrics for 2025-26 Q2 (regional pooled value; n = LAs included of 19):")
    );
    let m03 = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("M03"))
        .unwrap();
    assert_eq!(
        m03.split_whitespace().collect::<Vec<_>>().join(" "),
        "M03 Temporary share of approvals 59.8% n 18 outliers: Oxfordshire; without them 75.1%"
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("  M")).count(),
        schema().metrics.len()
    );
    assert!(
        stdout.contains("Findings: 8 errors, 12 warnings, 3 info"),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("{SLUG}:")));
    assert!(tmp
        .path()
        .join("out")
        .join(SLUG)
        .join("manifest.json")
        .is_file());
}

#[test]
fn a_period_with_no_usable_return_exits_2_listing_the_periods() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_cli(tmp.path(), &["--period", "Q1 2019/20"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "kinbench: no usable return for 2019-20 Q1; the returns cover \
         2024-25 Q3, 2024-25 Q4, 2025-26 Q1, 2025-26 Q2\n"
    );
    assert!(!tmp.path().join("out").exists());
    let bad = run_cli(tmp.path(), &["--period", "spring"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("'spring' is not a period"));
}

#[test]
fn an_earlier_period_can_be_asked_for_in_any_spelling() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_cli(tmp.path(), &["--period", "Jul-Sep 2025"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let again = kinbench(&[
        "run",
        tmp.path().join("returns").to_str().unwrap(),
        "--out",
        tmp.path().join("out").to_str().unwrap(),
        "--period",
        "2025-26 Q1",
    ]);
    assert_eq!(again.status.code(), Some(0));
    assert!(text(&again.stdout).contains("Metrics for 2025-26 Q1"));
    assert!(tmp.path().join("out/2025-26_Q1/manifest.json").is_file());
    let refused = run_cli(tmp.path(), &["--period", "2025-26 Q2"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("already exists; use --force"));
}

fn number(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}

#[test]
fn publish_hides_small_la_counts_and_rounds_regional_totals() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_cli(tmp.path(), &["--publish"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("Published: DfE disclosure control applied"));
    let data = tmp.path().join("out").join(SLUG).join("data");
    let small = |s: &str| number(s).is_some_and(|v| v > 0.0 && v <= 5.0);
    let values = csv_maps(&data.join("values.csv"));
    assert!(values.iter().all(|r| !small(&r["value"])));
    assert!(values.iter().any(|r| r["value"] == "c"));
    let metrics = csv_maps(&data.join("metrics.csv"));
    let (las, regions): (Vec<_>, Vec<_>) = metrics.iter().partition(|r| r["level"] == "la");
    for r in &las {
        assert!(
            !small(&r["numerator"]) && !small(&r["denominator"]),
            "{r:?}"
        );
    }
    assert!(las.iter().any(|r| r["numerator"] == "c"));
    let mut rounded = 0;
    for r in &regions {
        for key in ["numerator", "denominator"] {
            match number(&r[key]) {
                Some(v) => {
                    assert_eq!(v % 10.0, 0.0, "{key} {r:?}");
                    rounded += 1;
                }
                None => assert_eq!(r[key], "c", "{r:?}"),
            }
        }
    }
    assert!(rounded >= regions.len(), "{rounded}");
    // M03 in 2025-26 Q2 pools 235 of 393 exactly.
    let m03 = regions
        .iter()
        .find(|r| r["metric_id"] == "M03" && r["period"] == "2025-26 Q2")
        .unwrap();
    assert_eq!(
        (m03["numerator"].as_str(), m03["denominator"].as_str()),
        ("240", "390")
    );
    assert_eq!(m03["pooled"], "59.8");
    // Findings quote no counts: each message is its rule's summary, with no
    // value as found (the internal message quotes the reasons' small counts).
    let findings = csv_maps(&data.join("findings.csv"));
    let sum = findings.iter().find(|r| r["rule"] == "SUM001").unwrap();
    assert_eq!(
        sum["message"],
        kinbench::validate::rules::rule("SUM001").unwrap().summary
    );
    assert_eq!(sum["value"], "");
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("../manifest.json")).unwrap())
            .unwrap();
    assert_eq!(m["mode"]["publish"], true);
}

#[test]
fn anonymise_names_no_region_la_in_the_data_the_manifest_or_the_console() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_cli(tmp.path(), &["--anonymise"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dir = tmp.path().join("out").join(SLUG);
    let mut shared = vec![("console".to_string(), text(&out.stdout))];
    for name in ["values", "metrics", "findings"] {
        let path = dir.join(format!("data/{name}.csv"));
        shared.push((name.to_string(), std::fs::read_to_string(path).unwrap()));
    }
    shared.push((
        "manifest".into(),
        std::fs::read_to_string(dir.join("manifest.json")).unwrap(),
    ));
    let las = schema().las.region("South East").unwrap();
    assert_eq!(las.len(), 19);
    for (what, content) in &shared {
        for la in &las {
            assert!(!content.contains(&la.name), "{} in {what}", la.name);
        }
    }
    let metrics = csv_maps(&dir.join("data/metrics.csv"));
    assert!(metrics.iter().all(|r| r["la_code"].is_empty()));
    let oxon = metrics
        .iter()
        .find(|r| r["metric_id"] == "M03" && r["period"] == "2025-26 Q2" && r["outlier"] == "true")
        .unwrap();
    // Letters follow the SHA-256 of (key, LA code); with no key, 931
    // Oxfordshire is LA K. Pinned: networks compare letters across quarters.
    assert_eq!(oxon["la_name"], "LA K");
    assert!(shared[0].1.contains("outliers: LA K; without them 75.1%"));
    assert!(shared[0].1.starts_with("Anonymised: LAs shown by letter"));
    // Each LA's own feedback still names it.
    let own = std::fs::read_to_string(dir.join("feedback/2025-26 Q2/931 Oxfordshire.txt")).unwrap();
    assert!(own.contains("Oxfordshire"));
}
