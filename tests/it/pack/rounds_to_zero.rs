//! A rate that rounds to 0 but is not 0 is `k` when publishing: never drawn
//! or written as 0.

use kinbench::aggregate;
use kinbench::report::pack::write_pack;
use kinbench::report::{Presenter, RunContext};

use super::svg_texts;
use crate::aggregate::{p, region, schema, used, validation};

#[test]
fn a_k_rate_is_labelled_k_in_the_bars_and_the_narrative() {
    let schema = schema();
    let las = region(&schema, 4);
    let q2 = p("2025-26 Q2");
    // B02 = 6 of B01 = 20,000 at two LAs (0.03%: a whole number 0, not 0, and
    // not a count of 1 to 5), 0 at the other two: 12 of 80,000 = 0.015% region-wide.
    let subs: Vec<_> = las
        .iter()
        .enumerate()
        .map(|(i, la)| {
            let b02 = if i < 2 { 6.0 } else { 0.0 };
            used(
                &schema,
                la,
                q2,
                &[("B01", 20000.0), ("B02", b02), ("B02a", b02), ("B03", 0.0)],
            )
        })
        .collect();
    let v = validation(las.clone(), subs);
    let b = aggregate::benchmark(&schema, &v, q2).unwrap();
    let m01 = b.metric("M01").unwrap().at(q2).unwrap();
    // Rounds to 0.0 at one decimal, but is not 0.
    assert!(m01.region.pooled.unwrap() < 0.05 && m01.region.pooled.unwrap() > 0.0);
    let presenter = Presenter::new(&v.region, true, false).withholding(&schema, &v);
    let info = super::hand_info(q2);
    let ctx = RunContext {
        schema: &schema,
        validation: &v,
        benchmark: Some(&b),
        presenter: &presenter,
        info: &info,
    };
    let dir = tempfile::tempdir().unwrap();
    write_pack(&ctx, &b, dir.path()).unwrap();
    let bars: Vec<String> = svg_texts(dir.path(), "m01_bars")
        .into_iter()
        .map(|t| t.text)
        .collect();
    // The two LAs with 6 of 20,000: a k where the bar would be.
    for la in &las[..2] {
        let at = bars.iter().position(|t| *t == la.name).unwrap();
        assert_eq!(bars[at + 1], "k", "{bars:?}");
    }
    let page = std::fs::read_to_string(dir.path().join("chart_pack.html")).unwrap();
    assert!(
        !page.contains(": 0.0% in 2025-26 Q2"),
        "narrative says 0.0%"
    );
    assert!(page.contains(": k in 2025-26 Q2"), "narrative has no k");
}
