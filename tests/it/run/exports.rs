//! What a run writes: the period folder, the M03 story in metrics.csv, the
//! outlier finding, rolling years and counts worked by hand, Parquet against
//! CSV, and manifest.json.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use kinbench::period::Period;
use kinbench::report::export;
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
            "counts.csv",
            "counts.parquet",
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
        .filter(|r| r["level"] != "rolling_year")
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
    for name in ["values", "metrics", "counts", "findings"] {
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
    for name in ["values", "metrics", "counts", "findings"] {
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
    // The bundled schema: each file's SHA-256 equals that of schema/<file> (the
    // bundled texts are those files; bundled_schema_equals_the_files_on_disk).
    let schema_files = m["schema"]["files"].as_array().unwrap();
    let names: Vec<&str> = schema_files
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "return.toml",
            "metrics.toml",
            "comparators.toml",
            "la-lookup.csv"
        ]
    );
    for f in schema_files {
        let file = f["file"].as_str().unwrap();
        assert_eq!(
            f["sha256"],
            sha256(&Path::new("schema").join(file)),
            "{file}"
        );
    }
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

/// Two LAs over four quarters, written with the data exports only. Worked by hand:
///
/// M01 = B02 / B01 (867, 846):
///   2024-25 Q3  2/10, 3/10  →  5/20
///   2024-25 Q4  2/10, B02 blank (846 item missing)  →  2/10
///   2025-26 Q1  3/10, 1/10  →  4/20
///   2025-26 Q2  4/10, 4/10  →  8/20
///   rolling year to 2025-26 Q2: (5 + 2 + 4 + 8)/(20 + 10 + 20 + 20) = 19/70
///   = 27.142857142857142%, over 2 + 1 + 2 + 2 = 7 LA-quarters.
///   No other quarter closes four consecutive quarters.
///
/// 2025-26 Q2 only: C01 10 and 20 → total 30, 2 LAs, mean 15. Reasons E02–E06:
///   E02 30 + 20 = 50, E03 10 + 38 = 48, E04 0 + 2 = 2 (867 gave 0), E05 and E06
///   blank everywhere (0, no LA); sum 100 → shares 50%, 48%, 2%, 0%, 0%.
fn small_run(options: &RunOptions) -> (tempfile::TempDir, Prepared, PathBuf) {
    use crate::aggregate::{la, p, region, used, validation};
    let schema = schema();
    let r = region(schema, 2);
    let m01 = [
        ("2024-25 Q3", [Some(2.0), Some(3.0)]),
        ("2024-25 Q4", [Some(2.0), None]),
        ("2025-26 Q1", [Some(3.0), Some(1.0)]),
        ("2025-26 Q2", [Some(4.0), Some(4.0)]),
    ];
    let q2_extra: [&[(&str, f64)]; 2] = [
        &[("C01", 10.0), ("E02", 30.0), ("E03", 10.0), ("E04", 0.0)],
        &[("C01", 20.0), ("E02", 20.0), ("E03", 38.0), ("E04", 2.0)],
    ];
    let mut subs = Vec::new();
    for (period, b02s) in m01 {
        for ((code, b02), extra) in ["867", "846"].iter().zip(b02s).zip(q2_extra) {
            let mut values = vec![("B01", 10.0)];
            values.extend(b02.map(|v| ("B02", v)));
            if period == "2025-26 Q2" {
                values.extend_from_slice(extra);
            }
            subs.push(used(schema, la(&r, code), p(period), &values));
        }
    }
    let prepared = run::prepare(schema, validation(r, subs), q2(), options).expect("prepare");
    let tmp = tempfile::tempdir().expect("tempdir");
    let ctx = prepared.context(schema);
    let writers = [run::Writer::Files(export::write_data)];
    run::write_run(&ctx, &prepared.benchmark, tmp.path(), false, &writers).expect("write");
    let dir = tmp.path().join(SLUG);
    (tmp, prepared, dir)
}

#[test]
fn rolling_year_rows_in_metrics_csv_are_worked_by_hand() {
    let (_tmp, p, dir) = small_run(&RunOptions::default());
    let rows = csv_maps(&dir.join("data/metrics.csv"));
    let rolling: Vec<_> = rows
        .iter()
        .filter(|r| r["level"] == export::ROLLING_YEAR)
        .collect();
    // One rolling year per metric (every metric has the four quarters), M01's worked above.
    assert_eq!(rolling.len(), p.benchmark.metrics.len());
    let m01 = rolling.iter().find(|r| r["metric_id"] == "M01").unwrap();
    assert_eq!(m01["period"], "2025-26 Q2");
    assert_eq!(m01["unit"], "percent");
    assert_eq!(
        (m01["numerator"].as_str(), m01["denominator"].as_str()),
        ("19", "70")
    );
    let pooled: f64 = m01["pooled"].parse().unwrap();
    assert!((pooled - 27.142857142857142).abs() < 1e-9, "{pooled}");
    assert_eq!(m01["value"], m01["pooled"]);
    assert_eq!(m01["n_included"], "7", "LA-quarters");
    for empty in [
        "la_code",
        "excluded_reason",
        "z",
        "outlier",
        "median",
        "england",
    ] {
        assert_eq!(m01[empty], "", "{empty}");
    }
    // The same as the Benchmark's.
    let y = &p.benchmark.metric("M01").unwrap().rolling_year[0];
    assert_eq!(pooled, y.pooled.unwrap());
    // Rows come after the metric's periods: the last M01 row is its rolling year.
    let last_m01 = rows.iter().rposition(|r| r["metric_id"] == "M01").unwrap();
    assert_eq!(rows[last_m01]["level"], export::ROLLING_YEAR);
    assert_parquet_equals_csv(&dir, "metrics");
}

#[test]
fn counts_csv_holds_count_measures_and_breakdown_shares_worked_by_hand() {
    let (_tmp, p, dir) = small_run(&RunOptions::default());
    let (header, _) = read_csv(&dir.join("data/counts.csv"));
    let names: Vec<&str> = export::COUNTS_COLUMNS.iter().map(|c| c.0).collect();
    assert_eq!(header, names);
    assert_eq!(
        names,
        [
            "measure",
            "breakdown_id",
            "item",
            "label",
            "period",
            "total",
            "n_las",
            "mean",
            "share"
        ]
    );
    let rows = csv_maps(&dir.join("data/counts.csv"));
    // 8 count items × 4 quarters, then 5 reasons × 4 quarters.
    assert_eq!(rows.len(), 8 * 4 + 5 * 4);
    let at = |measure: &str, item: &str, period: &str| {
        rows.iter()
            .find(|r| r["measure"] == measure && r["item"] == item && r["period"] == period)
            .unwrap_or_else(|| panic!("no {measure} row {item} {period}"))
    };
    let c01 = at("count", "C01", "2025-26 Q2");
    let got = |r: &std::collections::BTreeMap<String, String>| {
        ["total", "n_las", "mean", "share"].map(|k| r[k].clone())
    };
    assert_eq!(got(c01), ["30", "2", "15", ""]);
    assert_eq!(c01["breakdown_id"], "");
    assert_eq!(c01["label"], p.benchmark.count("C01").unwrap().label);
    // No LA gave C01 in Q1, nor C03 at all: total 0, 0 LAs, no mean (not a mean of 0).
    assert_eq!(got(at("count", "C01", "2025-26 Q1")), ["0", "0", "", ""]);
    assert_eq!(got(at("count", "C03", "2025-26 Q2")), ["0", "0", "", ""]);
    let part = |item| got(at("breakdown", item, "2025-26 Q2"));
    assert_eq!(part("E02"), ["50", "2", "", "50"]);
    assert_eq!(part("E03"), ["48", "2", "", "48"]);
    assert_eq!(part("E04"), ["2", "2", "", "2"]);
    assert_eq!(part("E05"), ["0", "0", "", "0"]);
    assert_eq!(part("E06"), ["0", "0", "", "0"]);
    // Parts of a quarter with nothing given sum to 0: no share.
    assert_eq!(part_in(&rows, "E02", "2025-26 Q1"), ["0", "0", "", ""]);
    let e02 = at("breakdown", "E02", "2025-26 Q2");
    assert_eq!(e02["breakdown_id"], "reasons_outside_regulations");
    // The same as the Benchmark's.
    let q2_reasons = p.benchmark.breakdowns[0]
        .periods
        .iter()
        .find(|b| b.period == q2())
        .unwrap();
    assert_eq!(q2_reasons.parts[0].total, 50.0);
    assert_eq!(
        p.benchmark.count("C01").unwrap().periods[3].mean,
        Some(15.0)
    );
    assert_parquet_equals_csv(&dir, "counts");
    let counts = read_parquet(&dir.join("data/counts.parquet"));
    assert_eq!(counts.column("total").unwrap().dtype(), &DataType::Float64);
    // manifest.json lists the new files.
    let m: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let paths: Vec<&str> = m["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"data/counts.csv") && paths.contains(&"data/counts.parquet"));
}

fn part_in(
    rows: &[std::collections::BTreeMap<String, String>],
    item: &str,
    period: &str,
) -> [String; 4] {
    let r = rows
        .iter()
        .find(|r| r["measure"] == "breakdown" && r["item"] == item && r["period"] == period)
        .unwrap();
    ["total", "n_las", "mean", "share"].map(|k| r[k].clone())
}

#[test]
fn publish_rounds_regional_counts_and_suppresses_rates_beside_them() {
    let options = RunOptions {
        publish: true,
        ..RunOptions::default()
    };
    let (_tmp, _p, dir) = small_run(&options);
    let rows = csv_maps(&dir.join("data/counts.csv"));
    let at = |measure: &str, item: &str| {
        let r = rows
            .iter()
            .find(|r| r["measure"] == measure && r["item"] == item && r["period"] == "2025-26 Q2")
            .unwrap();
        ["total", "mean", "share"].map(|k| r[k].clone())
    };
    // C01 30 stays 30 (nearest 10), mean 15.0 to one decimal.
    assert_eq!(at("count", "C01"), ["30", "15.0", ""]);
    // E03 48 → 50; its share 48.0 is kept. E04 2 is 1 to 5: `c`, and so is its share.
    assert_eq!(at("breakdown", "E03"), ["50", "", "48.0"]);
    assert_eq!(at("breakdown", "E04"), ["c", "", "c"]);
    // Rolling year: 19 → 20, 70 → 70, 27.142857 → 27.1.
    let metrics = csv_maps(&dir.join("data/metrics.csv"));
    let m01 = metrics
        .iter()
        .find(|r| r["metric_id"] == "M01" && r["level"] == "rolling_year")
        .unwrap();
    assert_eq!(
        [&m01["numerator"], &m01["denominator"], &m01["pooled"]],
        ["20", "70", "27.1"]
    );
    assert_parquet_equals_csv(&dir, "counts");
    assert_parquet_equals_csv(&dir, "metrics");
}

#[test]
fn manifest_records_the_sha256_of_an_edited_schema_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("schema");
    fs::create_dir_all(&dir).unwrap();
    for name in kinbench::schema::FILES {
        fs::copy(Path::new("schema").join(name), dir.join(name)).unwrap();
    }
    let edited = dir.join("metrics.toml");
    let text = fs::read_to_string(&edited).unwrap() + "\n# edited for this run\n";
    fs::write(&edited, text).unwrap();
    let loaded = kinbench::schema::Schema::load(&dir).unwrap();
    let p = run::prepare(
        &loaded,
        super::validation().clone(),
        q2(),
        &RunOptions::default(),
    )
    .unwrap();
    let ctx = p.context(&loaded);
    let out = tmp.path().join("out");
    let writers = [run::Writer::Files(export::write_data)];
    run::write_run(&ctx, &p.benchmark, &out, false, &writers).unwrap();
    let m: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join(SLUG).join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(m["schema"]["origin"], dir.display().to_string());
    let sha_of = |name: &str| {
        m["schema"]["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["file"] == name)
            .unwrap()["sha256"]
            .clone()
    };
    // The edited file's hash, not the bundled one's; the others are unchanged.
    assert_eq!(sha_of("metrics.toml"), sha256(&edited));
    assert_ne!(
        sha_of("metrics.toml"),
        sha256(Path::new("schema/metrics.toml"))
    );
    assert_eq!(
        sha_of("return.toml"),
        sha256(Path::new("schema/return.toml"))
    );
}
