//! The Coverage sheet: an LA × item grid for the reporting period (1 usable,
//! 0 not, blank when no return was received) coloured by conditional formatting,
//! then how many LAs gave each item and each metric's valid pairs.

use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, Format, Worksheet, XlsxError,
};

use super::Book;
use crate::aggregate::Covered;
use crate::report::xlsx::{header, text, Formats};

/// The grid's header row; LAs follow it.
pub(super) const HEADER_ROW: u32 = 4;
/// The first item column of the grid.
pub(super) const FIRST_ITEM_COL: u16 = 2;
/// What the Return column says for an LA with no return in the period.
pub(super) const NOT_RECEIVED: &str = "not received";

pub(super) fn write(b: &Book<'_>, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let (ctx, fmt, bm) = (b.ctx, &b.fmt, b.bm);
    let (schema, period) = (ctx.schema, bm.period);
    sheet.set_column_width(0, 26.0)?;
    sheet.set_column_width(1, 14.0)?;
    let n_items = schema.items.len() as u16;
    for c in 0..n_items {
        sheet.set_column_width(FIRST_ITEM_COL + c, 5.5)?;
    }
    let title = format!("Coverage: {}, {}", bm.region_name, b.period_label(period));
    text(sheet, 0, 0, &title, Some(&fmt.title))?;
    text(sheet, 1, 0, ctx.presenter.mode_note(), Some(&fmt.bold))?;
    let note = if schema.template.known_versions.len() > 1 {
        "1 = usable value; 0 = blank, marker, withheld, rejected or row missing; empty = no return received, or the item is not in the return's template version."
    } else {
        "1 = usable value; 0 = blank, marker, withheld, rejected or row missing; empty = no return received."
    };
    text(sheet, 2, 0, note, Some(&fmt.note))?;
    let mut titles = vec!["LA", "Return"];
    titles.extend(schema.items.iter().map(|i| i.code.as_str()));
    header(sheet, fmt, HEADER_ROW, 0, &titles)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, FIRST_ITEM_COL)?;

    let first = HEADER_ROW + 1;
    let n_las = grid(b, sheet, first)?;

    coverage_counts(b, sheet, first + n_las as u32 + 2)
}

/// Below the grid: per item, the LAs with a usable value; per metric, those
/// with a valid pair.
fn coverage_counts(b: &Book<'_>, sheet: &mut Worksheet, mut row: u32) -> Result<(), XlsxError> {
    let (schema, fmt, bm) = (b.ctx.schema, &b.fmt, b.bm);
    let period = bm.period;
    text(
        sheet,
        row,
        0,
        "Items: LAs with a usable value",
        Some(&fmt.subtitle),
    )?;
    row += 1;
    let items: Vec<(&Covered, String)> = bm
        .coverage
        .items
        .iter()
        .filter(|c| c.period == period)
        .map(|c| {
            let label = schema.item(&c.code).map_or("", |i| i.label.as_str());
            (c, label.to_string())
        })
        .collect();
    row = counts_table(sheet, fmt, row, "Item", &items)?;

    row += 1;
    text(
        sheet,
        row,
        0,
        "Metrics: LAs with a valid pair",
        Some(&fmt.subtitle),
    )?;
    row += 1;
    let metrics: Vec<(&Covered, String)> = bm
        .coverage
        .metrics
        .iter()
        .filter(|c| c.period == period)
        .map(|c| {
            let title = bm.metric(&c.code).map_or("", |m| m.title.as_str());
            (c, title.to_string())
        })
        .collect();
    counts_table(sheet, fmt, row, "Metric", &metrics)?;
    Ok(())
}

/// Code, label, usable, received, region: one row each; returns the row after the table.
fn counts_table(
    sheet: &mut Worksheet,
    fmt: &Formats,
    row: u32,
    what: &str,
    rows: &[(&Covered, String)],
) -> Result<u32, XlsxError> {
    header(
        sheet,
        fmt,
        row,
        0,
        &[
            what,
            "Usable",
            "Returns received",
            "LAs in region",
            "Label",
            "Not asked",
        ],
    )?;
    let mut r = row + 1;
    for (c, label) in rows {
        text(sheet, r, 5, &not_asked(c), Some(&fmt.note))?;
        text(sheet, r, 0, &c.code, None)?;
        sheet.write_number_with_format(r, 1, c.usable as f64, &fmt.top)?;
        sheet.write_number_with_format(r, 2, c.received as f64, &fmt.top)?;
        sheet.write_number_with_format(r, 3, c.region as f64, &fmt.top)?;
        text(sheet, r, 4, label, None)?;
        r += 1;
    }
    Ok(r)
}

/// One row per region LA from `first`: 1 or 0 for each item of its used
/// return, coloured by conditional formatting; returns the number of LAs.
fn grid(b: &Book<'_>, sheet: &mut Worksheet, first: u32) -> Result<usize, XlsxError> {
    let (ctx, fmt, bm) = (b.ctx, &b.fmt, b.bm);
    let (schema, v, period) = (ctx.schema, ctx.validation, bm.period);
    let n_items = schema.items.len() as u16;
    let mut las: Vec<(String, &crate::schema::La)> = v
        .region
        .iter()
        .map(|la| (ctx.presenter.la(la), la))
        .collect();
    las.sort_by(|x, y| x.0.cmp(&y.0));
    for (i, (shown, la)) in las.iter().enumerate() {
        let row = first + i as u32;
        text(sheet, row, 0, shown, None)?;
        let Some(sub) = v.used(&la.code, period) else {
            text(sheet, row, 1, NOT_RECEIVED, Some(&fmt.note))?;
            continue;
        };
        text(sheet, row, 1, "received", None)?;
        for (c, item) in schema.items.iter().enumerate() {
            if sub.template_version.is_some_and(|v| !item.in_version(v)) {
                continue;
            }
            let usable = sub.usable(&item.code).is_some();
            let col = FIRST_ITEM_COL + c as u16;
            sheet.write_number_with_format(row, col, if usable { 1.0 } else { 0.0 }, &fmt.top)?;
        }
    }
    if !las.is_empty() && n_items > 0 {
        let last = first + las.len() as u32 - 1;
        let last_col = FIRST_ITEM_COL + n_items - 1;
        for (value, fill, font) in [(1, 0xC6EFCE, 0x006100), (0, 0xFFC7CE, 0x9C0006)] {
            let rule = ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo(value))
                .set_format(
                    Format::new()
                        .set_background_color(Color::RGB(fill))
                        .set_font_color(Color::RGB(font)),
                );
            sheet.add_conditional_format(first, FIRST_ITEM_COL, last, last_col, &rule)?;
        }
    }

    Ok(las.len())
}

/// `not in template version 1 (3 returns)`: the returns not asked for it, so
/// not counted as missing; empty when every return was.
pub(crate) fn not_asked(c: &Covered) -> String {
    if c.not_in_version == 0 {
        return String::new();
    }
    let versions: Vec<String> = c.versions_without.iter().map(u32::to_string).collect();
    let plural = if c.not_in_version == 1 { "" } else { "s" };
    format!(
        "not in template version {} ({} return{plural})",
        versions.join(" or "),
        c.not_in_version
    )
}
