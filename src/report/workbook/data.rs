//! The Data sheet: every value of every return used for a region LA, in long
//! format, as an Excel table with filters.

use rust_xlsxwriter::{Table, TableColumn, TableStyle, Worksheet, XlsxError};

use super::Book;
use crate::period::Period;
use crate::report::xlsx::{shown, text, widths, Kind};
use crate::validate::ReturnStatus;

/// Data columns; tests and docs/workbook.md follow this order.
pub(super) const COLUMNS: [&str; 5] = ["LA", "Period", "Item", "Value", "Status"];

pub(super) fn write(b: &Book<'_>, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let (ctx, fmt) = (b.ctx, &b.fmt);
    let (schema, v) = (ctx.schema, ctx.validation);
    widths(sheet, &[26.0, 12.0, 8.0, 10.0, 14.0])?;
    // (shown LA, period, the return) sorted as the reader sees them.
    let mut returns: Vec<(String, Period, &crate::validate::Submission)> = v
        .submissions
        .iter()
        .filter(|s| s.status == ReturnStatus::Used)
        .filter_map(|s| {
            let la = s.la.as_ref()?;
            let in_region = v.region.iter().any(|r| r.code == la.code);
            Some((ctx.presenter.la(la), s.period?, s)).filter(|_| in_region)
        })
        .collect();
    returns.sort_by(|x, y| (&x.0, x.1).cmp(&(&y.0, y.1)));
    let rows: u32 = returns
        .iter()
        .map(|(_, _, sub)| {
            schema
                .items
                .iter()
                .filter(|i| sub.values.contains_key(&i.code))
                .count() as u32
        })
        .sum();
    if rows == 0 {
        // An Excel table needs a data row; an empty run gets a plain header instead.
        crate::report::xlsx::header(sheet, fmt, 0, 0, &COLUMNS)?;
        return text(sheet, 1, 0, "No returns used.", Some(&fmt.note));
    }
    // The sheet is written row by row (constant memory): the table, and so its
    // header row, goes first.
    let columns: Vec<TableColumn> = COLUMNS
        .iter()
        .map(|c| TableColumn::new().set_header(*c))
        .collect();
    let table = Table::new()
        .set_name("ReturnValues")
        .set_style(TableStyle::Medium2)
        .set_columns(&columns);
    sheet.add_table(0, 0, rows, COLUMNS.len() as u16 - 1, &table)?;
    let mut row = 1;
    for (la, period, sub) in &returns {
        let period_text = period.to_string();
        for item in &schema.items {
            let Some(value) = sub.values.get(&item.code) else {
                continue;
            };
            text(sheet, row, 0, la, None)?;
            text(sheet, row, 1, &period_text, None)?;
            text(sheet, row, 2, &item.code, None)?;
            if let Some(x) = value.usable() {
                let code = sub.la.as_ref().map_or("", |l| l.code.as_str());
                let p = ctx.presenter;
                let value = p.la_item(code, *period, &item.code, Some(x));
                shown(sheet, fmt, row, 3, &value, Kind::Count)?;
            }
            text(sheet, row, 4, value.status.as_str(), None)?;
            row += 1;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
