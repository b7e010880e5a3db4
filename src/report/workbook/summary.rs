//! The Summary sheet: one row per metric for the reporting period, then the count measures.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Book;
use crate::aggregate::{MetricPeriod, MetricResult};
use crate::report::present::Shown;
use crate::report::xlsx::fit_row;
use crate::report::xlsx::{header, shown, shown_opt, text, widths, Kind};

/// Summary columns; tests and docs/workbook.md follow this order.
pub(super) const COLUMNS: [&str; 15] = [
    "Metric",
    "Title",
    "Unit",
    "Region now (pooled)",
    "Previous quarter",
    "Same quarter a year before",
    "Rolling year",
    "England",
    "England year ending 31 March",
    "LAs included",
    "LAs excluded",
    "Why excluded",
    "Outliers",
    "Pooled without outliers",
    "In words",
];

/// The header row; metric rows follow it.
pub(super) const HEADER_ROW: u32 = 3;

pub(super) fn write(b: &Book<'_>, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let (ctx, bm, fmt) = (b.ctx, b.bm, &b.fmt);
    widths(
        sheet,
        &[
            8.0, 40.0, 8.0, 11.0, 11.0, 11.0, 11.0, 9.0, 11.0, 9.0, 9.0, 24.0, 24.0, 11.0, 70.0,
        ],
    )?;
    let title = format!("Summary: {}, {}", bm.region_name, b.period_label(bm.period));
    text(sheet, 0, 0, &title, Some(&fmt.title))?;
    text(sheet, 1, 0, ctx.presenter.mode_note(), Some(&fmt.bold))?;
    header(sheet, fmt, HEADER_ROW, 0, &COLUMNS)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 1)?;
    let mut row = HEADER_ROW + 1;
    for m in &bm.metrics {
        metric_row(b, sheet, row, m)?;
        row += 1;
    }

    count_rows(b, sheet, row + 2)
}

/// The count measures below the metrics: regional total, LAs contributing, mean per LA.
fn count_rows(b: &Book<'_>, sheet: &mut Worksheet, mut row: u32) -> Result<(), XlsxError> {
    let (ctx, bm, fmt) = (b.ctx, b.bm, &b.fmt);
    let title = format!("Count measures, {}", bm.period);
    text(sheet, row, 0, &title, Some(&fmt.subtitle))?;
    row += 1;
    header(
        sheet,
        fmt,
        row,
        0,
        &[
            "Item",
            "Label",
            "",
            "Regional total",
            "LAs contributing",
            "Mean per LA",
        ],
    )?;
    row += 1;
    for c in &bm.counts {
        let Some(cp) = c.periods.iter().find(|p| p.period == bm.period) else {
            continue;
        };
        text(sheet, row, 0, &c.item, None)?;
        text(sheet, row, 1, &c.label, Some(&fmt.wrap))?;
        fit_row(sheet, row, &[(&c.label, 40.0)])?;
        let total = ctx.presenter.total_count(Some(cp.total));
        shown(sheet, fmt, row, 3, &total, Kind::Count)?;
        sheet.write_number_with_format(row, 4, cp.n_las as f64, &fmt.top)?;
        // A mean beside a suppressed total would give the total away, and the
        // exact mean times the number of LAs beside it gives back the unrounded
        // total: when publishing, the mean is of the total as published.
        let mean = match total {
            Shown::Symbol(s) => Shown::Symbol(s),
            Shown::Number { value, .. } if ctx.presenter.publish() => {
                let n = cp.n_las as f64;
                ctx.presenter.region_rate((n > 0.0).then(|| value / n))
            }
            Shown::Number { .. } => ctx.presenter.region_rate(cp.mean),
        };
        shown(sheet, fmt, row, 5, &mean, Kind::Rate)?;
        row += 1;
    }
    Ok(())
}

fn metric_row(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    row: u32,
    m: &MetricResult,
) -> Result<(), XlsxError> {
    let (p, fmt, period) = (b.ctx.presenter, &b.fmt, b.bm.period);
    text(sheet, row, 0, &m.id, Some(&fmt.bold))?;
    text(sheet, row, 1, &m.title, Some(&fmt.wrap))?;
    text(sheet, row, 2, unit_label(m), None)?;
    let here = m.at(period);
    let narrative = p.narrative(m);
    figures(b, sheet, row, m)?;
    let Some(h) = here else {
        fit_row(sheet, row, &[(&m.title, 40.0), (&narrative, 70.0)])?;
        return text(sheet, row, 14, &narrative, Some(&fmt.wrap));
    };
    sheet.write_number_with_format(row, 9, h.region.n_included as f64, &fmt.top)?;
    sheet.write_number_with_format(row, 10, h.region.n_excluded as f64, &fmt.top)?;
    text(sheet, row, 11, &exclusion_text(h), Some(&fmt.wrap))?;
    let outliers = outlier_text(b, h);
    text(sheet, row, 12, &outliers, Some(&fmt.wrap))?;
    let without = p.region_without_outliers(m, h);
    shown(sheet, fmt, row, 13, &without, Kind::Rate)?;
    let why = exclusion_text(h);
    fit_row(
        sheet,
        row,
        &[
            (&m.title, 40.0),
            (&why, 24.0),
            (&outliers, 24.0),
            (&narrative, 70.0),
        ],
    )?;
    text(sheet, row, 14, &narrative, Some(&fmt.wrap))
}

/// The pooled figure now, a quarter before, a year before and over the
/// rolling year; England's figure and its year.
fn figures(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    row: u32,
    m: &MetricResult,
) -> Result<(), XlsxError> {
    let (p, fmt, period) = (b.ctx.presenter, &b.fmt, b.bm.period);
    let rate = |v: Option<f64>| p.region_rate(v);
    let pooled_at = |q| m.at(q).and_then(|mp: &MetricPeriod| mp.region.pooled);
    for (col, q) in [(3, period), (4, period.prev()), (5, period.year_before())] {
        shown(sheet, fmt, row, col, &rate(pooled_at(q)), Kind::Rate)?;
    }
    let rolling = m.rolling_year.iter().find(|r| r.last == period);
    shown_opt(
        sheet,
        fmt,
        row,
        6,
        rolling.map(|r| rate(r.pooled)),
        Kind::Rate,
    )?;
    if let Some(e) = m.at(period).and_then(|h| h.england.as_ref()) {
        shown(sheet, fmt, row, 7, &rate(Some(e.value)), Kind::Rate)?;
        sheet.write_number_with_format(row, 8, f64::from(e.year_ending), &fmt.integer)?;
    }
    Ok(())
}

/// The outlier LAs by name, "none", or why outliers were not assessed.
fn outlier_text(b: &Book<'_>, h: &MetricPeriod) -> String {
    let outliers: Vec<String> = h
        .las
        .iter()
        .filter(|l| l.outlier)
        .map(|l| b.la_name(&l.la_code, &l.la_name))
        .collect();
    if !outliers.is_empty() {
        return outliers.join(", ");
    }
    h.outliers
        .not_assessed
        .as_ref()
        .map_or_else(|| "none".to_string(), |why| format!("not assessed: {why}"))
}

/// `2 not received, 1 item missing`: excluded LAs counted by reason, in the order of the checks.
pub(super) fn exclusion_text(h: &MetricPeriod) -> String {
    let mut reasons: Vec<_> = h.region.excluded.iter().map(|e| e.reason).collect();
    reasons.sort();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < reasons.len() {
        let n = reasons[i..]
            .iter()
            .take_while(|r| **r == reasons[i])
            .count();
        parts.push(format!("{n} {}", reasons[i].as_str()));
        i += n;
    }
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(", ")
    }
}

/// `%`, `ratio` or `per 100`.
pub(super) fn unit_label(m: &MetricResult) -> &'static str {
    match m.unit.suffix().trim() {
        "" => "ratio",
        s => s,
    }
}
