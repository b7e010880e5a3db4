//! Count measures, breakdown shares and coverage over three LAs, one not received.

use kinbench::aggregate::{benchmark, Benchmark};

use super::{close, la, p, region, schema, used, validation};

fn run() -> Benchmark {
    let schema = schema();
    let r = region(&schema, 3);
    let q2 = p("2025-26 Q2");
    let subs = vec![
        used(
            &schema,
            la(&r, "867"),
            q2,
            &[
                ("C01", 10.0),
                ("E02", 3.0),
                ("E03", 1.0),
                ("E04", 0.0),
                ("E05", 0.0),
                ("E06", 0.0),
            ],
        ),
        // E05 blank.
        used(
            &schema,
            la(&r, "846"),
            q2,
            &[
                ("C01", 20.0),
                ("E02", 1.0),
                ("E03", 3.0),
                ("E04", 2.0),
                ("E06", 2.0),
            ],
        ),
        // 825 Buckinghamshire sent nothing.
    ];
    benchmark(&schema, &validation(r, subs), q2).unwrap()
}

#[test]
fn count_measures_total_contributors_and_mean() {
    let b = run();
    let items: Vec<&str> = b.counts.iter().map(|c| c.item.as_str()).collect();
    assert_eq!(
        items,
        ["C01", "C03", "C04", "D01", "D02", "F01", "F04", "E01"]
    );
    // C01: 10 + 20 = 30 over 2 LAs, mean 15.
    let c01 = &b.count("C01").unwrap().periods[0];
    assert_eq!(
        (c01.period, c01.total, c01.n_las, c01.mean),
        (p("2025-26 Q2"), 30.0, 2, Some(15.0))
    );
    // C03: nobody gave it: no mean, and 0 LAs (not a zero mean).
    let c03 = &b.count("C03").unwrap().periods[0];
    assert_eq!((c03.total, c03.n_las, c03.mean), (0.0, 0, None));
}

#[test]
fn breakdown_parts_as_shares_of_their_sum() {
    let b = run();
    let reasons = &b.breakdowns[0];
    assert_eq!(reasons.id, "reasons_outside_regulations");
    let q = &reasons.periods[0];
    // E02 3 + 1 = 4, E03 1 + 3 = 4, E04 0 + 2 = 2, E05 0 (one LA), E06 0 + 2 = 2; sum 12.
    assert_eq!(q.sum, 12.0);
    let totals: Vec<(&str, f64, usize)> = q
        .parts
        .iter()
        .map(|x| (x.item.as_str(), x.total, x.n_las))
        .collect();
    assert_eq!(
        totals,
        [
            ("E02", 4.0, 2),
            ("E03", 4.0, 2),
            ("E04", 2.0, 2),
            ("E05", 0.0, 1),
            ("E06", 2.0, 2)
        ]
    );
    // Shares: 4/12 = 33.33%, 4/12, 2/12 = 16.67%, 0, 2/12.
    let shares: Vec<f64> = q.parts.iter().map(|x| x.share.unwrap()).collect();
    for (got, want) in shares
        .iter()
        .zip([100.0 / 3.0, 100.0 / 3.0, 50.0 / 3.0, 0.0, 50.0 / 3.0])
    {
        close(*got, want);
    }
}

#[test]
fn coverage_counts_usable_values_and_never_zeroes_a_missing_return() {
    let b = run();
    let cov = &b.coverage;
    let item = |code: &str| cov.items.iter().find(|c| c.code == code).unwrap();
    // C01: both returns give it; 2 received of 3 LAs. C02: nobody.
    assert_eq!(
        (item("C01").usable, item("C01").received, item("C01").region),
        (2, 2, 3)
    );
    assert_eq!(item("C02").usable, 0);
    // E05: only 867.
    assert_eq!(item("E05").usable, 1);
    // M07 = C02 / C01: no valid pair anywhere.
    let m07 = cov.metrics.iter().find(|c| c.code == "M07").unwrap();
    assert_eq!((m07.usable, m07.received, m07.region), (0, 2, 3));

    let cell = |la: &str, section: &str| {
        cov.grid
            .iter()
            .find(|c| c.la_code == la && c.section == section)
            .unwrap()
    };
    // 867, section C (C01–C04): 1 of 4 usable = 25%.
    let c = cell("867", "C");
    assert_eq!(
        (c.received, c.usable, c.items, c.share),
        (true, 1, 4, Some(25.0))
    );
    // 867, section E (E01–E06): E02–E06 usable, E01 blank: 5 of 6 = 83.33%.
    let e = cell("867", "E");
    assert_eq!((e.usable, e.items), (5, 6));
    close(e.share.unwrap(), 500.0 / 6.0);
    // 846, section E: E05 and E01 blank: 4 of 6.
    assert_eq!(cell("846", "E").usable, 4);
    // 825 sent nothing: not received, no share (not 0%).
    let nr = cell("825", "C");
    assert_eq!((nr.received, nr.share), (false, None));
    // 3 LAs × 7 sections.
    assert_eq!(cov.grid.len(), 21);
}
