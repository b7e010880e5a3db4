//! `--json`: one JSON object on stdout whose counts are the findings CSV's
//! rows and whose every listed file has the SHA-256 it says; the human
//! summary goes to stderr.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{kinbench, text, validate_sample};
use crate::run::{copy_sample, csv_maps, schema, SLUG};

fn parse(stdout: &[u8]) -> Value {
    let s = text(stdout);
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

/// The summary's finding counts against the CSV the run wrote, row for row.
fn assert_counts_match(json: &Value, csv: &Path) {
    let rows = csv_maps(csv);
    assert!(!rows.is_empty());
    let f = &json["findings"];
    assert_eq!(f["total"], rows.len());
    for severity in ["error", "warning", "info"] {
        let n = rows.iter().filter(|r| r["severity"] == severity).count();
        assert_eq!(f["by_severity"][severity], n, "{severity}");
    }
    let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
    for r in &rows {
        *by_rule.entry(r["rule"].clone()).or_default() += 1;
    }
    let listed: BTreeMap<String, usize> = f["by_rule"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let code = r["rule"].as_str().unwrap();
            let rule = kinbench::validate::rules::rule(code).unwrap();
            assert_eq!(r["name"], rule.name);
            assert_eq!(r["severity"], rule.severity.as_str());
            (code.to_string(), r["count"].as_u64().unwrap() as usize)
        })
        .collect();
    assert_eq!(listed, by_rule);
}

/// Every file in `folder` is listed once, with its size and SHA-256.
fn assert_hashes_match(json: &Value, folder: &Path) {
    assert_eq!(json["outputs"]["folder"], folder.to_str().unwrap());
    let files = json["outputs"]["files"].as_array().unwrap();
    let mut on_disk = Vec::new();
    walk(folder, folder, &mut on_disk);
    on_disk.sort();
    let listed: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(listed, on_disk);
    for f in files {
        let bytes = std::fs::read(folder.join(f["path"].as_str().unwrap())).unwrap();
        let sha: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(f["sha256"], sha, "{}", f["path"]);
        assert_eq!(f["size"], bytes.len());
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(root, &path, out);
        } else {
            let rel = path.strip_prefix(root).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|la| la["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn validate_json_counts_equal_findings_csv_and_every_hash_is_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = validate_sample(tmp.path(), &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json = parse(&out.stdout);
    assert!(
        text(&out.stderr).contains("Findings: "),
        "human summary on stderr"
    );
    assert_eq!(json["command"], "validate");
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["exit_code"], 0);
    assert_eq!(json["region"]["name"], "South East");
    assert_eq!(json["region"]["las"], 19);
    assert_eq!(json["period"], "2025-26 Q2");
    assert!(json["metrics"].is_null());
    let checks = tmp.path().join("checks");
    assert_counts_match(&json, &checks.join("findings.csv"));
    assert_hashes_match(&json, &checks);
    let rows = csv_maps(&checks.join("findings.csv"));
    let periods = json["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 4);
    for p in periods {
        let period = p["period"].as_str().unwrap();
        let (received, missing) = (names(&p["received"]), names(&p["not_received"]));
        assert_eq!(received.len() + missing.len(), 19, "{period}");
        // Not received is exactly the period's FILE020 findings.
        let mut file020: Vec<String> = rows
            .iter()
            .filter(|r| r["rule"] == "FILE020" && r["period"] == period)
            .map(|r| r["la_name"].clone())
            .collect();
        let mut missing = missing;
        file020.sort();
        missing.sort();
        assert_eq!(missing, file020, "{period}");
        // Needing resubmission: each has an error in a file it sent for the period.
        for name in names(&p["resubmission_needed"]) {
            assert!(
                rows.iter().any(|r| r["la_name"] == name
                    && r["period"] == period
                    && r["severity"] == "error"
                    && !r["file"].is_empty()),
                "{name} {period}"
            );
        }
    }
    let q2 = &periods[3];
    assert!(!names(&q2["resubmission_needed"]).is_empty());
}

#[test]
fn run_json_has_the_headline_counts_equal_to_the_data_and_exits_3_on_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let returns = copy_sample(tmp.path());
    let out_dir = tmp.path().join("out");
    let out = kinbench(&[
        "run",
        returns.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--json",
        "--fail-on",
        "error",
    ]);
    let stderr = text(&out.stderr);
    // The sample has errors, so --fail-on error gives 3 once every output is written.
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("Metrics for 2025-26 Q2"), "{stderr}");
    let json = parse(&out.stdout);
    assert_eq!(json["command"], "run");
    assert_eq!(json["exit_code"], 3);
    assert_eq!(json["period"], "2025-26 Q2");
    assert_eq!(json["mode"]["publish"], false);
    let folder = out_dir.join(SLUG);
    assert_counts_match(&json, &folder.join("data/findings.csv"));
    assert_hashes_match(&json, &folder);
    assert!(json["findings"]["by_severity"]["error"].as_u64().unwrap() > 0);
    let metrics = json["metrics"].as_array().unwrap();
    assert_eq!(metrics.len(), schema().metrics.len());
    let m03 = metrics.iter().find(|m| m["id"] == "M03").unwrap();
    assert_eq!(m03["shown"], "59.8%");
    assert_eq!(m03["value"], 59.8);
    assert_eq!(m03["n_included"], 18);
    assert_eq!(names(&m03["outliers"]), ["Oxfordshire"]);
    assert_eq!(m03["outliers"][0]["code"], "931");
    assert_eq!(m03["without_outliers"], "75.1%");
}

#[test]
fn with_anonymise_the_json_names_no_region_la() {
    let tmp = tempfile::tempdir().unwrap();
    let returns = copy_sample(tmp.path());
    let out_dir = tmp.path().join("out");
    let out = kinbench(&[
        "run",
        returns.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--anonymise",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for la in schema().las.region("South East").unwrap() {
        assert!(!stdout.contains(&la.name), "{}", la.name);
    }
    let json = parse(&out.stdout);
    assert_eq!(json["mode"]["anonymise"], true);
    let q2 = json["periods"].as_array().unwrap().last().unwrap();
    let received = q2["received"].as_array().unwrap();
    assert!(!received.is_empty());
    for la in received {
        assert!(la["code"].is_null(), "{la}");
        assert!(la["name"].as_str().unwrap().starts_with("LA "), "{la}");
    }
    // Every file is still listed, by its anonymised path.
    let mut on_disk = Vec::new();
    walk(&out_dir.join(SLUG), &out_dir.join(SLUG), &mut on_disk);
    assert_eq!(
        json["outputs"]["files"].as_array().unwrap().len(),
        on_disk.len()
    );
}
