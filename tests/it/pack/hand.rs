//! A small hand-built region: every figure in the titles is worked here.

use kinbench::aggregate;
use kinbench::report::pack::write_pack;
use kinbench::report::{write_report, Presenter, RunContext};

use super::{joined, names_top_down, svg_texts};
use crate::aggregate::{p, region, schema, used, validation};
use crate::charts::one;

#[test]
fn four_las_with_m01_and_one_without_give_the_worked_titles() {
    let schema = schema();
    let las = region(&schema, 5);
    let q2 = p("2025-26 Q2");
    // B01 children leaving care, B02 on an SGO: 10%, 20%, 5%, 10%; Hampshire gives no B01.
    let subs = vec![
        used(&schema, &las[0], q2, &[("B01", 10.0), ("B02", 1.0)]),
        used(&schema, &las[1], q2, &[("B01", 20.0), ("B02", 4.0)]),
        used(&schema, &las[2], q2, &[("B01", 40.0), ("B02", 2.0)]),
        used(&schema, &las[3], q2, &[("B01", 30.0), ("B02", 3.0)]),
        used(&schema, &las[4], q2, &[("B02", 3.0)]),
    ];
    let v = validation(las.clone(), subs);
    let b = aggregate::benchmark(&schema, &v, q2).unwrap();
    let presenter = Presenter::internal();
    let info = super::hand_info(q2);
    let ctx = RunContext {
        schema: &schema,
        validation: &v,
        benchmark: Some(&b),
        presenter: &presenter,
        info: &info,
        ticks: Default::default(),
    };
    let dir = tempfile::tempdir().unwrap();
    write_pack(&ctx, &b, dir.path()).unwrap();

    // Pooled 10 / 100 = 10.0%, below England's 12% (2023); 4 LAs, too few for a funnel.
    let bars = svg_texts(dir.path(), "m01_bars");
    assert!(joined(&bars).contains(
        "The South East's SGO share of exits (10.0%) is below England's 12%, ranging from 5.0% to 20.0% across 4 LAs"
    ));
    let names: Vec<String> = las.iter().map(|l| l.name.clone()).collect();
    // 20%, then the two 10%s by name, 5%, then Hampshire with no data.
    assert_eq!(
        names_top_down(&bars, &names),
        [
            "Brighton and Hove",
            "Bracknell Forest",
            "East Sussex",
            "Buckinghamshire",
            "Hampshire"
        ]
    );
    one(&bars, "South East 10.0%");
    one(&bars, "no data");
    let funnel = joined(&svg_texts(dir.path(), "m01_funnel"));
    assert!(funnel.contains("Outliers were not assessed for SGO share of exits: 4 LAs with a valid pair; the funnel plot needs at least 5"), "{funnel}");
    let trend = joined(&svg_texts(dir.path(), "m01_trend"));
    assert!(trend.contains("The South East's SGO share of exits was 10.0% in 2025-26 Q2, the only quarter with a figure; England 12% (2023)"));
    // Metrics nobody could compute still chart, saying so.
    let m08 = joined(&svg_texts(dir.path(), "m08_bars"));
    assert!(m08.contains(
        "No regional figure for kinship caseload in 2025-26 Q2: no LA had a usable value"
    ));
    let reasons = joined(&svg_texts(dir.path(), "reasons"));
    assert!(reasons.contains("No reason was recorded in 2025-26 Q2"));

    // East Sussex's profile: 10% is 2nd of 4 (tied with Bracknell Forest, below Brighton and Hove).
    write_report(&ctx, dir.path()).unwrap();
    let text = std::fs::read_to_string(dir.path().join("feedback/2025-26 Q2/845 East Sussex.txt"))
        .unwrap();
    assert!(
        text.contains(
            "- M01 SGO share of exits: 10.0%, 2nd of 4; South East 10.0%; England 12% (2023)"
        ),
        "{text}"
    );
    let hampshire =
        std::fs::read_to_string(dir.path().join("feedback/2025-26 Q2/850 Hampshire.txt")).unwrap();
    assert!(
        hampshire.contains("- M01 SGO share of exits: excluded: item missing"),
        "{hampshire}"
    );
}
