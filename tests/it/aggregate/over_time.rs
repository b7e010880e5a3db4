//! Quarters, the rolling year, England comparators and the narrative.

use kinbench::aggregate::benchmark;
use kinbench::report::Presenter;
use kinbench::validate::Submission;

use super::{close, la, p, region, schema, used, validation};

/// (period, [(B02, B01) for 867, for 846]); None for a blank B02.
type Quarter<'a> = (&'a str, [(Option<f64>, f64); 2]);

/// M01 (B02 of B01) for 867 and 846 in the given quarters.
fn m01_returns(quarters: &[Quarter]) -> (kinbench::schema::Schema, Vec<Submission>) {
    let schema = schema();
    let r = region(&schema, 2);
    let mut subs = Vec::new();
    for (period, pairs) in quarters {
        for (code, (b02, b01)) in ["867", "846"].iter().zip(pairs) {
            let mut values = vec![("B01", *b01)];
            values.extend(b02.map(|v| ("B02", v)));
            subs.push(used(&schema, la(&r, code), p(period), &values));
        }
    }
    (schema, subs)
}

#[test]
fn rolling_year_over_four_consecutive_quarters() {
    let (schema, subs) = m01_returns(&[
        ("2024-25 Q3", [(Some(2.0), 10.0), (Some(3.0), 10.0)]), // 5 / 20 = 25%
        ("2024-25 Q4", [(Some(2.0), 10.0), (None, 10.0)]),      // 846 item missing: 2 / 10 = 20%
        ("2025-26 Q1", [(Some(3.0), 10.0), (Some(1.0), 10.0)]), // 4 / 20 = 20%
        ("2025-26 Q2", [(Some(4.0), 10.0), (Some(4.0), 10.0)]), // 8 / 20 = 40%
    ]);
    let b = benchmark(
        &schema,
        &validation(region(&schema, 2), subs),
        p("2025-26 Q2"),
    )
    .unwrap();
    let m = b.metric("M01").unwrap();
    let by_quarter: Vec<Option<f64>> = m.periods.iter().map(|q| q.region.pooled).collect();
    assert_eq!(by_quarter, [Some(25.0), Some(20.0), Some(20.0), Some(40.0)]);
    // One rolling year, 2024-25 Q3 to 2025-26 Q2, over 2 + 1 + 2 + 2 = 7 LA-quarters:
    // (5 + 2 + 4 + 8) / (20 + 10 + 20 + 20) = 19 / 70 = 27.142857%.
    assert_eq!(m.rolling_year.len(), 1);
    let y = &m.rolling_year[0];
    assert_eq!((y.first, y.last), (p("2024-25 Q3"), p("2025-26 Q2")));
    assert_eq!((y.numerator, y.denominator, y.la_quarters), (19.0, 70.0, 7));
    close(y.pooled.unwrap(), 1900.0 / 70.0);
    // 40.0 − 20.0 = 20.0 points on the previous quarter; no 2024-25 Q2; England 2023: 12%.
    assert_eq!(
        Presenter::internal().narrative(m),
        "Share of children leaving care on an SGO: 40.0% in 2025-26 Q2, pooled over 2 of 2 LAs. \
         Up 20.0 percentage points on 2025-26 Q1 (20.0%). \
         No comparison with 2024-25 Q2: no regional figure for that quarter. Above England's 12% (2023)."
    );
}

#[test]
fn no_rolling_year_across_a_gap() {
    let (schema, subs) = m01_returns(&[
        ("2024-25 Q2", [(Some(4.0), 10.0), (Some(4.0), 10.0)]), // 8 / 20 = 40%
        // no 2024-25 Q3
        ("2024-25 Q4", [(Some(2.0), 10.0), (Some(2.0), 10.0)]),
        ("2025-26 Q1", [(Some(1.0), 10.0), (Some(2.0), 10.0)]), // 3 / 20 = 15%
        ("2025-26 Q2", [(Some(3.0), 10.0), (Some(5.0), 10.0)]), // 8 / 20 = 40%
    ]);
    let b = benchmark(
        &schema,
        &validation(region(&schema, 2), subs),
        p("2025-26 Q2"),
    )
    .unwrap();
    let m = b.metric("M01").unwrap();
    assert!(m.rolling_year.is_empty());
    // 40 − 15 = 25 points up on Q1; the same as a year before.
    assert_eq!(
        Presenter::internal().narrative(m),
        "Share of children leaving care on an SGO: 40.0% in 2025-26 Q2, pooled over 2 of 2 LAs. \
         Up 25.0 percentage points on 2025-26 Q1 (15.0%). No change on 2024-25 Q2 (40.0%). \
         Above England's 12% (2023)."
    );
    // No M03 data: said plainly, and England has no M03 figure at all.
    assert_eq!(
        Presenter::internal().narrative(b.metric("M03").unwrap()),
        "Temporary share of kinship foster carer approvals: no regional figure for 2025-26 Q2: \
         no LA had a valid pair. England has no comparable figure."
    );
}

#[test]
fn england_comparator_is_the_latest_year_ended_by_the_quarter() {
    let (schema, subs) = m01_returns(&[
        ("2023-24 Q3", [(Some(1.0), 10.0), (Some(1.0), 10.0)]),
        ("2024-25 Q3", [(Some(1.0), 10.0), (Some(1.0), 10.0)]),
        ("2025-26 Q2", [(Some(1.0), 10.0), (Some(1.0), 10.0)]),
    ]);
    // 2025-26 Q2 ends 30 Sep 2025: the year ending March 2025 is the latest.
    let cla = |q: &str| {
        schema
            .comparators
            .for_period("cla_at_31_march", p(q))
            .map(|f| (f.year_ending, f.value))
    };
    assert_eq!(cla("2025-26 Q2"), Some((2025, 81770.0)));
    assert_eq!(cla("2024-25 Q4"), Some((2025, 81770.0)));
    assert_eq!(cla("2024-25 Q3"), Some((2024, 83530.0)));

    let b = benchmark(
        &schema,
        &validation(region(&schema, 2), subs),
        p("2025-26 Q2"),
    )
    .unwrap();
    let england = |id: &str, q: &str| {
        let at = b.metric(id).unwrap().at(p(q)).unwrap();
        at.england.as_ref().map(|e| (e.value, e.year_ending))
    };
    // M01: only a 2023 figure exists, so 2025-26 Q2 uses it.
    assert_eq!(england("M01", "2025-26 Q2"), Some((12.0, 2023)));
    let m01 = b
        .metric("M01")
        .unwrap()
        .at(p("2025-26 Q2"))
        .unwrap()
        .england
        .clone()
        .unwrap();
    assert_eq!(
        m01.source,
        "DfE, Children looked after in England including adoptions, year ending 31 March 2023"
    );
    // M04: 2024 figure from 2024-25 Q3 on (ends Dec 2024), none for 2023-24 Q3 (ends Dec 2023).
    assert_eq!(england("M04", "2024-25 Q3"), Some((16.0, 2024)));
    assert_eq!(england("M04", "2023-24 Q3"), None);
    // M03: no England series at all.
    assert_eq!(england("M03", "2025-26 Q2"), None);
    assert_eq!(b.metric("M03").unwrap().comparator_series, None);
    assert_eq!(
        Presenter::internal().narrative(b.metric("M04").unwrap()),
        "Kinship foster care share of children looked after: no regional figure for 2025-26 Q2: \
         no LA had a valid pair. England's figure is 16% (2024)."
    );
}
