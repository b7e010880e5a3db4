//! Awkward input draws a chart or returns an error; it never panics.

use super::{one, small, texts};
use kinbench::report::charts::*;

fn bar(name: &str, value: Option<f64>) -> BarRow {
    BarRow {
        name: name.into(),
        value,
        interval: Some((f64::NAN, f64::INFINITY)),
        outlier: true,
    }
}

#[test]
fn extreme_and_missing_values_still_render_well_formed_charts() {
    let unit = Unit::percent(1);
    let rows = vec![
        bar("Huge", Some(1e300)),
        bar("Tiny", Some(-1e300)),
        bar("Inf", Some(f64::INFINITY)),
        bar("Zero", Some(0.0)),
    ];
    let weird = RefLine {
        value: f64::NAN,
        label: "South East".into(),
    };
    let data = RankedBars {
        rows,
        unit: unit.clone(),
        region: Some(weird.clone()),
        england: None,
    };
    let all = texts(&ranked_bars(&small("Extremes"), &data).unwrap().svg);
    one(&all, "Inf");
    assert_eq!(one(&all, "no data").y, one(&all, "Inf").y);

    let funnel = Funnel {
        points: vec![],
        limits: vec![],
        target: weird.clone(),
        unit: unit.clone(),
        x_label: String::new(),
        limit_labels: ["99.8% limits".into(), "95% limits".into()],
    };
    texts(&funnel_plot(&small("Empty"), &funnel).unwrap().svg);

    let trend = Trend {
        periods: vec![],
        region_name: "South East".into(),
        region: vec![Some(1.0)],
        england: vec![EnglandYear {
            label: "England".into(),
            first: 7,
            last: 2,
            value: 1.0,
        }],
        unit: unit.clone(),
    };
    texts(&trend_lines(&small("No periods"), &trend).unwrap().svg);

    let stacked = Stacked {
        rows: vec![StackRow {
            name: "Neg".into(),
            first: -1.0,
            second: 2.0,
        }],
        first_label: String::new(),
        second_label: String::new(),
        region: Some(weird),
    };
    let all = texts(&stacked_100(&small("Negative"), &stacked).unwrap().svg);
    assert_eq!(one(&all, "no data").y, one(&all, "Neg").y);

    let coverage = Coverage {
        las: vec![],
        sections: vec![],
        shares: vec![vec![Some(2.0)]],
    };
    texts(&coverage_grid(&small("Nothing"), &coverage).unwrap().svg);

    let strip = Strip {
        name: "Medway".into(),
        value: Some(f64::NAN),
        others: vec![f64::NAN],
        region: None,
        england: None,
        unit,
    };
    one(
        &texts(&position_strip(&strip, (40, 10)).unwrap().svg),
        "Medway: no data",
    );
}

#[test]
fn control_characters_in_names_keep_the_svg_well_formed() {
    let data = RankedBars {
        rows: vec![BarRow {
            name: "Kent\u{1}\nCounty".into(),
            value: Some(1.0),
            interval: None,
            outlier: false,
        }],
        unit: Unit::new("", 0),
        region: None,
        england: None,
    };
    let all = texts(&ranked_bars(&small("Line\u{b}break"), &data).unwrap().svg);
    one(&all, "Kent  County");
    one(&all, "Line break");
}

#[test]
fn an_empty_or_huge_canvas_is_an_error() {
    let data = RankedBars {
        rows: vec![],
        unit: Unit::new("", 0),
        region: None,
        england: None,
    };
    assert!(matches!(
        ranked_bars(&small("x").with_size(0, 450), &data),
        Err(ChartError::Size(0, 450))
    ));
    assert!(matches!(
        ranked_bars(&small("x").with_size(100_000, 450), &data),
        Err(ChartError::Size(100_000, 450))
    ));
}
