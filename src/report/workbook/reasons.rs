//! The Reasons sheet: each breakdown (metrics.toml `[[breakdown]]`) for the
//! reporting period: parts by regional total, their shares, and a bar chart.

use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartDataLabel, ChartFormat, ChartSolidFill, ChartType, Worksheet,
    XlsxError,
};

use super::Book;
use crate::aggregate::{BreakdownPart, BreakdownPeriod};
use crate::report::xlsx::{header, palette, shown, text, widths, Kind};

/// The first breakdown's header row; its parts follow it.
pub(super) const FIRST_HEADER_ROW: u32 = 4;

pub(super) fn write(b: &Book<'_>, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let (p, fmt, bm) = (b.ctx.presenter, &b.fmt, b.bm);
    widths(sheet, &[8.0, 50.0, 12.0, 12.0, 12.0])?;
    let title = format!("Reasons: {}, {}", bm.region_name, b.period_label(bm.period));
    text(sheet, 0, 0, &title, Some(&fmt.title))?;
    text(sheet, 1, 0, p.mode_note(), Some(&fmt.bold))?;
    let mut row = FIRST_HEADER_ROW - 1;
    for br in &bm.breakdowns {
        let Some(bp) = br.periods.iter().find(|x| x.period == bm.period) else {
            continue;
        };
        text(sheet, row, 0, &br.title, Some(&fmt.subtitle))?;
        row += 1;
        header(
            sheet,
            fmt,
            row,
            0,
            &[
                "Item",
                "Reason",
                "Regional total",
                "LAs contributing",
                "Share of all reasons (%)",
            ],
        )?;
        let first = row + 1;
        let mut parts: Vec<_> = bp.parts.iter().collect();
        // Largest first; stable, so equal totals keep the schema's order.
        parts.sort_by(|x, y| {
            y.total
                .partial_cmp(&x.total)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        part_rows(b, sheet, bp, &parts, first)?;
        let last = first + parts.len() as u32;
        text(sheet, last, 1, "All reasons", Some(&fmt.bold))?;
        shown(
            sheet,
            fmt,
            last,
            2,
            &p.total_count(Some(bp.sum)),
            Kind::Count,
        )?;
        if !parts.is_empty() {
            let chart = shares_chart(b, &br.title, (first, last), parts.len());
            sheet.insert_chart(row, 6, &chart)?;
        }
        row = last + 3 + (parts.len() as u32).max(12);
    }
    Ok(())
}

/// One row per reason from `first`: its total, the LAs giving it and its share.
fn part_rows(
    b: &Book<'_>,
    sheet: &mut Worksheet,
    bp: &BreakdownPeriod,
    parts: &[&BreakdownPart],
    first: u32,
) -> Result<(), XlsxError> {
    let (p, fmt) = (b.ctx.presenter, &b.fmt);
    for (i, part) in parts.iter().enumerate() {
        let r = first + i as u32;
        text(sheet, r, 0, &part.item, None)?;
        text(sheet, r, 1, &part.label, Some(&fmt.wrap))?;
        shown(
            sheet,
            fmt,
            r,
            2,
            &p.total_count(Some(part.total)),
            Kind::Count,
        )?;
        sheet.write_number_with_format(r, 3, part.n_las as f64, &fmt.top)?;
        let share = match part.share {
            Some(_) => p.region_share(part.total, bp.sum),
            None => p.region_rate(None),
        };
        shown(sheet, fmt, r, 4, &share, Kind::Rate)?;
    }
    Ok(())
}

/// The native bar chart of the shares in rows `first..last`.
fn shares_chart(b: &Book<'_>, title: &str, (first, last): (u32, u32), n: usize) -> Chart {
    let (bm, name) = (b.bm, b.current());
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name("Share of all reasons (%)")
        .set_categories((name.as_str(), first, 1, last - 1, 1))
        .set_values((name.as_str(), first, 4, last - 1, 4))
        .set_format(
            ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(palette::SERIES)),
        )
        .set_gap(50)
        .set_data_label(ChartDataLabel::new().show_value().set_num_format("0.0"));
    crate::report::xlsx::chart_title(
        &mut chart,
        &format!("{}, {}, {}", title, bm.region_name, bm.period),
    );
    chart.legend().set_hidden();
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max);
    chart.x_axis().set_name("% of all reasons").set_min(0);
    chart.set_width(640).set_height(120 + 30 * n as u32);
    chart
}
