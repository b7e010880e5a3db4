//! Publish mode and the figure without outliers: when an outlier's own rate
//! is withheld, the pooled figure with and without it, beside its published
//! denominator, would give its numerator back, so that figure is `c` too.
//!
//! In the disclosure fixture LA 1's M07 is 3 of 40 (7.5%) against a region
//! of about 52%: far outside the funnel, and withheld (C02 = 3).

use calamine::{open_workbook, Data, Reader, Xlsx};

use super::disclosure::{fixture, svg_texts};
use super::{csv_maps, SLUG};

#[test]
fn a_withheld_outlier_hides_the_figure_without_outliers() {
    let f = fixture();
    let period = f.period();
    let la1 = f.metric_row(&f.la1, "M07");
    assert_eq!(la1["outlier"], "true", "LA 1 is M07's outlier: {la1:?}");
    assert_eq!(la1["value"], "c");

    let rows = csv_maps(&f.dir.join("data/metrics.csv"));
    let region = |metric: &str| {
        rows.iter()
            .find(|r| r["metric_id"] == metric && r["level"] == "region" && r["period"] == period)
            .unwrap()
            .clone()
    };
    let m07 = region("M07");
    assert_eq!(m07["pooled_without_outliers"], "c", "{m07:?}");
    assert_ne!(m07["pooled"], "c", "the pooled figure itself is shown");
    // M03's outlier (Oxfordshire, 9 of 92) is not withheld: its figure stays.
    let m03 = region("M03");
    assert_eq!(m03["n_outliers"], "1");
    assert!(m03["pooled_without_outliers"].contains('.'), "{m03:?}");

    let mut book: Xlsx<_> =
        open_workbook(f.dir.join(format!("kinship_benchmark_{SLUG}.xlsx"))).unwrap();
    let sheet = book
        .sheet_names()
        .into_iter()
        .find(|n| n.starts_with("M07"))
        .unwrap();
    let s = book.worksheet_range(&sheet).unwrap();
    assert_eq!(
        s.get_value((4, 0)),
        Some(&Data::String("Without outliers".into()))
    );
    assert_eq!(s.get_value((4, 1)), Some(&Data::String("c".into())));
    let summary = book.worksheet_range("Summary").unwrap();
    let col = (0..summary.width() as u32)
        .find(|&c| {
            (0..summary.height() as u32).any(|r| {
                summary.get_value((r, c)) == Some(&Data::String("Pooled without outliers".into()))
            })
        })
        .expect("the Summary's column");
    let row = (0..summary.height() as u32)
        .find(|&r| summary.get_value((r, 0)) == Some(&Data::String("M07".into())))
        .expect("M07's Summary row");
    assert_eq!(
        summary.get_value((row, col)),
        Some(&Data::String("c".into()))
    );

    // The title states no figure without the outlier.
    let title = &svg_texts(&f.dir.join("charts/m07_bars.svg"))[0];
    assert!(!title.contains("without"), "{title}");
}
