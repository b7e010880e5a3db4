//! The Findings sheet: every finding of the run, filterable, header frozen.
//!
//! In publish mode the message, action and value as found are replaced by the
//! rule's one-line summary: findings name the numbers in a return, which would
//! undo disclosure control.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Book;
use crate::report::xlsx::fit_row;
use crate::report::xlsx::{header, text, widths};

/// Findings columns; tests and docs/workbook.md follow this order.
pub(super) const COLUMNS: [&str; 10] = [
    "LA",
    "Period",
    "File",
    "Severity",
    "Rule",
    "Items",
    "Cell",
    "Value as found",
    "Message",
    "Action",
];

pub(super) fn write(b: &Book<'_>, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let (p, fmt) = (b.ctx.presenter, &b.fmt);
    widths(
        sheet,
        &[22.0, 11.0, 30.0, 9.0, 9.0, 10.0, 10.0, 14.0, 70.0, 50.0],
    )?;
    header(sheet, fmt, 0, 0, &COLUMNS)?;
    sheet.set_freeze_panes(1, 0)?;
    let findings = &b.ctx.validation.findings;
    for (i, f) in findings.iter().enumerate() {
        let row = i as u32 + 1;
        let la = match (&f.la_code, &f.la_name) {
            (Some(code), Some(name)) => b.la_name(code, name),
            (Some(code), None) => b.scrub(code),
            (None, Some(name)) => b.scrub(name),
            (None, None) => String::new(),
        };
        text(sheet, row, 0, &la, None)?;
        let period = f.period.map(|x| x.to_string()).unwrap_or_default();
        text(sheet, row, 1, &period, None)?;
        let file = p.file_name(&f.file, f.la_code.as_deref(), f.period);
        text(sheet, row, 2, &file, None)?;
        text(
            sheet,
            row,
            3,
            f.severity.as_str(),
            Some(&fmt.severity(f.severity)),
        )?;
        text(sheet, row, 4, f.rule.as_str(), None)?;
        text(sheet, row, 5, &f.items.join(", "), None)?;
        text(sheet, row, 6, f.cell.as_deref().unwrap_or(""), None)?;
        if p.publish() {
            let summary = f.rule.rule().summary;
            text(sheet, row, 8, summary, Some(&fmt.wrap))?;
            fit_row(sheet, row, &[(summary, 70.0)])?;
        } else {
            text(
                sheet,
                row,
                7,
                &b.scrub(f.value.as_deref().unwrap_or("")),
                None,
            )?;
            let (message, action) = (b.scrub(&f.message), b.scrub(&f.action));
            text(sheet, row, 8, &message, Some(&fmt.wrap))?;
            text(sheet, row, 9, &action, Some(&fmt.wrap))?;
            fit_row(sheet, row, &[(&message, 70.0), (&action, 50.0)])?;
        }
    }
    let last = findings.len() as u32;
    sheet.autofilter(0, 0, last, COLUMNS.len() as u16 - 1)?;
    Ok(())
}
