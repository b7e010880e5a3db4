//! One metric over six LAs, one excluded for each reason; the pooled figure and its spread.

use kinbench::aggregate::{benchmark, wilson, AggregateError, ExclusionReason};
use kinbench::validate::{ReturnStatus, ValueStatus};

use super::{close, close_to, la, p, region, schema, used, validation, with_status};

#[test]
fn m01_over_six_las_excludes_one_for_each_reason() {
    let schema = schema();
    let r = region(&schema, 6);
    let q2 = p("2025-26 Q2");
    let subs = vec![
        used(&schema, la(&r, "867"), q2, &[("B01", 90.0), ("B02", 9.0)]),
        used(&schema, la(&r, "846"), q2, &[("B01", 30.0), ("B02", 12.0)]),
        // 825 Buckinghamshire sent nothing.
        with_status(
            used(&schema, la(&r, "845"), q2, &[("B01", 10.0)]),
            "B02",
            ValueStatus::Withheld,
        ),
        used(&schema, la(&r, "850"), q2, &[("B01", 4.0), ("B02", 6.0)]),
        with_status(
            used(&schema, la(&r, "921"), q2, &[("B02", 3.0)]),
            "B01",
            ValueStatus::Rejected,
        ),
    ];
    let b = benchmark(&schema, &validation(r, subs), q2).unwrap();
    let m = b.metric("M01").unwrap().at(q2).unwrap();

    // Included: 867 9/90 = 10%, 846 12/30 = 40%.
    let bracknell = m.la("867").unwrap();
    assert_eq!(
        (bracknell.numerator, bracknell.denominator),
        (Some(9.0), Some(90.0))
    );
    close(bracknell.value.unwrap(), 10.0);
    assert!(bracknell.excluded.is_none());
    close(m.la("846").unwrap().value.unwrap(), 40.0);

    // Wilson 95% for 9 of 90, p = 0.1, z² = 1.959964² = 3.841459:
    // centre = (0.1 + 3.841459/180) / (1 + 3.841459/90) = 0.121341 / 1.042683 = 0.116374
    // half = 1.959964/1.042683 × sqrt(0.1×0.9/90 + 3.841459/(4×8100)) = 1.879734 × 0.033445 = 0.062867
    // → 0.0535 to 0.1792 (shown in percent on the LA: 5.3507% to 17.9242%).
    let w = wilson(9.0, 90.0, 1.959964).unwrap();
    close_to(w.low, 0.0535, 4);
    close_to(w.high, 0.1792, 4);
    let shown = bracknell.wilson.unwrap();
    close_to(shown.low, 5.3507, 4);
    close_to(shown.high, 17.9242, 4);

    let reason = |code: &str| {
        m.la(code)
            .unwrap()
            .excluded
            .clone()
            .map(|e| (e.reason, e.detail))
    };
    assert_eq!(
        reason("825"),
        Some((
            ExclusionReason::NotReceived,
            "no return for 2025-26 Q2".into()
        ))
    );
    assert_eq!(
        reason("845"),
        Some((ExclusionReason::ItemMissing, "B02 withheld".into()))
    );
    assert_eq!(
        reason("850"),
        Some((
            ExclusionReason::PairInvalid,
            "numerator (B02 = 6) is greater than denominator (B01 = 4)".into()
        ))
    );
    assert_eq!(
        reason("921"),
        Some((ExclusionReason::ErrorFinding, "B01 rejected".into()))
    );
    // The complete side is still shown: 845's denominator, 850's both, 921's numerator.
    assert_eq!(m.la("845").unwrap().denominator, Some(10.0));
    assert_eq!(m.la("845").unwrap().numerator, None);
    assert_eq!(
        (
            m.la("850").unwrap().numerator,
            m.la("850").unwrap().denominator
        ),
        (Some(6.0), Some(4.0))
    );
    assert_eq!(
        (
            m.la("921").unwrap().numerator,
            m.la("921").unwrap().denominator
        ),
        (Some(3.0), None)
    );
    assert!(m
        .las
        .iter()
        .filter(|l| !l.included())
        .all(|l| l.value.is_none() && l.wilson.is_none()));

    // Pooled = (9 + 12) / (90 + 30) = 21/120 = 17.5%; median of {10, 40} = 25; min 10; max 40.
    let g = &m.region;
    assert_eq!((g.numerator, g.denominator), (21.0, 120.0));
    close(g.pooled.unwrap(), 17.5);
    assert_eq!((g.n_included, g.n_excluded), (2, 4));
    let listed: Vec<(&str, &str)> = g
        .excluded
        .iter()
        .map(|e| (e.la_code.as_str(), e.reason.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("825", "not received"),
            ("845", "item missing"),
            ("850", "pair invalid"),
            ("921", "error finding")
        ]
    );
    assert_eq!(
        (g.median, g.min, g.max),
        (Some(25.0), Some(10.0), Some(40.0))
    );
    // Two LAs are too few for a funnel (min_las = 5), so nothing is an outlier.
    assert_eq!(m.outliers.method, "funnel");
    assert_eq!(
        m.outliers.not_assessed.as_deref(),
        Some("2 LAs with a valid pair; the funnel plot needs at least 5")
    );
    assert_eq!((g.n_outliers, g.pooled_without_outliers), (0, Some(17.5)));
    assert!(b.findings.is_empty());

    // M02 = (B02 + B03) / B01: B03 is blank everywhere, so no LA is included.
    let m02 = b.metric("M02").unwrap().at(q2).unwrap();
    assert_eq!(
        m02.la("867").unwrap().excluded.as_ref().unwrap().detail,
        "B03 blank"
    );
    assert_eq!(m02.region.pooled, None);
}

#[test]
fn unusable_return_zero_pair_and_missing_row_are_told_apart() {
    let schema = schema();
    let r = region(&schema, 4);
    let q2 = p("2025-26 Q2");
    let mut unusable = used(&schema, la(&r, "825"), q2, &[("B01", 10.0), ("B02", 1.0)]);
    unusable.status = ReturnStatus::Unusable;
    let subs = vec![
        used(&schema, la(&r, "867"), q2, &[("B01", 0.0), ("B02", 0.0)]),
        used(&schema, la(&r, "846"), q2, &[("B01", 0.0), ("B02", 2.0)]),
        unusable,
        with_status(
            used(&schema, la(&r, "845"), q2, &[("B01", 5.0)]),
            "B02",
            ValueStatus::RowMissing,
        ),
    ];
    let b = benchmark(&schema, &validation(r, subs), q2).unwrap();
    let m = b.metric("M01").unwrap().at(q2).unwrap();
    let reason = |code: &str| {
        m.la(code)
            .unwrap()
            .excluded
            .clone()
            .map(|e| (e.reason.as_str(), e.detail))
    };
    assert_eq!(
        reason("867"),
        Some(("denominator 0", "denominator (B01) is 0".into()))
    );
    assert_eq!(
        reason("846"),
        Some((
            "pair invalid",
            "denominator (B01) is 0 but numerator (B02) is 2".into()
        ))
    );
    assert_eq!(
        reason("825"),
        Some((
            "error finding",
            "the return 825_2025-26_Q2.xlsx could not be used".into()
        ))
    );
    assert_eq!(
        reason("845"),
        Some(("item missing", "B02 row missing".into()))
    );
    assert_eq!((m.region.pooled, m.region.median), (None, None));
}

#[test]
fn a_period_without_returns_is_an_error_not_an_empty_report() {
    let schema = schema();
    let r = region(&schema, 2);
    let subs = vec![used(
        &schema,
        la(&r, "867"),
        p("2025-26 Q1"),
        &[("B01", 1.0)],
    )];
    let err = benchmark(&schema, &validation(r, subs), p("2025-26 Q2")).unwrap_err();
    assert!(matches!(err, AggregateError::NoReturns { .. }));
    assert_eq!(
        err.to_string(),
        "no usable return for 2025-26 Q2; the returns cover 2025-26 Q1"
    );
}

#[test]
fn the_wilson_interval_z_is_read_from_the_schema() {
    // interval_z = 1 instead of 1.959964, for 9 of 90 (867's M01): p = 0.1, z² = 1,
    // 1 + z²/n = 91/90; centre = (0.1 + 1/180) / (91/90) = (19/180) × (90/91) = 19/182
    // = 0.104396; half = (90/91) × sqrt(0.1 × 0.9 / 90 + 1 / (4 × 8100))
    // = 0.989011 × sqrt(0.001 + 0.0000308642) = 0.989011 × 0.032107 = 0.031754
    // → 0.072641 to 0.136150, shown in percent: 7.2641% to 13.6150%.
    let mut schema = schema();
    schema.outliers.interval_z = 1.0;
    let r = region(&schema, 2);
    let q2 = p("2025-26 Q2");
    let subs = vec![
        used(&schema, la(&r, "867"), q2, &[("B01", 90.0), ("B02", 9.0)]),
        used(&schema, la(&r, "846"), q2, &[("B01", 30.0), ("B02", 12.0)]),
    ];
    let b = benchmark(&schema, &validation(r, subs), q2).unwrap();
    let w = b
        .metric("M01")
        .unwrap()
        .at(q2)
        .unwrap()
        .la("867")
        .unwrap()
        .wilson
        .unwrap();
    close_to(w.low, 7.2641, 4);
    close_to(w.high, 13.6150, 4);
    // The bundled schema's value is the 95% z.
    assert_eq!(super::schema().outliers.interval_z, 1.959964);
}
