//! The charts that are not one per metric: the two-part split of a
//! `chart = "stacked"` metric, each breakdown, and the coverage grid.

use super::words::{lower_first, source_line, upper_first};
use super::{titles, PackChart};
use crate::aggregate::{Benchmark, BreakdownResult, MetricResult};
use crate::report::charts::{
    self, Category, ChartError, Coverage, Frame, RefLine, StackRow, Stacked, Unit,
};
use crate::report::present::Presenter;
use crate::schema::{Metric, MetricUnit, Schema};

/// The numerator against the rest of the denominator per LA, 100% stacked;
/// labels from the metric's `part_label` and `complement`.
pub fn stacked(
    p: &Presenter,
    b: &Benchmark,
    spec: &Metric,
    m: &MetricResult,
    stem: &str,
) -> Result<PackChart, ChartError> {
    let (first, second) = (spec.part_name(), spec.complement_name());
    let mp = m.at(b.period);
    let rows = mp.map_or_else(Vec::new, |mp| {
        mp.las
            .iter()
            .map(|l| {
                // Excluded LAs, counts suppressed when publishing and shares
                // derived from them total 0: "no data".
                let f = p.la_figures(m, b.period, l);
                let part = |v: Option<f64>| p.la_count(v).number().filter(|_| !f.withheld);
                let rest = match (l.numerator, l.denominator) {
                    (Some(n), Some(d)) => Some(d - n),
                    _ => None,
                };
                let (a, z) = match (l.included(), part(l.numerator), part(rest)) {
                    (true, Some(a), Some(z)) => (a, z),
                    _ => (0.0, 0.0),
                };
                StackRow {
                    name: p.la_name(&l.la_code, &l.la_name),
                    first: a,
                    second: z,
                }
            })
            .collect()
    });
    let pooled = mp.and_then(|mp| mp.region.pooled);
    let data = Stacked {
        rows,
        first_label: first.clone(),
        second_label: second.clone(),
        region: p.region_rate(pooled).number().map(|v| RefLine {
            value: v,
            label: format!(
                "{} {}",
                b.region_name,
                super::words::region_value(p, pooled, MetricUnit::Percent)
            ),
        }),
    };
    let title = titles::stacked(p, b, m, &first);
    let sub = format!(
        "{} and {}, share of each LA's total, {}",
        upper_first(&first),
        lower_first(&second),
        b.period
    );
    let frame = Frame::new(&title, &sub, &source_line(p, b, None));
    let rendered = charts::stacked_100(&frame, &data)?;
    Ok(PackChart::new(
        stem.to_string(),
        frame,
        &p.narrative(m),
        rendered,
        data.table(),
    ))
}

/// A shared "reason: " style prefix of the labels, as the noun the title
/// uses ("reason"), and the labels without it.
fn common_prefix(labels: &[String]) -> (String, Vec<String>) {
    let prefix = labels
        .first()
        .and_then(|l| l.split_once(": "))
        .map(|(p, _)| format!("{p}: "))
        .filter(|p| labels.iter().all(|l| l.starts_with(p.as_str())));
    match prefix {
        Some(p) => (
            p.trim_end_matches(": ").to_lowercase(),
            labels.iter().map(|l| upper_first(&l[p.len()..])).collect(),
        ),
        None => ("part".to_string(), labels.to_vec()),
    }
}

/// One breakdown's parts in the reporting period as category bars.
pub fn breakdown(
    p: &Presenter,
    b: &Benchmark,
    br: &BreakdownResult,
    stem: &str,
) -> Result<PackChart, ChartError> {
    let Some(bp) = br.periods.iter().find(|bp| bp.period == b.period) else {
        return Err(ChartError::Draw(format!(
            "{} has no figures for {}",
            br.id, b.period
        )));
    };
    let labels: Vec<String> = bp.parts.iter().map(|part| part.label.clone()).collect();
    let (noun, names) = common_prefix(&labels);
    let parts: Vec<(String, f64)> = names
        .into_iter()
        .zip(&bp.parts)
        .map(|(name, part)| (name, part.total))
        .collect();
    // A regional total of 1 to 5 is suppressed when publishing: left off the bars.
    let categories: Vec<Category> = parts
        .iter()
        .filter_map(|(name, total)| {
            p.total_count(Some(*total)).number().map(|count| Category {
                name: name.clone(),
                count,
            })
        })
        .collect();
    let title = titles::breakdown(p, &noun, &parts, bp);
    let sub = format!("{}, {} (count and share of all)", br.title, b.period);
    let frame = Frame::new(&title, &sub, &source_line(p, b, None));
    let unit = Unit::new("", 0);
    let rendered = charts::category_bars(&frame, &categories, &unit)?;
    let narrative = format!(
        "Across {} LAs reporting, {} were recorded in {}.",
        bp.parts.iter().map(|x| x.n_las).max().unwrap_or(0),
        p.total_count(Some(bp.sum)).text(),
        b.period
    );
    Ok(PackChart::new(
        stem.to_string(),
        frame,
        &narrative,
        rendered,
        charts::category_table(&categories, &unit),
    ))
}

/// The LA × section grid of the reporting period; LAs sorted by the name shown.
pub fn coverage(schema: &Schema, p: &Presenter, b: &Benchmark) -> Result<PackChart, ChartError> {
    let cells: Vec<_> = b
        .coverage
        .grid
        .iter()
        .filter(|c| c.period == b.period)
        .collect();
    let mut las: Vec<(String, String)> = Vec::new();
    for c in &cells {
        let name = p.la_name(&c.la_code, &c.la_name);
        if !las.iter().any(|(code, _)| code == &c.la_code) {
            las.push((c.la_code.clone(), name));
        }
    }
    las.sort_by(|a, b| a.1.cmp(&b.1));
    let shares = las
        .iter()
        .map(|(code, _)| {
            schema
                .sections
                .iter()
                .map(|s| {
                    cells
                        .iter()
                        .find(|c| &c.la_code == code && c.section == s.id)
                        .and_then(|c| c.share.map(|x| x / 100.0))
                })
                .collect()
        })
        .collect();
    let received = las
        .iter()
        .filter(|(code, _)| cells.iter().any(|c| &c.la_code == code && c.received))
        .count();
    let title = coverage_title(b, &cells, received, las.len());
    let data = Coverage {
        las: las.iter().map(|(_, n)| n.clone()).collect(),
        sections: schema.sections.iter().map(|s| s.title.clone()).collect(),
        shares,
    };
    let sub = format!(
        "Share of each section's items with a usable value, by LA, {}",
        b.period
    );
    let frame = Frame::new(&title, &sub, &source_line(p, b, None));
    let rendered = charts::coverage_grid(&frame, &data)?;
    let table = data.table();
    let narrative = format!(
        "{received} of {} LAs' returns were used for {}; an LA without one is shown as not received, never as zero.",
        las.len(),
        b.period
    );
    Ok(PackChart::new(
        "coverage".to_string(),
        frame,
        &narrative,
        rendered,
        table,
    ))
}

fn coverage_title(
    b: &Benchmark,
    cells: &[&crate::aggregate::SectionCoverage],
    received: usize,
    region: usize,
) -> String {
    let (usable, items) = cells
        .iter()
        .filter(|c| c.received)
        .fold((0, 0), |(u, i), c| (u + c.usable, i + c.items));
    let mut title = format!(
        "{received} of {region} LAs sent a usable return for {}",
        b.period
    );
    if items > 0 {
        title.push_str(&format!(
            "; {:.0}% of their items had a usable value",
            100.0 * usable as f64 / items as f64
        ));
    }
    title
}
