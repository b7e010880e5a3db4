//! Robust z for a ratio metric (M08 = G02 / G01), worked by hand.

use kinbench::aggregate::{benchmark, MetricPeriod};
use kinbench::validate::Finding;

use super::{close, p, region, schema, used, validation};

/// Each LA has 2 FTE social workers (G01) and twice `x` children (G02): caseload x.
fn m08(xs: &[f64]) -> (MetricPeriod, Vec<Finding>) {
    let schema = schema();
    let r = region(&schema, xs.len());
    let q2 = p("2025-26 Q2");
    let subs = r
        .iter()
        .zip(xs)
        .map(|(l, &x)| used(&schema, l, q2, &[("G01", 2.0), ("G02", 2.0 * x)]))
        .collect();
    let b = benchmark(&schema, &validation(r, subs), q2).unwrap();
    (b.metric("M08").unwrap().at(q2).unwrap().clone(), b.findings)
}

#[test]
fn caseload_of_40_is_an_outlier() {
    let (m, findings) = m08(&[10.0, 12.0, 14.0, 16.0, 18.0, 40.0]);
    assert_eq!(m.outliers.method, "robust_z");
    let r = m.outliers.robust.as_ref().unwrap();
    // median of 10, 12, 14, 16, 18, 40 = (14 + 16) / 2 = 15;
    // |x − 15| = 5, 3, 1, 1, 3, 25 → sorted 1, 1, 3, 3, 5, 25 → MAD = (3 + 3) / 2 = 3.
    close(r.median, 15.0);
    close(r.mad, 3.0);
    // z = 0.6745 (x − 15) / 3: −1.124167, −0.6745, −0.224833, 0.224833, 0.6745, 5.620833.
    let z: Vec<f64> = m.las.iter().map(|l| l.z.unwrap()).collect();
    let want = [
        -1.1241666666666668,
        -0.6745,
        -0.22483333333333333,
        0.22483333333333333,
        0.6745,
        5.620833333333334,
    ];
    for (got, want) in z.iter().zip(want) {
        close(*got, want);
    }
    // Only |5.62| > 3.5.
    let flagged: Vec<&str> = m
        .las
        .iter()
        .filter(|l| l.outlier)
        .map(|l| l.la_code.as_str())
        .collect();
    assert_eq!(flagged, ["921"]);
    // Pooled = Σ G02 / Σ G01 = 2 × 110 / 12 = 18.333...; without 921: 2 × 70 / 10 = 14.
    close(m.region.pooled.unwrap(), 220.0 / 12.0);
    close(m.region.pooled_without_outliers.unwrap(), 14.0);
    assert!(m.las.iter().all(|l| l.wilson.is_none()));

    assert_eq!(findings.len(), 1);
    assert_eq!(
        (findings[0].rule.as_str(), findings[0].la_code.as_deref()),
        ("PLAUS004", Some("921"))
    );
    assert_eq!(findings[0].items, ["G02", "G01"]);
    assert_eq!(
        findings[0].message,
        "Your value of M08 (Average kinship social worker caseload), 40.0 (80 / 2), is far from the region's \
         other values: the regional median is 15.0 and your robust z-score is 5.6 (beyond ±3.5 is an outlier). \
         Please check G02 and G01."
    );
}

#[test]
fn no_robust_z_when_mad_is_0_or_fewer_than_5_las() {
    // 15, 15, 15, 16, 40: median 15; |x − 15| = 0, 0, 0, 1, 25 → MAD = 0.
    let (m, findings) = m08(&[15.0, 15.0, 15.0, 16.0, 40.0]);
    assert_eq!(
        m.outliers.not_assessed.as_deref(),
        Some("more than half of the LAs have the median value, so the spread (MAD) is 0 and the robust z-score is not defined")
    );
    assert!(m.outliers.robust.is_none() && m.las.iter().all(|l| l.z.is_none() && !l.outlier));
    assert!(findings.is_empty());
    // Exactly half on one value is not enough for MAD = 0: 15, 15, 15, 16, 17, 18 has
    // median (15 + 16) / 2 = 15.5; |x − 15.5| = 0.5, 0.5, 0.5, 0.5, 1.5, 2.5 → MAD = 0.5.
    // Largest z = 0.6745 × 2.5 / 0.5 = 3.3725, inside ±3.5: assessed, nobody flagged.
    let (m, findings) = m08(&[15.0, 15.0, 15.0, 16.0, 17.0, 18.0]);
    assert_eq!(m.outliers.not_assessed, None);
    let r = m.outliers.robust.as_ref().unwrap();
    close(r.median, 15.5);
    close(r.mad, 0.5);
    close(m.las[5].z.unwrap(), 3.3725);
    assert!(findings.is_empty() && m.las.iter().all(|l| !l.outlier));
    // Four LAs, however far apart: not assessed.
    let (m, findings) = m08(&[1.0, 2.0, 3.0, 100.0]);
    assert_eq!(
        m.outliers.not_assessed.as_deref(),
        Some("4 LAs with a valid pair; the robust z-score needs at least 5")
    );
    assert!(findings.is_empty());
}
