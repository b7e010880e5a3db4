//! The Approvals sheet: the metric drawn as a split (`chart = "stacked"` in
//! metrics.toml) per LA: its numerator as the first part and the complement
//! (denominator − numerator) as the second, with a 100% stacked bar chart.

use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartFormat, ChartLegendPosition, ChartSolidFill, ChartType,
    Worksheet, XlsxError,
};

use super::metric_sheet::{sorted_rows, Row};
use super::Book;
use crate::aggregate::{MetricPeriod, MetricResult};
use crate::report::present::Shown;
use crate::report::xlsx::{header, palette, shown, shown_opt, text, widths, Kind};
use crate::schema::{ChartKind, Metric};

/// The table's header row; LAs follow it.
pub(super) const HEADER_ROW: u32 = 4;

/// The metric whose chart is the stacked split, if the schema has one: as the
/// schema defines it, and its figures.
pub(super) fn metric<'a>(b: &'a Book<'_>) -> Option<(&'a Metric, &'a MetricResult)> {
    let spec = b
        .ctx
        .schema
        .metrics
        .iter()
        .find(|m| m.chart == ChartKind::Stacked)?;
    Some((spec, b.bm.metric(&spec.id)?))
}

pub(super) fn write(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    (spec, m): (&Metric, &MetricResult),
) -> Result<(), XlsxError> {
    let (p, fmt, bm) = (b.ctx.presenter, &b.fmt, b.bm);
    widths(sheet, &[30.0, 14.0, 14.0, 10.0, 12.0, 30.0])?;
    let (part, rest) = (spec.part_name(), spec.complement_name());
    let title = format!(
        "{}: {}, {}",
        m.title,
        bm.region_name,
        b.period_label(bm.period)
    );
    text(sheet, 0, 0, &title, Some(&fmt.title))?;
    text(sheet, 1, 0, p.mode_note(), Some(&fmt.bold))?;
    let how = format!(
        "{part} = {}; {rest} = ({}) − ({}). LAs whose pair is not valid are listed below the region.",
        Metric::side_text(&m.numerator),
        Metric::side_text(&m.denominator),
        Metric::side_text(&m.numerator)
    );
    text(sheet, 2, 0, &how, Some(&fmt.note))?;
    let share = format!("{part} share (%)");
    header(
        sheet,
        fmt,
        HEADER_ROW,
        0,
        &["LA", &part, &rest, "Total", &share, "Not included because"],
    )?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 1)?;
    let Some(here) = m.at(bm.period) else {
        return Ok(());
    };
    let rows = sorted_rows(b, m, here);
    let first = HEADER_ROW + 1;
    let row = la_rows(b, sheet, &rows, first)?;
    let next = total_rows(b, sheet, m, here, &rows, row)?;
    let last = next - 1;
    let excluded = rows.iter().filter(|r| !r.la.included());
    for (row, r) in (next..).zip(excluded) {
        text(sheet, row, 0, &r.name, None)?;
        if let Some(e) = &r.la.excluded {
            text(sheet, row, 5, &p.exclusion(e), Some(&fmt.wrap))?;
        }
    }
    if last < first {
        return Ok(());
    }
    split_chart(b, sheet, (&part, &rest), (first, last))
}

/// The included LAs, each with its part, the rest, the total and the share; returns the next row.
fn la_rows(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    rows: &[Row<'_>],
    first: u32,
) -> Result<u32, XlsxError> {
    let (p, fmt) = (b.ctx.presenter, &b.fmt);
    let mut row = first;
    for r in rows.iter().filter(|r| r.la.included()) {
        let (num, den) = (
            r.la.numerator.unwrap_or(0.0),
            r.la.denominator.unwrap_or(0.0),
        );
        // The rest is the total less the part: withheld with either of them.
        let f = &r.figures;
        let rest = match f.withheld {
            true => Shown::Symbol(crate::report::present::symbol::CONFIDENTIAL),
            false => p.la_count(Some(den - num)),
        };
        text(sheet, row, 0, &r.name, None)?;
        shown(sheet, fmt, row, 1, &f.numerator, Kind::Count)?;
        shown(sheet, fmt, row, 2, &rest, Kind::Count)?;
        shown(sheet, fmt, row, 3, &f.denominator, Kind::Count)?;
        shown_opt(sheet, fmt, row, 4, r.value.clone(), Kind::Rate)?;
        row += 1;
    }
    Ok(row)
}

/// The region's totals, and without outliers when there are any; returns the next row.
fn total_rows(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    m: &MetricResult,
    here: &MetricPeriod,
    rows: &[Row<'_>],
    mut row: u32,
) -> Result<u32, XlsxError> {
    let (p, fmt, bm) = (b.ctx.presenter, &b.fmt, b.bm);
    let region = &here.region;
    let kept = rows.iter().filter(|r| r.la.included() && !r.la.outlier);
    let (kn, kd) = kept.fold((0.0, 0.0), |(n, d), r| {
        (
            n + r.la.numerator.unwrap_or(0.0),
            d + r.la.denominator.unwrap_or(0.0),
        )
    });
    // Each row: label, part, rest, total, rate, as shown.
    let counts = |num: f64, den: f64| [num, den - num, den].map(|v| p.total_count(Some(v)));
    let mut totals = vec![(
        format!("{} (all included LAs)", bm.region_name),
        counts(region.numerator, region.denominator),
        p.region_rate(region.pooled),
    )];
    if region.n_outliers > 0 {
        let label = format!("{} without outliers", bm.region_name);
        totals.push(match p.hides_without_outliers(m, here) {
            true => {
                let c = Shown::Symbol(crate::report::present::symbol::CONFIDENTIAL);
                (label, [c.clone(), c.clone(), c.clone()], c)
            }
            false => (label, counts(kn, kd), p.region_without_outliers(m, here)),
        });
    }
    for (label, [num, rest, den], rate) in totals {
        text(sheet, row, 0, &label, Some(&fmt.bold))?;
        shown(sheet, fmt, row, 1, &num, Kind::Count)?;
        shown(sheet, fmt, row, 2, &rest, Kind::Count)?;
        shown(sheet, fmt, row, 3, &den, Kind::Count)?;
        shown(sheet, fmt, row, 4, &rate, Kind::Rate)?;
        row += 1;
    }
    Ok(row)
}

/// The native 100% stacked chart of the LA rows `first..=last`.
fn split_chart(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    (part, rest): (&String, &String),
    (first, last): (u32, u32),
) -> Result<(), XlsxError> {
    let bm = b.bm;
    let name = b.current();
    let mut chart = Chart::new(ChartType::BarPercentStacked);
    for (col, label, colour) in [
        (1u16, part, palette::FIRST_PART),
        (2, rest, palette::SECOND_PART),
    ] {
        chart
            .add_series()
            .set_name(label.as_str())
            .set_categories((name.as_str(), first, 0, last, 0))
            .set_values((name.as_str(), first, col, last, col))
            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(colour)))
            .set_gap(40);
    }
    crate::report::xlsx::chart_title(
        &mut chart,
        &format!(
            "{} and {}, {}, {}",
            part,
            rest.to_lowercase(),
            bm.region_name,
            bm.period
        ),
    );
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max)
        .set_label_interval(1);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart
        .set_width(640)
        .set_height(120 + 24 * (last - first + 1));
    sheet.insert_chart(HEADER_ROW, 7, &chart)?;
    Ok(())
}
