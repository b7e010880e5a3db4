//! The funnel plot for a `%` metric, worked by hand over ten LAs.

use kinbench::aggregate::{benchmark, winsorise};
use kinbench::validate::Severity;

use super::{close, p, region, schema, used, validation};

/// M03 = D01 / (D01 + D02): each LA gets `x` temporary of 100 approvals.
fn m03_run(xs: &[f64]) -> kinbench::aggregate::Benchmark {
    let schema = schema();
    let r = region(&schema, xs.len());
    let q2 = p("2025-26 Q2");
    let subs = r
        .iter()
        .zip(xs)
        .map(|(l, &x)| used(&schema, l, q2, &[("D01", x), ("D02", 100.0 - x)]))
        .collect();
    benchmark(&schema, &validation(r, subs), q2).unwrap()
}

#[test]
fn ten_las_with_one_outlier() {
    // x = 20, 44, 48, 50, 50, 52, 55, 56, 60, 65 of 100 each (867 first, 931 last).
    let b = m03_run(&[20.0, 44.0, 48.0, 50.0, 50.0, 52.0, 55.0, 56.0, 60.0, 65.0]);
    let m = b.metric("M03").unwrap().at(p("2025-26 Q2")).unwrap();
    let f = m.outliers.funnel.as_ref().expect("assessed");
    // p0 = 500 / 1000 = 0.5.
    close(f.p0, 0.5);
    // z = (y − 0.5) / sqrt(0.25 / 100) = (y − 0.5) / 0.05 = (x − 50) / 5.
    let z: Vec<f64> = m.las.iter().map(|l| l.z.unwrap()).collect();
    for (got, want) in z
        .iter()
        .zip([-6.0, -1.2, -0.4, 0.0, 0.0, 0.4, 1.0, 1.2, 2.0, 3.0])
    {
        close(*got, want);
    }
    // I = 10, k = floor(0.1 × 10) = 1: the smallest (−6) becomes the 2nd smallest (−1.2),
    // the largest (3) becomes the 2nd largest (2).
    assert_eq!((f.n_las, f.k), (10, 1));
    let w: Vec<f64> = m.las.iter().map(|l| l.z_winsorised.unwrap()).collect();
    for (got, want) in w
        .iter()
        .zip([-1.2, -1.2, -0.4, 0.0, 0.0, 0.4, 1.0, 1.2, 2.0, 2.0])
    {
        close(*got, want);
    }
    // phi = (1.44 + 1.44 + 0.16 + 0 + 0 + 0.16 + 1 + 1.44 + 4 + 4) / 10 = 13.64 / 10 = 1.364 > 1.
    close(f.phi, 1.364);
    assert!(f.overdispersed);
    // At n = 100: sd = sqrt(1.364 × 0.25 / 100) = sqrt(0.00341) = 0.05839521;
    // 99.8%: 0.5 ± 3.090 × 0.05839521 = 0.5 ± 0.18044118 → 0.31955882 to 0.68044118;
    // 95%:   0.5 ± 1.960 × 0.05839521 = 0.5 ± 0.11445460 → 0.38554540 to 0.61445460.
    let lim = f.limits_at(100.0);
    assert!(
        (lim.outer.low - 0.31955882).abs() < 1e-8 && (lim.outer.high - 0.68044118).abs() < 1e-8
    );
    assert!(
        (lim.inner.low - 0.38554540).abs() < 1e-8 && (lim.inner.high - 0.61445460).abs() < 1e-8
    );
    // Only 20% lies outside; 65% is outside the 95% limits but inside the 99.8% ones.
    let flagged: Vec<&str> = m
        .las
        .iter()
        .filter(|l| l.outlier)
        .map(|l| l.la_code.as_str())
        .collect();
    assert_eq!(flagged, ["867"]);
    // With the outlier: 50%; without: (500 − 20) / (1000 − 100) = 480 / 900 = 53.333...%.
    close(m.region.pooled.unwrap(), 50.0);
    close(m.region.pooled_without_outliers.unwrap(), 480.0 / 9.0);
    assert_eq!(m.region.n_outliers, 1);

    // One PLAUS004 warning, to the outlier only.
    assert_eq!(b.findings.len(), 1);
    let f = &b.findings[0];
    assert_eq!(
        (f.rule.as_str(), f.severity),
        ("PLAUS004", Severity::Warning)
    );
    assert_eq!(
        (f.la_code.as_deref(), f.period),
        (Some("867"), Some(p("2025-26 Q2")))
    );
    assert_eq!(
        (f.file.as_str(), f.cell.as_deref()),
        ("867_2025-26_Q2.xlsx", None)
    );
    assert_eq!(f.items, ["D01", "D02"]);
    assert_eq!(
        f.message,
        "Your value of M03 (Temporary share of kinship foster carer approvals), 20.0% (20 of 100), \
         is outside the region's 99.8% funnel limits (32.0%–68.0%) for a denominator (D01 + D02) of 100. \
         Please check D01 and D02."
    );
    assert_eq!(
        f.action,
        "Check the items of this metric; if they are right, tell the network what explains the difference."
    );
}

#[test]
fn without_overdispersion_the_limits_are_binomial() {
    // z = −0.2, 0 × 8, 0.2; k = 1 clamps both ends to 0, so phi = 0 and is not used.
    let b = m03_run(&[49.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 51.0]);
    let m = b.metric("M03").unwrap().at(p("2025-26 Q2")).unwrap();
    let f = m.outliers.funnel.as_ref().unwrap();
    close(f.phi, 0.0);
    assert!(!f.overdispersed);
    // 0.5 ± 3.090 × sqrt(0.25 / 100) = 0.5 ± 3.090 × 0.05 = 0.5 ± 0.1545.
    let lim = f.limits_at(100.0);
    close(lim.outer.low, 0.3455);
    close(lim.outer.high, 0.6545);
    assert!(b.findings.is_empty());
}

#[test]
fn no_funnel_for_p0_of_0_or_1_or_too_few_las() {
    let why = |xs: &[f64]| {
        let b = m03_run(xs);
        let m = b
            .metric("M03")
            .unwrap()
            .at(p("2025-26 Q2"))
            .unwrap()
            .clone();
        assert!(m.outliers.funnel.is_none() && m.las.iter().all(|l| l.z.is_none() && !l.outlier));
        m.outliers.not_assessed.unwrap()
    };
    assert_eq!(
        why(&[0.0; 5]),
        "the regional proportion is 0%, so the funnel has no width"
    );
    assert_eq!(
        why(&[100.0; 5]),
        "the regional proportion is 100%, so the funnel has no width"
    );
    assert_eq!(
        why(&[10.0, 20.0, 30.0, 90.0]),
        "4 LAs with a valid pair; the funnel plot needs at least 5"
    );
}

#[test]
fn winsorising_clamps_k_at_each_end() {
    // k = 2 of 6: sorted 1, 2, 3, 4, 5, 6 → the two smallest become 3, the two largest 4.
    assert_eq!(
        winsorise(&[6.0, 1.0, 3.0, 2.0, 5.0, 4.0], 2),
        [4.0, 3.0, 3.0, 3.0, 4.0, 4.0]
    );
    assert_eq!(winsorise(&[2.0, 1.0], 0), [2.0, 1.0]);
}

/// The limits' names come from the schema's z values: edit a z and every
/// output that names the limits (funnel title and legend, Wilson columns,
/// About sheet, PLAUS004) names the new coverage.
#[test]
fn limit_names_follow_the_schemas_z() {
    use kinbench::aggregate::LimitNames;
    let mut schema = schema();
    let names = LimitNames::of(&schema.outliers);
    assert_eq!(
        (
            names.outer.as_str(),
            names.inner.as_str(),
            names.interval.as_str()
        ),
        ("99.8%", "95%", "95%")
    );
    schema.outliers.funnel_outer_z = 2.576;
    schema.outliers.funnel_inner_z = 1.645;
    schema.outliers.interval_z = 1.282;
    let names = LimitNames::of(&schema.outliers);
    assert_eq!(
        (
            names.outer.as_str(),
            names.inner.as_str(),
            names.interval.as_str()
        ),
        ("99%", "90%", "80%")
    );
}
