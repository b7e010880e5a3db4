//! The committed `sample_returns/` is what the generator writes today, and the
//! files LibreOffice converted hold the same header and values.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use calamine::DataType;
use chrono::NaiveDate;
use kinbench::ingest::CellPos;
use kinbench::sample::{generate, manifest};

use super::{item, options};
use crate::template::{at, read_sheet, schema};

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_returns")
}

fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn committed_samples_are_what_the_generator_writes() {
    let s = schema();
    let fresh = tempfile::tempdir().unwrap();
    generate(&s, &options(2026, true), fresh.path()).unwrap();
    let dir = committed();
    assert_eq!(
        manifest::read(&dir.join("manifest.csv")).unwrap(),
        manifest::read(&fresh.path().join("manifest.csv")).unwrap()
    );

    let mut expected = names(fresh.path());
    let mut converted = Vec::new();
    for name in names(&dir) {
        if let Some(stem) = name
            .strip_suffix(".xls")
            .or_else(|| name.strip_suffix(".ods"))
        {
            assert!(
                expected.remove(&format!("{stem}.xlsx")),
                "{name} converts no generated file"
            );
            converted.push((name.clone(), format!("{stem}.xlsx")));
            expected.insert(name);
        }
    }
    expected.insert("README.md".into());
    assert_eq!(names(&dir), expected);
    assert_eq!(converted.len(), 3);
    for name in names(fresh.path())
        .iter()
        .filter(|n| n.ends_with(".xlsx") && dir.join(n).exists())
    {
        let same = std::fs::read(dir.join(name)).unwrap()
            == std::fs::read(fresh.path().join(name)).unwrap();
        assert!(same, "{name}: regenerate sample_returns (see its README)");
    }

    let rows = manifest::read(&dir.join("manifest.csv")).unwrap();
    for (name, original) in &converted {
        let code = name.split(' ').next().unwrap();
        assert!(
            rows.iter().all(|r| r.la_code != code),
            "{name} belongs to an LA with faults"
        );
        let (got, want) = (
            read_sheet(&dir.join(name), "Return"),
            read_sheet(&fresh.path().join(original), "Return"),
        );
        for row in 1..=6 {
            let (g, w) = (
                at(&got, CellPos::new(row, 1)),
                at(&want, CellPos::new(row, 1)),
            );
            // `.xls` gives whole numbers as Int: compare numbers as numbers.
            let same = match (g.as_f64(), w.as_f64()) {
                (Some(a), Some(b)) => a == b,
                _ => g == w,
            };
            assert!(same, "{name} header row {row}: {g:?} against {w:?}");
        }
        let date = at(&got, CellPos::new(7, 1)).as_date();
        assert!(
            date.is_some_and(|d| d > NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()),
            "{name}: {date:?}"
        );
        assert_eq!(
            date,
            at(&want, CellPos::new(7, 1)).as_date(),
            "{name} date completed"
        );
        for it in &s.items {
            let (g, w) = (
                item(&dir, name, "Return", &it.code),
                item(fresh.path(), original, "Return", &it.code),
            );
            assert_eq!(g.as_f64(), w.as_f64(), "{name} {}", it.code);
            assert!(w.as_f64().is_some());
        }
    }
}
