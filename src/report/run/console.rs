//! What `kinbench run` prints: the mode, the validation summary, each metric's
//! regional headline, and where the outputs went; through the Presenter.

use std::fmt::Write;

use crate::aggregate::{Benchmark, MetricPeriod, MetricResult};
use crate::report::present::Shown;
use crate::report::{summary, OutputsWritten, RunContext};

/// The run's console summary. When anonymising, every region LA's name and code is scrubbed.
pub fn run_summary(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    outputs: &OutputsWritten,
) -> String {
    let mut t = format!("{}\n", ctx.presenter.mode_note());
    t.push_str(&summary(ctx.validation, &OutputsWritten::default()));
    t.push_str(&headline(ctx, benchmark));
    crate::report::console::written(&mut t, outputs);
    crate::text_safety::visible(&ctx.presenter.scrub(&t)).into_owned()
}

/// One line per metric for the reporting period: the region's pooled value, how
/// many LAs it is pooled over, and the outliers with the value without them.
pub fn headline(ctx: &RunContext<'_>, benchmark: &Benchmark) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "\nMetrics for {} (regional pooled value; n = LAs included of {}):",
        benchmark.period,
        ctx.validation.region.len()
    );
    let width = benchmark
        .metrics
        .iter()
        .map(|m| m.short.chars().count())
        .max()
        .unwrap_or(0);
    for m in &benchmark.metrics {
        let Some(mp) = m.at(benchmark.period) else {
            continue;
        };
        let value = with_unit(m, ctx.presenter.region_rate(mp.region.pooled));
        let _ = writeln!(
            t,
            "  {:<5}{:<width$}  {:>10}  n {:>3}  {}",
            m.id,
            m.short,
            value,
            mp.region.n_included,
            outliers(ctx, m, mp)
        );
    }
    t
}

fn with_unit(m: &MetricResult, shown: Shown) -> String {
    match shown {
        shown @ Shown::Number { .. } => format!("{}{}", shown.text(), m.unit.suffix()),
        symbol => symbol.text(),
    }
}

fn outliers(ctx: &RunContext<'_>, m: &MetricResult, mp: &MetricPeriod) -> String {
    let names: Vec<String> = mp
        .las
        .iter()
        .filter(|l| l.outlier)
        .map(|l| ctx.presenter.la_name(&l.la_code, &l.la_name))
        .collect();
    if names.is_empty() {
        return "outliers: none".to_string();
    }
    format!(
        "outliers: {}; without them {}",
        names.join(", "),
        with_unit(m, ctx.presenter.region_without_outliers(m, mp))
    )
}
