//! Row heights for wrapped text in the workbooks kinbench writes.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// Points per line of wrapped 11-point text.
const LINE_HEIGHT: f64 = 15.0;
/// Excel's tallest row is 409 points: 27 lines.
const MAX_LINES: f64 = 27.0;

/// Makes `row` tall enough for the wrapped text of `cells` (text, column width).
/// Excel and LibreOffice do not grow the rows of a generated file to fit
/// wrapped text, so without this long messages overlap the next row.
pub(crate) fn fit_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[(&str, f64)],
) -> Result<(), XlsxError> {
    let lines = cells
        .iter()
        .map(|(text, width)| {
            // A column `width` units wide holds about that many average characters.
            let per_line = (width * 1.1).max(1.0);
            text.split('\n')
                .map(|l| (l.chars().count() as f64 / per_line).ceil().max(1.0))
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    if lines > 1.0 {
        sheet.set_row_height(row, LINE_HEIGHT * lines.min(MAX_LINES))?;
    }
    Ok(())
}
