//! What a run writes: the period folder, the M03 story in metrics.csv, the
//! outlier finding, Parquet against CSV, and manifest.json.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use kinbench::period::Period;
use kinbench::report::run::{self, Prepared, RunOptions};
use polars::prelude::*;
use sha2::{Digest, Sha256};

use super::{csv_maps, full_run, prepared, read_csv, schema, SLUG};

/// A run written from the shared validation into a fresh folder.
pub fn written(options: &RunOptions) -> (tempfile::TempDir, Prepared, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let p = prepared(options);
    let ctx = p.context(schema());
    let w = run::WRITERS;
    run::write_run(&ctx, &p.benchmark, tmp.path(), false, &w).expect("write");
    let dir = tmp.path().join(SLUG);
    (tmp, p, dir)
}

fn q2() -> Period {
    Period::parse("2025-26 Q2").unwrap().0
}

#[test]
fn a_full_run_writes_the_latest_period_folder_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, dir) = full_run(tmp.path(), &RunOptions::default());
    assert_eq!(p.benchmark.period, q2());
    let mut top: Vec<String> = fs::read_dir(tmp.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, [SLUG]);
    let mut inside: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    inside.sort();
    assert_eq!(
        inside,
        [
            "chart_pack.html",
            "charts",
            "data",
            "feedback",
            "kinship_benchmark_2025-26_Q2.xlsx",
            "manifest.json"
        ]
    );
    let mut data: Vec<String> = fs::read_dir(dir.join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    data.sort();
    assert_eq!(
        data,
        [
            "findings.csv",
            "findings.parquet",
            "metrics.csv",
            "metrics.parquet",
            "values.csv",
            "values.parquet"
        ]
    );
    assert!(dir
        .join("feedback/2025-26 Q2/931 Oxfordshire.txt")
        .is_file());
}

#[test]
fn metrics_csv_tells_the_m03_story_with_and_without_oxfordshire() {
    let (_tmp, p, dir) = written(&RunOptions::default());
    let m03 = p.benchmark.metric("M03").unwrap().at(q2()).unwrap();
    let rows = csv_maps(&dir.join("data/metrics.csv"));
    let of_q2: Vec<_> = rows
        .iter()
        .filter(|r| r["metric_id"] == "M03" && r["period"] == "2025-26 Q2")
        .collect();
    assert_eq!(of_q2.len(), 1 + 19, "a region row and one per LA");
    let region = of_q2[0];
    assert_eq!(region["level"], "region");
    let num = |k: &str| region[k].parse::<f64>().unwrap();
    assert_eq!(num("pooled"), m03.region.pooled.unwrap());
    assert_eq!(num("value"), m03.region.pooled.unwrap());
    assert_eq!(
        num("pooled_without_outliers"),
        m03.region.pooled_without_outliers.unwrap()
    );
    assert_eq!(num("numerator"), m03.region.numerator);
    assert_eq!(num("denominator"), m03.region.denominator);
    assert_eq!(region["n_included"], m03.region.n_included.to_string());
    assert_eq!(region["n_outliers"], "1");
    // The planted story: about 60/40 with Oxfordshire, 75/25 without.
    assert!((num("pooled") - 60.0).abs() <= 3.0, "{}", num("pooled"));
    assert!((num("pooled_without_outliers") - 75.0).abs() <= 3.0);
    let outliers: Vec<&str> = of_q2[1..]
        .iter()
        .filter(|r| r["outlier"] == "true")
        .map(|r| r["la_name"].as_str())
        .collect();
    assert_eq!(outliers, ["Oxfordshire"]);
    let oxon = of_q2.iter().find(|r| r["la_code"] == "931").unwrap();
    let la = m03.la("931").unwrap();
    assert_eq!(oxon["value"].parse::<f64>().unwrap(), la.value.unwrap());
    assert_eq!(oxon["z"].parse::<f64>().unwrap(), la.z.unwrap());
    assert_eq!(oxon["pooled"], "", "region columns are empty on LA rows");
    // LA rows by code: 825 Buckinghamshire first.
    assert_eq!(of_q2[1]["la_code"], "825");
}

#[test]
fn the_oxfordshire_outlier_is_in_findings_csv_and_in_its_feedback() {
    let (_tmp, p, dir) = written(&RunOptions::default());
    let finding = p
        .benchmark
        .findings
        .iter()
        .find(|f| f.la_code.as_deref() == Some("931") && f.period == Some(q2()))
        .expect("PLAUS004 for Oxfordshire in 2025-26 Q2");
    assert!(finding.message.contains("M03"), "{}", finding.message);
    let rows = csv_maps(&dir.join("data/findings.csv"));
    let row = rows
        .iter()
        .find(|r| r["rule"] == "PLAUS004" && r["la_code"] == "931" && r["period"] == "2025-26 Q2")
        .expect("in data/findings.csv");
    assert_eq!(row["message"], finding.message);
    assert_eq!(row["items"], "D01 D02");
    assert_eq!(row["file"], "931 Oxfordshire 2025-26 Q2.xlsx");
    assert_eq!(rows.len(), p.validation.findings.len());
    let text = fs::read_to_string(dir.join("feedback/2025-26 Q2/931 Oxfordshire.txt")).unwrap();
    assert!(text.contains(&finding.message), "{text}");
    let sub = p.validation.used("931", q2()).unwrap();
    assert!(sub.findings.contains(finding));
}

fn read_parquet(path: &Path) -> DataFrame {
    ParquetReader::new(File::open(path).unwrap())
        .finish()
        .unwrap()
}

/// Each Parquet cell against the CSV's text, by type: numbers parse to the same f64.
fn assert_parquet_equals_csv(dir: &Path, name: &str) {
    let df = read_parquet(&dir.join(format!("data/{name}.parquet")));
    let (header, rows) = read_csv(&dir.join(format!("data/{name}.csv")));
    let names: Vec<String> = df.columns().iter().map(|c| c.name().to_string()).collect();
    assert_eq!(names, header, "{name}");
    assert_eq!(df.height(), rows.len(), "{name}");
    assert!(df.height() > 0);
    for (j, column) in df.columns().iter().enumerate() {
        for (i, row) in rows.iter().enumerate() {
            let text = &row[j];
            let at = format!("{name} row {i} column {}", header[j]);
            match column.get(i).unwrap() {
                AnyValue::Null => assert_eq!(text, "", "{at}"),
                AnyValue::Float64(x) => assert_eq!(text.parse::<f64>().unwrap(), x, "{at}"),
                AnyValue::Boolean(b) => assert_eq!(text, &b.to_string(), "{at}"),
                AnyValue::String(s) => assert_eq!(text, s, "{at}"),
                AnyValue::StringOwned(s) => assert_eq!(text, s.as_str(), "{at}"),
                other => panic!("{at}: unexpected {other:?}"),
            }
        }
    }
}

#[test]
fn parquet_holds_what_the_csv_holds() {
    let (_tmp, _p, dir) = written(&RunOptions::default());
    for name in ["values", "metrics", "findings"] {
        assert_parquet_equals_csv(&dir, name);
    }
    let metrics = read_parquet(&dir.join("data/metrics.parquet"));
    assert_eq!(
        metrics.column("pooled").unwrap().dtype(),
        &DataType::Float64
    );
    assert_eq!(
        metrics.column("outlier").unwrap().dtype(),
        &DataType::Boolean
    );
}

#[test]
fn parquet_holds_what_the_csv_holds_in_publish_mode() {
    let options = RunOptions {
        publish: true,
        anonymise: true,
        ..RunOptions::default()
    };
    let (_tmp, _p, dir) = written(&options);
    for name in ["values", "metrics", "findings"] {
        assert_parquet_equals_csv(&dir, name);
    }
    let metrics = read_parquet(&dir.join("data/metrics.parquet"));
    assert_eq!(
        metrics.column("numerator").unwrap().dtype(),
        &DataType::String
    );
}

fn sha256(path: &Path) -> String {
    Sha256::digest(fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn manifest_lists_every_input_and_output_with_its_sha256() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, dir) = full_run(tmp.path(), &RunOptions::default());
    let text = fs::read_to_string(dir.join("manifest.json")).unwrap();
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(m["period"], "2025-26 Q2");
    assert_eq!(m["region"]["name"], "South East");
    assert_eq!(m["mode"]["publish"], false);
    assert_eq!(m["mode"]["anonymise"], false);
    assert_eq!(m["schema"]["template_version"], 1);
    let returns = tmp.path().join("returns");
    let inputs = m["inputs"].as_array().unwrap();
    let mut expected: Vec<String> = fs::read_dir(&returns)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "manifest.csv" && n != "README.md")
        .collect();
    expected.sort();
    let listed: Vec<&str> = inputs.iter().map(|i| i["file"].as_str().unwrap()).collect();
    assert_eq!(listed, expected);
    for input in inputs {
        let file = input["file"].as_str().unwrap();
        assert_eq!(input["sha256"], sha256(&returns.join(file)), "{file}");
    }
    let oxon = inputs
        .iter()
        .find(|i| i["file"] == "931 Oxfordshire 2025-26 Q2.xlsx")
        .unwrap();
    assert_eq!(oxon["la_code"], "931");
    assert_eq!(oxon["period"], "2025-26 Q2");
    assert_eq!(oxon["status"], "used");
    let on_disk = super::files(&dir);
    let outputs = m["outputs"].as_array().unwrap();
    let paths: Vec<&str> = outputs
        .iter()
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = on_disk
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "manifest.json")
        .collect();
    assert_eq!(paths, expected);
    for o in outputs {
        let path = dir.join(o["path"].as_str().unwrap());
        assert_eq!(o["sha256"], sha256(&path));
        assert_eq!(o["size"], fs::metadata(&path).unwrap().len());
    }
    let v = &p.validation;
    assert_eq!(m["counts"]["files"], v.submissions.len());
    let errors = v
        .findings
        .iter()
        .filter(|f| f.severity.as_str() == "error")
        .count();
    assert_eq!(m["counts"]["findings"]["error"], errors);
    let q2 = &m["counts"]["by_period"][3];
    assert_eq!(q2["period"], "2025-26 Q2");
    assert_eq!(q2["las_received"], 18);
    assert_eq!(q2["las_not_received"], 1);
}
