//! Reading every sheet of a workbook with calamine, counting cells against the limit.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{
    Data, Dimensions, Ods, OdsError, Range, Reader, SheetType, SheetVisible, Xls, XlsError, Xlsx,
    XlsxError,
};

use super::convert::{boolean_formula, formula_text, raw_cell};
use super::{Cell, CellPos, IngestError, Sheet};

type Bytes<'a> = Cursor<&'a [u8]>;

/// Counts non-empty cells and their text over the whole workbook, so a huge sheet, or a
/// long shared string shown in every cell, stops the read early.
pub(crate) struct CellBudget {
    max: usize,
    used: usize,
    max_text: usize,
    text: usize,
}

impl CellBudget {
    pub(crate) fn new(max: usize, max_text: usize) -> CellBudget {
        CellBudget {
            max,
            used: 0,
            max_text,
            text: 0,
        }
    }

    fn take(&mut self) -> Result<(), IngestError> {
        self.used += 1;
        if self.used > self.max {
            return Err(IngestError::TooLarge(format!(
                "it has more than {} filled cells",
                self.max
            )));
        }
        Ok(())
    }

    /// The text a cell holds (its value's and its formula's), which is its own copy.
    fn take_text(&mut self, cell: &Cell) -> Result<(), IngestError> {
        let value = match &cell.value {
            super::RawCell::Text(t) | super::RawCell::Date(t) | super::RawCell::Error(t) => t.len(),
            _ => 0,
        };
        let formula = cell.formula.as_ref().map_or(0, String::len);
        self.text = self.text.saturating_add(value).saturating_add(formula);
        if self.text > self.max_text {
            return Err(IngestError::TooLarge(format!(
                "its cells hold more than {} bytes of text, every shared copy counted",
                self.max_text
            )));
        }
        Ok(())
    }
}

fn xlsx_error(e: XlsxError) -> IngestError {
    match e {
        XlsxError::Password => IngestError::Protected,
        e => IngestError::Corrupt(e.to_string()),
    }
}

fn xls_error(e: XlsError) -> IngestError {
    match e {
        XlsError::Password => IngestError::Protected,
        e => IngestError::Corrupt(e.to_string()),
    }
}

fn ods_error(e: OdsError) -> IngestError {
    match e {
        OdsError::Password => IngestError::Protected,
        e => IngestError::Corrupt(e.to_string()),
    }
}

/// Office saves a password-to-open xlsx as a compound file holding `EncryptedPackage`;
/// calamine's xlsx reader recognises exactly that.
pub(crate) fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    matches!(
        Xlsx::<Bytes>::new(Cursor::new(bytes)),
        Err(XlsxError::Password)
    )
}

fn merged(dims: Vec<Dimensions>) -> Vec<(CellPos, CellPos)> {
    dims.into_iter()
        .map(|d| {
            (
                CellPos::new(d.start.0, d.start.1),
                CellPos::new(d.end.0, d.end.1),
            )
        })
        .collect()
}

fn sheet(
    name: String,
    visible: SheetVisible,
    cells: BTreeMap<CellPos, Cell>,
    merged: Vec<(CellPos, CellPos)>,
) -> Sheet {
    Sheet {
        name,
        visible: visible == SheetVisible::Visible,
        cells,
        merged,
    }
}

/// xlsx and xlsm, cell by cell from the sheet XML: never a dense grid, so one stray
/// cell at `XFD1048576` costs one cell, not seventeen billion.
pub(crate) fn xlsx(bytes: &[u8], budget: &mut CellBudget) -> Result<Vec<Sheet>, IngestError> {
    let mut wb = Xlsx::<Bytes>::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let metas = wb.sheets_metadata().to_vec();
    let mut sheets = Vec::new();
    for meta in metas.into_iter().filter(|m| m.typ == SheetType::WorkSheet) {
        let mut cells = BTreeMap::new();
        let mut reader = wb.worksheet_cells_reader(&meta.name).map_err(xlsx_error)?;
        while let Some(c) = reader.next_cell_with_formula().map_err(xlsx_error)? {
            let cell = Cell {
                value: raw_cell(&Data::from(c.value)),
                formula: c.formula.as_deref().and_then(formula_text),
            };
            if cell.is_blank() {
                continue;
            }
            budget.take()?;
            budget.take_text(&cell)?;
            cells.insert(CellPos::new(c.pos.0, c.pos.1), cell);
        }
        drop(reader);
        // Merges only help locate labels; a sheet whose merge list is unreadable still reads.
        let merges = wb.merge_cells_by_sheet_name(&meta.name).unwrap_or_default();
        sheets.push(sheet(meta.name, meta.visible, cells, merged(merges)));
    }
    Ok(sheets)
}

/// Legacy `.xls` (BIFF in a compound file).
pub(crate) fn xls(bytes: &[u8], budget: &mut CellBudget) -> Result<Vec<Sheet>, IngestError> {
    let mut wb = Xls::<Bytes>::new(Cursor::new(bytes)).map_err(xls_error)?;
    let metas = wb.sheets_metadata().to_vec();
    let mut sheets = Vec::new();
    for meta in metas.into_iter().filter(|m| m.typ == SheetType::WorkSheet) {
        let values = wb.worksheet_range(&meta.name).map_err(xls_error)?;
        let formulas = wb.worksheet_formula(&meta.name).map_err(xls_error)?;
        let cells = from_ranges(&values, &formulas, budget)?;
        let merges = wb.merge_cells_by_sheet_name(&meta.name).unwrap_or_default();
        sheets.push(sheet(meta.name, meta.visible, cells, merged(merges)));
    }
    Ok(sheets)
}

/// OpenDocument `.ods`. calamine does not report its merged areas.
pub(crate) fn ods(bytes: &[u8], budget: &mut CellBudget) -> Result<Vec<Sheet>, IngestError> {
    let mut wb = Ods::<Bytes>::new(Cursor::new(bytes)).map_err(ods_error)?;
    let metas = wb.sheets_metadata().to_vec();
    let mut sheets = Vec::new();
    for meta in metas {
        let values = wb.worksheet_range(&meta.name).map_err(ods_error)?;
        let formulas = wb.worksheet_formula(&meta.name).map_err(ods_error)?;
        let cells = from_ranges(&values, &formulas, budget)?;
        sheets.push(sheet(meta.name, meta.visible, cells, Vec::new()));
    }
    Ok(sheets)
}

/// Merges a values grid and a formulas grid, each anchored at its own first used cell.
fn from_ranges(
    values: &Range<Data>,
    formulas: &Range<String>,
    budget: &mut CellBudget,
) -> Result<BTreeMap<CellPos, Cell>, IngestError> {
    let mut cells: BTreeMap<CellPos, Cell> = BTreeMap::new();
    let at = |start: Option<(u32, u32)>, r: usize, c: usize| {
        let (r0, c0) = start.unwrap_or((0, 0));
        CellPos::new(r0.saturating_add(r as u32), c0.saturating_add(c as u32))
    };
    // Blank-looking values are kept until formulas are merged: a formula whose cached
    // result is "" has been calculated, and must not pass for an uncalculated one.
    for (r, c, data) in values.used_cells() {
        budget.take()?;
        cells.insert(at(values.start(), r, c), Cell::value(raw_cell(data)));
    }
    for (r, c, text) in formulas.used_cells() {
        let Some(formula) = formula_text(text) else {
            continue;
        };
        let pos = at(formulas.start(), r, c);
        match cells.get_mut(&pos) {
            Some(cell) => cell.formula = Some(formula),
            None => {
                budget.take()?;
                cells.insert(
                    pos,
                    Cell {
                        value: super::RawCell::Empty,
                        formula: Some(formula),
                    },
                );
            }
        }
    }
    cells.retain(|_, cell| !cell.is_blank());
    for cell in cells.values() {
        budget.take_text(cell)?;
    }
    for cell in cells.values_mut() {
        if cell.formula.is_some() {
            *cell = boolean_formula(std::mem::replace(cell, Cell::value(super::RawCell::Empty)));
        }
    }
    Ok(cells)
}
