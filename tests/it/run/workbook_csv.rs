//! The workbook and metrics.csv of one run tell the same numbers: the Summary's
//! headline cells, every metric sheet's LA table and the Trends sheet's regional
//! figures, read back with calamine, equal the rows of metrics.csv.

use std::collections::BTreeMap;

use calamine::{open_workbook, Data, Range, Reader, Xlsx};

use kinbench::period::Period;
use kinbench::report::run::RunOptions;

use super::{csv_maps, full_run, SLUG};

fn number(range: &Range<Data>, row: u32, col: u32) -> Option<f64> {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

fn csv_number(row: &BTreeMap<String, String>, col: &str) -> Option<f64> {
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
    // The region's pooled figure of a metric in another period, from metrics.csv.
    let pooled_in = |id: &str, period: Period| {
        rows.iter()
            .find(|r| {
                r["level"] == "region" && r["metric_id"] == id && r["period"] == period.to_string()
            })
            .and_then(|r| csv_number(r, "pooled"))
    };
    let reporting = p.benchmark.period;
    let mut compared = 0;
    let mut previous_numbers = 0;
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
        // The previous quarter (2025-26 Q1 is in the sample) and the year before
        // (2024-25 Q2 is not: blank in both) against metrics.csv's rows for those periods.
        let previous = pooled_in(id, reporting.prev());
        assert_eq!(
            number(&summary, row, col("Previous quarter")),
            previous,
            "{id} previous quarter"
        );
        previous_numbers += usize::from(previous.is_some());
        assert_eq!(
            number(&summary, row, col("Same quarter a year before")),
            pooled_in(id, reporting.year_before()),
            "{id} year before"
        );
        compared += 2;
    }
    assert_eq!(compared, p.benchmark.metrics.len() * (columns.len() + 2));
    // Not a comparison of blanks with blanks: the sample's 2025-26 Q1 has figures.
    assert!(
        previous_numbers >= 10,
        "{previous_numbers} previous-quarter figures"
    );
}

/// A sheet's cell as text, for finding rows and columns.
fn cell_text(range: &Range<Data>, row: u32, col: u32) -> Option<String> {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// The first row whose first cell is `label`.
fn row_of(range: &Range<Data>, label: &str) -> u32 {
    (0..range.height() as u32)
        .find(|&r| cell_text(range, r, 0).as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no row starting {label}"))
}

#[test]
fn every_metric_sheet_la_row_and_trends_figure_equals_metrics_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, dir) = full_run(tmp.path(), &RunOptions::default());
    let period = p.benchmark.period.to_string();
    let mut book: Xlsx<_> =
        open_workbook(dir.join(format!("kinship_benchmark_{SLUG}.xlsx"))).unwrap();
    let rows = csv_maps(&dir.join("data/metrics.csv"));
    let sheet_names = book.sheet_names();

    // Metric sheets: LA table columns 1–5 are numerator, denominator, value, Wilson low, high.
    let columns = [
        (1, "numerator"),
        (2, "denominator"),
        (3, "value"),
        (4, "wilson_low"),
        (5, "wilson_high"),
    ];
    let mut la_rows = 0;
    let mut numbers = 0;
    for m in &p.benchmark.metrics {
        let name = sheet_names
            .iter()
            .find(|n| n.starts_with(&format!("{} ", m.id)))
            .unwrap_or_else(|| panic!("no sheet for {}", m.id))
            .clone();
        let sheet = book.worksheet_range(&name).unwrap();
        let header = row_of(&sheet, "LA");
        // LA name → row of the sheet's table.
        let mut by_name = BTreeMap::new();
        for r in header + 1..sheet.height() as u32 {
            match cell_text(&sheet, r, 0) {
                Some(la) => by_name.insert(la, r),
                None => break,
            };
        }
        let csv_las: Vec<&BTreeMap<String, String>> = rows
            .iter()
            .filter(|r| r["level"] == "la" && r["metric_id"] == m.id && r["period"] == period)
            .collect();
        assert_eq!(by_name.len(), csv_las.len(), "{}: LAs in the sheet", m.id);
        for csv_row in csv_las {
            let la = &csv_row["la_name"];
            let r = *by_name
                .get(la)
                .unwrap_or_else(|| panic!("{}: no row for {la}", m.id));
            for (col, csv_col) in columns {
                let want = csv_number(csv_row, csv_col);
                assert_eq!(number(&sheet, r, col), want, "{} {la} {csv_col}", m.id);
                numbers += usize::from(want.is_some());
            }
            la_rows += 1;
        }
    }
    // 11 metrics × the region's LAs, and most cells hold numbers.
    assert_eq!(
        la_rows,
        p.benchmark.metrics.len() * p.validation.region.len()
    );
    assert!(
        numbers > la_rows * 2,
        "{numbers} numbers over {la_rows} rows"
    );

    // Trends: one row per period, a `<id> region` column per metric.
    let trends = book.worksheet_range("Trends").unwrap();
    let header = row_of(&trends, "Period");
    let col = |name: &str| {
        (0..trends.width() as u32)
            .find(|&c| cell_text(&trends, header, c).as_deref() == Some(name))
            .unwrap_or_else(|| panic!("no Trends column {name}"))
    };
    let mut figures = 0;
    for (i, q) in p.benchmark.periods.iter().enumerate() {
        let r = header + 1 + i as u32;
        assert_eq!(cell_text(&trends, r, 0), Some(q.to_string()));
        for m in &p.benchmark.metrics {
            let csv_row = rows
                .iter()
                .find(|x| {
                    x["level"] == "region" && x["metric_id"] == m.id && x["period"] == q.to_string()
                })
                .unwrap_or_else(|| panic!("no region row for {} {q}", m.id));
            let want = csv_number(csv_row, "pooled");
            let got = number(&trends, r, col(&format!("{} region", m.id)));
            assert_eq!(got, want, "Trends {} {q}", m.id);
            figures += usize::from(want.is_some());
        }
    }
    // Four quarters in the sample, nearly every metric with a figure in each.
    assert_eq!(p.benchmark.periods.len(), 4);
    assert!(figures >= 40, "{figures} Trends figures");
}
