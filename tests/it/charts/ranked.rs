//! The ranked bar chart: order, labels, "no data", escaping.

use super::{find, one, small, texts};
use kinbench::report::charts::{ranked_bars, BarRow, RankedBars, RefLine, Unit};

fn row(name: &str, value: Option<f64>) -> BarRow {
    BarRow {
        name: name.to_string(),
        value,
        interval: None,
        outlier: false,
    }
}

fn sample() -> RankedBars {
    let unit = Unit::percent(1);
    let mut rows = vec![
        row("Kent", Some(9.4)),
        row("Brighton & Hove", Some(14.1)),
        row("Slough", None),
        row("Bournemouth, Christchurch and Poole", Some(5.0)),
        row("Medway", Some(18.26)),
        row("Reading", Some(f64::NAN)),
        row("Surrey", Some(9.4)),
    ];
    rows[4].outlier = true;
    rows[4].interval = Some((14.0, 22.9));
    RankedBars {
        rows,
        region: Some(RefLine::named("South East", 11.2, &unit)),
        england: Some(RefLine {
            value: 12.0,
            label: "England 12% (2023)".to_string(),
        }),
        unit,
    }
}

#[test]
fn las_run_from_largest_at_the_top_with_no_data_last() {
    let svg = ranked_bars(&small("Medway approves most carers temporarily"), &sample())
        .unwrap()
        .svg;
    let all = texts(&svg);
    // Ties (Kent, Surrey at 9.4) fall back to name order; NaN counts as no data.
    let expected = [
        "Medway",
        "Brighton & Hove",
        "Kent",
        "Surrey",
        "Bournemouth, Christchurch and Poole",
        "Reading",
        "Slough",
    ];
    let ys: Vec<f64> = expected.iter().map(|n| one(&all, n).y).collect();
    assert!(
        ys.windows(2).all(|w| w[0] < w[1]),
        "names not top to bottom in order: {ys:?}"
    );
    // Two LAs without a value: two "no data" labels, on their rows, greyed.
    let no_data = find(&all, "no data");
    assert_eq!(no_data.len(), 2);
    assert_eq!(no_data[0].y, one(&all, "Reading").y);
    assert_eq!(no_data[1].y, one(&all, "Slough").y);
    assert_eq!(one(&all, "Slough").fill, "#6F7277");
    assert_eq!(one(&all, "Kent").fill, "#3D3D3D");
}

#[test]
fn value_reference_and_outlier_labels_are_written() {
    let svg = ranked_bars(&small("Medway approves most carers temporarily"), &sample())
        .unwrap()
        .svg;
    let all = texts(&svg);
    one(&all, "Medway approves most carers temporarily");
    one(&all, "Share of kinship carers approved temporarily, by LA");
    one(&all, super::SOURCE);
    one(&all, "South East 11.2%");
    one(&all, "England 12% (2023)");
    // Value labels at the bar end, on the LA's row.
    assert_eq!(one(&all, "18.3%").y, one(&all, "Medway").y);
    assert_eq!(
        one(&all, "5.0%").y,
        one(&all, "Bournemouth, Christchurch and Poole").y
    );
    assert_eq!(find(&all, "9.4%").len(), 2);
    let outlier = one(&all, "outlier");
    assert_eq!(outlier.y, one(&all, "Medway").y);
    // The outlier's bar is orange, the others dark blue.
    assert_eq!(svg.matches("fill=\"#F46A25\"").count(), 1);
    assert_eq!(svg.matches("fill=\"#12436D\"").count(), 4);
    // The whisker ends are right of the bar: the label follows the whisker.
    assert!(one(&all, "18.3%").x > one(&all, "Medway").x);
}

#[test]
fn ampersands_are_escaped_in_the_svg() {
    let svg = ranked_bars(&small("Brighton & Hove <highest> \"yes\""), &sample())
        .unwrap()
        .svg;
    assert!(svg.contains("Brighton &amp; Hove"));
    assert!(!svg.contains("Brighton & Hove"));
    let all = texts(&svg);
    one(&all, "Brighton & Hove <highest> \"yes\"");
    one(&all, "Brighton & Hove");
}

#[test]
fn an_empty_chart_still_draws_its_frame() {
    let data = RankedBars {
        rows: vec![],
        unit: Unit::percent(1),
        region: None,
        england: None,
    };
    let all = texts(
        &ranked_bars(&small("Nothing received yet"), &data)
            .unwrap()
            .svg,
    );
    one(&all, "Nothing received yet");
    one(&all, super::SOURCE);
}
