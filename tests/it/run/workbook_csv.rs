//! The workbook and metrics.csv of one run tell the same numbers: the Summary's
//! headline cells read back with calamine equal the region rows of metrics.csv.

use calamine::{open_workbook, Data, Range, Reader, Xlsx};

use kinbench::report::run::RunOptions;

use super::{csv_maps, full_run, SLUG};

fn number(range: &Range<Data>, row: u32, col: u32) -> Option<f64> {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

fn csv_number(row: &std::collections::BTreeMap<String, String>, col: &str) -> Option<f64> {
    row.get(col)
        .filter(|v| !v.is_empty())
        .map(|v| v.parse().expect("a number"))
}

#[test]
fn every_summary_number_equals_metrics_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, dir) = full_run(tmp.path(), &RunOptions::default());
    let period = p.benchmark.period.to_string();
    let mut book: Xlsx<_> =
        open_workbook(dir.join(format!("kinship_benchmark_{SLUG}.xlsx"))).unwrap();
    let summary = book.worksheet_range("Summary").unwrap();
    let header_row = (0..summary.height() as u32)
        .find(|&r| summary.get_value((r, 0)) == Some(&Data::String("Metric".into())))
        .expect("the Summary's header row");
    let col = |name: &str| {
        (0..summary.width() as u32)
            .find(|&c| summary.get_value((header_row, c)) == Some(&Data::String(name.into())))
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let columns = [
        ("Region now (pooled)", "pooled"),
        ("Pooled without outliers", "pooled_without_outliers"),
        ("LAs included", "n_included"),
        ("LAs excluded", "n_excluded"),
        ("England", "england"),
    ];
    let rows = csv_maps(&dir.join("data/metrics.csv"));
    let mut compared = 0;
    for csv_row in rows
        .iter()
        .filter(|r| r["level"] == "region" && r["period"] == period)
    {
        let id = &csv_row["metric_id"];
        let row = (header_row + 1..summary.height() as u32)
            .find(|&r| summary.get_value((r, 0)) == Some(&Data::String(id.clone())))
            .unwrap_or_else(|| panic!("no Summary row for {id}"));
        for (sheet_col, csv_col) in columns {
            assert_eq!(
                number(&summary, row, col(sheet_col)),
                csv_number(csv_row, csv_col),
                "{id} {sheet_col}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, p.benchmark.metrics.len() * columns.len());
}
