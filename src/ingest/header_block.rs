//! The label/value pairs above the item table (`LA code | 886`), found by label text.

use super::locate::{label_text, row_cells};
use super::{Cell, CellPos, HeaderValue, RawCell, Sheet};
use crate::schema::{HeaderField, Schema};

/// Each schema header field whose label appears above `header_row`, in schema order.
pub(super) fn header_block(sheet: &Sheet, header_row: u32, schema: &Schema) -> Vec<HeaderValue> {
    let above = || sheet.cells.range(..CellPos::new(header_row, 0));
    let is_label =
        |cell: &Cell| label_text(cell).is_some_and(|t| schema.headers.iter().any(|h| h.matches(t)));
    schema
        .headers
        .iter()
        .filter_map(|field| {
            above().find_map(|(pos, cell)| {
                let text = label_text(cell)?;
                if field.matches(text) {
                    Some(beside(sheet, field, *pos, &is_label))
                } else {
                    inline(sheet, field, *pos, text)
                }
            })
        })
        .collect()
}

/// The value is the first non-empty cell right of the label on its row, unless that
/// cell is another field's label (a two-column header block with this value left blank).
fn beside(
    sheet: &Sheet,
    field: &HeaderField,
    label: CellPos,
    is_label: &dyn Fn(&Cell) -> bool,
) -> HeaderValue {
    let found = row_cells(sheet, label.row)
        .find(|(p, c)| p.col > label.col && !c.is_blank())
        .filter(|(_, c)| !is_label(c));
    let (value_at, value) = match found {
        Some((p, c)) => (*p, Some(c.clone())),
        None => (CellPos::new(label.row, after_label(sheet, label)), None),
    };
    HeaderValue {
        key: field.key.clone(),
        label_at: sheet.cell_ref(label),
        value_at: sheet.cell_ref(value_at),
        value,
    }
}

/// The column right after the label, or after its merged area when the label is merged.
fn after_label(sheet: &Sheet, label: CellPos) -> u32 {
    let end = sheet
        .merged
        .iter()
        .find(|(from, to)| *from == label && to.row >= label.row)
        .map_or(label.col, |(_, to)| to.col.max(label.col));
    end.saturating_add(1)
}

/// `LA code: 886` typed in one cell: the text after the first colon is the value.
fn inline(sheet: &Sheet, field: &HeaderField, pos: CellPos, text: &str) -> Option<HeaderValue> {
    let (label, value) = text.split_once(':')?;
    let value = value.trim();
    if value.is_empty() || !field.matches(label) {
        return None;
    }
    Some(HeaderValue {
        key: field.key.clone(),
        label_at: sheet.cell_ref(pos),
        value_at: sheet.cell_ref(pos),
        value: Some(Cell::value(RawCell::Text(value.to_string()))),
    })
}
