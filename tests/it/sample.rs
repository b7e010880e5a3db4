//! Tests for the sample stage: determinism, the seeded proportions, clean data
//! that raises nothing, and a manifest that points at what was planted.

use std::collections::BTreeMap;

use calamine::DataType;
use kinbench::period::Period;
use kinbench::sample::{generate, simulate, Dataset, SampleOptions};
use kinbench::schema::{MetricUnit, RelOp, Schema};

use crate::template::schema;

mod committed;
mod manifest_rows;

pub(crate) use manifest_rows::item;

pub(crate) fn options(seed: u64, faults: bool) -> SampleOptions {
    let s = schema();
    let first = Period::new(2024, 3).unwrap();
    SampleOptions {
        region: s
            .las
            .region("South East")
            .unwrap()
            .into_iter()
            .cloned()
            .collect(),
        periods: vec![
            first,
            first.next(),
            first.next().next(),
            first.next().next().next(),
        ],
        seed,
        faults,
    }
}

const SEEDS: [u64; 4] = [2026, 1, 42, 987_654_321];

#[test]
fn the_same_seed_writes_byte_identical_files() {
    let s = schema();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let ra = generate(&s, &options(2026, true), a.path()).unwrap();
    let rb = generate(&s, &options(2026, true), b.path()).unwrap();
    assert_eq!(
        ra.returns.len(),
        19 * 4 - 1 + 1,
        "76 returns: one not sent, one sent twice"
    );
    let manifest = |r: &kinbench::sample::SampleReport| {
        std::fs::read(r.manifest_file.as_ref().unwrap()).unwrap()
    };
    assert!(manifest(&ra) == manifest(&rb), "manifest.csv differs");
    assert_eq!(ra.faults_planted, 14);
    for (fa, fb) in ra.returns.iter().zip(&rb.returns) {
        assert_eq!(fa.file_name(), fb.file_name());
        assert!(
            std::fs::read(fa).unwrap() == std::fs::read(fb).unwrap(),
            "{} differs",
            fa.display()
        );
    }
    let other = simulate(&s, &options(7, true)).unwrap();
    assert_ne!(other, simulate(&s, &options(2026, true)).unwrap());
}

fn total(ds: &Dataset, code: &str, keep: impl Fn(&kinbench::sample::CleanReturn) -> bool) -> f64 {
    ds.returns
        .iter()
        .filter(|r| keep(r))
        .map(|r| r.values[code])
        .sum()
}

#[test]
fn clean_data_has_the_seeded_proportions() {
    let s = schema();
    for seed in SEEDS {
        let ds = simulate(&s, &options(seed, false)).unwrap();
        assert_eq!(ds.outlier.as_deref(), Some("931"));
        let all = |_: &_| true;
        let pct = |n: f64, d: f64| 100.0 * n / d;
        let kin = pct(total(&ds, "A03", all), total(&ds, "A01", all));
        assert!(
            (10.0..=14.0).contains(&kin),
            "seed {seed}: kinship share {kin}"
        );
        let first_cla = total(&ds, "A01", |r| r.period == Period::new(2024, 3).unwrap());
        assert!(
            (9_500.0..=12_500.0).contains(&first_cla),
            "seed {seed}: region CLA {first_cla}"
        );
        let reg24 = pct(total(&ds, "D01", all), total(&ds, "C01", all));
        assert!(
            (20.0..=30.0).contains(&reg24),
            "seed {seed}: D01/C01 {reg24}"
        );
        let mut sgo = Vec::new();
        for period in &options(seed, false).periods {
            let here = |r: &kinbench::sample::CleanReturn| r.period == *period;
            let not_outlier = |r: &kinbench::sample::CleanReturn| here(r) && r.la.code != "931";
            let temp = pct(
                total(&ds, "D01", here),
                total(&ds, "D01", here) + total(&ds, "D02", here),
            );
            assert!(
                (55.0..=65.0).contains(&temp),
                "seed {seed} {period}: temporary share {temp}"
            );
            let d01 = total(&ds, "D01", not_outlier);
            let temp_without = pct(d01, d01 + total(&ds, "D02", not_outlier));
            assert!(
                (70.0..=80.0).contains(&temp_without),
                "seed {seed} {period}: without outlier {temp_without}"
            );
            let share = pct(total(&ds, "B02", here), total(&ds, "B01", here));
            assert!(
                (9.0..=12.0).contains(&share),
                "seed {seed} {period}: SGO share {share}"
            );
            sgo.push(share);
        }
        assert!(
            sgo[0] > sgo[3],
            "seed {seed}: SGO share should fall: {sgo:?}"
        );
        let reasons: Vec<f64> = ["E02", "E03", "E04", "E05", "E06"]
            .iter()
            .map(|c| total(&ds, c, all))
            .collect();
        assert!(
            reasons[1..].iter().all(|&r| r < reasons[0]),
            "seed {seed}: {reasons:?}"
        );
        for r in &ds.returns {
            let caseload = r.values["G02"] / r.values["G01"];
            assert!(
                (5.0..=30.0).contains(&caseload),
                "{} {}: caseload {caseload}",
                r.la.name,
                r.period
            );
        }
    }
}

/// Written here from the rules, not with the generator's own check.
fn findings_on_clean(
    s: &Schema,
    v: &BTreeMap<String, f64>,
    prev: Option<&BTreeMap<String, f64>>,
) -> Vec<String> {
    let mut out = Vec::new();
    let sum = |codes: &[String]| codes.iter().map(|c| v[c]).sum::<f64>();
    for item in &s.items {
        let x = v[&item.code];
        if x < 0.0 || (item.unit == kinbench::schema::Unit::Count && x.fract() != 0.0) {
            out.push(format!("VAL {} {x}", item.code));
        }
        if let Some([lo, hi]) = item.range {
            if !(lo..=hi).contains(&x) {
                out.push(format!("PLAUS001 {} {x}", item.code));
            }
        }
        if let Some(p) = prev.map(|p| p[&item.code]) {
            if (x - p).abs() >= s.change.min_abs && (x - p).abs() > s.change.ratio * p {
                out.push(format!("PLAUS003 {} {p} -> {x}", item.code));
            }
        }
    }
    for rel in &s.relations {
        let ok = match rel.op {
            RelOp::AtMost => sum(&rel.parts) <= sum(&rel.whole),
            RelOp::Equals => sum(&rel.parts) == sum(&rel.whole),
        };
        if !ok {
            out.push(format!("SUM {}", rel.text));
        }
    }
    for m in &s.metrics {
        let (n, d) = (sum(&m.numerator), sum(&m.denominator));
        if (d == 0.0 && n > 0.0) || (m.unit == MetricUnit::Percent && n > d) {
            out.push(format!("PAIR {}", m.id));
        }
        if let (Some([lo, hi]), true) = (m.plausible, d > 0.0) {
            if !(lo..=hi).contains(&(n / d * m.unit.scale())) {
                out.push(format!("PLAUS002 {}", m.id));
            }
        }
    }
    out
}

#[test]
fn clean_data_raises_no_finding() {
    let s = schema();
    for seed in SEEDS {
        let ds = simulate(&s, &options(seed, false)).unwrap();
        assert_eq!(ds.returns.len(), 19 * 4);
        for r in &ds.returns {
            let prev = ds.get(&r.la.code, r.period.prev()).map(|p| &p.values);
            let found = findings_on_clean(&s, &r.values, prev);
            assert!(
                found.is_empty(),
                "seed {seed} {} {}: {found:?}",
                r.la.name,
                r.period
            );
        }
    }
}

#[test]
fn without_faults_every_file_holds_the_clean_values_and_there_is_no_manifest() {
    let s = schema();
    let dir = tempfile::tempdir().unwrap();
    let mut opts = options(5, false);
    opts.region.truncate(3);
    opts.periods.truncate(2);
    let report = generate(&s, &opts, dir.path()).unwrap();
    assert_eq!(report.returns.len(), 6);
    assert!(report.manifest.is_empty() && report.manifest_file.is_none());
    assert!(!dir.path().join("manifest.csv").exists());
    let ds = simulate(&s, &opts).unwrap();
    for r in &ds.returns {
        let file = kinbench::template::file_name(&r.la, r.period);
        for it in &s.items {
            let got = item(dir.path(), &file, "Return", &it.code)
                .as_f64()
                .unwrap();
            assert_eq!(got, r.values[&it.code], "{file} {}", it.code);
        }
    }
}
