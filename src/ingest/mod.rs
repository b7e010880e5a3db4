//! File → cells. Opens a spreadsheet within safe limits, picks the return's
//! sheet and finds the header block and item table by their text.
//! Knows nothing of what values mean: that is [`crate::validate`]'s job.

pub mod cell;
mod convert;
mod extent;
mod header_block;
mod limits;
mod locate;
mod open;
mod read;
mod sniff;
mod stored_zip;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use cell::{column_letters, Cell, CellPos, CellRef, RawCell};
pub use limits::Limits;
pub use locate::locate;
pub use open::{malformed, open, open_bytes, precheck, read_file};

/// The spreadsheet formats a return may come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Xlsx,
    Xlsm,
    Xls,
    Ods,
}

impl Format {
    /// By file extension, case-insensitive. `None` for anything else.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(Format::Xlsx),
            "xlsm" => Some(Format::Xlsm),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }
}

/// One sheet's non-empty cells in sheet coordinates.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub visible: bool,
    pub cells: BTreeMap<CellPos, Cell>,
    /// Merged areas, (top-left, bottom-right) inclusive, where the format reports them.
    pub merged: Vec<(CellPos, CellPos)>,
}

impl Sheet {
    pub fn get(&self, pos: CellPos) -> Option<&Cell> {
        self.cells.get(&pos)
    }

    pub fn cell_ref(&self, pos: CellPos) -> CellRef {
        CellRef {
            sheet: self.name.clone(),
            pos,
        }
    }
}

/// A whole workbook as read.
#[derive(Debug, Clone)]
pub struct Book {
    pub path: PathBuf,
    pub format: Format,
    /// In workbook order, hidden ones included (marked).
    pub sheets: Vec<Sheet>,
}

/// Why a file could not be read as a return. Each maps to one file rule.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IngestError {
    #[error(
        "the file type .{0} is not a spreadsheet kinbench reads (use .xlsx, .xlsm, .xls or .ods)"
    )]
    UnsupportedType(String),
    #[error("the file is not a spreadsheet: {0}")]
    NotASpreadsheet(String),
    #[error("the file is damaged and cannot be opened: {0}")]
    Corrupt(String),
    #[error("the file is password-protected")]
    Protected,
    #[error("the file is too large to read safely: {0}")]
    TooLarge(String),
    #[error("no visible sheet has the table header row ({0})")]
    NotAReturn(String),
    #[error("more than one sheet could be the return: {0}")]
    AmbiguousSheet(String),
    #[error("the table's header row is there twice: {0}")]
    AmbiguousTable(String),
    #[error("cannot read the file: {0}")]
    Io(String),
}

/// A label/value pair of the header block, found by its label's text.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderValue {
    /// The schema's header key (`la_code`, `period`, ...).
    pub key: String,
    pub label_at: CellRef,
    /// The cell the value was taken from (first non-empty cell right of the label, or the one next to it if all are empty).
    pub value_at: CellRef,
    pub value: Option<Cell>,
}

/// One row of the item table that has something in its Code cell.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The code as typed, trimmed.
    pub code: String,
    pub code_at: CellRef,
    pub value_at: CellRef,
    pub value: Option<Cell>,
    pub notes: Option<String>,
}

/// The return's parts, found on its sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub sheet: String,
    /// False when the sheet was found by its header row rather than its name.
    pub sheet_named_as_template: bool,
    /// 0-based row of `Code | Item | Value | Notes`.
    pub header_row: u32,
    pub code_col: u32,
    pub value_col: u32,
    pub notes_col: Option<u32>,
    /// Header-block fields whose label was found, in schema order.
    pub header: Vec<HeaderValue>,
    /// Rows below the header row with a non-empty Code cell, top to bottom.
    pub rows: Vec<TableRow>,
    /// Non-empty Value-column cells in rows with no code (typed on a heading row, say).
    pub stray_values: Vec<(CellRef, Cell)>,
    /// Other visible sheets with the table's header row, not read because `sheet`
    /// is named as in the template.
    pub other_return_sheets: Vec<String>,
}
