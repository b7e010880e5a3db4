//! Small runs built by hand, where every figure the workbook shows is worked out here.

use kinbench::aggregate::benchmark;
use kinbench::validate::{Finding, Severity, ValueStatus};

use super::fixture::{number, parts, sheet, text, write, Mode, Run};
use crate::aggregate::{la, p, region, schema, used, validation, with_status};

/// Five LAs in 2025-26 Q2: M01 = B02 / B01.
/// 867: 2/10, 846: 6/20, 825: 3/30, 845: B01 withheld, 850: no return.
fn run() -> Run {
    let schema = schema();
    let r = region(&schema, 5);
    let q = p("2025-26 Q2");
    let subs = vec![
        used(&schema, la(&r, "867"), q, &[("B01", 10.0), ("B02", 2.0)]),
        used(&schema, la(&r, "846"), q, &[("B01", 20.0), ("B02", 6.0)]),
        used(&schema, la(&r, "825"), q, &[("B01", 30.0), ("B02", 3.0)]),
        with_status(
            used(&schema, la(&r, "845"), q, &[("B01", 5.0), ("B02", 1.0)]),
            "B01",
            ValueStatus::Withheld,
        ),
    ];
    let mut validation = validation(r, subs);
    validation.findings.push(Finding {
        la_code: Some("867".into()),
        la_name: Some("Bracknell Forest".into()),
        period: Some(q),
        file: "867_2025-26_Q2.xlsx".into(),
        severity: Severity::Error,
        rule: kinbench::validate::rules::Code::VAL004,
        items: vec!["B01".into()],
        cell: Some("Return!C20".into()),
        value: Some("=1+1".into()),
        message: "A formula-looking value from Bracknell Forest".into(),
        action: "Type a number.".into(),
    });
    let benchmark = benchmark(&schema, &validation, q).unwrap();
    Run {
        schema,
        validation,
        benchmark,
    }
}

#[test]
fn the_m01_sheet_shows_the_worked_figures() {
    let run = run();
    let dir = tempfile::tempdir().unwrap();
    let path = write(&run, Mode::Internal, dir.path());
    let s = sheet(&path, "M01 SGO share of exits");
    // Pooled: (2 + 6 + 3) / (10 + 20 + 30) = 11 / 60 = 18.333...%.
    assert_eq!(text(&s, 3, 0), "South East (pooled)");
    assert_eq!(number(&s, 3, 1), Some(11.0 / 60.0 * 100.0));
    assert_eq!(
        text(&s, 3, 2),
        "3 of 5 LAs included (2 excluded: 1 not received, 1 item missing)"
    );
    let h = super::METRIC_HEADER_ROW;
    type Row = (String, Option<f64>, Option<f64>, Option<f64>);
    let rows: Vec<Row> = (h + 1..h + 6)
        .map(|r| {
            (
                text(&s, r, 0),
                number(&s, r, 1),
                number(&s, r, 2),
                number(&s, r, 3),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "Brighton and Hove".into(),
                Some(6.0),
                Some(20.0),
                Some(30.0)
            ),
            ("Bracknell Forest".into(), Some(2.0), Some(10.0), Some(20.0)),
            ("Buckinghamshire".into(), Some(3.0), Some(30.0), Some(10.0)),
            // Excluded, by name: the withheld B01 leaves no denominator; no return, nothing.
            ("East Sussex".into(), Some(1.0), None, None),
            ("Hampshire".into(), None, None, None),
        ]
    );
    assert!(text(&s, h + 4, 8).starts_with("item missing"));
    assert!(text(&s, h + 5, 8).starts_with("not received"));
    // Fewer than 5 LAs included: no outlier assessment, no z.
    assert_eq!(text(&s, h + 1, 6), "");
    // Wilson 95% for 6 of 20: centre (0.3 + 1.96²/40) / (1 + 1.96²/20) ...
    let z2 = 1.96f64 * 1.96;
    let (n, phat) = (20.0, 0.3);
    let centre = (phat + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = 1.96 * (phat * (1.0 - phat) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    assert!((number(&s, h + 1, 4).unwrap() - (centre - half) * 100.0).abs() < 1e-2);
    assert!((number(&s, h + 1, 5).unwrap() - (centre + half) * 100.0).abs() < 1e-2);

    // The chart's cells: the three LAs and the region pooled in ranked place, then the excluded.
    let chart: Vec<(String, Option<f64>)> = (h + 1..h + 7)
        .map(|r| (text(&s, r, 10), number(&s, r, 11)))
        .collect();
    assert_eq!(
        chart,
        vec![
            ("Brighton and Hove".into(), Some(30.0)),
            ("Bracknell Forest".into(), Some(20.0)),
            ("South East (pooled)".into(), Some(11.0 / 60.0 * 100.0)),
            ("England (2023)".into(), Some(12.0)),
            ("Buckinghamshire".into(), Some(10.0)),
            ("East Sussex (no data)".into(), None),
        ]
    );
}

#[test]
fn text_from_returns_is_never_a_formula() {
    let run = run();
    let dir = tempfile::tempdir().unwrap();
    let path = write(&run, Mode::Internal, dir.path());
    let f = sheet(&path, "Findings");
    assert_eq!(text(&f, 0, 7), "Value as found");
    assert_eq!(text(&f, 1, 7), "=1+1");
    assert_eq!(text(&f, 1, 4), "VAL004");
    for (name, xml) in parts(&path) {
        if name.starts_with("xl/worksheets/") {
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "formula in {name}"
            );
        }
    }
    // Anonymised, the message's LA name becomes the letter (with no key,
    // this LA is LA D) and the file name is replaced whole, so a name spelt
    // another way in it ("Oxon") cannot show through.
    let path = write(&run, Mode::Anonymise, dir.path());
    let f = sheet(&path, "Findings");
    assert_eq!(text(&f, 1, 0), "LA D");
    assert_eq!(text(&f, 1, 2), "LA D, 2025-26 Q2 return");
    assert_eq!(text(&f, 1, 8), "A formula-looking value from LA D");
}
