//! One sheet per rate metric: headline figures, the LA table sorted by value
//! (excluded LAs below it with their reason) and the ranked bar chart.

use std::cmp::Ordering;

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{metric_chart, Book};
use crate::aggregate::{LaMetric, LimitNames, MetricPeriod, MetricResult};
use crate::report::present::{LaFigures, Shown};
use crate::report::xlsx::{header, shown, shown_opt, text, widths, Kind};
use crate::schema::Metric;

/// The LA table's header row; LAs follow it.
pub(super) const TABLE_HEADER: u32 = 7;

/// LA table columns; tests and docs/workbook.md follow this order.
fn columns(interval: &str) -> [String; 9] {
    [
        "LA".to_string(),
        "Numerator".to_string(),
        "Denominator".to_string(),
        "Value".to_string(),
        format!("Wilson {interval} low"),
        format!("Wilson {interval} high"),
        "z".to_string(),
        "Outlier".to_string(),
        "Not included because".to_string(),
    ]
}

pub(super) fn write(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    m: &MetricResult,
) -> Result<(), XlsxError> {
    let (ctx, fmt, period) = (b.ctx, &b.fmt, b.bm.period);
    widths(
        sheet,
        &[
            24.0, 11.0, 11.0, 9.0, 9.0, 9.0, 7.0, 8.0, 30.0, 2.0, 26.0, 9.0,
        ],
    )?;
    let title = format!(
        "{} {}: {}, {}",
        m.id,
        m.title,
        b.bm.region_name,
        b.period_label(period)
    );
    text(sheet, 0, 0, &title, Some(&fmt.title))?;
    text(sheet, 1, 0, ctx.presenter.mode_note(), Some(&fmt.bold))?;
    let Some(here) = m.at(period) else {
        return text(sheet, 3, 0, "No data for this period.", Some(&fmt.note));
    };
    headline(b, sheet, m, here)?;

    let schema_metric = ctx.schema.metric(&m.id);
    let mut titles = columns(&LimitNames::of(&ctx.schema.outliers).interval);
    if let Some(sm) = schema_metric {
        titles[1] = format!("Numerator ({})", Metric::side_text(&sm.numerator));
        titles[2] = format!("Denominator ({})", Metric::side_text(&sm.denominator));
    }
    titles[3] = format!("Value ({})", super::summary::unit_label(m));
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    header(sheet, fmt, TABLE_HEADER, 0, &refs)?;
    sheet.set_freeze_panes(TABLE_HEADER + 1, 1)?;

    let rows = sorted_rows(b, m, here);
    for (row, r) in (TABLE_HEADER + 1..).zip(rows.iter()) {
        la_row(b, sheet, row, here, r)?;
    }
    metric_chart::write(b, sheet, m, here, &rows)
}

fn headline(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    m: &MetricResult,
    here: &MetricPeriod,
) -> Result<(), XlsxError> {
    let (p, fmt) = (b.ctx.presenter, &b.fmt);
    let region = &here.region;
    let label = format!("{} (pooled)", b.bm.region_name);
    text(sheet, 3, 0, &label, Some(&fmt.bold))?;
    shown(sheet, fmt, 3, 1, &p.region_rate(region.pooled), Kind::Rate)?;
    let n = format!(
        "{} of {} LAs included ({} excluded: {})",
        region.n_included,
        here.las.len(),
        region.n_excluded,
        super::summary::exclusion_text(here)
    );
    text(sheet, 3, 2, &n, None)?;
    text(sheet, 4, 0, "Without outliers", Some(&fmt.bold))?;
    let without = p.region_without_outliers(m, here);
    shown(sheet, fmt, 4, 1, &without, Kind::Rate)?;
    let method = match &here.outliers.not_assessed {
        Some(why) => format!("Outliers not assessed ({}): {why}", here.outliers.method),
        None => format!(
            "{} outlier(s) by {}",
            region.n_outliers,
            here.outliers.method.replace('_', " ")
        ),
    };
    text(sheet, 4, 2, &method, None)?;
    text(sheet, 5, 0, "England", Some(&fmt.bold))?;
    match &here.england {
        Some(e) => {
            shown(sheet, fmt, 5, 1, &p.region_rate(Some(e.value)), Kind::Rate)?;
            let year = format!("year ending 31 March {}", e.year_ending);
            text(sheet, 5, 2, &year, None)?;
        }
        None => {
            let applies = m.comparator_series.is_some();
            if let Some(symbol) = p.absent(applies) {
                text(sheet, 5, 1, &symbol.text(), None)?;
            }
            let why = match applies {
                true => "no England figure for this period",
                false => "no comparable England figure",
            };
            text(sheet, 5, 2, why, None)?;
        }
    }
    Ok(())
}

/// One LA as its table row shows it.
pub(super) struct Row<'a> {
    pub la: &'a LaMetric,
    pub name: String,
    pub value: Option<Shown>,
    /// Everything the row shows, through the Presenter.
    pub figures: LaFigures,
}

impl Row<'_> {
    /// The number the table shows, for sorting (a `k` rounds to 0).
    fn sort_value(&self) -> f64 {
        match &self.value {
            Some(Shown::Number { value, .. }) => *value,
            _ => 0.0,
        }
    }
}

/// Included LAs by shown value, highest first (ties by shown name), then excluded LAs by shown name.
pub(super) fn sorted_rows<'a>(
    b: &Book<'_>,
    m: &MetricResult,
    here: &'a MetricPeriod,
) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = here
        .las
        .iter()
        .map(|la| {
            let figures = b.ctx.presenter.la_figures(m, here.period, la);
            Row {
                la,
                name: b.la_name(&la.la_code, &la.la_name),
                value: la.included().then(|| figures.value.clone()),
                figures,
            }
        })
        .collect();
    rows.sort_by(|x, y| {
        y.la.included()
            .cmp(&x.la.included())
            .then_with(|| {
                y.sort_value()
                    .partial_cmp(&x.sort_value())
                    .unwrap_or(Ordering::Equal)
            })
            .then_with(|| x.name.cmp(&y.name))
    });
    rows
}

fn la_row(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    row: u32,
    here: &MetricPeriod,
    r: &Row<'_>,
) -> Result<(), XlsxError> {
    let (p, fmt) = (b.ctx.presenter, &b.fmt);
    let (la, f) = (r.la, &r.figures);
    text(sheet, row, 0, &r.name, None)?;
    let numerator = la.numerator.map(|_| f.numerator.clone());
    shown_opt(sheet, fmt, row, 1, numerator, Kind::Count)?;
    let denominator = la.denominator.map(|_| f.denominator.clone());
    shown_opt(sheet, fmt, row, 2, denominator, Kind::Count)?;
    shown_opt(sheet, fmt, row, 3, r.value.clone(), Kind::Rate)?;
    if let Some((low, high)) = &f.wilson {
        shown(sheet, fmt, row, 4, low, Kind::Rate)?;
        shown(sheet, fmt, row, 5, high, Kind::Rate)?;
    }
    // Published: `c` where the rate is withheld, `z` where outliers were not assessed.
    match p.la_z(f, la, here) {
        Some(Shown::Number { value, .. }) => {
            sheet.write_number_with_format(row, 6, value, &fmt.z)?;
        }
        Some(symbol) => text(sheet, row, 6, &symbol.text(), None)?,
        None => {}
    }
    if la.outlier {
        text(sheet, row, 7, "outlier", Some(&fmt.bold))?;
    }
    if let Some(e) = &la.excluded {
        let why = p.exclusion(e);
        text(sheet, row, 8, &why, Some(&fmt.wrap))?;
        crate::report::xlsx::fit_row(sheet, row, &[(&why, 30.0)])?;
    }
    Ok(())
}
