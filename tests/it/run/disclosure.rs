//! A hand-built `--publish` run: the sample returns with two LAs' reporting
//! period values set to small counts that a careless output would give back
//! (a rate of a suppressed count, a sum beside one of its parts, a part of a
//! sum relation beside the total and the other parts, an exclusion detail).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use calamine::{open_workbook, Data, Reader, Xlsx};

use kinbench::report::run::{self, Prepared, RunOptions, WRITERS};
use kinbench::schema::La;
use kinbench::validate::{ReturnStatus, Severity, Validation, ValueStatus};

use super::{csv_maps, schema, validation, SAMPLE, SLUG};

/// LA 1's reporting-period values. Its rates: M01 B02/B01 = 10 of 40 (shown);
/// M02 (B02 + B03)/B01 = 13 of 40 with B03 = 3; M03 D01/(D01 + D02) = 9 of 13
/// with D02 = 4; M07 C02/C01 = 3 of 40 (7.5%); M11 (B02a + B02c)/B02 = 10 of 10
/// with B02a = 2. Sum relations: B02a = 2 of B02 = 10 (B02c = 8 is the
/// only other part), E02 = 2 of E01 = 12 (E03 = 10 the only other part).
pub const LA1: [(&str, f64); 17] = [
    ("B01", 40.0),
    ("B02", 10.0),
    ("B02a", 2.0),
    ("B02b", 0.0),
    ("B02c", 8.0),
    ("B02d", 0.0),
    ("B03", 3.0),
    ("C01", 40.0),
    ("C02", 3.0),
    ("D01", 9.0),
    ("D02", 4.0),
    ("E01", 12.0),
    ("E02", 2.0),
    ("E03", 10.0),
    ("E04", 0.0),
    ("E05", 0.0),
    ("E06", 0.0),
];

/// LA 2: B02 = 7 against B01 = 3, so M01's pair is invalid and its detail
/// would quote both counts.
pub const LA2: [(&str, f64); 2] = [("B01", 3.0), ("B02", 7.0)];

pub struct Fixture {
    pub prepared: Prepared,
    /// The period folder.
    pub dir: PathBuf,
    pub la1: La,
    pub la2: La,
    _tmp: tempfile::TempDir,
}

fn set(v: &mut Validation, la: &La, pairs: &[(&str, f64)]) {
    let period = v.periods.last().copied().expect("a period");
    let sub = v
        .submissions
        .iter_mut()
        .find(|s| {
            s.status == ReturnStatus::Used
                && s.period == Some(period)
                && s.la.as_ref().is_some_and(|l| l.code == la.code)
        })
        .expect("a used return");
    for (code, x) in pairs {
        let iv = sub.values.get_mut(*code).expect("item");
        iv.status = ValueStatus::Used;
        iv.value = Some(*x);
        iv.as_found = x.to_string();
    }
}

/// Two region LAs with a used return for the reporting period and no error or
/// warning finding in it, so that every metric of theirs is computed.
fn clean_las(v: &Validation) -> (La, La) {
    let period = v.periods.last().copied().expect("a period");
    let mut las: Vec<&La> = v.region.iter().collect();
    las.sort_by(|a, b| a.code.cmp(&b.code));
    let clean: Vec<La> = las
        .into_iter()
        .filter(|la| v.used(&la.code, period).is_some())
        .filter(|la| {
            !v.findings.iter().any(|f| {
                f.la_code.as_deref() == Some(la.code.as_str())
                    && f.period == Some(period)
                    && f.severity != Severity::Info
            })
        })
        .cloned()
        .collect();
    (clean[0].clone(), clean[1].clone())
}

/// The run, written once.
pub fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut v = validation().clone();
        let (la1, la2) = clean_las(&v);
        set(&mut v, &la1, &LA1);
        set(&mut v, &la2, &LA2);
        let options = RunOptions {
            publish: true,
            ..RunOptions::default()
        };
        let period = run::reporting_period(&v, None, Path::new(SAMPLE)).expect("period");
        let prepared = run::prepare(schema(), v, period, &options).expect("prepare");
        let tmp = tempfile::tempdir().unwrap();
        let ctx = prepared.context(schema());
        run::write_run(&ctx, &prepared.benchmark, tmp.path(), false, &WRITERS).expect("run");
        Fixture {
            dir: tmp.path().join(SLUG),
            prepared,
            la1,
            la2,
            _tmp: tmp,
        }
    })
}

impl Fixture {
    pub fn period(&self) -> String {
        self.prepared.benchmark.period.to_string()
    }

    /// metrics.csv's row of this LA, metric and the reporting period.
    pub fn metric_row(&self, la: &La, metric: &str) -> BTreeMap<String, String> {
        csv_maps(&self.dir.join("data/metrics.csv"))
            .into_iter()
            .find(|r| {
                r["la_code"] == la.code && r["metric_id"] == metric && r["period"] == self.period()
            })
            .unwrap_or_else(|| panic!("no {metric} row for {}", la.code))
    }

    /// The cells of the row of the metric's sheet whose first cell is the LA's
    /// name, as text: the LA table's columns only (the chart data beside it is
    /// in another LA's order).
    pub fn sheet_row(&self, la: &La, metric: &str) -> Vec<String> {
        let mut book: Xlsx<_> =
            open_workbook(self.dir.join(format!("kinship_benchmark_{SLUG}.xlsx"))).unwrap();
        let name = book
            .sheet_names()
            .into_iter()
            .find(|n| n.starts_with(metric))
            .unwrap();
        let range = book.worksheet_range(&name).unwrap();
        let row = range
            .rows()
            .find(|r| r.first() == Some(&Data::String(la.name.clone())))
            .unwrap_or_else(|| panic!("{name} has no row for {}", la.name));
        row.iter().take(9).map(|c| c.to_string()).collect()
    }
}

/// Every text element of an SVG, trimmed, in document order.
pub fn svg_texts(path: &Path) -> Vec<String> {
    let svg = std::fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

#[test]
fn a_rate_or_sum_derived_from_a_suppressed_count_is_suppressed() {
    let f = fixture();
    let cases = [
        // metric, numerator, denominator, value
        ("M01", "10", "40", "25"),
        ("M02", "c", "40", "c"),
        ("M03", "9", "c", "c"),
        ("M07", "c", "40", "c"),
        ("M11", "c", "10", "c"),
    ];
    for (metric, num, den, value) in cases {
        let r = f.metric_row(&f.la1, metric);
        let got = (
            r["numerator"].as_str(),
            r["denominator"].as_str(),
            r["value"].as_str(),
        );
        assert_eq!(got, (num, den, value), "metrics.csv {metric}");
        if value == "c" {
            assert_eq!(
                (r["wilson_low"].as_str(), r["wilson_high"].as_str()),
                ("c", "c"),
                "{metric}"
            );
        }
        let cells = f.sheet_row(&f.la1, metric);
        assert_eq!(
            (cells[1].as_str(), cells[2].as_str(), cells[3].as_str()),
            (num, den, value),
            "sheet {metric}: {cells:?}"
        );
        if value == "c" {
            assert_eq!((cells[4].as_str(), cells[5].as_str()), ("c", "c"));
        }
    }
}

#[test]
fn charts_show_a_suppressed_rate_as_c_and_leave_it_out_of_the_funnel() {
    let f = fixture();
    let bars = svg_texts(&f.dir.join("charts/m07_bars.svg"));
    let at = bars
        .iter()
        .position(|t| *t == f.la1.name)
        .expect("LA 1 in the bars");
    assert_eq!(bars[at + 1], "c", "m07_bars.svg: {:?}", &bars[at..]);
    let funnel = svg_texts(&f.dir.join("charts/m07_funnel.svg"));
    assert!(
        funnel.iter().any(|t| t.contains("1 LA(s) not plotted")),
        "m07_funnel.svg has no note: {funnel:?}"
    );
    assert!(!funnel.contains(&f.la1.name));
    for chart in [&bars, &funnel] {
        assert!(
            chart.iter().any(|t| t.starts_with("Source:")
                && t.contains("Published with disclosure control: c = a count of 1 to 5")),
            "{chart:?}"
        );
    }
}

#[test]
fn published_findings_quote_no_numbers() {
    let f = fixture();
    let rows = csv_maps(&f.dir.join("data/findings.csv"));
    assert!(rows.len() > 20);
    for r in &rows {
        let summary = kinbench::validate::rules::rule(&r["rule"]).map_or("", |x| x.summary);
        assert_eq!(r["message"], summary, "{r:?}");
        assert_eq!(r["value"], "", "{r:?}");
    }
}

#[test]
fn published_exclusions_give_the_reason_only() {
    let f = fixture();
    let r = f.metric_row(&f.la2, "M01");
    assert_eq!(r["excluded_reason"], "pair invalid");
    assert_eq!(r["excluded_detail"], "", "{r:?}");
    let cells = f.sheet_row(&f.la2, "M01");
    assert_eq!(cells[8], "pair invalid", "{cells:?}");
}

#[test]
fn published_region_spread_is_in_whole_number_percentages() {
    let f = fixture();
    let rows = csv_maps(&f.dir.join("data/metrics.csv"));
    let mut seen = 0;
    for r in rows
        .iter()
        .filter(|r| r["level"] == "region" && r["unit"] == "percent")
    {
        for col in ["median", "min", "max"] {
            let v = &r[col];
            assert!(
                v.is_empty() || !v.contains('.'),
                "{col} {v} of {} {}",
                r["metric_id"],
                r["period"]
            );
            seen += 1;
        }
    }
    assert!(seen > 30);
}

#[test]
fn a_part_of_a_sum_beside_its_total_takes_another_part_with_it() {
    let f = fixture();
    let rows = csv_maps(&f.dir.join("data/values.csv"));
    let of = |item: &str| {
        rows.iter()
            .find(|r| r["la_code"] == f.la1.code && r["period"] == f.period() && r["item"] == item)
            .map(|r| r["value"].clone())
            .unwrap()
    };
    for (item, want) in [
        ("B02a", "c"),
        ("B02c", "c"),
        ("B02", "10"),
        ("B03", "c"),
        ("E01", "12"),
        ("E02", "c"),
        ("E03", "c"),
        ("D02", "c"),
        ("D01", "9"),
    ] {
        assert_eq!(of(item), want, "values.csv {item}");
    }
    // The workbook's Data sheet shows the same cells.
    let mut book: Xlsx<_> =
        open_workbook(f.dir.join(format!("kinship_benchmark_{SLUG}.xlsx"))).unwrap();
    let data = book.worksheet_range("Data").unwrap();
    let period = f.period();
    for r in data.rows() {
        let text: Vec<String> = r.iter().map(|c| c.to_string()).collect();
        if text[0] == f.la1.name && text[1] == period && ["B02c", "E03"].contains(&text[2].as_str())
        {
            assert_eq!(text[3], "c", "Data sheet {text:?}");
        }
    }
}

fn workbook_sheet(f: &Fixture, name: &str) -> calamine::Range<Data> {
    let mut book: Xlsx<_> =
        open_workbook(f.dir.join(format!("kinship_benchmark_{SLUG}.xlsx"))).unwrap();
    book.worksheet_range(name).unwrap()
}

fn num(d: Option<&Data>) -> Option<f64> {
    match d {
        Some(Data::Float(x)) => Some(*x),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

#[test]
fn published_means_and_shares_are_of_the_rounded_totals() {
    let f = fixture();
    let summary = workbook_sheet(f, "Summary");
    let header = (0..summary.height() as u32)
        .find(|&r| summary.get_value((r, 5)) == Some(&Data::String("Mean per LA".into())))
        .expect("the counts table");
    let mut checked = 0;
    for r in header + 1..summary.height() as u32 {
        let (Some(total), Some(n), Some(mean)) = (
            num(summary.get_value((r, 3))),
            num(summary.get_value((r, 4))),
            num(summary.get_value((r, 5))),
        ) else {
            continue;
        };
        assert_eq!(total % 10.0, 0.0, "row {r}");
        assert!(
            (mean - total / n).abs() < 0.051,
            "row {r}: mean {mean} is not {total} / {n}"
        );
        checked += 1;
    }
    assert!(checked > 5, "{checked}");
    let reasons = workbook_sheet(f, "Reasons");
    let mut shares = 0;
    let rows: Vec<_> = reasons.rows().collect();
    for (i, row) in rows.iter().enumerate() {
        if row.get(1) != Some(&Data::String("All reasons".into())) {
            continue;
        }
        let Some(sum) = num(row.get(2)) else { continue };
        for part in rows[..i].iter().rev() {
            let (Some(total), Some(share)) = (num(part.get(2)), num(part.get(4))) else {
                break;
            };
            let from_rounded = (1000.0 * total / sum).round() / 10.0;
            assert!(
                (share - from_rounded).abs() < 1e-9,
                "{share} vs {total} of {sum}"
            );
            shares += 1;
        }
    }
    assert!(shares > 0);
}

#[test]
fn published_tables_say_z_where_a_figure_does_not_apply() {
    let f = fixture();
    let bm = &f.prepared.benchmark;
    let no_series = bm
        .metrics
        .iter()
        .find(|m| m.comparator_series.is_none())
        .expect("a metric with no England series");
    let ratio = bm
        .metrics
        .iter()
        .find(|m| !m.unit.is_proportion())
        .expect("a metric that is not a percentage");
    let rows = csv_maps(&f.dir.join("data/metrics.csv"));
    let region = rows
        .iter()
        .find(|r| r["metric_id"] == no_series.id && r["level"] == "region")
        .unwrap();
    assert_eq!(region["england"], "z", "{region:?}");
    let la = f.metric_row(&f.la1, &ratio.id);
    assert_eq!(
        (la["wilson_low"].as_str(), la["wilson_high"].as_str()),
        ("z", "z")
    );
    // A withheld rate's z is withheld with it; an excluded LA's is not available.
    assert_eq!(f.metric_row(&f.la1, "M07")["z"], "c");
    assert!(rows
        .iter()
        .any(|r| !r["excluded_reason"].is_empty() && r["z"] == "x"));
    assert!(rows
        .iter()
        .any(|r| r["level"] == "la" && r["z"].parse::<f64>().is_ok()));
    for r in rows.iter().filter(|r| r["level"] == "la") {
        assert!(!r["z"].is_empty() && !r["wilson_low"].is_empty(), "{r:?}");
    }
}
