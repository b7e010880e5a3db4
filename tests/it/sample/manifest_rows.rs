//! The manifest points at files and cells that hold what was planted.

use std::path::Path;

use calamine::{CellErrorType, Data, DataType};
use kinbench::ingest::CellPos;
use kinbench::period::Period;
use kinbench::sample::{generate, manifest, simulate, ManifestRow};

use super::options;
use crate::template::{at, read_sheet, schema, sheet_names};

/// `Return!C23` or `'Kinship return'!C23` → sheet and position.
fn parse_cell(cell: &str) -> (String, CellPos) {
    let (sheet, a1) = cell.rsplit_once('!').unwrap();
    let sheet = sheet.trim_matches('\'').replace("''", "'");
    let col_end = a1.find(|c: char| c.is_ascii_digit()).unwrap();
    let col = a1[..col_end]
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1))
        - 1;
    (
        sheet,
        CellPos::new(a1[col_end..].parse::<u32>().unwrap() - 1, col),
    )
}

fn cell_of(dir: &Path, row: &ManifestRow) -> Data {
    let (sheet, pos) = parse_cell(&row.cell);
    at(&read_sheet(&dir.join(&row.file), &sheet), pos)
}

/// The value of an item in a file, found by its code in column A.
pub(crate) fn item(dir: &Path, file: &str, sheet: &str, code: &str) -> Data {
    let cells = read_sheet(&dir.join(file), sheet);
    let row = cells
        .iter()
        .find(|((_, c), d)| *c == 0 && d.get_string() == Some(code))
        .map(|((r, _), _)| *r)
        .unwrap();
    at(&cells, CellPos::new(row, 2))
}

#[test]
fn manifest_rows_point_at_files_and_cells_holding_the_planted_faults() {
    let s = schema();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let report = generate(&s, &options(2026, true), d).unwrap();
    let rows = manifest::read(&d.join("manifest.csv")).unwrap();
    assert_eq!(rows, report.manifest);
    let mut faults: Vec<&str> = rows.iter().map(|r| r.fault.as_str()).collect();
    faults.dedup();
    assert_eq!(faults.len(), 14, "{faults:?}");
    let ds = simulate(&s, &options(2026, true)).unwrap();
    for row in &rows {
        let period = Period::parse(&row.period).unwrap().0;
        let clean = &ds.get(&row.la_code, period).unwrap().values;
        if !row.file.is_empty() {
            assert!(d.join(&row.file).is_file(), "{}", row.file);
        }
        let num = |x: Data| x.as_f64().unwrap();
        match (row.fault.as_str(), row.rule.as_str()) {
            ("numerator-without-denominator", "PAIR001") => {
                assert_eq!(cell_of(d, row), Data::Empty)
            }
            ("part-exceeds-whole", "SUM002" | "PAIR003") => {
                assert_eq!(
                    num(cell_of(d, row)),
                    num(item(d, &row.file, "Return", "C01")) + 2.0
                )
            }
            ("part-exceeds-whole", "PLAUS003") => assert!(row.cell.ends_with(&format!("C{}", 26))),
            ("parts-do-not-add-up", "SUM001") => {
                let parts: f64 = ["E02", "E03", "E04", "E05", "E06"]
                    .iter()
                    .map(|c| num(item(d, &row.file, "Return", c)))
                    .sum();
                assert_eq!(num(cell_of(d, row)), parts + 3.0);
            }
            ("number-as-text", "VAL001") => {
                let text = cell_of(d, row).get_string().unwrap().to_string();
                assert_eq!(
                    text.replace([',', ' '], "").parse::<f64>().unwrap(),
                    clean["A01"]
                );
            }
            ("not-provided-marker", "VAL002") => {
                assert_eq!(cell_of(d, row), Data::String("n/a".into()))
            }
            ("withheld-marker", "VAL003" | "PAIR002") => {
                assert_eq!(cell_of(d, row), Data::String("c".into()))
            }
            ("error-cell", "VAL004") => {
                assert_eq!(cell_of(d, row), Data::Error(CellErrorType::Div0))
            }
            ("negative", "VAL007") => assert!(num(cell_of(d, row)) < 0.0),
            ("fraction-in-count", "VAL008") => assert_eq!(num(cell_of(d, row)), clean["A04"] + 0.5),
            ("sheet-renamed", "FILE006") => {
                assert_eq!(sheet_names(&d.join(&row.file))[0], "Kinship return");
                assert_eq!(
                    num(item(d, &row.file, "Kinship return", "A01")),
                    clean["A01"]
                );
            }
            ("rows-moved", "") => {
                for it in &s.items {
                    assert_eq!(
                        num(item(d, &row.file, "Return", &it.code)),
                        clean[&it.code],
                        "{}",
                        it.code
                    );
                }
                assert_eq!(
                    sheet_names(&d.join(&row.file)),
                    ["Return", "Guidance", "Working"]
                );
            }
            ("la-mismatch", "FILE009") => {
                let name = cell_of(d, row).get_string().unwrap().to_string();
                let named = s.las.by_name(&name).unwrap();
                assert_ne!(named.code, row.la_code);
                assert!(s.las.region("South East").unwrap().contains(&named));
            }
            ("la-mismatch", "FILE020") => assert!(row.file.is_empty() && row.cell.is_empty()),
            ("missing-return", "FILE020") => {
                let la = s.las.by_code(&row.la_code).unwrap();
                let stem = format!("{} {} {}", la.code, la.name, row.period);
                assert!(!std::fs::read_dir(d).unwrap().any(|e| e
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(&stem)));
            }
            ("resubmission", "FILE018") => {
                let newer = row.file.replace(".xlsx", " resubmitted.xlsx");
                let date = |f: &str| {
                    at(&read_sheet(&d.join(f), "Return"), CellPos::new(7, 1))
                        .as_date()
                        .unwrap()
                };
                assert!(date(&row.file) < date(&newer));
                assert_eq!(num(item(d, &row.file, "Return", "A01")), clean["A01"] + 4.0);
                assert_eq!(num(item(d, &newer, "Return", "A01")), clean["A01"]);
            }
            other => panic!("unexpected manifest row {other:?}: {row:?}"),
        }
    }
}
