//! The Trends sheet: each metric's regional pooled figure by quarter beside the
//! England figure each quarter is compared with, England by year, and a small
//! line chart per metric (one chart of eleven lines would be unreadable).

use std::collections::BTreeSet;

use rust_xlsxwriter::{
    Chart, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartSolidFill, ChartType,
    Worksheet, XlsxError,
};

use super::Book;
use crate::aggregate::MetricResult;
use crate::report::xlsx::{header, palette, shown, text, Kind};

/// The period table's header row; periods follow it.
pub(super) const HEADER_ROW: u32 = 4;
const CHART_WIDTH: u32 = 480;
const CHART_HEIGHT: u32 = 260;
/// Rows a chart covers at the default row height (20 px), plus a gap.
const CHART_ROWS: u32 = CHART_HEIGHT / 20 + 2;
/// Columns a chart covers at the sheet's column width, plus a gap.
const CHART_COLS: u16 = 7;

pub(super) fn write(b: &Book<'_>, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let (ctx, bm, fmt) = (b.ctx, b.bm, &b.fmt);
    let p = ctx.presenter;
    for col in 0..40u16 {
        sheet.set_column_width(col, 11.0)?;
    }
    let title = format!("Trends: {}, by quarter", bm.region_name);
    text(sheet, 0, 0, &title, Some(&fmt.title))?;
    text(sheet, 1, 0, p.mode_note(), Some(&fmt.bold))?;
    text(sheet, 2, 0, "Region: pooled figure per quarter. England: the latest year ending 31 March on or before the quarter's end, so it steps once a year.", Some(&fmt.note))?;

    let mut columns: Vec<Column<'_>> = Vec::new();
    let mut titles = vec!["Period".to_string()];
    for m in &bm.metrics {
        let col = titles.len() as u16;
        titles.push(format!("{} region", m.id));
        // A comparator series with no figure for these years would draw an empty legend entry.
        let has_england = m.periods.iter().any(|mp| mp.england.is_some());
        let england = has_england.then(|| {
            titles.push(format!("{} England", m.id));
            col + 1
        });
        columns.push((m, col, england));
    }
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    header(sheet, fmt, HEADER_ROW, 0, &refs)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 1)?;
    let first = HEADER_ROW + 1;
    let last = quarter_rows(b, sheet, &columns, first)?;
    let row = england_by_year(b, sheet, last + 3)? + 2;
    if bm.periods.is_empty() {
        return Ok(());
    }
    for (i, &column) in columns.iter().enumerate() {
        let chart = trend_chart(b, column, (first, last));
        let at_row = row + (i as u32 / 2) * CHART_ROWS;
        let at_col = (i as u16 % 2) * CHART_COLS;
        sheet.insert_chart(at_row, at_col, &chart)?;
    }
    Ok(())
}

/// (metric, region column, England column if the metric has a comparator)
type Column<'a> = (&'a MetricResult, u16, Option<u16>);

/// One row per quarter: each metric's pooled figure and England's; returns the last row.
fn quarter_rows(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    columns: &[Column<'_>],
    first: u32,
) -> Result<u32, XlsxError> {
    let (p, bm, fmt) = (b.ctx.presenter, b.bm, &b.fmt);
    for (i, &period) in bm.periods.iter().enumerate() {
        let row = first + i as u32;
        text(sheet, row, 0, &period.to_string(), Some(&fmt.bold))?;
        for &(m, col, england) in columns {
            let Some(mp) = m.at(period) else { continue };
            shown(
                sheet,
                fmt,
                row,
                col,
                &p.region_rate(mp.region.pooled),
                Kind::Rate,
            )?;
            if let (Some(ecol), Some(e)) = (england, &mp.england) {
                shown(
                    sheet,
                    fmt,
                    row,
                    ecol,
                    &p.region_rate(Some(e.value)),
                    Kind::Rate,
                )?;
            }
        }
    }
    Ok(first + bm.periods.len().saturating_sub(1) as u32)
}

/// A metric's native line chart: the region's pooled figure and England's by quarter.
fn trend_chart(b: &Book<'_>, (m, col, england): Column<'_>, (first, last): (u32, u32)) -> Chart {
    let bm = b.bm;
    let name = b.current();
    let mut chart = Chart::new(ChartType::Line);
    let cats = (name.as_str(), first, 0, last, 0);
    chart
        .add_series()
        .set_name(&format!("{} (pooled)", bm.region_name))
        .set_categories(cats)
        .set_values((name.as_str(), first, col, last, col))
        .set_format(
            ChartLine::new()
                .set_color(palette::REGION_OVER_TIME)
                .set_width(2.25),
        )
        .set_marker(&marker(ChartMarkerType::Circle, palette::REGION_OVER_TIME));
    if let Some(ecol) = england {
        chart
            .add_series()
            .set_name("England")
            .set_categories(cats)
            .set_values((name.as_str(), first, ecol, last, ecol))
            .set_format(
                ChartLine::new()
                    .set_color(palette::ENGLAND)
                    .set_width(1.5)
                    .set_dash_type(ChartLineDashType::Dash),
            )
            .set_marker(&marker(ChartMarkerType::Square, palette::ENGLAND));
    }
    crate::report::xlsx::chart_title(
        &mut chart,
        &format!("{} {} ({})", m.id, m.short, super::summary::unit_label(m)),
    );
    chart.y_axis().set_min(0);
    chart
        .legend()
        .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
    chart.set_width(CHART_WIDTH).set_height(CHART_HEIGHT);
    chart
}

fn marker(kind: ChartMarkerType, colour: u32) -> ChartMarker {
    let mut m = ChartMarker::new();
    m.set_type(kind)
        .set_size(6)
        .set_format(ChartSolidFill::new().set_color(colour));
    m
}

/// England's figures by year for the metrics that have them; returns the last row written.
fn england_by_year(b: &Book<'_>, sheet: &mut Worksheet, row: u32) -> Result<u32, XlsxError> {
    let (p, fmt) = (b.ctx.presenter, &b.fmt);
    let with: Vec<&MetricResult> =
        b.bm.metrics
            .iter()
            .filter(|m| m.comparator_series.is_some())
            .collect();
    let years: BTreeSet<i32> = with
        .iter()
        .flat_map(|m| m.periods.iter().filter_map(|mp| mp.england.as_ref()))
        .map(|e| e.year_ending)
        .collect();
    text(
        sheet,
        row,
        0,
        "England by year ending 31 March (the years these quarters are compared with)",
        Some(&fmt.subtitle),
    )?;
    let mut titles = vec!["Year".to_string()];
    titles.extend(with.iter().map(|m| m.id.clone()));
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    header(sheet, fmt, row + 1, 0, &refs)?;
    let mut r = row + 2;
    for year in &years {
        sheet.write_number_with_format(r, 0, f64::from(*year), &fmt.integer)?;
        for (i, m) in with.iter().enumerate() {
            let e = m
                .periods
                .iter()
                .filter_map(|mp| mp.england.as_ref())
                .find(|e| e.year_ending == *year);
            if let Some(e) = e {
                shown(
                    sheet,
                    fmt,
                    r,
                    i as u16 + 1,
                    &p.region_rate(Some(e.value)),
                    Kind::Rate,
                )?;
            }
        }
        r += 1;
    }
    Ok(r)
}
