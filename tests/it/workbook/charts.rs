//! The workbook's parts: native charts of the right kinds, conditional
//! formatting, an Excel table, no formulas, and byte-identical reruns.

use super::fixture::{parts, sample, sheet_names, sheet_xml, write, Mode};

#[test]
fn charts_formatting_and_table_are_native_parts() {
    let run = sample();
    let bm = &run.benchmark;
    let dir = tempfile::tempdir().unwrap();
    let path = write(run, Mode::Internal, dir.path());
    let parts = parts(&path);
    let charts: Vec<&str> = parts
        .iter()
        .filter(|(n, _)| n.starts_with("xl/charts/chart") && n.ends_with(".xml"))
        .map(|(_, x)| x.as_str())
        .collect();
    // A ranked bar chart and a trend line per metric, the approvals split, one per breakdown.
    assert_eq!(charts.len(), 2 * bm.metrics.len() + 1 + bm.breakdowns.len());
    let clustered_bars = charts
        .iter()
        .filter(|x| {
            x.contains(r#"<c:barDir val="bar"/>"#) && x.contains(r#"<c:grouping val="clustered"/>"#)
        })
        .count();
    assert_eq!(clustered_bars, bm.metrics.len() + bm.breakdowns.len());
    let stacked: Vec<_> = charts
        .iter()
        .filter(|x| x.contains(r#"<c:grouping val="percentStacked"/>"#))
        .collect();
    assert_eq!(stacked.len(), 1);
    assert!(stacked[0].contains(r#"<c:barDir val="bar"/>"#));
    assert!(stacked[0].contains("<c:v>Temporary approvals (Reg 24)</c:v>"));
    let lines = charts
        .iter()
        .filter(|x| x.contains("<c:lineChart>"))
        .count();
    assert_eq!(lines, bm.metrics.len());
    // Charts draw from the sheets' cells.
    assert!(charts
        .iter()
        .any(|x| x.contains("<c:f>'M01 SGO share of exits'!$K$9:$K$")));

    let names = sheet_names(&path);
    let coverage = names.iter().position(|n| n == "Coverage").unwrap();
    let xml = sheet_xml(&parts, coverage);
    assert!(
        xml.contains("<conditionalFormatting"),
        "no conditional formatting"
    );
    assert!(xml.contains(r#"operator="equal""#));
    assert!(parts.iter().any(|(n, _)| n == "xl/tables/table1.xml"));
    let findings = names.iter().position(|n| n == "Findings").unwrap();
    assert!(sheet_xml(&parts, findings).contains("<autoFilter"));
    assert!(sheet_xml(&parts, findings).contains(r#"state="frozen""#));
}

#[test]
fn no_cell_is_a_formula() {
    let run = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = write(run, Mode::Internal, dir.path());
    for (name, xml) in parts(&path) {
        if name.starts_with("xl/worksheets/") {
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "formula in {name}"
            );
        }
    }
}

#[test]
fn a_rerun_is_byte_identical() {
    let run = sample();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first = std::fs::read(write(run, Mode::Internal, a.path())).unwrap();
    let second = std::fs::read(write(run, Mode::Internal, b.path())).unwrap();
    assert!(first == second, "workbooks differ");
    // The creation time is the run's as-of date, not the clock.
    let parts = parts(&write(run, Mode::Internal, a.path()));
    let core = &parts
        .iter()
        .find(|(n, _)| n == "docProps/core.xml")
        .unwrap()
        .1;
    let as_of = kinbench::report::RunInfo::as_of(&run.validation, Some(run.benchmark.period));
    assert!(
        core.contains(&format!("{}T00:00:00Z", as_of.format("%Y-%m-%d"))),
        "{core}"
    );
}
