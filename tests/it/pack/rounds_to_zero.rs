//! A rate that rounds to 0 but is not 0 is `k` when publishing: never drawn
//! or written as 0.

use kinbench::aggregate::{self, Benchmark};
use kinbench::period::Period;
use kinbench::report::pack::write_pack;
use kinbench::report::{Presenter, RunContext, RunInfo};
use kinbench::schema::{La, Schema};
use kinbench::validate::Validation;

use super::svg_texts;
use crate::aggregate::{p, region, schema, used, validation};

fn context<'a>(
    schema: &'a Schema,
    v: &'a Validation,
    b: &'a Benchmark,
    presenter: &'a Presenter,
    info: &'a RunInfo,
) -> RunContext<'a> {
    RunContext {
        schema,
        validation: v,
        benchmark: Some(b),
        presenter,
        info,
        ticks: Default::default(),
    }
}

/// The chart pack of a hand-built region in publish mode, and its Presenter.
fn published_pack(
    schema: &Schema,
    v: &Validation,
    b: &Benchmark,
    q2: Period,
) -> (Presenter, tempfile::TempDir) {
    let presenter = Presenter::new(&v.region, true, false).withholding(schema, v);
    let info = super::hand_info(q2);
    let dir = tempfile::tempdir().unwrap();
    write_pack(&context(schema, v, b, &presenter, &info), b, dir.path()).unwrap();
    (presenter, dir)
}

/// One used return per LA of `las`, the first two with `values(true)`, the rest `values(false)`.
fn some_of_four(
    schema: &Schema,
    las: &[La],
    q2: Period,
    values: impl Fn(bool) -> Vec<(&'static str, f64)>,
) -> Validation {
    let subs = las
        .iter()
        .enumerate()
        .map(|(i, la)| used(schema, la, q2, &values(i < 2)))
        .collect();
    validation(las.to_vec(), subs)
}

#[test]
fn a_k_rate_is_labelled_k_in_the_bars_and_the_narrative() {
    let schema = schema();
    let las = region(&schema, 4);
    let q2 = p("2025-26 Q2");
    // B02 = 6 of B01 = 20,000 at two LAs (0.03%: a whole number 0, not 0, and
    // not a count of 1 to 5), 0 at the other two: 12 of 80,000 = 0.015% region-wide.
    let v = some_of_four(&schema, &las, q2, |first_two| {
        let b02 = if first_two { 6.0 } else { 0.0 };
        vec![("B01", 20000.0), ("B02", b02), ("B02a", b02), ("B03", 0.0)]
    });
    let b = aggregate::benchmark(&schema, &v, q2).unwrap();
    let m01 = b.metric("M01").unwrap().at(q2).unwrap();
    // Rounds to 0.0 at one decimal, but is not 0.
    assert!(m01.region.pooled.unwrap() < 0.05 && m01.region.pooled.unwrap() > 0.0);
    let (_, dir) = published_pack(&schema, &v, &b, q2);
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

/// Every narrative paragraph of the page that is about `title`.
fn narratives_about(page: &str, title: &str) -> Vec<String> {
    page.split("<p class=\"narrative\">")
        .skip(1)
        .map(|p| p.split("</p>").next().unwrap().to_string())
        .filter(|p| p.starts_with(title))
        .collect()
}

#[test]
fn a_k_narrative_shows_k_in_every_output_that_carries_it() {
    use calamine::{open_workbook, Reader, Xlsx};
    let schema = schema();
    let las = region(&schema, 4);
    let q2 = p("2025-26 Q2");
    // D01 = 6 temporary of 20,006 approvals at two LAs, none at the others:
    // M03 = 12 / 80,012 = 0.015%, 0.0% at one decimal but not 0.
    let v = some_of_four(&schema, &las, q2, |first_two| {
        vec![("D01", if first_two { 6.0 } else { 0.0 }), ("D02", 20000.0)]
    });
    let b = aggregate::benchmark(&schema, &v, q2).unwrap();
    let m03 = b.metric("M03").unwrap();
    let pooled = m03.at(q2).unwrap().region.pooled.unwrap();
    assert!((pooled - 1200.0 / 80012.0).abs() < 1e-12);
    let (presenter, dir) = published_pack(&schema, &v, &b, q2);
    let book = dir.path().join("book.xlsx");
    let info = super::hand_info(q2);
    let ctx = context(&schema, &v, &b, &presenter, &info);
    kinbench::report::workbook::write_workbook(&ctx, &b, &book).unwrap();

    let said = presenter.narrative(m03);
    assert!(
        said.starts_with(&format!(
            "{}: k in 2025-26 Q2, pooled over 4 of 4 LAs.",
            m03.title
        )),
        "{said}"
    );
    let page = std::fs::read_to_string(dir.path().join("chart_pack.html")).unwrap();
    let on_page = narratives_about(&page, &m03.title);
    // Under the metric's bars, its funnel, its trend and the approvals split.
    assert_eq!(on_page.len(), 4, "{on_page:?}");
    for text in &on_page {
        assert_eq!(text, &said);
    }
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let summary = wb.worksheet_range("Summary").unwrap();
    let cells: Vec<String> = summary
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .filter(|c| c.starts_with(&m03.title) && c.contains(" in 2025-26 Q2"))
        .collect();
    assert_eq!(cells, std::slice::from_ref(&said));
    for text in on_page.iter().chain(&cells) {
        assert!(!text.contains("0.0%"), "{text}");
    }
}
