//! The committed `sample_returns/` through the real reader and validator:
//! exactly the planted faults are found, each at its cell, and nothing else.

use std::collections::BTreeSet;
use std::path::Path;

use kinbench::period::Period;
use kinbench::sample::{manifest, simulate, SampleOptions};
use kinbench::schema::Schema;
use kinbench::validate::{validate_folder, Options, ReturnStatus, Validation, ValueStatus};

const DIR: &str = "sample_returns";

fn schema() -> Schema {
    Schema::bundled().unwrap()
}

fn region(schema: &Schema) -> Vec<kinbench::schema::La> {
    schema
        .las
        .region("South East")
        .unwrap()
        .into_iter()
        .cloned()
        .collect()
}

/// Validated once for all the tests here: reading 76 files is the slow part.
fn validation(schema: &Schema) -> &'static Validation {
    static RUN: std::sync::OnceLock<Validation> = std::sync::OnceLock::new();
    RUN.get_or_init(|| read_all(schema))
}

fn read_all(schema: &Schema) -> Validation {
    let options = Options {
        region: region(schema),
        region_name: "South East".into(),
        limits: Default::default(),
    };
    validate_folder(schema, Path::new(DIR), &options).unwrap()
}

/// (file, LA code, period, rule, severity, items, cell, value): what must match
/// between a finding and the manifest.
type Key = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

#[test]
fn findings_equal_the_planted_fault_manifest() {
    let schema = schema();
    let v = validation(&schema);
    let expected: BTreeSet<Key> = manifest::read(&Path::new(DIR).join("manifest.csv"))
        .unwrap()
        .into_iter()
        .filter(|r| !r.rule.is_empty())
        .map(|r| {
            (
                r.file, r.la_code, r.period, r.rule, r.severity, r.items, r.cell, r.value,
            )
        })
        .collect();
    let found: BTreeSet<Key> = v
        .findings
        .iter()
        .map(|f| {
            (
                f.file.clone(),
                f.la_code.clone().unwrap_or_default(),
                f.period.map(|p| p.to_string()).unwrap_or_default(),
                f.rule.to_string(),
                f.severity.as_str().to_string(),
                f.items.join(" "),
                f.cell.clone().unwrap_or_default(),
                f.value.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(found.len(), v.findings.len(), "a finding is repeated");
    let missing: Vec<_> = expected.difference(&found).collect();
    let unplanted: Vec<_> = found.difference(&expected).collect();
    assert!(
        missing.is_empty() && unplanted.is_empty(),
        "planted but not found: {missing:#?}\nfound but not planted: {unplanted:#?}"
    );
    // 19 manifest rows, one of which (rows moved) expects no finding.
    assert_eq!(expected.len(), 18);
}

#[test]
fn every_non_empty_value_cell_is_used_or_named_in_a_finding() {
    let v = validation(&schema());
    let mut checked = 0;
    for s in &v.submissions {
        for item in s.values.values().filter(|i| !i.as_found.trim().is_empty()) {
            checked += 1;
            if item.status == ValueStatus::Used {
                continue;
            }
            let named = s
                .findings
                .iter()
                .any(|f| f.cell == item.cell && f.items.contains(&item.code));
            assert!(
                named,
                "{} {} {:?} is {:?} with no finding",
                s.file, item.code, item.cell, item.status
            );
        }
    }
    // 76 readable returns × 32 items, less the blank B01 planted in one.
    assert_eq!(checked, 76 * 32 - 1);
}

/// Files written by LibreOffice and a return with its rows moved read exactly the generated values.
#[test]
fn converted_and_rearranged_returns_read_the_generated_values() {
    let schema = schema();
    let v = validation(&schema);
    let periods: Vec<Period> = ["2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2"]
        .iter()
        .map(|p| Period::parse(p).unwrap().0)
        .collect();
    let options = SampleOptions {
        region: region(&schema),
        periods,
        seed: 2026,
        faults: true,
    };
    let data = simulate(&schema, &options).unwrap();
    for file in [
        "887 Medway 2024-25 Q4.xls",
        "868 Windsor and Maidenhead 2025-26 Q2.xls",
        "938 West Sussex 2025-26 Q1.ods",
        "825 Buckinghamshire 2024-25 Q3.xlsx",
    ] {
        let s = v
            .submissions
            .iter()
            .find(|s| s.file == file)
            .unwrap_or_else(|| panic!("{file} not read"));
        assert_eq!(s.status, ReturnStatus::Used, "{file}");
        assert!(s.findings.is_empty(), "{file}: {:?}", s.findings);
        let la = s.la.as_ref().unwrap();
        let clean = data.get(&la.code, s.period.unwrap()).unwrap();
        for item in &schema.items {
            assert_eq!(
                s.usable(&item.code),
                clean.values.get(&item.code).copied(),
                "{file} {}",
                item.code
            );
        }
    }
}
