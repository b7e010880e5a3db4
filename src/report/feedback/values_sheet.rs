//! The Values used sheet: every schema item in template order and what became of it.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Feedback;
use crate::report::xlsx::{text, Formats};
use crate::schema::{Schema, Unit};
use crate::validate::{ItemValue, ValueStatus};

pub const VALUES_HEADERS: [&str; 6] = ["Code", "Item", "Value", "Status", "Cell", "Note"];

const WIDTHS: [f64; 6] = [8.0, 60.0, 12.0, 38.0, 14.0, 40.0];

/// A value's status in words, for the LA.
pub fn value_status_words(status: ValueStatus) -> &'static str {
    status.words()
}

pub(super) fn write(
    sheet: &mut Worksheet,
    f: &Formats,
    schema: &Schema,
    fb: &Feedback<'_>,
) -> Result<(), XlsxError> {
    sheet.set_name("Values used")?;
    sheet.set_print_fit_to_pages(1, 0);
    for (col, (h, w)) in VALUES_HEADERS.iter().zip(WIDTHS).enumerate() {
        sheet.set_column_width(col as u16, w)?;
        sheet.write_string_with_format(0, col as u16, *h, &f.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let shown = fb.shown();
    // A value read from a return that was not used must not read "used".
    let not_used = fb.shown_not_used();
    let mut row = 0u32;
    for item in &schema.items {
        // An item the return's template version does not have is not asked of it.
        let asked = shown
            .and_then(|s| s.template_version)
            .is_none_or(|v| item.in_version(v));
        if !asked && shown.is_none_or(|s| !s.values.contains_key(&item.code)) {
            continue;
        }
        row += 1;
        text(sheet, row, 0, &item.code, None)?;
        text(sheet, row, 1, &item.label, Some(&f.wrap))?;
        let value: Option<&ItemValue> = shown.and_then(|s| s.values.get(&item.code));
        let Some(v) = value else {
            text(sheet, row, 3, "not read", None)?;
            let why = if shown.is_some() {
                "not read from the return"
            } else {
                "no return could be read"
            };
            text(sheet, row, 5, why, Some(&f.wrap))?;
            continue;
        };
        match v.usable() {
            Some(n) => {
                let format = if item.unit == Unit::Fte {
                    &f.decimal
                } else {
                    &f.integer
                };
                sheet.write_number_with_format(row, 2, n, format)?;
            }
            None => text(sheet, row, 2, &v.as_found, None)?,
        }
        let status = match (v.status, not_used) {
            (ValueStatus::Used, Some(why)) => why,
            (s, _) => value_status_words(s),
        };
        text(sheet, row, 3, status, None)?;
        text(sheet, row, 4, v.cell.as_deref().unwrap_or(""), None)?;
        text(
            sheet,
            row,
            5,
            v.note.as_deref().unwrap_or(""),
            Some(&f.wrap),
        )?;
    }
    sheet.autofilter(0, 0, row, (VALUES_HEADERS.len() - 1) as u16)?;
    Ok(())
}
