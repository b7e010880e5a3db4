//! Funnel, trend, stacked, category, coverage and strip charts.

use super::{find, one, small, texts, Image};
use kinbench::report::charts::*;

fn funnel_data(count: usize) -> Funnel {
    let p0 = 0.2f64;
    let limits = |n: f64| {
        let se = (p0 * (1.0 - p0) / n).sqrt();
        Limits {
            n,
            lo95: 100.0 * (p0 - 1.96 * se),
            hi95: 100.0 * (p0 + 1.96 * se),
            lo998: 100.0 * (p0 - 3.09 * se),
            hi998: 100.0 * (p0 + 3.09 * se),
        }
    };
    let mut points: Vec<FunnelPoint> = (0..count)
        .map(|i| FunnelPoint {
            name: format!("LA {i:02}"),
            n: 40.0 + 10.0 * i as f64,
            value: 20.0 + (i % 5) as f64 - 2.0,
            outlier: false,
        })
        .collect();
    points.push(FunnelPoint {
        name: "Medway".into(),
        n: 150.0,
        value: 45.0,
        outlier: true,
    });
    let unit = Unit::percent(1);
    Funnel {
        points,
        limits: Limits::sample(400.0, 40, limits),
        target: RefLine::named("South East", 20.0, &unit),
        unit,
        x_label: "Carers assessed (n)".into(),
        limit_labels: ["99.8% limits".into(), "95% limits".into()],
    }
}

#[test]
fn funnel_labels_every_point_when_few_and_only_outliers_when_many() {
    let few = texts(
        &funnel_plot(&small("Medway is above the limits"), &funnel_data(6))
            .unwrap()
            .svg,
    );
    for name in [
        "LA 00",
        "LA 05",
        "Medway",
        "South East 20.0%",
        "95% limits",
        "99.8% limits",
        "Carers assessed (n)",
    ] {
        one(&few, name);
    }
    let many = texts(
        &funnel_plot(&small("Medway is above the limits"), &funnel_data(30))
            .unwrap()
            .svg,
    );
    one(&many, "Medway");
    assert!(find(&many, "LA 00").is_empty() && find(&many, "LA 29").is_empty());
    // The outlier sits above the target line: its label is higher up.
    assert!(one(&many, "Medway").y < one(&many, "South East 20.0%").y);
}

#[test]
fn trend_breaks_the_line_at_a_missing_quarter() {
    let periods: Vec<String> = [
        "2024-25 Q1",
        "2024-25 Q2",
        "2024-25 Q3",
        "2024-25 Q4",
        "2025-26 Q1",
    ]
    .map(String::from)
    .to_vec();
    let data = Trend {
        periods,
        region_name: "South East".into(),
        region: vec![Some(14.0), Some(13.0), None, Some(12.0), Some(11.2)],
        england: vec![EnglandYear {
            label: "England 2024: 16%".into(),
            first: 0,
            last: 3,
            value: 16.0,
        }],
        unit: Unit::percent(1),
    };
    let out = trend_lines(&small("Temporary approvals are falling"), &data).unwrap();
    // Dark blue 3px segments join neighbouring quarters that both have a
    // value: Q1–Q2 and Q4–Q1, not across the gap.
    assert_eq!(
        out.svg
            .matches("stroke=\"#12436D\" stroke-width=\"3\"")
            .count(),
        2
    );
    let all = texts(&out.svg);
    one(&all, "England 2024: 16%");
    one(&all, "South East 11.2%");
    let xs: Vec<f64> = [
        "2024-25 Q1",
        "2024-25 Q2",
        "2024-25 Q3",
        "2024-25 Q4",
        "2025-26 Q1",
    ]
    .iter()
    .map(|p| one(&all, p).x)
    .collect();
    assert!(
        xs.windows(2).all(|w| w[0] < w[1]),
        "periods not left to right: {xs:?}"
    );
}

#[test]
fn stacked_bars_sort_by_the_first_share_and_label_parts_to_100() {
    let row = |name: &str, first: f64, second: f64| StackRow {
        name: name.into(),
        first,
        second,
    };
    let data = Stacked {
        rows: vec![
            row("Kent", 1.0, 3.0),
            row("Medway", 3.0, 1.0),
            row("Slough", 0.0, 0.0),
            row("Surrey", 2.0, 2.0),
        ],
        first_label: "Temporary approvals".into(),
        second_label: "Full approvals".into(),
        region: Some(RefLine {
            value: 50.0,
            label: "South East 50% temporary".into(),
        }),
    };
    let all = texts(
        &stacked_100(&small("Medway approves most carers temporarily"), &data)
            .unwrap()
            .svg,
    );
    let ys: Vec<f64> = ["Medway", "Surrey", "Kent", "Slough"]
        .iter()
        .map(|n| one(&all, n).y)
        .collect();
    assert!(
        ys.windows(2).all(|w| w[0] < w[1]),
        "rows out of order: {ys:?}"
    );
    assert_eq!(one(&all, "no data").y, one(&all, "Slough").y);
    // 75% / 25% on Medway's row and the mirror on Kent's: white on blue,
    // black on turquoise.
    let on_row = |name: &str| -> Vec<(String, String)> {
        let y = one(&all, name).y;
        let mut v: Vec<(String, String)> = all
            .iter()
            .filter(|t| t.y == y && t.text != name)
            .map(|t| (t.text.clone(), t.fill.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        on_row("Medway"),
        [
            ("25%".to_string(), "#0B0C0C".to_string()),
            ("75%".to_string(), "#FFFFFF".to_string())
        ]
    );
    assert_eq!(
        on_row("Kent"),
        [
            ("25%".to_string(), "#FFFFFF".to_string()),
            ("75%".to_string(), "#0B0C0C".to_string())
        ]
    );
    one(&all, "Temporary approvals");
    one(&all, "Full approvals");
    one(&all, "South East 50% temporary");
}

#[test]
fn category_bars_run_largest_first_with_count_and_share() {
    let cat = |name: &str, count: f64| Category {
        name: name.into(),
        count,
    };
    let cats = [
        cat("Court direction", 9.0),
        cat("Connected person not yet assessed", 34.0),
        cat("Other", 7.0),
        cat("Broken", f64::NAN),
    ];
    let all = texts(
        &category_bars(&small("Most await an assessment"), &cats, &Unit::new("", 0))
            .unwrap()
            .svg,
    );
    let ys: Vec<f64> = [
        "Connected person not yet assessed",
        "Court direction",
        "Other",
    ]
    .iter()
    .map(|n| one(&all, n).y)
    .collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(one(&all, "34 (68%)").y, ys[0]);
    assert_eq!(one(&all, "9 (18%)").y, ys[1]);
    assert_eq!(one(&all, "7 (14%)").y, ys[2]);
    assert!(find(&all, "Broken").is_empty());
}

#[test]
fn coverage_grid_writes_shares_and_marks_missing_cells() {
    let data = Coverage {
        las: vec!["Kent".into(), "Slough".into(), "Brighton & Hove".into()],
        sections: vec!["Children and placements".into(), "Approvals".into()],
        // Ragged on purpose: Slough's row is empty, Brighton's has one cell.
        shares: vec![vec![Some(1.0), Some(0.05)], vec![], vec![Some(0.5)]],
    };
    let all = texts(
        &coverage_grid(&small("Slough's return was not received"), &data)
            .unwrap()
            .svg,
    );
    assert_eq!(one(&all, "100%").fill, "#FFFFFF");
    assert_eq!(one(&all, "5%").fill, "#0B0C0C");
    one(&all, "50%");
    assert_eq!(find(&all, "\u{2013}").len(), 3);
    one(&all, "\u{2013} not received");
    assert_eq!(
        find(&all, "\u{2013}")
            .iter()
            .filter(|t| t.y == one(&all, "Slough").y)
            .count(),
        2
    );
    one(&all, "Approvals");
}

#[test]
fn strip_places_the_la_among_the_region() {
    let unit = Unit::percent(1);
    let mut strip = Strip {
        name: "Medway".into(),
        value: Some(15.4),
        others: vec![5.0, 8.9, 11.5, 20.6],
        region: Some(RefLine::named("South East", 11.2, &unit)),
        england: Some(RefLine {
            value: 12.0,
            label: "England 12%".into(),
        }),
        unit,
    };
    let out = position_strip(&strip, STRIP_SIZE).unwrap();
    let img = Image::decode(&out.png);
    assert_eq!((img.width, img.height), (600, 120));
    let all = texts(&out.svg);
    let own = one(&all, "Medway 15.4%");
    // Region and England labels are close: England drops to a second row.
    assert!(one(&all, "England 12%").y > one(&all, "South East 11.2%").y);
    assert!(own.y < one(&all, "South East 11.2%").y);
    strip.value = None;
    one(
        &texts(&position_strip(&strip, STRIP_SIZE).unwrap().svg),
        "Medway: no data",
    );
}
