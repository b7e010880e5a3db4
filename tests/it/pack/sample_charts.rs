//! Charts of the sample run: titles from the figures, LA order, labels, PNGs.

use super::fixture::{sample, write_sample_pack};
use super::{joined, names_top_down, pct, svg_texts};
use crate::charts::{one, Image};
use kinbench::report::Presenter;

#[test]
fn m01_bars_state_the_finding_and_rank_every_la() {
    let dir = write_sample_pack(&Presenter::internal());
    let b = &sample().benchmark;
    let mp = b.metric("M01").unwrap().at(b.period).unwrap();
    let r = &mp.region;
    let england = mp.england.as_ref().unwrap();
    assert_eq!(england.value, 12.0);
    // The sample's region sits below England's 12%, with no outlier on M01.
    assert!(r.pooled.unwrap() < 12.0 && r.n_outliers == 0);
    let title = format!(
        "The South East's SGO share of exits ({}) is below England's 12%, ranging from {} to {} across {} LAs",
        pct(r.pooled.unwrap()),
        pct(r.min.unwrap()),
        pct(r.max.unwrap()),
        r.n_included
    );
    let all = svg_texts(dir.path(), "m01_bars");
    assert!(joined(&all).contains(&title), "{}", joined(&all));

    let mut valued: Vec<(f64, String)> = mp
        .las
        .iter()
        .filter_map(|l| l.value.map(|v| (v, l.la_name.clone())))
        .collect();
    valued.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut missing: Vec<String> = mp
        .las
        .iter()
        .filter(|l| l.value.is_none())
        .map(|l| l.la_name.clone())
        .collect();
    missing.sort();
    assert_eq!(missing.len(), 19 - r.n_included);
    assert!(
        missing.contains(&"Reading".to_string()),
        "Reading sent no Q2 return"
    );
    let expected: Vec<String> = valued
        .into_iter()
        .map(|(_, n)| n)
        .chain(missing.clone())
        .collect();
    let names: Vec<String> = mp.las.iter().map(|l| l.la_name.clone()).collect();
    assert_eq!(names_top_down(&all, &names), expected);

    one(&all, &format!("South East {}", pct(r.pooled.unwrap())));
    one(&all, "England 12% (2023)");
    let no_data: Vec<_> = all.iter().filter(|t| t.text == "no data").collect();
    assert_eq!(no_data.len(), missing.len());
    // Each "no data" sits on the row of an LA without a value.
    let reading = one(&all, "Reading");
    assert!(no_data.iter().any(|t| (t.y - reading.y).abs() < 1.0));
    assert!(joined(&all).contains(&format!(
        "Source: regional kinship benchmarking returns, 2025-26 Q2 (Jul\u{2013}Sep 2025); England: {}",
        england.source
    )));
}

#[test]
fn approvals_and_the_outlier_charts_name_oxfordshire_with_the_split_without_it() {
    let dir = write_sample_pack(&Presenter::internal());
    let b = &sample().benchmark;
    let r = &b.metric("M03").unwrap().at(b.period).unwrap().region;
    let (with, without) = (r.pooled.unwrap(), r.pooled_without_outliers.unwrap());
    // The planted outlier: about 60/40 with Oxfordshire and 75/25 without.
    assert!(
        (with - 60.0).abs() < 2.0 && (without - 75.0).abs() < 2.0,
        "{with} {without}"
    );
    let approvals = joined(&svg_texts(dir.path(), "approvals"));
    assert!(approvals.contains(&format!(
        "Temporary approvals (Reg 24) were {} in the South East; {} without Oxfordshire",
        pct(with),
        pct(without)
    )));
    assert!(approvals.contains("Full approvals"));
    let bars = svg_texts(dir.path(), "m03_bars");
    assert!(joined(&bars).contains(&format!(
        "The South East's temporary share of approvals was {}; {} without Oxfordshire",
        pct(with),
        pct(without)
    )));
    one(&bars, "outlier");
    let funnel = svg_texts(dir.path(), "m03_funnel");
    assert!(joined(&funnel)
        .contains("Oxfordshire is outside the 99.8% limits for temporary share of approvals"));
    one(&funnel, "99.8% limits");
    one(&funnel, "95% limits");
}

#[test]
fn reasons_trend_and_coverage_titles_come_from_the_figures() {
    let dir = write_sample_pack(&Presenter::internal());
    let b = &sample().benchmark;
    let bp = b.breakdowns[0]
        .periods
        .iter()
        .find(|p| p.period == b.period)
        .unwrap();
    let top = bp
        .parts
        .iter()
        .max_by(|a, c| a.total.total_cmp(&c.total))
        .unwrap();
    assert_eq!(top.item, "E02");
    let reasons = joined(&svg_texts(dir.path(), "reasons"));
    assert!(reasons.contains(&format!(
        "The most common reason was DBS / police checks not completed: {} of {} ({:.0}%)",
        top.total,
        bp.sum,
        100.0 * top.total / bp.sum
    )));

    let m = b.metric("M01").unwrap();
    let first = m.periods[0].region.pooled.unwrap();
    let last = m.at(b.period).unwrap().region.pooled.unwrap();
    let verb = if (last * 10.0).round() < (first * 10.0).round() {
        "fell"
    } else {
        "rose"
    };
    let trend = joined(&svg_texts(dir.path(), "m01_trend"));
    assert!(trend.contains(&format!(
        "The South East's SGO share of exits {verb} from {} in 2024-25 Q3 to {} in 2025-26 Q2; England 12% (2023)",
        pct(first),
        pct(last)
    )), "{trend}");

    let coverage = svg_texts(dir.path(), "coverage");
    assert!(joined(&coverage).contains("18 of 19 LAs sent a usable return for 2025-26 Q2"));
    // Reading sent nothing for Q2: its row is hatched "–", never a share.
    let reading = one(&coverage, "Reading");
    let dashes = coverage
        .iter()
        .filter(|t| t.text == "\u{2013}" && (t.y - reading.y).abs() < 12.0)
        .count();
    assert_eq!(dashes, sample().schema.sections.len());
}

#[test]
fn every_chart_png_is_1600_by_900_with_ink() {
    let dir = write_sample_pack(&Presenter::internal());
    let charts = dir.path().join("charts");
    let mut pngs: Vec<_> = std::fs::read_dir(&charts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pngs.sort();
    // 11 metrics × (bars, trend) + 9 percent funnels + approvals, reasons, coverage.
    assert_eq!(pngs.len(), 11 * 2 + 9 + 3);
    for path in &pngs {
        let img = Image::decode(&std::fs::read(path).unwrap());
        assert_eq!((img.width, img.height), (1600, 900), "{}", path.display());
        let ink = img.ink((0, 0), (1600, 900));
        assert!(ink > 20_000, "{} is nearly blank: {ink}", path.display());
        assert!(path.with_extension("svg").exists());
    }
}

#[test]
fn a_rerun_writes_byte_identical_charts_and_page() {
    let a = write_sample_pack(&Presenter::internal());
    let b = write_sample_pack(&Presenter::internal());
    for rel in [
        "chart_pack.html",
        "charts/m03_bars.png",
        "charts/coverage.svg",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(rel)).unwrap(),
            std::fs::read(b.path().join(rel)).unwrap(),
            "{rel}"
        );
    }
}
