//! Every metric of schema/metrics.toml over one small region, each figure worked by hand.
//!
//! Three LAs, 2025-26 Q2, every item of every metric given:
//!
//! | item | 867 | 846 | 825 |
//! |------|-----|-----|-----|
//! | A01  | 100 | 200 | 100 |
//! | A02  |  80 |  80 |  40 |
//! | A03  |  20 |  40 |  10 |
//! | B01  |  40 |  50 |  10 |
//! | B02  |  10 |  20 |   5 |
//! | B02a |   4 |  12 |   3 |
//! | B02c |   3 |   5 |   1 |
//! | B03  |   6 |   5 |   1 |
//! | C01  |  20 |  50 |  10 |
//! | C02  |   4 |  31 |  12 |  (825: C02 > C01, so M07 is pair invalid there)
//! | D01  |   5 |  10 |   5 |
//! | D02  |  15 |  10 |   5 |
//! | E01  |  30 |  10 |   2 |  (867: E01 > A03, kept: M10 is per 100)
//! | F02  |  10 |  20 |  10 |
//! | F03  |   4 |   5 |   1 |
//! | G01  |   4 |   5 |   1 |
//! | G02  |  60 |  50 |  20 |  (G02 > G01 everywhere, kept: M08 is a ratio)
//!
//! Three LAs are fewer than min_las (5), so no outliers are assessed and the
//! pooled figure without outliers equals the pooled figure.

use kinbench::aggregate::{benchmark, Benchmark, ExclusionReason};

use super::{close, la, p, region, schema, used, validation};

const ITEMS: [&str; 17] = [
    "A01", "A02", "A03", "B01", "B02", "B02a", "B02c", "B03", "C01", "C02", "D01", "D02", "E01",
    "F02", "F03", "G01", "G02",
];

fn run() -> Benchmark {
    let schema = schema();
    let r = region(&schema, 3);
    let q2 = p("2025-26 Q2");
    let table: [(&str, [f64; 17]); 3] = [
        (
            "867",
            [
                100.0, 80.0, 20.0, 40.0, 10.0, 4.0, 3.0, 6.0, 20.0, 4.0, 5.0, 15.0, 30.0, 10.0,
                4.0, 4.0, 60.0,
            ],
        ),
        (
            "846",
            [
                200.0, 80.0, 40.0, 50.0, 20.0, 12.0, 5.0, 5.0, 50.0, 31.0, 10.0, 10.0, 10.0, 20.0,
                5.0, 5.0, 50.0,
            ],
        ),
        (
            "825",
            [
                100.0, 40.0, 10.0, 10.0, 5.0, 3.0, 1.0, 1.0, 10.0, 12.0, 5.0, 5.0, 2.0, 10.0, 1.0,
                1.0, 20.0,
            ],
        ),
    ];
    let subs = table
        .iter()
        .map(|(code, values)| {
            let pairs: Vec<(&str, f64)> =
                ITEMS.iter().copied().zip(values.iter().copied()).collect();
            used(&schema, la(&r, code), q2, &pairs)
        })
        .collect();
    benchmark(&schema, &validation(r, subs), q2).unwrap()
}

/// An included LA: (code, numerator, denominator, value).
type Row = (&'static str, f64, f64, f64);

/// The region's figure: (Σ numerator, Σ denominator, pooled, n included, median, min, max).
type Region = (f64, f64, f64, usize, f64, f64, f64);

/// Checks each LA row and the region's figure of `id` in 2025-26 Q2 against hand-worked values.
#[track_caller]
fn check(b: &Benchmark, id: &str, unit: &str, las: &[Row], region: Region) {
    let m = b.metric(id).unwrap();
    assert_eq!(m.unit.key(), unit, "{id} unit");
    let q = m.at(p("2025-26 Q2")).unwrap();
    for &(code, num, den, value) in las {
        let l = q.la(code).unwrap();
        assert!(
            l.included(),
            "{id} {code} should be included: {:?}",
            l.excluded
        );
        assert_eq!(
            (l.numerator, l.denominator),
            (Some(num), Some(den)),
            "{id} {code}"
        );
        close(l.value.unwrap(), value);
    }
    let (num, den, pooled, n, median, min, max) = region;
    let g = &q.region;
    assert_eq!((g.numerator, g.denominator), (num, den), "{id} sums");
    close(g.pooled.unwrap(), pooled);
    assert_eq!((g.n_included, g.n_excluded), (n, 3 - n), "{id} n");
    close(g.median.unwrap(), median);
    close(g.min.unwrap(), min);
    close(g.max.unwrap(), max);
    // Fewer than 5 LAs: no outliers, so without outliers = with.
    assert_eq!(g.n_outliers, 0);
    close(g.pooled_without_outliers.unwrap(), pooled);
}

#[test]
fn m01_sgo_share_of_exits() {
    // B02 / B01: 10/40 = 25%, 20/50 = 40%, 5/10 = 50%; pooled 35/100 = 35%;
    // sorted 25, 40, 50: median 40.
    check(
        &run(),
        "M01",
        "percent",
        &[
            ("867", 10.0, 40.0, 25.0),
            ("846", 20.0, 50.0, 40.0),
            ("825", 5.0, 10.0, 50.0),
        ],
        (35.0, 100.0, 35.0, 3, 40.0, 25.0, 50.0),
    );
}

#[test]
fn m02_numerator_is_b02_plus_b03() {
    // (B02 + B03) / B01: (10 + 6)/40 = 40%, (20 + 5)/50 = 50%, (5 + 1)/10 = 60%;
    // pooled (16 + 25 + 6)/100 = 47/100 = 47%; median 50.
    check(
        &run(),
        "M02",
        "percent",
        &[
            ("867", 16.0, 40.0, 40.0),
            ("846", 25.0, 50.0, 50.0),
            ("825", 6.0, 10.0, 60.0),
        ],
        (47.0, 100.0, 47.0, 3, 50.0, 40.0, 60.0),
    );
}

#[test]
fn m03_denominator_is_d01_plus_d02() {
    // D01 / (D01 + D02): 5/(5 + 15) = 25%, 10/(10 + 10) = 50%, 5/(5 + 5) = 50%;
    // pooled 20/50 = 40%; sorted 25, 50, 50: median 50.
    check(
        &run(),
        "M03",
        "percent",
        &[
            ("867", 5.0, 20.0, 25.0),
            ("846", 10.0, 20.0, 50.0),
            ("825", 5.0, 10.0, 50.0),
        ],
        (20.0, 50.0, 40.0, 3, 50.0, 25.0, 50.0),
    );
}

#[test]
fn m04_kinship_share_of_cla() {
    // A03 / A01: 20/100 = 20%, 40/200 = 20%, 10/100 = 10%; pooled 70/400 = 17.5%;
    // sorted 10, 20, 20: median 20.
    check(
        &run(),
        "M04",
        "percent",
        &[
            ("867", 20.0, 100.0, 20.0),
            ("846", 40.0, 200.0, 20.0),
            ("825", 10.0, 100.0, 10.0),
        ],
        (70.0, 400.0, 17.5, 3, 20.0, 10.0, 20.0),
    );
}

#[test]
fn m05_kinship_share_of_foster() {
    // A03 / A02: 20/80 = 25%, 40/80 = 50%, 10/40 = 25%; pooled 70/200 = 35%;
    // sorted 25, 25, 50: median 25.
    check(
        &run(),
        "M05",
        "percent",
        &[
            ("867", 20.0, 80.0, 25.0),
            ("846", 40.0, 80.0, 50.0),
            ("825", 10.0, 40.0, 25.0),
        ],
        (70.0, 200.0, 35.0, 3, 25.0, 25.0, 50.0),
    );
}

#[test]
fn m06_viability_to_reg_24_is_kept_where_m07_on_the_same_c01_is_not() {
    // D01 / C01: 5/20 = 25%, 10/50 = 20%, 5/10 = 50%; pooled 20/80 = 25%;
    // sorted 20, 25, 50: median 25. 825 counts here although its M07 (C02 / C01)
    // is pair invalid: a pair finding excludes only its own metric.
    check(
        &run(),
        "M06",
        "percent",
        &[
            ("867", 5.0, 20.0, 25.0),
            ("846", 10.0, 50.0, 20.0),
            ("825", 5.0, 10.0, 50.0),
        ],
        (20.0, 80.0, 25.0, 3, 25.0, 20.0, 50.0),
    );
}

#[test]
fn m07_percent_with_numerator_above_denominator_is_pair_invalid() {
    let b = run();
    // C02 / C01: 4/20 = 20%, 31/50 = 62%; 825 12 of 10 is excluded.
    // Pooled over the two included: (4 + 31)/(20 + 50) = 35/70 = 50%;
    // median of {20, 62} = (20 + 62)/2 = 41.
    check(
        &b,
        "M07",
        "percent",
        &[("867", 4.0, 20.0, 20.0), ("846", 31.0, 50.0, 62.0)],
        (35.0, 70.0, 50.0, 2, 41.0, 20.0, 62.0),
    );
    let q = b.metric("M07").unwrap().at(p("2025-26 Q2")).unwrap();
    let l = q.la("825").unwrap();
    let e = l.excluded.as_ref().unwrap();
    assert_eq!(e.reason, ExclusionReason::PairInvalid);
    assert_eq!(
        e.detail,
        "numerator (C02 = 12) is greater than denominator (C01 = 10)"
    );
    // Both sides are still shown; no value, no interval.
    assert_eq!((l.numerator, l.denominator), (Some(12.0), Some(10.0)));
    assert_eq!((l.value, l.wilson), (None, None));
    let listed: Vec<(&str, &str)> = q
        .region
        .excluded
        .iter()
        .map(|x| (x.la_code.as_str(), x.reason.as_str()))
        .collect();
    assert_eq!(listed, [("825", "pair invalid")]);
}

#[test]
fn m08_ratio_keeps_numerator_above_denominator_and_is_not_scaled() {
    // G02 / G01 × 1: 60/4 = 15, 50/5 = 10, 20/1 = 20 (every G02 > G01, all kept);
    // pooled 130/10 = 13; sorted 10, 15, 20: median 15.
    check(
        &run(),
        "M08",
        "ratio",
        &[
            ("867", 60.0, 4.0, 15.0),
            ("846", 50.0, 5.0, 10.0),
            ("825", 20.0, 1.0, 20.0),
        ],
        (130.0, 10.0, 13.0, 3, 15.0, 10.0, 20.0),
    );
}

#[test]
fn m09_sg_share_of_support_fund_applications() {
    // F03 / F02: 4/10 = 40%, 5/20 = 25%, 1/10 = 10%; pooled 10/40 = 25%;
    // sorted 10, 25, 40: median 25.
    check(
        &run(),
        "M09",
        "percent",
        &[
            ("867", 4.0, 10.0, 40.0),
            ("846", 5.0, 20.0, 25.0),
            ("825", 1.0, 10.0, 10.0),
        ],
        (10.0, 40.0, 25.0, 3, 25.0, 10.0, 40.0),
    );
}

#[test]
fn m10_per_100_is_scaled_by_100_and_may_exceed_100() {
    // E01 / A03 × 100: 30/20 = 150 per 100 (above 100, numerator above denominator: kept),
    // 10/40 = 25, 2/10 = 20; pooled 42/70 × 100 = 60; sorted 20, 25, 150: median 25.
    check(
        &run(),
        "M10",
        "per100",
        &[
            ("867", 30.0, 20.0, 150.0),
            ("846", 10.0, 40.0, 25.0),
            ("825", 2.0, 10.0, 20.0),
        ],
        (42.0, 70.0, 60.0, 3, 25.0, 20.0, 150.0),
    );
}

#[test]
fn m11_numerator_is_b02a_plus_b02c() {
    // (B02a + B02c) / B02: (4 + 3)/10 = 70%, (12 + 5)/20 = 85%, (3 + 1)/5 = 80%;
    // pooled (7 + 17 + 4)/(10 + 20 + 5) = 28/35 = 80%; sorted 70, 80, 85: median 80.
    check(
        &run(),
        "M11",
        "percent",
        &[
            ("867", 7.0, 10.0, 70.0),
            ("846", 17.0, 20.0, 85.0),
            ("825", 4.0, 5.0, 80.0),
        ],
        (28.0, 35.0, 80.0, 3, 80.0, 70.0, 85.0),
    );
}

#[test]
fn every_metric_of_the_schema_is_checked_here() {
    // If a metric is added to metrics.toml, this file needs a test for it.
    let ids: Vec<String> = run().metrics.iter().map(|m| m.id.clone()).collect();
    assert_eq!(
        ids,
        ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11"]
    );
}
