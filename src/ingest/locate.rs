//! Finding the return's sheet, header block and item table by their text.

use super::header_block::header_block;
use super::{Cell, CellPos, IngestError, Located, RawCell, Sheet, TableRow};
use crate::schema::{label_is, normalise_label, Schema};

/// Where the item table's column headings were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HeaderRow {
    row: u32,
    code_col: u32,
    value_col: u32,
    notes_col: Option<u32>,
    /// The column of a second Code (`true`) or Value (`false`) heading in the row:
    /// two tables side by side.
    repeated: Option<(bool, u32)>,
}

/// Picks sheet `Return` (trimmed, case-insensitive), else the only visible sheet
/// with the `Code … Value` header row in its first `header_search_rows` rows.
/// Hidden sheets are never used. Then reads the header block above that row and
/// every row below it that has something in its Code cell.
///
/// Two sheets named `Return` (`Return` and `RETURN`), or no such sheet and two
/// with the header row, leave no way to tell which holds the return: the file
/// is refused ([`IngestError::AmbiguousSheet`]) rather than one sheet's values
/// dropped. Other sheets with the header row beside `Return` are listed in
/// [`Located::other_return_sheets`], so the reader can say they were not read.
pub fn locate(book: &super::Book, schema: &Schema) -> Result<Located, IngestError> {
    let wanted = schema.template.sheet.trim().to_lowercase();
    let named = |s: &Sheet| s.name.trim().to_lowercase() == wanted;
    let candidates: Vec<(&Sheet, HeaderRow)> = book
        .sheets
        .iter()
        .filter(|s| s.visible)
        .filter_map(|s| header_row(s, schema).map(|h| (s, h)))
        .collect();
    let by_name: Vec<&(&Sheet, HeaderRow)> = candidates.iter().filter(|(s, _)| named(s)).collect();
    let chosen = match (by_name.as_slice(), candidates.as_slice()) {
        ([one], _) => *one,
        ([], [one]) => one,
        ([], []) => return Err(IngestError::NotAReturn(not_found(book, schema))),
        ([], several) => return Err(ambiguous(several, "none is named", &schema.template.sheet)),
        (several, _) => {
            let several: Vec<_> = several.iter().map(|c| **c).collect();
            return Err(ambiguous(
                &several,
                "more than one is named",
                &schema.template.sheet,
            ));
        }
    };
    let &(sheet, hdr) = chosen;
    if let Some((is_code, col)) = hdr.repeated {
        let t = &schema.template;
        let heading = if is_code {
            &t.code_column
        } else {
            &t.value_column
        };
        // Two tables side by side: reading the first would drop the second's values.
        return Err(IngestError::AmbiguousTable(format!(
            "row {} of sheet `{}` has the heading `{heading}` twice (again in column {})",
            hdr.row + 1,
            sheet.name,
            super::column_letters(col)
        )));
    }
    let (rows, stray_values) = table(sheet, hdr);
    Ok(Located {
        sheet: sheet.name.clone(),
        sheet_named_as_template: named(sheet),
        header_row: hdr.row,
        code_col: hdr.code_col,
        value_col: hdr.value_col,
        notes_col: hdr.notes_col,
        header: header_block(sheet, hdr.row, schema),
        rows,
        stray_values,
        other_return_sheets: candidates
            .iter()
            .filter(|(s, _)| s.name != sheet.name)
            .map(|(s, _)| s.name.clone())
            .collect(),
    })
}

fn ambiguous(several: &[(&Sheet, HeaderRow)], why: &str, wanted: &str) -> IngestError {
    let names: Vec<String> = several
        .iter()
        .map(|(s, _)| format!("`{}`", s.name))
        .collect();
    IngestError::AmbiguousSheet(format!(
        "sheets {} all have the table's header row and {why} `{wanted}`",
        names.join(", ")
    ))
}

fn not_found(book: &super::Book, schema: &Schema) -> String {
    let t = &schema.template;
    let visible: Vec<String> = book
        .sheets
        .iter()
        .filter(|s| s.visible)
        .map(|s| format!("`{}`", s.name))
        .collect();
    let seen = if visible.is_empty() {
        "the workbook has no visible sheets".to_string()
    } else {
        format!("visible sheets: {}", visible.join(", "))
    };
    format!(
        "looked for a row headed `{}` and `{}` in the first {} rows of sheet `{}` or any other visible sheet; {seen}",
        t.code_column, t.value_column, t.header_search_rows, t.sheet
    )
}

/// Text of a cell as a label: only text cells are labels.
pub(super) fn label_text(cell: &Cell) -> Option<&str> {
    match &cell.value {
        RawCell::Text(t) => Some(t.as_str()),
        _ => None,
    }
}

/// The cells of one row, left to right.
pub(super) fn row_cells(sheet: &Sheet, row: u32) -> impl Iterator<Item = (&CellPos, &Cell)> {
    sheet
        .cells
        .range(CellPos::new(row, 0)..=CellPos::new(row, u32::MAX))
}

fn header_row(sheet: &Sheet, schema: &Schema) -> Option<HeaderRow> {
    let t = &schema.template;
    let [code, value, notes] =
        [&t.code_column, &t.value_column, &t.notes_column].map(|l| normalise_label(l));
    let limit = CellPos::new(t.header_search_rows, 0);
    let mut row = None;
    for (pos, _) in sheet.cells.range(..limit) {
        if row == Some(pos.row) {
            continue;
        }
        row = Some(pos.row);
        let find = |label: &str| {
            row_cells(sheet, pos.row)
                .find(|(_, c)| label_text(c).is_some_and(|t| label_is(t, label)))
                .map(|(p, _)| p.col)
        };
        if let (Some(code_col), Some(value_col)) = (find(&code), find(&value)) {
            let notes_col = find(&notes);
            let second = |label: &str| {
                row_cells(sheet, pos.row)
                    .filter(|(_, c)| label_text(c).is_some_and(|t| label_is(t, label)))
                    .nth(1)
                    .map(|(p, _)| p.col)
            };
            let repeated = [(true, &code), (false, &value)]
                .into_iter()
                .find_map(|(is_code, label)| second(label).map(|col| (is_code, col)));
            return Some(HeaderRow {
                row: pos.row,
                code_col,
                value_col,
                notes_col,
                repeated,
            });
        }
    }
    None
}

/// The Code cell's content as a code: trimmed text, or a number as typed.
fn code_text(cell: &Cell) -> String {
    cell.value.as_found().trim().to_string()
}

type Table = (Vec<TableRow>, Vec<(super::CellRef, Cell)>);

/// Every row below the header row: code rows, and values typed where there is no code.
fn table(sheet: &Sheet, hdr: HeaderRow) -> Table {
    let mut rows = Vec::new();
    let mut stray = Vec::new();
    let below = CellPos::new(hdr.row.saturating_add(1), 0);
    for (pos, cell) in sheet.cells.range(below..) {
        let code = || {
            sheet
                .get(CellPos::new(pos.row, hdr.code_col))
                .map(code_text)
                .unwrap_or_default()
        };
        if pos.col == hdr.code_col {
            let code = code_text(cell);
            if code.is_empty() {
                continue;
            }
            let value_at = CellPos::new(pos.row, hdr.value_col);
            let notes = hdr
                .notes_col
                .and_then(|c| sheet.get(CellPos::new(pos.row, c)))
                .map(|c| c.value.as_found().trim().to_string())
                .filter(|n| !n.is_empty());
            rows.push(TableRow {
                code,
                code_at: sheet.cell_ref(*pos),
                value_at: sheet.cell_ref(value_at),
                value: sheet.get(value_at).cloned(),
                notes,
            });
        } else if pos.col == hdr.value_col && !cell.is_blank() && code().is_empty() {
            stray.push((sheet.cell_ref(*pos), cell.clone()));
        }
    }
    (rows, stray)
}
