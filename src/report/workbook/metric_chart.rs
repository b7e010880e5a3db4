//! A metric sheet's ranked bar chart and the cells it draws from.
//!
//! The regional pooled figure and England's figure are drawn as bars of their
//! own colour in their ranked place, not as lines across the chart. A line
//! over horizontal bars needs a scatter series on secondary axes; rust_xlsxwriter
//! cannot fix that secondary horizontal axis's scale to the bars' (it is written
//! as a category axis), and LibreOffice draws every series of a bar chart with
//! its axes swapped, so the line lands on the wrong axis there. Reference bars
//! read correctly in both (docs/workbook.md).

use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartDataLabel, ChartFormat, ChartPoint, ChartSolidFill, ChartType,
    Worksheet, XlsxError,
};

use super::metric_sheet::{Row, TABLE_HEADER};
use super::Book;
use crate::aggregate::{MetricPeriod, MetricResult};
use crate::report::charts::role;
use crate::report::present::Shown;
use crate::report::xlsx::{fixed, header, palette, shown_opt, text, Kind};

/// The chart's label and value columns, right of the LA table.
pub(super) const LABEL_COL: u16 = 10;
pub(super) const VALUE_COL: u16 = 11;
const CHART_COL: u16 = 13;

/// The chart's key in words, named from the colours the bars are drawn in.
fn key() -> String {
    format!(
        "Bars: {} = LA, {} = outlier, {} = region pooled, {} = England. \
         LAs with no usable value are listed as (no data).",
        role::LA.name(),
        role::OUTLIER.name(),
        role::REGION.name(),
        role::ENGLAND.name()
    )
}

/// One bar.
struct Bar {
    label: String,
    value: Option<Shown>,
    colour: u32,
}

pub(super) fn write(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    m: &MetricResult,
    here: &MetricPeriod,
    rows: &[Row<'_>],
) -> Result<(), XlsxError> {
    let fmt = &b.fmt;
    let bars = bars(b, here, rows);
    header(
        sheet,
        fmt,
        TABLE_HEADER,
        LABEL_COL,
        &["Chart label", "Chart value"],
    )?;
    let first = TABLE_HEADER + 1;
    for (i, bar) in bars.iter().enumerate() {
        let row = first + i as u32;
        text(sheet, row, LABEL_COL, &bar.label, None)?;
        shown_opt(sheet, fmt, row, VALUE_COL, bar.value.clone(), Kind::Rate)?;
    }
    text(sheet, TABLE_HEADER - 1, CHART_COL, &key(), Some(&fmt.note))?;
    if bars.is_empty() {
        return Ok(());
    }
    let last = first + bars.len() as u32 - 1;
    let name = b.current();
    let points: Vec<ChartPoint> = bars
        .iter()
        .map(|bar| {
            ChartPoint::new().set_format(
                ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(bar.colour)),
            )
        })
        .collect();
    let decimals = fixed(b.ctx.presenter.la_rate_decimals(m.unit));
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name(m.short.as_str())
        .set_categories((name.as_str(), first, LABEL_COL, last, LABEL_COL))
        .set_values((name.as_str(), first, VALUE_COL, last, VALUE_COL))
        .set_points(&points)
        .set_gap(40)
        .set_data_label(ChartDataLabel::new().show_value().set_num_format(decimals));
    crate::report::xlsx::chart_title(
        &mut chart,
        &format!(
            "{} {}, {}, {}",
            m.id, m.short, b.bm.region_name, b.bm.period
        ),
    );
    chart.legend().set_hidden();
    // Highest value at the top: the category axis runs downwards, the value axis stays at the bottom.
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max)
        .set_label_interval(1);
    chart
        .x_axis()
        .set_name(super::summary::unit_label(m))
        .set_min(0);
    chart.set_width(640).set_height(90 + 20 * bars.len() as u32);
    sheet.insert_chart(TABLE_HEADER, CHART_COL, &chart)?;
    Ok(())
}

/// LAs by value with the region and England in their ranked place, then LAs with no value.
fn bars(b: &Book<'_>, here: &MetricPeriod, rows: &[Row<'_>]) -> Vec<Bar> {
    let p = b.ctx.presenter;
    let mut ranked: Vec<Bar> = rows
        .iter()
        .filter(|r| r.la.included())
        .map(|r| Bar {
            label: match (&r.value, r.la.outlier) {
                // A withheld (`c`) or rounds-to-0 (`k`) rate has no bar: its symbol says why.
                (Some(Shown::Symbol(s)), _) => format!("{} ({s})", r.name),
                (_, true) => format!("{} (outlier)", r.name),
                (_, false) => r.name.clone(),
            },
            value: r.value.clone(),
            colour: match r.la.outlier {
                true => palette::OUTLIER,
                false => palette::LA,
            },
        })
        .collect();
    if here.region.pooled.is_some() {
        ranked.push(Bar {
            label: format!("{} (pooled)", b.bm.region_name),
            value: Some(p.region_rate(here.region.pooled)),
            colour: palette::REGION,
        });
    }
    if let Some(e) = &here.england {
        ranked.push(Bar {
            label: format!("England ({})", e.year_ending),
            value: Some(p.region_rate(Some(e.value))),
            colour: palette::ENGLAND,
        });
    }
    let number = |bar: &Bar| bar.value.as_ref().and_then(Shown::number).unwrap_or(0.0);
    // Stable: LAs keep their order among equal values, the reference bars follow them.
    ranked.sort_by(|x, y| {
        number(y)
            .partial_cmp(&number(x))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    ranked.extend(rows.iter().filter(|r| !r.la.included()).map(|r| Bar {
        label: format!("{} (no data)", r.name),
        value: None,
        colour: palette::NO_DATA,
    }));
    ranked
}
