//! The Findings sheet: one row per finding, errors first, ready to filter.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Feedback;
use crate::report::xlsx::fit_row;
use crate::report::xlsx::{text, Formats};

/// Column headings, in order; `File` last because most feedback has one file.
pub const FINDINGS_HEADERS: [&str; 9] = [
    "Severity",
    "Rule",
    "Rule name",
    "Item(s)",
    "Cell",
    "Value found",
    "Message",
    "What to do",
    "File",
];

const WIDTHS: [f64; 9] = [10.0, 10.0, 24.0, 10.0, 14.0, 18.0, 60.0, 60.0, 24.0];

pub(super) fn write(
    sheet: &mut Worksheet,
    f: &Formats,
    fb: &Feedback<'_>,
) -> Result<(), XlsxError> {
    sheet.set_name("Findings")?;
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    for (col, (h, w)) in FINDINGS_HEADERS.iter().zip(WIDTHS).enumerate() {
        sheet.set_column_width(col as u16, w)?;
        sheet.write_string_with_format(0, col as u16, *h, &f.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row = 0u32;
    for finding in &fb.findings {
        row += 1;
        let rule_name = finding.rule.rule().name;
        sheet.write_string_with_format(
            row,
            0,
            finding.severity.as_str(),
            &f.severity(finding.severity),
        )?;
        let cells: [&str; 8] = [
            finding.rule.as_str(),
            rule_name,
            &finding.items.join(" "),
            finding.cell.as_deref().unwrap_or(""),
            finding.value.as_deref().unwrap_or(""),
            &finding.message,
            &finding.action,
            &finding.file,
        ];
        for (i, value) in cells.iter().enumerate() {
            text(sheet, row, 1 + i as u16, value, Some(&f.wrap))?;
        }
        let sized: Vec<(&str, f64)> = cells
            .iter()
            .copied()
            .zip(WIDTHS[1..].iter().copied())
            .collect();
        fit_row(sheet, row, &sized)?;
    }
    sheet.autofilter(0, 0, row, (FINDINGS_HEADERS.len() - 1) as u16)?;
    Ok(())
}
