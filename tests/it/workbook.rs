//! Tests for the benchmarking workbook: written from the sample run (and small
//! hand-built runs where exact values matter), then read back through calamine
//! and the zip's XML parts.

mod charts;
mod fixture;
mod hand_built;
mod modes;

use fixture::{number, row_of, sample, sheet, sheet_names, text, write, Mode};
use kinbench::report::Presenter;

/// Summary and metric sheet layout, as docs/workbook.md describes it.
const SUMMARY_HEADER_ROW: u32 = 3;
const METRIC_HEADER_ROW: u32 = 7;

#[test]
fn sheets_come_in_reading_order() {
    let run = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = write(run, Mode::Internal, dir.path());
    assert_eq!(
        path.file_name().unwrap().to_str().unwrap(),
        "kinship_benchmark_2025-26_Q2.xlsx"
    );
    let expected = [
        "About",
        "Summary",
        "M01 SGO share of exits",
        "M02 SGO or CAO share of exits",
        "M03 Temporary share of",
        "M04 Kinship share of CLA",
        "M05 Kinship share of foster",
        "M06 Viability to Reg 24",
        "M07 Positive viability",
        "M08 Kinship caseload",
        "M09 SG share of ASGSF",
        "M10 Outside regulations per 100",
        "M11 Relatives friends share of",
        "Trends",
        "Approvals",
        "Reasons",
        "Coverage",
        "Findings",
        "Data",
    ];
    assert_eq!(sheet_names(&path), expected);
}

#[test]
fn summary_headlines_are_the_benchmark_figures() {
    let run = sample();
    let bm = &run.benchmark;
    let dir = tempfile::tempdir().unwrap();
    let path = write(run, Mode::Internal, dir.path());
    let s = sheet(&path, "Summary");
    assert_eq!(text(&s, SUMMARY_HEADER_ROW, 3), "Region now (pooled)");
    let p = bm.period;
    for (i, m) in bm.metrics.iter().enumerate() {
        let row = SUMMARY_HEADER_ROW + 1 + i as u32;
        let here = m.at(p).unwrap();
        assert_eq!(text(&s, row, 0), m.id);
        assert_eq!(text(&s, row, 1), m.title);
        let pooled = |q| m.at(q).and_then(|x| x.region.pooled);
        assert_eq!(number(&s, row, 3), here.region.pooled, "{}", m.id);
        assert_eq!(number(&s, row, 4), pooled(p.prev()), "{}", m.id);
        // The sample starts at 2024-25 Q3: no same quarter a year before, shown as x.
        assert_eq!(pooled(p.year_before()), None);
        assert_eq!(text(&s, row, 5), "x");
        let rolling = m.rolling_year.iter().find(|r| r.last == p).unwrap();
        assert_eq!(number(&s, row, 6), rolling.pooled, "{}", m.id);
        match &here.england {
            Some(e) => {
                assert_eq!(number(&s, row, 7), Some(e.value));
                assert_eq!(number(&s, row, 8), Some(f64::from(e.year_ending)));
            }
            None => assert_eq!(text(&s, row, 7), ""),
        }
        assert_eq!(number(&s, row, 9), Some(here.region.n_included as f64));
        assert_eq!(number(&s, row, 10), Some(here.region.n_excluded as f64));
        assert_eq!(
            number(&s, row, 13),
            here.region.pooled_without_outliers,
            "{}",
            m.id
        );
        assert_eq!(text(&s, row, 14), Presenter::internal().narrative(m));
    }
    // M03: Oxfordshire is the planted outlier, so the split moves from about 60/40 to 75/25.
    let m03 = SUMMARY_HEADER_ROW + 1 + 2;
    assert_eq!(text(&s, m03, 0), "M03");
    assert_eq!(text(&s, m03, 12), "Oxfordshire");
    assert_eq!(text(&s, m03, 11), "1 not received");
    assert!((number(&s, m03, 3).unwrap() - 60.0).abs() < 1.0);
    assert!((number(&s, m03, 13).unwrap() - 75.0).abs() < 1.0);

    // Count measures: totals as aggregated, with the LAs contributing.
    let c01 = bm
        .count("C01")
        .unwrap()
        .periods
        .iter()
        .find(|c| c.period == p)
        .unwrap();
    let r = row_of(&s, "C01");
    assert_eq!(number(&s, r, 3), Some(c01.total));
    assert_eq!(number(&s, r, 4), Some(c01.n_las as f64));
    assert_eq!(number(&s, r, 5), c01.mean);
}

#[test]
fn a_metric_sheet_lists_las_by_value_then_the_excluded() {
    let run = sample();
    let here = run
        .benchmark
        .metric("M03")
        .unwrap()
        .at(run.benchmark.period)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write(run, Mode::Internal, dir.path());
    let s = sheet(&path, "M03 Temporary share of");
    assert_eq!(text(&s, METRIC_HEADER_ROW, 0), "LA");
    assert_eq!(text(&s, METRIC_HEADER_ROW, 1), "Numerator (D01)");
    assert_eq!(text(&s, METRIC_HEADER_ROW, 2), "Denominator (D01 + D02)");
    let mut included: Vec<_> = here.las.iter().filter(|l| l.included()).collect();
    included.sort_by(|a, b| {
        b.value
            .partial_cmp(&a.value)
            .unwrap()
            .then(a.la_name.cmp(&b.la_name))
    });
    let excluded: Vec<_> = here.las.iter().filter(|l| !l.included()).collect();
    assert_eq!(included.len() + excluded.len(), 19);
    for (i, la) in included.iter().enumerate() {
        let row = METRIC_HEADER_ROW + 1 + i as u32;
        assert_eq!(text(&s, row, 0), la.la_name);
        assert_eq!(number(&s, row, 1), la.numerator);
        assert_eq!(number(&s, row, 2), la.denominator);
        assert_eq!(number(&s, row, 3), la.value);
        assert_eq!(number(&s, row, 4), la.wilson.map(|w| w.low));
        assert_eq!(number(&s, row, 6), la.z);
        assert_eq!(text(&s, row, 7), if la.outlier { "outlier" } else { "" });
        assert_eq!(text(&s, row, 8), "");
    }
    assert_eq!(included.last().unwrap().la_name, "Oxfordshire");
    for (i, la) in excluded.iter().enumerate() {
        let row = METRIC_HEADER_ROW + 1 + (included.len() + i) as u32;
        assert_eq!(text(&s, row, 0), la.la_name);
        assert_eq!(text(&s, row, 3), "");
        assert!(
            text(&s, row, 8).starts_with("not received"),
            "{}",
            text(&s, row, 8)
        );
    }
}

#[test]
fn approvals_parts_add_up_to_the_region() {
    let run = sample();
    let region = &run
        .benchmark
        .metric("M03")
        .unwrap()
        .at(run.benchmark.period)
        .unwrap()
        .region;
    let dir = tempfile::tempdir().unwrap();
    let path = write(run, Mode::Internal, dir.path());
    let s = sheet(&path, "Approvals");
    assert_eq!(text(&s, 4, 1), "Temporary approvals (Reg 24)");
    assert_eq!(text(&s, 4, 2), "Full approvals");
    let total_row = row_of(&s, "South East (all included LAs)");
    let (mut part, mut rest) = (0.0, 0.0);
    for r in 5..total_row {
        part += number(&s, r, 1).unwrap();
        rest += number(&s, r, 2).unwrap();
        assert_eq!(
            number(&s, r, 1).unwrap() + number(&s, r, 2).unwrap(),
            number(&s, r, 3).unwrap()
        );
    }
    assert_eq!(total_row - 5, region.n_included as u32);
    assert_eq!(part, region.numerator);
    assert_eq!(rest, region.denominator - region.numerator);
    assert_eq!(number(&s, total_row, 1), Some(part));
    assert_eq!(number(&s, total_row, 2), Some(rest));
    assert_eq!(number(&s, total_row, 4), region.pooled);
    let without = row_of(&s, "South East without outliers");
    assert_eq!(number(&s, without, 4), region.pooled_without_outliers);
    assert_eq!(text(&s, without + 1, 0), "Reading");
}
