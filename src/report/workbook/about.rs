//! The About sheet: what the workbook is, how to read each sheet, the method in
//! brief, the England sources used, and facts about the run (never the clock).

use std::collections::BTreeMap;

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Book;
use crate::aggregate::LimitNames;
use crate::report::xlsx::fit_row;
use crate::report::xlsx::{header, text, widths};

pub(super) fn write(b: &Book<'_>, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let (ctx, bm, fmt) = (b.ctx, b.bm, &b.fmt);
    widths(sheet, &[28.0, 70.0, 12.0, 24.0])?;
    let title = format!(
        "Kinship care benchmarking: {}, {}",
        bm.region_name, bm.period
    );
    text(sheet, 0, 0, &title, Some(&fmt.title))?;
    text(sheet, 1, 0, ctx.presenter.mode_note(), Some(&fmt.bold))?;
    let periods: Vec<String> = bm.periods.iter().map(|p| p.to_string()).collect();
    let mut row = 3;
    for (label, value) in [
        ("Region", bm.region_name.clone()),
        ("Reporting period", b.period_label(bm.period)),
        ("Periods in the returns", periods.join(", ")),
    ] {
        text(sheet, row, 0, label, Some(&fmt.bold))?;
        text(sheet, row, 1, &value, Some(&fmt.wrap))?;
        row += 1;
    }

    row += 1;
    text(
        sheet,
        row,
        0,
        "How to read this workbook",
        Some(&fmt.subtitle),
    )?;
    row += 1;
    for (name, what) in how_to_read(b) {
        text(sheet, row, 0, &name, Some(&fmt.bold))?;
        text(sheet, row, 1, &what, Some(&fmt.wrap))?;
        fit_row(sheet, row, &[(&what, 70.0)])?;
        row += 1;
    }

    row += 1;
    text(sheet, row, 0, "Method in brief", Some(&fmt.subtitle))?;
    row += 1;
    for (name, what) in method(b) {
        text(sheet, row, 0, name, Some(&fmt.bold))?;
        text(sheet, row, 1, &what, Some(&fmt.wrap))?;
        fit_row(sheet, row, &[(&what, 70.0)])?;
        row += 1;
    }

    row = comparators(b, sheet, row + 1)?;
    this_run(b, sheet, row + 1)
}

/// The England series the metrics were compared with; returns the next row.
fn comparators(b: &Book<'_>, sheet: &mut Worksheet, mut row: u32) -> Result<u32, XlsxError> {
    let (ctx, bm, fmt) = (b.ctx, b.bm, &b.fmt);
    text(
        sheet,
        row,
        0,
        "England comparators used",
        Some(&fmt.subtitle),
    )?;
    row += 1;
    header(
        sheet,
        fmt,
        row,
        0,
        &["Series", "Source", "Year ending 31 March", "Metrics"],
    )?;
    row += 1;
    let mut used: BTreeMap<(String, i32), (Vec<String>, String)> = BTreeMap::new();
    for m in &bm.metrics {
        for c in m.periods.iter().filter_map(|p| p.england.as_ref()) {
            let entry = used
                .entry((c.series.clone(), c.year_ending))
                .or_insert_with(|| (Vec::new(), c.source.clone()));
            if !entry.0.contains(&m.id) {
                entry.0.push(m.id.clone());
            }
        }
    }
    if used.is_empty() {
        text(sheet, row, 0, "None for these periods.", Some(&fmt.note))?;
        row += 1;
    }
    for ((series, year), (metrics, source)) in &used {
        let title = ctx
            .schema
            .comparators
            .series
            .iter()
            .find(|s| &s.key == series)
            .map_or(series.as_str(), |s| s.title.as_str());
        text(sheet, row, 0, title, Some(&fmt.wrap))?;
        text(sheet, row, 1, source, Some(&fmt.wrap))?;
        // A year as a label, top-aligned with the wrapped text beside it.
        text(sheet, row, 2, &year.to_string(), Some(&fmt.wrap))?;
        text(sheet, row, 3, &metrics.join(", "), Some(&fmt.wrap))?;
        fit_row(sheet, row, &[(title, 28.0), (source, 70.0)])?;
        row += 1;
    }
    Ok(row)
}

/// What made this workbook: tool, schema, the as-of date and the returns read.
fn this_run(b: &Book<'_>, sheet: &mut Worksheet, mut row: u32) -> Result<(), XlsxError> {
    let (ctx, fmt) = (b.ctx, &b.fmt);
    text(sheet, row, 0, "This run", Some(&fmt.subtitle))?;
    row += 1;
    let v = ctx.validation;
    let used_returns = v
        .submissions
        .iter()
        .filter(|s| s.status == crate::validate::ReturnStatus::Used)
        .count();
    for (label, value) in [
        ("Tool", ctx.info.tool.clone()),
        ("Schema", ctx.info.schema_origin.clone()),
        ("As of", ctx.info.as_of.format("%Y-%m-%d").to_string()),
        ("Files read", v.submissions.len().to_string()),
        ("Returns used", used_returns.to_string()),
        ("LAs in the region", v.region.len().to_string()),
    ] {
        text(sheet, row, 0, label, Some(&fmt.bold))?;
        text(sheet, row, 1, &value, None)?;
        row += 1;
    }
    text(
        sheet,
        row + 1,
        0,
        "As of is the latest completion date of a return used (else the period's last day), so the same returns always give the same workbook.",
        Some(&fmt.note),
    )?;
    Ok(())
}

fn how_to_read(b: &Book<'_>) -> Vec<(String, String)> {
    let ids: Vec<&str> = b.bm.metrics.iter().map(|m| m.id.as_str()).collect();
    let metric_sheets = match (ids.first(), ids.last()) {
        (Some(first), Some(last)) if first != last => format!("{first} … {last}"),
        (Some(only), _) => only.to_string(),
        _ => "Metric sheets".to_string(),
    };
    let mut rows = vec![
        ("Summary".to_string(), "One row per metric: the region's pooled figure for the reporting period, the previous quarter, the same quarter a year before and the rolling year, England's figure and year, how many LAs are included and why others are not, outlier LAs and the pooled figure without them, and a sentence saying what changed. Below: the count measures (regional total, LAs contributing, mean per LA).".to_string()),
        (metric_sheets, format!("One sheet per metric. The table lists the LAs by value, highest first, with numerator, denominator, the Wilson {} interval (percentage metrics), the outlier z score and flag; LAs without a usable value are listed below it with the reason. The bar chart shows the LAs sorted, with the regional pooled figure and England's figure as differently coloured bars in their ranked place.", LimitNames::of(&b.ctx.schema.outliers).interval)),
        ("Trends".to_string(), "The region's pooled figure for each metric by quarter, with the England figure each quarter is compared with (the latest year ending 31 March on or before the quarter's end), and a line chart per metric.".to_string()),
    ];
    if approvals_metric(b).is_some() {
        rows.push(("Approvals".to_string(), "The approvals split per LA (the parts of the approvals metric) as counts and a 100% stacked bar chart, with the region's split with and without outlier LAs.".to_string()));
    }
    if !b.bm.breakdowns.is_empty() {
        rows.push(("Reasons".to_string(), "Each breakdown's parts for the reporting period: regional totals, LAs contributing and each part's share of their sum, with a bar chart of the shares.".to_string()));
    }
    rows.extend([
        ("Coverage".to_string(), "LA × item grid for the reporting period: 1 = a usable value, 0 = not usable (blank, marker, withheld, rejected), blank = no return received. Below: how many LAs gave each item and each metric's valid pairs.".to_string()),
        ("Findings".to_string(), "Every validation finding of the run, including regional outliers (PLAUS004), filterable by LA, period, severity and rule.".to_string()),
        ("Data".to_string(), "Every value of every return used, in long format (LA, period, item, value, status), as an Excel table for filtering and pivoting.".to_string()),
    ]);
    rows
}

fn approvals_metric<'a>(b: &'a Book<'_>) -> Option<&'a crate::aggregate::MetricResult> {
    super::approvals::metric(b).map(|(_, m)| m)
}

fn method(b: &Book<'_>) -> Vec<(&'static str, String)> {
    let o = &b.ctx.schema.outliers;
    let names = LimitNames::of(o);
    vec![
        ("Pooled figure", "Each metric is the sum of the included LAs' numerators divided by the sum of their denominators: larger LAs weigh more. An LA is included when both sides are provided and usable, the denominator is above 0, a percentage's numerator does not exceed its denominator, and no error finding touches the items.".to_string()),
        ("Exclusions", "An LA left out is listed with its reason: not received (no return), error finding, not in version (the return's template version does not have an item of the metric), item missing (blank, marker or withheld), pair invalid, or denominator 0.".to_string()),
        ("Outliers", format!("Flagged, never dropped. Percentage metrics: funnel plot around the pooled proportion with overdispersion (winsorised z, fraction {}), outlier beyond z = {:.3} ({}); {:.3} marks the {} limits. Ratio and per-100 metrics: robust z = {} × (x − median) / MAD, outlier when |z| > {}. Needs at least {} LAs.", o.winsorise_fraction, o.funnel_outer_z, names.outer, o.funnel_inner_z, names.inner, o.robust_z_constant, o.robust_z_limit, o.min_las)),
        ("Rolling year", "Once four consecutive quarters exist, the pooled figure over the LA-quarters with valid pairs in those four quarters.".to_string()),
        ("More", "docs/methodology.md sets out the method in full.".to_string()),
    ]
}
